"""Stage timings on stderr, for finding where a large run spends its time and memory.

Set FACTCHECK_TIMINGS=1: each stage prints its wall time and the process's peak memory so
far. Off by default; costs nothing when off.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import Iterator

ENABLED = os.environ.get("FACTCHECK_TIMINGS", "") not in ("", "0")


def _peak_mb() -> float:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (ImportError, OSError):
        return float("nan")


def _since_start() -> float:
    """Seconds since the run's process started (interpreter start-up included). The start
    is read once: a child forked after it (the checks' second process) counts from the
    run's start too, so the two processes' lines read on one clock."""
    global _STARTED
    try:
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
        if _STARTED is None:
            with open("/proc/self/stat", "rb") as handle:
                ticks = int(handle.read().rsplit(b")", 1)[1].split()[19])
            _STARTED = ticks / os.sysconf("SC_CLK_TCK")
        return uptime - _STARTED
    except (OSError, ValueError, IndexError):
        return float("nan")


_STARTED: float | None = None


@contextmanager
def stage(name: str) -> Iterator[None]:
    if not ENABLED:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        sys.stderr.write(f"factcheck: timing: {name}: {time.perf_counter() - start:.2f} s, "
                         f"ends at {_since_start():.2f} s, peak {_peak_mb():.0f} MB\n")
