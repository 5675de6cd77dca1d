"""Files in, Articles out, every character traceable to its line and column.

    discover(paths)      -> (files, problems)    expand folders and globs
    read_document(path)  -> Document            raises IngestError
    load(paths)          -> (documents, problems) never stops at a bad file

Readers: plain text and Markdown (plain.py, layout.py split a file holding several
articles), HTML (html.py), JSON / JSON Lines CMS exports (cms.py). Charset handling is in
decode.py. docs/INPUT.md describes the accepted inputs and the splitting heuristics.
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from typing import Sequence

import regex as re

from ..model import Document, FileProblem
from .decode import BinaryFile, decode
from factcheck.frame.lazy_pattern import deferred_regex

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

__all__ = ["SUPPORTED_SUFFIXES", "IngestError", "discover", "read_document", "load"]


class IngestError(Exception):
    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def _slashed(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in files
                     if _supported(f) and not f.startswith("."))
    return found


def _not_regular(path: str) -> bool:
    """A FIFO, socket or device would block or never end a read; a dangling link is left
    to read_document, which reports it."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _normal(path: str) -> str:
    """One spelling per file (./a, a/, /abs/cwd/a are the same), so ids and reports do
    not depend on how a path was typed."""
    path = os.path.normpath(path)
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:          # another drive
            return path
        if not rel.startswith(".."):
            return rel
    return path


def discover(paths: Sequence[str]) -> tuple[list[str], list[FileProblem]]:
    """Files to read: named files as given, folders walked (hidden ones skipped, supported
    suffixes only), globs expanded. Sorted, de-duplicated, '/'-separated."""
    files: list[str] = []
    problems: list[FileProblem] = []
    for given in paths:
        if os.path.isdir(given):
            found = _walk(given)
            if not found:
                problems.append(FileProblem(_slashed(given), "warning",
                                            "folder holds no supported files "
                                            f"({', '.join(SUPPORTED_SUFFIXES)})"))
            files.extend(found)
        elif os.path.exists(given):
            files.append(given)
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            for match in matches:
                if os.path.isdir(match):
                    files.extend(_walk(match))
                elif _supported(match):
                    files.append(match)
            if not matches:
                problems.append(FileProblem(_slashed(given), "error", "no file matches"))
        else:
            problems.append(FileProblem(_slashed(given), "error", "no such file or folder"))
    seen: set[str] = set()
    unique: list[str] = []
    for f in files:
        key = _normal(f)
        if key in seen:
            continue
        seen.add(key)
        if _not_regular(f):
            problems.append(FileProblem(_slashed(key), "error",
                                        "not a regular file (a pipe, socket or device)"))
            continue
        unique.append(_slashed(key))
    return sorted(unique), problems


def read_document(path: str) -> Document:
    """Read and split one file. Raises IngestError when it cannot be read as text."""
    try:
        with open(path, "rb") as fh:
            if path.lower().endswith(".json"):
                own = _own_output(fh.read(256))
                if own:
                    # A report or baseline this tool wrote (reports/ in the corpus folder):
                    # known from its first key, not read (at archive scale it is 400 MB).
                    return Document(path, "utf-8", (),
                                    (f"a factcheck output ({own}), not articles: skipped",))
                fh.seek(0)
            elif path.lower().endswith((".html", ".htm")):
                if _OWN_HTML.search(fh.read(_OWN_HTML_HEAD)):
                    # the HTML report a run writes to reports/ in the folder it ran in: at
                    # 10k articles it is tens of MB, which the HTML reader took for articles
                    return Document(path, "utf-8", (),
                                    ("a factcheck output (HTML report), not articles: skipped",))
                fh.seek(0)
            data = fh.read()
    except IsADirectoryError:
        raise IngestError(path, "is a folder, not a file") from None
    except PermissionError:
        raise IngestError(path, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Document(path, "utf-8", (), ("empty file",), digest)
    try:
        decoded = decode(data)
    except BinaryFile as exc:
        raise IngestError(path, str(exc)) from None
    warnings = list(decoded.warnings)
    articles, more = _read_text(path, decoded.text)
    warnings.extend(more)
    if not articles and not decoded.text.strip():
        warnings.append("empty file")
    elif not articles and not more:
        warnings.append("no article text found")
    return Document(path, decoded.encoding, tuple(articles), tuple(warnings), digest)


_OWN_OUTPUT = deferred_regex(r'\ufeff?\s*\{\s*"schema"\s*:\s*"(factcheck\.[^"\\]{1,40})"')


# The report template names its generator in <head>, after a long security-policy line.
_OWN_HTML = deferred_regex(rb"""<meta\s+name=["']?generator["']?\s+content=["']?factcheck["'\s/>]""",
                           re.IGNORECASE)
_OWN_HTML_HEAD = 4096


def _own_output(head: bytes) -> str:
    """The schema of a factcheck output file from its first bytes, or ""."""
    match = _OWN_OUTPUT.match(head.decode("utf-8", "replace"))
    return match.group(1) if match else ""


def _read_text(path: str, text: str):
    lower = path.lower()
    if lower.endswith((".html", ".htm")):
        from .html import read_html
        return read_html(path, text)
    if lower.endswith((".json", ".jsonl")):
        from .cms import read_cms
        return read_cms(path, text, lines=lower.endswith(".jsonl"))
    from .plain import read_plain
    return read_plain(path, text, markdown=lower.endswith((".md", ".markdown")))


def load(paths: Sequence[str]) -> tuple[list[Document], list[FileProblem]]:
    """Discover and read every file; a bad file becomes a problem, never an exception."""
    files, problems = discover(paths)
    documents: list[Document] = []
    for path in files:
        try:
            doc = read_document(path)
        except IngestError as exc:
            problems.append(FileProblem(path, "error", exc.message))
            continue
        documents.append(doc)
        problems.extend(FileProblem(path, "warning", w) for w in doc.warnings)
    return documents, problems
