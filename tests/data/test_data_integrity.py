"""Every language data file loads and holds no duplicate or conflicting entry (the data is
reviewed, not trusted)."""

from __future__ import annotations

from importlib import resources

import pytest

from langnghe_extract.data import load_table
from langnghe_extract.models import Kind

DATA_FILES = sorted(
    p.name.removesuffix(".toml")
    for p in resources.files("langnghe_extract.data").iterdir()
    if p.name.endswith(".toml")
)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_loads(name: str) -> None:
    assert load_table(name)


def test_each_counted_noun_belongs_to_one_kind() -> None:
    nouns = load_table("units")["nouns"]
    assert set(nouns) <= {k.value for k in Kind}
    seen: dict[str, str] = {}
    for kind, words in nouns.items():
        for word in words:
            assert seen.setdefault(word.lower(), kind) == kind, (
                f"{word!r} is {seen[word]} and {kind}"
            )
    assert len(seen) == sum(len(words) for words in nouns.values()), "a noun is listed twice"


def test_each_qualifier_word_has_one_meaning() -> None:
    qualifiers = load_table("cues")["qualifiers"]
    words = [w for group in qualifiers.values() for w in group]
    assert len(words) == len(set(words))


def test_status_cues_do_not_overlap() -> None:
    status = load_table("cues")["status"]
    words = [w for group in status.values() for w in group]
    assert len(words) == len(set(words))


def test_rates_and_currencies_use_contract_values() -> None:
    assert set(load_table("units")["currencies"].values()) <= {"VND", "USD", "EUR"}
    for per in load_table("cues")["rates"].values():
        assert per.replace("/", "").isalpha()
        assert per == per.lower()


def test_categories_use_contract_values() -> None:
    categories = load_table("units")["categories"]
    villages = set(categories["villages"].values()) | set(categories["villages_before"].values())
    assert villages <= {"traditional", "new", "recognized", "with_craft"}
    assert set(categories["products"].values()) <= {
        "commune",
        "district",
        "province",
        "region",
        "national",
    }


def test_number_words_are_digits_0_to_9() -> None:
    table = load_table("number_words")
    assert sorted(set(table["digits"].values())) == list(range(10))
    assert all(1 <= v <= 9 for v in table["final_digits"].values())
    assert all(v >= 100 and str(v).strip("0") == "1" for v in table["units"].values())
