"""One name, one set: every file a run writes under a stem holds the same questions, and a run
that chooses other questions writes under a stem of its own, leaving the other set whole."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from deirquiz.cli import main
from deirquiz.fileset import selection
from deirquiz.pipeline import Options

from .conftest import ARTICLES

GETTYSBURG = next((p for p in ARTICLES if p.stem == "battle-of-gettysburg"), ARTICLES[-1])


def generate(out, *args: str):
    result = CliRunner().invoke(main, ["generate", str(GETTYSBURG), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result


def snapshot(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def numbers(md: str) -> int:
    body = md.split("\n## Answer key")[0]
    return len(re.findall(r"^\d+\. ", body, re.M))


@pytest.mark.parametrize(
    ("opts", "name"),
    [
        (Options(), ""),
        (Options(topics=("commanders",)), "commanders"),
        (Options(topics=("timeline", "commanders"), types=("mcq",)), "commanders-timeline-mcq"),
        (Options(count=20), "20q"),
        (Options(whole_sheet=True), "all"),
        (Options(depth="full", seed=5), "full-seed5"),
    ],
)
def test_a_selection_is_named_after_what_it_chose(opts, name):
    assert selection(opts) == name


def test_a_selection_leaves_the_full_set_whole_and_takes_its_own_name(tmp_path):
    generate(tmp_path, "--format", "md", "--format", "json", "--format", "html", "--format", "pdf")
    full = snapshot(tmp_path)
    result = generate(tmp_path, "--topic", "commanders", "--format", "md", "--format", "json")
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k in full} == full  # the full set untouched
    new = sorted(set(after) - set(full))
    assert new == ["battle-of-gettysburg-commanders.json", "battle-of-gettysburg-commanders.md"]
    assert "named after this selection (…-commanders.*)" in result.output
    topics = {q["topic"] for q in json.loads(after[new[0]])["questions"]}
    assert topics == {"commanders"}


def test_each_stem_holds_one_set_across_its_formats(tmp_path):
    generate(tmp_path, "--count", "5", "--format", "md", "--format", "json")
    generate(tmp_path, "--count", "8", "--format", "md", "--format", "json")
    for n in (5, 8):
        stem = f"battle-of-gettysburg-{n}q"
        data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
        md = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
        assert len(data["questions"]) == numbers(md) <= n
