"""Number spans as reports write them, turned into plain Decimals."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.text.numbers import is_chinese, to_decimal


@pytest.mark.parametrize(
    "span, value",
    [
        ("2.6万余", 26000),
        ("十三万余", 130000),
        ("15万余", 150000),
        ("103.67万", 1036700),
        ("一千零九十", 1090),
        ("1,090", 1090),
        ("１０９０", 1090),
        ("两", 2),
        ("十", 10),
        ("3.8", Decimal("3.8")),
        ("80万", 800000),
        ("1.2亿", 120000000),
        ("壹佰", 100),
    ],
)
def test_spans_as_written(span, value):
    assert to_decimal(span) == Decimal(value)


def test_values_are_plain_not_scientific():
    assert str(to_decimal("2.6万")) == "26000"
    assert str(to_decimal("0.50")) == "0.5"


def test_not_a_number():
    assert to_decimal("余") is None
    assert to_decimal("万万") is None


def test_chinese_or_digits():
    assert is_chinese("十三万余")
    assert not is_chinese("2.6万")


def parses_its_own_writing(written: str) -> bool:
    """cn2an writes some numbers it cannot read back (7 500 001 000 as 七十五亿一千, a 零 lost
    across the 万 group): those say nothing about ``to_decimal``."""
    try:
        cn2an.cn2an(written, "normal")
    except ValueError:
        return False
    return True


@given(st.integers(min_value=0, max_value=10**12))
def test_any_integer_written_in_chinese_round_trips(n):
    written = cn2an.an2cn(n)
    assume(parses_its_own_writing(written))
    assert to_decimal(written) == Decimal(n)


def test_a_chinese_numeral_missing_its_zero_is_no_number():
    """七十五亿一千 is not well formed (七十五亿零一千 is): no value rather than a guess."""
    assert to_decimal("七十五亿一千") is None
    assert to_decimal("七十五亿零一千") == Decimal(7_500_001_000)


@given(st.integers(min_value=0, max_value=10**9))
def test_any_integer_with_thousands_commas(n):
    assert to_decimal(f"{n:,}") == Decimal(n)


@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_digits(n):
    full = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert to_decimal(full) == Decimal(n)
