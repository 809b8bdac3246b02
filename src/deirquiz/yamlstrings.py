"""The one YAML loader for text a user gives us (article front matter, template files)."""

from __future__ import annotations

import re

import yaml

# What the raw text's control filter could not see: YAML escapes ("\e", "\a", "\0", "\x9b")
# make these only as the YAML is read. ESC and BEL drive terminals; NUL has no place in text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean(text: str) -> str:
    """A string YAML made, fit for every output: no control characters, and no lone surrogate
    ("\\ud800" is valid YAML but cannot be written as UTF-8); an escaped pair becomes its
    character."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROLS.sub("", text)


def clean_tree(value: object) -> object:
    """``clean`` on every string of loaded YAML (mapping keys too), without recursion: the
    nesting may be as deep as the loader allowed."""
    if isinstance(value, str):
        return clean(value)
    root: list[object] = [value]
    todo: list[tuple[object, object]] = [(root, 0)]
    while todo:
        parent, key = todo.pop()
        item = parent[key]  # type: ignore[index]
        if isinstance(item, str):
            parent[key] = clean(item)  # type: ignore[index]
        elif isinstance(item, list):
            todo.extend((item, i) for i in range(len(item)))
        elif isinstance(item, dict):
            if any(isinstance(k, str) and clean(k) != k for k in item):
                fixed: dict = {}
                for k, v in item.items():
                    fixed.setdefault(clean(k) if isinstance(k, str) else k, v)
                item.clear()
                item.update(fixed)
            todo.extend((item, k) for k in list(item))
    return root[0]


class StringLoader(yaml.BaseLoader):
    """BaseLoader keeps every scalar a string (no NO -> False, 1:20 -> 80); aliases are refused
    so that an alias bomb fails at once instead of expanding; every scalar is ``clean``."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_scalar(self, node):  # type: ignore[override]
        return clean(super().construct_scalar(node))
