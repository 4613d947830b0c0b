from __future__ import annotations

import pytest

from core import messages


@pytest.fixture(autouse=True)
def chinese_messages():
    """`--lang en` in a CLI test sets the language for the process: put it back."""
    messages.set_language("zh_CN")
    yield
    messages.set_language("zh_CN")
