"""The output folder keeps every file a user cares about: the article being read, another
article's files, files of a run that failed, was killed, or ran beside another run."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from deirquiz import manifest, output, run
from deirquiz.cli import main

from .conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SLUG = "deir-ez-zor-offensive-september-november-2017"


def run_cli(args: list[str]):
    return CliRunner().invoke(main, ["generate", "-q", "--jobs", "1", *args])


def titled(title: str) -> str:
    return re.sub(r"(?m)^title: .*$", f"title: '{title}'", SEED_TEXT, count=1)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def recorded(folder: Path) -> dict[str, dict]:
    doc = json.loads((folder / manifest.MANIFEST).read_text(encoding="utf-8"))
    return doc["files"]


def in_place(folder: Path) -> None:
    """Every file the manifest records is there with the digest it records."""
    for name, entry in recorded(folder).items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == entry["sha256"], name


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".bak")))


# --- never over an input -----------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
def test_the_article_being_read_is_never_overwritten(tmp_path, force):
    """`generate ARTICLE.md --out .` where the quiz takes the article's own name."""
    article = tmp_path / f"{SEED_SLUG}.md"
    article.write_text(SEED_TEXT, encoding="utf-8")
    args = ["--out", str(tmp_path), "--format", "md", str(article)]
    result = run_cli(args + (["--force"] if force else []))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {article}: is a file this run reads; deirquiz never writes over its input\n"
    )
    assert article.read_text(encoding="utf-8") == SEED_TEXT


def test_a_link_to_the_article_is_no_way_round(tmp_path):
    article = tmp_path / "source.md"
    article.write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.link(article, out / f"{SEED_SLUG}.md")
    result = run_cli(["--out", str(out), "--format", "md", "--force", str(article)])
    assert result.exit_code == 1 and "never writes over its input" in result.stderr
    assert article.read_text(encoding="utf-8") == SEED_TEXT


def test_a_template_file_is_an_input_too(tmp_path):
    templates = tmp_path / f"{SEED_SLUG}.md"
    templates.write_text("templates: []\n", encoding="utf-8")
    args = ["--out", str(tmp_path), "--format", "md", "--force", "--templates", str(templates)]
    result = run_cli(args)
    assert result.exit_code == 1 and "never writes over its input" in result.stderr
    assert templates.read_text(encoding="utf-8") == "templates: []\n"


# --- one file name, two articles --------------------------------------------------------------


@pytest.fixture
def alike(tmp_path) -> tuple[Path, Path]:
    """Two articles whose titles make one slug."""
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(titled("Offensive (2017)"), encoding="utf-8")
    b.write_text(titled("Offensive 2017"), encoding="utf-8")
    return a, b


def test_a_file_of_another_article_is_kept_without_force(tmp_path, alike):
    out = tmp_path / "out"
    assert run_cli(["--out", str(out), str(alike[0])]).exit_code == 0
    assert {e["article"] for e in recorded(out).values()} == {"Offensive (2017)"}
    before = snapshot(out)
    result = run_cli(["--out", str(out), str(alike[1])])
    assert result.exit_code == 1
    assert "was written by deirquiz for another article, “Offensive (2017)”" in result.stderr
    assert "--force" in result.stderr
    assert snapshot(out) == before
    assert run_cli(["--out", str(out), "--force", str(alike[1])]).exit_code == 0
    assert {e["article"] for e in recorded(out).values()} == {"Offensive 2017"}


def test_the_same_article_again_replaces_its_own_files(tmp_path, alike):
    out = tmp_path / "out"
    assert run_cli(["--out", str(out), str(alike[0])]).exit_code == 0
    assert run_cli(["--out", str(out), "--count", "5", str(alike[0])]).exit_code == 0


def test_slug_alike_articles_get_notes_of_their_own(tmp_path, alike):
    from deirquiz.pipeline import Options, quiz_for
    from deirquiz.questions import load_templates
    from deirquiz.writers.anki import note_guid

    tset = load_templates()
    guids = []
    for path in alike:
        quiz = quiz_for(path, tset, Options())
        guids.append({note_guid(q) for q in quiz.questions})
    assert guids[0] and guids[1] and not guids[0] & guids[1]


def test_a_plain_title_keeps_the_guids_of_0_2():
    """Decks imported before keep updating in place where the title cannot collide."""
    from dataclasses import replace

    import genanki

    from deirquiz.model import Question, Source
    from deirquiz.writers.anki import note_guid

    q = Question("battle-of-x:overview-date", "overview", "basic", "When?", "1900",
                 Source("", "", "Battle of X", None))  # fmt: skip
    assert note_guid(q) == genanki.guid_for(q.id)
    other = replace(q, source=Source("", "", "Battle of X (1900)", None))
    assert note_guid(other) != genanki.guid_for(q.id)


def test_a_manifest_of_0_2_is_still_read(tmp_path):
    out = tmp_path / "out"
    assert run_cli(["--out", str(out), "--format", "md"]).exit_code == 0
    flat = {name: e["sha256"] for name, e in recorded(out).items()}
    (out / manifest.MANIFEST).write_text(json.dumps(flat), encoding="utf-8")
    assert run_cli(["--out", str(out), "--format", "md", "--count", "5"]).exit_code == 0


# --- all of an article's files or none --------------------------------------------------------


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "decks"
    assert run_cli(["--out", str(folder), "--format", "md", "--format", "json"]).exit_code == 0
    return folder


def failing_replace(monkeypatch, target: str, code: int):
    """os.replace failing for one target (an immutable file, a full disk), once."""
    real = os.replace
    failed = []

    def replace(src, dst):
        if Path(dst).name == target and not failed:
            failed.append(dst)
            raise OSError(code, os.strerror(code))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return failed


def test_a_file_that_cannot_be_replaced_rolls_the_others_back(out, monkeypatch):
    before = snapshot(out)
    # .json is renamed first, then .md: the .md refuses, so the new .json goes back out
    failed = failing_replace(monkeypatch, f"{SEED_SLUG}.md", errno.EPERM)
    result = run_cli(["--out", str(out), "--format", "json", "--format", "md"])
    monkeypatch.undo()
    assert failed and result.exit_code == 1
    assert result.stderr.endswith("cannot be written (Operation not permitted)\n")
    assert snapshot(out) == before and leftovers(out) == []
    in_place(out)


def test_a_full_disk_at_the_journal_replaces_nothing(out, monkeypatch):
    before = snapshot(out)

    def full(self, article, files):
        raise manifest.DeirquizError(str(self.journal_path), "cannot be written (disk full)")

    monkeypatch.setattr(manifest.Manifest, "intend", full)
    result = run_cli(["--out", str(out), "--format", "md", "--format", "json", "--count", "5"])
    assert result.exit_code == 1 and "disk full" in result.stderr
    assert snapshot(out) == before and leftovers(out) == []


def test_a_full_disk_at_the_manifest_leaves_a_folder_the_next_run_accepts(out, monkeypatch):
    real = output.write_atomic

    def full(path, data):
        if Path(path).name == manifest.MANIFEST:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)

    monkeypatch.setattr(manifest, "write_atomic", full)
    result = run_cli(["--out", str(out), "--format", "md", "--format", "json", "--count", "5"])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "journal" in result.stderr
    assert (out / manifest.JOURNAL).exists()
    assert run_cli(["--out", str(out), "--format", "md", "--format", "json"]).exit_code == 0
    assert not (out / manifest.JOURNAL).exists()
    in_place(out)


def test_a_killed_runs_leftovers_are_cleared(out):
    stale = [
        out / f".{SEED_SLUG}.md.abcd1234{output.TEMP_SUFFIX}",
        out / f".x.md.1{'.deirquiz.bak'}",
    ]
    for p in stale:
        p.write_bytes(b"half")
    assert run_cli(["--out", str(out), "--format", "md"]).exit_code == 0
    assert leftovers(out) == []


def test_a_regenerated_file_keeps_its_mode(out):
    quiz = out / f"{SEED_SLUG}.md"
    quiz.chmod(0o600)
    assert run_cli(["--out", str(out), "--format", "md", "--count", "5"]).exit_code == 0
    assert stat.S_IMODE(quiz.stat().st_mode) == 0o600


# --- the manifest itself ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder", "huge", "not json"])
def test_a_manifest_that_is_not_ours_is_refused_at_once(tmp_path, kind):
    out = tmp_path / "out"
    out.mkdir()
    path = out / manifest.MANIFEST
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with open(path, "wb") as f:
            f.truncate(manifest.LIMIT + 1)  # sparse: nothing is written
    else:
        path.write_text("my notes", encoding="utf-8")
    result = run_cli(["--out", str(out), "--format", "md"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: is not deirquiz's manifest")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == [manifest.MANIFEST]


def test_a_manifest_not_ours_ends_a_folder_run_with_one_line(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.md").write_text(titled(f"Offensive copy {i}"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / manifest.MANIFEST).write_text("my notes", encoding="utf-8")
    result = run_cli(["--out", str(out), "--format", "md", str(src)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "(skipped)" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [manifest.MANIFEST]


def test_a_symlinked_manifest_is_replaced_only_with_force(tmp_path):
    mine = tmp_path / "my-manifest.json"
    mine.write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / manifest.MANIFEST).symlink_to(mine)
    result = run_cli(["--out", str(out), "--format", "md"])
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert run_cli(["--out", str(out), "--format", "md", "--force"]).exit_code == 0
    assert mine.read_text(encoding="utf-8") == "{}"  # never written through
    assert not (out / manifest.MANIFEST).is_symlink()
    in_place(out)


def test_the_lock_file_does_not_stay(out):
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [manifest.MANIFEST]


def test_run_module_keeps_its_names():
    assert run.MANIFEST == manifest.MANIFEST
