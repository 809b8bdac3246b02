"""Articles made to be slow: each is under the 2 MB size limit and looks like an article, but one
of its parts is thousands of times longer than in any real one. Shared by the bounded test
(tests/test_limits.py) and the benchmark (benchmarks/bench.py), which times them."""

from __future__ import annotations

import itertools
import string

import yaml

from deirquiz.article import MAX_BYTES

BODY = """The offensive was a military operation launched by the Syrian Army.

## Offensive

On 14 September 2017, the Syrian Army launched an offensive across the Euphrates river.
On 16 September, the Syrian Army captured the village of Marrat.
The next day, the Army captured the town of Janenah.
On 3 October, ISIL counter-attacked near Hatla.
"""

BOX = {
    "date": "14 September – 17 November 2017",
    "place": "Deir ez-Zor, Syria",
    "result": "Syrian Army victory",
    "combatant1": "Syrian Arab Republic",
    "combatant2": "Islamic State of Iraq and the Levant",
    "commander1": "Maj. Gen. Issam Zahreddine",
    "commander2": "Abu Bakr al-Baghdadi",
    "units1": "* Tiger Forces\n* Republican Guard",
    "casualties1": "300+ killed",
}


def article(title: str, box: dict[str, str] | None = None, body: str = "") -> str:
    """An article in the converter's format: the infobox fields as text, the body as given."""
    fields = {k: {"text": v} for k, v in {**BOX, **(box or {})}.items()}
    meta = {"title": title, "infoboxes": [fields]}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 30)
    return f"---\n{front}---\n{BODY}{body}"


def words(n: int) -> list[str]:
    """n distinct capitalised words: Aab, Aac, ..."""
    letters = string.ascii_lowercase
    return ["A" + "".join(t) for t in itertools.islice(itertools.product(letters, repeat=4), n)]


def names(n: int, stem: str) -> list[str]:
    return [f"{stem} {w}" for w in words(n)]


def capitalised(n: int) -> str:
    """A long run of capitalised words inside one dated sentence."""
    body = f"\nOn 5 October, {' '.join(words(n))} captured Hatla.\n"
    return article(f"Capitalised {n}", body=body)


def two_dates(n: int) -> str:
    """n sentences of two dated clauses each."""
    line = "On 16 September, the Army took {a}, and on 17 September, ISIL took {b}.\n"
    w = words(2 * n)
    body = "".join(line.format(a=w[2 * i], b=w[2 * i + 1]) for i in range(n))
    return article(f"Two dates {n}", body=body)


def dated(n: int) -> str:
    """n dated sentences, each capturing a village of its own."""
    days = [f"{d} {m}" for m in ("September", "October", "November") for d in range(1, 29)]
    body = "".join(
        f"On {days[i % len(days)]}, the Syrian Army captured the village of {w}.\n"
        for i, w in enumerate(words(n))
    )
    return article(f"Dated {n}", body=body)


def one_sentence(n: int) -> str:
    """One sentence of n day phrases."""
    body = "\nOn 16 September, " + "on 17 September, " * n + "the Army advanced.\n"
    return article(f"One sentence {n}", body=body)


def long_sentences(n: int) -> str:
    """n dated sentences of 150 capitalised words each (900 characters)."""
    w = words(150 * n)
    body = "".join(f"On 5 October, {' '.join(w[i : i + 150])} captured Hatla.\n"
                   for i in range(0, 150 * n, 150))  # fmt: skip
    return article(f"Long sentences {n}", body=body)


def commanders(n: int) -> str:
    lines = [f"Maj. Gen. {x}" for x in names(n, "Issam")]
    return article(f"Commanders {n}", {"commander1": "\n".join(lines)})


def deep_units(n: int) -> str:
    """An order of battle n levels deep."""
    lines = ["*" * (i + 1) + f" {w} Brigade" for i, w in enumerate(words(n))]
    return article(f"Deep {n}", {"units1": "\n".join(lines)})


def units(n: int) -> str:
    lines = [f"* {w} Brigade" if i % 10 == 0 else f"** {w} Battalion"
             for i, w in enumerate(words(n))]  # fmt: skip
    return article(f"Units {n}", {"units1": "\n".join(lines)})


def combatants(n: int) -> str:
    lines = [f"* {x}" for x in names(n, "Liwa")]
    return article(f"Combatants {n}", {"combatant1": "\n".join(lines)})


def result_points(n: int) -> str:
    days = [f"{d} {m}" for m in ("September", "October", "November") for d in range(1, 29)]
    points = "\n".join(
        f"* On {days[i % len(days)]}, the Syrian Army captured {w}" for i, w in enumerate(words(n))
    )
    return article(f"Result points {n}", {"result": f"Syrian Army victory\n{points}"})


# (name, article text) of each case of issue 17's table, at the size it was reported at
CASES = {
    "capitalised 16k": lambda: capitalised(16_000),
    "capitalised 300k": lambda: capitalised(300_000),
    "two dates 25k": lambda: two_dates(25_000),
    "dated 20k": lambda: dated(20_000),
    "one sentence 100k": lambda: one_sentence(100_000),
    "long sentences 400": lambda: long_sentences(400),
    "commanders 20k": lambda: commanders(20_000),
    "units 1.9k deep": lambda: deep_units(1_900),
    "units 50k": lambda: units(50_000),
    "combatants 12k": lambda: combatants(12_000),
    "result points 20k": lambda: result_points(20_000),
}


def check_size(text: str) -> str:
    assert len(text.encode("utf-8")) <= MAX_BYTES, len(text.encode("utf-8"))
    return text


def everything_at_its_cap() -> str:
    """Every part at the size its cap lets through, in one article: the worst an accepted
    article can be."""
    from deirquiz import limits

    days = [f"{d} {m}" for m in ("September", "October", "November") for d in range(1, 29)]
    w = words(limits.EVENTS + limits.UNITS + limits.RESULT_POINTS)
    body = "".join(
        f"On {days[i % len(days)]}, the Syrian Army captured the village of {w[i]}.\n"
        for i in range(limits.EVENTS)
    )
    lines = [f"* {x} Brigade" if i % 10 == 0 else f"** {x} Battalion" for i, x in
             enumerate(w[limits.EVENTS : limits.EVENTS + limits.UNITS])]  # fmt: skip
    points = [f"* On {days[i % len(days)]}, the Syrian Army captured {x}" for i, x in
              enumerate(w[-limits.RESULT_POINTS :])]  # fmt: skip
    box = {
        "commander1": "\n".join(f"Maj. Gen. {x}" for x in names(limits.COMMANDERS, "Issam")),
        "combatant1": "\n".join(f"* {x}" for x in names(limits.COMBATANTS, "Liwa")),
        "units1": "\n".join(lines),
        "result": "Syrian Army victory\n" + "\n".join(points),
        "casualties1": "\n".join(f"{i + 10} killed" for i in range(limits.FIGURE_LINES)),
        "strength1": "\n".join(f"{i + 100} fighters" for i in range(limits.FIGURE_LINES)),
    }
    return article("Everything at its cap", box, body)
