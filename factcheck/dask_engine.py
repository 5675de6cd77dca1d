"""The Dask engine: the per-file stages as a dask.bag over files, on any Dask cluster.

    factcheck run CORPUS --engine dask                         # a local cluster, every core
    factcheck run CORPUS --engine dask --scheduler tcp://host:8786

Files are partitioned into a bag; each partition is read, extracted and framed on a
worker (the loaded rules travel with the task graph, so workers need the input paths but
not the rules folder). Results come back to the client as partitions finish, and the
reduce step (syndication clusters, checks, report) is the same function the local engine
calls, so both engines give byte-identical reports.

dask and distributed are an optional extra: pip install 'factcheck[dask]'.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

ProgressHook = Callable[[str], None]


class DaskUnavailable(Exception):
    pass


def _require():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailable("--engine dask needs dask and distributed: "
                              "pip install 'factcheck[dask]'") from None


def _frame_partition(paths: Sequence[str], rules) -> list:
    from factcheck.pipeline import process_file

    return [process_file(path, rules) for path in paths]


def _partitions(n_files: int, workers: int) -> int:
    # Several partitions per worker keep them all busy as file sizes differ, and keep
    # progress moving; not so many that scheduling overhead shows.
    return max(1, min(n_files, workers * 8))


def extract_files_dask(paths: Sequence[str], rules, *, scheduler: Optional[str] = None,
                       client=None, progress: ProgressHook | None = None) -> list:
    """FileResult for every path, computed on a Dask cluster.

    `client` (a distributed.Client) wins over `scheduler` (an address); with neither, a
    LocalCluster of one single-threaded worker process per core is started and closed.
    """
    _require()
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    paths = list(paths)
    if not paths:
        return []
    own_cluster = own_client = None
    try:
        if client is None:
            if scheduler:
                client = own_client = Client(scheduler)
            else:
                from factcheck.engine import default_jobs

                own_cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1,
                                           processes=True, dashboard_address=None)
                client = own_client = Client(own_cluster)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        bag = db.from_sequence(paths, npartitions=_partitions(len(paths), workers))
        rules_ref = client.scatter(rules, broadcast=True)
        parts = bag.map_partitions(_frame_partition, dask.delayed(rules_ref)).to_delayed()
        futures = client.compute(parts)
        results = []
        for future in as_completed(futures):
            part = future.result()
            results.extend(part)
            if progress:
                for result in part:
                    progress(result.path)
        return results
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
