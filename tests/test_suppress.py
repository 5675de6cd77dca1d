"""Inline factcheck-ignore directives silence the named codes for the next paragraph."""

from factcheck.model import Article, Claim, Finding, Quantity, SourceMap
from factcheck.suppress import apply_inline_suppressions, find_directives

KNOWN = {"FC101", "FC102", "FC201"}


def _article(text: str, path: str = "draft.md") -> Article:
    return Article(id=f"{path}#0", path=path, index=0, headline="h", outlet="", author="",
                   published=None, published_from="unknown", text=text, line_start=1,
                   line_end=text.count("\n") + 1, source=SourceMap.for_lines(text))


def _claim(cid: str, line: int, path: str = "draft.md") -> Claim:
    q = Quantity(text="5 tonnes", start=0, end=8, value=5.0, low=4.5, high=5.5, unit="t",
                 unit_text="tonnes")
    return Claim(id=cid, article=f"{path}#0", path=path, line=line, start=0, end=8,
                 text="5 tonnes", sentence="s", quantity=q)


def _finding(fid: str, rule: str, *claims: str) -> Finding:
    return Finding(id=fid, rule=rule, kind="conflict", severity="error", message="m",
                   claims=tuple(claims))


TEXT = """Intro line with no figures.

<!-- factcheck-ignore FC101 -->
The mill made 5 tonnes of steel in May,
and shipped most of it by rail.

A later paragraph gives 7 tonnes for May.

factcheck-ignore: FC999, FC201
Another paragraph with a sum that does not add up.
"""


def test_html_comment_covers_the_next_paragraph_only():
    directives, problems = find_directives(_article(TEXT), KNOWN)
    html = [d for d in directives if "FC101" in d.codes][0]
    assert (html.first_line, html.last_line) == (4, 5)


def test_unknown_code_is_a_warning_and_known_codes_still_apply():
    directives, problems = find_directives(_article(TEXT), KNOWN)
    assert [p.level for p in problems] == ["warning"]
    assert "FC999" in problems[0].message and "line 9" in problems[0].message
    plain = [d for d in directives if "FC201" in d.codes][0]
    assert (plain.first_line, plain.last_line) == (10, 10)


def test_findings_touching_a_silenced_paragraph_are_moved_aside():
    article = _article(TEXT)
    claims = [_claim("a", 4), _claim("b", 7), _claim("c", 10)]
    findings = [_finding("f1", "FC101", "a", "b"),     # claim a is in the silenced paragraph
                _finding("f2", "FC102", "a", "b"),     # FC102 not named by the directive
                _finding("f3", "FC101", "b"),          # outside any directive
                _finding("f4", "FC201", "c")]
    kept, dropped, problems = apply_inline_suppressions(findings, claims, [article], KNOWN)
    assert [f.id for f in kept] == ["f2", "f3"]
    assert [f.id for f in dropped] == ["f1", "f4"]


def test_no_directive_changes_nothing():
    article = _article("Plain text, 5 tonnes.\n")
    findings = [_finding("f1", "FC101", "a")]
    kept, dropped, problems = apply_inline_suppressions(findings, [_claim("a", 1)], [article], KNOWN)
    assert kept == findings and dropped == [] and problems == []


def test_directives_carried_outside_the_text_apply_at_their_offset():
    text = "Heading\n\nThe mill made 5 tonnes of steel in May.\n\nA later paragraph with 7 tonnes.\n"
    base = _article(text, "draft.html")
    offset = text.index("The mill")
    article = Article(**{**base.__dict__, "directives": ((offset, "factcheck-ignore FC101"),)})
    claims = [_claim("a", 3, "draft.html"), _claim("b", 5, "draft.html")]
    findings = [_finding("f1", "FC101", "a"), _finding("f2", "FC101", "b")]
    kept, dropped, problems = apply_inline_suppressions(findings, claims, [article], KNOWN)
    assert [f.id for f in dropped] == ["f1"] and [f.id for f in kept] == ["f2"]
