"""The checks of a large corpus on two cores: one group of rules in a forked process.

The reduce step is otherwise one process, and the rule kinds are independent of each
other. The cluster-blind kinds (the arithmetic ones, see registry.CLUSTER_BLIND_KINDS) read
the articles' text layout and no cluster, so they can start in a child as soon as the
claims are sorted, while this process clusters near-duplicates and then runs the keyed
kinds, which read the key groups and the clusters. Each process builds only the shared
structures its own kinds read. A fork, not a pool: the child starts with the corpus and
the context in memory and sends back only its findings (a few hundred).

Forking is left out where it is not safe or not worth it: with fewer than two jobs, on a
small corpus, on a very large one (see FORK_UNTIL), outside Linux, or when another thread
is running (a Dask client's), the rules run one after another in this process. The
findings do not depend on which.
"""

from __future__ import annotations

import os
import pickle
import signal
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

Run = Callable[[RuleConfig], list[Finding]]


class Forked:
    """Rules running in a forked child; collect() gives their findings. Whatever happens
    here (an error, an interrupt), the child is reaped and its pipe closed: abandon()
    stops it at once rather than waiting for rules whose answer nobody will read."""

    def __init__(self, pid: int, pipe: int, rules: Sequence[RuleConfig]):
        self.pid: int | None = pid
        self.pipe: int | None = pipe
        self.rules = list(rules)

    def collect(self, run_here: Run) -> dict[str, list[Finding]]:
        """The child's findings by rule code. A child that failed (or could not answer)
        costs time, never findings: its rules run again here with `run_here`, where
        whatever went wrong there happens again with its own traceback."""
        answered = False
        try:
            pipe, self.pipe = os.fdopen(self.pipe, "rb"), None
            with pipe:
                payload = pipe.read()
            answered = True
        finally:
            self._end(stop=not answered)
        try:
            ok, value = pickle.loads(payload)
        except Exception:
            ok, value = False, None
        if ok:
            return value
        return {r.code: run_here(r) for r in self.rules}

    def abandon(self) -> None:
        """The run failed here: stop the child and reap it (idempotent)."""
        self._end(stop=True)

    def _end(self, *, stop: bool) -> None:
        if self.pipe is not None:
            try:
                os.close(self.pipe)
            except OSError:
                pass
            self.pipe = None
        pid, self.pid = self.pid, None
        if pid is None:
            return
        if stop:
            _kill(pid)
        interrupted: BaseException | None = None
        while True:         # reaped even if the user interrupts the wait
            try:
                os.waitpid(pid, 0)
                break
            except ChildProcessError:
                break
            except KeyboardInterrupt as exc:
                interrupted = exc
                _kill(pid)
        if interrupted is not None:
            raise interrupted


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)    # it holds no file but its end of the pipe
    except (ProcessLookupError, PermissionError):
        pass


def fork_rules(rules: Sequence[RuleConfig], run: Run, *, jobs: int,
               size: int) -> Forked | None:
    """Start run(rule) for every rule in a forked child, or None where forking is not
    worth it or not safe (the caller then runs them itself)."""
    if not rules or jobs < 2 or not FORK_FROM <= size <= FORK_UNTIL or not _may_fork():
        return None
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:                 # no process to spare: the caller runs them
        os.close(read)
        os.close(write)
        return None
    if pid == 0:                                    # the child: its rules, then leave
        try:
            os.close(read)
            try:
                payload = pickle.dumps((True, {r.code: run(r) for r in rules}),
                                       protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:   # the parent runs these rules again and sees the error
                payload = pickle.dumps((False, None))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)     # whatever happened, the child never returns into the run
    os.close(write)
    return Forked(pid, read, rules)


def run_in_two(rules: Sequence[RuleConfig], run: Run, in_child: Callable[[RuleConfig], bool],
               *, jobs: int, size: int) -> dict[str, list[Finding]]:
    """rule code -> run(rule) for every rule; those `in_child` in a forked process."""
    child_rules = [r for r in rules if in_child(r)]
    own_rules = [r for r in rules if not in_child(r)]
    forked = fork_rules(child_rules, run, jobs=jobs, size=size) if own_rules else None
    if forked is None:
        return {r.code: run(r) for r in rules}
    try:
        found = {r.code: run(r) for r in own_rules}
    except BaseException:
        forked.abandon()
        raise
    found.update(forked.collect(run))
    return found


def _may_fork() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1)
