"""The questions stage: records x templates -> checked questions."""

from .make import generate
from .templates import Template, TemplateSet, load_templates, parse_templates

__all__ = ["Template", "TemplateSet", "generate", "load_templates", "parse_templates"]
