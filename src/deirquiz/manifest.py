"""What deirquiz wrote in an output folder, for which article: the manifest, its journal, a lock.

A file may be replaced without --force only when the manifest records it, with the digest it
has now, as written for the same article (by exact title: "Offensive (2017)" and "Offensive 2017"
share a file name, not an owner). Each article's entry is appended to a journal before its files
are renamed into place, and the manifest is rewritten from it once at the end of the run: a run
killed at any point leaves files whose digest the manifest or the journal gives, which the next
run accepts. One run at a time holds the folder's lock; a second waits for it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .model import DeirquizError
from .output import write_atomic
from .userbytes import read_bytes

MANIFEST = ".deirquiz-manifest"
JOURNAL = ".deirquiz-journal"
LOCK = ".deirquiz-lock"
LIMIT = 64_000_000  # about 300,000 files' entries: more is not a manifest of ours
_FORMAT = 2
_NO_LOCKS = {getattr(errno, n) for n in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP") if hasattr(errno, n)}


@dataclass(frozen=True)
class Entry:
    digest: str
    article: str | None  # None: recorded by deirquiz 0.2, which did not say for which article


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _entries(data: object) -> dict[str, Entry]:
    """The manifest's files: {name: {sha256, article}}, or 0.2's flat {name: digest}."""
    if isinstance(data, dict) and data.get("deirquiz") == _FORMAT:
        files = data.get("files")
        if not isinstance(files, dict):
            raise ValueError("no 'files'")
        out = {}
        for name, e in files.items():
            if not isinstance(e, dict) or not isinstance(e.get("sha256"), str):
                raise ValueError(f"bad entry for {name!r}")
            article = e.get("article")
            out[str(name)] = Entry(e["sha256"], article if isinstance(article, str) else None)
        return out
    if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
        return {str(k): Entry(v, None) for k, v in data.items()}
    raise ValueError("not a mapping of file names")


class Manifest:
    """The folder's record, loaded under its lock (with a killed run's journal folded in)."""

    def __init__(self, folder: Path, force: bool = False) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.journal_path = folder / JOURNAL
        self.entries: dict[str, Entry] = {}
        self._journal: TextIO | None = None
        self._dirty = False
        self.entries = self._load(force)
        self._recover(force)

    def _load(self, force: bool) -> dict[str, Entry]:
        if not os.path.lexists(self.path):
            return {}
        try:
            return _entries(json.loads(read_bytes(self.path, LIMIT, follow=False, kind="manifest")))
        except (DeirquizError, ValueError) as e:
            if force:
                return {}  # replaced at the end of the run (a link itself, never its target)
            why = e.what if isinstance(e, DeirquizError) else f"does not read as one ({e})"
            raise DeirquizError(
                str(self.path),
                f"is not deirquiz's manifest: {why} (use --force to start a new one)",
            ) from None

    def _recover(self, force: bool) -> None:
        """A killed run's journal: each file it names that has the digest it gave is recorded
        as that article's; the others keep what the manifest says."""
        if not os.path.lexists(self.journal_path):
            return
        try:
            lines = read_bytes(self.journal_path, LIMIT, follow=False, kind="journal").splitlines()
        except DeirquizError as e:
            if not force:
                raise DeirquizError(
                    e.where, f"{e.what}; not deirquiz's journal (use --force to remove it)"
                ) from None
            lines = []
        pending: dict[str, Entry] = {}
        for line in lines:
            try:
                got = json.loads(line)
                article = got["article"] if isinstance(got["article"], str) else None
                pending.update({str(n): Entry(str(d), article) for n, d in got["files"].items()})
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut short by the kill
        for name, entry in pending.items():
            path = self.folder / name
            with contextlib.suppress(OSError):
                if path.is_file() and not path.is_symlink() and digest_file(path) == entry.digest:
                    self.entries[name] = entry
        self._dirty = True
        self.save()

    def owner(self, name: str, digest: str) -> Entry | None:
        """The entry that makes the file ours: recorded with the digest it has now."""
        entry = self.entries.get(name)
        return entry if entry is not None and entry.digest == digest else None

    def intend(self, article: str | None, files: dict[str, str]) -> None:
        """Journal an article's files (name -> digest) before they are renamed into place."""
        line = json.dumps({"article": article, "files": files}, ensure_ascii=True) + "\n"
        try:
            if self._journal is None:
                fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND
                             | getattr(os, "O_NOFOLLOW", 0), 0o666)  # fmt: skip
                self._journal = os.fdopen(fd, "a", encoding="ascii")
            self._journal.write(line)
            self._journal.flush()  # in the kernel's hands: a killed process cannot lose it
            self._dirty = True  # save() folds the journal in and removes it
        except OSError as e:
            raise DeirquizError(
                str(self.journal_path), f"cannot be written ({e.strerror or e})"
            ) from None

    def record(self, article: str | None, files: dict[str, str]) -> None:
        """An article's files are in place: they are ours."""
        for name, digest in files.items():
            self.entries[name] = Entry(digest, article)
        self._dirty = True

    def save(self) -> None:
        """Write the manifest (what is still in the folder), then drop the journal it holds."""
        if not self._dirty:
            return
        files = {
            name: {"sha256": e.digest, **({"article": e.article} if e.article is not None else {})}
            for name, e in sorted(self.entries.items())
            if os.path.lexists(self.folder / name)
        }
        doc = json.dumps({"deirquiz": _FORMAT, "files": files}, indent=1)
        try:
            write_atomic(self.path, doc + "\n")
        except OSError as e:
            raise DeirquizError(
                str(self.path),
                f"cannot be written ({e.strerror or e}); the next run will record this run's "
                "files from its journal",
            ) from None
        self._dirty = False
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.journal_path)


class FolderLock:
    """An exclusive lock on the output folder, held from the manifest's reading to its saving.

    fcntl.flock on ``.deirquiz-lock`` where there is fcntl (Linux, macOS, BSD), removed again on
    release; a run that locked a file just removed tries again on the new one. Where there is no
    fcntl (Windows), msvcrt's byte lock on that file, which then stays. A file system that has no
    locks at all (some network ones) gets none: runs there are not kept apart. The lock goes
    with the process, so a killed run leaves no stale lock.
    """

    def __init__(self, folder: Path, on_wait: Callable[[], None] | None = None) -> None:
        self.path = folder / LOCK
        self._fd = -1
        waited = False
        while True:
            self._fd = self._open()
            try:
                if not self._lock(block=False):
                    if on_wait and not waited:
                        on_wait()
                    waited = True
                    self._lock(block=True)
                if self._same_file():
                    return
            except BaseException:
                os.close(self._fd)
                raise
            os.close(self._fd)  # the lock of a file its owner removed meanwhile: again

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            return os.open(self.path, flags, 0o666)
        except OSError as e:
            raise DeirquizError(str(self.path), f"cannot be opened ({e.strerror or e})") from None

    def _same_file(self) -> bool:
        try:
            here, there = os.fstat(self._fd), os.stat(self.path)
        except FileNotFoundError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def _lock(self, block: bool) -> bool:
        try:
            import fcntl
        except ImportError:
            return self._lock_msvcrt(block)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        except OSError as e:
            if e.errno in _NO_LOCKS:  # a file system without locks (some network ones): go on
                return True
            raise
        return True

    def _lock_msvcrt(self, block: bool) -> bool:
        import msvcrt
        import time

        while True:
            try:
                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                return True
            except OSError:
                if not block:
                    return False
                time.sleep(0.2)

    def release(self) -> None:
        if self._fd < 0:
            return
        try:
            import fcntl  # noqa: F401 - with flock, the file goes (it can, while we hold it)
        except ImportError:
            pass
        else:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(self._fd)  # closing the descriptor releases either kind of lock
        self._fd = -1
