"""IMS QTI 1.2 in a content package (.zip with imsmanifest.xml), as Canvas imports it (Settings →
Import Course Content → QTI .zip file); Blackboard and D2L read the same package.

Multiple choice, true/false and short answer (basic and cloze questions: a fill-in answer, the
blank kept in the text) as Canvas's own export writes them, with Canvas's ``question_type`` in
each item's metadata. Canvas has no ordering type: an ordering becomes a matching question, each
event matched to its place (1 = first), a share of the points per right place. Texts are HTML
with the article's text escaped; the quote and credit are each item's general feedback.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from ..model import Question, Quiz
from .platform import (
    LeftOut,
    check_choice,
    check_order,
    feedback_html,
    html,
    plain,
    questions,
    short_name,
    statement,
    unknown_type,
    zip_bytes,
)

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
ASSESSMENT = "assessment.xml"
_CANVAS_TYPES = {
    "mcq": "multiple_choice_question",
    "truefalse": "true_false_question",
    "basic": "short_answer_question",
    "cloze": "short_answer_question",
    "order": "matching_question",
}


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    el.text = text
    return el


def _material(parent: ET.Element, text: str, texttype: str = "text/html") -> None:
    _el(_el(parent, "material"), "mattext", text, texttype=texttype)


def ident(*parts: str) -> str:
    """A stable identifier: the same question gets the same one in every export."""
    return "dq" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _metadata(item: ET.Element, q: Question) -> None:
    meta = _el(_el(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", _CANVAS_TYPES[q.type]), ("points_possible", "1.0")):
        field = _el(meta, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _choices(pres: ET.Element, rid: str, labels: list[tuple[str, str]], html_text: bool) -> None:
    choice = _el(_el(pres, "response_lid", ident=rid, rcardinality="Single"), "render_choice")
    for lid, text in labels:
        _material(
            _el(choice, "response_label", ident=lid),
            text,
            "text/html" if html_text else "text/plain",
        )


def _processing(item: ET.Element, scores: list[tuple[str, str, str, str]]) -> None:
    """Response processing: general feedback shown always, then (respident, value, action, score)."""
    proc = _el(item, "resprocessing")
    _el(
        _el(proc, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    always = _el(proc, "respcondition", **{"continue": "Yes"})
    _el(_el(always, "conditionvar"), "other")
    _el(always, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for respident, value, action, score in scores:
        cond = _el(proc, "respcondition", **{"continue": "No" if action == "Set" else "Yes"})
        _el(_el(cond, "conditionvar"), "varequal", value, respident=respident)
        _el(cond, "setvar", score, action=action, varname="SCORE")


def _item(section: ET.Element, q: Question, quiz: Quiz) -> None:
    iid = ident(q.id)
    item = _el(section, "item", ident=iid, title=short_name(q.prompt))
    _metadata(item, q)
    pres = _el(item, "presentation")
    scores: list[tuple[str, str, str, str]]
    if q.type == "mcq":
        check_choice(q)
        _material(pres, html(q.prompt))
        labels = [(f"{iid}_{i}", html(o)) for i, o in enumerate(q.options)]
        _choices(pres, "response1", labels, True)
        scores = [("response1", labels[q.correct[0]][0], "Set", "100")]
    elif q.type == "truefalse":
        _material(pres, html(statement(q)))
        right = "true" if q.answer.strip().lower() == "true" else "false"
        _choices(pres, "response1", [(f"{iid}_true", "True"), (f"{iid}_false", "False")], True)
        scores = [("response1", f"{iid}_{right}", "Set", "100")]
    elif q.type in ("basic", "cloze"):
        _material(pres, html(q.prompt))
        fib = _el(_el(pres, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        _el(fib, "response_label", ident="answer1", rshuffle="No")
        scores = [("response1", plain(q.answer), "Set", "100")]
    else:
        scores = _matching(pres, q, iid)
    _processing(item, scores)
    feedback = _el(item, "itemfeedback", ident="general_fb")
    _material(_el(feedback, "flow_mat"), feedback_html(q, quiz))


def _matching(pres: ET.Element, q: Question, iid: str) -> list[tuple[str, str, str, str]]:
    """An ordering as matching: each event (left) to its place (right), points per right place."""
    check_order(q)
    n = len(q.options)
    _material(
        pres,
        html(q.prompt)
        + f"<p>Match each event to its place in time: 1 is the first, {n} the last.</p>",
    )
    places = [(f"{iid}_p{k}", str(k)) for k in range(1, n + 1)]
    place_of = {option: k for k, option in enumerate(q.correct)}
    scores = []
    share = f"{100 / n:.2f}"
    for i, option in enumerate(q.options):
        rid = f"response_{i + 1}"
        lid = _el(pres, "response_lid", ident=rid, rcardinality="Single")
        _material(lid, plain(option), "text/plain")
        choice = _el(lid, "render_choice")
        for pid, label in places:
            _material(_el(choice, "response_label", ident=pid), label, "text/plain")
        scores.append((rid, places[place_of[i]][0], "Add", share))
    return scores


def assessment(quiz: Quiz) -> bytes:
    root = ET.Element("questestinterop", xmlns=NS)
    test = _el(root, "assessment", ident=ident("assessment", quiz.slug), title=plain(quiz.title))
    field = _el(_el(test, "qtimetadata"), "qtimetadatafield")
    _el(field, "fieldlabel", "cc_maxattempts")
    _el(field, "fieldentry", "1")
    section = _el(test, "section", ident="root_section")
    for q in questions(quiz):
        if q.type not in _CANVAS_TYPES:
            raise unknown_type(q)
        _item(section, q, quiz)
    return _xml(root)


def manifest(quiz: Quiz) -> bytes:
    def el(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
        return ET.SubElement(parent, tag, attrs)

    root = ET.Element("manifest", identifier=ident("manifest", quiz.slug), xmlns=CP_NS)
    meta = el(root, "metadata")
    el(meta, "schema").text = "IMS Content"
    el(meta, "schemaversion").text = "1.1.3"
    el(root, "organizations")
    res = el(el(root, "resources"), "resource", identifier=ident("assessment", quiz.slug) + "_r",
             type="imsqti_xmlv1p2", href=ASSESSMENT)  # fmt: skip
    el(res, "file", href=ASSESSMENT)
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    return zip_bytes([("imsmanifest.xml", manifest(quiz)), (ASSESSMENT, assessment(quiz))]), []
