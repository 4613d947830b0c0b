"""The progress protocol of long work in core, one for every front end.

`progress(done, total, message)` says how far the work has got (the GUI shows it in a
progress dialog, the CLI on stderr); `cancelled()` is asked between steps and, when it
answers True, the work stops and rolls back. Both are plain callables, so core stays free
of Qt and a test passes a list's `append`.
"""
from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
