"""Wikipedia's own files through the command line: Special:Export XML gives one quiz per article
page, plain or bz2-compressed, streamed page by page; wikitext files and folders of every kind
of article file; a file's kind told by its content.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from deirquiz import export, wikitext
from deirquiz.article import find_articles, load
from deirquiz.cli import main
from deirquiz.extraction import extract

from .wikidata import (
    MARKDOWN,
    NAMES,
    TITLES,
    page,
    shared_export,
    wiki_source,
    write_export,
)
from .wikidata import export as export_xml

SLUGS = sorted(NAMES)


def run(*args: str):
    return CliRunner().invoke(main, [*args])


def generate(out: Path, *args: str):
    result = run("generate", "-q", "--jobs", "1", "--format", "json", "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in out.glob("*.json")}


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    write_export(folder / "three.xml", shared_export())
    write_export(folder / "three.xml.bz2", shared_export())
    return folder


def test_an_export_of_three_pages_gives_one_quiz_per_page(exports, tmp_path):
    files = generate(tmp_path, str(exports / "three.xml"))
    assert sorted(files) == [f"{slug}.json" for slug in SLUGS]
    titles = {json.loads(data)["title"] for data in files.values()}
    assert titles == set(TITLES.values())


def _but_source(files: dict[str, bytes]) -> dict[str, dict]:
    """Each quiz but the name of the file it came from."""
    out = {}
    for name, data in files.items():
        quiz = json.loads(data)
        quiz.pop("source")
        out[name] = quiz
    return out


def test_the_bz2_export_gives_the_same_quizzes(exports, tmp_path):
    plain = generate(tmp_path / "plain", str(exports / "three.xml"))
    assert _but_source(generate(tmp_path / "bz2", str(exports / "three.xml.bz2"))) == _but_source(
        plain
    )


def test_each_page_gives_the_quiz_its_wikitext_file_gives(exports, tmp_path):
    for name in NAMES:
        (tmp_path / f"{name}.wiki").write_text(wiki_source(name), encoding="utf-8")
    from_files = generate(tmp_path / "wiki", *(str(tmp_path / f"{n}.wiki") for n in NAMES))
    assert _but_source(generate(tmp_path / "xml", str(exports / "three.xml"))) == _but_source(
        from_files
    )


def test_combine_makes_one_quiz_of_the_pages(exports, tmp_path):
    files = generate(tmp_path, "--combine", str(exports / "three.xml"))
    assert len(files) == 1


def test_a_page_is_read_with_its_title_and_address(exports):
    refs = find_articles([exports / "three.xml"])
    assert [r.title for r in refs] == [TITLES[n] for n in NAMES]
    art = load(refs[1])
    assert (art.title, art.url) == (
        "Battle of Waterloo",
        "https://en.wikipedia.org/wiki/Battle_of_Waterloo",
    )
    assert str(refs[1]).endswith("three.xml › Battle of Waterloo")
    alone = wikitext.parse(wiki_source("battle-of-waterloo"), "w.wiki")
    assert extract(art).facts == extract(alone).facts


def test_an_export_of_one_page_loads_as_that_article(tmp_path):
    one = write_export(
        tmp_path / "one.xml",
        export_xml([page("Battle of Waterloo", wiki_source("battle-of-waterloo"))]),
    )
    assert load(one).title == "Battle of Waterloo"


def test_extract_and_topics_read_every_page(exports):
    result = run("extract", "--json", str(exports / "three.xml.bz2"))
    assert result.exit_code == 0, result.output
    assert result.output.count('"title": "Battle of') >= 3
    result = run("topics", str(exports / "three.xml"))
    assert result.exit_code == 0, result.output
    assert result.output.count("three.xml › Battle of") == 3


def test_pages_of_other_namespaces_are_not_articles(tmp_path):
    path = write_export(tmp_path / "mixed.xml", _mixed())
    assert [r.title for r in find_articles([path])] == ["Battle of Waterloo"]


def _mixed() -> str:
    return export_xml([
        page("Talk:Battle of Waterloo", "== A talk section ==\nOn 3 May 2020, a reply.", 1, ns=1),
        page("Battle of Waterloo", wiki_source("battle-of-waterloo"), 2),
    ])  # fmt: skip


def test_worker_processes_give_the_same_files(tmp_path):
    path = write_export(tmp_path / "six.xml", shared_export(copies=2))
    one = generate(tmp_path / "one", str(path))
    result = run(
        "generate",
        "-q",
        "--jobs",
        "2",
        "--format",
        "json",
        "--out",
        str(tmp_path / "two"),
        str(path),
    )
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in (tmp_path / "two").glob("*.json")} == one
    assert len(one) == 6


def test_a_thousand_page_export_streams_in_flat_memory(tmp_path):
    # plain XML: a .bz2 streams the same way (above), at ten times the time; bench.py runs one
    path = write_export(tmp_path / "dump.xml", shared_export(copies=334))
    tracemalloc.start()
    try:
        count = sum(1 for _ in export.pages(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1002
    assert peak < 4_000_000  # a page or two; the pages' text alone is 17 MB
    refs = find_articles([path])
    assert load(refs[-1]).title == "Battle of Dien Bien Phu (copy 334)"


# --- files and folders, told by content -------------------------------------------------------


def test_a_txt_file_of_wikitext_and_a_wiki_file_of_markdown_are_read_by_content(tmp_path):
    (tmp_path / "page.txt").write_text(wiki_source("battle-of-gettysburg"), encoding="utf-8")
    md = (MARKDOWN / "battle-of-waterloo.md").read_text(encoding="utf-8")
    (tmp_path / "converted.wiki").write_text(md, encoding="utf-8")
    assert load(tmp_path / "page.txt").infobox["commander1"].text.startswith("🇺🇸 Maj. Gen.")
    assert (
        load(tmp_path / "converted.wiki").infobox
        == load(MARKDOWN / "battle-of-waterloo.md").infobox
    )


def test_a_folder_of_every_kind_gives_a_quiz_each_and_skips_notes(exports, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.wiki").write_text(wiki_source("battle-of-gettysburg"), encoding="utf-8")
    (folder / "b.xml.bz2").write_bytes((exports / "three.xml.bz2").read_bytes())
    (folder / "c.md").write_text(
        (MARKDOWN / "2017-mayadin-offensive.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "notes.txt").write_text("my own notes", encoding="utf-8")
    found = find_articles([folder])
    assert len(found) == 5  # the .wiki, three pages, the .md; not notes.txt
    result = run(
        "generate",
        "-q",
        "--jobs",
        "1",
        "--format",
        "json",
        "--out",
        str(tmp_path / "out"),
        str(folder),
    )
    assert result.exit_code == 1  # the Gettysburg page and the .wiki share a title and a file
    assert "another article of this run" in result.stderr


def test_an_unbalanced_wikitext_file_still_makes_its_quiz(tmp_path):
    text = wiki_source("battle-of-dien-bien-phu")
    end = text.index("}}\nThe '''Battle")
    path = tmp_path / "broken.wiki"
    path.write_text(text[:end] + text[end + 2 :] + "\n{{unclosed|and <ref>stray", encoding="utf-8")
    files = generate(tmp_path / "out", str(path))
    assert list(files) == ["battle-of-dien-bien-phu.json"]
