"""Moodle XML for Moodle's question bank (Question bank → Import → Moodle XML format).

One category per topic under the quiz's title; multiple choice as ``multichoice`` (one right
answer, shuffled by Moodle), true/false as ``truefalse``, basic and cloze questions as
``shortanswer`` (the blank stays in the text), orderings as Moodle's ``ordering`` type (standard
since Moodle 4.4; items listed in the right order, Moodle shuffles them). The quote and credit are
each question's general feedback. Texts are HTML with the article's text escaped; short answers
are plain text, where Moodle reads ``*`` as a wildcard, so it is written ``\\*``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Question, Quiz
from .platform import (
    LeftOut,
    by_topic,
    check_choice,
    check_order,
    feedback_html,
    heading,
    html,
    plain,
    short_name,
    statement,
    unknown_type,
)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = value
    return el


def _category(root: ET.Element, path: list[str]) -> None:
    q = ET.SubElement(root, "question", type="category")
    # Moodle splits a category path on "/", and reads "//" as a "/" inside a name
    names = ["$course$", "top", *(category_part(p) for p in path)]
    _text(q, "category", "/".join(names), None)


def category_part(name: str) -> str:
    """One name of a category path, as Moodle's own export writes it: "/" doubled, and a space
    where a name would start or end with one (Moodle trims it again)."""
    part = plain(name).replace("/", "//") or "-"
    return (" " if part.startswith("/") else "") + part + (" " if part.endswith("/") else "")


def _answer(parent: ET.Element, fraction: int, value: str, fmt: str = "html") -> None:
    a = ET.SubElement(parent, "answer", fraction=str(fraction), format=fmt)
    ET.SubElement(a, "text").text = value
    _text(a, "feedback", "")


def _head(root: ET.Element, q: Question, quiz: Quiz, qtype: str, text: str) -> ET.Element:
    el = ET.SubElement(root, "question", type=qtype)
    _text(el, "name", short_name(q.prompt), None)
    _text(el, "questiontext", text)
    _text(el, "generalfeedback", feedback_html(q, quiz))
    ET.SubElement(el, "defaultgrade").text = "1"
    ET.SubElement(el, "hidden").text = "0"
    return el


def _multichoice(root: ET.Element, q: Question, quiz: Quiz) -> None:
    check_choice(q)
    el = _head(root, q, quiz, "multichoice", html(q.prompt))
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "single").text = "true"
    ET.SubElement(el, "shuffleanswers").text = "1"
    ET.SubElement(el, "answernumbering").text = "abc"
    for i, option in enumerate(q.options):
        _answer(el, 100 if i in q.correct else 0, html(option))


def _truefalse(root: ET.Element, q: Question, quiz: Quiz) -> None:
    el = _head(root, q, quiz, "truefalse", html(statement(q)))
    ET.SubElement(el, "penalty").text = "1"
    right = q.answer.strip().lower() == "true"
    _answer(el, 100 if right else 0, "true", "moodle_auto_format")
    _answer(el, 0 if right else 100, "false", "moodle_auto_format")


def _shortanswer(root: ET.Element, q: Question, quiz: Quiz) -> None:
    el = _head(root, q, quiz, "shortanswer", html(q.prompt))
    ET.SubElement(el, "penalty").text = "0.3333333"
    ET.SubElement(el, "usecase").text = "0"
    answer = plain(q.answer).replace("*", "\\*")  # a literal asterisk, not a wildcard
    _answer(el, 100, answer, "moodle_auto_format")


def _ordering(root: ET.Element, q: Question, quiz: Quiz) -> None:
    check_order(q)
    el = _head(root, q, quiz, "ordering", html(q.prompt))
    ET.SubElement(el, "penalty").text = "0.3333333"
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"),
                       ("selectcount", str(len(q.options))), ("gradingtype", "ABSOLUTE_POSITION"),
                       ("showgrading", "SHOW"), ("numberingstyle", "none")):  # fmt: skip
        ET.SubElement(el, tag).text = value
    for position, i in enumerate(q.correct, 1):  # the right order; Moodle shuffles
        a = ET.SubElement(el, "answer", fraction=f"{position}.0000000", format="html")
        ET.SubElement(a, "text").text = html(q.options[i])


_WRITERS = {
    "mcq": _multichoice,
    "truefalse": _truefalse,
    "basic": _shortanswer,
    "cloze": _shortanswer,
    "order": _ordering,
}


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    root = ET.Element("quiz")
    root.append(ET.Comment(" made by deirquiz; text from Wikipedia, CC BY-SA 4.0 "))
    for topic, questions in by_topic(quiz):
        _category(root, [quiz.title, heading(quiz, topic)])
        for q in questions:
            if q.type not in _WRITERS:
                raise unknown_type(q)
            _WRITERS[q.type](root, q, quiz)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n", []
