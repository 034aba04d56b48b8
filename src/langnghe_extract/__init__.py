"""langnghe-extract: validated facts from Vietnamese news about craft villages and rural industry.

>>> record = extract_document("Toàn tỉnh có 118 làng nghề, tạo việc làm cho hơn 10.000 lao động.")
>>> [(f.kind.value, f.value, f.qualifier.value) for f in record.facts]
[('villages', 118, 'exact'), ('workers', 10000, 'over')]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from langnghe_extract.models import ErrorRecord, Fact, Province, Record
from langnghe_extract.pipeline import extract_document

try:
    __version__ = version("langnghe-extract")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["ErrorRecord", "Fact", "Province", "Record", "__version__", "extract_document"]
