"""Sentence → facts: kind, value, unit, qualifier, status, time, category, measure, place.

Each row is a small Vietnamese sentence of our own in the genre's shapes. Only the fields named
in a row are compared, so a row states exactly what it is about.
"""

from __future__ import annotations

from typing import Any

import pytest

from langnghe_extract.extract import extract_all
from langnghe_extract.extract.timeframe import find_periods
from langnghe_extract.normalise import to_facts
from langnghe_extract.validate import drop_overlaps


def facts_of(text: str) -> list[dict[str, Any]]:
    facts = drop_overlaps(to_facts(text, extract_all(text)))
    return [f.model_dump(mode="json") for f in facts]


# (sentence, [expected fields per fact])
COUNTS = [
    ("Toàn tỉnh có 118 làng nghề.", [{"kind": "villages", "value": 118, "unit": "làng nghề"}]),
    (
        "Trong đó có 87 làng nghề truyền thống và 31 làng nghề mới.",
        [{"value": 87, "category": "traditional"}, {"value": 31, "category": "new"}],
    ),
    ("Thành phố hiện có 1.350 làng có nghề.", [{"value": 1350, "category": "with_craft"}]),
    (
        "Có 287 làng nghề được công nhận theo tiêu chí.",
        [{"value": 287, "category": "recognized", "quote": "287 làng nghề được công nhận"}],
    ),
    ("Tỉnh công nhận thêm 5 làng nghề.", [{"value": 5, "category": "recognized"}]),
    ("Nghề gốm thu hút 500 người tham gia làm nghề.", [{"kind": "workers", "value": 500}]),
    ("Có 500 người dự lễ hội.", []),
    ("Ông không thể giải quyết vấn đề của 2 người phụ nữ.", []),
    ("Lễ hội thu hút 5.000 người đến xem.", []),
    ("Xưởng giải quyết việc làm cho 40 người.", [{"kind": "workers", "value": 40}]),
    (
        "Làng có khoảng 5.247 hộ tham gia sản xuất.",
        [{"kind": "households", "value": 5247, "qualifier": "about", "unit": "hộ"}],
    ),
    (
        "Tỉnh có 151 nghệ nhân và 74 thợ giỏi.",
        [{"kind": "artisans", "value": 151}, {"kind": "artisans", "value": 74, "unit": "thợ giỏi"}],
    ),
    (
        "Hiện có 12 HTX và 150 doanh nghiệp.",
        [
            {"kind": "establishments", "value": 12, "unit": "htx"},
            {"kind": "establishments", "value": 150},
        ],
    ),
    (
        "Hình thành 343 cơ sở sơ chế, chế biến nông sản.",
        [{"kind": "establishments", "value": 343, "unit": "cơ sở sơ chế"}],
    ),
    (
        "Tạo việc làm cho hơn 10.000 lao động.",
        [{"kind": "workers", "value": 10000, "qualifier": "over"}],
    ),
    (
        "Giải quyết việc làm cho hàng nghìn lao động nông thôn.",
        [{"kind": "workers", "value": 1000, "qualifier": "order"}],
    ),
    ("Tỉnh có 2 nhóm làng nghề hoạt động tốt.", []),
    ("Triển lãm với quy mô 4 gian hàng.", []),
    ("Thành phố có 36 quận, huyện.", []),
    ("Tỉnh công nhận thêm 8 nghề truyền thống.", [{"kind": "crafts", "value": 8}]),
    ("Huyện Chương Mỹ có 36 làng nghề.", [{"value": 36, "place": "Huyện Chương Mỹ"}]),
    (
        "Đến nay, xã Phú Vinh có 200 hộ làm nghề mây tre đan.",
        [{"kind": "households", "value": 200, "place": "xã Phú Vinh"}],
    ),
    ("Toàn tỉnh Thanh Hóa có 118 làng nghề.", [{"value": 118, "place": None}]),
    ("Chương trình Mỗi xã một sản phẩm được triển khai.", []),
    ("Cả nước có 680 cơ sở giáo dục nghề nghiệp.", []),
    ("Triển khai tới 1.500 cơ sở khám, chữa bệnh.", []),
    ("Hoàn thành bảo dưỡng lần 4 nhà máy lọc dầu.", []),
    ("Chương trình Top 10 doanh nghiệp tiêu biểu.", []),
    ("Đào tạo nghề giúp nhiều lao động. Một gia đình gồm bốn người bị thương.", []),
    ("Làng có 200 hộ làm nghề, cấp 20 hộ chiếu.", [{"kind": "households", "value": 200}]),
    ("Hai làng nghề được công nhận.", [{"kind": "villages", "value": 2}]),
    ("Làng nghề đã đào tạo ba mươi mốt học viên.", [{"kind": "workers", "value": 31}]),
    ("Trực Ninh có 3 làng nghề, trong đó có một số làng có nghề lâu đời.", [{"value": 3}]),
]
PRODUCTS = [
    (
        "Bình chọn 47 sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện, 24 sản phẩm công nghiệp "
        "nông thôn tiêu biểu cấp tỉnh.",
        [
            {"kind": "products", "value": 47, "category": "district"},
            {"kind": "products", "value": 24, "category": "province"},
        ],
    ),
    ("Có 3 sản phẩm CNNT tiêu biểu cấp quốc gia.", [{"kind": "products", "category": "national"}]),
    ("Tỉnh có 25 sản phẩm đạt 4 sao.", [{"kind": "ocop_products", "value": 25, "stars": 4}]),
    (
        "Huyện có 120 sản phẩm OCOP.",
        [{"kind": "ocop_products", "value": 120, "unit": "sản phẩm ocop"}],
    ),
    (
        "Mỗi năm có 40 sản phẩm làng nghề được xếp hạng OCOP.",
        [{"kind": "ocop_products", "value": 40, "per": "year"}],
    ),
    ("Có 15 sản phẩm đạt từ 3 sao trở lên.", [{"kind": "ocop_products", "stars": 3}]),
    ("Có 2 sản phẩm được công nhận sản phẩm tiêu biểu.", [{"kind": "products", "value": 2}]),
    (
        "Xã phấn đấu có thêm 2 sản phẩm đạt chuẩn OCOP 4 sao.",
        [{"kind": "ocop_products", "value": 2, "stars": 4, "status": "target"}],
    ),
    # units made or sold are an output volume, not a count of products
    ("Xưởng mây tre có công suất 300.000 sản phẩm/năm.", []),
    ("Mỗi năm làng gốm làm ra hơn 80.000 sản phẩm các loại.", []),
    ("Hợp tác xã xuất khẩu 1,2 triệu sản phẩm sang châu Âu.", []),
    ("Hằng năm, cơ sở tiêu thụ được khoảng 5.000 sản phẩm.", []),
    (
        "Huyện sản xuất 12 sản phẩm OCOP đạt 3 sao.",
        [{"kind": "ocop_products", "value": 12, "stars": 3}],
    ),
]
MONEY = [
    (
        "Năm 2018, giá trị sản xuất đạt 12.380 tỷ đồng.",
        [
            {
                "kind": "money",
                "value": 12380000000000,
                "unit": "VND",
                "year": 2018,
                "measure": "giá trị sản xuất",
            }
        ],
    ),
    (
        "Thu nhập bình quân đạt trên 8 triệu đồng/người/tháng.",
        [
            {
                "value": 8000000,
                "qualifier": "over",
                "per": "person/month",
                "measure": "thu nhập bình quân",
            }
        ],
    ),
    ("Kim ngạch xuất khẩu đạt 2,5 triệu USD.", [{"value": 2500000, "unit": "USD"}]),
    (
        "Doanh thu đạt 500 tỷ mỗi năm.",
        [{"value": 500000000000, "unit": "VND", "measure": "doanh thu"}],
    ),
    ("Dân số 78 triệu người.", []),
    (
        "Kinh phí hỗ trợ từ 5 đến 7 triệu đồng.",
        [{"value": 5000000, "value_max": 7000000, "measure": "kinh phí hỗ trợ"}],
    ),
    ("Tổng vốn 1 tỷ 200 triệu đồng.", [{"value": 1200000000}]),
    ("Hỗ trợ 50.000 EUR cho dự án.", [{"value": 50000, "unit": "EUR"}]),
    ("Thu nhập 60 triệu đồng/hộ/năm.", [{"per": "household/year"}]),
    ("Quyên góp được gần 700 triệu đồng.", [{"value": 700000000, "qualifier": "about"}]),
    ("Mỗi năm làng mang về khoảng 45 tỷ đồng.", [{"value": 45000000000, "per": "year"}]),
    ("Năm 2016, kết nạp 6 đồng chí.", []),
    # wages are a measure; bare "lương" is not ("lương thực" is food)
    (
        "Thợ gốm được trả mức lương 8 triệu đồng/tháng.",
        [{"measure": "mức lương", "per": "month"}],
    ),
    ("Sản xuất lương thực đạt 300 tỷ đồng.", [{"measure": None}]),
    (
        "Mây tre đan bán 25.000 đồng/kg.",
        [{"value": 25000, "per": "kg", "quote": "25.000 đồng/kg"}],
    ),
]
PERCENT = [
    ("Chiếm tỷ lệ 58,19% tổng giá trị.", [{"kind": "percent", "value": 58.19, "measure": "tỷ lệ"}]),
    (
        "Tốc độ tăng trưởng bình quân đạt 15,35%/năm.",
        [{"value": 15.35, "per": "year", "measure": "tốc độ tăng trưởng"}],
    ),
    ("Giá trị tăng 5,2% so với cùng kỳ.", [{"value": 5.2, "measure": "tăng"}]),
    ("Tỷ lệ lao động qua đào tạo đạt 12 phần trăm.", [{"value": 12.0}]),
    ("Tỷ lệ hộ nghèo giảm 5-7%.", [{"value": 5.0, "value_max": 7.0}]),
    # a bound written after the whole quote, for every kind (issue #3 review)
    (
        "Phấn đấu 90% trở lên số hộ làm nghề có thu nhập ổn định.",
        [{"value": 90.0, "qualifier": "over", "quote": "90% trở lên"}],
    ),
    (
        "Hỗ trợ các cơ sở có 30 lao động trở lên.",
        [{"kind": "workers", "qualifier": "over", "quote": "30 lao động trở lên"}],
    ),
    (
        "Khoản vay 50 triệu đồng trở xuống không cần thế chấp.",
        [{"kind": "money", "qualifier": "under", "quote": "50 triệu đồng trở xuống"}],
    ),
    ("Làng nghề có khoảng 40 hộ trở lên.", [{"qualifier": "about"}]),
    # a change verb carries over a list, not past a colon nor to a figure with its own verb
    (
        "Để xóa đói giảm nghèo, xã đề ra mục tiêu: 60% số hộ có nghề phụ, doanh thu tăng 12%.",
        [{"value": 60.0, "measure": None}, {"value": 12.0, "measure": "tăng"}],
    ),
    (
        "Doanh thu tăng 8%, riêng gốm sứ đạt 95% kế hoạch.",
        [{"value": 8.0, "measure": "tăng"}, {"value": 95.0, "measure": None}],
    ),
    (
        "Số hộ nghèo giảm 3%, 75% số thôn đạt chuẩn làng nghề.",
        [{"value": 3.0, "measure": "giảm"}, {"value": 75.0, "measure": None}],
    ),
    (
        "Xuất khẩu mây tre tăng mạnh ở Nhật Bản (21,5%), Hàn Quốc (18%).",
        [{"value": 21.5, "measure": "tăng"}, {"value": 18.0, "measure": "tăng"}],
    ),
]
FRAMES = [
    ("Tỉnh phấn đấu đến năm 2025 có 50 làng nghề.", [{"status": "target", "year": 2025}]),
    (
        "Dự kiến năm 2019, giá trị sản xuất đạt 41.748 tỷ đồng.",
        [{"status": "forecast", "year": 2019}],
    ),
    ("Ước tính năm nay doanh thu đạt 200 tỷ đồng.", [{"status": "forecast"}]),
    ("Mục tiêu mỗi năm có 40 sản phẩm đạt OCOP.", [{"status": "target", "per": "year"}]),
    ("Đến nay toàn tỉnh có 118 làng nghề.", [{"status": "actual"}]),
    ("Kế hoạch đề ra là đào tạo 2.000 lao động.", [{"status": "target", "value": 2000}]),
    (
        "Giai đoạn 2011-2019 tốc độ tăng trưởng đạt 15,35%/năm.",
        [{"period": [2011, 2019], "year": None}],
    ),
    ("Từ năm 2016 đến năm 2020, tỉnh hỗ trợ 300 cơ sở.", [{"period": [2016, 2020]}]),
    (
        "Năm 2020 có 30 làng nghề. Tỉnh sẽ có thêm 5 làng nghề.",
        [{"status": "actual", "year": 2020}, {"status": "target", "year": None}],
    ),
    (
        "Giai đoạn 2022 - 2025, tỉnh tập trung phát triển. "
        "Tỉnh phấn đấu công nhận thêm 7 làng nghề.",
        [{"status": "target", "period": [2022, 2025]}],
    ),
]
ALL = COUNTS + PRODUCTS + MONEY + PERCENT + FRAMES


@pytest.mark.parametrize(("sentence", "expected"), ALL, ids=[row[0][:60] for row in ALL])
def test_sentence_facts(sentence: str, expected: list[dict[str, Any]]) -> None:
    facts = facts_of(sentence)
    assert len(facts) == len(expected), [f["quote"] for f in facts]
    for fact, want in zip(facts, expected, strict=True):
        assert {key: fact[key] for key in want} == want, fact["quote"]


def test_every_quote_is_its_span() -> None:
    text = " ".join(sentence for sentence, _ in ALL)
    for fact in facts_of(text):
        assert text[fact["span"][0] : fact["span"][1]] == fact["quote"]


def test_years_of_the_text_are_scanned_only_for_a_fact_that_needs_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #7: the whole-text year scan runs for a plan without a time or a deadline only."""
    from langnghe_extract import normalise  # noqa: PLC0415 - patched here

    scans: list[str] = []

    def counted(text: str) -> list[tuple[int, tuple[int, int]]]:
        scans.append(text)
        return find_periods(text)

    monkeypatch.setattr(normalise, "find_periods", counted)
    done = "Năm 2023, toàn tỉnh có 118 làng nghề và 78 nghìn lao động."
    assert [f.year for f in to_facts(done, extract_all(done), published="2024-01-02")] == [2023] * 2
    assert scans == []
    plan = "Giai đoạn 2021-2025, tỉnh tập trung vào nghề gốm. Tỉnh phấn đấu có thêm 20 làng nghề."
    facts = to_facts(plan, extract_all(plan), published="2022-05-01")
    assert [(f.status.value, f.period) for f in facts] == [("target", (2021, 2025))]
    assert scans == [plan]
