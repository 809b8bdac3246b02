"""The ready-made files in decks/ are what deirquiz makes today: regenerate them when output changes
(`deirquiz generate --format apkg --format md --format json --format html --format pdf`)."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from deirquiz.cli import main

from .conftest import ROOT

DECKS = ROOT / "decks"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("fresh")
    result = CliRunner().invoke(
        main, ["generate", "--format", "md", "--format", "json", "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    return out


def staged(name: str) -> bytes | None:
    """decks/NAME as git's index holds it (what the next commit ships), or None outside a
    checkout."""
    try:
        got = subprocess.run(["git", "-C", str(ROOT), "show", f":decks/{name}"],
                             capture_output=True, check=False)  # fmt: skip
    except OSError:
        return None
    return got.stdout if got.returncode == 0 else None


@pytest.mark.parametrize("suffix", [".md", ".json"])
def test_committed_quiz_equals_a_fresh_generation(fresh, suffix):
    """The shipped decks/ is what deirquiz makes today: the file as it stands, or, where a user
    has written over it (the README's usage examples write into decks/), as git holds it."""
    made = sorted(fresh.glob(f"*{suffix}"))
    assert made, "nothing generated"
    for path in made:
        committed = DECKS / path.name
        assert committed.is_file() or staged(path.name), f"decks/{path.name} is missing"
        if committed.is_file() and committed.read_bytes() == path.read_bytes():
            continue
        assert staged(path.name) == path.read_bytes(), f"decks/{path.name} is stale"


def test_committed_deck_is_there_to_download():
    assert list(DECKS.glob("*.apkg")) and list(DECKS.glob("*.pdf"))
