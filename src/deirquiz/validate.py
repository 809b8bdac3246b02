"""The rules every question passes before anyone sees it. A question that fails is not made."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import RELATIVE_WORDS
from .model import Question

_UNDERSCORES = re.compile(r"_{3,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_DATE_WITH_YEAR = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b")
_DAY_MONTH = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)
_PRONOUN_START = re.compile(r"^(?:they|it|its|their|he|she|this|these|those)\b", re.IGNORECASE)
_UNKNOWN = {"unknown", "n/a", "none", "?"}
_ADMIN = re.compile(r"\b(?:District|Governorate|Province|Region|County|Municipality)\b")


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1024)  # an article's prompts and options, normalised again and again
def _norm(s: str) -> str:
    return _NON_WORD.sub(" ", s.casefold()).strip()


def problems(q: Question) -> list[str]:
    """What is wrong with a question; empty when it may be kept."""
    out: list[str] = []
    text = q.prompt
    if not text.strip() or not q.answer.strip():
        out.append("empty prompt or answer")
    if _PLACEHOLDER.search(text) or _PLACEHOLDER.search(q.answer):
        out.append("unfilled placeholder")
    if _norm(q.answer) in _UNKNOWN or any(_norm(o) in _UNKNOWN for o in q.options):
        out.append("'Unknown' is no answer")
    if _PRONOUN_START.match(text) and not re.match(r"it was (?:reported|announced)", text, re.I):
        out.append("starts with a pronoun")
    if q.type != "truefalse" and q.type != "order":
        visible = f" {_norm(text.replace('_____', ' '))} "
        if _norm(q.answer) and f" {_norm(q.answer)} " in visible:
            out.append("the answer is in the prompt")
        # "Where did the Deir ez-Zor offensive take place?" -> "Deir ez-Zor, ...": the answer's
        # head, less words like "District", stands in the prompt
        head = _norm(_ADMIN.sub("", q.answer.split(",")[0]))
        if "," in q.answer and len(head) >= 4 and f" {head} " in visible:
            out.append("the answer's first part is in the prompt")
    # runs of underscores: exactly our one blank in a cloze (or a fill-in mcq), none elsewhere,
    # so "___" written in an article can never pass for a blank
    runs = _UNDERSCORES.findall(text)
    if q.type == "cloze" and runs != ["_____"]:
        out.append("a cloze needs exactly one blank")
    elif q.type != "cloze" and runs and runs != ["_____"]:
        out.append("underscores that are not our one blank")
    if q.type in ("mcq", "order"):
        if len(q.options) != 4:
            out.append("needs four options")
        if len({_norm(o) for o in q.options}) != len(q.options):
            out.append("options repeat")
        for i, a in enumerate(q.options):
            for b in q.options[i + 1 :]:
                na, nb = f" {_norm(a)} ", f" {_norm(b)} "
                if q.type == "mcq" and (na in nb or nb in na):
                    out.append("an option is a variant of another")
    if q.type == "mcq":
        visible = f" {_norm(text.replace('_____', ' '))} "
        if any(f" {_norm(o)} " in visible for o in q.options if o != q.answer):
            out.append("an option stands in the prompt")
        if len(q.correct) != 1 or q.options[q.correct[0]] != q.answer:
            out.append("the marked option is not the answer")
        if sum(1 for o in q.options if _norm(o) == _norm(q.answer)) != 1:
            out.append("the answer is not among the options exactly once")
    if q.type == "order" and sorted(q.correct) != [0, 1, 2, 3]:
        out.append("the order is not a permutation")
    if q.type == "truefalse" and q.answer not in ("True", "False"):
        out.append("true/false answers True or False")
    rel = RELATIVE_WORDS.search(text)
    if rel:
        first = _DATE_WITH_YEAR.search(text)
        if not first or first.start() > rel.start():
            out.append("a relative date without its day")
    days = _DAY_MONTH.search(text)
    if days and not _DATE_WITH_YEAR.search(text) and not re.search(r"\b\d{4}\b", text):
        out.append("a date without its year")
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        out.append("unbalanced brackets or quotes")
    return out
