"""Printable quizzes: Markdown, HTML and PDF, their answer keys, and shuffled versions.

The quizzes are built by hand here and cover every question type; the assertions are generic, so
real generated quizzes can be fed through ``sample_quiz`` later.
"""

from __future__ import annotations

import pytest

from deirquiz.model import Question, Quiz, Source

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
            opts = tuple(f for f in FORMATIONS if f != FORMATIONS[unit])[:3] + (FORMATIONS[unit],)
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


@pytest.fixture(params=["mixed", "commanders"])
def quiz(request) -> Quiz:
    """Quizzes the generic tests run on; real generated quizzes can join the params later."""
    return mixed_quiz() if request.param == "mixed" else commanders_quiz()
