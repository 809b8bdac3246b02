"""The one YAML loader for text a user gives us (article front matter, template files)."""

from __future__ import annotations

import yaml


class StringLoader(yaml.BaseLoader):
    """BaseLoader keeps every scalar a string (no NO -> False, 1:20 -> 80); aliases are refused
    so that an alias bomb fails at once instead of expanding."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)
