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
                         f"peak {_peak_mb():.0f} MB\n")
