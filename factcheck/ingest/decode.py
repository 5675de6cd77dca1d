"""Bytes to text: UTF-8 first, a detected charset as a reported fallback, never silent.

Editors' files come from CMS exports, wire feeds and old desktop tools, so a file that is
not UTF-8 is read anyway, and the charset used is written into Document.warnings so a
wrong guess can be noticed. Binary files are refused rather than read as noise.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes


class BinaryFile(ValueError):
    """The bytes are not text in any charset worth trying."""


@dataclass(frozen=True)
class Decoded:
    text: str                    # CRLF and lone CR folded to LF
    encoding: str
    warnings: tuple[str, ...]


# Control bytes that never occur in text files (tab, LF, VT, FF, CR, ESC are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SNIFF = 8192


def _looks_binary(data: bytes) -> str | None:
    head = data[:_SNIFF]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode(data: bytes) -> Decoded:
    """Decode file bytes; raises BinaryFile for data that is not text."""
    if data.startswith(codecs.BOM_UTF8):
        text, warns = _strict_or_replace(data[3:], "utf-8")
        return Decoded(normalise_newlines(text), "utf-8-sig", warns)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, warns = _strict_or_replace(data, "utf-16")
        return Decoded(normalise_newlines(text.lstrip("\ufeff")), "utf-16",
                       ("decoded as utf-16 (byte-order mark)",) + warns)
    why = _looks_binary(data)
    if why:
        raise BinaryFile(f"binary file ({why}), not read")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8", ())
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guess = _detect(data)
    if guess:
        try:
            text = data.decode(guess)
            return Decoded(normalise_newlines(text), guess, (
                f"not valid UTF-8 (first bad byte at offset {first_bad}); "
                f"decoded as {guess}",))
        except (UnicodeDecodeError, LookupError):
            pass
    text, warns = _strict_or_replace(data, "utf-8")
    return Decoded(normalise_newlines(text), "utf-8", warns)


def _detect(data: bytes) -> str | None:
    # Detection on a bounded sample keeps a 20 MB file linear; the whole file is then
    # decoded strictly with the guess, and the guess is dropped if that fails.
    sample = data if len(data) <= 262144 else data[:131072] + data[-131072:]
    best = from_bytes(sample).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return codecs.lookup(best.encoding).name


def _strict_or_replace(data: bytes, encoding: str) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        return text, (f"{bad} undecodable byte sequence(s) replaced with U+FFFD "
                      f"(decoded as {encoding})",)
