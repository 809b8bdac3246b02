"""What a teacher meets in the first minutes: the help texts, the topic list, warnings on a
template that can never make a question, and a summary that says when --count asked for more
than the article gives."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deirquiz import cli
from deirquiz.cli import main
from deirquiz.questions import load_templates
from deirquiz.questions.lint import problems
from deirquiz.questions.templates import TYPES
from deirquiz.run import FORMATS

from .conftest import ARTICLES

GETTYSBURG = next((p for p in ARTICLES if p.stem == "battle-of-gettysburg"), ARTICLES[-1])


def run(args: list[str]):
    return CliRunner().invoke(main, args)


def questions_in(folder) -> list[dict]:
    (made,) = folder.glob("*.json")
    return json.loads(made.read_text(encoding="utf-8"))["questions"]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_help_texts_copies_agree_with_the_library():
    assert tuple(load_templates().topics) == cli.TOPICS
    assert cli.TYPES == TYPES
    assert cli.FORMATS == FORMATS


def test_generate_help_lists_topics_types_sources_and_paper():
    result = run(["generate", "--help"])
    assert result.exit_code == 0
    text = flat(result.output)
    for name in (*cli.TOPICS, *TYPES):
        assert name in text
    assert "SOURCE: article files (.md) or folders of them" in text
    assert "--paper [a4|letter] Paper size" in text


def test_the_command_list_is_not_cut_short():
    result = run(["--help"])
    commands = result.output.split("Commands:")[1]
    assert "printable quizzes and classroom files." in commands
    assert "..." not in commands and "…" not in commands


def test_topics_names_the_bundled_seed_not_its_place_in_the_package():
    result = run(["topics"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == "deir-ez-zor-offensive.md (the bundled seed article):"
    assert "site-packages" not in result.output and "/data/" not in result.output


def test_the_shipped_templates_can_all_make_questions():
    assert {t.id: problems(t) for t in load_templates().templates if problems(t)} == {}


NEVER = """\
templates:
  - id: tf-without-options
    topic: commanders
    about: commander
    answer: rank
    require: [rank]
    types:
      truefalse: "{name} held the rank of {value}."
  - id: cloze-without-blank
    topic: commanders
    about: commander
    answer: name
    types:
      cloze: "{name} was a commander."
  - id: answer-in-prompt
    topic: commanders
    about: commander
    answer: rank
    types:
      basic: "{name} was a {rank}: which rank was that?"
  - id: rules-itself-out
    topic: commanders
    about: commander
    require: [rank]
    absent: [rank]
    answer: rank
    types:
      basic: "Which rank did {name} hold?"
  - id: dates-of-a-commander
    topic: commanders
    about: commander
    answer: rank
    options: dates
    types:
      mcq: "Which rank did {name} hold?"
"""


def test_a_template_that_can_never_make_a_question_is_named_with_why(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(NEVER, encoding="utf-8")
    plain, warned = tmp_path / "plain", tmp_path / "warned"
    base = ["generate", str(GETTYSBURG), "--format", "json", "-q"]
    assert run([*base, "--out", str(plain)]).exit_code == 0
    result = run([*base, "--out", str(warned), "--templates", str(mine)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    for tid, why in [
        ("tf-without-options", "no false value"),
        ("cloze-without-blank", "no blank"),
        ("answer-in-prompt", "shows its own answer, {rank}"),
        ("rules-itself-out", "both requires and rules out rank"),
        ("dates-of-a-commander", "'options: dates'"),
    ]:
        line = next((x for x in lines if f"template {tid!r}" in x), "")
        assert line.startswith(f"Warning: {mine}: template {tid!r}: ") and why in line, lines
        assert "can never make a question" in line
    assert questions_in(plain) == questions_in(warned)  # a warning only: the questions stay


def test_a_template_that_would_crash_the_run_is_refused_in_one_line(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "templates:\n  - id: commander-order\n    topic: commanders\n    about: commander\n"
        '    types:\n      order: "Put these in order."\n',
        encoding="utf-8",
    )
    result = run(["generate", str(GETTYSBURG), "--templates", str(mine), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {mine}: template 'commander-order': an 'order' ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("depth", ["core", "full"])
def test_count_above_what_the_article_gives_says_so(tmp_path, depth):
    args = ["generate", str(GETTYSBURG), "--count", "1000", "--depth", depth, "--format", "json"]
    result = run([*args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    n = len(questions_in(tmp_path))
    assert n < 1000
    assert f"--count 1000: only {n} could be chosen" in result.output
    assert ("--depth full adds the details" in result.output) == (depth == "core")


def test_count_within_what_the_article_gives_says_nothing_more(tmp_path):
    result = run(["generate", str(GETTYSBURG), "--count", "3", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "could be chosen" not in result.output


def test_the_main_use_on_the_seed_writes_its_commanders_and_counts_them_in_english(tmp_path):
    """`deirquiz generate --topic commanders` is the first thing a teacher tries."""
    result = run(["generate", "--topic", "commanders", "--format", "json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    made = questions_in(tmp_path)
    assert made and {q["topic"] for q in made} == {"commanders"}
    n = len(made)
    noun = "question" if n == 1 else "questions"
    assert f": {n} {noun} (commanders {n})" in result.output
