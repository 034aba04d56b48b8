"""Language data tables, loaded once from the TOML files beside this module.

Logic modules import loaded tables from here and never hold Vietnamese literals themselves, so a
reviewer who reads Vietnamese can check every word list in one place.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from langnghe_extract.errors import DataError


@cache
def load_table(name: str) -> dict[str, Any]:
    """Return the parsed TOML file ``data/<name>.toml``.

    >>> "units" in load_table("number_words")
    True
    """
    try:
        raw = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data table {name}.toml is missing from the package") from exc
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"data table {name}.toml is malformed: {exc}") from exc
