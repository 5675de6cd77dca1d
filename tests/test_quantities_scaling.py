"""find_quantities on texts that are nothing but figures."""

from __future__ import annotations

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


def test_a_long_text_of_only_figures_is_read_whole():
    """Completes and reads every figure (its time against size is measured by
    benchmarks/bench_speed.py --pathological, not asserted here)."""
    for make in (_counting, _grouped):
        text = make(200_000)
        found = find_quantities(text)
        assert len(found) > 20_000 and all(text[q.start:q.end] == q.text for q in found[:500])


def test_figures_only_text_is_read_as_figures():
    qs = find_quantities("12,345 67,890 11,223")
    assert [q.value for q in qs] == [12345, 67890, 11223]


def test_line_start_sees_only_blanks_back_to_the_break():
    text = "Intro\n  3. Third point\nIt cost 3. Then"
    assert _starts_line(text, text.index("3."))
    assert not _starts_line(text, text.rindex("3."))
    assert _starts_line("4) fourth", 0)
