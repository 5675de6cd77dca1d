"""The quantity scanner: finds figures, reads what is written around them, and joins
ranges and elided units.

One pass finds every numeral (digits, number words, fractions, vague plurals); each is
read outwards with anchored patterns (left: currency, sign, hedge, change verb; right:
scale, unit, denominator, counted noun) and dropped when it is a date, a year, a time, an
ordinal, a name or model number. A second pass over the figures of the text joins ranges
("25% to 50%"), carries a unit to an elided figure ("to 20 million tons a year from 1.5
million") and a scale back ("between 2 and 3 million").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import regex

from factcheck.extract import words as W
from factcheck.extract.intervals import interval, written_precision
from factcheck.extract.lexicon import NUMBER_WORD_STARTS as _WORD_STARTS
from factcheck.extract.lexicon import text_mask_for
from factcheck.extract.lexicon import Lexicon, leading_letters
from factcheck.frame.lazy_pattern import deferred, deferred_regex

_YEAR_LOW, _YEAR_HIGH = 1600, 2200
_WORD_RE = deferred_regex(r"[A-Za-z][A-Za-z'’&.-]*+")
_CAP_TOKEN = deferred_regex(r"(?:^|[\s(\[\"“])(?P<t>[A-Za-z0-9&'’./]*[A-Z][A-Za-z0-9&'’./]*+)[ \u00a0]$")
_NEXT_WORDS = deferred_regex(r"[ \u00a0]++([A-Za-z][A-Za-z'’-]{0,30}+)(?:[ \u00a0]++([A-Za-z][A-Za-z'’-]{0,30}+))?(?:[ \u00a0]++([A-Za-z][A-Za-z'’-]{0,30}+))?")
_METRE_CONTEXT = deferred_regex(
    r"(?:[ \u00a0]*\([ \u00a0]*[\d.,]+[ \u00a0]*(?:ft|feet|foot|in|inches|yd|yards)\b"
    r"|-?(?:long|high|tall|wide|deep)\b|[ \u00a0](?:long|high|tall|wide|deep|away|above|below|race|sprint|hurdles|freestyle|dash|relay|swim|run)\b)")
_YEAR_DETERMINERS = set(
    "in since of by from until till the his her its their our this that between and mid early "
    "late during before after through fiscal season year model class vintage".split())
_LINK_TAIL = deferred_regex(
    r"(?i:(?:^|[^\w])(?:from|to|than|versus|vs\.?|against|and|or|compared[ ]+(?:with|to)|while|but|including)"
    r"(?:[ \u00a0]+(?:the|a|an|its|their|current|previous|earlier|prior|initial|original|revised|"
    r"estimated|forecast|expected|last|this|year's|just|only|about|around|nearly|almost|some|roughly|"
    r"approximately|lowest|highest|is|was|at))*+[ \u00a0,]*[~≈]?)$")
_RANGE_GAP = deferred_regex(r"^(?:[ \u00a0]*(?P<w>(?i:to|through|and|or)|-|–|—)[ \u00a0]*|[ \u00a0]*(?P<d>-|–|—)[ \u00a0]*)$")
_ABBREVIATION_GAP = deferred_regex(r"^[ \u00a0]*\((?P<a>[^()\d\s]{1,12})\)(?=[ \u00a0])")
_FROM_BEFORE = deferred_regex(
    r"(?i:(?:^|[^\w])(?P<f>from|between)[ \u00a0]+(?:(?:the|its|their|his|her|our|a|an|current|"
    r"present|existing|previous|earlier|prior|initial|original|today's|today’s|last|this|"
    r"year's|year’s)[ \u00a0]+){0,3})$")
# where a second clause starts: "; " or ", and" / ", but" / ", while" / ", which"
_CLAUSE_LINK = deferred_regex(
    r"(?i:;|,[ \u00a0]+(?:and|but|while|whereas|which|who|now|with|as|after)\b)")
# "the deficit went from 120 to 95 billion": a move, when "went" leads straight to the
# "from" (not "drivers who went to supermarkets paid from 140p to 145p")
_WENT_BEFORE = deferred_regex(r"(?i:\b(?:went|has[ \u00a0]+gone|have[ \u00a0]+gone)[ \u00a0]*)$")
# "from" and words naming a level before the figure ("from a record", "from a peak of"):
# after a change verb the figure is where the move started. Other words keep a range ("by
# anything from a modest 3% to 6%", "from the $89 to $93 billion it had projected").
_FROM_WORDS_BEFORE = deferred_regex(
    r"(?i:\bfrom(?:[ \u00a0]+(?:a|an|record|all-time|high|low|peak|trough|level|average|of"
    r"|revised|initial|estimated|multi-year|decade|\d+-year|\d+-month"
    r"|[a-z]+['’]s)){1,4}[ \u00a0]+)$")
_BY_TAIL = deferred_regex(r"(?i:\bby[ \u00a0]*)$")
_TO_AT_TAIL = deferred_regex(r"(?i:\b(?:to|at)(?:[ \u00a0]+(?:a[ \u00a0]+close[ \u00a0]+of|end[ \u00a0]+at))?[ \u00a0]*)$")
_LEVEL_THEN_MOVE = deferred_regex(r"^,?[ \u00a0]+(?i:up|down|higher|lower)[ \u00a0]+$")
_AGE_BEFORE = deferred_regex(
    r"(?i:(?:^|[^\w'’])(?:(?:who|he|she|i|they|we|you)[ \u00a0]+(?:is|was|were|are|am|will[ \u00a0]+be"
    r"|would[ \u00a0]+be|turned|turns|turning)|turned|turns|(?P<strong>(?:the|an)[ \u00a0]+ages?[ \u00a0]+of"
    r"|at[ \u00a0]+age|ages|aged(?:[ \u00a0]+between)?))[ \u00a0]+)$")
_AGE_AFTER = deferred_regex(
    r"(?i:[ \u00a0]*(?:[.,;:!?)]|$)|[ \u00a0]+(?:by|when|in|on|at|and|or|but|last|this|next|"
    r"before|after|while|until|so|then|to|-|–)\b)")
_PRIME_FEET = deferred_regex(r"['′’][ \u00a0]?(?P<i>\d{1,2}(?:\.\d)?)[ \u00a0]?(?:\"|″|”|'')")
_HYPHEN_FEET = deferred_regex(r"-(?:foot|ft)-(?P<i>\d{1,2})(?![\w.,'’\"-])")
_ELLIPTIC_BY = deferred_regex(
    r"[ \u00a0]*[,;][ \u00a0]*(?:and[ \u00a0]+|while[ \u00a0]+)?(?:[A-Z][\w&.'’-]*+[ \u00a0]+){1,5}by[ \u00a0]*$")
_AGE_SPAN_GAP = deferred_regex(r"^[ \u00a0]*(?:-|–|to|and)[ \u00a0]*$")
# before an age written with its unit: "18- to 34-year-olds", "a 5-7-year-old", "20 to 30
# year-old"; not "and", which joins a count to a named person ("won 2 and 19-year-old Lee")
_AGE_SPAN_BEFORE = deferred_regex(r"^(?:[ \u00a0]*[-‑–])?[ \u00a0]*(?:[-‑–]|to[-‑]?)[ \u00a0]*$")
_ERA = r"(?:A\.D\.|AD|B\.C\.(?:E\.)?|BCE?|CE)"
_ERA_BEFORE = deferred_regex(_ERA + r"[ \u00a0]*\d{1,4}[ \u00a0]*(?:and|to|until|-|–)[ \u00a0]*$")
_ERA_AFTER = deferred_regex(r"[ \u00a0]*(?:and|to|until|-|–)[ \u00a0]*\d{1,4}[ \u00a0]*" + _ERA + r"(?![\w])")
_NUMBER_RANGE_END = deferred_regex(r"[-–]\d{1,5}(?![\d.,])")
_LEVEL_WORDS = deferred_regex(
    r"(?i:\b(?:current|present|existing|previous|earlier|prior|initial|original|today|last)\b)")
_OR_GAP = deferred_regex(r"^[ \u00a0]*(?:,[ \u00a0]*or|or|\(|,[ \u00a0]*or[ \u00a0]+about|,[ \u00a0]*or[ \u00a0]+nearly|,[ \u00a0]*or[ \u00a0]+roughly|,[ \u00a0]*or[ \u00a0]+some)[ \u00a0]*$")
_RANGE_VERBS = deferred_regex(r"(?i:\b(?:rang(?:e|es|ed|ing)|between|run|runs|vary|varies|varying|span|spans|spanning|start(?:s|ing)?|from[ ]+as[ ]+(?:low|little|few))\b)")
_RX1 = deferred_regex(r"([A-Za-z][A-Za-z'’.]*)$", regex.REVERSE)
_RX2 = deferred_regex(r"[-\s\u00a0]+")
_RX3 = deferred_regex(r"[ \u00a0]+of[ \u00a0]+([A-Za-z][a-z'-]{1,30})")
_RX4 = deferred_regex(r"[ \u00a0](?:US|USD|U\.S\.)(?![\w])")
_RX5 = deferred_regex(r"(?i:\bby)\b")
_RX6 = deferred_regex(r"[.!?:;\"“]\s*$")
_RX7 = deferred_regex(r"[A-Z][\w&'’.]*[ \u00a0]$")
_RX8 = deferred_regex(r"[ \u00a0]+(?:to|or|-|and)[ \u00a0]+(?:\d|[a-z]+\b)")
_RX9 = deferred_regex(r"[ \u00a0]+(?:of[ \u00a0]+(?:the|its|his|her|their|our|my|your|those|these|them|us|you"
                    r"|[A-Z][\w&.-]{0,30}+['’]s)[ \u00a0]|[a-z][a-z-]{2,})")
_RX10 = deferred_regex(r"[ \u00a0]+([a-z][a-z-]*)")
_RX11 = deferred_regex(r"[ \u00a0]+([A-Za-z]+)")
_RX12 = deferred_regex(r"[ \u00a0]+([a-z][a-z-]+)")
_RX13 = deferred_regex(r"[.)][ \u00a0]")
_RX14 = deferred_regex(r"[A-Z][a-z'’]+,[ \u00a0]$")
_RX15 = deferred_regex(r",[ \u00a0]")
_RX16 = deferred_regex(r"[ \u00a0]+of[ \u00a0]+\S+((?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){1,6})")
_RX17 = deferred_regex(r"(\d{1,3})[ \u00a0]?$")
_RX18 = deferred_regex(r"[⁄/]")
_RX19 = deferred_regex(r"(?i:\bto\b)")
_WORD_TOKEN = deferred(r"(?<![\w-])[a-z]+")
_LOWER_WORD = deferred(r"[a-z]+")
_WORD_STARTS_NO_ARTICLE = _WORD_STARTS - {"a", "an"}
# a _WORD_TOKEN that is one of _WORD_STARTS, found in one pass
_WORD_START_TOKEN = deferred(r"(?<![\w-])(?:" + "|".join(
    re.escape(w) for w in sorted(_WORD_STARTS, key=lambda w: (-len(w), w))) + r")(?![a-z])")
_NEXT_LOWER_WORD = deferred(r"[-\s]*([a-z]*)")
# after "a"/"an", the word patterns read only a scale word or a fraction ("a dozen", "a third")
_AFTER_ARTICLE = frozenset(["dozen", "hundred", "thousand", "million", "billion", "trillion",
                            "couple", "pair"]
                           + list(W.FRACTION_WORDS))
_MASK_AFTER_DIGITS = frozenset("-./:)")
_MASK_AFTER_BLANK = frozenset("aApPGUEBCMhm-")
_SCIENTIFIC = deferred_regex(r"[ \u00a0]?[×x*][ \u00a0]?10(?:\^|\*\*)?([-−]?\d{1,3}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d.,])")
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_FOLD = deferred_regex(r"-?(fold)(?![\w])", regex.I)
_CHANGE_LEAD = deferred_regex(r"(?i:\b(?:" + "|".join(W.UP_VERBS + W.DOWN_VERBS) + r"|revised|revise|changed|change|moved|shifted|slow|slowed|slowing|raise|boost|improved|improve|narrowed|eased|increase|decrease|reduce|grow|fall)\b)")
# first letters of what _scale reads (scientific "x 10^", "-fold", k/m/b, scale words)
_SCALE_INITIALS = frozenset("×x*fkmbthlcd")
_AGE_HEADS = frozenset(("ye", "mo", "we", "da"))
_SENTENCE_END = deferred_regex(r"[.!?][\"”’)]?[ \u00a0]+[A-Z]|\n")


@dataclass
class Atom:
    start: int                 # span start (hedge, sign, currency included)
    end: int
    nstart: int                # the numeral itself
    nend: int
    number: float              # as written, scale applied, sign applied
    half: float                # half a unit of the last written digit, scale applied
    scaled: bool = False
    scale_start: int = -1      # where the scale word starts (for carrying it to an earlier figure)
    scale_value: float = 1.0
    unit: str = ""
    unit_text: str = ""
    factor: float = 1.0        # written unit -> canonical unit
    currency_prefix: bool = False
    counted: str = ""
    qualifier: str = "exact"
    change: str = "="
    kind: str = "digits"
    low: float | None = None   # a written range's ends (vague plurals, joined ranges)
    high: float | None = None
    dimension: str = ""
    by: bool = False           # "rose by 1 to 1.5": a change given as a range
    low_half: float = 0.0      # a joined range's end roundings, canonical unit
    high_half: float = 0.0
    digit_share: float = 1.0   # the part of half the written digits alone account for

    @property
    def bare(self) -> bool:
        return not self.unit


_BLANKS = " \u00a0\u202f"
# How far a pattern read after a figure may reach. The regex engine checks a pattern's
# required letters against the rest of the text before matching, so an unbounded match
# costs the length of the text: on a text of figures alone that made a scan quadratic.
_REACH = 200


def _starts_line(text: str, pos: int) -> bool:
    """Only blanks between the last line break (or the text's start) and pos; the walk
    back stops at the first other character, so each figure reads its own blanks only."""
    j = pos - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j < 0 or text[j] == "\n"


def _head(text: str, pos: int) -> str | None:
    """The two characters after pos past blanks and one hyphen, lower-cased; None when the
    blank run is long (then every right-side pattern is tried)."""
    j, n = pos, len(text)
    while j < n and text[j] in _BLANKS:
        j += 1
        if j - pos > 8:
            return None
    if j < n and text[j] == "-":
        j += 1
        while j < n and text[j] in _BLANKS:
            j += 1
            if j - pos > 8:
                return None
    return text[j:j + 2].lower()


def _tail_word(win: str) -> str | None:
    """The word a window ends with (blanks after it allowed), lower-cased; None when it
    ends with a non-letter, so that symbol hedges and dotted abbreviations are still tried."""
    t = win.rstrip(_BLANKS)
    if not t or not t[-1].isalpha():
        return None
    i = len(t) - 1
    while i > 0 and t[i - 1].isalpha():
        i -= 1
    return t[i:].lower()


def _prev_word(text: str, pos: int) -> str:
    """The word ending just before pos (lower-cased, trailing dot kept), or ''."""
    window = text[max(0, pos - 24):pos].rstrip()
    m = _RX1.search(window)
    return m.group(1).lower() if m else ""


class Scanner:
    def __init__(self, lex: Lexicon, ages: bool = False):
        self.lex = lex
        self.t = lex.table
        self.ages = ages

    # ------------------------------------------------------------------------------
    def scan(self, text: str) -> list[Atom]:
        atoms: list[Atom] = []
        date_end = -10
        pos = 0
        masks = self._text_masks(text)
        number_mask = self.lex.number_mask
        for m in self._candidates(text):
            s, e = m.span()
            if s < pos:
                continue
            if masks:
                i = bisect.bisect_right(masks, (s, 1 << 62)) - 1
                if i >= 0 and masks[i][1] > s:
                    pos = masks[i][1]
                    continue
            if m.lastgroup == "digits" and _may_be_masked(text, s):
                nm = number_mask.match(text, s)
                if nm is None and s > 0 and text[s - 1] in "+(":
                    nm = number_mask.match(text, s - 1)
                if nm is not None:
                    pos = nm.end()
                    continue
            res = self._read(text, m)
            if res is None or isinstance(res, str):
                if m.lastgroup == "digits":
                    date_end = e
                pos = e
                continue
            atom = res
            if atom.kind == "digits" and 0 < atom.nstart - date_end <= 1 and \
                    text[date_end:atom.nstart] in ("-", "–", "—", "/"):
                date_end = atom.nend
                pos = atom.nend
                continue
            if atoms and atom.start < atoms[-1].end:
                if atom.nstart < atoms[-1].end:
                    pos = max(e, atoms[-1].end)
                    continue
                atom.start = atoms[-1].end
                while atom.start < atom.nstart and text[atom.start] in " \u00a0":
                    atom.start += 1
            atoms.append(atom)
            pos = max(atom.end, e)
        return self._combine(text, atoms)

    def _text_masks(self, text: str) -> list[tuple[int, int]]:
        if "http" in text or "www." in text or "@" in text or ":" in text:
            return [m.span() for m in text_mask_for(text).finditer(text)]
        return []

    def _candidates(self, text: str):
        """Numerals in text order: runs of digits, and written numbers where a number word
        starts (the word patterns are costly, so they are tried only there)."""
        found = list(self.lex.digits.finditer(text))
        low = text.lower()
        if len(low) != len(text):       # a few letters grow when lower-cased ("İ")
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        tokens = set(_LOWER_WORD.findall(low))
        if not (tokens & _WORD_STARTS_NO_ARTICLE) and not (
                ("a" in tokens or "an" in tokens) and tokens & _AFTER_ARTICLE):
            return found
        word_re = self.lex.word_number
        words = []
        for wm in _WORD_START_TOKEN.finditer(low):
            s, e = wm.span()
            if e - s <= 2 and low[s] == "a":
                # "a"/"an" reads only before a scale word or a fraction: in ASCII text the
                # next word says whether the word patterns can match at all
                nxt = _NEXT_LOWER_WORD.match(low, e)
                if nxt.group(1) not in _AFTER_ARTICLE and low[e:nxt.end() + 1].isascii():
                    continue
            hit = word_re.match(text, s)
            if hit is not None:
                words.append(hit)
        if words:
            found.extend(words)
            found.sort(key=lambda m: m.start())
        return found

    # ------------------------------------------------------------------------------
    def _read(self, text: str, m) -> Atom | str | None:
        kind = m.lastgroup
        s, e = m.span()
        raw = m.group()
        half = 0.5
        digit_share = 1.0
        low = high = None
        if kind == "digits":
            digits = raw.replace(",", "")
            if len(digits.replace(".", "")) > 18:
                return None
            try:
                number = float(digits)
            except ValueError:
                return None         # a decimal digit of a script float() does not read
            half = written_precision(raw)
            digit_share = written_precision(raw, zeros=False) / half
        elif kind == "words":
            number, half = _parse_words(raw)
            if number is None:
                return None
            digit_share = 0.5 / half
            if text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha() and \
                    not self.lex.unit_words.match(text, e) and not self.lex.scale.match(text, e) \
                    and _compound_noun(text, e, number, self.lex.unit_words) is None:
                return None         # "two-way", "three-time": part of a compound adjective
        elif kind == "mixed":
            # "7 1/2 miles", "10-3/4 %": a whole number and a fraction
            whole, frac = raw[:-len(raw.lstrip("0123456789"))], raw.lstrip("0123456789")[1:]
            n_, d_ = (int(x) for x in _RX18.split(frac))
            if d_ == 0 or n_ >= d_:
                return None
            number, half, kind = float(whole) + n_ / d_, 1e-9, "digits"
        elif kind == "couple":
            # "a couple of days", "a pair of", "a couple hundred"
            number, half = 2.0, 0.5
            sm = self.lex.fraction_scale.match(text, e)
            if sm:
                factor = W.SCALE_WORDS.get(sm.group("w").lower(), 12.0)
                number, half, e = number * factor, factor / 2, sm.end()
        elif kind == "ascale":
            word = raw.split()[-1].lower()
            number = 12.0 if word == "dozen" else W.SCALE_WORDS[word]
            half = 0.5 if word == "dozen" else number / 2
        elif kind == "vague":
            lw = raw.lower().split()
            base = W.VAGUE_PLURALS[lw[0]]
            if lw[0] in ("tens", "hundreds") and len(lw) > 2 and lw[2] in W.VAGUE_PLURALS:
                base *= W.VAGUE_PLURALS[lw[2]]
            number, low, high = base, base, base * 10
            e = m.start() + len(raw) - 3  # keep "of" outside: "dozens of people" counts people
            half = 0.0
        elif kind == "foldw":
            word = raw.lower()[:-4]
            number = float(W.UNITS_WORDS.get(word) or W.TENS_WORDS.get(word) or W.SCALE_WORDS[word])
            atom = Atom(start=s, end=e, nstart=s, nend=e, number=number, half=0.5, kind="words",
                        unit="x", unit_text=raw, dimension="ratio")
            self._left_context(text, atom)
            return atom
        elif kind in ("frac", "fracdig", "vulgar"):
            got = self._fraction(text, m)
            return got
        else:
            return None

        atom = Atom(start=s, end=e, nstart=s, nend=e, number=number, half=half, kind=kind,
                    low=low, high=high, digit_share=digit_share)
        if kind == "couple":
            atom.scaled = e != m.end()
            if raw.lower().endswith("couple"):
                atom.qualifier, atom.change = "approx", "~"
        if kind == "words":
            last = _RX2.split(raw.lower())[-1]
            if last in ("hundred", "thousand") and number >= 100:
                atom.scaled, atom.scale_value = True, W.SCALE_WORDS[last]
        if kind == "digits" and not self._left_of_digits(text, atom):
            return None
        if kind == "digits":
            verdict = self._right_of_digits(text, atom)
            if verdict is not None:
                return verdict
            if text[e:e + 1] in "'′’-" and self._feet_and_inches(text, atom):
                return atom
        if kind != "vague":
            self._scale(text, atom)
        if kind != "vague" and self._age(text, atom):
            return atom         # dropped after _combine when ages are not wanted: a span
                                # of ages ("18- to 29-year-olds") needs its second end
        self._unit(text, atom)
        if atom.unit == "" and kind == "digits" and atom.currency_prefix is False:
            nxt = text[atom.end:atom.end + 1]
            if nxt.isalpha():
                return None             # glued letters: "5G", "9AB8", "3D"
        self._left_context(text, atom)
        if kind == "words" and not self._accept_word_number(text, atom, raw):
            return None
        if kind == "digits" and atom.bare and not atom.scaled:
            verdict = self._bare_digits_verdict(text, atom)
            if verdict is not None:
                return verdict
        if atom.dimension == "age":
            return atom
        if atom.bare and (kind == "vague" or kind == "couple" and not atom.scaled):
            vm = _RX3.match(text[atom.end:atom.end + 40])
            om = _OF_NAME.match(text, atom.end, atom.end + 40)
            if om and not (vm and _is_demonym_plural(vm.group(1))):
                # "thousands of Reuters readers", "dozens of COVID-19 tests": names before
                # the noun are part of its phrase; a name alone is not the noun
                nm = _NAMED_COUNT.match(text, om.end(), atom.end + _REACH)
                noun = nm.group("noun") if nm else None
                if noun and _plural(noun) and noun not in W.NOT_COUNTED:
                    atom.counted = " ".join(nm.group(0).split())
                vm = None
            if vm and vm.group(1).lower() not in W.NOT_COUNTED:
                atom.counted = vm.group(1)
        elif atom.bare and (compound := _compound_noun(text, atom.end, atom.number,
                                                          self.lex.unit_words)):
            # "a four-cylinder engine", "4-, 5- and 6-cylinder engines": a count of the noun
            # joined to it
            atom.counted, atom.end = compound
        elif atom.bare:
            self._counted(text, atom)
            if not atom.counted and not atom.scaled and \
                    ("top" in text[max(0, atom.start - 8):atom.start] or
                     "bottom" in text[max(0, atom.start - 8):atom.start]) and \
                    _RANK_ZONE.search(text, max(0, atom.start - 16), atom.start):
                return None         # "slipped towards the bottom three": a place, not a count
            if kind == "digits" and not atom.scaled and atom.qualifier == "exact" and \
                    not atom.counted and self._followed_by_name(text, atom):
                return None
        self._after(text, atom)
        if atom.unit:
            atom.dimension = self.t.dimension(atom.unit)
        elif atom.counted or kind in ("vague", "ascale", "couple"):
            atom.dimension = "count"
        return atom

    # ------------------------------------------------------------------------------
    def _left_of_digits(self, text: str, a: Atom) -> bool:
        """False when the numeral is glued to a word: 'S23', 'COVID-19', 'NYSE:1234'."""
        s = a.nstart
        if s == 0:
            return True
        prev = text[s - 1]
        if prev.isalpha():
            win = text[max(0, s - 8):s]
            m = self.lex.prefix_currency.search(win)
            if m and m.end() == len(win):
                return True
            if win.lower().endswith(("sub", "minus")):
                return True
            return False
        if prev in "-‑" and s >= 2 and (text[s - 2].isalnum() or text[s - 2] in "."):
            word = _prev_word(text, s - 1)
            if word in ("sub", "minus"):
                return True
            if word in ("then", "now", "to"):
                return True         # "the then-25-year-old", "200,000 to-260,000 years": a word, not a name
            if text[s - 2].isdigit():
                return True         # "25-50": a range, joined later
            if _HYPHENATED_TO.search(text, max(0, s - 12), s):
                return True         # "a 0-to-60-mph time": a range written as one adjective
            return False            # "F-35", "COVID-19", "mid-2024", "top-10"
        if prev in ":#":
            return False
        return True

    def _right_of_digits(self, text: str, a: Atom) -> str | None:
        e = a.nend
        tail = text[e:e + 3]
        if tail[:2].lower() in ("st", "nd", "rd", "th") and not tail[2:3].isalpha():
            return "skip"
        if tail[:1] == "s" and not tail[1:2].isalpha() and "." not in text[a.nstart:e]:
            return "skip"           # decades: "1990s", "the 80s"
        if tail[:2] in ("’s", "'s") and _is_year_like(text[a.nstart:e]):
            return "skip"
        if tail[:1] == ":" and tail[1:2].isdigit():
            return "skip"           # "1:36.6", "3:1"
        if tail[:1] and tail[:1] in "/⁄" and (tail[1:2].isdigit() or tail[1:2] in ("$", "€", "£")):
            if tail[1:2] in ("$", "€", "£") and text[a.nstart - 1:a.nstart] == tail[1:2]:
                return None         # "$7/$9": two amounts, joined as alternatives later
            return "skip"           # "24/7", "9/11"
        return None

    def _feet_and_inches(self, text: str, a: Atom) -> bool:
        """'6'2"', 'a 6-foot-2 guard': one height in feet and inches, not two bare numbers."""
        m = _PRIME_FEET.match(text, a.nend) or _HYPHEN_FEET.match(text, a.nend)
        if not m or a.number != int(a.number) or not 0 < a.number < 100:
            return False
        inches = float(m.group("i"))
        if inches >= 12:
            return False
        a.number += inches / 12
        a.half = 0.5 / 12
        a.digit_share = 1.0
        a.unit, a.unit_text, a.end, a.dimension = "ft", text[a.nend:m.end()], m.end(), "length"
        self._left_context(text, a)
        return True

    def _scale(self, text: str, a: Atom) -> None:
        head = _head(text, a.end)
        if head is not None and head[:1] not in _SCALE_INITIALS:
            return
        sci = _SCIENTIFIC.match(text, a.end)
        if sci:
            exp = int(sci.group(1).replace("−", "-").translate(_SUPERSCRIPTS))
            if abs(exp) <= 300:
                a.number *= 10.0 ** exp
                a.half *= 10.0 ** exp
                a.end = sci.end()
            return
        fold = _FOLD.match(text, a.end)
        if fold:
            a.unit, a.unit_text, a.end = "x", fold.group(1), fold.end()
            return
        m = self.lex.scale.match(text, a.end)
        if m is None and text[a.end + 1:a.end + 2] in ("B", "M"):
            m = _SPACED_SCALE_LETTER.match(text, a.end, a.end + 40)
        if not m:
            return
        if m.group("g"):
            sfx = m.group("g")
            if sfx == "m" and not self._prefix_currency_at(text, a.nstart) and \
                    _METRE_CONTEXT.match(text, m.end()):
                return
            if sfx in ("b", "B") and text[m.end():m.end() + 1] == "/":
                return
            factor = W.SCALE_SUFFIXES[sfx]
        elif m.group("g2"):
            factor = W.SCALE_SUFFIXES[m.group("g2")]
        else:
            factor = W.SCALE_WORDS[m.group("w").lower()]
            if m.group("w2"):
                factor *= W.SCALE_WORDS[m.group("w2").lower()]
        a.scale_start = m.start()
        a.number *= factor
        a.half *= factor
        if a.low is not None:
            a.low *= factor
            a.high *= factor
        a.scaled = True
        a.scale_value = factor
        a.end = m.end()

    def _unit_gate(self, text: str, pos: int) -> tuple[bool, bool]:
        """Whether a unit word, and a unit symbol, could start after pos: the letters that
        follow must begin some written form (plural endings allowed for words)."""
        j, n = pos, len(text)
        while j < n and text[j] in _BLANKS:
            j += 1
            if j - pos > 8:
                return True, True
        if j < n and text[j] == "-":
            j += 1
            while j < n and text[j] in _BLANKS:
                j += 1
        if j >= n:
            return False, False
        tok = leading_letters(text, j)
        lex = self.lex
        if not tok:
            ok = text[j] in lex.unit_other_firsts
            return ok, ok
        low = tok.lower()
        firsts = lex.unit_word_firsts
        word_ok = low in firsts or (low[-1:] == "s" and (low[:-1] in firsts or low[:-2] in firsts))
        return word_ok, tok in lex.unit_symbol_firsts

    def _prefix_currency_at(self, text: str, s: int):
        j = s
        while j > 0 and j > s - 4 and text[j - 1] in " \u00a0\u202f-−+":
            j -= 1
        if j == 0 or text[j - 1] not in self.lex.prefix_tails:
            return None
        win = text[max(0, s - 9):s]
        m = self.lex.prefix_currency.search(win)
        return m

    def _age(self, text: str, a: Atom) -> bool:
        head = _head(text, a.end)
        if head is not None and head not in _AGE_HEADS:
            return False
        m = self.lex.age_after.match(text, a.end)
        if not m:
            return False
        u = (m.group("u") or m.group("u2")).lower()
        a.unit, a.unit_text, a.end = u, text[m.start():m.end()].strip(" -"), m.end()
        a.dimension = "age"
        return True

    def _unit(self, text: str, a: Atom) -> None:
        t, lex = self.t, self.lex
        # currency written before the figure
        cm = self._prefix_currency_at(text, a.nstart)
        if cm is not None:
            sym = cm.group("c").replace("\u00a0", " ")
            code = t.currency_prefix.get(sym) or t.currency_prefix.get(sym.replace(" ", ""))
            if code is None:
                for k, v in t.currency_prefix.items():
                    if k.replace(" ", "") == sym.replace(" ", ""):
                        code = v
                        break
            if code and not (sym == "PS" and not (a.scaled or "," in text[a.nstart:a.nend]
                                                 or "." in text[a.nstart:a.nend])):
                win_start = a.nstart - (len(text[max(0, a.nstart - 9):a.nstart]) - cm.start())
                a.start = win_start
                a.unit, a.unit_text, a.currency_prefix = code, cm.group("c"), True
                if cm.group("sign") == "-" or cm.group("sign") == "−":
                    a.number = -a.number
                # "$500 US", "$76 US a barrel"
                um = _RX4.match(text[a.end:a.end + 6])
                if um:
                    a.end += um.end()
                self._denominator(text, a)
                return
        j = a.end
        if text[a.end + 1:a.end + 2] in ("C", "F") and text[a.end:a.end + 1] in _BLANKS and \
                not _prev_word_cased(text, a.start)[:1].isupper():
            j = a.end + 1       # "12 C" set apart, but not "Section 12 C": a label
        c = text[j:j + 1]
        if (c == "C" or c == "F") and a.kind == "digits" and not text[j + 1:j + 2].isalnum() \
                and text[j + 1:j + 2] not in ("-", "'", "’", "&", "/") and \
                _TEMPERATURE_CUE.search(text, max(0, a.start - 100), a.end + 100):
            # "40C", "104 F": a temperature written with the bare letter, as weather copy
            # does; the letter alone is ambiguous ("a 2C battery"), so a temperature word
            # must be near
            a.unit, a.unit_text, a.end = ("°C" if c == "C" else "°F"), c, j + 1
            return
        qm = _UNIT_SYSTEM.match(text, a.end, a.end + 12) \
            if text[a.end + 1:a.end + 2] in ("U", "I", "i") else None
        if qm:
            # "one US fluid ounce", "40 imperial gallons": a measure named by its system
            um = lex.unit_words.match(text, qm.end())
            key = " ".join(um.group("u").lower().split()) if um else ""
            form = lex.unit_lookup.get(key)
            if form is not None and t.dimension(form.unit) in ("volume", "mass", "length"):
                a.unit, a.unit_text, a.factor, a.end = form.unit, um.group("u"), form.factor, um.end()
                self._denominator(text, a)
                return
        word_ok, sym_ok = self._unit_gate(text, a.end)
        if not (word_ok or sym_ok):
            return
        # hundredths: "19 cents", "164p"
        mm = lex.minor_currency.match(text, a.end) if word_ok else None
        if mm:
            word = (mm.group("w") or mm.group("p")).lower()
            code = t.currency_minor.get(word)
            if code and not (word == "p" and a.kind != "digits"):
                a.unit, a.unit_text, a.factor, a.end = code, mm.group().strip(), 0.01, mm.end()
                self._denominator(text, a)
                return
        um = lex.unit_words.match(text, a.end) if word_ok else None
        sm = lex.unit_symbols.match(text, a.end) if sym_ok else None
        best = None
        if um and (not sm or um.end() >= sm.end()):
            key = " ".join(um.group("u").lower().replace("-", "- ").split()).replace("- ", "-")
            form = lex.unit_lookup.get(key) or lex.unit_lookup.get(" ".join(um.group("u").lower().split()))
            best = (um, form)
        elif sm:
            best = (sm, lex.unit_lookup.get(sm.group("u")))
        cur = lex.suffix_currency.match(text, a.end)
        if cur and (best is None or best[1] is None or cur.end() > best[0].end()):
            w = (cur.group("w") or cur.group("s"))
            code = t.currency_suffix.get(" ".join(w.lower().split()))
            if code:
                a.unit, a.unit_text, a.end = code, w, cur.end()
                self._denominator(text, a)
                return
        if best and best[1] is not None:
            m, form = best
            unit, factor = form.unit, form.factor
            if unit == "lb" and a.scaled and form.words:
                unit, factor = t.scaled_pounds_are, 1.0
            if m.group("u") == "kt" and "kn" in t.units and \
                    _SPEED_CUE.search(text, max(0, a.start - 100), a.end + 100):
                # "kt" is a kilotonne, or a knot where the text speaks of speed or wind
                unit, factor = "kn", 1.0
            if unit in ("deg",) and text[m.end():m.end() + 2].strip().startswith(("C", "F")):
                pass
            a.unit, a.unit_text, a.factor, a.end = unit, m.group("u"), factor, m.end()
            self._denominator(text, a)

    def _denominator(self, text: str, a: Atom) -> None:
        dim = self.t.dimension(a.unit) if a.unit else ""
        if "/" in a.unit and dim not in ("currency",):
            return
        m = self.lex.denominator.match(text, a.end)
        if m:
            self._apply_denominator(text, a, m, extend=True)

    def _apply_denominator(self, text: str, a: Atom, m, extend: bool) -> bool:
        """Make a's unit the compound 'unit per den' that m read; extend moves a's end to
        the end of the denominator (False when it is written after a bracket a shares)."""
        dim = self.t.dimension(a.unit) if a.unit else ""
        if m.group("of") and dim not in ("mass", "oil_volume", "gas_volume", "volume"):
            return False
        den_word = m.group("den") or m.group("adv")
        key = " ".join(den_word.lower().split())
        den = self.t.denominators.get(key) or self.t.denominator_adverbs.get(key)
        if not den:
            return False
        name = self.t.compound(a.unit, den)
        if self.t.info(name) is None:
            return False
        if a.unit == "%" and den not in ("yr", "month", "week", "d", "hour"):
            return False
        written = text[a.end:m.end()] if extend else text[m.start():m.end()]
        a.unit = name
        a.unit_text = (a.unit_text + written) if not a.currency_prefix else \
            a.unit_text + " " + written.strip()
        if extend:
            a.end = m.end()
        return True

    def _bracketed_hedges(self, text: str, atoms: list[Atom]) -> None:
        """'more than 100 km (60 miles)', 'just under 296 hp (221 kW / 300 PS)', 'fell by
        1 to 1.5 C (1.8 to 2.7 F)': a bracketed conversion is the same figure, with the same
        bound and the same move."""
        if "(" not in text and "[" not in text:
            return
        for i, a in enumerate(atoms):
            if a.qualifier == "exact" and a.change == "=" or not a.dimension:
                continue
            j, prev_end, inside = i + 1, a.end, False
            while j < len(atoms):
                b = atoms[j]
                gap = text[prev_end:b.start]
                if not (_BRACKET_OPEN.match(gap) if not inside else _BRACKET_NEXT.match(gap)):
                    break
                if b.dimension != a.dimension or b.change != "=" or \
                        (b.qualifier != "exact" and b.qualifier != a.qualifier):
                    break
                if (a.qualifier == "range") == (b.qualifier == "range"):
                    if a.qualifier != "range":
                        b.qualifier = a.qualifier
                    b.change, b.by = a.change, a.by
                inside, prev_end, j = True, b.end, j + 1
                if _CLOSE_BRACKET.match(text, b.end, b.end + 8):
                    break

    def _bracketed_conversions(self, text: str, atoms: list[Atom]) -> None:
        """'C$6 (US$4.46) per share', 'EUR 5 (USD 5.4) a litre': the rate written after
        the bracket belongs to the figure and to its conversion alike."""
        if "(" not in text:
            return
        for a, b in zip(atoms, atoms[1:]):
            if not a.unit or not b.unit or "/" in a.unit or "/" in b.unit or \
                    a.low is not None or b.low is not None:
                continue
            if "(" not in text[a.end:b.start] or not _OPEN_BRACKET_GAP.match(text, a.end, b.start):
                continue
            close = _CLOSE_BRACKET.match(text, b.end, b.end + 8)
            if not close:
                continue
            m = self.lex.denominator.match(text, close.end())
            if not m or m.group("of"):
                continue
            if self._apply_denominator(text, a, m, extend=False):
                self._apply_denominator(text, b, m, extend=False)
                a.dimension = self.t.dimension(a.unit)
                b.dimension = self.t.dimension(b.unit)

    def _left_context(self, text: str, a: Atom) -> None:
        s = a.start
        # sign written before the figure
        if a.kind == "digits" and s > 0 and text[s - 1] in "-−+" and \
                (s < 2 or not (text[s - 2].isalnum() or text[s - 2] in ")%")):
            if text[s - 1] == "+":
                a.change = "up"
            else:
                a.number = -a.number
                if a.unit in ("%", "pp", "pt"):
                    a.change = "down"
            s -= 1
        win = text[max(0, s - 16):s]
        if win.lower().endswith(("minus ", "minus-", "minus\u00a0")) and a.number > 0 and a.kind == "digits":
            a.number = -a.number
            s -= 6
        elif win.lower().endswith("sub-") and a.kind == "digits":
            a.qualifier, a.change = "less_than", "<"
            s -= 4
        # hedge
        win = text[max(0, s - 24):s]
        tw = _tail_word(win)
        hm = self.lex.hedge_before.search(win) if (tw is None or tw in self.lex.hedge_tails) else None
        if hm and (hm.group("h") or "").lower().startswith("up") and \
                _prev_word(win, hm.start("h")) in W.MOVED_UP:
            hm = None           # "edged up to 1.8 million": a move's particle and the level reached
        if hm:
            h = (hm.group("h") or hm.group("s")).lower()
            h = " ".join(h.split())
            qual, sym = W.HEDGES.get(h, ("exact", "="))
            if qual != "exact" or h in ("exactly",):
                a.qualifier, a.change = qual, sym
            s -= len(win) - hm.start() - (1 if win[hm.start():hm.start() + 1] in " \u00a0" else 0)
            while text[s:s + 1] in (" ", "\u00a0") and s < a.nstart:
                s += 1
        # change verb before (kept outside the span: it is the verb, not the figure)
        win = text[max(0, s - 40):s]
        tw = _tail_word(win)
        cm = self.lex.change_before.search(win) if (tw is None or tw in self.lex.change_tails) else None
        if cm:
            v = cm.group("v").lower()
            d = (cm.group("d") or "").lower()
            direction = ""
            if v in W.DIRECTIONLESS:
                direction = {"up": "up", "higher": "up", "down": "down", "lower": "down"}.get(d, "")
            elif v in W.UP_VERBS:
                direction = "up"
            elif v in W.DOWN_VERBS:
                direction = "down"
            if v == "up" and a.qualifier == "at_most":
                direction = ""
            if (v == "up" and _prev_word(win, cm.start()) in W.PHRASAL_UP) or \
                    (v == "down" and _prev_word(win, cm.start()) in W.PHRASAL_DOWN):
                direction = ""
            if direction and a.unit != "" or direction and a.bare:
                if a.qualifier in ("exact", "approx", "nearly") or a.change == "=":
                    a.change = direction
                    a.by = bool(_RX5.search(cm.group(0)))
        a.start = s

    def _accept_word_number(self, text: str, a: Atom, raw: str) -> bool:
        low = raw.lower()
        prev = _prev_word(text, a.start)
        if raw[:1].isupper():
            cm = _CAP_TOKEN.search(text[max(0, a.start - 30):a.start + 1][:-1] + " ") \
                if a.start > 0 else None
            before = text[max(0, a.start - 3):a.start]
            if prev and prev not in W.CAPITAL_OK and not _RX6.search(before) \
                    and _prev_word(text, a.start)[:1] and text[max(0, a.start - 30):a.start].strip() \
                    and _RX7.search(text[max(0, a.start - 30):a.start]):
                return False        # "BBC One", "Formula One", "Channel Four"
        if _RX8.match(text[a.end:a.end + 30]) or \
                self.lex.one_in.match(text, a.end):
            return True
        if low in ("one", "a") or low.startswith("one "):
            if prev in ("the", "this", "that", "each", "every", "any", "no", "which", "last",
                        "only", "another", "someone", "anyone", "everyone", "no-one", "such",
                        "same", "big", "little", "new", "old", "other", "right", "wrong", "first",
                        "next", "a", "an"):
                return False
            if a.unit:
                return True
            nm = _RX9.match(text[a.end:a.end + 40])
            if not nm:
                return False
            word = _RX10.match(text[a.end:a.end + 40]).group(1)
            if word != "of" and (word in W.NOT_COUNTED or word in ("another", "thing", "way",
                                                                 "day", "time", "way", "point")):
                return False
        return True

    def _bare_digits_verdict(self, text: str, a: Atom) -> str | None:
        raw = text[a.nstart:a.nend]
        prev = _prev_word(text, a.start)
        after = text[a.end:a.end + 14]
        # dates: "March 31", "Feb. 18", "27 March", "1 September 2019"
        if "," not in raw and "." not in raw and a.number <= 31 and a.number >= 1:
            if prev.rstrip(".") in W.MONTHS and (prev.rstrip(".") != "may" or
                                                  _prev_word_cased(text, a.start)[:1] == "M"):
                return "date"
            nm = _RX11.match(after)
            if nm and nm.group(1).lower().rstrip(".") in W.MONTHS and nm.group(1)[:1].isupper():
                return "date"
        # years used as dates
        if _is_year_like(raw) and a.qualifier == "exact" and a.change == "=":
            nxt = _RX12.match(text[a.end:a.end + 30])
            if not nxt or nxt.group(1) in W.NOT_COUNTED or not nxt.group(1).endswith("s") or \
                    prev in _YEAR_DETERMINERS or \
                    prev.endswith(("'s", "’s")) or prev in W.MONTHS:
                return "skip"
        # list numbering at the start of a line: "1. ", "2) "
        if _RX13.match(after) and _starts_line(text, a.nstart):
            return "skip"
        # names and model numbers: "Rossiya 24", "Big 12", "S&P 500", "Game 7", "No. 1"
        if prev in ("no.", "number", "no", "nos.", "#") or prev in W.LABEL_NOUNS:
            return "skip"
        if text[a.start - 1:a.start] == "(" and text[a.end:a.end + 1] == ")":
            return "skip"           # "(4)": a shirt number, a footnote
        if prev == "aged" or (_RX14.search(text[max(0, a.start - 30):a.start])
                              and _RX15.match(text[a.end:a.end + 2])
                              and a.number < 120 and "." not in raw) or \
                (a.number < 120 and "." not in raw and "," not in raw and a.change == "="
                 and a.qualifier in ("exact", "approx")
                 and _is_age_context(text, a)):
            # "who was 10.", "he will be 35 by", "turned 40 last", "over the age of 21"; kept
            # until ranges are joined ("aged 18 to 34"), dropped then when ages are not wanted
            a.unit, a.unit_text, a.dimension = "year", "", "age"
            return None
        if a.start > 0 and text[a.start - 1] == "#":
            return "skip"
        if "," not in raw and "." not in raw and text[a.end + 1:a.end + 2].isupper() and \
                _CAPITAL_NEXT.match(text, a.end) and \
                _COUNT_BEFORE.search(text, max(0, a.start - 40), a.start):
            return "skip"           # "two new 737 Max jets": a count, then a model's number
        if _ERA_BEFORE.search(text, max(0, a.start - 30), a.start) or \
                _ERA_AFTER.match(text, a.end):
            return "skip"           # "between A.D. 1000 and 1260": both ends are years
        nr = _NUMBER_RANGE_END.match(text, a.end)
        if nr and self._followed_by_name(text, replace(a, end=nr.end())) and \
                not self.lex.unit_words.match(text, nr.end()) and \
                not self.lex.unit_symbols.match(text, nr.end()) and \
                not self.lex.suffix_currency.match(text, nr.end()):
            return "skip"           # "16-18 Harbour Road": an address
        cm = _CAP_TOKEN.search(text[max(0, a.start - 30):a.start])
        if cm:
            tok = cm.group("t")
            low = tok.lower().rstrip(".")
            if low not in W.CAPITAL_OK and not tok.endswith(("'s", "’s", "s'")) and \
                    low not in W.MONTHS and not self._is_currency_word(tok):
                return "skip"
        return None

    def _is_currency_word(self, tok: str) -> bool:
        return tok in self.t.currency_prefix

    def _followed_by_name(self, text: str, a: Atom) -> bool:
        """'787 Dreamliner', '575 Wilbraham Road': a figure that is part of a name."""
        m = _NEXT_WORDS.match(text, a.end)
        if not m or not m.group(1)[:1].isupper():
            return False
        for w in (m.group(2), m.group(3)):
            if w and w[:1].islower() and w.endswith("s") and w not in W.NOT_COUNTED:
                return False
        return True

    def _counted(self, text: str, a: Atom) -> None:
        em = _EMBEDDED_MEASURE.match(text, a.end, a.end + _REACH)
        if em and em.group("noun") not in W.NOT_COUNTED:
            ue = em.end("num")
            um = self.lex.unit_words.match(text, ue) or self.lex.unit_symbols.match(text, ue)
            if um is not None and um.end() == em.end("unit"):
                # "eight million 250ml bottles": the bottles are counted, 250ml is their size
                a.counted = " ".join(text[em.start("num"):em.end()].split())
                return
        if a.kind == "words":
            om = _NOUN_OR_BEFORE.search(text, max(0, a.start - 40), a.start)
            nxt = _RX12.match(text[a.end:a.end + 30])
            if om and om.group("n") not in W.NOT_COUNTED and \
                    not (nxt and _plural(nxt.group(1))) and \
                    not self.lex.unit_words.match(text, om.start("n") - 1):
                a.counted = om.group("n")   # "another pick or two": the noun is written first
                return
        m = _NEXT_WORDS.match(text, a.end)
        if not m:
            return
        w1, w2, w3 = m.group(1), m.group(2), m.group(3)
        if w1[-1] in "-'’":
            return              # "to-", "-": a word cut by a hyphen is not the noun
        low1 = w1.lower()
        if low1 == "of" and w2 and (w2.endswith(("'s", "’s")) or w2.lower() in (
                "the", "its", "his", "her", "their", "our", "my", "your", "those", "these")):
            # "two of Johnson's deputies", "one of Acme's earliest investments", "one of the
            # largest producers": the noun is the first plural after the determiner
            rest = _RX16.match(text[a.end:a.end + 80])
            if rest:
                for w in rest.group(1).split():
                    if w[:1].islower() and (w.endswith("s") or w in W.IRREGULAR_PLURALS) and \
                            w not in W.NOT_COUNTED:
                        a.counted = w
                        return
            return
        abbr = W.COUNT_ABBREVIATIONS.get(w1)
        if abbr:
            a.counted = abbr            # "15.3 ppg", "2 TDs"
            return
        if w1[:1].isupper():
            # "96 Liverpool fans", "seven European countries", "27,000 Model S and Model X
            # vehicles", "63,150 Model 3s", "1,307,000 Americans"
            nm = _NAMED_COUNT.match(text, a.end)
            if nm:
                noun = nm.group("noun")
                if noun is None:
                    a.counted = " ".join(nm.group(0).split())
                elif (noun.endswith("s") or noun in W.IRREGULAR_PLURALS) and \
                        noun not in W.NOT_COUNTED:
                    a.counted = " ".join(nm.group(0).split())
                    return
            if not a.counted and _is_demonym_plural(w1) and not (w2 and w2[:1].isupper()):
                a.counted = w1
            return
        if low1 in _TOTAL_WORDS and w2 and w2[:1].islower() and w2 not in W.NOT_COUNTED:
            # "2.7m combined digital and physical sales": the count's qualifier, then the noun
            cm = _ADJECTIVE_RUN.match(text, a.end, a.end + _REACH)
            words = cm.group(0).split()[1:] if cm else []
            if words and all(w in ("and", "or") or w not in W.NOT_COUNTED for w in words):
                a.counted = " ".join(words)
                return
        if low1 in _COMPARATIVE_DETERMINERS and w2 and w2[:1].islower() and \
                w2 not in W.NOT_COUNTED and (w2.endswith("s") or w2 in W.IRREGULAR_PLURALS):
            a.counted = w2              # "eight more picks", "two fewer seats"
            return
        if low1 in _COMPARATIVE_ADJECTIVES and w2 and w2[:1].islower() and \
                w2 not in W.NOT_COUNTED and (w2.endswith("s") or w2 in W.IRREGULAR_PLURALS):
            a.counted = f"{w1} {w2}"    # "two smaller tenancies"
            return
        if low1 in W.NOT_COUNTED:
            return
        if low1.endswith("ly") and w2 and w2[:1].islower() and w2 not in W.NOT_COUNTED:
            w1, w2, w3 = w2, w3, None
            low1 = w1.lower()
        adjective = low1 in W.COUNT_ADJECTIVES or low1.endswith(
            ("ing", "ed", "al", "ic", "ive", "ous", "ful", "less", "ary", "ern", "ish", "ese", "an"))
        if adjective and w2 and w2[:1].islower() and w2 not in W.NOT_COUNTED:
            a.counted = f"{w1} {w2}"
            if not (w2.endswith("s") or w2 in W.IRREGULAR_PLURALS):
                # "2.7m combined digital and physical sales": run on to the plural noun
                cm = _ADJECTIVE_RUN.match(text, a.end, a.end + _REACH)
                if cm and all(w in ("and", "or") or w not in W.NOT_COUNTED
                              for w in cm.group(0).split()):
                    a.counted = " ".join(cm.group(0).split())
        elif low1.endswith(("ing", "ly")):
            return
        else:
            a.counted = w1
        if a.counted == w1 or a.counted == f"{w1} {w2}":
            a.counted = _noun_phrase_head(a, w1, w2)

    def _after(self, text: str, a: Atom) -> None:
        pm = self.lex.post_hedge.match(text, a.end)
        if pm and a.qualifier == "exact":
            key = " ".join((pm.group("w") or pm.group("p") or pm.group("s")).lower().split())
            if key in W.POST_HEDGES and not (key == "+" and text[pm.end():pm.end() + 1].isdigit()):
                a.qualifier, sym = W.POST_HEDGES[key]
                if a.change == "=":
                    a.change = sym
                if key != "or more" and key != "or less" and key != "or fewer" and key != "or so":
                    a.end = pm.end()
        if a.change == "=" and a.unit:
            cm = self.lex.change_after.match(text, a.end)
            if cm:
                nword = cm.group("n").lower()
                a.change = "up" if (nword in W.UP_NOUNS or nword == "higher") else "down"

    def _fraction(self, text: str, m) -> Atom | None:
        kind = m.lastgroup
        s, e = m.span()
        raw = m.group()
        if kind == "vulgar":
            value = {"½": .5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": .25, "¾": .75, "⅕": .2, "⅛": .125}[raw]
            whole = _RX17.search(text[max(0, s - 5):s])
            if whole:
                value += float(whole.group(1))
                s -= len(whole.group(0))
            atom = Atom(start=s, end=e, nstart=s, nend=e, number=value, half=1e-9, kind="digits")
            self._unit(text, atom)
            self._left_context(text, atom)
            if atom.bare:
                self._counted(text, atom)
            if atom.unit:
                atom.dimension = self.t.dimension(atom.unit)
            return atom if (atom.unit or atom.counted) else None
        if kind == "fracdig":
            num, den = _RX18.split(raw)
            n_, d_ = int(num), int(den)
            if d_ == 0 or n_ >= d_:
                return None
            atom = Atom(start=s, end=e, nstart=s, nend=e, number=n_ / d_, half=1e-9, kind="digits")
            self._unit(text, atom)
            if not atom.unit:
                self._unit_after_article(text, atom)
            if not atom.unit and not self.lex.fraction_of.match(text, e):
                return None
            if not atom.unit:
                return self._as_share(text, atom, raw)
            self._left_context(text, atom)
            atom.dimension = self.t.dimension(atom.unit)
            return atom
        # word fractions: "a third of", "two-thirds of", "half the"
        parts = _RX2.split(raw.lower())
        frac = parts[-1]
        den = W.FRACTION_WORDS[frac]
        if len(parts) == 1:
            if den != 2:
                return None
            prev = _prev_word(text, s)
            if prev in ("first", "second", "third", "last", "other", "the", "latter", "back",
                        "front", "top", "bottom", "each", "every"):
                return None
            numer = 1
        else:
            numer = 1 if parts[0] in ("a", "one") else W.UNITS_WORDS.get(parts[0], 0)
            if numer == 0 or numer >= den or (numer > 1 and not frac.endswith("s") and den != 2):
                return None
        sm = self.lex.fraction_scale.match(text, e)
        if sm:
            # "half a million people", "a quarter of a billion dollars": a number, not a share
            factor = W.SCALE_WORDS.get(sm.group("w").lower(), 12.0)
            value = numer / den * factor
            atom = Atom(start=s, end=sm.end(), nstart=s, nend=sm.end(), number=value,
                        half=value * 0.05, kind="words", scaled=True, scale_value=factor,
                        scale_start=sm.start("w"))
            self._unit(text, atom)
            self._left_context(text, atom)
            if atom.bare:
                self._counted(text, atom)
            self._after(text, atom)
            atom.dimension = self.t.dimension(atom.unit) if atom.unit else "count"
            return atom
        atom = Atom(start=s, end=e, nstart=s, nend=e, number=numer / den, half=1e-9, kind="digits")
        if self._unit_after_article(text, atom):
            # "half a mile", "a third of an inch": a fraction of a unit
            self._left_context(text, atom)
            atom.dimension = self.t.dimension(atom.unit)
            return atom
        if not self.lex.fraction_of.match(text, e):
            return None
        atom = Atom(start=s, end=e, nstart=s, nend=e, number=numer / den, half=1e-9, kind="frac")
        return self._as_share(text, atom, raw)

    def _unit_after_article(self, text: str, atom: Atom) -> bool:
        """'(of) a mile' after a fraction: the fraction counts that unit."""
        lead = _OF_ARTICLE.match(text, atom.end, atom.end + _REACH)
        if not lead:
            return False
        end = atom.end
        atom.end = lead.end()
        self._unit(text, atom)
        if not atom.unit or atom.unit == "%" or atom.currency_prefix:
            atom.unit, atom.unit_text, atom.factor, atom.end = "", "", 1.0, end
            atom.currency_prefix = False
            return False
        return True

    def _as_share(self, text: str, atom: Atom, raw: str) -> Atom:
        atom.unit, atom.unit_text, atom.factor = "%", raw, 100.0
        atom.dimension = "percent"
        self._left_context(text, atom)
        return atom

    # ------------------------------------------------------------------------------
    def _combine(self, text: str, atoms: list[Atom]) -> list[Atom]:
        atoms = self._one_in(text, atoms)
        atoms = self._money_and_cents(text, atoms)
        self._bracketed_conversions(text, atoms)
        out: list[Atom] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if i + 1 < len(atoms):
                b = atoms[i + 1]
                joined = self._range(text, a, b)
                if joined is not None:
                    if joined != "skip":
                        out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
        self._carry_units(text, out)
        self._bracketed_hedges(text, out)
        if not self.ages:
            out = [a for a in out if a.dimension != "age"]
        return out

    def _money_and_cents(self, text: str, atoms: list[Atom]) -> list[Atom]:
        """'3 dollars 50 cents', 'thirteen dollars and forty-five cents', '15 dollars 50.':
        one amount written in a currency and its hundredths."""
        if len(atoms) < 2:
            return atoms
        out: list[Atom] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if i + 1 < len(atoms) and a.dimension == "currency" and a.factor == 1.0 and \
                    not a.scaled and a.low is None and a.number == int(a.number):
                b = atoms[i + 1]
                gap = text[a.end:b.start]
                # "cents" are hundredths of any currency ("two euros and forty cents")
                cents = b.factor == 0.01 and not b.currency_prefix and (
                    b.unit == a.unit or b.unit_text.lower().startswith("cent"))
                bare = b.bare and not b.counted and b.kind in ("digits", "words") and \
                    not regex.search("[^ \u00a0]", gap) and _CLAUSE_END.match(text, b.end)
                if (cents or bare) and 0 <= b.number < 100 and b.number == int(b.number) and \
                        b.qualifier == "exact" and _AND_GAP.match(gap):
                    out.append(replace(a, end=b.end, nend=b.nend, number=a.number + b.number / 100,
                                       half=0.005, unit_text=a.unit_text, digit_share=1.0))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _one_in(self, text: str, atoms: list[Atom]) -> list[Atom]:
        """'one in three Germans', 'one out of five': a share, not two counts."""
        res: list[Atom] = []
        skip_until = -1
        for a in atoms:
            if a.start < skip_until:
                continue
            if a.bare and a.qualifier in ("exact", "approx", "nearly") and a.number in (1, 2, 3, 4, 5) \
                    and a.kind in ("digits", "words"):
                m = self.lex.one_in.match(text, a.end)
                if m:
                    d = m.group("d").lower()
                    den = float(d) if d.isdigit() else float(W.UNITS_WORDS.get(d, {"ten": 10, "twenty": 20, "hundred": 100}.get(d, 0)))
                    if den > a.number:
                        share = replace(a, end=m.end(), number=a.number / den, half=1e-9,
                                        unit="%", unit_text=text[a.nend:m.end()].strip(),
                                        factor=100.0, counted="", dimension="percent")
                        res.append(share)
                        skip_until = m.end()
                        continue
            res.append(a)
        return res

    def _names_unit(self, word: str, unit: str) -> bool:
        """Whether `word` is a way of writing `unit` ("bcm" for m3, "EUR" for EUR)."""
        table = self.lex.table
        form = self.lex.unit_lookup.get(word) or self.lex.unit_lookup.get(word.lower())
        if form is not None:
            return form.unit == unit
        return unit in (table.currency_suffix.get(word.lower()), table.currency_prefix.get(word))

    def _range(self, text: str, a: Atom, b: Atom):
        if a.kind == "vague" or b.kind == "vague" or a.low is not None or b.low is not None:
            return None
        if a.dimension == "age" and not a.unit_text and b.unit == "" and b.kind == "digits" and \
                b.qualifier == "exact" and a.number < b.number < 120 and \
                _AGE_SPAN_GAP.match(text[a.end:b.start]):
            # "men aged 18 to 34": one span of ages
            return Atom(start=a.start, end=b.end, nstart=a.nstart, nend=b.nend, number=a.number,
                        half=b.number, unit="year", qualifier="range", kind="range",
                        low=a.number, high=b.number, dimension="age")
        if b.dimension == "age" and b.unit_text and a.kind == b.kind == "digits" and \
                (a.bare and not a.counted or a.dimension == "age" and not a.unit_text) and \
                a.qualifier == "exact" and b.qualifier == "exact" and 0 <= a.number < b.number and \
                _AGE_SPAN_BEFORE.match(text[a.end:b.start]):
            # "18- to 34-year-olds", "a 200,000 to 260,000 year-old skull": the unit is
            # written once, after the second end
            return Atom(start=a.start, end=b.end, nstart=a.nstart, nend=b.nend, number=a.number,
                        half=b.number, unit=b.unit, unit_text=b.unit_text, qualifier="range",
                        kind="range", low=a.number, high=b.number, dimension="age",
                        low_half=a.half * a.digit_share, high_half=b.half * b.digit_share)
        if a.dimension == "age" or b.dimension == "age":
            return None
        gap = text[a.end:b.start]
        # "between 680 billion cubic meters (bcm) and 690 bcm": the abbreviation the first
        # end gives for its own unit is not what joins the two ends. Any other bracket
        # ("5.2% (men) and 7.1% (women)", "$82 (London) - $79", a conversion) keeps them
        # apart.
        abbreviation = _ABBREVIATION_GAP.match(gap)
        if abbreviation and a.unit and self._names_unit(abbreviation.group("a"), a.unit):
            gap = gap[abbreviation.end():]
        before = text[max(0, a.start - 40):a.start]
        fb = _FROM_BEFORE.search(before)
        if fb and len(fb.group(0).split()) > 1 and not _LEVEL_WORDS.search(fb.group(0)):
            fb = None       # "from the $89 to $93 billion": a determiner makes the pair one range
        frm = fb.group("f").lower() if fb else ""
        gm = _RANGE_GAP.match(gap)
        if gm:
            word = (gm.group("w") or gm.group("d") or "").lower()
        elif gap.lower() in ("-to-", "‑to‑"):
            # "0-to-60-mph", "a 10-to-15-minute walk": one adjective; bare, a ratio or a
            # score ("a 3-to-1 margin", "a 5-to-4 vote")
            if a.bare and b.bare:
                return "skip"
            word = "-"
        elif gap == "/" and a.currency_prefix and b.currency_prefix and a.unit and \
                (b.unit == a.unit or b.unit.startswith(a.unit + "/")) and \
                a.qualifier == b.qualifier == "exact":
            # "$7/$9": a low and a high case written as alternatives, as "7 or 9 dollars"
            word = "/"
        elif frm == "from" and not gap.strip() and text[b.start:b.start + 6].lower() == "up to ":
            word = "to"         # "from 450 sq ft up to 900 sq ft"
        else:
            return None
        hyphen = word in ("-", "–", "—")
        if word == "and" and frm != "between":
            return None
        if word == "or" and not (a.kind == b.kind == "words"):
            return None
        if a.qualifier in ("at_least", "more_than", "at_most", "less_than"):
            return None
        if b.qualifier != "exact" and not (frm == "from" and b.qualifier == "at_most"):
            return None
        # units must agree, or one side elides it; "$48,000 and $90,000 a year" share the
        # second figure's denominator
        ua, ub = a.unit, b.unit
        if ua and ub and ua != ub and not ub.startswith(ua + "/"):
            return None
        if ua and not ub and b.counted or ub and not ua and a.counted:
            return None         # "from 45% to 52 seats", "from $5 million to 300 firms"
        if ua and not ub and not hyphen and not frm:
            return None
        if a.bare and b.bare:
            if hyphen and not b.counted:
                if gap == gap.strip() and a.kind == b.kind == "digits" and _looks_like_score(a, b):
                    return "skip"
                return None
            if not hyphen and not frm and not (b.counted and a.kind == b.kind) and word != "or":
                return None
        if frm == "from" and _LEVEL_WORDS.search(fb.group(0)):
            return None         # "from the current 1.5 million to 20 million": two levels
        if not frm and word == "to":
            far = _FROM_WORDS_BEFORE.search(before)
            if far and _CHANGE_LEAD.search(before[max(0, far.start() - 40):far.start()]) and \
                    not _RANGE_VERBS.search(before[max(0, far.start() - 40):far.start()]):
                return None     # "eased from a record 11.1% to 4%": two levels of a move
        if frm == "from" and not _TO_A_RANGE.match(text, b.end, b.end + 60):
            # "rose from 1.5 to 2 million": two levels, unless a range follows the "to"
            # ("revised from 5 to 7 per cent to 3 to 5 per cent": a range moved to another)
            lead = text[max(0, a.start - 60):a.start - len(fb.group(0))]
            # the clause of the "from" only: "fares rose 10%, and now cost from $2.20 to $9"
            # (not "fell in March, from 4.1% to 3.9%")
            cut = None
            for cut in _CLAUSE_LINK.finditer(lead):
                pass
            lead = lead[cut.end():] if cut else lead
            if _CHANGE_LEAD.search(lead) and not _RANGE_VERBS.search(lead) or \
                    _WENT_BEFORE.search(lead):
                return None
        if a.change not in ("=", "~") and not hyphen and not (a.by and not a.unit):
            return None
        # scale carried back: "between 2 and 3 million", "$10 to $15 billion"
        a_num, a_half = a.number, a.half
        if b.scaled and not a.scaled and abs(a.number) < abs(b.number / b.scale_value) * 10 \
                and abs(a.number) < 1000:
            a_num, a_half = a.number * b.scale_value, a.half * b.scale_value
        unit = ub or ua
        factor = b.factor if ub else a.factor
        lo_val, hi_val = a_num * factor, b.number * factor
        q = Atom(start=a.start, end=b.end, nstart=a.nstart, nend=b.nend, number=a_num, half=b.number,
                 unit=unit, unit_text=(b.unit_text or a.unit_text), factor=1.0,
                 currency_prefix=a.currency_prefix or b.currency_prefix,
                 counted=b.counted or a.counted, qualifier="range",
                 change=a.change if a.change in ("up", "down", "~") else "=",
                 kind="range", low=lo_val, high=hi_val,
                 dimension=b.dimension or a.dimension,
                 low_half=a_half * a.digit_share * abs(factor),
                 high_half=b.half * b.digit_share * abs(factor))
        q.scale_value = b.scale_value
        return q

    def _carry_units(self, text: str, atoms: list[Atom]) -> None:
        """Give an elided figure the unit of its neighbour: 'from 4.8 to 4.7 percent'."""
        for i, a in enumerate(atoms):
            # "lost 190 points, or 0.6%": the same change told twice
            if i > 0 and a.change == "=" and a.qualifier in ("exact", "approx") and \
                    atoms[i - 1].change in ("up", "down") and \
                    _OR_GAP.match(text[_after_counted(text, atoms[i - 1]):a.start]):
                a.change = atoms[i - 1].change      # "added 900 jobs, or 2%" too
            if i > 0 and a.change == "=" and a.qualifier in ("exact", "approx") and \
                    atoms[i - 1].change in ("up", "down") and a.unit and \
                    a.unit == atoms[i - 1].unit and \
                    _ELLIPTIC_BY.match(text, atoms[i - 1].end, a.start):
                # "Ross was down 2.3%, Burlington by 2.6%": the verb is left out of the
                # second clause, the move is the first one's
                a.change, a.by = atoms[i - 1].change, True
            if not a.bare or a.counted or a.kind not in ("digits", "words") or a.low is not None \
                    or a.dimension == "age":
                continue
            # forward: the unit comes from the figure just before
            if i > 0:
                p = atoms[i - 1]
                gap = text[_after_counted(text, p):a.start]
                tail = _LINK_TAIL.search(gap)
                if self._parallel(text, atoms, i, gap, tail):
                    continue
                if i > 1 and p.dimension and p.dimension == atoms[i - 2].dimension and \
                        _CLOSE_BRACKET.match(text, p.end, p.end + 8) and \
                        _OPEN_BRACKET_GAP.match(text, atoms[i - 2].end, p.start):
                    # "2.2 billion shekels ($590 million) and 71 million": the figure in
                    # brackets converts the one before it; the unit is the sentence's own
                    p = atoms[i - 2]
                if p.unit in ("pt", "pp") and p.change in ("up", "down") and tail and \
                        _RX19.search(tail.group(0)) and len(gap) <= 60 and \
                        not _SENTENCE_END.search(gap):
                    # "rose 64 points to 4,577": an index moved in points ends at a level in
                    # points; "rose 2 percentage points to 45" ends at a percentage
                    a.unit, a.factor, a.unit_text = ("pt", 1.0, "") if p.unit == "pt" else ("%", 1.0, "")
                    a.dimension = self.t.dimension(a.unit)
                    continue
                if (p.unit or p.counted) and (p.kind != "range" or _from_range(text, p, tail)) and \
                        len(gap) <= 60 and \
                        not _SENTENCE_END.search(gap) and tail and _similar(p, a) and \
                        p.dimension not in ("duration", "age") and \
                        not (p.change in ("up", "down") and _RX19.search(tail.group(0))):
                    self._inherit(a, p)
                    continue
            # backward: "from 13.5 to 14.0 mm", "8 or $9"
            if i + 1 < len(atoms):
                nx = atoms[i + 1]
                gap = text[a.end:nx.start]
                if nx.unit == "pt" and nx.change in ("up", "down") and a.change == "=" and \
                        _LEVEL_THEN_MOVE.match(gap) and abs(a.number) > abs(nx.number):
                    # "(16,369.03 up 58.06 points)": an index level, then its move
                    a.unit, a.factor, a.unit_text, a.dimension = "pt", 1.0, "", nx.dimension
                    continue
                if nx.unit and nx.kind != "range" and regex.match(
                        r"^(?:-,?[ \u00a0]*|-?,?[ \u00a0]*(?:to|or|and|-|–|of(?:[ \u00a0]+(?:the|a|an|its|their))?)[ \u00a0]*"
                        r"(?:about|around|nearly|almost)?[ \u00a0]*)$", gap) \
                        and nx.dimension not in ("duration", "age"):
                    # "from 1.5 to 2 million tonnes": the scale is carried back with the unit
                    scale = nx.scaled and not a.scaled and \
                        abs(a.number) < abs(nx.number / nx.scale_value) * 10
                    if not _similar(nx, replace(a, number=a.number * nx.scale_value) if scale else a):
                        continue
                    if scale:
                        a.number *= nx.scale_value
                        a.half *= nx.scale_value
                        a.scaled = True
                    self._inherit(a, nx)

    def _parallel(self, text: str, atoms: list[Atom], i: int, gap: str, tail) -> bool:
        """A bare figure in a clause built like an earlier one takes that clause's unit:
        'rose by 2 percent but coal fell by 1'; an index level after a move, where the
        sentence gives levels or moves in index points ('lost 162.31 points, or 2.14%, to
        fall to 7,425.81'; 'climbed 0.1% to 1,333.18' after 'to a close of 1,463.87 points')."""
        a, p = atoms[i], atoms[i - 1]
        if len(gap) > 80 or _SENTENCE_END.search(gap):
            return False
        if a.by and p.by and a.change in ("up", "down") and p.change in ("up", "down") and \
                p.unit in ("%", "pp", "pt") and p.kind != "range" and _similar(p, a) and \
                _BY_TAIL.search(gap):
            self._inherit(a, p)
            return True
        if a.change == "=" and p.change in ("up", "down") and p.unit in ("%", "pt") and \
                _TO_AT_TAIL.search(gap):
            for k in range(i - 1, max(-1, i - 5), -1):
                q = atoms[k]
                if _SENTENCE_END.search(text[q.end:a.start]):
                    break
                if q.unit == "pt" and (q.change != "=" or abs(q.number) * 5 > abs(a.number)):
                    a.unit, a.factor, a.unit_text, a.dimension = "pt", 1.0, "", self.t.dimension("pt")
                    return True
        return False

    def _inherit(self, a: Atom, src: Atom) -> None:
        if src.unit:
            a.unit, a.factor = src.unit, src.factor
            a.unit_text = ""            # nothing written: the unit is carried over
        else:
            a.counted = src.counted
        a.dimension = src.dimension


# After a figure: capitalised words (and "and", "&", model letters) up to a lower-case plural,
# or a name whose last part is a plural numeral ("Model 3s")
_NAMED_COUNT = deferred_regex(
    r"[ \u00a0]++(?:(?:[A-Z][\w'’&.-]{0,25}+|[A-Z0-9]{1,3}|and|&)[ \u00a0]++){1,6}?"
    r"(?:(?!and[ \u00a0])(?P<noun>[a-z][a-z'’-]{1,30}+)(?![\w])|\d{1,4}s(?![\w]))")
_OF_ARTICLE = deferred_regex(
    r"(?:[ \u00a0]+of)?[ \u00a0]+an?(?:[ \u00a0]+(?:US|U\.S\.|imperial|metric))?(?=[ \u00a0])",
    regex.I)
_EMBEDDED_MEASURE = deferred_regex(
    r"[ \u00a0]++(?P<num>\d{1,6}+(?:[.,]\d{1,3}+)?+)(?P<unit>[ \u00a0-]?[A-Za-z]{1,12}+)"
    r"[ \u00a0]++(?P<noun>[a-z][a-z-]{1,25}?s)(?![\w'’])")
_TEMPERATURE_CUE = deferred_regex(
    r"(?i:temperature|degree|heat|weather|warm|cold|hot(?:test)?\b|cool|freez|frost|celsius"
    r"|fahrenheit|thermometer|climate|forecast|mercury|melting|boiling|freezing)")
_SPEED_CUE = deferred_regex(
    r"(?i:\b(?:speeds?|airspeed|wind|winds|gusts?|gusting|sail(?:ing|ed)?|cruis(?:e|ing)|knots"
    r"|mph|km/h|flying|aircraft|vessel|ship|boat)\b)")
# "8 B people", "40 M users": a capital scale letter set apart is read as a scale only when
# a plural noun follows it ("Plan B", "Category 5 B" stay letters)
_SPACED_SCALE_LETTER = deferred_regex(
    r"[ \u00a0](?P<g>[BM])(?=[ \u00a0]++(?:people|(?!(?:was|has|does|this|thus|plus|its|his|is|always|perhaps|whereas|unless|"
    r"across|towards|afterwards|besides|sometimes|says)(?![a-z]))[a-z]{3,20}+(?<=[^s]s))(?![\w'’-]))")
_TO_A_RANGE = deferred_regex(
    r"[ \u00a0]+(?i:to)[ \u00a0]+[$€£]?\d[\d,.]*+[ \u00a0]*(?:%|(?i:per[ \u00a0]?cent|percent))?"
    r"[ \u00a0]*(?:(?i:to)[ \u00a0]|-|–)[ \u00a0]*[$€£]?\d")
_HYPHENATED_TO = deferred_regex(r"\d[-‑](?i:to)[-‑]$")
_UNIT_SYSTEM = deferred_regex(r"[ \u00a0]+(?:US|U\.S\.|[Ii]mperial)(?=[ \u00a0]+[a-z])")
_RANK_ZONE = deferred_regex(r"(?i:\bthe[ \u00a0]+(?:top|bottom)[ \u00a0]+)$")
_BRACKET_OPEN = deferred_regex(r"^[ \u00a0]*[(\[][ \u00a0]*$")
_BRACKET_NEXT = deferred_regex(r"^[ \u00a0]*(?:/|,|;|or)[ \u00a0]*$")
_OPEN_BRACKET_GAP = deferred_regex(r"[ \u00a0]*\([ \u00a0]*$")
_CLOSE_BRACKET = deferred_regex(r"[ \u00a0]*\)")
_AND_GAP = deferred_regex(r"^[ \u00a0]+(?:and[ \u00a0]+)?$")
_CLAUSE_END = deferred_regex(r"[ \u00a0]*(?:[.,;:!?)]|$)")
_ADJECTIVE_RUN = deferred_regex(
    r"(?:[ \u00a0]+[a-z][a-z-]{1,20}+){1,4}?[ \u00a0]+[a-z][a-z-]{1,20}?s(?![\w'’])")
_COMPARATIVE_ADJECTIVES = frozenset(
    "smaller larger bigger older younger newer cheaper richer poorer stronger weaker "
    "wider deeper taller heavier lighter".split())
_COUNT_BEFORE = deferred_regex(
    r"(?i:(?<![\w.,-])(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)"
    r"(?:[ \u00a0]+(?!(?:and|or|of|to|in|from|than)[ \u00a0])[a-z]{2,15}+){0,2}[ \u00a0]+)$")
_CAPITAL_NEXT = deferred_regex(r"[ \u00a0]+[A-Z]")
_NOUN_OR_BEFORE = deferred_regex(
    r"(?i:(?<![\w])(?:a|an|another|one))[ \u00a0]+(?P<n>[a-z]{3,20}+)[ \u00a0]+or[ \u00a0]+$")
_OF_NAME = deferred_regex(r"[ \u00a0]+of(?=[ \u00a0]+[A-Z])")
_TOTAL_WORDS = frozenset(("combined", "total", "overall"))
_COMPARATIVE_DETERMINERS = frozenset(("more", "fewer", "further", "additional", "extra"))


_COMPOUND = deferred_regex(
    r"-(?P<n>[a-z]{3,15}+)(?![\w-])[ \u00a0]++(?P<h>[a-z][a-z-]{1,20}+)")
_SUSPENDED = deferred_regex(
    r"-(?:[ \u00a0]*,)?[ \u00a0]*(?:(?:and|or|to)[ \u00a0]+)?"
    r"(?:(?:\d{1,3}|[a-z]{3,9})-(?:[ \u00a0]*,)?[ \u00a0]*(?:(?:and|or|to)[ \u00a0]+)?){0,4}"
    r"(?:\d{1,3}|[a-z]{3,9})-(?P<n>[a-z]{3,15}+)(?![\w-])[ \u00a0]++(?P<h>[a-z][a-z-]{1,20}+)")
# compounds that name a kind, a rating or a score, not a count of the joined noun
_NOT_COMPOUND_COUNTS = frozenset(
    "time way fold off sided star point pointer nil all odd something plus ish dimensional "
    "love zero under over up hander footer seater nothing thirds thirty forty fifty old olds".split())


def _compound_noun(text: str, e: int, number: float, units) -> tuple[str, int] | None:
    """'a four-cylinder engine', 'four-, five- and six-cylinder engines': a count whose
    noun is joined to it by a hyphen, in an adjective before a head noun. Returns the noun
    and where the figure's span ends, or None."""
    if number != int(number) or not 2 <= number <= 999 or text[e:e + 1] != "-":
        return None
    m = _COMPOUND.match(text, e, e + 60)
    end = m.end("n") if m else e + 1
    if not m:
        m = _SUSPENDED.match(text, e, e + _REACH)
        if not m:
            return None
    noun, head = m.group("n"), m.group("h")
    um = units.match(text, m.start("n"))
    if um is not None and um.end() >= m.end("n"):
        return None         # "13- or 15-inch": a unit, carried by the unit pass
    if noun in _NOT_COMPOUND_COUNTS or noun in W.NOT_COUNTED or _plural(noun) or \
            head in W.NOT_COUNTED or noun in W.UNITS_WORDS or noun in W.TENS_WORDS:
        return None
    return noun, end


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith(("ss", "us", "is"))) or word in W.IRREGULAR_PLURALS


def _noun_phrase_head(a: Atom, w1: str, w2: str | None) -> str:
    """The counted noun ends at the head of its noun phrase. A count above one governs a
    plural head, so a singular first word is a modifier when a plural follows ("three
    industry sources"); a count of one governs a singular head, so a plural-looking word
    after it is the verb ("one proposal asks")."""
    if not w2 or not w2[:1].islower() or w2 in W.NOT_COUNTED or w2.endswith(("'s", "’s")):
        return a.counted
    if abs(a.number) == 1 and a.low is None:
        return w1 if _plural(w2) else a.counted
    if a.counted == w1 and not _plural(w1) and _plural(w2) and not w1.endswith(("'s", "’s")):
        return f"{w1} {w2}"
    return a.counted


def _is_demonym_plural(word: str) -> bool:
    """'Americans', 'Israelis': a capitalised plural of people, counted."""
    return len(word) > 5 and word[:1].isupper() and word[1:].islower() and \
        word.endswith(("ans", "is"))


def _may_be_masked(text: str, s: int) -> bool:
    """Whether a phone number, date, clock time or "5 min read" could start at s: each
    needs a separator or a time word right after the first run of digits."""
    if s > 0 and text[s - 1] in "+(":
        return True
    j, n = s, len(text)
    while j < n and text[j].isdigit():
        j += 1
    if j >= n:
        return False
    c = text[j]
    if c in _MASK_AFTER_DIGITS or c in _MASK_AFTER_BLANK:
        return True
    if c in " \u00a0\u202f":
        return text[j + 1:j + 2] in _MASK_AFTER_BLANK
    return False


def _prev_word_cased(text: str, pos: int) -> str:
    window = text[max(0, pos - 24):pos].rstrip()
    m = _RX1.search(window)
    return m.group(1) if m else ""


def _after_counted(text: str, p: Atom) -> int:
    """Where a figure's words end: its counted noun is written after its span."""
    if p.counted:
        j = p.end
        while j < len(text) and text[j] in _BLANKS:
            j += 1
        if text.startswith(p.counted, j):
            return j + len(p.counted)
    return p.end


def _from_range(text: str, p: Atom, tail) -> bool:
    """'from about 14-18 mpg to 24': a range that is the first level of a from-to pair."""
    return tail is not None and _RX19.search(tail.group(0)) is not None and \
        _FROM_BEFORE.search(text[max(0, p.start - 40):p.start]) is not None


def _is_age_context(text: str, a: Atom) -> bool:
    """'the age of 21', 'at age 58' name an age outright; after 'who was' or 'turned' the
    figure must end its clause ('who was 10.', 'turned 40 last spring')."""
    m = _AGE_BEFORE.search(text, max(0, a.start - 30), a.start)
    if not m:
        return False
    return m.group("strong") is not None or _AGE_AFTER.match(text, a.end) is not None


def _is_year_like(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and _YEAR_LOW <= int(raw) <= _YEAR_HIGH


def _looks_like_score(a: Atom, b: Atom) -> bool:
    return a.number == int(a.number) and b.number == int(b.number) and a.number < 200 and b.number < 200


def _similar(src: Atom, a: Atom) -> bool:
    x = abs(src.number)
    y = abs(a.number) * (src.scale_value if (src.scaled and not a.scaled and abs(a.number) < 1000 and False) else 1)
    if x == 0 or y == 0:
        return False
    r = x / y
    return 0.02 <= r <= 50


def _parse_words(raw: str) -> tuple[float | None, float]:
    """'twenty-eight thousand six hundred forty-two' -> (28642, 0.5); 'twenty' -> (20, 5)."""
    total, current = 0, 0
    for w in _RX2.split(raw.lower()):
        if w == "and" or not w:
            continue
        if w in W.UNITS_WORDS:
            current += W.UNITS_WORDS[w]
        elif w in W.TENS_WORDS:
            current += W.TENS_WORDS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None, 0.5
    value = total + current
    return float(value), written_precision(str(int(value)), words=True)
