"""Family E builders for publications and patents (see the package docstring):

| kind | E layouts |
|---|---|
| journal_pages | cover (stylised name + pinyin, 主管/主办 at the foot, 刊号 box) · 目次 with dotted leaders and section heads · article with running head “第41卷第5期 2023年5月”, superscript affiliations, 作者简介 footnote |
|  | cover with a band and vertical issue block · article first page (folio ·125·) and last page (folio, 参考文献 of other papers) |
|  | 版权页/刊期信息 (主管/主办/编辑出版/刊号 labels) · tabbed 目录 (page right) · article with 文章编号 |
|  | cover with quality-list badges (核心期刊, 统计源期刊 … also on provincial journals: a badge is no level) · 目次 “title / authors……page” · article first page with no range but a 引用本文 line, or nothing (the range only from the contents: the next entry's start less one) |

Contents pages paginate contiguously (an article ends the page before the next one starts),
as real journals do; the facts' contents list is re-paginated around the declarant's article.
| book_pages | 编委会 page (主审, 主编, 副主编, 编委 wrapping) · CIP block + imprint lines (字数/版次/印次 paired) |
|  | cover with roles · 版权页 as a ruled box · 目录 with dotted leaders |
|  | 扉页 “张三　李四　主编” · 编写人员 table · 版权页 with 万字 |
| patent_certificate | new-style 证书 (证书号 at the top, “；” inventor list, 授权公告日 + 公告号 on one line, 第1页（共2页）) |
|  | old-style spaced title, 年费 clause with a yearly due date, 局长 signature |
|  | two-column 证书 grid (专利号 | 申请日 on one line) |
"""

from __future__ import annotations

import datetime as dt
import random

from samplegen import identifiers
from samplegen.dates import fmt_date
from samplegen.fonts import text_width
from samplegen.layout import BLACK, RED, Composer, TextItem
from samplegen.templates.common import names_json

PATENT_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计"}
SUP = {"1": "¹", "2": "²", "3": "³"}
# pinyin of the words of journal names (covers print the name in pinyin under the characters)
_PINYIN = {"中国": "ZHONGGUO", "实用": "SHIYONG", "医药": "YIYAO", "中华": "ZHONGHUA", "现代": "XIANDAI",
           "护理": "HULI", "杂志": "ZAZHI", "河南": "HENAN", "医学": "YIXUE", "研究": "YANJIU", "中原": "ZHONGYUAN",
           "医刊": "YIKAN", "教育": "JIAOYU", "学刊": "XUEKAN", "探索": "TANSUO", "与": "YU", "实践": "SHIJIAN",
           "建筑": "JIANZHU", "技术": "JISHU", "施工": "SHIGONG", "建材": "JIANCAI", "农学": "NONGXUE",
           "通报": "TONGBAO", "农业": "NONGYE", "科学": "KEXUE"}
_SECTIONS = {"medical": ["·论著·", "·临床研究·", "·护理园地·", "·综述·"],
             "education": ["【教学研究】", "【课程改革】", "【教师发展】"],
             "engineering": ["■ 施工技术", "■ 工程管理", "■ 材料与结构"],
             "agriculture": ["作物栽培", "植物保护", "农业经济"]}
_SECOND_AFF = ["郑州大学", "河南中医药大学", "新乡医学院", "河南大学", "河南农业大学", "华北水利水电大学",
               "河南理工大学", "河南师范大学"]


def _comp(rng: random.Random, size: float = 11, role: str = "song", margins=(58, 58, 54, 54)) -> Composer:
    return Composer(margins=margins, role=role, font_size=size, rng=rng)


def _pinyin(name: str) -> str | None:
    core = name.split("（")[0]
    out, i = [], 0
    while i < len(core):
        for n in (2, 1):
            w = core[i:i + n]
            if w in _PINYIN:
                out.append(_PINYIN[w])
                i += n
                break
        else:
            return None
    return " ".join(out)


def _profession(j: dict) -> str:
    f = j["field"]
    return {"临床护理与诊疗": "medical", "学科教学": "education", "建筑施工技术": "engineering"}.get(f, "agriculture")


def _issue_forms(j: dict, rng: random.Random) -> str:
    y, v, n, tot = j["year"], j["volume"], j["issue"], j["total"]
    return rng.choice([f"{y}年第{n}期", f"{y}年 第{v}卷 第{n}期", f"第{v}卷第{n}期　{y}年{n}月",
                       f"{y}年第{n}期（总第{tot}期）", f"Vol.{v} No.{n}　{y}"])


def _byline(c: Composer, names: list[str], sups: list[str], size: float, sep: str) -> str:
    """Authors centred with raised affiliation numbers after each name (张三¹，李四²)."""
    parts = []
    for k, (nm, s) in enumerate(zip(names, sups)):
        parts.append((nm, s, sep if k < len(names) - 1 else ""))
    small = size * 0.58
    width = sum(text_width(nm, "kai", size) + text_width(s, "song", small) + text_width(sp, "kai", size)
                for nm, s, sp in parts)
    c.ensure(size * 1.8)
    base = c.y + size
    x = c.left + (c.content_width - width) / 2
    for nm, s, sp in parts:
        c.page.items.append(TextItem(x, base, nm, "kai", size))
        x += text_width(nm, "kai", size)
        c.page.items.append(TextItem(x, base - size * 0.38, s, "song", small))
        x += text_width(s, "song", small)
        if sp:
            c.page.items.append(TextItem(x, base, sp, "kai", size))
            x += text_width(sp, "kai", size)
    printed = "".join(nm + "".join(SUP.get(ch, ch) for ch in s) + sp for nm, s, sp in parts)
    c.page.add_line(printed, base)
    c.y += size * 1.8
    return printed


def _affiliations(j: dict, rng: random.Random) -> tuple[list[str], list[str]]:
    """Each author's affiliation numbers ('1', '2', '1,2') and the numbered affiliations."""
    n = len(j["authors"])
    prov = "河南"
    second = rng.choice(_SECOND_AFF)
    if n < 2 or rng.random() < 0.3:
        return ["" for _ in range(n)], [f"{j['affiliation']}，{prov} {j['city']}　{j['postcode']}"]
    sups = [rng.choice(["1", "1", "2", "1,2"]) for _ in range(n)]
    sups[0] = "1"
    if "2" not in "".join(sups):
        sups[-1] = "2"
    affs = [f"1. {j['affiliation']}，{prov} {j['city']}　{j['postcode']}", f"2. {second}，{prov} 郑州　450001"]
    return sups, affs


def _ref_list(rng: random.Random, j: dict, n: int) -> list[str]:
    """参考文献 of other papers (other journals, years and pages)."""
    others = ["中华护理杂志", "中国全科医学", "护理研究", "教育研究", "课程·教材·教法", "建筑结构", "施工技术",
              "农业工程学报", "作物学报", "中国实用护理杂志", "现代预防医学"]
    fam = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
    out = []
    for k in range(1, n + 1):
        a = "，".join(rng.choice(fam) + rng.choice(["建国", "丽华", "明", "军", "静", "敏", "伟", "芳"])
                     for _ in range(rng.randint(1, 3)))
        yr = j["year"] - rng.randint(1, 6)
        p0 = rng.randint(10, 900)
        topic = rng.choice(["现状调查及影响因素分析", "的研究进展", "的应用效果", "实践与思考", "的Meta分析"])
        if rng.random() < 0.8:
            out.append(f"[{k}] {a}．{j['field']}{topic}[J]．{rng.choice(others)}，{yr}，{rng.randint(10, 60)}"
                       f"（{rng.randint(1, 12)}）：{p0}-{p0 + rng.randint(2, 8)}．")
        else:
            out.append(f"[{k}] {a}．{j['field']}概论[M]．北京：人民卫生出版社，{yr}：{p0}-{p0 + 12}．")
    return out


_BADGES_NATIONAL = ["中国科技核心期刊", "中文核心期刊", "中国科技论文统计源期刊", "CSCD来源期刊", "北大核心期刊",
                    "RCCSE中国核心学术期刊", "中国期刊方阵双效期刊"]
_BADGES_PROVINCIAL = ["中文核心期刊", "中国科技核心期刊", "RCCSE中国核心学术期刊", "河南省一级期刊", "全国优秀科技期刊",
                      "中国期刊方阵双效期刊"]


def _contiguous_toc(j: dict, rng: random.Random) -> list[tuple[str, str, int]]:
    """The facts' contents entries re-paginated as a journal prints them: the declarant's
    article keeps its pages, the next article starts the page after it ends, the ones before
    end the page before the next starts."""
    toc = sorted(j["toc"], key=lambda e: e[2])
    k = next(i for i, e in enumerate(toc) if e[0] == j["article_title"])
    starts = [0] * len(toc)
    starts[k] = j["page_start"]
    nxt = j["page_start"] + j["page_count"]
    for i in range(k + 1, len(toc)):
        starts[i] = nxt
        nxt += rng.randint(3, 6)
    for i in range(k - 1, -1, -1):
        starts[i] = max(starts[i + 1] - rng.randint(3, 6), 1 + i)
    return [(t, a, pg) for (t, a, _), pg in zip(toc, starts)]


def _journal_fields(c: Composer, j: dict, name_raw: str | None = None) -> None:
    c.field("journal_name", j["name"], raw=name_raw or j["name"])
    c.field("year", str(j["year"]))
    c.field("issue", str(j["issue"]))
    c.field("level", j["level"])


def _article_page(c: Composer, j: dict, d: dict, rng: random.Random, head: str, folio_at: str,
                  article_no: bool, cite: bool) -> None:
    """An article's first page: running head, title, byline with superscript affiliations,
    affiliations, abstract, 中图分类号/文献标志码/文章编号, body, 作者简介 footnote."""
    authors = j["authors"]
    start = j["page_start"]
    c.y = 40
    folio = f"·{start}·"
    if folio_at == "none":  # a running head without the folio
        c.at(c.width / 2, c.y + 9, head, size=9, align="c")
    elif folio_at == "left":
        c.at(c.left, c.y + 9, folio, size=9)
        c.at(c.width - c.right, c.y + 9, head, size=9, align="r")
    else:
        c.at(c.left, c.y + 9, head, size=9)
        c.at(c.width - c.right, c.y + 9, folio, size=9, align="r")
    c.y += 14
    c.rule(BLACK, 0.6, double=True, after=16)
    c.title(j["article_title"], size=17, role="heib", after=6)
    sups, affs = _affiliations(j, rng)
    printed = _byline(c, authors, sups, 13, rng.choice(["，", "　", "  "]))
    c.field("authors", names_json(authors), raw=printed)
    c.field("author_rank", str(j["rank"]))
    c.field("person_name", d["name"])
    c.para(f"（{'；'.join(affs)}）", size=9, align="c", leading=1.5, after=6)
    lab = rng.choice([("【摘要】", "【关键词】"), ("摘　要：", "关键词："), ("[摘要]", "[关键词]")])
    c.para(f"{lab[0]}{j['abstract']}", size=9.5, indent=2, leading=1.55)
    c.para(f"{lab[1]}{'；'.join(j['keywords'])}", size=9.5, indent=2)
    mark = rng.choice(["文献标志码", "文献标识码"])
    line = f"中图分类号：{j['clc']}　　{mark}：A"
    if article_no:
        no = f"{j['issn']}（{j['year']}）{j['issue']:02d}-{start:04d}-{j['page_count']:02d}"
        line += f"　　文章编号：{no}"
    c.para(line, size=9, indent=2)
    c.para(f"DOI：10.{rng.randint(3969, 16766)}/j.issn.{j['issn']}.{j['year']}.{j['issue']:02d}.{rng.randint(1, 40):03d}",
           size=9, indent=2, after=2)
    if cite:  # how to cite this article, with its page range
        ab = "，".join(authors[:3]) + ("，等" if len(authors) > 3 else "")
        end = start + j["page_count"] - 1
        c.para(f"{rng.choice(['引用本文', '本文引用格式'])}：{ab}．{j['article_title']}[J]．{j['name']}，{j['year']}，"
               f"{j['volume']}（{j['issue']}）：{start}-{end}．", size=9, indent=2, role="kai")
    c.space(6)
    for para in j["body"][:5]:
        head_p = para[:1].isdigit() or para.startswith(("一、", "二、", "三、"))
        c.para(para, size=10.5, indent=0 if head_p else 2, leading=1.6, role="hei" if head_p and len(para) < 14 else None)
    c.y = max(c.y + 8, c.height - 120)
    c.rule(BLACK, 0.4, after=4, x1=c.left + 170)
    first = authors[0]
    c.para(f"收稿日期：{fmt_date(j['received'], rng.choice(['iso', 'cn']))}", size=8.5, indent=0)
    c.para(f"作者简介：{first}（{j['first_birth']}—），{j['first_gender']}，河南{j['city']}人，{j['first_title']}，"
           f"主要从事{j['field']}研究。", size=8.5, indent=0, hanging=5)
    if len(authors) > 1:
        corr = authors[-1] if rng.random() < 0.5 else authors[1]
        c.para(f"通信作者：{corr}，E-mail：{rng.choice(['hnzz', 'zzyx', 'lhxx'])}{rng.randint(100, 999)}@163.com",
               size=8.5, indent=0)


def _last_page(c: Composer, j: dict, rng: random.Random, head: str) -> None:
    """The article's last page: folio in the running head, a closing paragraph, 参考文献."""
    end = j["page_start"] + j["page_count"] - 1
    c.new_page()
    c.y = 40
    folio = f"·{end}·"
    if end % 2 == 0:
        c.at(c.left, c.y + 9, folio, size=9)
        c.at(c.width - c.right, c.y + 9, head, size=9, align="r")
    else:
        c.at(c.left, c.y + 9, head, size=9)
        c.at(c.width - c.right, c.y + 9, folio, size=9, align="r")
    c.y += 14
    c.rule(BLACK, 0.6, after=14)
    for para in j["body"][5:]:
        c.para(para, size=10.5, indent=2, leading=1.6)
    c.line_text("4　结论" if _profession(j) == "medical" else "四、结语", role="hei", size=10.5)
    c.para("综上所述，本研究所采用的方法切实可行，效果确切，今后将进一步扩大样本量开展多中心研究。", size=10.5, leading=1.6)
    c.space(6)
    c.line_text("参考文献：", role="hei", size=10)
    for r in _ref_list(rng, j, rng.randint(4, 7)):
        c.para(r, size=9, indent=0, hanging=2, leading=1.45)
    c.space(4)
    c.line_text(f"（本文编辑：{rng.choice(['王晓', '刘青', '赵蕾', '陈敏'])}）", align="r", size=9)


def journal_pages(d: dict, fam: str, rng: random.Random):
    j = d["journal"]
    prof = _profession(j)
    end_page = j["page_start"] + j["page_count"] - 1
    pages = f"{j['page_start']}-{end_page}"
    color = rng.choice([(150, 30, 36), (16, 70, 130), (30, 96, 70), (110, 40, 110)])
    pin = _pinyin(j["name"]) or j["en"].upper()
    layout = rng.choice(["toc", "firstlast", "masthead", "badges"])
    c = _comp(rng)
    month = j["issue"] if j["issue"] <= 12 else 12
    j = dict(j, toc=_contiguous_toc(j, rng))
    if layout == "toc":
        # --- cover: stylised name, pinyin, issue form, core badge, 主管/主办 at the foot, 刊号 box
        c.rect(0, 0, c.width, 210, color=None, fill=color)
        fit = min(58, (c.width - 120) / max(len(j["name"]), 1))
        c.at(c.width / 2, 110, j["name"], role="songb", size=fit, color=(255, 255, 255), align="c", scale_x=0.9)
        c.at(c.width / 2, 150, pin, role="hei", size=13, color=(235, 235, 235), align="c")
        issue_line = _issue_forms(j, rng)
        c.at(c.width / 2, 188, issue_line, role="hei", size=14, color=(255, 255, 255), align="c")
        if j["level"] == "national":
            c.at(c.width - 60, 240, rng.choice(["中国科技核心期刊", "中文核心期刊", "中国科技论文统计源期刊"]),
                 role="heib", size=11, color=color, align="r")
        c.rect(60, 270, c.width - 60, 640, color=None, fill=tuple(min(255, x + 190) for x in color))
        c.at(c.width / 2, 460, rng.choice(["专题：高质量发展", "本期聚焦", "学术前沿"]), role="kai", size=28,
             color=color, align="c")
        c.at(60, 700, f"主管：{j['supervisor']}", size=11)
        c.at(60, 720, f"主办：{j['sponsor']}", size=11)
        c.rect(c.width - 210, 684, c.width - 60, 740, color=BLACK, width=0.8)
        c.at(c.width - 135, 705, f"ISSN {j['issn']}", role="hei", size=11, align="c")
        c.at(c.width - 135, 727, j["cn"], role="hei", size=11, align="c")
        c.field("issn", j["issn"], raw=f"ISSN {j['issn']}")
        c.field("cn_number", j["cn"], raw=j["cn"])
        _journal_fields(c, j)
        # --- 目次: section heads, entries with dotted leaders to the page number
        c.new_page()
        c.y = 56
        c.line_text(f"{j['name']}　{j['year']}年第{j['volume']}卷第{j['issue']}期", align="l", role="hei", size=10)
        c.rule(color, 1.2, after=12)
        c.line_text(rng.choice(["目　　次", "目　　录"]), align="c", role="heib", size=18, after=10)
        secs = _SECTIONS[prof]
        for k, (t, a, pg) in enumerate(j["toc"]):
            if k % 3 == 0:
                c.line_text(secs[(k // 3) % len(secs)], role="hei", size=11, after=2)
            c.para(t, size=11, indent=0, leading=1.4)
            lead = f"{a} "
            dots = "…" * max(4, int((c.content_width - text_width(lead + str(pg), "song", 10)) / text_width("…", "song", 10)) - 6)
            c.line_text(f"{lead}{dots}（{pg}）", align="r", size=10, after=3)
        c.field("article_title", j["article_title"], raw=j["article_title"])
        # --- article first page
        c.new_page()
        head = f"{j['name']}　{j['year']}年{month}月第{j['volume']}卷第{j['issue']}期"
        last = rng.random() < 0.5
        _article_page(c, j, d, rng, head, "left" if j["page_start"] % 2 == 0 else "right", article_no=False, cite=not last)
        if last:  # the last page too: its folio ends the range
            _last_page(c, j, rng, head)
        c.field("pages", pages, raw=pages)
    elif layout == "firstlast":
        # --- cover: side band, vertical issue block, barcode box with 刊号
        c.rect(0, 0, 120, c.height, color=None, fill=color)
        for k, ch in enumerate(f"{j['year']}年第{j['issue']}期"):
            c.at(60, 120 + k * 26, ch, role="heib", size=20, color=(255, 255, 255), align="c", gt=False)
        c.page.add_line(f"{j['year']}年第{j['issue']}期", 120)
        fit = min(50, (c.width - 200) / max(len(j["name"]), 1))
        c.at(150, 140, j["name"], role="heib", size=fit, color=color)
        c.at(152, 172, pin, role="hei", size=12, color=(90, 90, 90))
        c.at(152, 196, j["en"], role="song", size=11, color=(90, 90, 90))
        c.at(c.width - 60, 230, rng.choice(["月刊", "半月刊", "双月刊"]), role="hei", size=12, align="r")
        c.rect(150, 260, c.width - 60, 620, color=None, fill=tuple(min(255, x + 175) for x in color))
        c.at(160, 690, f"{j['supervisor']}　主管", size=11)
        c.at(160, 710, f"{j['sponsor']}　主办", size=11)
        for k in range(34):  # a barcode
            c.rect(c.width - 200 + k * 4, 740, c.width - 198 + k * 4 + (k % 3), 780, color=None, fill=BLACK)
        c.at(c.width - 60, 798, f"ISSN {j['issn']}　　{j['cn']}", role="hei", size=10, align="r")
        c.field("issn", j["issn"], raw=f"ISSN {j['issn']}")
        c.field("cn_number", j["cn"], raw=j["cn"])
        _journal_fields(c, j)
        # --- first and last page of the article
        c.new_page()
        head = rng.choice([f"第{j['volume']}卷第{j['issue']}期　{j['year']}年{month}月　　{j['name']}",
                           f"{j['name']}　{j['year']}年第{j['issue']}期"])
        _article_page(c, j, d, rng, head, "left" if j["page_start"] % 2 == 0 else "right", article_no=False, cite=False)
        c.field("article_title", j["article_title"], raw=j["article_title"])
        _last_page(c, j, rng, head)
        c.field("pages", pages, raw=pages)
    elif layout == "badges":
        # --- cover: quality-list badges over the masthead (a provincial journal may carry a core badge too)
        pool = _BADGES_NATIONAL if j["level"] == "national" else _BADGES_PROVINCIAL
        badges = rng.sample(pool, rng.randint(1, 3)) if j["level"] == "national" or rng.random() < 0.7 else []
        c.rect(0, 0, c.width, 64, color=None, fill=color)
        for k, b in enumerate(badges):
            c.at(60 + k * 170, 40, b, role="hei", size=11, color=(255, 255, 255))
        c.y = 120
        fit = min(48, (c.width - 140) / max(len(j["name"]), 1))
        c.line_text(j["name"], align="c", role="songb", size=fit, color=color, after=2)
        c.line_text(pin, align="c", role="hei", size=12, after=14)
        c.line_text(f"{j['year']}年　第{j['issue']}期　{rng.choice(['月刊', '双月刊', '半月刊'])}", align="c", role="hei", size=14)
        c.rect(60, 300, c.width - 60, 620, color=None, fill=tuple(min(255, x + 185) for x in color))
        c.at(c.width / 2, 470, rng.choice(["本期导读", "专题研究", "学术探索"]), role="kai", size=28, color=color, align="c")
        c.at(60, 690, f"主管单位：{j['supervisor']}", size=11)
        c.at(60, 712, f"主办单位：{j['sponsor']}", size=11)
        c.at(c.width - 60, 690, f"ISSN {j['issn']}", role="hei", size=11, align="r")
        c.at(c.width - 60, 712, j["cn"], role="hei", size=11, align="r")
        c.field("issn", j["issn"], raw=f"ISSN {j['issn']}")
        c.field("cn_number", j["cn"], raw=j["cn"])
        _journal_fields(c, j)
        # --- 目次: title line, then authors and the start page after a leader
        c.new_page()
        c.y = 56
        c.line_text(f"{j['name']}　{j['year']}年第{j['issue']}期", align="l", role="hei", size=10)
        c.rule(color, 1.0, after=10)
        c.line_text(rng.choice(["本期目次", "目　　次", "目　录"]), align="c", role="heib", size=18, after=12)
        for t, a, pg in j["toc"]:
            c.para(t, size=11, indent=0, leading=1.4)
            c.line_text(f"{a}{'．' * rng.randint(10, 16)}{pg}", align="r", size=10, role="kai", after=4)
        c.field("article_title", j["article_title"], raw=j["article_title"])
        # --- the article's first page: no folio, no 文章编号; the range in a 引用本文 line or nowhere
        c.new_page()
        head = f"{j['name']}　{j['year']}年第{j['issue']}期"
        _article_page(c, j, d, rng, head, "none", article_no=False, cite=rng.random() < 0.5)
        c.field("pages", pages, raw=pages)
    else:
        # --- 版权页 / 刊期信息
        c.y = 70
        c.line_text(j["name"], align="c", role="heib", size=26, after=0)
        c.line_text(pin, align="c", role="hei", size=11, after=0)
        c.line_text(f"（{rng.choice(['月刊', '双月刊', '半月刊'])}　{j['year'] - j['volume'] + 1}年创刊）", align="c", size=10.5)
        c.line_text(f"第{j['volume']}卷　第{j['issue']}期（总第{j['total']}期）", align="c", size=12, after=0)
        pub = dt.date(j["year"], month, rng.choice([10, 15, 20, 25]))
        c.line_text(f"{fmt_date(pub, 'cn')}出版", align="c", size=11, after=10)
        c.rule(color, 1.0, after=10)
        rows = [("主　　管", j["supervisor"]), ("主　　办", j["sponsor"]), ("编辑出版", f"《{j['name']}》编辑部"),
                ("主　　编", rng.choice(["王建设", "刘国华", "孙志强", "周立新"])),
                ("地　　址", f"河南省{j['city']}市{rng.choice(['金水路', '文化路', '农业路'])}{rng.randint(1, 200)}号"),
                ("邮政编码", j["postcode"]), ("印　　刷", "河南省诚和印制有限公司"),
                ("国内发行", f"河南省邮政报刊发行局"), ("国际标准连续出版物号", f"ISSN {j['issn']}"),
                ("国内统一连续出版物号", j["cn"]), ("定　　价", f"{rng.choice([12, 15, 20, 25])}.00元")]
        for k, v in rows:
            c.para(f"{k}　{v}", size=11, indent=4, leading=1.7)
        c.field("issn", j["issn"], raw=f"ISSN {j['issn']}")
        c.field("cn_number", j["cn"], raw=j["cn"])
        _journal_fields(c, j)
        # --- 目录 with tabbed page numbers
        c.new_page()
        c.y = 60
        c.line_text("CONTENTS　目　录", align="c", role="heib", size=16, after=10)
        for t, a, pg in j["toc"]:
            c.ensure(40)
            y0 = c.y
            c.para(t, size=11, indent=0, leading=1.45, block=True)
            c.at(c.width - c.right, y0 + 11, str(pg), size=11, align="r")
            c.para(a, size=10, role="kai", indent=2, leading=1.5, after=2)
        c.field("article_title", j["article_title"], raw=j["article_title"])
        c.new_page()
        head = f"第{j['volume']}卷 第{j['issue']}期　　　{j['name']}　　　Vol.{j['volume']} No.{j['issue']}"
        _article_page(c, j, d, rng, head, "left" if j["page_start"] % 2 == 0 else "right", article_no=True, cite=False)
        c.field("pages", pages, raw=pages)
    return c


# --- books ----------------------------------------------------------------------------------

def _patent_dates(c: Composer, p: dict, style: str) -> tuple[str, str]:
    """Filing and grant dates printed in `style`, registered (the grant date is the issue date)."""
    fd, gd = fmt_date(p["filing_date"], style), fmt_date(p["grant_date"], style)
    c.field("filing_date", p["filing_date"].isoformat(), raw=fd)
    c.field("grant_date", p["grant_date"].isoformat(), raw=gd)
    c.field("issue_date", p["grant_date"].isoformat(), raw=gd)
    return fd, gd


def _wc_forms(wc: int, rng: random.Random) -> str:
    return rng.choice([f"{wc}千字", f"{wc} 千字", f"{wc // 10}万字" if wc % 10 == 0 else f"{wc}千字",
                       f"{wc} 000", f"{wc} 000字"])


def _imprint(c: Composer, b: dict, rng: random.Random, isbn_txt: str, wc_raw: str) -> None:
    d = b["date"]
    pr = rng.randint(1, 3)
    pd = dt.date(d.year + (1 if pr > 1 and d.month > 9 else 0), min(12, d.month + (pr - 1) * 2), 1)
    lines = [f"出版发行：{b['publisher']}", f"地址：{b['address']}　邮编：450002",
             f"印　　刷：{b['printer']}", "经　　销：全国新华书店",
             f"开本：787 mm×1092 mm　1/16　　印张：{b['sheets']}　　字数：{wc_raw}",
             f"版次：{d.year}年{d.month}月第1版　　印次：{pd.year}年{pd.month}月第{pr}次印刷",
             f"书号：ISBN {isbn_txt}", f"定价：{b['price']:.2f}元"]
    for ln in lines:
        c.para(ln, size=10.5, indent=0, leading=1.7)


def _cip(c: Composer, b: dict, chief: list[str], isbn_txt: str, rng: random.Random, boxed: bool) -> None:
    d = b["date"]
    top = c.y
    c.line_text("图书在版编目（CIP）数据", role="heib", size=11, after=4, x=c.left + 8 if boxed else None)
    verb = rng.choice(["主编", "主编", "编著"]) if len(chief) <= 2 else "主编"
    c.para(f"{b['title']}／{'，'.join(chief)}{verb}．—{b['city']}：{b['publisher']}，{d.year}．{d.month}", size=10.5, indent=2)
    c.para(f"ISBN {isbn_txt}", size=10.5, indent=2)
    c.para(f"Ⅰ.①{b['title'][:2]}…　Ⅱ.①{chief[0]}…　Ⅲ.①{b['clc_word']}　Ⅳ.①{b['clc']}", size=10.5, indent=2)
    c.para(f"中国版本图书馆CIP数据核字（{d.year}）第{b['cip']}号", size=10.5, indent=2, after=6)
    if boxed:
        c.rect(c.left, top - 4, c.width - c.right, c.y, color=BLACK, width=0.6)
        c.space(10)


def book_pages(d: dict, fam: str, rng: random.Random):
    b = d["book"]
    chief, deputy, contrib = b["chief"], b["deputy"], b["contributors"]
    isbn_txt = identifiers.format_isbn(b["isbn"])
    wc = b["word_count_k"]
    wc_raw = _wc_forms(wc, rng)
    color = rng.choice([(40, 90, 140), (140, 50, 40), (50, 110, 80), (90, 70, 130)])
    c = _comp(rng, size=12, margins=(72, 72, 70, 70))
    layout = rng.choice(["board", "cover", "title"])

    def people() -> None:  # on the page that lists every editor
        c.field("authors", names_json(chief + deputy + contrib))
        c.field("role", b["role"])
        c.field("person_name", d["name"])

    def imprint() -> None:  # on the copyright page
        c.field("organization", b["publisher"])
        c.field("isbn", b["isbn"], raw=isbn_txt)
        c.field("word_count", str(wc * 1000), raw=wc_raw)
        c.field("year", str(b["date"].year))

    reviewer = rng.choice(["赵建华", "钱志宏", "孙立群", "周秀云"])
    contrib_label = rng.choice(["编　委", "参编人员", "编　者", "编写人员"])
    if layout == "board":
        # --- 编委会 page: 主审 (not an author), 主编, 副主编, 编委 wrapping over lines
        c.y = 110
        c.line_text(rng.choice(["编 委 会", "本书编委会", "编写委员会"]), align="c", role="heib", size=20, after=24)
        c.para(f"主　审　{reviewer}", size=13, indent=3, leading=2.0)
        c.para(f"主　编　{'　'.join(chief)}", size=13, indent=3, leading=2.0)
        if deputy:
            c.para(f"副主编　{'　'.join(deputy)}", size=13, indent=3, leading=2.0)
        if contrib:
            c.para(f"{contrib_label}（{rng.choice(['以姓氏笔画为序', '按姓氏拼音排序'])}）", size=13, indent=3, leading=2.0)
            per = rng.choice([3, 4])
            for k in range(0, len(contrib), per):
                c.para("　".join(contrib[k:k + per]), size=13, indent=6, leading=1.9)
        c.field("title", b["title"], raw=b["title"])
        people()
        # --- copyright page: CIP + imprint
        c.new_page()
        c.y = 320
        c.line_text(b["title"], align="c", role="heib", size=16, after=2)
        c.line_text(f"{'　'.join(chief)}　主编", align="c", size=12, after=20)
        _cip(c, b, chief, isbn_txt, rng, boxed=rng.random() < 0.5)
        c.rule(BLACK, 0.5, after=10)
        _imprint(c, b, rng, isbn_txt, wc_raw)
        imprint()
    elif layout == "cover":
        # --- cover with the roles printed on it
        c.rect(0, 0, c.width, c.height, color=None, fill=(248, 246, 240))
        c.rect(0, 150, c.width, 330, color=None, fill=color)
        fit = min(34, (c.width - 100) / max(len(b["title"]), 1))
        c.at(c.width / 2, 255, b["title"], role="heib", size=fit, color=(255, 255, 255), align="c")
        y = 420
        for lab, ppl in (("主编", chief), ("副主编", deputy)):
            if ppl:
                c.at(c.width / 2, y, f"{lab}　{'　'.join(ppl)}", size=14, align="c")
                y += 28
        c.at(c.width / 2, 780, b["publisher"], role="songb", size=16, align="c")
        c.field("title", b["title"], raw=b["title"])
        # --- 版权页 as a ruled box
        c.new_page()
        c.y = 120
        _cip(c, b, chief, isbn_txt, rng, boxed=True)
        c.space(20)
        c.table([["书　名", b["title"]], ["主　编", "　".join(chief)], ["副 主 编", "　".join(deputy)],
                 [contrib_label.replace("　", ""), "　".join(contrib)],
                 ["出版发行", b["publisher"]], ["字　数", wc_raw], ["版　次", f"{b['date'].year}年{b['date'].month}月第1版"],
                 ["书　号", f"ISBN {isbn_txt}"], ["定　价", f"{b['price']:.2f}元"]],
                widths=[1.2, 4.5], header=False, size=10.5, align=["c", "l"])
        people()
        imprint()
        # --- 目录 with dotted leaders
        c.new_page()
        c.y = 80
        c.line_text("目　　录", align="c", role="heib", size=18, after=14)
        for ch_title, pg, subs in b["contents"]:
            c.line_text(f"{ch_title}{'·' * 30}{pg}", size=12, role="hei", after=2)
            for s_title, s_pg in subs:
                c.line_text(f"　　{s_title}{'·' * 26}{s_pg}", size=11, after=1)
    else:
        # --- 扉页: title and the chief editors' names before 主编
        c.y = 200
        c.line_text(b["title"], align="c", role="heib", size=28, after=30)
        c.line_text(f"{'　'.join(chief)}　主编", align="c", size=15, after=300)
        c.line_text(b["publisher"], align="c", role="songb", size=15)
        c.line_text(b["city"], align="c", size=12)
        c.field("title", b["title"], raw=b["title"])
        # --- 编写人员 as a table (role | names)
        c.new_page()
        c.y = 100
        c.line_text("编写人员名单", align="c", role="heib", size=18, after=16)
        rows = [["职　务", "姓　名"], ["主　编", "　".join(chief)]]
        if deputy:
            rows.append(["副主编", "　".join(deputy)])
        if contrib:
            rows.append([contrib_label.replace("　", ""), "　".join(contrib)])
        c.table(rows, widths=[1.2, 4.0], header=True, size=12, align=["c", "l"], min_h=30)
        people()
        # --- copyright page
        c.new_page()
        c.y = 360
        _cip(c, b, chief, isbn_txt, rng, boxed=False)
        c.rule(BLACK, 0.5, after=10)
        _imprint(c, b, rng, isbn_txt, wc_raw)
        c.line_text("版权所有　侵权必究", align="c", size=10)
        imprint()
    return c


# --- patents --------------------------------------------------------------------------------

def _spaced(label: str, width: int) -> str:
    if len(label) >= width:
        return label
    if len(label) == 2:
        return label[0] + "　" * (width - 2) + label[1]
    return "　".join(label) if len(label) * 2 - 1 <= width else label


def patent_certificate(d: dict, fam: str, rng: random.Random):
    p = d["patent"]
    kind = PATENT_ZH[p["type"]]
    who = "设计人" if p["type"] == "design" else "发明人"
    title_label = {"invention": "发明名称", "utility_model": "实用新型名称", "design": "外观设计名称"}[p["type"]]
    c = Composer(margins=(70, 70, 60, 60), role="song", font_size=13, rng=rng)
    num = identifiers.format_patent(p["number"], rng.choice(["spaced", "spaced", "half", "compact"]))
    c.field("patent_type", p["type"], raw=kind)
    c.field("patent_title", p["title"], raw=p["title"])
    c.field("inventor_rank", str(p["rank"]))
    c.field("patentee", p["patentee"], raw=p["patentee"])
    c.field("person_name", d["name"])
    c.field("organization", "国家知识产权局")
    c.field("patent_number", p["number"], raw=num)
    c.field("certificate_number", p["cert_no"], raw=p["cert_no"])
    layout = rng.choice(["new", "old", "grid"])
    if layout == "new":
        inventors = "；".join(p["inventors"])
        c.field("inventors", names_json(p["inventors"]), raw=inventors)
        c.frame((60, 110, 150), inset=16, width=1.0)
        c.y = 56
        c.line_text(f"证书号第{p['cert_no']}号", align="l", size=11, after=18)
        c.line_text(f"{kind}专利证书", align="c", role="heib", size=30, color=RED if rng.random() < 0.3 else BLACK, after=20)
        style = rng.choice(["cn0", "cn"])
        fd, gd = _patent_dates(c, p, style)
        for lab, val in ((title_label, p["title"]), (who, inventors), ("专利号", num), ("专利申请日", fd),
                         ("专利权人", p["patentee"]), ("地址", p["address"])):
            c.kv(_spaced(lab, 5), val, size=12.5, label_chars=6)
        c.para(f"授权公告日：{gd}　　　授权公告号：{p['pub_no']}", size=12.5, indent=0)
        c.space(14)
        years = "二十" if p["type"] == "invention" else ("十五" if p["type"] == "design" else "十")
        c.para(f"国家知识产权局依照中华人民共和国专利法进行审查，决定授予专利权，颁发{kind}专利证书并在专利登记簿上予以登记。"
               f"专利权自授权公告之日起生效。专利权期限为{years}年，自申请日起算。", size=11, leading=1.7)
        c.para("专利证书记载专利权登记时的法律状况。专利权的转移、质押、无效、终止、恢复和专利权人的姓名或名称、国籍、"
               "地址变更等事项记载在专利登记簿上。", size=11, leading=1.7)
        c.space(24)
        c.at(c.width - c.right - 150, c.y + 20, "局长", size=12)
        c.at(c.width - c.right - 100, c.y + 22, p["director"], role="kai", size=20, hand=True)
        c.seal(c.width - c.right - 90, c.y + 10, "国家知识产权局", r=46)
        c.qr(c.left + 4, c.y - 10, 60)
        c.at(c.width / 2, c.height - 40, "第 1 页（共 2 页）", size=9.5, align="c")
        c.at(c.left, c.height - 58, "其他事项参见续页", size=9.5)
    elif layout == "old":
        sep = rng.choice(["；", "、", "　"])
        inventors = sep.join(p["inventors"])
        c.field("inventors", names_json(p["inventors"]), raw=inventors)
        c.frame((150, 40, 40), inset=20, width=3.0)
        c.y = 80
        t = f"{kind}专利证书"
        c.line_text(" ".join(t), align="c", role="songb", size=26 if len(t) > 6 else 30, after=10)
        c.line_text(f"证书号　第{p['cert_no']}号", align="c", size=12, after=22)
        style = rng.choice(["cn", "cn0", "dot0"])
        fd, gd = _patent_dates(c, p, style)
        for lab, val in (((title_label, p["title"]), (who, inventors), ("专利号", num), ("专利申请日", fd),
                          ("专利权人", p["patentee"]), ("授权公告日", gd))):
            c.kv(lab, val, size=13)
        c.space(12)
        years = "二十" if p["type"] == "invention" else "十"
        fee = p["filing_date"]
        c.para(f"本{kind}经过本局依照中华人民共和国专利法进行审查，决定授予专利权，颁发本证书并在专利登记簿上予以登记。"
               f"专利权自授权公告之日起生效。", size=11.5, leading=1.7)
        c.para(f"本专利的专利权期限为{years}年，自申请日起算。专利权人应当依照专利法及其实施细则规定缴纳年费。"
               f"本专利的年费应当在每年{fee.month:02d}月{fee.day:02d}日前缴纳。未按照规定缴纳年费的，专利权自应当缴纳年费期满之日起终止。",
               size=11.5, leading=1.7)
        c.space(30)
        c.at(c.width - c.right - 170, c.y + 20, "局　长", size=13)
        c.at(c.width - c.right - 100, c.y + 22, p["director"], role="kai", size=22, hand=True)
        c.seal(c.width - c.right - 95, c.y + 12, "中华人民共和国国家知识产权局", r=50)
        c.at(c.width / 2, c.height - 52, "中华人民共和国国家知识产权局", size=11, align="c")
    else:
        sep = rng.choice(["；", "，"])
        inventors = sep.join(p["inventors"])
        c.field("inventors", names_json(p["inventors"]), raw=inventors)
        c.frame((120, 100, 60), inset=18, width=1.6)
        c.y = 70
        c.line_text("国 家 知 识 产 权 局", align="c", role="songb", size=14, after=4)
        c.line_text(f"{kind}专利证书", align="c", role="heib", size=28, after=6)
        c.line_text(f"No.{p['cert_no']}", align="r", size=11, after=16)
        style = rng.choice(["cn0", "iso", "dot0"])
        fd, gd = _patent_dates(c, p, style)
        c.table([["专利号", num, "申请日", fd], ["授权公告号", p["pub_no"], "授权公告日", gd],
                 ["证书号", f"第{p['cert_no']}号", "专利类型", kind]],
                widths=[1.3, 2.6, 1.1, 2.0], header=False, size=11, align=["c", "l", "c", "l"], min_h=30)
        c.y -= 0.8
        c.table([[title_label, p["title"]], [who, inventors], ["专利权人", p["patentee"]]],
                widths=[1.3, 5.7], header=False, size=11, align=["c", "l"], min_h=30)
        c.space(16)
        c.para(f"经审查，本{kind}符合中华人民共和国专利法规定的授权条件，现授予专利权，并予以登记和公告。", size=11.5, leading=1.7)
        c.space(20)
        c.at(c.width - c.right - 150, c.y + 20, "局长", size=12)
        c.at(c.width - c.right - 100, c.y + 22, p["director"], role="kai", size=20, hand=True)
        c.seal(c.width - c.right - 90, c.y + 10, "国家知识产权局", r=46)
        c.qr(c.left + 4, c.y - 6, 56)
    return c


BUILDERS = {"journal_pages": journal_pages, "book_pages": book_pages, "patent_certificate": patent_certificate}
