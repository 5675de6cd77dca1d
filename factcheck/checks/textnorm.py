"""Text normalisation for near-duplicate detection.

Wire copy is reprinted with house-style edits: U.S. vs US, defence vs defense, totalling vs
totaling, curly vs straight quotes, hyphenation. Each rule below maps both spellings to one
form. A rule may also map an unrelated word somewhere else; that is harmless because the
same mapping is applied to every text before comparison.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from factcheck.frame.lazy_pattern import deferred_regex

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_DOTTED_ACRONYM = deferred_regex(r"\b(?:\p{L}\.){2,}")
_THOUSANDS = deferred_regex(r"(?<=\d),(?=\d{3}\b)")
_PERCENT = deferred_regex(r"%|\bper\s+cent\b", regex.IGNORECASE)
_NON_WORD = deferred_regex(r"[^\p{L}\p{N}.]+|(?<!\d)\.|\.(?!\d)")
_APOSTROPHE = deferred_regex(r"(?<=\p{L})'(?=\p{L})")

# (pattern on a whole lower-case word, replacement): British/American and house variants.
_SPELLING = [
    (regex.compile(r"^(\p{L}{2,})i([sz])(e|es|ed|ing|ation|ations)$"), r"\1iz\3"),
    (regex.compile(r"^(\p{L}{2,})y([sz])(e|es|ed|ing)$"), r"\1yz\3"),
    (regex.compile(r"^(\p{L}{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),
    (regex.compile(r"^(\p{L}{2,})ence$"), r"\1ense"),
    (regex.compile(r"^(\p{L}{2,}[aeo])ll(ing|ed|er|ers)$"), r"\1l\2"),
    (regex.compile(r"^(\p{L}{2,})tre(s)?$"), r"\1ter\2"),
    (regex.compile(r"^(\p{L}{3,})mme(s)?$"), r"\1m\2"),
    (regex.compile(r"^(\p{L}{3,})ogue(s)?$"), r"\1og\2"),
]
_WORDS = {"grey": "gray", "tonnes": "tons", "tonne": "ton", "aluminium": "aluminum",
          "kyiv": "kiev", "zelenskiy": "zelenskyy", "zelensky": "zelenskyy"}


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> str:
    word = _WORDS.get(word, word)
    for pattern, replacement in _SPELLING:
        new = pattern.sub(replacement, word)
        if new != word:
            return new
    return word


def normalise_tokens(text: str) -> list[str]:
    """Lower-case word tokens with punctuation dropped and spelling variants folded."""
    return list(_tokens(text))


# A sentence is tokenised twice per article (as text and as a claim's sentence) and wire
# copy repeats sentences across files: the tokens are kept per sentence text.
@lru_cache(maxsize=1 << 15)
def _tokens(text: str) -> tuple[str, ...]:
    return _ascii_tokens(text) if text.isascii() else _any_tokens(text)


def _any_tokens(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DOTTED_ACRONYM.sub(_undot, text)
    text = _THOUSANDS.sub("", text)
    text = _PERCENT.sub(" percent ", text)
    text = _APOSTROPHE.sub("", text)
    text = text.lower()
    return tuple(_word(w) for w in _NON_WORD.split(text) if w)


def _undot(m) -> str:
    return m.group(0).replace(".", "")


# ASCII text (most news copy) takes the same steps, each skipped when the character it
# needs is absent; NFKC and the quote table leave ASCII as it is. Every character but a
# letter, a digit or a full stop separates words, and a full stop survives only between
# two digits, as in the general split.
_ASCII_SEPARATORS = str.maketrans({chr(i): " " for i in range(128)
                                   if not (chr(i).isalnum() or chr(i) == ".")})
_ASCII_STOP = deferred_regex(r"(?<![0-9])\.|\.(?![0-9])")


def _ascii_tokens(text: str) -> tuple[str, ...]:
    if "." in text:
        text = _DOTTED_ACRONYM.sub(_undot, text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if "%" in text or "cent" in text.lower():
        text = _PERCENT.sub(" percent ", text)
    if "'" in text:
        text = _APOSTROPHE.sub("", text)
    out: list[str] = []
    for w in text.lower().translate(_ASCII_SEPARATORS).split():
        if "." in w:
            out.extend(_word(p) for p in _ASCII_STOP.split(w) if p)
        else:
            out.append(_word(w))
    return tuple(out)


def shingles(tokens: list[str], k: int = 3) -> frozenset[str]:
    """Word k-grams; a text shorter than k words is one shingle of itself."""
    if len(tokens) < k:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    if k < 1:
        return frozenset(" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1))
    return frozenset(map(" ".join, zip(*[tokens[i:] for i in range(k)])))


_SENTENCE_END = deferred_regex(
    r"(?<=[.!?][\"')\]\u201d\u2019]?)\s+(?=[\"'(\[\u201c\u2018]?[\p{Lu}\p{N}])"
    r"|\n\s*")
_ABBREVIATIONS = deferred_regex(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Corp|Inc|Ltd|Co|No|vs|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu})\.$")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: cut at sentence punctuation and at line breaks."""
    out: list[tuple[int, str]] = []
    start = 0
    pending = 0
    for match in _SENTENCE_END.finditer(text):
        # an abbreviation is at most five characters before the break: the search reads
        # the end of the piece only, with room for the word boundary before it
        piece = text[max(start, match.start() - 8):match.start()]
        if "\n" not in match.group(0) and _ABBREVIATIONS.search(piece):
            continue  # "U.S. President" or "Corp. said": not the end of a sentence
        chunk = text[pending:match.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((pending + lead, chunk.strip()))
        pending = start = match.end()
    tail = text[pending:]
    if tail.strip():
        out.append((pending + len(tail) - len(tail.lstrip()), tail.strip()))
    return out
