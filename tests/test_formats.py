"""The classroom-platform files, read back as each platform reads them, for the seed and every
shared article through the real pipeline: every question that fits the platform is there with its
structure, the right answer is the one marked, and what is left out is counted.

The checks hold for whatever questions the pipeline makes: each file is compared with the quiz it
was written from, never with fixed wording.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from lxml import etree

from deirquiz.pipeline import Options, quiz_for
from deirquiz.writers import gift, moodle, qti
from deirquiz.writers.platform import plain, questions

from . import gift_reader
from .conftest import ALL


class _Shown(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "br", "div", "blockquote", "li"):
            self.chunks.append(" ")

    def handle_data(self, data):
        self.chunks.append(data)


def shown(markup: str) -> str:
    """What a browser shows of some HTML, whitespace collapsed."""
    return " ".join("".join(_Shown(markup).chunks).split())


def statement(prompt: str) -> str:
    return re.sub(r"^\s*true\s+or\s+false\s*[:?]\s*", "", prompt, flags=re.I)


def text_of(q) -> str:
    """What a platform should show as the question: the prompt (a true/false one without its
    'True or false:', which the platform says itself)."""
    return plain(statement(q.prompt) if q.type == "truefalse" else q.prompt)


def right_order(q) -> list[str]:
    return [plain(q.options[i]) for i in q.correct]


class Expected:
    """The quiz's questions, looked up by (type, shown text): a file holds them in its own
    order, and two questions may share a text (then they are taken in turn)."""

    def __init__(self, quiz, types=None) -> None:
        self.left: dict[tuple[str, str], list] = defaultdict(list)
        for q in questions(quiz):
            if types is None or q.type in types:
                self.left[(q.type, text_of(q))].append(q)

    def take(self, types: tuple[str, ...], text: str):
        for t in types:
            if self.left.get((t, text)):
                return self.left[(t, text)].pop(0)
        raise AssertionError(f"no {types} question shows {text!r}")

    def remaining(self) -> list:
        return [q for qs in self.left.values() for q in qs]


@pytest.fixture(scope="module", params=ALL, ids=[p.stem for p in ALL])
def quiz(request, templates):
    return quiz_for(request.param, templates, Options())


# --- Moodle XML -------------------------------------------------------------------------------


def test_moodle_xml_holds_every_question_with_its_right_answer_marked(quiz):
    data, left_out = moodle.render(quiz)
    assert left_out == []
    root = etree.fromstring(data)
    assert root.tag == "quiz"
    expected = Expected(quiz)
    category = None
    for el in root.iter("question"):
        kind = el.get("type")
        if kind == "category":
            category = el.findtext("category/text")
            continue
        assert category and category.startswith(f"$course$/top/{plain(quiz.title)}/")
        assert el.find("questiontext").get("format") == "html"
        assert 0 < len(el.findtext("name/text")) <= 255
        _check_moodle(el, kind, expected)
    assert expected.remaining() == []


def _check_moodle(el, kind: str, expected: Expected) -> None:
    text = shown(el.findtext("questiontext/text"))
    answers = [(a.findtext("text"), float(a.get("fraction"))) for a in el.findall("answer")]
    if kind == "multichoice":
        q = expected.take(("mcq",), text)
        assert el.findtext("single") == "true" and el.findtext("shuffleanswers") == "1"
        assert [shown(t) for t, _ in answers] == [plain(o) for o in q.options]
        assert [shown(t) for t, f in answers if f == 100] == [plain(q.options[q.correct[0]])]
        assert all(f in (0, 100) for _, f in answers)
    elif kind == "truefalse":
        q = expected.take(("truefalse",), text)
        assert sorted(t for t, _ in answers) == ["false", "true"]
        assert [t for t, f in answers if f == 100] == [q.answer.strip().lower()]
    elif kind == "shortanswer":
        q = expected.take(("basic", "cloze"), text)
        assert answers == [(plain(q.answer).replace("*", "\\*"), 100.0)]
    else:
        assert kind == "ordering"
        q = expected.take(("order",), text)
        assert el.findtext("selecttype") == "ALL" and el.findtext("layouttype") == "VERTICAL"
        assert [shown(t) for t, _ in answers] == right_order(q)
        assert [f for _, f in answers] == list(range(1, len(answers) + 1))
    feedback = el.findtext("generalfeedback/text")
    assert "CC BY-SA 4.0" in shown(feedback)
    assert not q.source.url or f'href="{q.source.url}"' in feedback.replace("&amp;", "&")
    assert plain(q.source.text) in shown(feedback)


def test_moodle_categories_are_the_quiz_title_and_its_topics(quiz):
    root = etree.fromstring(moodle.render(quiz)[0])
    paths = [
        el.findtext("category/text") for el in root.iter("question") if el.get("type") == "category"
    ]
    assert len(paths) == len(set(paths)) == len({q.topic for q in quiz.questions})
    assert all(p.count("/") - p.count("//") * 2 == 3 for p in paths)


# --- GIFT -------------------------------------------------------------------------------------


def test_gift_reads_back_as_the_same_questions_and_answers(quiz):
    data, left_out = gift.render(quiz)
    read = gift_reader.read(data.decode("utf-8"))
    assert read[0].qtype == "category"
    expected = Expected(quiz)
    for g in read:
        if g.qtype == "category":
            assert g.category.startswith(f"$course$/top/{plain(quiz.title)}/")
            continue
        assert g.text.format == "html"
        text = shown(g.text.text)
        if g.qtype == "multichoice":
            q = expected.take(("mcq",), text)
            assert [shown(a.text) for a, _ in g.answers] == [plain(o) for o in q.options]
            assert [shown(a.text) for a, w in g.answers if w == 1] == [
                plain(q.options[q.correct[0]])
            ]
        elif g.qtype == "truefalse":
            q = expected.take(("truefalse",), text)
            assert g.answers[0][0].text == (
                "TRUE" if q.answer.strip().lower() == "true" else "FALSE"
            )
        elif g.qtype == "shortanswer":
            q = expected.take(("basic", "cloze"), text)
            assert [(a.text, w) for a, w in g.answers] == [
                (plain(q.answer).replace("*", "\\*"), 1.0)
            ]
        else:
            q = expected.take(("order",), text)
            assert [shown(i) for i in g.items] == right_order(q)
        if g.qtype != "ordering":  # Moodle's ordering type reads no feedback from GIFT
            assert "CC BY-SA 4.0" in shown(g.feedback.text) and g.feedback.format == "html"
    assert len(expected.remaining()) == len(left_out)


def test_gift_leaves_out_only_answers_moodle_would_misread(quiz):
    _, left_out = gift.render(quiz)
    assert {t for t, _ in left_out} <= {"basic", "cloze"}


# --- QTI 1.2 ----------------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
# The QTI 1.2 schema's content models for the elements written: the children each may have, in
# the order its xs:sequence allows, and its required attributes. (The IMS XSD may not be
# redistributed with changes, so it is not shipped; these rules are read from it by hand.)
MODEL: dict[str, tuple[list[str], list[str]]] = {
    "questestinterop": (["assessment"], []),
    "assessment": (["qtimetadata", "section"], ["ident"]),
    "qtimetadata": (["qtimetadatafield"], []),
    "qtimetadatafield": (["fieldlabel", "fieldentry"], []),
    "section": (["item"], ["ident"]),
    "item": (["itemmetadata", "presentation", "resprocessing", "itemfeedback"], ["ident"]),
    "itemmetadata": (["qtimetadata"], []),
    "presentation": (["material|response_lid|response_str"], []),
    "material": (["mattext"], []),
    "response_lid": (["material", "render_choice"], ["ident"]),
    "response_str": (["material", "render_fib"], ["ident"]),
    "render_choice": (["response_label"], []),
    "render_fib": (["response_label"], []),
    "response_label": (["material"], ["ident"]),
    "resprocessing": (["outcomes", "respcondition"], []),
    "outcomes": (["decvar"], []),
    "respcondition": (["conditionvar", "setvar", "displayfeedback"], []),
    "conditionvar": (["other|varequal"], []),
    "varequal": ([], ["respident"]),
    "displayfeedback": ([], ["linkrefid"]),
    "itemfeedback": (["flow_mat"], ["ident"]),
    "flow_mat": (["material"], []),
    **{
        leaf: ([], [])
        for leaf in ("mattext", "fieldlabel", "fieldentry", "decvar", "other", "setvar")
    },
}
ENUMS = {"rcardinality": {"Single", "Multiple", "Ordered"}, "continue": {"Yes", "No"},
         "action": {"Set", "Add", "Subtract", "Multiply", "Divide"}, "rshuffle": {"Yes", "No"},
         "vartype": {"Integer", "Decimal"}, "feedbacktype": {"Response", "Solution", "Hint"}}  # fmt: skip


def check_qti_structure(el) -> None:
    tag = el.tag.removeprefix(QTI)
    assert tag in MODEL, tag
    sequence, required = MODEL[tag]
    where = [next(i for i, s in enumerate(sequence) if c.tag.removeprefix(QTI) in s.split("|"))
             for c in el]  # fmt: skip
    assert where == sorted(where), (tag, [c.tag for c in el])
    assert all(el.get(a) for a in required), (tag, required)
    for name, value in el.attrib.items():
        assert value in ENUMS.get(name, {value}), (tag, name, value)
    if tag == "response_lid" or tag == "response_str":
        assert len(el.findall(f"{QTI}render_choice") + el.findall(f"{QTI}render_fib")) == 1
    for child in el:
        check_qti_structure(child)


def test_qti_zip_is_a_package_of_a_valid_assessment(quiz):
    data, left_out = qti.render(quiz)
    assert left_out == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest = etree.fromstring(z.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2"]
        href = resources[0].find(f"{CP}file").get("href")
        root = etree.fromstring(z.read(href))
    check_qti_structure(root)
    items = root.findall(f".//{QTI}item")
    assert len({i.get("ident") for i in items}) == len(items) == len(questions(quiz))
    expected = Expected(quiz)
    for item in items:
        _check_qti_item(item, expected)
    assert expected.remaining() == []


def _labels(response) -> dict[str, str]:
    return {lab.get("ident"): lab.findtext(f"{QTI}material/{QTI}mattext")
            for lab in response.iter(f"{QTI}response_label")}  # fmt: skip


def _scores(item) -> list[tuple[str, str, str, float]]:
    out = []
    for cond in item.iter(f"{QTI}respcondition"):
        var, setvar = cond.find(f"{QTI}conditionvar/{QTI}varequal"), cond.find(f"{QTI}setvar")
        if var is not None and setvar is not None:
            out.append((var.get("respident"), var.text, setvar.get("action"), float(setvar.text)))
    return out


def _check_qti_item(item, expected: Expected) -> None:
    meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
            for f in item.iter(f"{QTI}qtimetadatafield")}  # fmt: skip
    pres = item.find(f"{QTI}presentation")
    text = shown(pres.findtext(f"{QTI}material/{QTI}mattext"))
    kind, scores = meta["question_type"], _scores(item)
    if kind in ("multiple_choice_question", "true_false_question"):
        q = expected.take(("mcq",) if kind.startswith("multiple") else ("truefalse",), text)
        labels = _labels(pres.find(f"{QTI}response_lid"))
        options = [plain(o) for o in q.options] if q.type == "mcq" else ["True", "False"]
        assert [shown(t) for t in labels.values()] == options
        (respident, value, action, score), = scores  # fmt: skip
        assert (action, score) == ("Set", 100)
        assert shown(labels[value]) == (
            plain(q.options[q.correct[0]]) if q.type == "mcq" else q.answer.strip().title()
        )
    elif kind == "short_answer_question":
        q = expected.take(("basic", "cloze"), text)
        assert [(v, a, s) for _, v, a, s in scores] == [(plain(q.answer), "Set", 100)]
    else:
        assert kind == "matching_question"
        q = expected.take(("order",), text.rsplit(" Match each", 1)[0])
        places = {plain(o): str(k + 1) for k, o in enumerate(right_order(q))}
        lids = pres.findall(f"{QTI}response_lid")
        assert len(lids) == len(q.options)
        for lid, (respident, value, action, _) in zip(lids, scores, strict=True):
            assert respident == lid.get("ident") and action == "Add"
            assert _labels(lid)[value] == places[lid.findtext(f"{QTI}material/{QTI}mattext")]
        assert sum(s for *_, s in scores) == pytest.approx(100, abs=0.05)
    feedback = item.find(f"{QTI}itemfeedback").findtext(f".//{QTI}mattext")
    assert "CC BY-SA 4.0" in shown(feedback) and plain(q.source.text) in shown(feedback)
