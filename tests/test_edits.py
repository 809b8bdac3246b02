"""A teacher's own edits (issue 19), through the CLI: decisions made in `deirquiz review` with
keystrokes, saved in the edits file, and applied by `deirquiz generate` under another seed and
another --count, on the seed and a shared article of another war and century."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from anki.collection import Collection, ImportAnkiPackageRequest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deirquiz import editsfile
from deirquiz.cli import main
from deirquiz.edits import Edit, Edits, clean
from deirquiz.pipeline import Options, review_for
from deirquiz.questions import load_templates
from deirquiz.reading.when import BLANK
from deirquiz.writers.anki import note_guid
from deirquiz.writers.markdown import escape

from .conftest import SEED, SHARED

ARTICLES = [SEED, SHARED / "battle-of-waterloo.md"]
NO_EDITOR = {"EDITOR": None, "VISUAL": None}
REWORDED = "Reworded by hand: "


def cli(*args: str, input: str | None = None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env={**NO_EDITOR, **(env or {})})


def review(article: Path, out: Path, keys: str, *more: str, env=None):
    return cli("review", str(article), "--out", str(out), "--depth", "full", *more,
               input=keys, env=env)  # fmt: skip


def generate(article: Path, out: Path, *more: str):
    result = cli("generate", str(article), "--out", str(out), "--depth", "full", "--jobs", "1",
                 "--format", "apkg", "--format", "md", "--format", "json",
                 "--format", "anki-csv", *more)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def deck(article: Path, seed: int = 2017):
    """The questions `review` walks through, in its order."""
    return review_for(article, load_templates(), Options(depth="full", seed=seed))[2]


def edits_path(article: Path, out: Path) -> Path:
    """Beside the outputs, named after the article."""
    slug = review_for(article, load_templates(), Options())[0].slug
    return out / f"{slug}.edits.yaml"


def edits_of(article: Path, out: Path) -> Edits:
    return editsfile.read(edits_path(article, out))


# --- what the written files hold ------------------------------------------------------------


def newest(out: Path, pattern: str) -> Path:
    """The file of the last run: each choice of questions has files of its own name."""
    return max(out.glob(pattern), key=lambda p: p.stat().st_mtime_ns)


def written_json(out: Path) -> dict[str, dict]:
    doc = json.loads(newest(out, "*.json").read_text(encoding="utf-8"))
    return {q["id"]: q for q in doc["questions"]}


def printed_prompts(out: Path) -> Counter:
    """The numbered questions of the printed quiz (before its answer key), as printed."""
    md = newest(out, "*.md").read_text(encoding="utf-8")
    found = re.findall(r"^\d+\. (.*)$", md.split("## Answer key")[0], re.MULTILINE)
    return Counter(re.sub(r"(?:\\_)+", "<gap>", p) for p in found)  # a gap's width varies


def as_printed(prompt: str) -> str:
    return "<gap>".join(escape(part) for part in prompt.split(BLANK))


def apkg_notes(out: Path) -> dict[str, str]:
    """guid -> first field, as stored in the package."""
    with zipfile.ZipFile(newest(out, "*.apkg")) as z:
        data = z.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    try:
        return {g: f.split("\x1f")[0] for g, f in conn.execute("SELECT guid, flds FROM notes")}
    finally:
        conn.close()


def csv_guids(out: Path) -> set[str]:
    lines = newest(out, "*-anki.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def _import(col: Collection, out: Path):
    path = newest(out, "*.apkg")
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path))).log


def _note(col: Collection, guid: str):
    (note,) = [n for n in map(col.get_note, col.find_notes("")) if n.guid == guid]
    return note


def _next_second() -> None:
    """Anki's default import updates a note only if the package's copy is newer (in seconds)."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.05)


# --- the acceptance test ------------------------------------------------------------


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_struck_and_reworded_questions_survive_regeneration(article, tmp_path):
    out = tmp_path / "decks"
    generate(article, out)  # the deck the class already studies
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        first = _import(col, out)
        notes_before = col.note_count()
        questions = deck(article)
        struck = [q.id for q in questions[:3]]  # the weightiest: any --count would take them
        target = questions[3]
        new_prompt = REWORDED + target.prompt
        keys = f"s\ns\ns\ne\np\n{new_prompt}\n\n\nq\n"
        result = review(article, out, keys)
        assert result.exit_code == 0, result.output

        edits = edits_of(article, out)
        assert edits.strike == tuple(struck)
        assert edits.edit[target.id].prompt == new_prompt
        on_disk = yaml.safe_load(edits_path(article, out).read_text(encoding="utf-8"))
        assert on_disk["strike"] == struck  # plain YAML, for any reader

        for more in (["--seed", "7", "--count", "all"], ["--seed", "11", "--count", "3"]):
            summary = generate(article, out, *more).output
            assert "4 applied (3 struck, 1 reworded)" in summary
            got = written_json(out)
            assert not set(struck) & set(got)
            assert printed_prompts(out) == Counter(as_printed(q["prompt"]) for q in got.values())
            guids = {note_guid(q) for q in questions[:3]}
            assert not guids & set(apkg_notes(out)) and not guids & csv_guids(out)
            if target.id in got:
                assert got[target.id]["prompt"] == new_prompt
        # the last run asked for 3: the reworded one is there under --count all
        generate(article, out, "--seed", "7", "--count", "all")
        assert written_json(out)[target.id]["prompt"] == new_prompt
        assert printed_prompts(out)[as_printed(new_prompt)] == 1
        guid = note_guid(target)
        assert apkg_notes(out)[guid].startswith(REWORDED)

        before = _note(col, guid)
        assert not before.fields[0].startswith(REWORDED)
        _next_second()
        generate(article, out, "--seed", "7", "--count", "all")
        log = _import(col, out)
        assert not log.new and col.note_count() == notes_before == len(first.new)
        after = _note(col, guid)
        assert after.id == before.id and after.fields[0].startswith(REWORDED)  # updated in place
    finally:
        col.close()


# --- review's keys ------------------------------------------------------------------------


def test_review_with_an_editor_saves_what_the_editor_wrote(tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\nopen(sys.argv[1], 'w', encoding='utf-8').write(os.environ['NEW_TEXT'])\n",
        encoding="utf-8",
    )
    first = deck(SEED)[0]
    new = REWORDED + first.prompt
    env = {"EDITOR": f'"{sys.executable}" "{editor}"', "NEW_TEXT": new + "\n"}
    result = review(SEED, tmp_path, "e\np\n\nq\n", env=env)
    assert result.exit_code == 0, result.output
    assert edits_of(SEED, tmp_path).edit[first.id] == Edit(prompt=new)


def test_an_option_and_the_answer_of_a_choice_are_rewritten_for_every_seed(tmp_path):
    questions = deck(SEED)
    at = next(i for i, q in enumerate(questions) if q.type == "mcq")
    q = questions[at]
    wrong = next(k for k in range(len(q.options)) if k not in q.correct)
    letter = "ABCD"[wrong]
    keys = "\n" * at + f"e\no\n{letter}\nA wrong option by hand\na\nThe right one by hand\n\nq\n"
    assert review(SEED, tmp_path, keys).exit_code == 0
    generate(SEED, tmp_path, "--seed", "3", "--count", "all")
    got = written_json(tmp_path)[q.id]
    assert got["answer"] == "The right one by hand"
    assert "A wrong option by hand" in got["options"]
    assert got["options"][got["correct"][0]] == got["answer"]
    assert len(got["options"]) == len(q.options)


def test_a_true_false_statement_keeps_its_truth_under_a_seed_that_makes_the_other(tmp_path):
    article = ARTICLES[1]
    questions = deck(article)
    at, q = next((i, q) for i, q in enumerate(questions) if q.type == "truefalse")
    other = next(
        seed
        for seed in range(1, 20)
        if {x.id: x for x in deck(article, seed)}[q.id].answer != q.answer
    )
    keys = "\n" * at + f"e\np\n{REWORDED + q.prompt}\n\nq\n"
    assert review(article, tmp_path, keys).exit_code == 0
    edit = edits_of(article, tmp_path).edit[q.id]
    assert (edit.prompt, edit.answer) == (REWORDED + q.prompt, q.answer)
    generate(article, tmp_path, "--seed", str(other), "--count", "all")
    got = written_json(tmp_path)[q.id]
    assert (got["prompt"], got["answer"]) == (REWORDED + q.prompt, q.answer)
    assert got["options"][got["correct"][0]] == q.answer


def test_back_goes_back_and_only_new_shows_the_undecided(tmp_path):
    questions = deck(SEED)
    assert review(SEED, tmp_path, "s\nb\nk\nk\nq\n").exit_code == 0
    edits = edits_of(SEED, tmp_path)
    assert edits.keep == (questions[0].id, questions[1].id) and not edits.strike
    result = review(SEED, tmp_path, "q\n", "--only-new")
    shown = re.findall(r"^id: (.*)$", result.output, re.MULTILINE)
    assert shown == [questions[2].id]
    assert f"1/{len(questions) - 2} " in result.output


def test_ctrl_c_mid_review_keeps_the_decisions_made(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in NO_EDITOR}
    proc = subprocess.Popen(
        [sys.executable, "-m", "deirquiz", "review", str(SEED), "--out", str(tmp_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write(b"s\nk\n")
    proc.stdin.flush()
    path = edits_path(SEED, tmp_path)
    deadline = time.monotonic() + 120  # a guard against a hang, not a timing
    while time.monotonic() < deadline:
        if path.exists() and editsfile.read(path).keep:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and b"Traceback" not in err
    edits = editsfile.read(path)
    assert len(edits.strike) == 1 and len(edits.keep) == 1
    assert not list(tmp_path.glob(".*.tmp"))


# --- the file by hand ---------------------------------------------------------------------


def test_a_failing_edit_and_vanished_ids_are_reported(tmp_path):
    q = next(q for q in deck(SEED) if q.type == "basic")
    (tmp_path / "mine.yaml").write_text(
        f"strike:\n- gone:question:id\nedit:\n  {q.id}:\n    prompt: {q.answer}, is it?\n",
        encoding="utf-8",
    )
    result = generate(SEED, tmp_path, "--edits", str(tmp_path / "mine.yaml"), "--count", "all")
    assert f"edit of {q.id} not used (the answer is in the prompt)" in result.output
    assert "1 no longer made" in result.output and "gone:question:id" in result.output
    assert written_json(tmp_path)[q.id]["prompt"] == q.prompt


def test_hostile_text_in_an_edit_stays_text(tmp_path):
    q = next(q for q in deck(SEED) if q.type == "basic")
    hostile = "<script>alert(1)</script> {{c1::x}} =SUM(A1) \\e]0;owned\\a\\e[31m"
    (tmp_path / "mine.yaml").write_text(
        f'edit:\n  {q.id}:\n    prompt: "{hostile} {q.prompt}"\n', encoding="utf-8"
    )
    result = cli("generate", str(SEED), "--out", str(tmp_path), "--edits",
                 str(tmp_path / "mine.yaml"), "--format", "html", "--format", "json",
                 "--count", "all", "--depth", "full", "--jobs", "1")  # fmt: skip
    assert result.exit_code == 0 and "1 reworded" in result.output
    prompt = written_json(tmp_path)[q.id]["prompt"]
    assert prompt.startswith("<script>") and not any(c in prompt for c in "\x1b\x07")
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


BROKEN = {
    "unclosed": "strike: [a, b\n",
    "a mapping": "strike: {a: b}\n",
    "a list": "- strike\n- keep\n",
    "a typo": "strik:\n- a\n",
    "a field": "edit:\n  some:id:\n    promt: x\n",
    "an alias": "keep: &k [a]\nstrike: *k\n",
    "not text": b"strike:\n- \xff\xfe\x00\n",
}


@pytest.mark.parametrize("command", ["generate", "review"])
@pytest.mark.parametrize("name", BROKEN)
def test_a_hand_broken_edits_file_is_one_error_line(name, command, tmp_path):
    path = edits_path(SEED, tmp_path)
    data = BROKEN[name]
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    result = cli(command, str(SEED), "--out", str(tmp_path), input="q\n")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {path}: ")
    assert path.read_bytes() == (data if isinstance(data, bytes) else data.encode())


def test_an_edits_folder_or_a_huge_file_is_refused(tmp_path):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    huge = tmp_path / "huge.yaml"
    huge.write_text("keep:\n" + "- x\n" * (editsfile.MAX_BYTES // 4 + 1), encoding="utf-8")
    for path in (folder, huge, tmp_path / "none.yaml"):
        result = cli("generate", str(SEED), "--out", str(tmp_path), "--edits", str(path))
        assert result.exit_code == 1 and result.stderr.startswith(f"Error: {path}: ")
        assert result.stderr.count("\n") == 1


def test_one_edits_file_for_several_articles_is_refused(tmp_path):
    (tmp_path / "e.yaml").write_text("keep: []\n", encoding="utf-8")
    result = cli("generate", str(SEED), str(ARTICLES[1]), "--out", str(tmp_path),
                 "--edits", str(tmp_path / "e.yaml"))  # fmt: skip
    assert result.exit_code == 1 and "--edits names one article's edits" in result.stderr


texts = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    ids=st.lists(texts.filter(lambda t: clean(t)), max_size=4, unique_by=clean),
    prompt=texts,
    options=st.lists(texts, min_size=1, max_size=4),
)
def test_the_file_reads_back_as_written(ids, prompt, options):
    ids = [clean(i) for i in ids]
    edit = Edit(prompt=clean(prompt), options=tuple(clean(o) for o in options))
    edits = Edits(keep=tuple(ids[:1]), strike=tuple(ids[1:2]), edit={i: edit for i in ids[2:]})
    text = editsfile.dump(edits, "A title: with # and ---", {i: i for i in ids})
    back = editsfile.parse(text, "here")
    assert (back.keep, back.strike, dict(back.edit)) == (edits.keep, edits.strike, edits.edit)
