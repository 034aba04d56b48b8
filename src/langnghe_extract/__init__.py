"""langnghe-extract: validated facts from Vietnamese news about craft villages and rural industry.

>>> from langnghe_extract import extract_document
>>> record = extract_document("Toàn tỉnh có 118 làng nghề, tạo việc làm cho hơn 10.000 lao động.")
>>> [(f.kind.value, f.value, f.qualifier.value) for f in record.facts]
[('villages', 118, 'exact'), ('workers', 10000, 'over')]

The public names are imported on first use (PEP 562), so that ``langnghe --help`` and other
light commands start without loading the pipeline and its parsers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langnghe_extract.models import ErrorRecord, Fact, Province, Record
    from langnghe_extract.pipeline import extract_document

    __version__: str

__all__ = ["ErrorRecord", "Fact", "Province", "Record", "__version__", "extract_document"]

_HOMES = {
    "ErrorRecord": "langnghe_extract.models",
    "Fact": "langnghe_extract.models",
    "Province": "langnghe_extract.models",
    "Record": "langnghe_extract.models",
    "extract_document": "langnghe_extract.pipeline",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    if name == "__version__":
        globals()[name] = _read_version()
        return globals()[name]
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'langnghe_extract' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def _read_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - 0.1 s to load

    try:
        return version("langnghe-extract")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0"
