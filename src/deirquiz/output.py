"""Writing files safely: atomic replace, inside the output folder, never over a stranger's file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .model import DeirquizError

# Files we write start with one of these markers, so a re-run may replace them without --force.
MARKER = "deirquiz"


def safe_path(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing any name that would leave the folder."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        raise DeirquizError(str(out_dir), f"unsafe output file name {name!r}")
    path = out_dir / name
    if path.resolve().parent != out_dir.resolve():
        raise DeirquizError(str(out_dir), f"unsafe output file name {name!r}")
    return path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file in the same folder, then rename over the target: a reader (or a
    crash) never sees half a file."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
