"""Tokens for near-duplicate detection: house-style variants fold to one form, and the
quick path for ASCII text gives exactly what the general path gives."""

from hypothesis import given, settings, strategies as st

from factcheck.checks.textnorm import (_any_tokens, _ascii_tokens, normalise_tokens,
                                       shingles, split_sentences)


def test_house_style_variants_fold_together():
    a = "The U.S. refinery's throughput totalled 1,250 tonnes, up 4 per cent."
    b = "The US refinerys throughput totaled 1250 tons - up 4%."
    assert normalise_tokens(a) == normalise_tokens(b)
    assert normalise_tokens(a) == ["the", "us", "refinerys", "throughput", "totaled", "1250",
                                   "tons", "up", "4", "percent"]


def test_decimal_point_stays_and_full_stops_go():
    assert normalise_tokens("Output was 2.12 mb/d. Then it fell.") == \
        ["output", "was", "2.12", "mb", "d", "then", "it", "fell"]
    assert normalise_tokens("Version 1.2.3 shipped in Q4.") == \
        ["version", "1.2.3", "shipped", "in", "q4"]
    assert normalise_tokens("...and 5. ") == ["and", "5"]


def test_curly_quotes_and_accents_take_the_general_path():
    assert normalise_tokens("The minister\u2019s \u201cdefence\u201d plan \u2013 caf\u00e9") == \
        ["the", "ministers", "defense", "plan", "café"]


def test_returned_lists_are_independent():
    first = normalise_tokens("Crude exports rose sharply in May.")
    first.append("changed")
    assert normalise_tokens("Crude exports rose sharply in May.")[-1] == "may"


_ASCII = st.lists(st.sampled_from(list("aAbUSc .,'%-_0123456789\n\t\"()$/") +
                                  ["per cent", "Per Cent", "PERCENT", "U.S.", "1,000", "colour",
                                   "centre", "organise", "cent", "p.m.", "3.5."]),
                  max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(_ASCII)
def test_ascii_path_matches_the_general_path(text):
    assert _ascii_tokens(text) == _any_tokens(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["oil", "gas", "rose", "fell", "2.5"]), max_size=8),
       st.integers(min_value=1, max_value=4))
def test_shingles_are_the_word_k_grams(tokens, k):
    expected = frozenset(" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)) \
        if len(tokens) >= k else (frozenset([" ".join(tokens)]) if tokens else frozenset())
    assert shingles(tokens, k) == expected


def test_sentences_do_not_end_at_abbreviations():
    text = "Shares of Acme Corp. rose. Dr. Smith left. Output hit 5 mb/d in Jan. Prices fell."
    assert [s for _, s in split_sentences(text)] == [
        "Shares of Acme Corp. rose.", "Dr. Smith left.",
        "Output hit 5 mb/d in Jan. Prices fell."]
