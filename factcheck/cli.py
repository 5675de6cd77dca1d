"""Command line: `factcheck run | extract | claims | check | baseline`.

Exit codes mean one thing each: 0 nothing at or above the threshold, 1 findings at or
above it, 2 a usage or configuration error (bad flag, missing path, malformed rules,
unreadable baseline, unwritable output).
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional

import click
from click.exceptions import Exit

from factcheck import __version__
from factcheck.model import SEVERITY_RANK, Report

if TYPE_CHECKING:
    from rich.console import Console

# rich (a tenth of a second to import) and the console report are imported where a table
# or a progress bar is shown: a check gate writing JSON needs neither.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _argument(name: str, help: str, required: bool):
    return click.argument(name, nargs=-1, required=required, help=help)


def _choice(enum: type[Enum], *names: str, help: Optional[str] = None):
    """An option taking one of an Enum's values; the command receives the Enum member."""
    return click.option(*names, type=click.Choice([e.value for e in enum]), default=None,
                        help=help, callback=lambda _ctx, _param, v: None if v is None else enum(v))


def _flag(*names: str, help: Optional[str] = None):
    return click.option(*names, is_flag=True, default=False, help=help)


def _text(*names: str, help: Optional[str] = None, **kwargs):
    return click.option(*names, type=str, help=help, **kwargs)


# Plain click rather than typer: typer builds a pydantic validator for every option of the
# command at each start, a tenth of a second of a draft check.
@click.group(no_args_is_help=True,
             help="Find the figures in a set of articles that cannot all be right.")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              help="Print the version and exit.",
              callback=lambda _ctx, _param, value: _version_callback(value))
def app() -> None:
    pass


class RunFormat(str, Enum):
    table = "table"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ClaimsFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _err(message: str) -> None:
    sys.stderr.write(f"factcheck: {message}\n")


def _fail_usage(message: str) -> Exit:
    _err(message)
    return Exit(EXIT_USAGE)


def make_console(**kwargs) -> "Console":
    from factcheck.report.console import make_console as make

    return make(**kwargs)


def clean(value: object) -> str:
    from factcheck.report.console import clean as inert

    return inert(value)


def _stderr_console(quiet: bool) -> "Console":
    return make_console(stderr=True, quiet=quiet)


def _load_config(config_file: Optional[str]):
    from factcheck.config import ConfigError, load_config

    try:
        return load_config(".", explicit=config_file)
    except ConfigError as exc:
        raise _fail_usage(str(exc)) from None


def _load_rules(rules_dir: str, cache_root: Optional[str] = None):
    from factcheck.engine import cached_rules
    from factcheck.rules import RulesError

    try:
        return cached_rules(rules_dir, cache_root)
    except RulesError as exc:
        raise _fail_usage(f"rules error: {exc}") from None


def _discover(paths: Iterable[str], ignore: Iterable[str], *, strict_missing: bool):
    import fnmatch

    from factcheck.ingest import discover

    files, problems = discover(list(paths))
    missing = [p for p in problems if p.message in ("no such file or folder", "no file matches")]
    if strict_missing and missing:
        raise _fail_usage("; ".join(f"{p.path}: {p.message}" for p in missing))
    ignore = list(ignore)
    if ignore:
        files = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in ignore)]
    return files, problems


class _Bar:
    """The progress bar on stderr: only on a terminal, never with --quiet or few files."""

    def __init__(self, label: str, total: int, quiet: bool):
        self.progress = None
        if quiet or total < 20:
            return
        console = _stderr_console(quiet)
        if console.is_terminal:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=console, transient=True)
            self.task = self.progress.add_task(label, total=total)

    def __enter__(self) -> "_Bar":
        if self.progress is not None:
            self.progress.start()
        return self

    def advance(self, _path: str = "") -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()


def _tell_read_problems(problems, documents, files, paths, quiet: bool) -> None:
    for problem in problems:
        if problem.level == "error":
            _err(f"{problem.path}: {problem.message} (skipped)")
    for document in documents:
        for warning in document.warnings:
            _err(f"{document.path}: warning: {warning}")
    if not files and not quiet:
        _err("no readable article files found in " + ", ".join(paths))


def _ingest(paths: Iterable[str], ignore: Iterable[str], quiet: bool, *, strict_missing: bool):
    """Read every input; report per-file problems on stderr; never stop at a bad file."""
    from factcheck.ingest import read_document, IngestError
    from factcheck.model import FileProblem

    paths = list(paths)
    files, problems = _discover(paths, ignore, strict_missing=strict_missing)
    documents = []
    with _Bar("reading", len(files), quiet) as bar:
        for path in files:
            try:
                documents.append(read_document(path))
            except IngestError as exc:
                problems.append(FileProblem(path, "error", exc.message))
            bar.advance(path)
    _tell_read_problems(problems, documents, files, paths, quiet)
    return documents, problems


# --------------------------------------------------------------------------- extract

def _quantity_rows(documents, rules_dir: Optional[str] = None) -> Iterable[dict]:
    from factcheck.extract import find_quantities, fold_moves

    def finite(x):
        return None if x is None or x in (float("inf"), float("-inf")) else x

    for document in documents:
        for article in document.articles:
            text = article.text
            for item in fold_moves(text, find_quantities(text, rules_dir=rules_dir)):
                q = item.quantity
                line, start = article.locate(q.start)
                end_line, end_col = article.locate(max(q.start, q.end - 1))
                end = end_col + 1 if end_line == line else start + len(q.text)
                yield {
                    "path": article.path, "line": line, "start": start, "end": end,
                    "text": q.text, "value": finite(q.value), "low": finite(q.low),
                    "high": finite(q.high), "unit": q.unit, "unit_text": q.unit_text,
                    "counted": q.counted, "qualifier": q.qualifier, "change": q.change,
                    "from": item.moved_from, "to": item.moved_to,
                }


@app.command()
@_argument("paths", "Files, folders or globs to read.", required=True)
@_choice(ExtractFormat, "--format", "-f", "format",
         help="table (default on a terminal), jsonl (default otherwise), csv.")
@_text("--output", "-o", help="Write here instead of stdout.")
@_flag("--quiet", "-q", help="No progress or notices on stderr.")
@_text("--rules", help="Rules folder whose units are read (default: rules/).")
def extract(paths: List[str], format: Optional[ExtractFormat], output: Optional[str],
            quiet: bool, rules: Optional[str]) -> None:
    """List every quantity found, with its citation and normalised value."""
    from factcheck.extract import load_units
    from factcheck.rules import RulesError

    if rules is not None and not Path(rules).is_dir():
        raise _fail_usage(f"rules error: {rules}: rules folder not found")
    try:
        load_units(rules)
    except RulesError as exc:
        raise _fail_usage(f"rules error: {exc}") from None
    documents, _problems = _ingest(paths, (), quiet, strict_missing=True)
    rows = list(_quantity_rows(documents, rules))
    fmt = format.value if format else ("table" if sys.stdout.isatty() and not output else "jsonl")
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "csv":
        buf = io.StringIO()
        fields = ["path", "line", "start", "end", "text", "value", "low", "high", "unit",
                  "unit_text", "counted", "qualifier", "change", "from", "to"]
        writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buf.getvalue()
    else:
        from rich.table import Table

        table = Table(title=f"{len(rows)} quantities")
        for col in ("citation", "as written", "value", "unit", "interval", "qualifier", "change"):
            table.add_column(col, overflow="fold")
        for r in rows:
            low = "-inf" if r["low"] is None else f"{r['low']:,.6g}"
            high = "inf" if r["high"] is None else f"{r['high']:,.6g}"
            if r["from"] is not None:
                value = f"{r['from']:,.6g} -> {r['to']:,.6g}"
            else:
                value = "range" if r["value"] is None else f"{r['value']:,.6g}"
            unit = r["unit"] or (r["counted"] and f"({r['counted']})") or ""
            table.add_row(clean(f"{r['path']}:{r['line']}:{r['start'] + 1}"), clean(r["text"]), value,
                          clean(unit),
                          f"[{low}, {high}]", r["qualifier"], r["change"])
        if output:
            console = make_console(file=io.StringIO(), width=160, color_system=None)
            console.print(table)
            text = console.file.getvalue()
        else:
            make_console().print(table)
            return
    _emit(text, output)


def _emit(text: str, output: Optional[str]) -> None:
    from factcheck.report.writing import OutputError, write_atomic

    if output and output != "-":
        try:
            write_atomic(output, text)
        except OutputError as exc:
            raise _fail_usage(str(exc)) from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _emit_json_file(written: str, output: Optional[str]) -> None:
    import shutil

    from factcheck.report.writing import OutputError, write_atomic

    if output and output != "-":
        if Path(output).resolve() == Path(written).resolve():
            return
        try:
            with open(written, "rb") as handle:
                write_atomic(output, iter(lambda: handle.read(1 << 20), b""))
        except OSError as exc:
            raise _fail_usage(f"{written}: cannot read back: {exc.strerror or exc}") from None
        except OutputError as exc:
            raise _fail_usage(str(exc)) from None
    else:
        sys.stdout.flush()
        with open(written, "rb") as handle:
            shutil.copyfileobj(handle, sys.stdout.buffer)
        sys.stdout.buffer.flush()


# --------------------------------------------------------------------------- run / check

def _exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) \
        else EXIT_CLEAN


def _render(report: Report, fmt: str, run_root: str) -> str:
    if fmt == "json":
        from factcheck.report.json_report import report_to_json

        return report_to_json(report)
    if fmt == "sarif":
        from factcheck.report.sarif import report_to_sarif

        return json.dumps(report_to_sarif(report, run_root=run_root), indent=2,
                          ensure_ascii=False, sort_keys=False) + "\n"
    if fmt == "markdown":
        from factcheck.report.markdown import report_to_markdown

        return report_to_markdown(report)
    raise ValueError(fmt)


def _write_outputs(report: Report, rules, cfg, fmt: str, output: Optional[str], quiet: bool,
                   run_root: str) -> None:
    from factcheck.report.json_report import report_json_chunks
    from factcheck.report.writing import OutputError, write_atomic

    try:
        write_atomic(cfg.json, report_json_chunks(report))
        if not cfg.no_html:
            import datetime as dt

            from factcheck.report.html import render_html

            write_atomic(cfg.html, render_html(
                report, run_date=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                rules_version=rules.version))
    except OutputError as exc:
        raise _fail_usage(str(exc)) from None
    if fmt == "table":
        from factcheck.report.console import render_console

        if output and output != "-":
            buf = io.StringIO()
            render_console(report, make_console(file=buf, width=140, color_system=None))
            _emit(buf.getvalue(), output)
        else:
            render_console(report, make_console())
    elif fmt == "json":     # the report just written, not rendered a second time
        _emit_json_file(cfg.json, output)
    else:
        _emit(_render(report, fmt, run_root), output)
    if not quiet:
        written = [cfg.json] + ([] if cfg.no_html else [cfg.html])
        _err("wrote " + ", ".join(written))


DEFAULT_CACHE = "reports/.cache"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class RunOptions:
    """How to run the per-file stages: processes, cache, engine."""

    def __init__(self, jobs: Optional[int] = None, cache: Optional[str] = DEFAULT_CACHE,
                 engine: str = "local", scheduler: Optional[str] = None):
        if jobs is not None and jobs < 1:
            raise _fail_usage("--jobs must be 1 or more")
        if scheduler and engine != "dask":
            raise _fail_usage("--scheduler needs --engine dask")
        self.jobs, self.cache, self.engine, self.scheduler = jobs, cache, engine, scheduler

    @staticmethod
    def from_flags(jobs, cache, no_cache, engine, scheduler) -> "RunOptions":
        return RunOptions(jobs, None if no_cache else (cache or DEFAULT_CACHE),
                          engine.value if engine else "local", scheduler)


def _framed(paths, cfg, rules, quiet, opts: "RunOptions", *, strict_missing: bool):
    """Every input file through ingest, extract and frame: (FileResults, problems)."""
    paths = list(paths)
    files, problems = _discover(paths, cfg.ignore, strict_missing=strict_missing)
    with _Bar("checking", len(files), quiet) as bar:
        if opts.engine == "dask":
            from factcheck.dask_engine import DaskUnavailable, extract_files_dask

            try:
                results = extract_files_dask(files, rules, scheduler=opts.scheduler,
                                             progress=bar.advance)
            except DaskUnavailable as exc:
                raise _fail_usage(str(exc)) from None
        else:
            from factcheck.engine import FileCache, extract_files

            cache = FileCache.open(opts.cache, rules) if opts.cache else None
            results = extract_files(files, rules, jobs=opts.jobs, cache=cache,
                                    progress=bar.advance, scope="\0".join(sorted(paths)))
    all_problems = list(problems) + [r.problem for r in results if r.problem is not None]
    documents = sorted((r.document for r in results if r.document is not None),
                       key=lambda d: d.path)
    _tell_read_problems(all_problems, documents, files, paths, quiet)
    return results, problems


def _analyse(paths, cfg, rules, quiet, *, strict_missing: bool,
             opts: Optional["RunOptions"] = None):
    from factcheck.pipeline import analyse_results

    opts = opts or RunOptions()
    from factcheck.engine.timings import stage

    paths = list(paths)
    with stage("map (read, extract, frame)"):
        results, problems = _framed(paths, cfg, rules, quiet, opts, strict_missing=strict_missing)
    memo = None
    if opts.cache and opts.engine != "dask":
        # The last reduce's sentence clusters for these inputs, patched rather than redone.
        from factcheck.engine.cache import FileCache, ReduceMemo

        memo = ReduceMemo(FileCache.open(opts.cache, rules), "\0".join(sorted(paths)))
    with stage("reduce"):
        from factcheck.engine import default_jobs

        jobs = opts.jobs if opts.jobs and opts.jobs > 0 else default_jobs()
        return analyse_results(results, problems, rules, run_root=".", consume=True, memo=memo,
                               jobs=jobs)


def _is_archive(path: str) -> bool:
    return path.lower().endswith(".parquet") and Path(path).is_file()


def _check_archive(drafts, draft_files, archive_path, cfg, rules, quiet, opts):
    """Frame the drafts here; fetch from the archive only what their claim keys touch."""
    from factcheck.archive import ArchiveError, check_against_archive
    from factcheck.pipeline import restrict_to

    results, problems = _framed(drafts, cfg, rules, quiet, opts, strict_missing=True)
    try:
        report = check_against_archive(results, problems, archive_path, rules)
    except ArchiveError as exc:
        raise _fail_usage(str(exc)) from None
    return restrict_to(report, draft_files)


def _apply_baseline(report: Report, baseline: str, quiet: bool) -> Report:
    from factcheck.baseline import BaselineError, apply_baseline, load_baseline

    try:
        entries = load_baseline(baseline)
    except BaselineError as exc:
        raise _fail_usage(str(exc)) from None
    result = apply_baseline(report, entries)
    if not quiet:
        _err(f"baseline {baseline}: {result.suppressed} finding(s) suppressed, "
             f"{len(result.stale)} baseline entr{'y' if len(result.stale) == 1 else 'ies'} "
             "no longer match anything")
        for entry in result.stale:
            _err(f"  stale: {entry.get('id')} {entry.get('rule', '')} {entry.get('message', '')}")
    return result.report


_PATHS_HELP = "Files, folders or globs of articles (default: the configured paths, else seeds/)."


def _require_drafts_read(report: Report, draft_files: List[str]) -> None:
    """A gate that could not read the draft must not pass it: that is exit 2, not 0."""
    unread = {p.path: p.message for p in report.problems if p.level == "error"}
    with_articles = {a.path for a in report.articles}
    bad = [f"{f}: {unread[f]}" if f in unread else f"{f}: no article found in it"
           for f in draft_files if f in unread or f not in with_articles]
    if bad:
        raise _fail_usage("cannot check the draft: " + "; ".join(bad))


def _common_run(paths, fmt, output, html, no_html, fail_on, rules_dir, baseline, quiet,
                config_file, *, drafts: Optional[List[str]] = None,
                opts: Optional[RunOptions] = None):
    from factcheck.engine.gcpause import paused_gc

    with paused_gc(until_exit=_ENTRY_POINT):
        _run_and_report(paths, fmt, output, html, no_html, fail_on, rules_dir, baseline, quiet,
                        config_file, drafts=drafts, opts=opts)


def _run_and_report(paths, fmt, output, html, no_html, fail_on, rules_dir, baseline, quiet,
                    config_file, *, drafts: Optional[List[str]] = None,
                    opts: Optional[RunOptions] = None):
    opts = opts or RunOptions()
    cfg = _load_config(config_file)
    cfg = cfg.merged(
        rules=rules_dir, fail_on=fail_on.value if fail_on else None,
        format=fmt.value if fmt else None, html=html, no_html=True if no_html else None,
        baseline=baseline)
    from factcheck.engine.timings import stage

    with stage("rules"):
        rules = _load_rules(cfg.rules, opts.cache)
    inputs = list(paths) if paths else list(cfg.paths)
    if drafts is not None:
        from factcheck.ingest import discover

        draft_files, draft_problems = discover(drafts)
        if draft_problems:
            raise _fail_usage("; ".join(f"{p.path}: {p.message}" for p in draft_problems))
        if len(inputs) == 1 and _is_archive(inputs[0]):
            report = _check_archive(drafts, draft_files, inputs[0], cfg, rules, quiet, opts)
        else:
            report = _analyse(list(drafts) + inputs, cfg, rules, quiet, strict_missing=True,
                              opts=opts)
        from factcheck.pipeline import honour_directives_only_in, restrict_to

        _require_drafts_read(report, draft_files)
        report = honour_directives_only_in(report, draft_files, rules)
        report = restrict_to(report, draft_files)
    else:
        report = _analyse(inputs, cfg, rules, quiet, strict_missing=True, opts=opts)
        if not report.articles:
            # Nothing was checked: a gate must not pass on an empty or unreadable corpus.
            raise _fail_usage("no article could be read from " + ", ".join(inputs))
    if cfg.baseline:
        report = _apply_baseline(report, cfg.baseline, quiet)
    with stage("outputs"):
        _write_outputs(report, rules, cfg, cfg.format, output, quiet, ".")
    if _ENTRY_POINT:
        _KEPT.append(report)
    raise Exit(_exit_code(report, cfg.fail_on))


def _engine_options(command):
    """--jobs, --cache, --no-cache, --engine and --scheduler, shared by run and check."""
    for option in reversed((
            click.option("--jobs", "-j", type=int, default=None,
                         help="Processes for reading, framing and checking (default: every core)."),
            _text("--cache", help=f"Per-file cache folder (default: {DEFAULT_CACHE})."),
            _flag("--no-cache", help="Neither read nor write the per-file cache."),
            _choice(Engine, "--engine", help="local (default) or dask."),
            _text("--scheduler", help="Dask scheduler address (default: a local cluster)."))):
        command = option(command)
    return command


@app.command()
@_argument("paths", _PATHS_HELP, required=False)
@_choice(RunFormat, "--format", "-f", "format",
         help="What goes to stdout (or -o): table, json, sarif, markdown.")
@_text("--output", "-o", help="Write the chosen format here.")
@_text("--html", help="Where to write the HTML report.")
@_flag("--no-html", help="Do not write the HTML report.")
@_choice(FailOn, "--fail-on", help="Exit 1 on findings at or above this severity (default error).")
@_text("--rules", help="Rules folder (default: rules/).")
@_text("--baseline", help="Accepted findings to leave out.")
@_flag("--quiet", "-q", help="No progress or notices on stderr.")
@_text("--config", help="Config file (default: factcheck.toml or pyproject.toml).")
@_engine_options
def run(paths: Optional[List[str]], format: Optional[RunFormat], output: Optional[str],
        html: Optional[str], no_html: bool, fail_on: Optional[FailOn], rules: Optional[str],
        baseline: Optional[str], quiet: bool, config: Optional[str], jobs: Optional[int],
        cache: Optional[str], no_cache: bool, engine: Optional[Engine],
        scheduler: Optional[str]) -> None:
    """Check a corpus: every figure, every discrepancy, with citations."""
    _common_run(paths, format, output, html, no_html, fail_on, rules, baseline, quiet, config,
                opts=RunOptions.from_flags(jobs, cache, no_cache, engine, scheduler))


@app.command()
@_argument("drafts", "Draft files to check before publication.", required=True)
@_text("--against", multiple=True, required=True,
       help="Published or wire copy to check against, or a claims archive made by "
            "`factcheck index`.")
@_choice(RunFormat, "--format", "-f", "format")
@_text("--output", "-o")
@_text("--html")
@_flag("--no-html")
@_choice(FailOn, "--fail-on")
@_text("--rules")
@_text("--baseline")
@_flag("--quiet", "-q")
@_text("--config")
@_engine_options
def check(drafts: List[str], against: List[str], format: Optional[RunFormat],
          output: Optional[str], html: Optional[str], no_html: bool, fail_on: Optional[FailOn],
          rules: Optional[str], baseline: Optional[str], quiet: bool, config: Optional[str],
          jobs: Optional[int], cache: Optional[str], no_cache: bool, engine: Optional[Engine],
          scheduler: Optional[str]) -> None:
    """Check drafts against a corpus; report only findings that involve a draft."""
    _common_run(against, format, output, html, no_html, fail_on, rules, baseline, quiet, config,
                drafts=drafts, opts=RunOptions.from_flags(jobs, cache, no_cache, engine, scheduler))


@app.command("index")
@_argument("paths", _PATHS_HELP, required=False)
@_text("--output", "-o", required=True, help="The archive file to write (.parquet).")
@_text("--rules")
@_flag("--quiet", "-q")
@_text("--config")
@click.option("--jobs", "-j", type=int, default=None, help="Processes (default: every core).")
@_text("--cache", help=f"Per-file cache folder (default: {DEFAULT_CACHE}).")
@_flag("--no-cache")
def index_cmd(paths: Optional[List[str]], output: str, rules: Optional[str], quiet: bool,
              config: Optional[str], jobs: Optional[int], cache: Optional[str],
              no_cache: bool) -> None:
    """Store a corpus's claims in an archive that `check DRAFT --against FILE` looks up by key."""
    from factcheck.archive import index_results
    from factcheck.report.writing import OutputError

    if not output.lower().endswith(".parquet"):
        raise _fail_usage("--output must name a .parquet file")
    opts = RunOptions.from_flags(jobs, cache, no_cache, None, None)
    cfg = _load_config(config).merged(rules=rules)
    rules_loaded = _load_rules(cfg.rules, opts.cache)
    results, _problems = _framed(list(paths) if paths else list(cfg.paths), cfg, rules_loaded,
                                 quiet, opts, strict_missing=True)
    try:
        counts = index_results(results, rules_loaded, output)
    except OutputError as exc:
        raise _fail_usage(str(exc)) from None
    if not quiet:
        _err(f"indexed {counts['claims']} claim(s) of {counts['articles']} article(s) "
             f"in {output}")


@app.command("baseline")
@_argument("paths", _PATHS_HELP, required=False)
@_text("--output", "-o", default=".factcheck-baseline.json", show_default=True)
@_text("--rules")
@_flag("--quiet", "-q")
@_text("--config")
def baseline_cmd(paths: Optional[List[str]], output: str, rules: Optional[str], quiet: bool,
                 config: Optional[str]) -> None:
    """Record today's findings as accepted; `run --baseline FILE` then fails only on new ones."""
    from factcheck.baseline import baseline_document

    cfg = _load_config(config).merged(rules=rules)
    rules_loaded = _load_rules(cfg.rules)
    report = _analyse(list(paths) if paths else list(cfg.paths), cfg, rules_loaded, quiet,
                      strict_missing=True)
    _emit(baseline_document(report), output)
    if not quiet:
        _err(f"recorded {len(report.findings)} finding(s) in {output}")


# --------------------------------------------------------------------------- claims

CLAIM_COLUMNS = ["id", "article", "path", "line", "start", "end", "text", "sentence", "value",
                 "low", "high", "unit", "counted", "qualifier", "change", "entity", "metric",
                 "period", "modality", "attribution", "cluster", "confidence", "outlet",
                 "author", "published"]


def claims_frame(report: Report):
    import pandas as pd

    articles = {a.id: a for a in report.articles}
    rows = []
    for c in report.claims:
        q = c.quantity
        art = articles.get(c.article)
        rows.append({
            "id": c.id, "article": c.article, "path": c.path, "line": c.line, "start": c.start,
            "end": c.end, "text": c.text, "sentence": c.sentence, "value": q.value,
            "low": q.low, "high": q.high, "unit": q.unit, "counted": q.counted,
            "qualifier": q.qualifier, "change": q.change, "entity": c.entity, "metric": c.metric,
            "period": c.period, "modality": c.modality, "attribution": c.attribution,
            "cluster": c.cluster, "confidence": c.confidence,
            "outlet": art.outlet if art else "", "author": art.author if art else "",
            "published": art.published.isoformat() if art and art.published else "",
        })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


@app.command()
@_argument("paths", "Files, folders or globs to read.", required=True)
@_choice(ClaimsFormat, "--format", "-f", "format",
         help="table (terminal default), csv, jsonl, parquet.")
@_text("--output", "-o")
@_text("--rules")
@_flag("--quiet", "-q")
@_text("--config")
def claims(paths: List[str], format: Optional[ClaimsFormat], output: Optional[str],
           rules: Optional[str], quiet: bool, config: Optional[str]) -> None:
    """Export the claims table (one row per figure, with what it is about) for a data desk."""
    cfg = _load_config(config).merged(rules=rules)
    rules_loaded = _load_rules(cfg.rules)
    report = _analyse(paths, cfg, rules_loaded, quiet, strict_missing=True)
    frame = claims_frame(report)
    fmt = format.value if format else ("table" if sys.stdout.isatty() and not output else "jsonl")
    if fmt == "parquet":
        if not output or output == "-":
            raise _fail_usage("--format parquet needs -o FILE")
        from factcheck.report.writing import OutputError, write_atomic

        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        try:
            write_atomic(output, buf.getvalue())
        except OutputError as exc:
            raise _fail_usage(str(exc)) from None
        return
    if fmt == "csv":
        text = _formula_safe(frame).to_csv(index=False, lineterminator="\n")
    elif fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, force_ascii=False)
        if text and not text.endswith("\n"):
            text += "\n"
    else:
        from rich.table import Table

        table = Table(title=f"{len(frame)} claims")
        shown = ["path", "line", "text", "entity", "metric", "period", "modality",
                 "attribution", "confidence"]
        for col in shown:
            table.add_column(col, overflow="fold")
        for row in frame[shown].itertuples(index=False):
            table.add_row(*[f"{v:.2f}" if isinstance(v, float) else clean(v) for v in row])
        if output:
            console = make_console(file=io.StringIO(), width=180, color_system=None)
            console.print(table)
            text = console.file.getvalue()
        else:
            make_console().print(table)
            return
    _emit(text, output)


def _formula_safe(frame):
    """Text cells that a spreadsheet would run as a formula get a leading quote."""
    frame = frame.copy()
    for col in ("path", "article", "text", "sentence", "counted", "entity", "attribution",
                "outlet", "author"):     # free text; `change` ('=') and codes stay as they are
        if col in frame.columns:
            frame[col] = frame[col].map(
                lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v)
    return frame


def _version_callback(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise Exit(0)


EXIT_INTERNAL = 3


def main() -> None:
    global _ENTRY_POINT
    _ENTRY_POINT = True     # the process ends with this command (see _leave)
    try:
        code = app.main(standalone_mode=False)
    except click.ClickException as exc:     # a usage error: its message, exit 2
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            _err("interrupted")
            sys.exit(130)
        _err("aborted")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug must never read as "findings" (1) in a CI gate
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            # stdout closed early (`factcheck extract ... | head`): not a bug
            from click.utils import PacifyFlushWrapper

            sys.stdout = PacifyFlushWrapper(sys.stdout)
            sys.stderr = PacifyFlushWrapper(sys.stderr)
            sys.exit(1)
        import traceback

        last = traceback.extract_tb(exc.__traceback__)[-1]
        _err(f"internal error: {type(exc).__name__}: {exc} "
             f"(at {Path(last.filename).name}:{last.lineno}); please report it")
        sys.exit(EXIT_INTERNAL)
    _leave(code if isinstance(code, int) else EXIT_CLEAN)


# The report of the last command, kept referenced so that leaving the command's frames does
# not free it object by object (see _leave). Only when main() is the entry point: a caller
# running the commands in its own process (a test, a wrapper) keeps its collector and
# its memory.
_KEPT: list = []
_ENTRY_POINT = False


def _leave(code: int) -> None:
    """Exit with `code` without freeing the corpus.

    A run holds a corpus of small objects (articles, claims, spans, caches) until its end;
    freeing them one by one on the way out (the command's frames, then every module cache
    at interpreter shutdown) takes a tenth of a re-run's time at 10k articles, and grows
    with the corpus. The outputs are written and closed by now, the process pool is shut
    down, and nothing registered at exit needs running: flush the standard streams and
    leave at once, as compilers do."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
