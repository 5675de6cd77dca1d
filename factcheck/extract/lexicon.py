"""Compiled patterns built once from the unit table (rules/unit_aliases.yaml).

Every pattern is used anchored at a known position (`pattern.match(text, pos)`) or on a
short window, and repetition is bounded or possessive, so scanning stays linear on
hostile input (100,000 digits, "million million ...", a 5 MB line).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import regex

from factcheck.extract import words as W
from factcheck.extract.units import Form, UnitTable, load_units

_SP = r"[ \u00a0\u202f]"


def _alt(items, escape=True) -> str:
    items = sorted(set(items), key=lambda s: (-len(s), s))
    return "|".join(regex.escape(i) if escape else i for i in items)


def _word_form(text: str) -> str:
    """A multi-word unit form: spaces may be any run of blanks, hyphens stay optional."""
    parts = [regex.escape(p) for p in text.split()]
    return (_SP + "+").join(parts)


@dataclass
class Lexicon:
    table: UnitTable
    number: regex.Pattern
    scale: regex.Pattern
    unit_words: regex.Pattern
    unit_symbols: regex.Pattern
    unit_lookup: dict[str, Form]            # lower-cased word form / exact symbol -> Form
    suffix_currency: regex.Pattern
    minor_currency: regex.Pattern
    prefix_currency: regex.Pattern
    denominator: regex.Pattern
    hedge_before: regex.Pattern
    change_before: regex.Pattern
    change_after: regex.Pattern
    post_hedge: regex.Pattern
    text_mask: regex.Pattern
    number_mask: regex.Pattern
    digits: regex.Pattern
    word_number: regex.Pattern
    age_after: regex.Pattern
    fraction_of: regex.Pattern
    one_in: regex.Pattern
    fraction_scale: regex.Pattern
    # Cheap gates in front of the costly patterns: a pattern is tried only when the text
    # around the figure starts (or ends) with something it could match.
    unit_word_firsts: frozenset = frozenset()   # lower-cased leading letters of word forms
    unit_symbol_firsts: frozenset = frozenset()  # leading letters of symbols, case kept
    unit_other_firsts: frozenset = frozenset()   # first characters of forms not led by a letter
    prefix_tails: frozenset = frozenset()    # last chars of currency symbols before a figure
    hedge_tails: frozenset = frozenset()     # last words of hedges before a figure
    change_tails: frozenset = frozenset()    # last words a change phrase can end with


def _number_pattern() -> str:
    return _word_pattern() + "|" + _digit_pattern()


def _digit_pattern() -> str:
    digits = (r"(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+(?![\d])(?!\.\d)(?!,\d{3})"
              r"|(?<![\d])\.\d++(?![\d])")
    return (
        rf"(?P<mixed>(?<![\w.,/])\d{{1,3}}[ \u00a0-]\d{{1,2}}[⁄/]\d{{1,3}}(?![\w/⁄]))"
        rf"|(?P<fracdig>(?<![\w.,/])\d{{1,2}}[⁄/]\d{{1,3}}(?![\w/]))"
        rf"|(?P<vulgar>[½⅓⅔¼¾⅕⅛])"
        rf"|(?P<digits>(?<![\d.,]){digits})"
    )


def _word_pattern() -> str:
    units = _alt(W.UNITS_WORDS)
    tens = _alt(W.TENS_WORDS)
    small = rf"(?:(?:{tens})(?:[-{_SP[1:-1]}](?:{_alt(k for k in W.UNITS_WORDS if W.UNITS_WORDS[k] < 10 and k != 'zero')}))?|{units})"
    group = rf"{small}(?:[-\s]hundred(?:[-\s](?:and[-\s])?{small})?)?"
    full = rf"{group}(?:[-\s]thousand(?:[-\s](?:and[-\s])?{group})?)?"
    fractions = _alt(W.FRACTION_WORDS)
    vague = (r"(?:tens[ ]of[ ](?:thousands|millions|billions)|hundreds[ ]of[ ](?:thousands|millions|billions)"
             r"|dozens|hundreds|thousands|millions|billions|trillions)[ ]of")
    return (
        rf"(?P<vague>(?i:(?<![\w-]){vague}(?![\w])))"
        rf"|(?P<ascale>(?i:(?<![\w-])an?{_SP}+(?:dozen|hundred|thousand|million|billion|trillion)(?![\w-])))"
        rf"|(?P<couple>(?i:(?<![\w-])a{_SP}+(?:couple|pair)(?={_SP}+(?:of{_SP}|hundred|thousand|million|billion|dozen))))"
        rf"|(?P<foldw>(?i:(?<![\w-])(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)fold(?![\w])))"
        rf"|(?P<frac>(?i:(?<![\w-])(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[-{_SP[1:-1]}]+)?(?:{fractions})(?![\w-])))"
        rf"|(?P<words>(?i:(?<![\w-]){full}(?![\w])))"
    )


# Spans that hold digits but no quantity. Text masks are searched only when their trigger
# is present; number masks are tried anchored where a run of digits starts.
_URL_MASK, _WWW_MASK, _EMAIL_MASK = r"https?://\S++", r"www\.\S++", r"[\w.+-]++@[\w-]++\.[\w.]++"
_TICKER_MASK = r"(?<![\w])[A-Z]{2,6}:[A-Z0-9.]{1,10}+"
_TEXT_MASK = "(?i:" + "|".join((_URL_MASK, _WWW_MASK, _EMAIL_MASK)) + ")|" + _TICKER_MASK
_text_masks: dict[tuple[bool, bool, bool], regex.Pattern] = {}


def text_mask_for(text: str) -> regex.Pattern:
    """_TEXT_MASK without the alternatives whose literal part `text` lacks ("://", "www.",
    "@"): they cannot match, and the e-mail one costs a try at every word."""
    key = ("://" in text, "www." in text.lower(), "@" in text)
    pattern = _text_masks.get(key)
    if pattern is None:
        kept = [p for p, present in zip((_URL_MASK, _WWW_MASK, _EMAIL_MASK), key) if present]
        pattern = _text_masks[key] = regex.compile(
            ("(?i:" + "|".join(kept) + ")|" if kept else "") + _TICKER_MASK)
    return pattern
_NUMBER_MASK = (
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{3}[.-])\d{3}[ .-]\d{4}(?!\d)"
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:.]{2,20}+Z?)?(?!\d)"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d.])"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?![\d])"
    r"|\d{1,2}(?:[.:]\d{2})?" + _SP + r"?(?:[ap]\.m\.|[AaPp][Mm](?![A-Za-z]))"
    r"|\d{3,4}" + _SP + r"?(?:GMT|UTC|EDT|EST|PDT|PST|BST|CET|CEST|MSK|hrs\b)(?![A-Za-z])"
    r"|(?i:\d{1,3}" + _SP + r"?-?(?:min|mins|minute|minutes)" + _SP + r"+read\b)"
    r"|(?:19|20)\d{2}[/-]\d{2}(?![\d])"
)
# Words that can start a written number; the word patterns are tried only where one starts
NUMBER_WORD_STARTS = frozenset(
    list(W.UNITS_WORDS) + list(W.TENS_WORDS) + list(W.FRACTION_WORDS) + list(W.VAGUE_PLURALS)
    + ["a", "an"] + [w + "fold" for w in ("two", "three", "four", "five", "six", "seven",
                                          "eight", "nine", "ten", "twenty", "hundred", "thousand")])


def leading_letters(text: str, start: int = 0) -> str:
    """The run of letters at text[start:] ("kb" of "kb/d", "m" of "m³", "" of "%")."""
    i = start
    while i < len(text) and text[i].isalpha():
        i += 1
    return text[start:i]


def build(table: UnitTable) -> Lexicon:
    word_forms = [f for f in table.forms if f.words]
    sym_forms = [f for f in table.forms if not f.words]
    lookup: dict[str, Form] = {}
    word_alts = []
    for f in word_forms:
        key = " ".join(f.text.lower().split())
        lookup.setdefault(key, f)
        word_alts.append(_word_form(f.text))
    for f in sym_forms:
        lookup.setdefault(f.text, f)
    words_re = "|".join(sorted(set(word_alts), key=lambda s: -len(s)))
    unit_words = regex.compile(
        rf"(?:{_SP}?-?|{_SP}*)(?P<u>(?i:{words_re}))(?:(?<=[^s])(?i:es|s))?(?![\w])")
    unit_symbols = regex.compile(
        rf"(?:{_SP}?-?|{_SP}?)(?P<u>{_alt(f.text for f in sym_forms)})(?![A-Za-z0-9])")

    suffix = table.currency_suffix
    suffix_words = [w for w in suffix if w[:1].isalpha()]
    suffix_syms = [w for w in suffix if not w[:1].isalpha()]
    suffix_currency = regex.compile(
        rf"(?:{_SP}*(?P<w>(?i:{'|'.join(_word_form(w) for w in sorted(suffix_words, key=len, reverse=True))}))(?![\w])"
        rf"|{_SP}?(?P<s>{_alt(suffix_syms)}))")
    minor_words = [w for w in table.currency_minor if len(w) > 1]
    minor_currency = regex.compile(
        rf"(?:{_SP}*(?P<w>(?i:{_alt(minor_words)}))(?![\w])|{_SP}?(?P<p>p)(?![\w]))")

    prefix_alts = []
    for sym in sorted(table.currency_prefix, key=len, reverse=True):
        esc = regex.escape(sym).replace(r"\ ", _SP + "?")
        if sym[:1].isalpha():
            esc = rf"(?<![A-Za-z]){esc}"
        prefix_alts.append(esc)
    # Patterns anchored at the end of a window run in REVERSE: the match is tried from
    # the end only, instead of from every start position of the window.
    prefix_currency = regex.compile(
        rf"(?P<c>{'|'.join(prefix_alts)}){_SP}?(?P<sign>[-−+])?{_SP}?$", regex.REVERSE)

    dens = sorted(table.denominators, key=len, reverse=True)
    den_alt = "|".join(_word_form(d) for d in dens)
    adverbs = "|".join(_word_form(a) for a in sorted(table.denominator_adverbs, key=len, reverse=True))
    denominator = regex.compile(
        rf"(?P<of>{_SP}+of{_SP}+[a-z]{{2,20}}(?:{_SP}[a-z]{{2,20}})?)?"
        rf"(?:{_SP}*(?:(?i:per|an?|each|every|a-){_SP}+|{_SP}?/{_SP}?|-a-|{_SP}a-)(?P<den>(?i:{den_alt}))(?!\w)"
        rf"(?!{_SP}+(?i:earlier|ago|before|later|after|prior|previously|back|since)\b)"
        rf"|{_SP}+(?P<adv>(?i:{adverbs}))(?!\w))")

    hedges = [h for h in W.HEDGES if h[:1].isalpha()]
    hsyms = [h for h in W.HEDGES if not h[:1].isalpha()]
    hedge_before = regex.compile(
        rf"(?:(?<![\w])(?P<h>(?i:{'|'.join(_word_form(h) for h in sorted(hedges, key=len, reverse=True))})){_SP}+"
        rf"|(?P<s>{_alt(hsyms)}){_SP}?)$", regex.REVERSE)
    verbs = _alt(W.UP_VERBS + W.DOWN_VERBS)
    change_before = regex.compile(
        rf"(?<![\w])(?P<v>(?i:{verbs}))(?:{_SP}+(?P<d>(?i:up|down|higher|lower))"
        rf"|(?:{_SP}+[a-z]{{2,15}}){{1,2}}(?={_SP}+by{_SP}*$))?"
        rf"(?:{_SP}+(?i:by))?(?:{_SP}+(?i:a{_SP}+further|another|an{_SP}+additional|a{_SP}+combined"
        rf"|an{_SP}+average{_SP}+of|a{_SP}+total{_SP}+of|a{_SP}+whopping|a{_SP}+massive|a{_SP}+record))?{_SP}*$", regex.REVERSE)
    change_after = regex.compile(
        rf"{_SP}*-?(?P<n>(?i:{_alt(W.UP_NOUNS + W.DOWN_NOUNS + ['higher', 'lower'])}))(?![\w])")
    post_hedge = regex.compile(rf"(?:{_SP}+(?P<w>or{_SP}+(?:so|more|less|fewer))(?![\w])|-?(?P<p>plus)(?![\w])|(?P<s>\+))")
    age_after = regex.compile(rf"(?i:{_SP}?-?{_SP}?(?P<u>year|month|week|day)s?{_SP}?-{_SP}?olds?|{_SP}(?P<u2>year|month)s{_SP}old)(?![\w])")
    fraction_scale = regex.compile(
        rf"(?:{_SP}+of)?(?:{_SP}+an?)?{_SP}+(?P<w>(?i:million|billion|trillion|thousand|hundred|dozen))(?![\w-])")
    fraction_of = regex.compile(rf"{_SP}+(?i:of|the|a|an|its|their|his|her|our|all){_SP}")
    one_in = regex.compile(rf"{_SP}+(?i:in|out{_SP}+of){_SP}+(?P<d>\d{{1,3}}|(?i:{_alt(W.UNITS_WORDS)}|ten|twenty|hundred))(?![\w])")

    scale = regex.compile(
        rf"(?:(?P<g>(?:mln|mn|bln|bn|tn|trn|mil)(?![A-Za-z0-9])|[kKmMbB](?![A-Za-z0-9]))"
        rf"|{_SP}(?P<g2>(?:mln|mn|bln|bn|tn|trn|mil)(?![A-Za-z0-9]))"
        rf"|(?:{_SP}+|-)(?P<w>(?i:hundred|thousand|million|billion|trillion|lakh|crore|dozen))(?![a-zA-Z])"
        rf"(?:{_SP}+(?P<w2>(?i:thousand|million|billion))(?![a-zA-Z]))?)")
    word_firsts, symbol_firsts, other_firsts = set(), set(), set()
    words_written = [f.text for f in word_forms] + [
        w for w in list(table.currency_suffix) + list(table.currency_minor) + ["p"]
        if w[:1].isalpha()]
    symbols_written = [f.text for f in sym_forms] + [
        w for w in table.currency_suffix if not w[:1].isalpha()]
    for w in words_written:
        lead = leading_letters(w.split()[0])
        (word_firsts.add(lead.lower()) if lead else other_firsts.add(w[0]))
    for w in symbols_written:
        lead = leading_letters(w)
        (symbol_firsts.add(lead) if lead else other_firsts.add(w[0]))
    prefix_tails = {sym[-1] for sym in table.currency_prefix}
    hedge_tails = {h.split()[-1].lower() for h in W.HEDGES if h[:1].isalpha()}
    change_tails = set(W.UP_VERBS + W.DOWN_VERBS) | {
        "up", "down", "higher", "lower", "by", "further", "another", "additional", "combined",
        "of", "whopping", "massive", "record"}
    return Lexicon(
        table=table, number=regex.compile(_number_pattern()), scale=scale,
        unit_words=unit_words, unit_symbols=unit_symbols, unit_lookup=lookup,
        suffix_currency=suffix_currency, minor_currency=minor_currency,
        prefix_currency=prefix_currency, denominator=denominator, hedge_before=hedge_before,
        change_before=change_before, change_after=change_after, post_hedge=post_hedge,
        text_mask=regex.compile(_TEXT_MASK), number_mask=regex.compile(_NUMBER_MASK),
        digits=regex.compile(r"(?=[\d.½⅓⅔¼¾⅕⅛])(?:" + _digit_pattern() + ")"), word_number=regex.compile(_word_pattern()),
        age_after=age_after, fraction_of=fraction_of, one_in=one_in,
        fraction_scale=fraction_scale,
        unit_word_firsts=frozenset(word_firsts), unit_symbol_firsts=frozenset(symbol_firsts),
        unit_other_firsts=frozenset(other_firsts),
        prefix_tails=frozenset(prefix_tails), hedge_tails=frozenset(hedge_tails),
        change_tails=frozenset(change_tails))


_lock = threading.Lock()
_cache: dict[str, Lexicon] = {}


def adopt_lexicon(table: UnitTable, lexicon: Lexicon) -> None:
    """Let get_lexicon answer for `table` with a lexicon built elsewhere (the engine's
    cached rules keep it, its patterns pickled as engine code), instead of compiling its
    patterns again: about 70 ms of every start. A lexicon built from another table is
    not taken."""
    if not isinstance(lexicon, Lexicon) or lexicon.table is not table:
        return
    with _lock:
        _cache.setdefault(str(id(table)), lexicon)


def get_lexicon(rules_dir: str | Path | None = None) -> Lexicon:
    table = load_units(rules_dir)
    key = str(id(table))
    with _lock:
        lex = _cache.get(key)
        if lex is None:
            lex = build(table)
            _cache[key] = lex
        return lex
