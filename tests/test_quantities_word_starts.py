"""Written numbers are tried only where a number word starts; "a"/"an" only before a
scale word or a fraction. The shortcut finds what trying every word would find."""

import regex
from hypothesis import given, settings, strategies as st

from factcheck.extract import _scanner, find_quantities
from factcheck.extract import parser as P


def _every_word(text: str) -> list[tuple[int, int]]:
    sc = _scanner(False, None)
    found = [m.span() for m in sc.lex.digits.finditer(text)]
    low = text.lower()
    for wm in P._WORD_TOKEN.finditer(low):
        if wm.group() in P._WORD_STARTS:
            hit = sc.lex.word_number.match(text, wm.start())
            if hit is not None:
                found.append(hit.span())
    return sorted(found)


def test_article_before_scale_word_or_fraction():
    texts = {q.text for q in find_quantities(
        "A dozen rigs and a third of the fleet idled; a couple of hundred staff left, "
        "an estimated five wells shut and a half-built terminal waits.")}
    assert {"A dozen", "a third", "a couple of hundred", "an estimated five"} <= texts


_WORDS = st.sampled_from(["a", "an", "A", "An", "dozen", "third", "half", "couple", "of",
                          "pair", "hundred", "two", "twenty", "one", "oil", "rigs", "-",
                          " ", "  ", "\u00a0", ",", "5", "thousand", "tens", "fold", "ſixth"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map("".join))
def test_word_start_shortcut_finds_the_same_numerals(text):
    spans = sorted(m.span() for m in _scanner(False, None)._candidates(text))
    sc = _scanner(False, None)
    low = text.lower()
    tokens = set(P._LOWER_WORD.findall(low if len(low) == len(text) else text))
    if not (tokens & P._WORD_STARTS_NO_ARTICLE) and not (
            ("a" in tokens or "an" in tokens) and tokens & P._AFTER_ARTICLE):
        assert spans == sorted(m.span() for m in sc.lex.digits.finditer(text))
    else:
        assert spans == _every_word(text)


_MASKED = st.lists(st.sampled_from(["see ", "https://x.org/a1 ", "HTTP://Y.COM/2 ", "WWW.oil.kz ",
                                    "www.a.b ", "ops@kmg.kz ", "NYSE:CVX ", "3.5 ", ": ",
                                    "rose 4% ", "@", "://", "a_b.c@d-e.f "]),
                   max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(_MASKED)
def test_text_mask_without_absent_alternatives_masks_the_same(text):
    from factcheck.extract.lexicon import text_mask_for
    full = _scanner(False, None).lex.text_mask
    assert [m.span() for m in text_mask_for(text).finditer(text)] == \
        [m.span() for m in full.finditer(text)]
