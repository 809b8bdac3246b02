"""`generate` as a library call: quizzes for many articles, rendered, then written atomically.

Everything a file needs is rendered in memory first; only then are files replaced, so an error
leaves the output folder as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import DeirquizError, Quiz
from .output import safe_path, write_atomic
from .pipeline import Options, combine, quiz_for
from .templating import TemplateSet

FORMATS = ("apkg", "md", "json", "html", "pdf")
DEFAULT_FORMATS = ("apkg", "md")
MANIFEST = ".deirquiz-manifest"


@dataclass(frozen=True)
class Layout:
    """How printable files look: shared by md, html and pdf."""

    title: str | None = None
    answer_key: str = "end"  # or "separate"
    versions: int = 0
    paper: str = "a4"


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    skipped: list[DeirquizError] = field(default_factory=list)


def _render(quiz: Quiz, formats: Sequence[str], layout: Layout) -> dict[str, bytes | Callable]:
    """name -> bytes, or a writer callback for the .apkg (genanki writes files itself)."""
    out: dict[str, bytes | Callable] = {}
    slug = quiz.slug
    if "json" in formats:
        from .writers import json as json_writer

        out[f"{slug}.json"] = json_writer.render(quiz).encode()
    printable = [f for f in ("md", "html", "pdf") if f in formats]
    if printable:
        versions: list[tuple[str, Quiz, int | None]] = [(slug, quiz, None)]
        if layout.versions > 1:
            from .writers.versions import make_versions

            made = make_versions(quiz, layout.versions, quiz.seed)
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
        out[f"{slug}.apkg"] = lambda path, q=quiz: write_apkg(list(q.parts or [q]), path)
    return out


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


class Output:
    """The output folder and the manifest of what we wrote there: a file we wrote may be
    replaced; any other file is a stranger's and needs --force."""

    def __init__(self, folder: Path, force: bool = False) -> None:
        self.folder = folder
        self.force = force
        self.manifest_path = folder / MANIFEST
        self.manifest: dict[str, str] = {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.manifest = {str(k): str(v) for k, v in data.items()}
        except (OSError, ValueError):
            pass

    def check(self, names: Iterable[str]) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise DeirquizError(str(self.folder), "the output path is a file, not a folder")
        for name in names:
            path = safe_path(self.folder, name)
            if not path.exists() or self.force:
                continue
            if self.manifest.get(name) != _digest(path):
                raise DeirquizError(
                    str(path), "exists and was not written by deirquiz (use --force to replace it)"
                )

    def write(self, files: dict[str, bytes | Callable]) -> list[Path]:
        self.check(files)
        written = []
        for name, data in files.items():
            path = safe_path(self.folder, name)
            if callable(data):
                self.folder.mkdir(parents=True, exist_ok=True)
                data(path)
            else:
                write_atomic(path, data)
            self.manifest[name] = _digest(path)
            written.append(path)
        doc = json.dumps(dict(sorted(self.manifest.items())), indent=1) + "\n"
        write_atomic(self.manifest_path, doc)
        return written


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
) -> Report:
    """Make and write every article's files; a bad article among many is skipped and reported."""
    from .article import find_articles

    paths = find_articles(list(sources))
    report = Report()
    output = Output(out_dir, force=force)
    many = len(paths) > 1
    quizzes = _quizzes(paths, tset, opts, jobs, report, many, on_article)
    if combined and quizzes:
        quizzes = [combine(quizzes, layout.title)]
    for quiz in quizzes:
        files = _render(quiz, formats, layout)
        report.written.extend(output.write(files))
        report.quizzes.append(quiz)
    return report


def _quizzes(paths, tset, opts, jobs, report, many, on_article) -> list[Quiz]:
    results: list[Quiz | DeirquizError] = []
    if jobs > 1 and len(paths) > 4:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(paths) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for res in pool.map(_safe_quiz, paths, [tset] * len(paths), [opts] * len(paths),
                                chunksize=chunk):  # fmt: skip
                results.append(res)
                if on_article:
                    on_article()
    else:
        for p in paths:
            results.append(_safe_quiz(p, tset, opts))
            if on_article:
                on_article()
    quizzes = []
    for res in results:
        if isinstance(res, DeirquizError):
            if not many:
                raise res
            report.skipped.append(res)
        else:
            quizzes.append(res)
    return quizzes


def _safe_quiz(path: Path, tset: TemplateSet, opts: Options) -> Quiz | DeirquizError:
    try:
        return quiz_for(path, tset, opts)
    except DeirquizError as e:
        return e


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
