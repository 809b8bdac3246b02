"""Writing files safely: atomic replace, inside the output folder, never over a stranger's file."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from .model import WINDOWS_DEVICES, DeirquizError

# Names Windows keeps for devices, whatever the extension: "nul.md" cannot be written there.
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f]')  # separators, drive letters, Windows' forbidden
NAME_MAX = 255  # bytes, the limit of common file systems


class Files(dict):
    """One article's files, name -> bytes (or a writer callback that writes the file), and a
    summary line per format on the questions it had to leave out."""

    def __init__(self, *args, notes: tuple[str, ...] | list[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes = list(notes)


def safe_path(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing any name that would leave the folder or that some system
    cannot hold: separators, ``..``, device names (``CON``), names over 255 bytes."""
    stem = name.split(".", 1)[0]
    if (
        not name.strip(". ")
        or _UNSAFE.search(name)
        or WINDOWS_DEVICES.fullmatch(stem.strip())
        or len(name.encode("utf-8")) > NAME_MAX
    ):
        raise DeirquizError(str(out_dir), f"unsafe output file name {name!r}")
    return out_dir / name


TEMP_SUFFIX = ".deirquiz.tmp"  # a run killed while writing may leave one: the next run removes it


def stage(path: Path, data: bytes | str | Callable[[Path], object]) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` and return its name, for the caller
    to rename over ``path`` once everything that belongs with it is ready too. ``data`` may be a
    writer callback that takes the file name. The file gets the mode of the one it will replace
    (a quiz kept private, 600, stays so), else the umask's. The temporary file is gone if this
    fails."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_of(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(name)
    try:
        if callable(data):
            os.close(fd)
            data(tmp)
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return tmp


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file in the same folder, then rename over the target: a reader (or a
    crash) never sees half a file."""
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _mode_of(path: Path) -> int:
    try:
        info = os.lstat(path)
    except OSError:
        return 0o666 & ~_umask()
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
