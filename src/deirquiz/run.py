"""`generate` as a library call: quizzes for many articles, rendered, then written atomically.

Articles stream through one at a time. All of one article's files are rendered to temporary files
beside their targets first, and only then renamed into place, so an error leaves that article's
files as they were.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .formats import PLATFORMS
from .model import DeirquizError, Quiz
from .output import Files, safe_path, stage, write_atomic
from .pipeline import Options, combine, quiz_for
from .questions import TemplateSet

FORMATS = ("apkg", "md", "json", "html", "pdf", *PLATFORMS)
DEFAULT_FORMATS = ("apkg", "md")
MANIFEST = ".deirquiz-manifest"


@dataclass(frozen=True)
class Layout:
    """How printable files look: shared by md, html and pdf."""

    title: str | None = None
    answer_key: str = "end"  # or "separate"
    versions: int = 1
    paper: str = "a4"


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)  # only with keep_quizzes
    skipped: list[DeirquizError] = field(default_factory=list)
    # (title, questions per topic) of every quiz written: what a summary needs, a few bytes each
    counts: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    # per quiz written, a line per format that had to leave questions out
    left_out: list[list[str]] = field(default_factory=list)

    def add(self, made: Quiz | tuple[str, dict[str, int]], keep: bool, files=None) -> None:
        self.left_out.append(list(getattr(files, "notes", ())))
        if isinstance(made, Quiz):
            self.counts.append(counts_of(made))
            if keep:
                self.quizzes.append(made)
        else:
            self.counts.append(made)


def counts_of(quiz: Quiz) -> tuple[str, dict[str, int]]:
    per: dict[str, int] = {}
    for q in quiz.questions:
        per[q.topic] = per.get(q.topic, 0) + 1
    return quiz.title, per


def _render(quiz: Quiz, formats: Sequence[str], layout: Layout) -> Files:
    """name -> bytes, or a writer callback for the .apkg (genanki writes files itself)."""
    out = Files()
    slug = quiz.slug
    if "json" in formats:
        from .writers import json as json_writer

        out[f"{slug}.json"] = json_writer.render(quiz).encode()
    printable = [f for f in ("md", "html", "pdf") if f in formats]
    if printable:
        printed = quiz.for_print()
        versions: list[tuple[str, Quiz, int | None]] = [(slug, printed, None)]
        if layout.versions > 1:
            from .writers.versions import make_versions

            made = make_versions(printed, layout.versions, quiz.seed)
            versions = [(f"{slug}-v{i}", v, i) for i, v in enumerate(made, 1)]
        for stem, q, number in versions:
            kw = {"title": layout.title, "answer_key": layout.answer_key, "version": number}
            if "md" in formats:
                from .writers import markdown

                text, key = markdown.render(q, **kw)
                out[f"{stem}.md"] = text.encode()
                if key is not None:
                    out[f"{stem}-key.md"] = key.encode()
            separate = layout.answer_key == "separate"
            if "html" in formats:
                from .writers import html

                out[f"{stem}.html"] = html.render(q, paper=layout.paper, **kw).encode()
                if separate:
                    key_kw = {**kw, "answer_key": "only"}
                    out[f"{stem}-key.html"] = html.render(q, paper=layout.paper, **key_kw).encode()
            if "pdf" in formats:
                from .writers import pdf

                out[f"{stem}.pdf"] = pdf.render(q, paper=layout.paper, **kw)
                if separate:
                    key_kw = {**kw, "answer_key": "only"}
                    out[f"{stem}-key.pdf"] = pdf.render(q, paper=layout.paper, **key_kw)
    if "apkg" in formats:
        from .writers.anki import write_apkg

        # combined: one package, a deck per article
        # rendered here, as bytes, like every other format: an error in it is a render error,
        # in one process as in a worker
        out[f"{slug}.apkg"] = _as_bytes(lambda path, q=quiz: write_apkg(list(q.parts or [q]), path))
    if any(f in PLATFORMS for f in formats):
        from . import formats as platforms

        files, out.notes = platforms.render(quiz, formats)
        out.update(files)
    out.notes = [*quiz.notes, *out.notes]
    return out


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


class Output:
    """The output folder and the manifest of what we wrote there: a file we wrote may be
    replaced; any other file is a stranger's and needs --force. One article's files are written
    together or not at all, and no two articles of one run may claim the same file."""

    def __init__(self, folder: Path, force: bool = False) -> None:
        self.folder = folder
        self.force = force
        self.manifest_path = folder / MANIFEST
        self.manifest: dict[str, str] = {}
        self._dirty = False
        self.this_run: set[str] = set()
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.manifest = {str(k): str(v) for k, v in data.items()}
        except (OSError, ValueError):
            pass

    def check(self, names: Iterable[str]) -> None:
        """Refuse, before anything is written, every name we may not (re)place."""
        if self.folder.exists() and not self.folder.is_dir():
            raise DeirquizError(str(self.folder), "the output path is a file, not a folder")
        for name in names:
            path = safe_path(self.folder, name)
            if name in self.this_run:
                raise DeirquizError(
                    str(path), "another article of this run was written to this file (same title?)"
                )
            if path.is_symlink():
                if self.force:
                    continue  # os.replace replaces the link, never what it points to
                raise DeirquizError(
                    str(path),
                    "is a symbolic link, not written by deirquiz (use --force to replace)",
                )
            if not path.exists():
                continue
            if not path.is_file():
                raise DeirquizError(
                    str(path), "exists and is not a file; deirquiz will not replace it"
                )
            if self.force:
                continue
            try:
                ours = self.manifest.get(name) == _digest(path)
            except OSError as e:
                raise DeirquizError(str(path), f"cannot be read ({e.strerror or e})") from None
            if not ours:
                raise DeirquizError(
                    str(path), "exists and was not written by deirquiz (use --force to replace it)"
                )

    def write(self, files: dict[str, bytes | Callable]) -> list[Path]:
        """Write one article's files: each is rendered to a temporary file beside its target first
        (the .apkg too), and only when all are ready are they renamed into place, so a failure
        leaves the folder as it was and no temporary file behind."""
        try:
            self.check(files)
        except OSError as e:  # a folder name too long, a folder we may not read
            raise DeirquizError(str(self.folder), e.strerror or "cannot be used") from None
        staged: dict[str, Path] = {}
        moved: list[Path] = []
        name = ""
        try:
            for name, data in files.items():
                staged[name] = stage(safe_path(self.folder, name), data)
            digests = {name: _digest(tmp) for name, tmp in staged.items()}
            for name, tmp in staged.items():
                path = self.folder / name
                os.replace(tmp, path)
                self.manifest[name] = digests[name]
                moved.append(path)
        except OSError as e:
            where = self.folder / name if name else self.folder
            raise DeirquizError(str(where), f"cannot be written ({e.strerror or e})") from None
        finally:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
            if moved:  # what did reach the folder is ours, even if the rest failed
                self.this_run.update(p.name for p in moved)
                self._dirty = True
        return moved

    def close(self) -> None:
        """Record what this run wrote: once per run, not once per article (a manifest rewritten
        after each of hundreds of articles costs more than writing them)."""
        if self._dirty:
            self._dirty = False
            self._save()

    def _save(self) -> None:
        doc = json.dumps(dict(sorted(self.manifest.items())), indent=1) + "\n"
        try:
            write_atomic(self.manifest_path, doc)
        except OSError as e:
            raise DeirquizError(
                str(self.manifest_path), f"cannot be written ({e.strerror or e})"
            ) from None


def generate_files(
    sources: Sequence[str | Path],
    tset: TemplateSet,
    opts: Options,
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    layout: Layout = Layout(),
    combined: bool = False,
    force: bool = False,
    on_article: Callable[[], None] | None = None,
    jobs: int = 1,
    keep_quizzes: bool = True,
) -> Report:
    """Make and write every article's files; a bad article among many is skipped and reported.

    Articles are streamed: each one's files are written as soon as its quiz is made, in the
    sources' order, so memory stays flat however many articles there are (unless
    ``keep_quizzes`` keeps every quiz in the report; the summary needs only ``report.counts``). With ``jobs`` > 1
    worker processes make and render the quizzes; the files are the same as with one.
    """
    from .article import find_articles

    paths = find_articles(list(sources))
    report = Report()
    output = Output(out_dir, force=force)
    many = len(paths) > 1
    try:
        if combined:  # --count limits the combined quiz, not each article's
            whole = replace(opts, count=None, whole_sheet=True)
            quizzes = [q for q, _ in _quizzes(paths, tset, whole, jobs, report, many, on_article)]
            if quizzes:
                quiz = combine(quizzes, tset, opts, layout.title)
                rendered = _render(quiz, formats, layout)
                report.written.extend(output.write(rendered))
                report.add(quiz, keep_quizzes, rendered)
            return report
        made = _quizzes(paths, tset, opts, jobs, report, many, on_article, formats, layout,
                        keep_quizzes)  # fmt: skip
        for quiz, files in made:
            try:
                report.written.extend(output.write(files))
            except DeirquizError as e:
                if not many:
                    raise
                report.skipped.append(e)  # this article's files, not the run: the others go on
                continue
            report.add(quiz, keep_quizzes, files)
        return report
    finally:
        output.close()


# Below this many articles a pool's start (fork, imports and data in each worker) costs more
# than it saves.
_PARALLEL_MIN = 6


def _quizzes(paths, tset, opts, jobs, report, many, on_article, formats=(), layout=Layout(),
             need_quiz=True) -> Iterator[tuple[Quiz, dict[str, bytes | Callable]]]:  # fmt: skip
    """(quiz, rendered files) per good article, in the order of ``paths``, one at a time; bad
    articles are skipped into ``report`` (or raised, for a single article). ``on_article`` is
    called once per article, after its files have been written by the caller."""
    work = (tset, opts, tuple(formats), layout, need_quiz)
    for got in _made_in_order(paths, jobs, work):
        if isinstance(got, _Failed):  # from a worker
            if got.fatal:
                raise DeirquizError(got.where, got.what)
            got = DeirquizError(got.where, got.what)
        if isinstance(got, DeirquizError):
            if not many:
                raise got
            report.skipped.append(got)
        else:
            yield got
        if on_article:
            on_article()


@dataclass(frozen=True)
class _Failed:
    """A DeirquizError as plain data, to cross from a worker (the exception does not unpickle):
    an article to skip, or (fatal) a writer's error that ends the run as it would in one process.
    """

    where: str
    what: str
    fatal: bool = False


def _made(path: Path, tset: TemplateSet, opts: Options, formats: Sequence[str], layout: Layout,
          need_quiz: bool) -> tuple[Quiz | tuple, dict] | DeirquizError:  # fmt: skip
    """The article's quiz (if needed) and rendered files, or the error that makes it one to
    skip; a writer's error is raised."""
    try:
        quiz = quiz_for(path, tset, opts)
    except DeirquizError as e:
        return e
    files = _render(quiz, formats, layout) if formats else {}
    return (quiz if need_quiz else counts_of(quiz)), files


_WORK: tuple = ()  # a worker process's (tset, opts, formats, layout, need_quiz), sent once


def _init_worker(*work) -> None:
    global _WORK
    _WORK = work
    # what the worker inherited lives as long as it does: keep the collector off it (and so
    # the memory pages it shares with the parent unwritten)
    gc.freeze()


def _work(path: Path):
    """_made in a worker: what crosses back is plain data (bytes, not writer callbacks)."""
    try:
        got = _made(path, *_WORK)
        if isinstance(got, DeirquizError):
            return _Failed(got.where, got.what)
        quiz, files = got
        plain = {name: _as_bytes(d) if callable(d) else d for name, d in files.items()}
        return quiz, Files(plain, notes=getattr(files, "notes", ()))
    except DeirquizError as e:
        return _Failed(e.where, e.what, fatal=True)


def _as_bytes(write: Callable[[Path], object]) -> bytes:
    """What a writer callback (the .apkg's) writes, as bytes."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="deirquiz-") as tmp:
        path = Path(tmp) / "file"
        write(path)
        return path.read_bytes()


def _made_in_order(paths: Sequence[Path], jobs: int, work: tuple) -> Iterator:
    """_made for each path, in order: here, or in ``jobs`` worker processes that keep a few
    articles ahead of the one being written (so results never pile up)."""
    if jobs <= 1 or len(paths) < _PARALLEL_MIN:
        for p in paths:
            yield _made(p, *work)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    todo = iter(paths)
    ahead = 4 * jobs
    with ProcessPoolExecutor(min(jobs, len(paths)), initializer=_init_worker,
                             initargs=work) as pool:  # fmt: skip
        pending = deque(pool.submit(_work, p) for p in itertools.islice(todo, ahead))
        try:
            while pending:
                got = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(pool.submit(_work, nxt))
                yield got
        finally:
            for f in pending:
                f.cancel()


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
