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
    out: list[str] = []
    _pretty(doc, "\n", out)
    return "".join(out) + "\n"


_string = json.encoder.encode_basestring  # the C one where there is one: no ASCII escaping
_other = json.JSONEncoder().encode


def _pretty(value, newline: str, out: list[str]) -> None:
    """json.dumps(value, ensure_ascii=False, indent=2), byte for byte, at a fraction of its
    cost: given an indent, json falls back to its pure-Python encoder. (A test compares them.)"""
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for k, v in value.items():
            out.append(sep + _string(str(k)) + ": ")
            _pretty(v, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for v in value:
            out.append(sep)
            _pretty(v, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:
        out.append(_other(value))
