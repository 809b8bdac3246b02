"""Shared fixtures: the real seed and the real shared articles, never stand-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "deir-ez-zor-offensive.md"
# ../shared/articles where the team's checkout has it (CI does), else the copies kept here, so a
# clone on its own runs every test too
SHARED = ROOT.parent / "shared" / "articles"
if not SHARED.is_dir():
    SHARED = ROOT / "tests" / "articles"
ARTICLES = sorted(SHARED.glob("*.md")) if SHARED.is_dir() else []
ALL = [SEED, *ARTICLES]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_extraction():
    from deirquiz.extraction import extract_file

    return extract_file(SEED)


@pytest.fixture(scope="session")
def templates():
    from deirquiz.questions import load_templates

    return load_templates()


@pytest.fixture(scope="session")
def seed_questions(seed_extraction, templates):
    from deirquiz.questions import generate
    from deirquiz.reading import read

    return generate(read(seed_extraction), templates, seed=2017)


@pytest.fixture(scope="session")
def seed_quiz(templates):
    from deirquiz.pipeline import Options, quiz_for

    return quiz_for(SEED, templates, Options())


@pytest.fixture(scope="session")
def article_quizzes(templates):
    """Every article we have (seed and shared), as full quizzes."""
    from deirquiz.pipeline import Options, quiz_for

    return [quiz_for(p, templates, Options()) for p in ALL]
