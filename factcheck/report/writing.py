"""Writing outputs atomically: a crash never leaves half a report where the old one stood."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


class OutputError(Exception):
    pass


def write_atomic(path: str | os.PathLike, data: str | bytes | Iterable[bytes]) -> Path:
    """Write to a temporary file beside `path`, then rename over it.

    `data` may be an iterable of byte chunks, written as they come (a report of an archive
    need never be whole in memory). Creates missing parent folders; raises OutputError
    when the place is not writable.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (str, bytes)):
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:
                for chunk in data:
                    handle.write(chunk)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    return target
