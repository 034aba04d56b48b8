"""Golden end-to-end tests: every seed and fixture document against its checked-in record.

Expected records live in ``fixtures/expected/<id>.json``; ``pytest tests/test_golden.py --update``
(or ``make golden``) rewrites them from the current output — review that diff before committing.
``fixtures/checks.toml`` adds what must and must not be in each record, which ``--update`` never
touches: the quality floor.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from langnghe_extract.pipeline import run
from langnghe_extract.read import find_documents

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "fixtures" / "expected"
CHECKS = tomllib.loads((ROOT / "fixtures" / "checks.toml").read_text(encoding="utf-8"))
DOCUMENTS = find_documents([str(ROOT / "seeds"), *map(str, sorted(ROOT.glob("fixtures/*.*")))])
DOCUMENTS = [d for d in DOCUMENTS if not d.endswith(".toml")]


def _record(path: str) -> dict[str, Any]:
    (record,) = list(run([path]))
    data = record.model_dump(mode="json")
    data["source"] = str(Path(path).relative_to(ROOT))  # independent of the checkout location
    return data


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: Path(p).stem)
def test_matches_golden_record(path: str, update: bool) -> None:
    actual = _record(path)
    golden = EXPECTED / f"{actual['id']}.json"
    if update:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for key in expected:
        if key != "facts":
            assert actual.get(key) == expected[key], f"field {key!r} differs"
    assert len(actual["facts"]) == len(expected["facts"]), [f["quote"] for f in actual["facts"]]
    for got, want in zip(actual["facts"], expected["facts"], strict=True):
        assert got == want, f"fact {want['quote']!r} differs"


@pytest.mark.parametrize("doc_id", sorted(CHECKS), ids=str)
def test_quality_floor(doc_id: str) -> None:
    # GIVEN the document named in checks.toml
    paths = [d for d in DOCUMENTS if Path(d).stem == doc_id]
    assert paths, f"checks.toml names {doc_id}, which is not a seed or fixture"
    check = CHECKS[doc_id]
    # WHEN it is extracted
    record = _record(paths[0])
    # THEN every listed fact, phrase and province is there, and nothing forbidden is
    facts = {(f["kind"], f["value"]) for f in record.get("facts", [])}
    for kind, value in check.get("facts", []):
        assert (kind, value) in facts, f"missing {kind}={value}"
    values = {f["value"] for f in record.get("facts", [])}
    for value in check.get("not_values", []):
        assert value not in values, f"{value} is not a fact of this article"
    if "facts" in check and check.get("exact_facts", False):
        assert len(facts) == len(check["facts"]), sorted(facts)
    for phrase in check.get("text_has", []):
        assert phrase in record["text"], f"text lost {phrase!r}"
    for phrase in check.get("text_lacks", []):
        assert phrase not in record["text"], f"text kept furniture {phrase!r}"
    for key in ("title", "author", "published", "url"):
        if key in check:
            assert record[key] == check[key]
    if "province" in check:
        assert record["province"] is not None
        assert [record["province"]["name"], record["province"]["current"]] == check["province"]
