"""A journal claim photographed page by page (pipeline.articles, run from
pipeline.declarant.resolve_claim): the contents page points at the declarant's article
(by their name among an entry's authors, else by the title read on the article page), and
the article's page range reaches the pages that show none (from the contents entry: its
start to the next entry's start less one; or from the folios of the first and last page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import extract
from extractors._base import doc_from_text
from pipeline.declarant import resolve_claim
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument

CONTENTS = """目　次
中原医刊 2023年第5期
基层高血压管理模式探讨
……………张伟，李娜 30
快速康复外科理念在原发性高血压患者中的应用价值
……………汪晓东，乔健 36
社区糖尿病随访效果评价
……………王小明，赵强 40
老年跌倒风险评估研究
……………孙丽 45"""

ARTICLE = """中原医刊 2023年第5期
快速康复外科理念在原发性高血压患者中的应用价值
汪晓东 乔健
（1.安阳市第一人民医院，河南 安阳 455000；2.河南大学，河南 开封 475000）
【摘要】目的 探讨快速康复外科理念的应用价值。
收稿日期：2022-06-28"""


def jdoc(text: str, i: int) -> ClaimDocument:
    """A photographed page as the pipeline hands it to the claim stage: extracted alone."""
    return ClaimDocument(doc_id=f"d{i}", path=f"p1/c1/{i}.jpg", doc_kind=DocKind.journal_pages, doc_kind_confidence=0.9,
                         text=text, fields=extract("journal_pages", doc_from_text(text)), char_count=len(text))


def resolved(*texts: str, name: str | None = "乔健") -> list[dict]:
    ctx = ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name=name,
                       documents=[jdoc(t, i) for i, t in enumerate(texts)])
    out = []
    for d in resolve_claim(ctx).documents:
        best: dict = {}
        for f in sorted(d.fields, key=lambda f: -f.confidence):
            best.setdefault(f.name, f.value)
        out.append(best)
    return out


def test_contents_page_points_at_the_declarants_entry():
    contents, article = resolved(CONTENTS, ARTICLE)
    assert contents["article_title"] == "快速康复外科理念在原发性高血压患者中的应用价值"
    assert json.loads(contents["authors"]) == ["汪晓东", "乔健"] and contents["author_rank"] == "2"
    assert contents["pages"] == "36-39"
    assert article["pages"] == "36-39"  # the article page photographed alone shows no range


def test_contents_without_authors_matched_by_the_article_title():
    bare = "\n".join(ln for ln in CONTENTS.splitlines() if "……" not in ln) + "\n"
    bare = bare.replace("基层高血压管理模式探讨\n", "基层高血压管理模式探讨 30\n") \
        .replace("应用价值\n", "应用价值 36\n").replace("随访效果评价\n", "随访效果评价 40\n") \
        .replace("风险评估研究\n", "风险评估研究 45\n")
    contents, _ = resolved(bare, ARTICLE.replace("外科理念在", "外科理念在"), name="无此人")
    assert contents["article_title"] == "快速康复外科理念在原发性高血压患者中的应用价值"
    assert contents["pages"] == "36-39"


def test_a_printed_range_beats_the_contents():
    cited = ARTICLE + "\n引用本文：汪晓东，乔健．快速康复外科理念在原发性高血压患者中的应用价值[J]．中原医刊，2023，50（5）：36-38．"
    contents, article = resolved(CONTENTS, cited)
    assert article["pages"] == "36-38" and contents["article_title"].startswith("快速康复")


def test_contents_and_article_in_one_document_keep_the_article_reading():
    (one,) = resolved(CONTENTS + "\f" + ARTICLE)
    assert one["article_title"] == "快速康复外科理念在原发性高血压患者中的应用价值"
    assert json.loads(one["authors"]) == ["汪晓东", "乔健"] and one["pages"] == "36-39"


def test_first_and_last_page_photographed_apart_give_the_range():
    first = ARTICLE.replace("中原医刊 2023年第5期\n", "·36·\n中原医刊 2023年第5期\n")
    last = "中原医刊 2023年第5期\n·39·\n4 结论\n综上所述，该方法值得推广。\n参考文献：\n[1] 王明．护理研究[J]．护理研究，2021，35（2）：112-115．"
    art, end = resolved(first, last)
    assert art["pages"] == "36-39" and end["pages"] == "36-39"


def test_no_journal_documents_nothing_changes():
    ctx = ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name="乔健", documents=[])
    assert resolve_claim(ctx).documents == []


# --- rendered family E claims: every photo's printed text, extracted alone, then the claim -----

@pytest.mark.parametrize("seed", [2, 3, 4, 6])  # masthead, badges, first+last page, toc layouts
def test_rendered_e_photographed_claim(seed, tmp_path: Path):
    """A family E journal paper photographed page by page (cover, contents, article, last
    page): each photo's text (the renderer's ground truth, no OCR) extracted alone, then the
    claim stage; every labelled field of every photo must come out right."""
    from pipeline.evaluate import same_value
    from samplegen.single import render_document

    lab = render_document("journal_pages", "E", "photo_jpeg", seed=seed, out_dir=tmp_path)
    files = lab.get("files", [lab])
    assert len(files) >= 2
    got = resolved(*(f["text"] for f in files), name=lab["person"]["name"])
    wrong = [f"page {k + 1} {name}: {g.get(name)!r} expected {want!r}"
             for k, (f, g) in enumerate(zip(files, got)) for name, want in f["fields"].items()
             if not same_value(name, want, g.get(name))]
    assert not wrong, "; ".join(wrong)


def test_article_that_is_the_first_entry_keeps_its_full_byline():
    contents = CONTENTS.replace("汪晓东，乔健 36", "汪晓东，乔健，等 36").replace("基层高血压管理模式探讨\n……………张伟，李娜 30\n", "")
    article = ARTICLE.replace("汪晓东 乔健", "汪晓东 乔健 陈红 李明")
    (one,) = resolved(contents + "\f" + article)
    assert json.loads(one["authors"]) == ["汪晓东", "乔健", "陈红", "李明"] and one["author_rank"] == "2"
    assert one["pages"] == "36-39"


def test_a_year_the_article_number_and_the_doi_disagree_on_yields_to_the_cover():
    """The article page's number reads '(2025)' while its DOI reads '.2023.08.' (its 'j.issn'
    misread): that year is in doubt, and the claim is dated by the cover's '2023年8月15日出版'."""
    from pipeline.policy.evidence import evidence_period

    article = ("中原医刊\n社区慢性病随访管理效果评价\n汪晓东 乔健\n（安阳市第一人民医院，河南 安阳 455000）\n"
               "中图分类号：R473.5 文献标志码：A 文章编号：1005-4189（2025）08-0105-05\n"
               "DOI：10.18265/3.1968.1005-4189.2023.08.008")
    cover = "中原医刊\n第32卷 第8期（总第392期）\n2023年8月15日出版\n主办 河南省医学会\nISSN 1005-4189"
    year = {f.name: f for f in extract("journal_pages", doc_from_text(article))}["year"]
    assert year.value == "2025" and year.confidence < 0.5
    ctx = ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name="乔健",
                       documents=[jdoc(article, 0), jdoc(cover, 1)])
    start, end, _ = evidence_period(ctx, 6)
    assert (start.year, end.year) == (2023, 2023)
    sure = article.replace("DOI：10.18265/3.1968.1005-4189.2023.08.008", "")
    assert {f.name: f for f in extract("journal_pages", doc_from_text(sure))}["year"].confidence >= 0.8
