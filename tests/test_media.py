"""Media outlets and publications read beside policies: 《》 titles that are not documents."""

from __future__ import annotations

import pytest

from kg.extract.policies import media_in
from kg.text.document import Sentence


def names_in(text: str) -> list[str]:
    return [m.name for m in media_in(Sentence(text=text, start=0, end=len(text), section="achievements"))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "在《法治日报》纸媒刊发了《大兴安岭推广“七个融合”助力法治建设》的报道,在《长安》杂志发表了《“司法局+工商联”服务民营企业》的经验文章。",
            ["法治日报", "大兴安岭推广“七个融合”助力法治建设", "长安", "“司法局+工商联”服务民营企业"],
        ),
        (
            "2024年10月,柳州市柳南区“猛佬党”调解工作室的相关工作做法,获中央广播电视总台《焦点访谈》栏目播出、宣传。",
            ["焦点访谈", "中央广播电视总台"],
        ),
        ("改版“宣汉司法”微信公众号,共发布260余条各类法治动态信息。", ["宣汉司法微信公众号"]),
        ("“十一”期间选送的漠河北极普法志愿者图片被中国普法网采用。", ["中国普法网"]),
        ("印发《柳州市关于全面推行包容审慎柔性执法的指导意见》,在全市范围内推行包容慎柔性执法。", []),
        # a body marked like a title, and a nested title whose inner mark closes at the end, are no media
        ("5月新设了《某县行政复议咨询委员会》,聘请专家学者8名。", []),
        ("制定《某区贯彻落实<法治政府建设实施纲要(2021-2025年)工作方案>》。", []),
        ("组织学习《中华人民共和国野生动物保护法》及《法治宣传教育读本》。", ["法治宣传教育读本"]),
    ],
)
def test_media_titles_and_accounts(text, expected):
    assert sorted(names_in(text)) == sorted(expected)
