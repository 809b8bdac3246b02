"""Who 'he' is: a dated sentence that opens on a pronoun ("He reached Saratoga only on the
evening of October 9") is told of the one commander the sentence before it, in the same
paragraph, names as its subject ("On the night of October 8 Burgoyne abandoned his lines").
Where that sentence names none, or more than one, or names him only as an object ("under
Burgoyne", "Burgoyne's army"), the pronoun stays and the sentence stays off the cards."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from ..model import Article, Commander, Fact
from ..model import Event as Dated
from ..sentences import split_sentences
from . import names
from .context import Context
from .standalone import leading_pronoun

_SUBJECT_PRONOUNS = {"he": "", "she": "", "his": "'s"}
# a name after these words is an object or a place in the sentence, not who acts next
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:under|by|of|to|with|against|from|at|for|on|toward|towards|than|and|or|joined|"
    r"met|replaced|relieved|succeeded|attacked|defeated)|[,;(])\s+(?:[A-Z][\w.'’-]*\s+){0,4}$"
)


def previous_sentences(article: Article) -> dict[str, str]:
    """Each sentence of the body, with the one before it in its paragraph."""
    out: dict[str, str] = {}
    for _, para in article.paragraphs:
        sentences = split_sentences(para)
        for before, sentence in pairwise(sentences):
            out.setdefault(sentence, before)
    return out


def named(
    dated: Iterable[Dated], facts: Iterable[Fact], article: Article, ctx: Context
) -> tuple[dict[str, str], list[Dated]]:
    """The statements with a leading pronoun named, and the sentence each was told in."""
    from dataclasses import replace

    people = [f.name for f in facts if isinstance(f, Commander)]
    form_map = ctx.forms(people) if people else {}
    before = previous_sentences(article) if form_map else {}
    said: dict[str, str] = {}
    out = []
    for e in dated:
        previous = before.get(e.text)
        name = _antecedent(e.text, previous, form_map, ctx) if previous else None
        if name:
            text = _name_pronoun(e.text, name, ctx)
            if text:
                clause = _name_pronoun(e.clause, name, ctx) if e.clause else None
                said[text] = e.text
                e = replace(e, text=text, clause=clause or e.clause)
        out.append(e)
    return said, out


def _antecedent(sentence: str, previous: str, form_map: dict[str, str], ctx: Context) -> str:
    """The name, as the previous sentence writes it, that the sentence's pronoun stands for."""
    pronoun = leading_pronoun(sentence, ctx.known)
    if pronoun.lower() not in _SUBJECT_PRONOUNS or names.find(sentence, form_map):
        return ""
    found = names.find(previous, form_map)
    if len({full for _, full in found}) != 1:
        return ""
    at = found[0][0]
    if re.match(r"['’]s?\b", previous[at.end :]) or _OBJECT_BEFORE.search(previous[: at.start]):
        return ""
    return at.form


def _name_pronoun(text: str, name: str, ctx: Context) -> str:
    """The text with its first pronoun, told before any name, written as the name."""
    pronoun = leading_pronoun(text, ctx.known)
    ending = _SUBJECT_PRONOUNS.get(pronoun.lower())
    if ending is None:
        return ""
    m = re.search(rf"\b{pronoun}\b", text)
    if not m:
        return ""
    return f"{text[: m.start()]}{name}{ending}{text[m.end() :]}"
