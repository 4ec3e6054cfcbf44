"""Journal pages, book pages and patent certificates in other layouts and wordings (family
E): rendered E documents read as a born-digital PDF and as a photo, and hand-written
texts of wordings the templates do not use (running heads with the name after the issue,
通讯作者 footnotes, reference lists, DOIs coding the issue, 编委 lists wrapped over lines,
title-page bylines, register-style patent lines)."""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from schemas.document import DocumentText


def fields(kind: str, doc: DocumentText) -> dict:
    out: dict = {}
    for f in extract(kind, doc):
        out.setdefault(f.name, f.value)
    return out


# --- journal pages: text level ---------------------------------------------------------------

def test_running_head_name_after_issue_and_folios():
    """The name follows the volume/issue in the running head; the pages come from the folios
    of the first and last page, not from the reference list's citations."""
    f = fields("journal_pages", doc_from_text("""·1102· 第26卷第9期 2023年3月 中国全科医学 Chin Gen Pract
社区老年高血压患者自我管理行为的影响因素分析
孟凡丽1，韩雪2*
（1.新乡市第二人民医院全科医学科，河南 新乡 453002；2.新乡医学院护理学院，河南 新乡 453003）
【摘要】目的 分析社区老年高血压患者自我管理行为的影响因素。
【关键词】高血压；自我管理；社区
*通讯作者：韩雪，E-mail：hx2021@163.com
\f第26卷第9期 2023年3月 中国全科医学 Chin Gen Pract ·1105·
参考文献
[1] 刘敏，周强．老年慢性病管理现状[J]．中华护理杂志，2021，56（2）：201-205．
[2] 宋佳．社区护理干预研究[J]．护理研究，2019，33（7）：1120-1124．"""))
    assert f["journal_name"] == "中国全科医学"
    assert f["pages"] == "1102-1105"
    assert json.loads(f["authors"]) == ["孟凡丽", "韩雪"]
    assert (f["year"], f["issue"]) == ("2023", "9")


def test_corresponding_author_is_not_the_author_list():
    f = fields("journal_pages", doc_from_text("""基层医学论坛 2022年第26卷第15期
基于PDCA循环的医院感染防控管理实践
贾晓东¹ 彭丽萍¹ 程浩²
（1.周口市中心医院，河南 周口 466000；2.周口职业技术学院，河南 周口 466000）
摘要：探讨PDCA循环在医院感染防控管理中的应用效果。
第一作者：贾晓东
通讯作者：程浩"""))
    assert json.loads(f["authors"]) == ["贾晓东", "彭丽萍", "程浩"]


def test_doi_codes_year_and_issue():
    """No printed '2023年第7期': the year and issue are read from the CNKI-style DOI."""
    f = fields("journal_pages", doc_from_text("""护理学杂志
急诊预检分诊信息化系统的构建与应用
蔡明，邓雪梅
中图分类号：R472.2 文献标志码：A DOI：10.3870/j.cnki.hlxzz.2023.07.015"""))
    assert (f["year"], f["issue"]) == ("2023", "7")


def test_article_number_codes_year_issue_and_pages():
    f = fields("journal_pages", doc_from_text("""小麦品种区域试验结果分析
文章编号：1004-3268(2022)04-0041-06
第51卷 第4期 河南农业科学 Vol.51 No.4"""))
    assert (f["year"], f["issue"], f["pages"]) == ("2022", "4", "41-46")
    assert f["journal_name"] == "河南农业科学"


def test_masthead_page_labels_without_colons():
    """A 版权页 of a journal: frequency words are not the name; 主管 without a colon sets the
    level; the volume/issue line's year is on the next line."""
    f = fields("journal_pages", doc_from_text("""（半月刊 1986年创刊）
第37卷 第18期（总第702期）
2023年9月25日出版
主　　管 中华人民共和国国家卫生健康委员会
编辑出版 《中国实用护理杂志》编辑委员会
国际标准连续出版物号 ISSN 1672-7088"""))
    assert f["journal_name"] == "中国实用护理杂志"
    assert (f["year"], f["issue"], f["level"]) == ("2023", "18", "national")


def test_cover_name_over_pinyin():
    f = fields("journal_pages", doc_from_text("""中原医刊
ZHONGYUAN YIKAN
（月刊）
2022年 第49卷 第11期
ISSN 1006-1398
CN 41-1130/R"""))
    assert f["journal_name"] == "中原医刊"
    assert (f["year"], f["issue"]) == ("2022", "11")


# --- journal pages: contents entries, badges, level, page ranges ----------------------------

@pytest.mark.parametrize("text", [
    # names line ending in the page after a leader
    "目　次\n基层高血压管理模式探讨\n……………张伟，李娜 36\n社区糖尿病随访效果评价\n……………王小明，赵强，等 41\n"
    "老年跌倒风险评估研究\n……………孙丽 45",
    # the page in brackets after the names
    "本期目次\n基层高血压管理模式探讨\n张伟，李娜（36）\n社区糖尿病随访效果评价\n王小明，赵强，等（41）\n"
    "老年跌倒风险评估研究\n孙丽（45）",
    # a tabbed page column read apart from its entry, names joined by '·'
    "CONTENTS 目录\n基层高血压管理模式探讨\n36\n张伟·李娜\n社区糖尿病随访效果评价\n41\n王小明，赵强\n老年跌倒风险评估研究\n45\n孙丽",
    # the page before the title
    "目　　录\n36 基层高血压管理模式探讨\n张伟　李娜\n41 社区糖尿病随访效果评价\n王小明　赵强\n45 老年跌倒风险评估研究\n孙丽",
    # 'title（authors）……page' with section heads between
    "目　次\n·论著·\n基层高血压管理模式探讨（张伟，李娜）……36\n社区糖尿病随访效果评价（王小明，赵强）……41\n"
    "【护理园地】\n老年跌倒风险评估研究（孙丽）……45",
])
def test_contents_entries_carry_their_start_page(text):
    f = fields("journal_pages", doc_from_text(text))
    arts = json.loads(f["articles"])
    assert [a["title"] for a in arts] == ["基层高血压管理模式探讨", "社区糖尿病随访效果评价", "老年跌倒风险评估研究"]
    assert [a.get("start") for a in arts] == [36, 41, 45]
    assert arts[0]["authors"] == ["张伟", "李娜"] and arts[1]["authors"][:2] == ["王小明", "赵强"]
    assert f["article_title"] == "基层高血压管理模式探讨"  # a contents page alone: its first entry


def test_contents_then_article_page_in_one_document():
    """The article's own title and byline, not a contents entry; its range from the contents."""
    f = fields("journal_pages", doc_from_text("""目　次
基层高血压管理模式探讨
……………张伟，李娜 36
社区糖尿病随访效果评价
……………王小明，赵强 41
老年跌倒风险评估研究
……………孙丽 45
\f社区糖尿病随访效果评价
王小明 赵强 陈红
（郑州市金水区总医院，河南 郑州 450000）
摘要：目的 评价……"""))
    assert f["article_title"] == "社区糖尿病随访效果评价" and json.loads(f["authors"]) == ["王小明", "赵强", "陈红"]
    assert f["pages"] == "41-44"
    assert len(json.loads(f["articles"])) == 3


def test_article_page_with_an_unreadable_byline_repeats_its_contents_entry():
    """No byline read on the article page, but its title repeats a contents entry: that
    entry is the article (its authors and pages), not the contents' first entry."""
    f = fields("journal_pages", doc_from_text("""目次
作物栽培数字化转型路径探析
毛艳，萧佳··
·28
豫中地区花生氮肥减量增效试验研究
崔卫东，陈璐，吴海涛，等··34
大豆绿色防控技术集成与示范
邓宏伟，曾亚楠，郭世杰··38
\f豫中地区花生氮肥减量增效试验研究
星卫求感路美海身渠修号
同典工作提供参考"""))
    assert f["article_title"] == "豫中地区花生氮肥减量增效试验研究" and f["pages"] == "34-37"
    assert json.loads(f["authors"]) == ["崔卫东", "陈璐", "吴海涛"]


@pytest.mark.parametrize("cover, name, level", [
    ("中文核心期刊　中国科技核心期刊\n河南农业科学\nHENAN NONGYE KEXUE\n2023年第5期\n主管单位：河南省科学技术协会\n"
     "主办单位：河南省农业科学院\nCN 41-1092/S", "河南农业科学", "provincial"),
    ("全国中文核心期刊\nRCCSE中国核心学术期刊\n中国实用医药\nChina Practical Medicine\n2023年第8期\n"
     "中国康复医学会　主办\nCN 11-5547/R", "中国实用医药", "national"),
    ("河南省一级期刊\n中国期刊方阵双效期刊\n河南教育\n2023年第6期\n河南省教育厅主管", "河南教育", "provincial"),
    ("省级学术期刊\n基层医学论坛\nJICENG YIXUE LUNTAN\n2023年第9期\nCN 14-1314/R", "基层医学论坛", "provincial"),
])
def test_cover_badges_are_neither_name_nor_level(cover, name, level):
    f = fields("journal_pages", doc_from_text(cover))
    assert (f["journal_name"], f["level"]) == (name, level)


def test_core_badge_alone_is_a_weak_national_level():
    out = {x.name: x for x in extract("journal_pages", doc_from_text("中国科技论文统计源期刊\n2023年第5期\n目　次"))}
    assert out["level"].value == "national" and out["level"].confidence < 0.45
    assert "journal_name" not in out


@pytest.mark.parametrize("line, journal, pages", [
    ("引用本文：赵莉，吕亚楠．基层慢病管理模式探讨[J]．中华现代护理杂志，2023，29（5）：43-45．", "中华现代护理杂志", "43-45"),
    ("本文引用格式：王伟，李娜．课堂教学改革研究[J]．河南教育，2023（6）：12-14．", "河南教育", "12-14"),
    ("Cite this article: Zhao L. Chinese Journal of Modern Nursing, 2023, pp. 43-45.", None, "43-45"),
    ("刊于《中原医刊》2023年第5期 第43—45页", "中原医刊", "43-45"),
])
def test_article_page_range_wordings(line, journal, pages):
    f = fields("journal_pages", doc_from_text(line + "\n基层慢病管理模式探讨\n赵莉 吕亚楠\n"
                                                     "（郑州大学第一附属医院，河南 郑州 450052）\n摘要：目的……\n"
                                                     "（收稿日期：2022-10-12）"))
    assert f["pages"] == pages
    if journal:
        assert f["journal_name"] == journal


def test_folios_as_ocr_reads_them_and_not_reference_pages():
    """'·69·' read as '.69.'; a reference's wrapped tail ('819-831.') is no folio."""
    f = fields("journal_pages", doc_from_text("""第32卷第8期2023年8月
施工技术（中英文）
.69.
高层建筑深基坑BIM技术关键技术分析
韩晓静 韩军
（河南省天元市政工程有限公司，河南 南阳 473000）
摘要：本文……
\f第32卷第8期2023年8月
施工技术（中英文）
.71.
参考文献：
[1] 周军．建筑施工技术概论[M]．北京：人民卫生出版社，2021：
819-831."""))
    assert f["pages"] == "69-71"


def test_byline_names_joined_by_a_misread_dot_are_split():
    f = fields("journal_pages", doc_from_text("""快速康复外科理念在原发性高血压患者中的应用价值
汪晓东·春健
（1.安阳市第一人民医院，河南 安阳 455000；2.河南大学，河南 开封 475000）
【摘要】目的 探讨……"""))
    assert json.loads(f["authors"]) == ["汪晓东", "春健"]


def test_cover_year_and_issue_without_nian():
    f = fields("journal_pages", doc_from_text("中原医刊\nCentral Plains Medical Journal\n2023　第10期（总第562期）"))
    assert (f["year"], f["issue"]) == ("2023", "10")


# --- book pages: text level ------------------------------------------------------------------

def test_contributors_wrapped_under_their_heading():
    f = fields("book_pages", doc_from_text("""本书编写组
顾　问 祁建军
主　编 韦丽娟
副主编 丁国庆 曲晓燕
编　委（以姓氏笔画为序）
王海滨 冯丽 刘春燕
孙伟 何晓峰
图书在版编目（CIP）数据
社区康复护理技术／韦丽娟主编．—郑州：郑州大学出版社，2022.6"""))
    assert json.loads(f["editors"]) == {"主编": ["韦丽娟"], "副主编": ["丁国庆", "曲晓燕"],
                                        "参编": ["王海滨", "冯丽", "刘春燕", "孙伟", "何晓峰"]}


def test_title_page_byline_and_list_heading():
    f = fields("book_pages", doc_from_text("""果树修剪技术图解
郝志刚　梁秋燕　主编
参编人员名单
参编人员 邢丽 蒋涛
中国农业出版社
版次：2021年10月第1版 印次：2022年3月第2次印刷
字数：24万字"""))
    eds = json.loads(f["editors"]) if isinstance(f["editors"], str) else f["editors"]
    assert eds == {"主编": ["郝志刚", "梁秋燕"], "参编": ["邢丽", "蒋涛"]}
    assert f["word_count"] in (240000, "240000")
    assert f["issue_date"] == "2021-10"


def test_names_run_together_with_a_misread_are_split():
    f = fields("book_pages", doc_from_text("""基层护理管理实务
主编 韩立新 罗丹
韩立薪罗丹　主编
图书在版编目（CIP）数据
基层护理管理实务/韩立新，罗丹主编.—郑州：郑州大学出版社，2022.3"""))
    eds = json.loads(f["editors"]) if isinstance(f["editors"], str) else f["editors"]
    assert eds == {"主编": ["韩立新", "罗丹"]}


# --- patents: text level ---------------------------------------------------------------------

def test_patent_grant_date_and_number_on_shared_lines():
    f = fields("patent_certificate", doc_from_text("""证书号第18765432号
实用新型专利证书
实用新型名称：一种可调节式输液架
发　明　人：雷敏；周佳琪；石磊
专　利　号：ZL 2021 2 0345678.9
专利申请日：2021年02月20日　　授权公告日：2021年11月09日
专利权人：平顶山市第一人民医院
本专利的年费应当在每年02月20日前缴纳。
局长 申长雨"""))
    assert f["patent_type"] == "utility_model"
    assert f["patent_number"].startswith("ZL202120345678.")
    assert json.loads(f["inventors"]) == ["雷敏", "周佳琪", "石磊"]
    assert (f["filing_date"], f["grant_date"], f["issue_date"]) == ("2021-02-20", "2021-11-09", "2021-11-09")
    assert f["patent_title"] == "一种可调节式输液架"


# --- identifiers as OCR misreads their labels ------------------------------------------------

def test_misread_identifier_labels():
    from extractors._text.ids import find_cn_numbers, find_isbns, find_issns, find_patent_numbers

    assert [(i.value, i.valid) for i in find_issns("国际标准连续出版物号 1S5N 1672-9455")] == [("1672-9455", True)]
    assert [i.value for i in find_issns("国际标准连续出版物号：1672-9455")] == ["1672-9455"]
    assert [(i.value, i.valid) for i in find_isbns("书号：978-7-5645-0123-5")] == [("9787564501235", True)]
    assert [i.value for i in find_isbns("书 号 I5BN 978-7-5645-0123-5")] == ["9787564501235"]
    assert [i.value for i in find_isbns("1SBN 978-T-5645-0123-5")] == ["9787564501235"]  # 7 read as T
    assert find_isbns("ISBN 978-T-5645-0123-4") == []  # only when the check digit confirms it
    assert [i.value for i in find_cn_numbers("国内统一连续出版物号 CN 41~1130/R")] == ["CN 41-1130/R"]
    found = find_patent_numbers("专利号：2L201920456789.X")
    assert found and (found[0].value, found[0].valid, found[0].kind) == ("ZL201920456789.X", True, "utility_model")


def test_run_on_digits_are_not_a_misread_prefix():
    """Only a valid number is taken from '21…': a long digit run is not a patent number."""
    from extractors._text.ids import find_patent_numbers

    assert not any(i.valid for i in find_patent_numbers("订单号 21201920456788.1"))


# --- rendered family E documents (OCR) -------------------------------------------------------

_CASES = [  # (kind, render, seed, variant)
    ("journal_pages", "digital_pdf", 3, None), ("journal_pages", "photo_jpeg", 2, None),
    ("book_pages", "digital_pdf", 1, None), ("book_pages", "photo_jpeg", 3, None),
    ("patent_certificate", "digital_pdf", 2, "design"), ("patent_certificate", "photo_jpeg", 3, "utility_model"),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from pipeline.text import ocr_pool_map
    from samplegen.single import render_document
    from test_extract_rendered import _join

    root = tmp_path_factory.mktemp("family_e_pub")
    labels = {c: render_document(c[0], "E", c[1], seed=c[2], out_dir=root / f"{c[0]}_{c[1]}_{c[2]}", variant=c[3])
              for c in _CASES}
    files = [(c, f["abs_path"]) for c, lab in labels.items() for f in lab.get("files", [lab])]
    results = ocr_pool_map([p for _, p in files], "rapid", workers=2)
    docs: dict = {c: [] for c in _CASES}
    for (c, _), r in zip(files, results):
        assert r.ok, r.reason
        docs[c].append(r.document)
    return {c: (labels[c], _join(docs[c])) for c in _CASES}


@pytest.mark.ocr
@pytest.mark.parametrize("case", _CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_rendered_family_e(rendered, case):
    from pipeline.classify import classify_document
    from test_extract_rendered import ALIAS, SKIP, _expected, _knowable, _same

    kind = case[0]
    label, doc = rendered[case]
    assert classify_document(doc).kind == kind
    got = fields(kind, doc)
    raw = label.get("fields_raw", {})
    wrong = []
    for name in label["fields"]:
        if name == "person_name" or name.endswith("_rank") or (kind, name) in SKIP \
                or not _knowable(kind, "E", name, raw):
            continue  # the declarant and its rank are resolved per claim
        exp = _expected(kind, name, label)
        if not _same(kind, name, got.get(ALIAS.get((kind, name), name)), exp):
            wrong.append(f"{name}: got {got.get(name)!r}, expected {exp!r}")
    assert not wrong, "; ".join(wrong)
