"""The output folder: which files a run may replace, and one article's files replaced together.

An article's files are staged as temporary files beside their targets, journalled, then renamed
into place; the files they replace are kept as hard links until every rename has succeeded, so a
rename that fails midway (a full disk, an immutable file) puts back the ones already renamed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .manifest import JOURNAL, LOCK, MANIFEST, FolderLock, Manifest, digest_file, digest_of
from .model import DeirquizError
from .output import TEMP_SUFFIX, safe_path, stage

BACKUP_SUFFIX = ".deirquiz.bak"
_OURS = (MANIFEST, JOURNAL, LOCK)


class FolderError(DeirquizError):
    """The output folder itself cannot be used (its manifest is not ours, it cannot be made):
    the run ends, where an article's own error would only skip that article."""


def file_ids(paths: Iterable[Path]) -> frozenset[tuple[int, int]]:
    """(device, inode) of each file: what no output may be, whatever its name or link."""
    ids = set()
    for p in paths:
        with contextlib.suppress(OSError):
            info = os.stat(p)
            ids.add((info.st_dev, info.st_ino))
    return frozenset(ids)


class Output:
    """The output folder and the manifest of what we wrote there: a file we wrote for this
    article may be replaced; any other file needs --force, and an input is never replaced. One
    article's files are written together or not at all, and no two articles of one run may
    claim the same file. The folder is locked from the first write to ``close``."""

    def __init__(self, folder: Path, force: bool = False, inputs: Iterable[Path] = (),
                 on_wait: Callable[[], None] | None = None) -> None:  # fmt: skip
        self.folder = folder
        self.force = force
        self.inputs = file_ids(inputs)
        self.on_wait = on_wait
        self.this_run: set[str] = set()
        self._lock: FolderLock | None = None
        self._manifest: Manifest | None = None

    @property
    def manifest(self) -> Manifest:
        if self._manifest is None:
            self._open()
        assert self._manifest is not None
        return self._manifest

    def _open(self) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise FolderError(str(self.folder), "the output path is a file, not a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = FolderLock(self.folder, self.on_wait)
        except OSError as e:
            raise FolderError(str(self.folder), f"cannot be written ({e.strerror or e})") from None
        except DeirquizError as e:
            raise FolderError(e.where, e.what) from None
        try:
            self._manifest = Manifest(self.folder, self.force)
            _remove_leftovers(self.folder)
        except DeirquizError as e:
            self._lock.release()
            self._lock = None
            raise FolderError(e.where, e.what) from None
        except BaseException:
            self._lock.release()
            self._lock = None
            raise

    def check(self, names: Iterable[str], article: str | None = None) -> None:
        """Refuse, before anything is written, every name we may not (re)place."""
        for name in names:
            path = safe_path(self.folder, name)
            if name in _OURS:
                raise DeirquizError(str(path), "is deirquiz's own record, not an output name")
            if name in self.this_run:
                raise DeirquizError(
                    str(path), "another article of this run was written to this file (same title?)"
                )
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            self._check_existing(path, info, article)

    def _check_existing(self, path: Path, info: os.stat_result, article: str | None) -> None:
        if file_ids([path]) & self.inputs:
            raise DeirquizError(
                str(path), "is a file this run reads; deirquiz never writes over its input"
            )
        if stat.S_ISLNK(info.st_mode):
            if self.force:
                return  # os.replace replaces the link, never what it points to
            raise DeirquizError(
                str(path), "is a symbolic link, not written by deirquiz (use --force to replace)"
            )
        if not stat.S_ISREG(info.st_mode):
            raise DeirquizError(str(path), "exists and is not a file; deirquiz will not replace it")
        if self.force:
            return
        try:
            owner = self.manifest.owner(path.name, digest_file(path))
        except OSError as e:
            raise DeirquizError(str(path), f"cannot be read ({e.strerror or e})") from None
        if owner is None:
            raise DeirquizError(
                str(path), "exists and was not written by deirquiz (use --force to replace it)"
            )
        if owner.article is not None and article is not None and owner.article != article:
            raise DeirquizError(
                str(path),
                f"was written by deirquiz for another article, “{owner.article}” "
                "(use --force to replace it)",
            )

    def write(
        self, files: Mapping[str, bytes | Callable], article: str | None = None
    ) -> list[Path]:
        """Write one article's files, all or none, and record them as ``article``'s."""
        try:
            if self._manifest is None:  # the lock and the manifest, on the first write
                self._open()
            self.check(files, article)
        except OSError as e:  # a folder name too long, a folder we may not read
            raise DeirquizError(str(self.folder), e.strerror or "cannot be used") from None
        staged: dict[str, Path] = {}
        name = ""
        try:
            digests = {}
            for name, data in files.items():
                staged[name] = stage(safe_path(self.folder, name), data)
                digests[name] = (
                    digest_of(data) if isinstance(data, bytes) else digest_file(staged[name])
                )
            name = ""
            self.manifest.intend(article, digests)
            _replace_all(self.folder, staged)
        except OSError as e:
            where = e.filename2 or (self.folder / name if name else self.folder)
            raise DeirquizError(str(where), f"cannot be written ({e.strerror or e})") from None
        finally:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
        self.manifest.record(article, digests)
        self.this_run.update(files)
        return [self.folder / n for n in files]

    def close(self) -> None:
        """Record what this run wrote (once per run: the journal kept it safe meanwhile), and
        let the next run in."""
        try:
            if self._manifest is not None:
                self._manifest.save()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def _replace_all(folder: Path, staged: dict[str, Path]) -> None:
    """Rename every staged file over its target, or, if one rename fails, none: the targets
    already renamed get their old files back (kept meanwhile as hard links, or copies where the
    file system has no links), a target that did not exist is removed again."""
    backups: dict[str, Path | None] = {}
    done: list[str] = []
    try:
        for name in staged:
            backups[name] = _backup(folder / name)
        for name, tmp in staged.items():
            os.replace(tmp, folder / name)
            done.append(name)
    except OSError:
        for name in reversed(done):
            with contextlib.suppress(OSError):
                kept = backups[name]
                if kept is not None:
                    os.replace(kept, folder / name)
                else:
                    os.unlink(folder / name)
        raise
    finally:
        for kept in backups.values():
            if kept is not None:
                kept.unlink(missing_ok=True)


def _backup(path: Path) -> Path | None:
    """A second name for the file at ``path`` (None when there is none), to put it back."""
    if not os.path.lexists(path):
        return None
    for _ in range(100):
        kept = path.with_name(f".{path.name}.{secrets.token_hex(4)}{BACKUP_SUFFIX}")
        try:
            os.link(path, kept, follow_symlinks=False)
            return kept
        except FileExistsError:
            continue
        except OSError:  # no hard links here (or on an immutable file): a copy will do
            shutil.copy2(path, kept, follow_symlinks=False)
            return kept
    raise FileExistsError(str(path))


def _remove_leftovers(folder: Path) -> None:
    """Temporary files and backups of a run that was killed (we hold the folder's lock: no
    other run is using them)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") and entry.name.endswith((TEMP_SUFFIX, BACKUP_SUFFIX)):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False):
                        os.unlink(entry.path)
