"""Sentence ends are found in one regex pass: the same spans as reading every run of
stops and then asking what follows it."""

from hypothesis import given, settings, strategies as st

from factcheck.frame import sentences as S
from factcheck.frame.sentences import split_sentences


def _two_step(text: str) -> list[tuple[int, int]]:
    cuts: set[int] = set()
    for m in S._END.finditer(text):
        if not S._AFTER.match(text, m.end()):
            continue
        if m.group(0)[0] == "." and len(m.group(0).rstrip("\"'”’)]")) == 1 \
                and S._is_abbreviation(text, m.start()):
            continue
        cuts.add(m.end())
    for m in S._BLANK_LINE.finditer(text):
        cuts.add(m.start())
    for m in S._LINE_BREAK.finditer(text):
        if S._line_break_ends(text, m.start()):
            cuts.add(m.start())
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(cuts) + [len(text)]:
        if cut > prev:
            S._trim(text, prev, cut, spans)
            prev = cut
    return spans


def test_decimals_ellipses_and_quotes():
    text = ('Output rose 2.5% to 1.87 mb/d... Traders said "it will hold." Prices '
            'were $80.5 a barrel?! "No," he said. U.S. crude fell.')
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Output rose 2.5% to 1.87 mb/d...", 'Traders said "it will hold."',
                   "Prices were $80.5 a barrel?!", '"No," he said.', "U.S. crude fell."]


_PIECES = st.sampled_from(["Oil", "rose", "2.5", ".", "...", "!", "?", '"', "'", ")", " ",
                           "  ", "\n", "\n\n", "A", "7", "Corp.", "U.S.", "No.", "-", "•",
                           "fell", "”", "“", "a"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_one_pass_matches_the_two_step_reading(text):
    assert split_sentences(text) == _two_step(text)
