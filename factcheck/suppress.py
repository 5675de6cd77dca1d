"""Inline suppression: an author accepts a finding in the draft itself.

`factcheck-ignore: FC101` on a line of plain text, or `<!-- factcheck-ignore FC101 -->` in
Markdown or HTML, silences the named codes for the next paragraph (up to the next blank
line after some text). Several codes may be listed, separated by commas or spaces. An
unknown code is reported as a warning, never a crash, and silences nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

import regex

from factcheck.model import Article, Claim, FileProblem, Finding

_DIRECTIVE = regex.compile(
    r"(?:<!--\s*factcheck-ignore\b[:\s]*(?P<html>[^>]*?)\s*-->"
    r"|factcheck-ignore:\s*(?P<plain>[A-Za-z0-9 ,]+))",
    regex.IGNORECASE,
)
_CODE = regex.compile(r"^FC\d{3}$")
_BETWEEN_SOURCES = {"conflict", "attributed-disagreement", "unresolved-key"}
_IN_COMMENT = regex.compile(r"^factcheck-ignore\b[:\s]*(.*)$", regex.IGNORECASE | regex.DOTALL)


@dataclass(frozen=True)
class Directive:
    path: str
    codes: frozenset[str]
    first_line: int      # lines of the paragraph it covers, inclusive, in the file
    last_line: int


def find_directives(article: Article, known_codes: set[str]) -> tuple[list[Directive], list[FileProblem]]:
    directives: list[Directive] = []
    problems: list[FileProblem] = []
    text = article.text
    found = [(m.start(), m.end(),
              m.group("html") if m.group("html") is not None else m.group("plain"))
             for m in _DIRECTIVE.finditer(text)]
    for offset, content in article.directives:
        m = _IN_COMMENT.match(content.strip())
        if m:
            found.append((offset, offset, m.group(1)))
    for start, end, raw in sorted(found):
        codes = {c.upper() for c in regex.split(r"[\s,]+", raw.strip()) if c}
        line, _ = article.locate(start)
        bad = sorted(c for c in codes if not _CODE.match(c) or c not in known_codes)
        for code in bad:
            problems.append(FileProblem(article.path, "warning",
                                        f"line {line}: factcheck-ignore names unknown rule '{code}'"))
        good = frozenset(codes - set(bad))
        if not good:
            continue
        first, last = _next_paragraph(text, end)
        directives.append(Directive(article.path, good, article.locate(first)[0],
                                    article.locate(max(first, last - 1))[0]))
    return directives, problems


def _next_paragraph(text: str, pos: int) -> tuple[int, int]:
    """Span of the paragraph after pos: skip the rest of the directive's line and blank
    lines, then run to the next blank line. A directive sharing its line with text
    covers that line's paragraph."""
    line_end = text.find("\n", pos)
    rest_of_line = text[pos: line_end if line_end != -1 else len(text)]
    start = pos if rest_of_line.strip() else (line_end + 1 if line_end != -1 else len(text))
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    blank = regex.compile(r"\n[ \t]*\n").search(text, start)
    end = blank.start() if blank else len(text)
    return start, end


def apply_inline_suppressions(findings: Sequence[Finding], claims: Sequence[Claim],
                              articles: Iterable[Article], known_codes: set[str]
                              ) -> tuple[list[Finding], list[Finding], list[FileProblem]]:
    directives: list[Directive] = []
    problems: list[FileProblem] = []
    for article in articles:
        if not article.directives and "factcheck-ignore" not in article.text.lower():
            continue
        found, bad = find_directives(article, known_codes)
        directives.extend(found)
        problems.extend(bad)
    if not directives:
        return list(findings), [], problems
    by_id = {c.id: c for c in claims}

    def covered(finding: Finding, claim: Claim) -> bool:
        return any(finding.rule in d.codes and d.path == claim.path
                   and d.first_line <= claim.line <= d.last_line for d in directives)

    def outcome(finding: Finding) -> Finding | None:
        """The finding as it stands after its directives; None when it is silenced."""
        own = [by_id[c] for c in finding.claims if c in by_id]
        quiet = [c for c in own if covered(finding, c)]
        if not quiet:
            return finding
        if finding.kind in _BETWEEN_SOURCES:
            # A directive speaks for its own paragraph only: where the figures left
            # outside it still disagree among several articles, the finding stands
            # without the silenced figures.
            rest = [c for c in own if c not in quiet]
            values = {(c.quantity.low, c.quantity.high) for c in rest}
            if len({c.article for c in rest}) >= 2 and len(values) >= 2:
                return replace(finding, claims=tuple(c.id for c in rest))
        return None

    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in findings:
        after = outcome(finding)
        if after is None:
            dropped.append(finding)
        else:
            kept.append(after)
    return kept, dropped, problems
