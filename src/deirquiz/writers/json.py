"""Machine-readable export: one JSON document per quiz, stable key order and bytes."""

from __future__ import annotations

import json

from ..model import Quiz


def render(quiz: Quiz) -> str:
    doc = {
        "title": quiz.title,
        "source": quiz.source,
        "url": quiz.url,
        "seed": quiz.seed,
        "license": "Text from Wikipedia, CC BY-SA 4.0",
        "questions": [q.to_dict() for q in quiz.questions],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
