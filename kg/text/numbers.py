"""Number spans as written in reports (1,090 / １０９０ / 2.6万 / 十三万 / 一千零九十) turned into Decimals.

Only the number span itself is converted: cn2an never sees running text, because its
``transform`` would also rewrite names and slogans (“八五”普法, 一站式) into digits.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

#: Arabic digits, ASCII or full-width, with optional thousands commas and a decimal part.
DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+(?=[^0-9０-９]|$))?"
#: Chinese numerals, including financial forms and 两 (两家 = 2).
CHINESE = r"[零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?"
#: A multiplier written after Arabic digits (2.6万, 1.2亿).
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000)}
#: A number span: digits with an optional multiplier, or Chinese numerals.
NUMBER = rf"(?:{DIGITS}(?:万|亿)?|{CHINESE})"

FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟两〇", "一二三四五六七八九十百千二零")
#: Approximation words that may sit inside a span (十三万余, 15万余); they carry no value.
FILLERS = re.compile(r"[余多]")
CHINESE_ONLY = re.compile(rf"^{CHINESE}$")


def is_chinese(span: str) -> bool:
    """Whether the number is written in Chinese numerals (those need stricter context)."""
    return bool(CHINESE_ONLY.match(FILLERS.sub("", span)))


def to_decimal(span: str) -> Decimal | None:
    """The value of a number span, or None when it is not a number.

    >>> to_decimal("2.6万余")
    Decimal('26000')
    """
    text = FILLERS.sub("", span).strip()
    if not text:
        return None
    if is_chinese(text):
        return chinese_value(text)
    multiplier = Decimal(1)
    while text and text[-1] in MULTIPLIERS:
        multiplier *= MULTIPLIERS[text[-1]]
        text = text[:-1]
    text = text.translate(FULL_WIDTH).replace(",", "").replace("，", "")
    try:
        value = Decimal(text) * multiplier
    except InvalidOperation:
        return None
    return normalised(value)


def chinese_value(text: str) -> Decimal | None:
    """Chinese numerals through cn2an (strict mode: a malformed span is no number)."""
    try:
        value = cn2an.cn2an(text.translate(FINANCIAL), "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return normalised(Decimal(str(value)))


def normalised(value: Decimal) -> Decimal:
    """Plain notation without trailing zeros: 26000 rather than 2.6E+4 or 26000.0."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()
