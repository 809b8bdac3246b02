"""The rules every question passes before anyone sees it. A question that fails is not made."""

from __future__ import annotations

import re

from ..model import BLANK, Question
from .options import normal

_UNDERSCORES = re.compile(r"_{3,}")
_RELATIVE = re.compile(
    r"\b(?:the (?:next|following|previous|preceding|same) day|a day (?:later|earlier)|"
    r"that (?:day|night|evening|morning)|days? later|the day (?:before|after))\b",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(?:they|it|its|their|he|she|this|these|those|him|them)\b", re.I)
_UNKNOWN = {"unknown", "n a", "none"}
_DAY_MONTH = re.compile(
    r"\b(?:\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?! \d{3,4})|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{1,2}(?!\d|,? \d{3,4}|–\d))\b"
)
_ADMIN = re.compile(r"\b(?:District|Governorate|Province|Region|County|Municipality)\b")


def _shown(text: str) -> str:
    return f" {normal(text.replace(BLANK, ' '))} "


def _choice_problems(q: Question) -> list[str]:
    out = []
    n = len(q.options)
    if (q.type == "mcq" and n not in (3, 4)) or (q.type == "order" and n != 4):
        out.append("wrong number of options")
    if len({normal(o) for o in q.options}) != n:
        out.append("options repeat")
    if q.type == "mcq":
        for i, a in enumerate(q.options):
            for b in q.options[i + 1 :]:
                if f" {normal(a)} " in f" {normal(b)} " or f" {normal(b)} " in f" {normal(a)} ":
                    out.append("an option is a variant of another")
        if any(f" {normal(o)} " in _shown(q.prompt) for o in q.options):
            out.append("an option stands in the prompt")
        if len(q.correct) != 1 or q.options[q.correct[0]] != q.answer:
            out.append("the marked option is not the answer")
    if q.type == "order" and sorted(q.correct) != list(range(n)):
        out.append("the order is not a permutation")
    return out


def problems(q: Question) -> list[str]:
    """What is wrong with a question; empty when it may be kept."""
    out: list[str] = []
    text = q.prompt
    if not text.strip() or not q.answer.strip():
        out.append("empty prompt or answer")
    if normal(q.answer) in _UNKNOWN or any(normal(o) in _UNKNOWN for o in q.options):
        out.append("'Unknown' is no answer")
    if _PRONOUN_START.match(text):
        out.append("starts with a pronoun")
    if q.type not in ("truefalse", "order"):
        if normal(q.answer) and f" {normal(q.answer)} " in _shown(text):
            out.append("the answer is in the prompt")
        head = normal(_ADMIN.sub("", q.answer.split(",")[0]))
        if "," in q.answer and len(head) >= 4 and f" {head} " in _shown(text):
            out.append("the answer's first part is in the prompt")
    runs = _UNDERSCORES.findall(text)
    if q.type == "cloze" and runs != [BLANK]:
        out.append("a cloze needs exactly one blank")
    elif q.type != "cloze" and runs and runs != [BLANK]:
        out.append("underscores that are not our one blank")
    if q.type in ("mcq", "order"):
        out += _choice_problems(q)
    if q.type == "truefalse" and q.answer not in ("True", "False"):
        out.append("true/false answers True or False")
    if re.search(rf"{BLANK}\s*(?:and|–|-|to)\s*\d", text):
        out.append("the blank is half of a range")
    if _RELATIVE.search(text):
        out.append("a relative date")
    if _DAY_MONTH.search(text) or any(_DAY_MONTH.search(o) for o in q.options):
        out.append("a day without its year")
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        out.append("unbalanced brackets or quotes")
    return out
