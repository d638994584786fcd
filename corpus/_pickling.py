"""Pickling of frozen dataclasses that regular installs compile with mypyc (setup.py).

A compiled frozen dataclass cannot be unpickled the default way (field by field, which
its frozen ``__setattr__`` refuses); such classes define ``__reduce__`` with
:func:`rebuilt_from_fields`, which calls the class with its fields instead. The same
pickle then loads in a compiled and in a pure-Python install.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def rebuilt_from_fields(obj: Any) -> tuple:
    """``__reduce__`` of a dataclass instance: its class and its fields' values, in order.

    Example:
        >>> from corpus.quotes import Quote
        >>> rebuilt_from_fields(Quote(0, 4, "no", "direct", ""))[1]
        (0, 4, 'no', 'direct', '')
    """
    return type(obj), tuple(getattr(obj, field.name) for field in dataclasses.fields(obj))
