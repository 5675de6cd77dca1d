"""Running the per-file stages (ingest, extract, frame) over many files.

    results = extract_files(paths, rules, jobs=4, cache=FileCache.open("reports/.cache", rules))
    report = pipeline.analyse_results(results, problems, rules)

The local engine maps files over a process pool; the cache keeps each file's Document and
framed claims keyed by the file's bytes, the rules fingerprint and the package version, so
a re-run re-parses only the files that changed.
"""

from factcheck.engine.cache import FileCache, cached_rules
from factcheck.engine.local import default_jobs, extract_files

__all__ = ["FileCache", "cached_rules", "default_jobs", "extract_files"]
