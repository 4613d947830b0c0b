"""Killing a writer part-way: what the crash tests share."""
from __future__ import annotations

import os
import signal
import subprocess
import time


def run_killed(command: list[str], delay: float | None, timeout: float = 120) -> list[str]:
    """Run `command` until it prints "writing", then SIGKILL it `delay` seconds later (None:
    let it finish); the lines it printed after "writing"."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        if delay is None:
            proc.wait(timeout=timeout)
        else:
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        return [line for line in proc.stdout.read().split("\n") if line]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
