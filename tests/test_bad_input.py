"""Bad input: one clear line on stderr, exit code 1, at once, and the output folder untouched.

Every case goes through the real command line into a folder that already holds a deck from an
earlier run and a file of the user's own; the folder's names and bytes must be the same after.
The property tests feed the loader, the extractors and the templates random text and random
front matter: they may refuse it only with DeirquizError.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from deirquiz import article
from deirquiz.cli import main
from deirquiz.extraction import extract
from deirquiz.model import DeirquizError
from deirquiz.questions import generate, load_templates
from deirquiz.reading import read

from .conftest import SEED
from .wikidata import HEADER, export, page

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SLUG = "deir-ez-zor-offensive-september-november-2017"


def _billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: 10 ** levels strings if a loader expanded it."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines)


def _with_front_matter(fm: str, body: str = "Some text.\n") -> str:
    return f"---\n{fm}\n---\n{body}"


def _seed_fixed() -> str:
    """The seed with its mojibake repaired, so that it can be re-encoded as Latin-1 or UTF-16."""
    return article.repair(SEED_TEXT)


# --- the table: (case id, build(tmp) -> (CLI arguments, the file the error names), message) ----


def _file(name: str, data: bytes | str) -> Callable[[Path], tuple[list[str], Path]]:
    def build(tmp: Path) -> tuple[list[str], Path]:
        path = tmp / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return [str(path)], path

    return build


def _missing(tmp: Path) -> tuple[list[str], Path]:
    return [str(tmp / "nowhere.md")], tmp / "nowhere.md"


def _empty_folder(tmp: Path) -> tuple[list[str], Path]:
    folder = tmp / "notes"
    folder.mkdir()
    (folder / "readme.txt").write_text("not an article", encoding="utf-8")
    return [str(folder)], folder


def _too_big(tmp: Path) -> tuple[list[str], Path]:
    path = tmp / "huge.md"
    pad = "word " * (article.MAX_BYTES // 5)
    path.write_text(_with_front_matter("title: Huge", pad + "\n"), encoding="utf-8")
    return [str(path)], path


def _device(tmp: Path) -> tuple[list[str], Path]:
    """/dev/zero has no size and no end."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    return ["/dev/zero"], Path("/dev/zero")


def _pipe(tmp: Path) -> tuple[list[str], Path]:
    """Opening a pipe nobody writes to would wait for ever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp / "pipe.md"
    os.mkfifo(path)
    return [str(path)], path


def _bad_templates(text: str) -> Callable[[Path], tuple[list[str], Path]]:
    def build(tmp: Path) -> tuple[list[str], Path]:
        path = tmp / "mine.yaml"
        path.write_text(text, encoding="utf-8")
        return ["--templates", str(path), str(SEED)], path

    return build


def _missing_templates(tmp: Path) -> tuple[list[str], Path]:
    return ["--templates", str(tmp / "gone.yaml"), str(SEED)], tmp / "gone.yaml"


def _export_page(name: str, title: str, **kw) -> Callable[[Path], tuple[list[str], str]]:
    """An export of one page: the error names the page ("pages.xml › Title")."""

    def build(tmp: Path) -> tuple[list[str], str]:
        path = tmp / name
        path.write_text(export([page(title, **kw)]), encoding="utf-8")
        return [str(path)], f"{path} › {title}"

    return build


_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
XML_CASES = [
    ("XML that does not parse", _file("cut.xml", HEADER + "  <page>\n    <title>Bat"),
     "XML that does not parse"),
    ("an export with no page", _file("none.xml", HEADER + "</mediawiki>\n"), "no article page"),
    ("XML that is no export", _file("feed.xml", "<?xml version='1.0'?>\n<rss/>\n"),
     "not a MediaWiki export"),
    ("an entity bomb", _file("bomb.xml", f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY l0 "lol">'
     f"{_LAUGHS}]><mediawiki>&l9;</mediawiki>"), "DTD or entity declarations"),
    ("an external entity", _file("ext.xml", '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e '
     'SYSTEM "file:///etc/passwd">]><mediawiki>&e;</mediawiki>'), "DTD or entity declarations"),
    ("a damaged bz2", _file("dump.xml.bz2", b"BZh91AY&SY" + bytes(range(256)) * 4), "cannot be read"),
    ("a redirect page", _export_page("r.xml", "Gettysburg battle", text="#REDIRECT [[Battle of "
     "Gettysburg]]", redirect="Battle of Gettysburg"), "is a redirect to 'Battle of Gettysburg'"),
    ("a page without text", _export_page("e.xml", "Battle of Nothing", text=""),
     "the page's text is empty"),
    ("a redirect in wikitext", _file("r.wiki", "#REDIRECT [[Battle of Waterloo]]\n"),
     "is a redirect to 'Battle of Waterloo'"),
    ("a page larger than any article", _export_page("big.xml", "Battle of Words", text="word "
     * (article.MAX_BYTES // 2)), "larger than any real article"),
]  # fmt: skip

CASES = [
    *XML_CASES,
    ("missing path", _missing, "no such file or folder"),
    ("folder without articles", _empty_folder, "holds no article files"),
    ("empty file", _file("empty.md", b""), "the file is empty"),
    ("blank file", _file("blank.md", b"  \n\n\t\n"), "the file is empty"),
    ("binary with zero bytes", _file("bin.md", bytes(range(256)) * 8), "binary data"),
    ("binary without zero bytes", _file("bin.md", bytes(range(1, 256)) * 8), "binary data"),
    ("UTF-32", _file("u32.md", _seed_fixed().encode("utf-32")), "binary data"),
    (
        "GB18030, not Windows-1252",
        _file(
            "gb.md",
            _seed_fixed().replace("Deir ez-Zor offensive", "代尔祖尔攻势", 1).encode("gb18030"),
        ),
        "an unknown encoding",
    ),
    (
        "Windows-1251, not Windows-1252",
        _file(
            "ru.md",
            _with_front_matter("title: Наступление на Дейр-эз-Зор", "Текст статьи.\n").encode(
                "cp1251"
            ),
        ),
        "an unknown encoding",
    ),
    (
        "no front matter",
        _file("plain.md", "# A title\n\nOn 14 September 2017, X fell.\n"),
        "no YAML front matter",
    ),
    ("front matter not closed", _file("open.md", "---\ntitle: x\nbody\n"), "not closed"),
    (
        "YAML that does not parse",
        _file("bad.md", "---\ntitle: x\ninfoboxes: [\n  - a: b\n---\n"),
        "front matter YAML does not parse: line 4: ",
    ),
    (
        "YAML with a tab",
        _file("tab.md", "---\ntitle: x\n\tdate: y\n---\n"),
        "front matter YAML does not parse: line 3: ",
    ),
    (
        "YAML that is a list",
        _file("list.md", "---\n- a\n- b\n---\nbody\n"),
        "front matter must be a mapping, not a list",
    ),
    (
        "YAML that is text",
        _file("str.md", "---\njust words\n---\nbody\n"),
        "front matter must be a mapping, not a string",
    ),
    (
        "infoboxes as text",
        _file("ib1.md", _with_front_matter("title: x\ninfoboxes: hello")),
        "'infoboxes' must be a list of mappings, not a string",
    ),
    (
        "infoboxes of text",
        _file("ib2.md", _with_front_matter("title: x\ninfoboxes: [a, b]")),
        "'infoboxes' item 1 must be a mapping, not a string",
    ),
    (
        "infobox field as a list",
        _file("ib3.md", _with_front_matter("title: x\ninfoboxes:\n  - date: [a, b]")),
        "infobox field 'date' must be a mapping, not a list",
    ),
    (
        "infobox text as a mapping",
        _file("ib4.md", _with_front_matter("title: x\ninfoboxes:\n  - date: {text: {a: b}}")),
        "infobox field 'date': expected text, got a mapping",
    ),
    (
        "infobox links as text",
        _file("ib5.md", _with_front_matter("title: x\ninfoboxes:\n  - date: {text: a, links: b}")),
        "'links' must be a list",
    ),
    (
        "alias bomb",
        _file("bomb.md", _with_front_matter(_billion_laughs())),
        "line 3: YAML aliases (*name) are not allowed",
    ),
    (
        "nested too deeply",
        _file("deep.md", _with_front_matter("a: " + "[" * 50_000)),
        "nested too deeply",
    ),
    ("larger than any article", _too_big, f"(limit {article.MAX_BYTES:,} bytes)"),
    ("a device", _device, "is not a regular file"),
    ("a named pipe", _pipe, "is not a regular file"),
    (
        "not a battle",
        _file("thin.md", _with_front_matter("title: Nothing much", "It rained.\n")),
        "not a battle or campaign",
    ),
    (
        "no question can be made",
        _file("thin.md", _with_front_matter("title: Battle of Nothing", "It rained.\n")),
        "no question could be made",
    ),
    (
        "template YAML that does not parse",
        _bad_templates("templates:\n  - id: x\n    topic: [overview\n"),
        "template YAML does not parse: line 4: ",
    ),
    ("template file that is a list", _bad_templates("- a\n- b\n"), "must be a mapping"),
    (
        "template without wording",
        _bad_templates(
            "templates:\n  - {id: x, topic: overview, about: overview, answer: value}\n"
        ),
        "needs 'types'",
    ),
    ("missing template file", _missing_templates, "no such template file"),
]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """An output folder as a user has it: a deck from an earlier run and a file of their own."""
    out = tmp_path_factory.mktemp("baseline") / "decks"
    result = CliRunner().invoke(main, ["generate", "-q", "--jobs", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (out / "notes.txt").write_text("my own notes", encoding="utf-8")
    return out


@pytest.fixture
def out(baseline, tmp_path) -> Path:
    folder = tmp_path / "decks"
    shutil.copytree(baseline, folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative name, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def run(args: list[str]):
    return CliRunner().invoke(main, ["generate", "-q", "--jobs", "1", *args])


@pytest.mark.parametrize("build, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_error_line_and_changes_nothing(build, message, out, tmp_path):
    args, named = build(tmp_path)
    before = snapshot(out)
    result = run(["--out", str(out), *args])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # not an uncaught exception
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {named}: "), lines[0]
    assert message in lines[0]
    assert snapshot(out) == before


def test_alias_bomb_is_refused_not_expanded():
    text = _with_front_matter(_billion_laughs(), SEED_TEXT.split("\n---\n", 1)[1])
    with pytest.raises(DeirquizError, match="aliases"):
        article.parse(text, "bomb.md")


def test_yaml_error_names_the_line_an_editor_shows():
    text = "\n\n---\ntitle: x\ndescription: y\ninfoboxes: [\n  - a: b\n---\nbody\n"
    with pytest.raises(DeirquizError, match=r"line 7: "):
        article.parse(text, "x.md")


def test_special_character_in_yaml_names_its_line():
    text = "---\ntitle: x\ndescription: a\ufffeb\n---\nbody\n"
    with pytest.raises(DeirquizError, match=r"line 3: character U\+FFFE is not allowed"):
        article.parse(text, "x.md")


@pytest.mark.parametrize(
    "line",
    [
        "# a" + " " * 100_000 + "b",  # took minutes: a heading regex that backtracked
        "[" * 200_000,
        "[a](" * 50_000,
        "**" + "_" * 200_000,
    ],
    ids=["heading of spaces", "open brackets", "open links", "open bold"],
)
def test_long_hostile_lines_parse(line):
    # these once took minutes (a backtracking pattern); their timing is benchmarks/bench.py's
    assert article.parse(_with_front_matter("title: x", line + "\n"), "x.md").title == "x"


# --- encodings that are not UTF-8 ---------------------------------------------------------


def _seed_questions(tmp_path: Path, data: bytes) -> str:
    tmp_path.mkdir()
    path = tmp_path / "article.md"
    path.write_bytes(data)
    result = run(["--out", str(tmp_path / "out"), "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / f"{SEED_SLUG}.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])
def test_articles_in_other_encodings_give_the_same_questions(codec, tmp_path):
    text = _seed_fixed()
    if codec == "latin-1":  # Latin-1 has no en dash or emoji: compare with the same loss
        text = text.encode("latin-1", "replace").decode("latin-1")
    elif codec == "cp1252":
        text = text.encode("cp1252", "replace").decode("cp1252")
    reference = _seed_questions(tmp_path / "utf-8", text.encode("utf-8"))
    assert _seed_questions(tmp_path / codec, text.encode(codec)) == reference


def test_undecodable_utf16_says_so(tmp_path):
    path = tmp_path / "odd.md"
    path.write_bytes(b"\xff\xfe" + "---\ntitle: x\n".encode("utf-16-le") + b"\x00\xd8")
    result = run(["--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: UTF-16 text that does not decode")


def test_control_characters_are_dropped_from_the_text():
    """ESC and BEL would drive the terminal that prints a summary; they are no article text."""
    got = article.parse(_with_front_matter("title: x", "A \x1b[2Jb\x07c\x0c\x7fd.\n"), "x.md")
    assert got.lead == ("A [2Jbcd.",)


# --- text that YAML makes ---------------------------------------------------------------------

ESCAPES = r'"Deir\e]2;pwned\a ez-Zor\0 offensive\x9b (September–November 2017)"'


def _no_controls(data: bytes) -> None:
    text = data.decode("utf-8")
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def test_control_characters_from_yaml_escapes_are_dropped(tmp_path):
    """ESC and BEL written as YAML escapes exist only once YAML has read them."""
    path = tmp_path / "a.md"
    path.write_text(SEED_TEXT.replace("title: Deir ez-Zor offensive (Septemberâ€“November 2017)",
                                      f"title: {ESCAPES}"), encoding="utf-8")  # fmt: skip
    result = run(["--out", str(tmp_path / "out"), "--format", "md", "--format", "html", str(path)])
    assert result.exit_code == 0, result.output
    made = [p for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")]
    assert len(made) == 2
    for p in made:
        _no_controls(p.read_bytes())
        assert "2;pwned ez-Zor offensive" in p.read_text(encoding="utf-8")


def test_control_characters_from_a_template_files_escapes_are_dropped(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "templates:\n  - id: overview-result\n    topic: overview\n    about: overview\n"
        "    require: [result]\n    answer: result\n"
        '    types:\n      basic: "How did \\e]2;X\\a{kind_the} end?"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run(["--out", str(out), "--format", "md", "--templates", str(mine)]).exit_code == 0
    quiz = (out / f"{SEED_SLUG}.md").read_bytes()
    _no_controls(quiz)
    assert "How did \\]2;X" in quiz.decode("utf-8")  # Markdown escapes the bracket


@pytest.mark.parametrize("command", ["generate", "extract", "topics"])
def test_a_lone_surrogate_in_the_title_is_no_traceback(command, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(SEED_TEXT.replace("title: Deir ez-Zor offensive (Septemberâ€“November 2017)",
                                      r'title: "Deir ez-Zor \ud800 offensive"'), encoding="utf-8")  # fmt: skip
    args = [command, str(path)]
    if command == "generate":
        args += ["-q", "--out", str(tmp_path / "out"), *(f"--format={f}" for f in
                 ("apkg", "md", "json", "html"))]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.exception is None
    if command == "generate":
        assert (tmp_path / "out" / "deir-ez-zor-offensive.json").read_text(encoding="utf-8")


def test_an_escaped_surrogate_pair_is_its_character():
    got = article.parse(_with_front_matter(r'title: "Flag \ud83c\uddf8\ud83c\uddfe"'), "x.md")
    assert got.title == "Flag 🇸🇾"


# --- one bad article among many ----------------------------------------------------------


def test_a_bad_article_among_good_ones_is_reported_and_skipped(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    shutil.copy(SEED, src / "a-seed.md")
    other = SEED_TEXT.replace("title: Deir ez-Zor offensive", "title: Second offensive", 1)
    (src / "b-second.md").write_text(other, encoding="utf-8")
    (src / "c-broken.md").write_text("---\n- not\n- a mapping\n---\n", encoding="utf-8")
    (src / "d-empty.md").write_bytes(b"")
    out = tmp_path / "out"
    result = run(["--out", str(out), str(src)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"Error: {src / 'c-broken.md'}: front matter must be a mapping, not a list (skipped)",
        f"Error: {src / 'd-empty.md'}: the file is empty (skipped)",
    ]
    written = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert written == [
        f"{SEED_SLUG}.apkg",
        f"{SEED_SLUG}.md",
        "second-offensive-september-november-2017.apkg",
        "second-offensive-september-november-2017.md",
    ]


def test_two_articles_with_one_title_skip_the_second(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    shutil.copy(SEED, src / "a.md")
    shutil.copy(SEED, src / "b.md")
    other = SEED_TEXT.replace("title: Deir ez-Zor offensive", "title: Second offensive", 1)
    (src / "c.md").write_text(other, encoding="utf-8")
    out = tmp_path / "out"
    result = run(["--out", str(out), str(src)])
    assert result.exit_code == 1
    assert "same title" in result.stderr
    assert (out / "second-offensive-september-november-2017.md").exists()


def test_two_articles_with_one_title_never_overwrite_each_other(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    shutil.copy(SEED, src / "a.md")
    shutil.copy(SEED, src / "b.md")
    out = tmp_path / "out"
    result = run(["--out", str(out), "--format", "md", str(src)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {out / (SEED_SLUG + '.md')}: another article")
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == [f"{SEED_SLUG}.md"]


# --- templates from a user's file -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        (
            _billion_laughs(5) + "\ntemplates:\n  - {id: x, topic: overview, about: overview, "
            "answer: value, pool: *a5, types: {basic: 'What?'}}\n",
            "aliases",
        ),
        ("templates: " + "[" * 5000 + "\n", "nested too deeply"),
    ],
    ids=["alias bomb", "nested too deeply"],
)
def test_hostile_template_files_are_refused(text, message, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    result = run(["--out", str(tmp_path / "out"), "--templates", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: ")
    assert message in result.stderr


@pytest.mark.parametrize("field", ["{name.foo}", "{name[x]}", "{name:>99999999999}"])
def test_template_wording_with_more_than_a_field_name_is_refused(field, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "templates:\n  - {id: mine, topic: commanders, about: commander, answer: unit,\n"
        f"     types: {{basic: 'Who {field}?'}}}}\n",
        encoding="utf-8",
    )
    result = run(["--out", str(tmp_path / "out"), "--format", "json", "--templates", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: template 'mine': ")


# --- property tests: only DeirquizError, whatever the input -----------------------------------

# fmt: off
FIELDS = ["date", "place", "result", "partof", "territory", "combatant1", "combatant2",
          "commander1", "commander2", "units1", "units2", "casualties1", "casualties2",
          "casualties3", "strength1", "strength2", "conflict"]
WORDS = ["Syrian Army", "ISIL", "captured", "Maj. Gen.", "killed", "(Republican Guard)", "*",
         "**", "***", "🇷🇺", "ðŸ‡·ðŸ‡º", "â€“", "300+", "1,500", "per SOHR", "Syrian claim", "(",
         ")", ";", "Unknown", "–", "September", "17", "2017", "On 14 September", "The next day",
         "Between 14 and 23 September", "By 17 November", "a day later", "†", "\n", "  ",
         "{answer}", "{{c1::x}}", "<script>", "_____", "#", "[x](y)", "**b**"]
# fmt: on

fragments = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=14).map(" ".join)
field_values = (
    fragments
    | st.fixed_dictionaries(
        {"text": fragments},
        optional={
            "links": st.lists(
                st.fixed_dictionaries({}, optional={"text": fragments, "page": fragments})
                | fragments,
                max_size=3,
            ),
            "formatting": st.fixed_dictionaries(
                {}, optional={"bold": st.lists(fragments, max_size=2), "italic": fragments}
            ),
        },
    )
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda kids: (
            st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
        ),
        max_leaves=6,
    )
)
infobox = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), field_values, max_size=8)
front_matter = st.fixed_dictionaries(
    {},
    optional={
        "title": fragments | st.integers() | st.lists(st.text(max_size=3), max_size=2),
        "description": fragments,
        "url": st.sampled_from(["https://example.org/x", "javascript:alert(1)", ""]),
        "infoboxes": st.lists(infobox, max_size=2) | infobox | fragments,
    },
)
body_lines = st.lists(
    st.sampled_from(
        [
            "## Battle",
            "### Surrounding the city",
            "## See also",
            " * 2017 offensive",
            "![img](x.png)",
            "",
            "On 14 September 2017, the Syrian Army captured X.",
            "The next day, ISIL attacked Y.",
            "By 17 November, Z surrendered.",
        ]
    )
    | fragments,
    max_size=12,
).map("\n".join)

# Derandomized: the suite gives the same verdict on every run and every machine; hunt with more
# examples and other seeds by hand (a few thousand found the year -1 crash above).
PROPERTY = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def tset():
    return load_templates()


def _stages(text: str, tset) -> str:
    """Load, extract and ask; a refusal must be our own error type."""
    try:
        art = article.parse(text, "x.md")
        questions = generate(read(extract(art)), tset, seed=1)
    except DeirquizError as e:
        assert str(e).startswith("x.md: ")
        assert "\n" not in e.what
        return "refused"
    return "questions made" if questions else "no question"


def _all_stages(text: str, tset) -> None:
    event(_stages(text, tset))


def test_a_day_without_any_year_in_the_article_is_no_crash(tset):
    assert _stages(_with_front_matter("{}", "September 17\n"), tset) == "refused"


@PROPERTY
@given(text=st.text(max_size=300))
def test_random_text_is_parsed_or_refused(text):
    with contextlib.suppress(DeirquizError):
        article.parse(text, "x.md")


@PROPERTY
@given(text=st.text(max_size=300))
def test_random_text_after_a_fence_is_parsed_or_refused(text, tset):
    _all_stages("---\n" + text, tset)
    _all_stages("---\n" + text.replace("\n", "\n---\n", 1), tset)


@PROPERTY
@given(meta=front_matter, body=body_lines)
def test_random_front_matter_and_body_go_through_every_stage(meta, body, tset):
    fm = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    _all_stages(f"---\n{fm}---\n{body}\n", tset)


@PROPERTY
@given(data=st.binary(max_size=300))
def test_random_bytes_are_decoded_or_refused(data):
    with contextlib.suppress(DeirquizError):
        article.parse(article.decode(data, "x.md"), "x.md")


@settings(PROPERTY, max_examples=40)
@given(
    name=st.sampled_from(["commander1", "units1", "casualties2", "combatant1", "date", "result"]),
    value=fragments,
)
def test_seed_with_one_random_field_goes_through_every_stage(name, value, tset):
    meta, body = SEED_TEXT.split("\n---\n", 1)
    data = yaml.load(meta.removeprefix("---\n"), Loader=yaml.BaseLoader)
    data["infoboxes"][0][name] = {"text": value}
    fm = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _all_stages(f"---\n{fm}---\n{body}", tset)


@settings(PROPERTY, max_examples=60)
@given(
    values=st.dictionaries(st.sampled_from(FIELDS), fragments, max_size=5),
    inserts=st.lists(st.tuples(st.integers(0, 10_000), fragments), max_size=6),
)
def test_seed_with_random_fields_and_sentences_goes_through_every_stage(values, inserts, tset):
    meta, body = SEED_TEXT.split("\n---\n", 1)
    data = yaml.load(meta.removeprefix("---\n"), Loader=yaml.BaseLoader)
    data["infoboxes"][0].update({k: {"text": v} for k, v in values.items()})
    lines = body.split("\n")
    for at, words in inserts:
        i = at % len(lines)
        lines[i] = f"{lines[i]} {words}"
    fm = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _all_stages(f"---\n{fm}---\n" + "\n".join(lines), tset)


@pytest.mark.parametrize("command", ["extract", "topics"])
def test_other_commands_report_bad_input_the_same_way(command, tmp_path):
    path = tmp_path / "list.md"
    path.write_text("---\n- a\n---\n", encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: front matter must be a mapping, not a list\n"


def test_a_hostile_file_name_cannot_drive_the_terminal(tmp_path):
    path = tmp_path / "x\x1b]0;owned\x07\nline.md"
    path.write_bytes(b"")
    result = run(["--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


template_values = st.recursive(
    st.none() | st.text(max_size=12) | st.sampled_from(["overview", "commander", "mcq", "{name}"]),
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3)
    ),
    max_leaves=8,
)
template_docs = st.fixed_dictionaries(
    {},
    optional={
        "topics": st.dictionaries(st.text(max_size=6), template_values, max_size=2),
        "templates": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    k: template_values
                    for k in ("id", "topic", "about", "answer", "types", "require", "pool")
                },
            ),
            max_size=3,
        )
        | template_values,
    },
)


@PROPERTY
@given(doc=template_docs)
def test_random_template_files_are_read_or_refused(doc):
    from deirquiz.questions import parse_templates

    with contextlib.suppress(DeirquizError):
        parse_templates(yaml.safe_dump(doc, allow_unicode=True), "t.yaml")
