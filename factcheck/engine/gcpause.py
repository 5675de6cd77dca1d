"""Collector pauses for the corpus-wide steps.

A run builds millions of small objects (claims, spans, token tuples) that live until the
report is written and form no reference cycles. CPython's cyclic collector would walk
them again and again as they accumulate, which at archive scale costs a third of the
reduce step; reference counting still frees everything that is not a cycle.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without cyclic collection; what exists before it is never re-walked."""
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
