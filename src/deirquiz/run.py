"""`generate` as a library call: quizzes for many articles, rendered, then written atomically.

Articles stream through one at a time. All of one article's files are rendered to temporary files
beside their targets first, and only then renamed into place, so an error leaves that article's
files as they were.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import fileset
from .folder import FolderError, Output
from .formats import PLATFORMS
from .manifest import MANIFEST  # noqa: F401 - where it always was
from .model import DeirquizError, Quiz
from .output import Files
from .pipeline import Options, combine, quiz_for
from .questions import TemplateSet

FORMATS = ("apkg", "md", "json", "html", "pdf", *PLATFORMS)
DEFAULT_FORMATS = ("apkg", "md")


@dataclass(frozen=True)
class Layout:
    """How printable files look (shared by md, html and pdf), and how a run's files are named."""

    title: str | None = None
    answer_key: str = "end"  # or "separate"
    versions: int = 1
    paper: str = "a4"
    type_in: bool = False  # Anki: short answers typed in (the .apkg and its text import)
    selection: str = ""  # fileset.selection(): what the run chose, in every file's name


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
    """name -> the file's bytes, for every format asked (names: slug-selection, "x-commanders");
    ``notes``: what a platform left out."""
    out = Files()
    slug = f"{quiz.slug}-{layout.selection}" if layout.selection else quiz.slug
    if "json" in formats:
        from .writers import jsonfile as json_writer

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
            kw: dict[str, Any] = {"title": layout.title, "answer_key": layout.answer_key,
                                  "version": number}  # fmt: skip
            if "md" in formats:
                from .writers import markdown

                text, key = markdown.render(q, **kw)
                out[f"{stem}.md"] = text.encode()
                if key is not None:
                    out[f"{stem}-key.md"] = key.encode()
            separate = layout.answer_key == "separate"
            if "html" in formats:
                from .writers import webpage as html

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
        from .writers.anki import render_apkg

        # combined: one package, a deck per article; rendered here, as bytes in memory, like
        # every other format (no temporary folder to leave behind)
        out[f"{slug}.apkg"] = render_apkg(list(quiz.parts or [quiz]), type_in=layout.type_in)
    if any(f in PLATFORMS for f in formats):
        from . import formats as platforms

        files, out.notes = platforms.render(quiz, formats, stem=slug, type_in=layout.type_in)
        out.update(files)
    out.notes = [*quiz.notes, *out.notes]
    return out


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
    inputs: Sequence[Path] = (),
    on_wait: Callable[[], None] | None = None,
) -> Report:
    """Make and write every article's files; a bad article among many is skipped and reported.

    Articles are streamed: each one's files are written as soon as its quiz is made, in the
    sources' order, so memory stays flat however many articles there are (unless
    ``keep_quizzes`` keeps every quiz in the report; the summary needs only ``report.counts``).
    With ``jobs`` > 1 worker processes make and render the quizzes; the files are the same as
    with one. No file is written over an article or one of ``inputs`` (template files); while
    another run holds the folder, ``on_wait`` is called and this one waits.
    """
    from .article import find_articles

    paths = find_articles(list(sources))
    layout = replace(layout, selection=fileset.selection(opts))  # one name, one set of questions
    report = Report()
    output = Output(out_dir, force=force, inputs=[*paths, *map(Path, inputs)], on_wait=on_wait)
    many = len(paths) > 1
    try:
        if combined:  # --count limits the combined quiz, not each article's
            whole = replace(opts, count=None, whole_sheet=True)
            quizzes = [q for q, _ in _quizzes(paths, tset, whole, jobs, report, many, on_article)]
            if quizzes:
                quiz = combine(quizzes, tset, opts, layout.title)
                rendered = _render(quiz, formats, layout)
                report.written.extend(output.write(rendered, quiz.title))
                report.add(quiz, keep_quizzes, rendered)
            return report
        made = _quizzes(paths, tset, opts, jobs, report, many, on_article, formats, layout,
                        keep_quizzes)  # fmt: skip
        for quiz, files in made:
            try:
                title = quiz.title if isinstance(quiz, Quiz) else quiz[0]
                report.written.extend(output.write(files, title))
            except FolderError:
                raise  # the folder, not this article: no other article can be written either
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
             need_quiz=True) -> Iterator[tuple[Quiz, Files]]:  # fmt: skip
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
    """_made in a worker: what crosses back is plain data."""
    try:
        got = _made(path, *_WORK)
        if isinstance(got, DeirquizError):
            return _Failed(got.where, got.what)
        quiz, files = got
        return quiz, files
    except DeirquizError as e:
        return _Failed(e.where, e.what, fatal=True)


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
