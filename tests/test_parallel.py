"""A folder through worker processes gives the very files one process gives, in the same order."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from deirquiz import run
from deirquiz.cli import main

from .conftest import ALL

N_ARTICLES = 10


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Copies of the real articles, each with its own title (and so its own slug)."""
    out = tmp_path_factory.mktemp("articles")
    for i in range(N_ARTICLES):
        src = ALL[i % len(ALL)]
        text = src.read_text(encoding="utf-8")
        text = re.sub(r"^title: (.*)$", rf"title: \1 copy {i:02d}", text, count=1, flags=re.M)
        (out / f"{i:02d}-{src.name}").write_text(text, encoding="utf-8")
    return out


def _generate(source: Path, out: Path, jobs: int, *formats: str) -> tuple[int, str]:
    args = ["generate", str(source), "--out", str(out), "--jobs", str(jobs)]
    for f in formats:
        args += ["--format", f]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def runs(folder, tmp_path_factory) -> dict[int, tuple[Path, str]]:
    assert N_ARTICLES >= run._PARALLEL_MIN  # else --jobs 2 would not start any worker
    made = {}
    for jobs in (1, 2):
        out = tmp_path_factory.mktemp(f"jobs{jobs}")
        code, output = _generate(folder, out, jobs, "json", "md", "apkg")
        assert code == 0, output
        made[jobs] = (out, output.replace(str(out), "OUT"))
    return made


def _notes(apkg: Path) -> list[tuple[str, str, str]]:
    """(guid, fields, tags) of every note stored in the package, in guid order."""
    with zipfile.ZipFile(apkg) as z:
        db = z.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(db)
        return sorted(conn.execute("SELECT guid, flds, tags FROM notes"))
    finally:
        conn.close()


def test_every_article_gets_its_files(runs):
    out, _ = runs[2]
    for ext in ("json", "md", "apkg"):
        assert len(list(out.glob(f"*.{ext}"))) == N_ARTICLES


def test_json_and_markdown_are_byte_identical(runs):
    (serial, _), (parallel, _) = runs[1], runs[2]
    names = sorted(p.name for p in serial.iterdir() if p.suffix in (".json", ".md"))
    assert names == sorted(p.name for p in parallel.iterdir() if p.suffix in (".json", ".md"))
    for name in names:
        assert (parallel / name).read_bytes() == (serial / name).read_bytes(), name


def test_anki_notes_match(runs):
    (serial, _), (parallel, _) = runs[1], runs[2]
    decks = sorted(p.name for p in serial.glob("*.apkg"))
    assert decks == sorted(p.name for p in parallel.glob("*.apkg"))
    for name in decks:
        notes = _notes(serial / name)
        assert notes, name
        assert _notes(parallel / name) == notes, name


def test_files_are_written_and_reported_in_source_order(runs, folder):
    (_, serial_out), (_, parallel_out) = runs[1], runs[2]
    assert parallel_out == serial_out
    wrote = [line for line in serial_out.splitlines() if line.startswith("wrote ")]
    jsons = [line for line in wrote if line.endswith(".json")]
    assert [re.search(r"copy-(\d\d)", s).group(1) for s in jsons] == [
        f"{i:02d}" for i in range(N_ARTICLES)
    ]


def test_a_bad_article_is_skipped_alike(folder, tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for p in sorted(folder.iterdir())[:7]:
        (mixed / p.name).write_bytes(p.read_bytes())
    (mixed / "03b-broken.md").write_text("---\ntitle: [oops\n---\nbody\n", encoding="utf-8")
    (mixed / "05b-empty.md").write_text("", encoding="utf-8")
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        code, output = _generate(mixed, out, jobs, "json")
        results[jobs] = (code, output.replace(str(out), "OUT"))
        assert len(list(out.glob("*.json"))) == 7
    assert results[1] == results[2]
    code, output = results[2]
    assert code == 1
    assert "03b-broken.md: front matter YAML does not parse" in output
    assert "05b-empty.md: the file is empty (skipped)" in output


def test_quiet_keeps_no_quizzes_and_counts_every_article(folder, tmp_path):
    seen = []
    report = run.generate_files(
        [folder], _templates(), _options(), tmp_path, ("json",), jobs=2,
        on_article=lambda: seen.append(1), keep_quizzes=False,
    )  # fmt: skip
    assert len(seen) == N_ARTICLES
    assert report.quizzes == []
    assert len(report.written) == N_ARTICLES


def _templates():
    from deirquiz.questions import load_templates

    return load_templates()


def _options():
    from deirquiz.pipeline import Options

    return Options()


def test_a_writer_error_ends_the_run_alike(folder, tmp_path, monkeypatch):
    """An error while rendering (not while reading) stops the run with its own message, from a
    worker as from this process (forked workers inherit the patched writer)."""
    import multiprocessing

    from deirquiz.model import DeirquizError

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers see the patched writer only when forked")
    real = run._render

    def failing(quiz, formats, layout):
        if "copy-03" in quiz.slug and formats:
            raise DeirquizError("writer", f"cannot render {quiz.slug}")
        return real(quiz, formats, layout)

    monkeypatch.setattr(run, "_render", failing)
    messages = []
    for jobs in (1, 2):
        with pytest.raises(DeirquizError) as err:
            run.generate_files([folder], _templates(), _options(), tmp_path / f"o{jobs}",
                               ("json",), jobs=jobs)  # fmt: skip
        messages.append(str(err.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("writer: cannot render ")
