"""The checks of a large corpus on two cores: one group of rules in a forked process.

The reduce step is otherwise one process, and the rule kinds are independent of each
other once the clusters are known. The arithmetic kinds read the articles' text layout,
the keyed kinds the key groups; run side by side, each process builds only the shared
structures its own kinds read. A fork, not a pool: the child starts with the corpus, the
clusters and the context in memory and sends back only its findings (a few hundred).

Forking is left out where it is not safe or not worth it: with fewer than two jobs, on a
small corpus, on a very large one (see FORK_UNTIL), outside Linux, or when another thread
is running (a Dask client's), the rules run one after another in this process. The
findings do not depend on which.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Callable, Sequence

from factcheck.checks.config import RuleConfig
from factcheck.model import Finding

# Claims below which the checks take about as long as forking and pickling costs.
FORK_FROM = 20_000
# Claims beyond which the child is not worth its memory: reading the corpus it writes the
# reference counts of every record it touches, so the pages it shares with the parent
# are copied, and at archive scale that copy approaches the corpus itself.
FORK_UNTIL = 200_000


def run_in_two(rules: Sequence[RuleConfig], run: Callable[[RuleConfig], list[Finding]],
               in_child: Callable[[RuleConfig], bool], *, jobs: int,
               size: int) -> dict[str, list[Finding]]:
    """rule code -> run(rule) for every rule; those `in_child` in a forked process."""
    child_rules = [r for r in rules if in_child(r)]
    own_rules = [r for r in rules if not in_child(r)]
    if jobs < 2 or not FORK_FROM <= size <= FORK_UNTIL or not child_rules or not own_rules \
            or not _may_fork():
        return {r.code: run(r) for r in rules}
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:                 # no process to spare: one after another, here
        os.close(read)
        os.close(write)
        return {r.code: run(r) for r in rules}
    if pid == 0:                                    # the child: its rules, then leave
        try:
            os.close(read)
            try:
                payload = pickle.dumps((True, {r.code: run(r) for r in child_rules}),
                                       protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:   # the parent runs these rules again and sees the error
                payload = pickle.dumps((False, None))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)     # whatever happened, the child never returns into the run
    os.close(write)
    try:
        found = {r.code: run(r) for r in own_rules}
    finally:
        # Read before waiting: a child blocked on a full pipe would otherwise never exit.
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    try:
        ok, value = pickle.loads(payload)
    except Exception:
        ok, value = False, "no answer"
    if ok:
        found.update(value)
    else:       # whatever went wrong there happens again here, with its own traceback
        found.update((r.code, run(r)) for r in child_rules)
    return found


def _may_fork() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1)
