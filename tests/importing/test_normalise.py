"""Each normalisation of the usual spreadsheet mess, one by one."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.enums import Stage
from desktop.importing.columns import PROJECTS
from desktop.importing.normalise import (
    BadValue,
    clean_text,
    enum_lookup,
    fold,
    parse_amount,
    parse_date,
    parse_enum,
    parse_int,
    split_list,
)


@pytest.mark.parametrize(
    "raw",
    [
        "2024-12-12",
        "2024/12/12",
        "2024年12月12日",
        "2024.12.12",
        " 2024 年 12 月 12 日 ",
        "２０２４－１２－１２",
        "20241212",
        "24.12.12",
        "12 Dec 2024",
        "12 December 2024",
        "Dec 12, 2024",
        datetime(2024, 12, 12, 0, 0),
        date(2024, 12, 12),
    ],
)
def test_dates_in_every_usual_spelling(raw):
    assert parse_date(raw) == date(2024, 12, 12)


def test_single_digit_month_and_day():
    assert parse_date("2024/3/5") == date(2024, 3, 5)
    assert parse_date("2024年3月5日") == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("raw", "order", "expected"),
    [
        ("12/12/2024", "dmy", date(2024, 12, 12)),
        ("5/3/2024", "dmy", date(2024, 3, 5)),
        ("3/5/2024", "mdy", date(2024, 3, 5)),
        ("3/5/24", "mdy", date(2024, 3, 5)),
        ("5.3.24", "dmy", date(2024, 3, 5)),
        ("24/3/5", "ymd", date(2024, 3, 5)),
        ("2024/3/5", "dmy", date(2024, 3, 5)),  # a year first is never read another way
    ],
)
def test_the_locales_short_form_in_its_order(raw, order, expected):
    assert parse_date(raw, order) == expected


@pytest.mark.parametrize(
    "raw",
    ["2024-13-01", "2024-02-30", "next week", "12/12/2024", 45638, "0241212", "12 Foo 2024"],
)
def test_not_dates(raw):
    with pytest.raises(BadValue) as err:
        parse_date(raw)
    assert err.value.rule == "not_date"


def test_empty_date_is_none():
    assert parse_date(None) is None
    assert parse_date("   ") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,234.5", Decimal("1234.5")),
        ("１２３４．５", Decimal("1234.5")),
        ("１，２３４", Decimal("1234")),
        ("2.5亿元", Decimal("25000")),
        ("2.5亿", Decimal("25000")),
        ("300万元", Decimal("300")),
        (" 300 万 ", Decimal("300")),
        (1234, Decimal("1234")),
        (1234.56, Decimal("1234.56")),
        (0.1, Decimal("0.1")),
        (0.1 + 0.2, Decimal("0.3")),  # a formula's float noise
        (1234.5678, Decimal("1234.5678")),  # too many decimals is left for the service to refuse
        (Decimal("7.25"), Decimal("7.25")),
        ("-5", Decimal("-5")),
    ],
)
def test_amounts(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "1.2.3", "12元", "1e5", float("nan"), True, "亿元"])
def test_not_amounts(raw):
    with pytest.raises(BadValue) as err:
        parse_amount(raw)
    assert err.value.rule == "not_number"


@pytest.mark.parametrize("raw", ["100万美元", "$5,000", "USD 30", "2亿港元", "€12", "50欧元"])
def test_foreign_currency_is_its_own_refusal(raw):
    with pytest.raises(BadValue) as err:
        parse_amount(raw)
    assert err.value.rule == "foreign_currency"


def test_chinese_magnitudes_and_full_width_digits():
    assert parse_amount("3000万") == Decimal("3000")
    assert parse_amount("２．５亿") == Decimal("25000")
    assert parse_amount("25,000.00 万元") == Decimal("25000")  # how the form shows it


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_spelling_of_a_date_reads_back(day):
    for text in (
        f"{day:%Y%m%d}",
        f"{day:%Y-%m-%d}",
        f"{day:%Y.%m.%d}",
        f"{day:%Y/%m/%d}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day:%y.%m.%d}",
    ):
        assert parse_date(text) == day, text


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_amount_with_thousands_separators_round_trips(value):
    assert parse_amount(f"{value:,}") == value
    assert parse_amount(f"{value:,}万元") == value


def test_text_is_trimmed_and_kept_as_typed():
    assert clean_text("  =1+1 ") == "=1+1"
    assert clean_text("   ") is None
    assert clean_text(13800000000.0) == "13800000000"
    assert clean_text(datetime(2024, 12, 12)) == "2024-12-12"


def test_enum_by_code_chinese_english_and_width():
    lookup = enum_lookup(Stage)
    for raw in (
        "construction",
        "开工",
        "Under construction",
        " UNDER  CONSTRUCTION ",
        "ｃｏｎｓｔｒｕｃｔｉｏｎ",
    ):
        assert parse_enum(raw, lookup) is Stage.CONSTRUCTION
    with pytest.raises(BadValue) as err:
        parse_enum("half built", lookup)
    assert err.value.rule == "choice"


def test_whole_numbers():
    assert parse_int(3) == 3
    assert parse_int(3.0) == 3
    assert parse_int("第3批") == 3
    assert parse_int(" ３ ") == 3
    for raw in (3.5, "three", True):
        with pytest.raises(BadValue):
            parse_int(raw)


def test_lists_split_on_chinese_and_latin_separators():
    assert split_list("甲公司；乙公司、丙公司,丁公司\n戊公司") == [
        "甲公司",
        "乙公司",
        "丙公司",
        "丁公司",
        "戊公司",
    ]
    assert split_list(None) == []


def test_fold_ignores_width_case_and_spaces():
    assert fold("Ｓｉｃｈｕａｎ  Dept") == fold("sichuandept")


@pytest.mark.parametrize(
    "header",
    [
        "签约金额（万元）",
        "签约金额(万元)",
        " 签约 金额 ",
        "签约金额*",
        "Contracted (万元)",
        "contracted",
        "investment",
        "投资额",
    ],
)
def test_headers_match_in_chinese_english_and_loosely(header):
    assert PROJECTS.match_header(header) == "investment"


def test_unknown_header_matches_nothing():
    assert PROJECTS.match_header("备注") is None
