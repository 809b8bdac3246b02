"""Placeholder."""


def balanced(text: str) -> str:
    return text
