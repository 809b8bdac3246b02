"""Printable quizzes: Markdown, HTML and PDF, their answer keys, and shuffled versions.

The quizzes are built by hand here and cover every question type; the assertions are generic, so
real generated quizzes can be fed through ``sample_quiz`` later.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from deirquiz.model import Question, Quiz, Source
from deirquiz.writers import markdown as md_writer
from deirquiz.writers import pdf as pdf_writer
from deirquiz.writers import sheet as sheet_plan
from deirquiz.writers import webpage as html_writer
from deirquiz.writers.versions import make_versions

TITLE = "Deir ez-Zor offensive (September–November 2017)"
URL = "https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive_(September%E2%80%93November_2017)"
HOSTILE = "<script>alert(1)</script> **bold** # heading [link](x) {{c1::x}}"


def _src(text: str, where: str = "infobox: commander1") -> Source:
    return Source(text=text, where=where, title=TITLE, url=URL)


COMMANDERS = (
    "Maj. Gen. Suheil al-Hassan Maj. Gen. Issam Zahreddine (Republican Guard) Lt. Gen. Valery "
    "Asapov (Syrian 5th Corps) Ghassan Iskander Tarraf (Republican Guard) Tha'er Ismail (Tiger "
    "Forces) Maj. Gen. Abu Ali Salhab (Military Security Shield Forces) Tariq al-Hassan (Baqir "
    "Brigade) Shaaban Ali Amiri (IRGC senior commander)"
)
FORMATIONS = (
    "Republican Guard",
    "Tiger Forces",
    "Baqir Brigade",
    "Military Security Shield Forces",
    "Syrian 5th Corps",
)


def mcq(qid: str, prompt: str, options: tuple[str, ...], right: int, topic: str) -> Question:
    return Question(
        id=qid,
        topic=topic,
        type="mcq",
        prompt=prompt,
        answer=options[right],
        source=_src(COMMANDERS),
        options=options,
        correct=(right,),
    )


def commanders_quiz(n: int = 10) -> Quiz:
    """``n`` questions on the commanders topic, of the kinds a generator makes there."""
    people = [
        ("Issam Zahreddine", 0),
        ("Valery Asapov", 4),
        ("Tha'er Ismail", 1),
        ("Abu Ali Salhab", 3),
        ("Tariq al-Hassan", 2),
        ("Ghassan Iskander Tarraf", 0),
    ]
    qs: list[Question] = []
    for i in range(n):
        name, unit = people[i % len(people)]
        kind = i % 3
        if kind == 0:
            opts = (*[f for f in FORMATIONS if f != FORMATIONS[unit]][:3], FORMATIONS[unit])
            opts = opts[i % 4 :] + opts[: i % 4]
            qs.append(
                mcq(
                    f"cmd-unit:{i}",
                    f"In the 2017 Deir ez-Zor offensive, {name} commanded which formation?",
                    opts,
                    opts.index(FORMATIONS[unit]),
                    "commanders",
                )
            )
        elif kind == 1:
            truth = i % 2 == 0
            shown = FORMATIONS[unit] if truth else FORMATIONS[(unit + 1) % 5]
            qs.append(
                Question(
                    id=f"cmd-tf:{i}",
                    topic="commanders",
                    type="truefalse",
                    prompt=f"{name} commanded the {shown} in the Deir ez-Zor offensive.",
                    answer="True" if truth else "False",
                    source=_src(COMMANDERS),
                    options=("True", "False"),
                    correct=(0,) if truth else (1,),
                )
            )
        else:
            qs.append(
                Question(
                    id=f"cmd-basic:{i}",
                    topic="commanders",
                    type="basic",
                    prompt=f"Which formation did {name} command in the Deir ez-Zor offensive?",
                    answer=FORMATIONS[unit],
                    source=_src(COMMANDERS),
                    explanation="Listed under the government side's commanders.",
                )
            )
    return Quiz(TITLE, "deir-ez-zor-offensive", "deir.md", URL, 7, tuple(qs), ("commanders",))


def mixed_quiz(hostile: str = "") -> Quiz:
    """All five question types across four topics; ``hostile`` is slipped into every text."""
    h = f" {hostile}" if hostile else ""
    body = "section: Surrounding the city"
    sentence = (
        "On 14 September, the Syrian Army captured the district of Al-Baghiliyah as well as the "
        "Al-Jazeera University campus, located within the district. After this, the Syrian Army "
        "was able to capture Maria'yah and secured its surroundings."
    )
    events = (
        f"The Syrian Army captured Ayyash and its nearby hill{h}",
        "Pro-government forces crossed the Euphrates River using pontoon bridges",
        "Government forces captured Maadan, linking up with troops in southeast Raqqa",
        "Issam Zahreddine was killed after his convoy hit a landmine",
    )
    qs = (
        Question(
            id="overview-date",
            topic="overview",
            type="basic",
            prompt=f"When did the Deir ez-Zor offensive begin?{h}",
            answer=f"14 September 2017{h}",
            source=Source(f"14 September – 17 November 2017{h}", "infobox: date", TITLE, URL),
        ),
        mcq(
            "overview-result",
            f"Who won the Deir ez-Zor offensive?{h}",
            ("ISIL", f"Syrian Arab Army{h}", "Syrian Democratic Forces", "Russia"),
            1,
            "overview",
        ),
        Question(
            id="cloze-baghiliyah",
            topic="timeline",
            type="cloze",
            prompt=f"On 14 September 2017, the Syrian Army captured the district of _____ as well "
            f"as the Al-Jazeera University campus.{h}",
            answer="Al-Baghiliyah",
            source=Source(sentence, body, TITLE, URL),
            explanation=f"The first district taken in the offensive.{h}",
        ),
        Question(
            id="order-1",
            topic="timeline",
            type="order",
            prompt=f"Put these events in chronological order.{h}",
            answer=" → ".join(events[i] for i in (2, 0, 3, 1)),
            source=Source(sentence, body, TITLE, URL),
            options=events,
            correct=(2, 0, 3, 1),
        ),
        Question(
            id="tf-asapov",
            topic="commanders",
            type="truefalse",
            prompt=f"Valery Asapov commanded the Syrian 5th Corps.{h}",
            answer="True",
            source=_src(COMMANDERS),
            options=("True", "False"),
            correct=(0,),
        ),
        mcq(
            "cmd-zahreddine",
            f"Issam Zahreddine commanded which formation?{h}",
            ("Tiger Forces", "Baqir Brigade", f"Republican Guard{h}", "5th Corps"),
            2,
            "commanders",
        ),
        Question(
            id="places-river",
            topic="places",
            type="basic",
            prompt=f"Which river did pro-government forces cross on pontoon bridges?{h}",
            answer="the Euphrates",
            source=Source(f"pontoon bridges over the Euphrates{h}", body, TITLE, URL),
        ),
    )
    return Quiz(TITLE, "deir-ez-zor-offensive", "deir.md", URL, 7, qs, ())


def real_commanders_quiz(request) -> Quiz:
    """Ten generated questions on Gettysburg's commanders, as ``--topic commanders --count 10``
    (the seed's own commanders are mostly infobox names its narrative never mentions)."""
    from dataclasses import replace

    from deirquiz.pipeline import Options, quiz_for

    from .conftest import ARTICLES

    templates = request.getfixturevalue("templates")
    article = next(p for p in ARTICLES if p.stem == "battle-of-gettysburg")
    quiz = quiz_for(article, templates, Options(topics=("commanders",), depth="full"))
    mcqs = tuple(q for q in quiz.questions if q.type == "mcq")[:10]
    return replace(quiz, questions=mcqs, sheet=None)


@pytest.fixture(params=["mixed", "commanders", "seed", "article-commanders"])
def quiz(request) -> Quiz:
    """Hand-made quizzes (every type, four topics) and real ones generated from the seed."""
    if request.param == "mixed":
        return mixed_quiz()
    if request.param == "commanders":
        return commanders_quiz()
    if request.param == "seed":
        return request.getfixturevalue("seed_quiz")
    return real_commanders_quiz(request)


# --- reading the outputs back ------------------------------------------------------------

LETTERS = "ABCD"


def numbered(quiz: Quiz) -> list[Question]:
    """The quiz's questions in printed order (grouped by topic, first appearance first)."""
    groups: dict[str, list[Question]] = {}
    for q in quiz.questions:
        groups.setdefault(q.topic, []).append(q)
    return [q for g in groups.values() for q in g]


def split_key(text: str) -> tuple[str, str]:
    head, _, key = text.partition("\n## Answer key")
    return head, key


def md_questions(text: str) -> dict[int, list[tuple[str, str]]]:
    """Question number -> its lettered options (letter, text) as written in the Markdown."""
    out: dict[int, list[tuple[str, str]]] = {}
    current = 0
    for line in text.splitlines():
        if m := re.match(r"(\d+)\. ", line):
            current = int(m.group(1))
            out[current] = []
        elif m := re.match(r"\s+([A-Z])\. (.*?)\\?$", line):
            out[current].append((m.group(1), m.group(2)))
    return out


def md_key(text: str) -> dict[int, str]:
    """Answer-key number -> its first line."""
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. (.*?)\\?$", text, re.M)}


def unescape_md(text: str) -> str:
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def flat(text: str) -> str:
    return " ".join(text.split())


def check_markdown_agrees(quiz: Quiz, text: str, key: str | None = None) -> None:
    """Numbers 1..N, options lettered from A, and each key entry right for this very sheet."""
    body, key_part = split_key(text) if key is None else (text, key)
    questions = md_questions(body)
    keys = md_key(key_part)
    order = numbered(quiz)
    assert list(questions) == list(range(1, len(order) + 1))
    assert list(keys) == list(questions)
    for n, q in enumerate(order, 1):
        shown = questions[n]
        if q.type in ("mcq", "order"):
            assert [letter for letter, _ in shown] == list(LETTERS[: len(q.options)])
        if q.type == "mcq":
            letter = re.match(r"\*\*([A-Z])\.\*\* ", keys[n]).group(1)
            assert unescape_md(dict(shown)[letter]) == flat(q.answer)
        elif q.type == "order":
            letters = re.fullmatch(r"\*\*([A-Z, ]+)\*\*", keys[n]).group(1).split(", ")
            chronological = [flat(q.options[i]) for i in q.correct]
            assert [unescape_md(dict(shown)[x]) for x in letters] == chronological
        else:
            assert unescape_md(keys[n]) == flat(q.answer)


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_numbers_questions_and_key_agree(quiz):
    text, key = md_writer.render(quiz)
    assert key is None
    check_markdown_agrees(quiz, text)


def test_markdown_groups_questions_under_topic_headings():
    text, _ = md_writer.render(mixed_quiz())
    headings = re.findall(r"^## (.*)$", text, re.M)
    assert headings == ["Overview", "Timeline", "Commanders", "Places", "Answer key"]


def test_markdown_header_has_title_version_fields_and_points():
    text, _ = md_writer.render(commanders_quiz(), title="Unit 4 check", version=2)
    head = text.split("\n## ")[0]
    assert head.startswith("# Unit 4 check\n")
    for needed in ("Version 2", "Name:", "Class:", "Date:", "10 questions", "10 points"):
        assert needed in head


def test_markdown_separate_answer_key():
    quiz = mixed_quiz()
    text, key = md_writer.render(quiz, answer_key="separate", version=1)
    assert "Answer key" not in text
    assert key is not None and "Version 1" in key
    check_markdown_agrees(quiz, text, key)


def test_markdown_without_key():
    text, key = md_writer.render(mixed_quiz(), answer_key="none")
    assert key is None and "Answer key" not in text


def test_markdown_credits_the_article():
    text, key = md_writer.render(mixed_quiz(), answer_key="separate")
    credit = f'Questions generated from the Wikipedia article "{TITLE}" (<{URL}>), CC BY-SA 4.0.'
    assert text.endswith(credit + "\n") and key.endswith(credit + "\n")


def test_markdown_is_deterministic_and_tidy(quiz):
    text, _ = md_writer.render(quiz, version=3)
    assert text == md_writer.render(quiz, version=3)[0]
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not [line for line in text.splitlines() if line != line.rstrip()]


def test_markdown_key_quotes_source_around_the_answer():
    answer = "Al-Baghiliyah"
    long = "word " * 60 + f"the district of {answer} was taken" + " and more" * 30
    short = sheet_plan.shorten(long, answer)
    assert answer in short and len(short) <= sheet_plan.SOURCE_LIMIT + 2
    assert short.startswith("…") and short.endswith("…")


def _markdown_html(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").render(text)


def test_markdown_hostile_text_is_inert():
    text, _ = md_writer.render(mixed_quiz(HOSTILE))
    html = _markdown_html(text)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "**bold**" in html and "<strong>bold</strong>" not in html
    assert "[link](x)" in html and "<a " not in html.replace('<a href="https://', "")
    assert "{{c1::x}}" in html
    assert html.count("<h1>") == 1
    assert "<em>" not in html


@pytest.mark.parametrize(
    "prompt", ["# heading", "- item", "+ item", "1999. A year", "> quote", "    code", "***"]
)
def test_markdown_leading_markers_in_article_text_stay_text(prompt):
    quiz = mixed_quiz()
    q = replace(quiz.questions[0], prompt=prompt, answer=prompt)
    html = _markdown_html(md_writer.render(replace(quiz, questions=(q,)))[0])
    for tag in ("<h1>", "<blockquote>", "<pre>", "<hr />"):
        assert html.count(tag) == (1 if tag in ("<h1>", "<hr />") else 0)
    assert html.count("<ul>") == 0 and html.count("<ol") == 2  # the question and its key


def test_markdown_cloze_gap_shows_as_underscores():
    text, _ = md_writer.render(mixed_quiz())
    html = _markdown_html(text)
    assert "district of __________ as well" in html
    assert "<em>" not in html and "<strong>_" not in html


# --- versions --------------------------------------------------------------------------------


def arrangement(quiz: Quiz) -> list[tuple[str, tuple[str, ...]]]:
    return [(q.id, q.options) for q in quiz.questions]


def test_versions_differ_and_each_key_answers_its_own_version(quiz):
    versions = make_versions(quiz, 3, seed=11)
    assert len(versions) == 3
    seen = [arrangement(v) for v in versions]
    assert len({tuple(a) for a in seen}) == 3
    for n, version in enumerate(versions, 1):
        text, _ = md_writer.render(version, version=n)
        assert f"Version {n}" in text
        check_markdown_agrees(version, text)


def test_versions_keep_answers_right_and_topics_grouped(quiz):
    by_id = {q.id: q for q in quiz.questions}
    topic_order = list(dict.fromkeys(q.topic for q in quiz.questions))
    for version in make_versions(quiz, 4, seed=3):
        assert sorted(q.id for q in version.questions) == sorted(by_id)
        topics = [q.topic for q in version.questions]
        assert list(dict.fromkeys(topics)) == topic_order  # same sections, same order
        assert sum(a != b for a, b in itertools.pairwise(topics)) == len(topic_order) - 1
        for q in version.questions:
            original = by_id[q.id]
            assert sorted(q.options) == sorted(original.options)
            if q.type == "mcq":
                assert q.options[q.correct[0]] == q.answer == original.answer
            if q.type == "order":
                assert [q.options[i] for i in q.correct] == [
                    original.options[i] for i in original.correct
                ]
                assert list(q.correct) != list(range(len(q.options)))


def test_versions_are_deterministic_and_leave_global_random_alone(quiz):
    state = random.getstate()
    first = make_versions(quiz, 3, seed=5)
    assert random.getstate() == state
    assert first == make_versions(quiz, 3, seed=5)
    assert [arrangement(v) for v in first] != [arrangement(v) for v in make_versions(quiz, 3, 6)]


# --- HTML ------------------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> Tags:
    p = Tags()
    p.feed(text)
    return p


def test_html_numbers_questions_and_letters_options(quiz):
    page = html_writer.render(quiz)
    nums = re.findall(r'<div class="q" id="q(\d+)"><span class="num">(\d+)\.</span>', page)
    assert [int(a) for a, b in nums] == list(range(1, len(quiz.questions) + 1))
    assert all(a == b for a, b in nums)
    for letters in re.findall(r'<ol class="options[^"]*">(.*?)</ol>', page, re.S):
        found = re.findall(r'<span class="letter">([A-Z])</span>', letters)
        assert found == list(LETTERS[: len(found)])


def test_html_key_letters_point_to_right_options():
    quiz = make_versions(mixed_quiz(), 2, seed=1)[1]
    page = html_writer.render(quiz, version=2)
    questions, key = page.split('<section class="key">')
    for n, q in enumerate(numbered(quiz), 1):
        entry = re.search(
            rf'<span class="num">{n}\.</span><div class="body">\n'
            r'<div class="answer">(.*?)</div>',
            key,
        ).group(1)
        if q.type == "mcq":
            letter = entry.split(".")[0]
            assert entry == f"{letter}. {q.answer}"
            block = questions.split(f'id="q{n}"')[1].split("</ol>")[0]
            assert f'<span class="letter">{letter}</span>{q.answer}</li>' in block


def test_html_is_self_contained_print_page():
    page = html_writer.render(mixed_quiz(), paper="letter")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "size: letter" in page and "size: A4" not in page
    assert "size: A4" in html_writer.render(mixed_quiz())
    assert "page-break-inside: avoid" in page and "break-before: page" in page
    tags = parse_html(page).tags
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe", "object")]
    assert "url(" not in page and "@import" not in page and " src=" not in page


def test_html_hostile_text_is_inert():
    page = html_writer.render(mixed_quiz(HOSTILE + ' <img src=x onerror="alert(2)">'))
    assert "<script" not in page.lower() and "&lt;script&gt;" in page
    parsed = parse_html(page)
    assert not [t for t, _ in parsed.tags if t in ("script", "img")]
    assert not [a for _, attrs in parsed.tags for a, _ in attrs if a.startswith("on")]
    assert "**bold** # heading [link](x) {{c1::x}}" in "".join(parsed.text)


def test_html_key_only_and_without_key():
    quiz = mixed_quiz()
    assert '<section class="key' not in html_writer.render(quiz, answer_key="separate")
    only = html_writer.render(quiz, answer_key="only")
    assert '<div class="q"' not in only and '<section class="key alone">' in only


# --- PDF -------------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def pdf_text(tmp_path, data: bytes) -> list[str] | None:
    """Each page's text, when poppler's pdftotext is on this machine."""
    tool = shutil.which("pdftotext")
    if not tool:
        return None
    path = tmp_path / "quiz.pdf"
    path.write_bytes(data)
    pages = []
    for n in range(1, pdf_pages(data) + 1):
        run = [tool, "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(path), "-"]
        pages.append(subprocess.run(run, check=True, capture_output=True, text=True).stdout)
    return pages


@pytest.mark.parametrize("made", ["by hand", "generated"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_ten_commander_questions_fit_one_page_plus_key(request, tmp_path, paper, made):
    quiz = commanders_quiz(10) if made == "by hand" else real_commanders_quiz(request)
    assert len(quiz.questions) == 10
    data = pdf_writer.render(quiz, paper=paper)
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == 2
    size = b"595.2" if paper == "a4" else b"612"
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+" + size, data)
    pages = pdf_text(tmp_path, data)
    if pages is None:
        pytest.skip("pdftotext not installed: page text not checked")
    quiz_page, key_page = pages
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s", quiz_page, re.M)]
    assert numbers == list(range(1, 11))
    assert "Answer key" not in quiz_page and "Page 1 of 1" in quiz_page
    assert "Answer key" in key_page and "page 1 of 1" in key_page
    assert "CC BY-SA 4.0" in " ".join(quiz_page.split()) and "CC BY-SA 4.0" in " ".join(
        key_page.split()
    )


def test_pdf_key_options_and_hostile_text(tmp_path):
    quiz = make_versions(mixed_quiz(HOSTILE), 3, seed=2)[2]
    data = pdf_writer.render(quiz, version=3)
    pages = pdf_text(tmp_path, data)
    if pages is None:
        pytest.skip("pdftotext not installed")
    text = " ".join(" ".join(pages).split())
    assert "Version 3" in text
    assert "<script>alert(1)</script> **bold** # heading [link](x) {{c1::x}}" in text
    key = " ".join(pages[-1].split())
    for n, q in enumerate(numbered(quiz), 1):
        if q.type == "mcq":
            letter = LETTERS[q.correct[0]]
            assert f"{n}. {letter}. {' '.join(q.answer.split())}" in key
        if q.type == "order":
            assert f"{n}. {', '.join(LETTERS[i] for i in q.correct)}" in key


def test_pdf_key_only_and_questions_only():
    quiz = commanders_quiz(10)
    assert pdf_pages(pdf_writer.render(quiz, answer_key="none")) == 1
    assert pdf_pages(pdf_writer.render(quiz, answer_key="only")) == 1


def test_pdf_is_deterministic():
    quiz = mixed_quiz()
    assert pdf_writer.render(quiz) == pdf_writer.render(quiz)


def test_bad_options_are_refused():
    with pytest.raises(ValueError):
        md_writer.render(mixed_quiz(), answer_key="middle")
    with pytest.raises(ValueError):
        html_writer.render(mixed_quiz(), paper="a5")
    with pytest.raises(ValueError):
        pdf_writer.render(mixed_quiz(), paper="legal")
    with pytest.raises(ValueError):
        make_versions(mixed_quiz(), 0, seed=1)


def test_the_json_writer_writes_what_json_dumps_would(templates):
    # it builds the indented text itself (json's indenting encoder is pure Python, and slow)
    import json

    from deirquiz.pipeline import Options, quiz_for
    from deirquiz.writers.jsonfile import render

    from .conftest import ALL

    for path in ALL:
        text = render(quiz_for(path, templates, Options()))
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
