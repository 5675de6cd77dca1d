"""Article splitting, text coverage and dates on generated corpora, against the truth.

benchmarks/make_corpus.py renders each file from drafts whose headline, date and figure
lines it knows. This harness records those drafts as the files are rendered, reads every
file with factcheck's ingest, and prints per file kind:

- articles expected vs found, and files where the two counts differ;
- headlines right: found articles whose headline is a draft's headline (reprint prefixes
  and case changes included, since the draft carries them);
- text coverage: share of the file's text lines inside some article (plain text and
  Markdown: every non-blank line; HTML: every <h1>/<p> line; JSONL: every record line);
- figure coverage: share of the generator's figure lines inside some article;
- dates right / wrong / missing, each article set against the date its own byline,
  masthead or metadata states (the draft's date).

Usage: python benchmarks/bench_ingest.py [--articles 300] [--seeds 1 2 3] [--write PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402
from bench_findings import machine  # noqa: E402

from factcheck.ingest import dates, read_document  # noqa: E402

KINDS = ("txt", "md", "html", "jsonl")


@dataclass
class Truth:
    """What the generator put in one file."""

    kind: str
    drafts: list = field(default_factory=list)       # (headline, date) in file order
    figure_lines: set = field(default_factory=set)


def generate(out: Path, articles: int, seed: int) -> tuple[dict[str, Truth], list]:
    """Write a corpus under `out`; return the drafts of each file and Corpus.layout."""
    truth: dict[str, Truth] = {}
    real = dict(make_corpus.RENDER)

    def recording(kind):
        def render(drafts, fdate, rng):
            text = real[kind](drafts, fdate, rng)
            t = truth.setdefault(drafts[0].file, Truth(kind))
            for d in drafts:
                t.drafts.append((d.headline, d.date))
                t.figure_lines.update(int(c["line"]) for c in d.claims if c.get("line"))
            return text
        return render

    make_corpus.RENDER.update({k: recording(k) for k in real})
    try:
        corpus = make_corpus.generate_articles(articles, seed)
        for rel, text in corpus:
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    finally:
        make_corpus.RENDER.update(real)
    return truth, corpus.layout


def text_lines(kind: str, raw: list[str]) -> list[int]:
    """1-based numbers of the lines that carry article text in a file of this kind."""
    if kind == "html":
        return [i for i, ln in enumerate(raw, 1) if ln.lstrip().startswith(("<p>", "<h1>"))]
    skip = 0
    if kind == "md" and raw and raw[0].strip() == "---":
        # front matter is metadata, read into the article's fields, not article text
        skip = next((i + 1 for i in range(1, len(raw)) if raw[i].strip() == "---"), 0)
    # a date alone at the top of the file (or of a section) is read as the date of the
    # articles under it, not as text
    return [i for i, ln in enumerate(raw, 1)
            if i > skip and ln.strip() and not dates.date_line(ln.strip())]


def _norm(s: str) -> str:
    return " ".join(s.lstrip("#* ").split()).lower()


@dataclass
class Tally:
    files: int = 0
    expected: int = 0
    found: int = 0
    count_off: int = 0
    headlines: int = 0
    lines: int = 0
    lines_in: int = 0
    figures: int = 0
    figures_in: int = 0
    dates: Counter = field(default_factory=Counter)
    kb: float = 0.0
    seconds: float = 0.0
    off_files: list = field(default_factory=list)


def measure(root: Path, truth: dict[str, Truth], layout: list, tallies: dict[str, Tally]):
    layout_count = dict(layout)
    for rel, t in truth.items():
        if layout_count.get(rel) != len(t.drafts):
            print(f"layout disagrees with the rendered drafts for {rel}: "
                  f"{layout_count.get(rel)} vs {len(t.drafts)}", file=sys.stderr)
        path = root / rel
        data = path.read_bytes()
        start = time.perf_counter()
        doc = read_document(str(path))
        tally = tallies[t.kind]
        tally.seconds += time.perf_counter() - start
        tally.kb += len(data) / 1024
        tally.files += 1
        tally.expected += len(t.drafts)
        tally.found += len(doc.articles)
        if len(doc.articles) != len(t.drafts):
            tally.count_off += 1
            tally.off_files.append(f"{rel}: {len(t.drafts)} expected, {len(doc.articles)} found")
        covered: set[int] = set()
        for a in doc.articles:
            covered.update(range(a.line_start, a.line_end + 1))
        want = text_lines(t.kind, data.decode("utf-8").split("\n"))
        tally.lines += len(want)
        tally.lines_in += sum(1 for i in want if i in covered)
        tally.figures += len(t.figure_lines)
        tally.figures_in += len(t.figure_lines & covered)
        # headlines repeat inside a file (two stories from one template), so articles are
        # paired by position when the counts agree, else by headline
        by_headline = {_norm(a.headline): a for a in doc.articles}
        same_count = len(doc.articles) == len(t.drafts)
        for i, (headline, date) in enumerate(t.drafts):
            art = doc.articles[i] if same_count else by_headline.get(_norm(headline))
            if art is not None and _norm(art.headline) == _norm(headline):
                tally.headlines += 1
            if art is None or art.published is None:
                tally.dates["missing"] += 1
            elif art.published == date:
                tally.dates["right"] += 1
            else:
                tally.dates["wrong"] += 1
                tally.off_files.append(f"{rel}#{i}: dated {art.published} from "
                                       f"{art.published_from}, written {date}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def table(tallies: dict[str, Tally]) -> list[str]:
    rows = ["| kind | files | articles expected | found | files with count off | "
            "headlines right | text coverage % | figure coverage % | dates right | wrong | "
            "missing | ms per KB |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    total = Tally()
    for kind in KINDS + ("all",):
        t = tallies.get(kind) if kind != "all" else total
        if t is None or not t.files:
            continue
        if kind != "all":
            for name in ("files", "expected", "found", "count_off", "headlines", "lines",
                         "lines_in", "figures", "figures_in", "kb", "seconds"):
                setattr(total, name, getattr(total, name) + getattr(t, name))
            total.dates.update(t.dates)
        rows.append(
            f"| {kind} | {t.files} | {t.expected} | {t.found} | {t.count_off} | "
            f"{t.headlines} ({_pct(t.headlines, t.expected)}%) | {_pct(t.lines_in, t.lines)} | "
            f"{_pct(t.figures_in, t.figures)} | {t.dates['right']} | {t.dates['wrong']} | "
            f"{t.dates['missing']} | {1000 * t.seconds / t.kb:.3f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--write", default=str(ROOT / "benchmarks" / "results" / "ingest.md"),
                    help="results file ('' to print only)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list files whose count is off and articles whose date is wrong")
    a = ap.parse_args(argv)
    tallies: dict[str, Tally] = defaultdict(Tally)
    with tempfile.TemporaryDirectory() as tmp:
        for seed in a.seeds:
            root = Path(tmp) / f"seed{seed}"
            truth, layout = generate(root, a.articles, seed)
            measure(root, truth, layout, tallies)
    rows = table(tallies)
    print("\n".join(rows))
    if a.verbose:
        for kind in KINDS:
            for line in tallies[kind].off_files:
                print("  ", line)
    if a.write:
        head = [f"Ingest on generated corpora, {time.strftime('%Y-%m-%d')}, {machine()}",
                "",
                f"`python benchmarks/bench_ingest.py --articles {a.articles} --seeds "
                f"{' '.join(map(str, a.seeds))}`: articles as the generator wrote them vs as "
                "ingest splits them; coverage is the share of text lines (and of figure "
                "lines) inside some article; dates are set against each article's own "
                "byline, masthead or metadata.", ""]
        Path(a.write).write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
