"""Bytes a user hands us: read without hanging or filling memory, then decoded to text.

Used for articles, template files and deirquiz's own manifest: a name may point at a pipe, a
device or /dev/zero, and a file may grow while it is read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .model import DeirquizError

_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 controls but tab, CR, LF
# Windows-1252 text of a Western language has its non-ASCII letters one or two at a time, between
# ASCII letters, spaces and typographic punctuation ("Zürich", "Größe", "ação", "« l’été »").
# Text in another encoding (GB18030, Shift-JIS, Windows-1251) read as Windows-1252 has runs of
# them, with symbols mixed in: a Chinese title becomes "´ú¶û×æ¶û", a Russian one "Íàñòóïëåíèå".
# The converter's mojibake ("â€“") is repaired before runs are looked for.
_HIGH_RUN = re.compile(
    "[^\x00-\x7f\u00a0\u00ab\u00b0\u00bb\u2013\u2014\u2018-\u201e\u2022\u2026\u2039\u203a\u20ac]{3,}"
)


def read_bytes(path: Path, limit: int, follow: bool = True, kind: str = "article") -> bytes:
    """The file's bytes, refused unread when it is not a regular file or holds more than
    ``limit`` bytes. It is opened without blocking and checked on the open descriptor (so a file
    swapped for a pipe after a check cannot hang us); ``follow=False`` refuses a symbolic link.
    ``kind`` names what the file should be, in the messages.
    """
    where = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
        if path.is_symlink():
            raise DeirquizError(where, "is a symbolic link; deirquiz does not follow it")
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DeirquizError(where, "no such file or folder") from None
    except OSError as e:
        if os.path.isdir(path):
            raise DeirquizError(where, f"is a folder, not {_a(kind)} file") from None
        raise DeirquizError(where, e.strerror or "cannot be read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DeirquizError(where, f"is a folder, not {_a(kind)} file")
        if not stat.S_ISREG(info.st_mode):
            raise DeirquizError(where, "is not a regular file (a device or a pipe?)")
        too_big = f"is larger than any real {kind} (limit {limit:,} bytes)"
        if info.st_size > limit:
            raise DeirquizError(where, f"{info.st_size:,} bytes {too_big}")
        chunks, size = [], 0
        while size <= limit:  # the file may have grown since
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise DeirquizError(where, too_big)
        return b"".join(chunks)
    except OSError as e:
        raise DeirquizError(where, e.strerror or "cannot be read") from None
    finally:
        os.close(fd)


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or told by its zero
    bytes), else Windows-1252/Latin-1 when it reads as such; text that is more than 1% control
    characters is binary."""
    if not data.strip():
        raise DeirquizError(where, "the file is empty")
    utf16 = _utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as e:
            raise DeirquizError(where, f"UTF-16 text that does not decode ({e.reason})") from None
    elif b"\x00" in data:
        raise DeirquizError(where, "binary data, not a text article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if "\ufffd" in text or not _plausible_cp1252(text):
                raise DeirquizError(
                    where, "binary data or an unknown encoding, not UTF-8 or Latin-1 text"
                ) from None
    if len(_BINARY.findall(text)) > len(text) // 100:
        raise DeirquizError(where, "binary data, not a text article")
    return text


def _plausible_cp1252(text: str) -> bool:
    """False for text with three non-ASCII characters in a row (typographic punctuation aside):
    another encoding read as Windows-1252. A rule rather than a detector (charset-normalizer
    guesses among a hundred codecs, and on a file that is mostly ASCII wrongly): we only need to
    tell Windows-1252 text from what it is not."""
    if text.isascii():
        return True
    from .article import repair

    return _HIGH_RUN.search(repair(text)) is None


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text: by its BOM, or, without one, by the zero high bytes of the
    ASCII letters that fill any article (every second byte, and only those, is zero)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > half // 2 and even == 0:
        return "utf-16-le"
    if even > half // 2 and odd == 0:
        return "utf-16-be"
    return None
