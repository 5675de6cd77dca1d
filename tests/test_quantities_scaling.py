"""find_quantities stays linear on texts that are nothing but figures."""

from __future__ import annotations

import time

from factcheck.extract import find_quantities
from factcheck.extract.parser import _starts_line


def _counting(size: int) -> str:
    parts, n, i = [], 0, 1
    while n < size:
        parts.append(str(i))
        n += len(parts[-1]) + 1
        i += 1
    return " ".join(parts)


def _grouped(size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(f"{12345 + i * 55545 % 900000:,}")
        n += len(parts[-1]) + 1
        i += 1
    return " ".join(parts)


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - t0)
    return best


def test_figures_only_text_scales_linearly():
    """Four times the text may cost about four times the time; a quadratic step costs
    sixteen. The bound leaves room for a loaded machine."""
    for make in (_counting, _grouped):
        small, large = _cpu(make(40_000)), _cpu(make(160_000))
        assert large < 8 * max(small, 0.01), (make.__name__, small, large)


def test_figures_only_text_is_read_as_figures():
    qs = find_quantities("12,345 67,890 11,223")
    assert [q.value for q in qs] == [12345, 67890, 11223]


def test_line_start_sees_only_blanks_back_to_the_break():
    text = "Intro\n  3. Third point\nIt cost 3. Then"
    assert _starts_line(text, text.index("3."))
    assert not _starts_line(text, text.rindex("3."))
    assert _starts_line("4) fourth", 0)
