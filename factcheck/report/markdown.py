"""A short Markdown summary for a pull-request or CMS comment.

Comments are read in a hurry: one counts line, the most severe findings in a table, the
rest folded away, and every figure linked to its line. Article text is untrusted, so each
cell is escaped for both Markdown and the HTML that comment renderers allow.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from factcheck.model import Claim, Finding, Report
from factcheck.report.html import SEVERITY_ORDER, format_period, humanise, shared_field

ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
VISIBLE_ROWS = 10
MAX_ROWS = 50

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def escape_md(text: str, limit: int | None = None) -> str:
    """Text made inert in a GitHub-flavoured Markdown table cell."""
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A bare scheme would be auto-linked by some renderers.
    return re.sub(r"(?i)\b(javascript|data|vbscript):", r"\1&#58;", text)


def _link(claim: Claim, link_base: str) -> str:
    return _file_link(claim.path, claim.line, link_base)


def _file_link(path: str, line: int, link_base: str) -> str:
    label = escape_md(f"{path}:{line}")
    target = f"{link_base}{path}#L{line}"
    target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    target = target.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"[{label}]({target})"


MAX_FIGURES = 4
MAX_LINKS = 4


def _what(finding: Finding, claims: Sequence[Claim]) -> str:
    details = finding.details or {}
    key = details.get("key") if isinstance(details.get("key"), Mapping) else {}
    entity = key.get("entity") or shared_field(claims, "entity")
    metric = key.get("metric") or shared_field(claims, "metric")
    period = key.get("period") or shared_field(claims, "period")
    bits = [b for b in (entity, humanise(metric) if metric else "",
                        format_period(period) if period else "") if b]
    head = " · ".join(bits)
    message = finding.message
    key_text = details.get("key_text")
    if isinstance(key_text, str) and key_text and message.startswith(key_text + ":"):
        message = message[len(key_text) + 1:].strip()   # the head says it in words
    message = escape_md(message, limit=140)
    return f"**{escape_md(head)}**<br>{message}" if head else message


def _figure_groups(finding: Finding, claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims grouped as the finding groups them (details.values), else by text."""
    by_id = {c.id: c for c in claims}
    groups: list[list[Claim]] = []
    placed: set[str] = set()
    values = (finding.details or {}).get("values")
    if isinstance(values, (list, tuple)):
        for item in values:
            if isinstance(item, Mapping):
                members = [by_id[c] for c in item.get("claims") or ()
                           if c in by_id and c not in placed]
                placed.update(m.id for m in members)
                if members:
                    groups.append(members)
    by_text: dict[str, list[Claim]] = {}
    for c in claims:
        if c.id not in placed:
            by_text.setdefault(c.text, []).append(c)
    return groups + list(by_text.values())


def _figures(finding: Finding, claims: Sequence[Claim]) -> str:
    if finding.kind == "syndication":  # the claims are copies, not figures in dispute
        return f"{len(claims)} figure{'s' if len(claims) != 1 else ''} in the copies"
    groups = _figure_groups(finding, claims)
    out = []
    for group in groups[:MAX_FIGURES]:
        c = group[0]
        sources = sorted({g.attribution for g in group if g.attribution})
        who = f" ({escape_md(', '.join(sources), limit=40)})" if sources else ""
        times = f" ×{len(group)}" if len(group) > 1 else ""
        out.append(f"**{escape_md(c.text)}**{who}{times}")
    if len(groups) > MAX_FIGURES:
        out.append(f"+{len(groups) - MAX_FIGURES} more")
    # Sources that disagree read as "a vs b"; the inputs of a computation as a list.
    joiner = " vs " if finding.rule.startswith("FC1") else ", "
    return joiner.join(out)


def _where(claims: Sequence[Claim], link_base: str) -> str:
    seen: dict[tuple[str, int], Claim] = {}
    for c in claims:
        seen.setdefault((c.path, c.line), c)
    links = [_link(c, link_base) for c in list(seen.values())[:MAX_LINKS]]
    if len(seen) > MAX_LINKS:
        links.append(f"+{len(seen) - MAX_LINKS} more")
    return "<br>".join(links)


def _where_articles(finding: Finding, link_base: str) -> str:
    """For copies of a story, the articles are the places to look, not each figure."""
    arts = (finding.details or {}).get("articles")
    if finding.kind != "syndication" or not isinstance(arts, (list, tuple)):
        return ""
    links = []
    for a in arts[:MAX_LINKS]:
        if isinstance(a, Mapping) and a.get("path"):
            links.append(_file_link(str(a["path"]), int(a.get("line_start") or 1), link_base))
    if len(arts) > MAX_LINKS:
        links.append(f"+{len(arts) - MAX_LINKS} more")
    return "<br>".join(links)


def _row(finding: Finding, claims_by_id: dict[str, Claim], link_base: str) -> str:
    claims = [claims_by_id[c] for c in finding.claims if c in claims_by_id]
    sev = finding.severity
    cells = [
        f"{ICONS.get(sev, '')} {sev}",
        f"`{re.sub(r'[^A-Za-z0-9_.-]', '', finding.rule)}`",
        _what(finding, claims),
        _figures(finding, claims),
        _where_articles(finding, link_base) or _where(claims, link_base),
    ]
    return "| " + " | ".join(cells) + " |"


def _table(rows: Iterable[str]) -> list[str]:
    return ["| Severity | Rule | What | Figures | Where |",
            "|---|---|---|---|---|", *rows]


def report_to_markdown(report: Report, *, link_base: str = "",
                       visible_rows: int = VISIBLE_ROWS, max_rows: int = MAX_ROWS) -> str:
    """The report as a Markdown comment; link_base is prefixed to every file link."""
    counts = {s: 0 for s in SEVERITY_ORDER}
    for f in report.findings:
        counts[f.severity if f.severity in counts else "info"] += 1
    files = len({a.path for a in report.articles} | {p.path for p in report.problems})
    lines = ["### factcheck", ""]
    parts = [f"**{len(report.findings)}** finding{'s' if len(report.findings) != 1 else ''}"]
    parts += [f"{ICONS[s]} {counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
              for s in SEVERITY_ORDER]
    parts.append(f"{len(report.claims)} claims in {len(report.articles)} articles "
                 f"from {files} file{'s' if files != 1 else ''}")
    if report.suppressed:
        parts.append(f"{len(report.suppressed)} suppressed")
    lines.append(" · ".join(parts))
    lines.append("")
    findings = sorted(report.findings,
                      key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.rule))
    claims_by_id = {c.id: c for c in report.claims}
    if not findings:
        lines.append("No discrepancies found.")
    else:
        shown = findings[:max_rows]
        head, tail = shown[:visible_rows], shown[visible_rows:]
        lines += _table(_row(f, claims_by_id, link_base) for f in head)
        if tail:
            lines += ["", "<details>",
                      f"<summary>{len(tail)} more finding{'s' if len(tail) != 1 else ''}"
                      "</summary>", ""]
            lines += _table(_row(f, claims_by_id, link_base) for f in tail)
            lines += ["", "</details>"]
        rest = len(findings) - len(shown)
        if rest > 0:
            lines += ["", f"…and {rest} more not listed here; see the HTML or JSON report."]
    if report.problems:
        lines += ["", "<details>",
                  f"<summary>{len(report.problems)} file problem"
                  f"{'s' if len(report.problems) != 1 else ''}</summary>", ""]
        lines += [f"- {p.level}: {escape_md(p.path)}: {escape_md(p.message)}"
                  for p in report.problems]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
