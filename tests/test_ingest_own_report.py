"""A factcheck HTML report left in the corpus folder (reports/report.html after a run
there) is the tool's own output, not articles: it is skipped with a warning, unread."""

from factcheck.ingest import load, read_document

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; {pad}">
<meta name="generator" content="{generator}">
<title>{title}</title>
</head>
<body><article><h1>Refinery output climbs</h1>
<p>The Pavlodar refinery processed 5.5 million tonnes of crude in 2024, the operator said,
up from 5.2 million tonnes a year earlier.</p></article></body></html>
"""


def _write(tmp_path, name, **fields):
    path = tmp_path / name
    path.write_text(_PAGE.format(**{"pad": "x" * 1500, "title": "t", **fields}), "utf-8")
    return str(path)


def test_own_html_report_is_skipped_with_a_warning(tmp_path):
    path = _write(tmp_path, "report.html", generator="factcheck", title="factcheck report")
    doc = read_document(path)
    assert doc.articles == ()
    assert doc.warnings == ("a factcheck output (HTML report), not articles: skipped",)
    documents, problems = load([str(tmp_path)])
    assert [p.message for p in problems] == [doc.warnings[0]]


def test_other_generators_and_the_word_in_text_are_read(tmp_path):
    wordpress = read_document(_write(tmp_path, "a.html", generator="WordPress 6.4"))
    assert len(wordpress.articles) == 1 and "5.5 million tonnes" in wordpress.articles[0].text
    similar = read_document(_write(tmp_path, "b.htm", generator="factchecker-cms"))
    assert len(similar.articles) == 1
