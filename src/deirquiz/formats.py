"""The classroom-platform formats: each ``--format`` name, its writer module (in ``writers/``)
and the file name it writes after the quiz's slug. Importing this is cheap; a writer (and its
libraries) loads only when its format is asked for.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence

from .model import Quiz

PLATFORMS: dict[str, tuple[str, str]] = {
    "moodle": ("moodle", "-moodle.xml"),
    "gift": ("gift", "-gift.txt"),
    "qti": ("qti", "-qti.zip"),
    "kahoot": ("kahoot", "-kahoot.xlsx"),
    "quizlet": ("quizlet", "-quizlet.txt"),
    "blooket": ("blooket", "-blooket.csv"),
    "anki-csv": ("anki_csv", "-anki.txt"),
}


def render(quiz: Quiz, formats: Sequence[str], stem: str = "",
           type_in: bool = False) -> tuple[dict[str, bytes], list[str]]:  # fmt: skip
    """The quiz's file for each platform format asked for, named after ``stem`` (default: the
    quiz's slug), and a summary line for each format that had to leave questions out.
    ``type_in``: Anki's text import names the type-in note type where the .apkg uses it."""
    files: dict[str, bytes] = {}
    notes: list[str] = []
    for name, (module, suffix) in PLATFORMS.items():
        if name not in formats:
            continue
        writer = importlib.import_module(f".writers.{module}", __package__)
        extra = {"type_in": True} if type_in and name == "anki-csv" else {}  # its note types
        data, left_out = writer.render(quiz, **extra)
        files[(stem or quiz.slug) + suffix] = data
        if left_out:
            notes.append(describe(name, left_out))
    return files, notes


def describe(name: str, left_out: list[tuple[str, str]]) -> str:
    """'kahoot: left out 30 cloze, 7 basic (Kahoot has no such question type); 53 mcq (...)'"""
    by_reason: dict[str, Counter] = {}
    for qtype, why in left_out:
        by_reason.setdefault(why, Counter())[qtype] += 1
    parts = [
        ", ".join(f"{n} {qtype}" for qtype, n in types.items()) + f" ({why})"
        for why, types in by_reason.items()
    ]
    total = len(left_out)
    noun = "question" if total == 1 else "questions"
    return f"{name}: left out {total} {noun}: " + "; ".join(parts)
