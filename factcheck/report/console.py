"""The terminal summary: findings grouped by severity, figures side by side with citations."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.checks.formatting import number
from factcheck.model import SEVERITIES, Claim, Finding, Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTROL = str.maketrans({c: None for c in [*range(0, 9), *range(11, 32), 127]})


def clean(value: object) -> str:
    """Article text as inert terminal text: no escape sequences or other control codes.
    (Consoles are made with markup off, so '[bold]' or '[/]' in a headline stays literal.)"""
    return str(value).translate(_CONTROL)


def make_console(**kwargs) -> Console:
    return Console(markup=False, highlight=False, emoji=False, **kwargs)


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(float(value))
    return str(value)


def _normalised(claim: Claim) -> str:
    q = claim.quantity
    unit = f" {q.unit}" if q.unit else (f" {q.counted}" if q.counted else "")
    if q.value is None:
        return f"{_fmt(q.low)}–{_fmt(q.high)}{unit}"
    return f"{_fmt(q.value)}{unit}"


def _details_line(details: dict) -> str:
    parts = []
    diff = details.get("difference")
    if isinstance(diff, dict):
        bits = []
        if diff.get("absolute") is not None:
            bits.append(f"{_fmt(diff['absolute'])} {diff.get('unit', '')}".strip())
        if diff.get("relative") is not None:
            bits.append(f"{diff['relative'] * 100:.1f}%")
        if bits:
            parts.append("differ by " + ", ".join(bits))
    tol = details.get("tolerance")
    if isinstance(tol, dict) and tol:
        parts.append("tolerance " + ", ".join(
            f"{k} {v * 100:.3g}%" if k == "relative" and isinstance(v, (int, float))
            else f"{k} {_fmt(v)}" for k, v in sorted(tol.items())))
    elif isinstance(tol, (int, float)):
        parts.append(f"tolerance {_fmt(tol)}")
    if details.get("explanation"):
        parts.append(str(details["explanation"]))
    return " · ".join(parts)


def render_console(report: Report, console: Console, *, threshold: str = "error") -> None:
    claims = {c.id: c for c in report.claims}
    articles = {a.id: a for a in report.articles}
    summary = report.summary
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    head = Text.assemble(
        ("factcheck ", "bold"),
        f"{summary.get('files', '?')} files · {len(report.articles)} articles · "
        f"{len(report.claims)} claims · findings: ",
        (f"{counts['error']} error", _STYLE["error"]), ", ",
        (f"{counts['warning']} warning", _STYLE["warning"]), ", ",
        (f"{counts['info']} info", _STYLE["info"]),
    )
    console.print(head)
    for problem in report.problems:
        style = "red" if problem.level == "error" else "yellow"
        console.print(Text(clean(f"{problem.level}: {problem.path}: {problem.message}"),
                           style=style))
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        console.rule(Text(f"{severity.upper()} ({len(group)})", style=_STYLE[severity]))
        for finding in group:
            if finding.kind == "syndication":
                _render_copies(finding, claims, articles, console)
                continue
            rows = []
            for claim_id in finding.claims:
                claim = claims.get(claim_id)
                if claim is None:
                    continue
                art = articles.get(claim.article)
                date = art.published.isoformat() if art and art.published else "undated"
                source = " · ".join(x for x in (art.outlet if art else "", art.author if art else "",
                                                date) if x)
                rows.append((clean(claim.text), _normalised(claim),
                             clean(f"{claim.path}:{claim.line}:{claim.start + 1}"), clean(source)))
            table = _claims_table(rows, console.width)
            body: list = [Text(clean(finding.message), style="bold"), table]
            line = _details_line(dict(finding.details))
            if line:
                body.append(Text(line, style="dim"))
            console.print(Panel(Group(*body), title=Text(f"{finding.rule} {finding.kind}"),
                                 title_align="left", border_style=_STYLE[severity]))
    if report.suppressed:
        console.print(Text(f"{len(report.suppressed)} finding(s) suppressed by baseline or "
                           "inline directives", style="dim"))
    if not report.findings:
        console.print(Text("No discrepancies found.", style="green"))


def _render_copies(finding: Finding, claims: dict, articles: dict, console: Console) -> None:
    """Copies of one story: list the articles once each, not every figure they share."""
    table = Table(show_header=True, header_style="dim", box=None, pad_edge=False)
    for col in ("copy", "outlet", "author", "date"):
        table.add_column(col, overflow="fold")
    seen = []
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim and claim.article not in seen:
            seen.append(claim.article)
    for article_id in seen:
        art = articles.get(article_id)
        if art is None:
            continue
        table.add_row(*(Text(clean(x)) for x in (f"{art.path}:{art.line_start}", art.outlet, art.author)),
                      art.published.isoformat() if art.published else "undated")
    console.print(Panel(Group(Text(clean(finding.message), style="bold"), table),
                        title=Text(f"{finding.rule} {finding.kind}"), title_align="left",
                        border_style=_STYLE[finding.severity]))


def _claims_table(rows: list[tuple[str, str, str, str]], width: int):
    """Figures side by side: a table on a wide terminal, one block per figure when narrow
    (CI logs are often 80 columns), so nothing is cut."""
    if width >= 110:
        table = Table(show_header=True, header_style="dim", box=None, pad_edge=False)
        table.add_column("as written", overflow="fold", ratio=3)
        table.add_column("normalised", overflow="fold", ratio=2)
        table.add_column("citation", overflow="fold", ratio=4, min_width=24)
        table.add_column("source", overflow="fold", ratio=4)
        for written, normalised, citation, source in rows:
            table.add_row(Text(written, style="bold", overflow="fold"),
                          Text(normalised, overflow="fold"), Text(citation, overflow="fold"),
                          Text(source, overflow="fold"))
        return table
    blocks = []
    for written, normalised, citation, source in rows:
        blocks.append(Text.assemble((written, "bold"), f"  = {normalised}", overflow="fold"))
        blocks.append(Text(f"  {citation}", style="dim", overflow="fold"))
        blocks.append(Text(f"  {source}", overflow="fold"))
    return Group(*blocks)
