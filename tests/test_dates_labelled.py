"""The date reader against hand labels of every statement that gives or implies a day.

The labels (tests/corpus/labels/*.yaml, see its README) were written by readers who had no
access to the reader: the seed, the five shared articles, and five articles of other wars and
centuries (tests/corpus/articles). A label is found when an event of its sentence has its day
(and its last day, for a range); an extracted event is right when a label of its sentence has
its day. Over all of them at least 98% must be found and 99% of the extracted days right; the
table is printed (pytest -s) with what is missed or wrong.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from deirquiz.extraction import extract_file

from .conftest import SEED, SHARED

CORPUS = Path(__file__).resolve().parent / "corpus"
LABELS = sorted((CORPUS / "labels").glob("*.yaml"))


def _path(slug: str) -> Path:
    for folder in (SEED.parent, SHARED, CORPUS / "articles"):
        p = folder / f"{slug}.md"
        if p.exists():
            return p
    raise FileNotFoundError(slug)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@cache
def _labels(slug: str) -> list[dict]:
    with open(CORPUS / "labels" / f"{slug}.yaml", encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.BaseLoader)  # days stay text: "-0215-08-02" too
    return data["statements"]


@cache
def _events(slug: str) -> list[tuple[str, str, str]]:
    """(sentence, day, last day or '') of every event."""
    x = extract_file(_path(slug))
    return [
        (_norm(e.text), e.date.isoformat(), e.end_date.isoformat() if e.end_date else "")
        for e in x.events
    ]


def _same(sentence: str, label_text: str) -> bool:
    a, b = sentence, _norm(label_text)
    return a == b or (min(len(a), len(b)) > 30 and (a in b or b in a))


def compare(slug: str) -> dict:
    labels, events = _labels(slug), _events(slug)
    missed = [
        lb
        for lb in labels
        if not any(
            _same(s, lb["text"]) and day == lb["day"] and until == lb.get("until", "")
            for s, day, until in events
        )
    ]
    wrong = [
        (s, day, until)
        for s, day, until in events
        if not any(
            _same(s, lb["text"]) and day == lb["day"] and until == lb.get("until", "")
            for lb in labels
        )
    ]
    return {
        "labels": len(labels),
        "found": len(labels) - len(missed),
        "events": len(events),
        "right": len(events) - len(wrong),
        "missed": missed,
        "wrong": wrong,
    }


SLUGS = [p.stem for p in LABELS]


def _report(results: dict[str, dict]) -> str:
    lines = [f"{'article':32} {'found':>11} {'right':>11}"]
    for slug, r in results.items():
        lines.append(
            f"{slug:32} {r['found']:>4} / {r['labels']:<4} {r['right']:>4} / {r['events']:<4}"
        )
        for lb in r["missed"]:
            lines.append(f"    missed {lb['day']} {lb.get('until', '')} {lb['phrase']!r}: "
                         f"{_norm(lb['text'])[:90]}")  # fmt: skip
        for s, day, until in r["wrong"]:
            lines.append(f"    wrong  {day} {until} {s[:100]}")
    return "\n".join(lines)


@pytest.mark.skipif(not LABELS, reason="no labels")
def test_dates_against_hand_labels_over_all_articles():
    results = {slug: compare(slug) for slug in SLUGS}
    print("\n" + _report(results))
    labels = sum(r["labels"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    events = sum(r["events"] for r in results.values())
    right = sum(r["right"] for r in results.values())
    print(f"all: found {found}/{labels} = {found / labels:.1%}, right {right}/{events} = "
          f"{right / events:.1%}")  # fmt: skip
    assert found / labels >= 0.98
    assert right / events >= 0.99


@pytest.mark.parametrize("slug", SLUGS)
def test_every_labelled_article_is_read(slug):
    """Each article on its own: most of its labels found, most of its days right."""
    r = compare(slug)
    assert r["found"] >= 0.9 * r["labels"], _report({slug: r})
    assert r["right"] >= 0.9 * r["events"], _report({slug: r})
