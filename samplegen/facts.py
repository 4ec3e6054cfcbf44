"""Ground-truth facts behind the documents of a claim (trainings, papers, patents, …).

Each maker returns a plain dict that the templates print and the labels record. All
randomness comes from the `random.Random` passed in."""

from __future__ import annotations

import datetime as dt
import random

from samplegen import identifiers, vocab
from samplegen.dates import month_end, month_span
from samplegen.people import Person, other_name
from samplegen.rng import sub_random

AREA_CODE = {"漯河": "0395", "郑州": "0371", "南阳": "0377", "平顶山": "0375", "安阳": "0372",
             "新乡": "0373", "洛阳": "0379", "许昌": "0374"}


def rand_date(rng: random.Random, year: int, m_lo: int = 1, m_hi: int = 12, weekday: bool = False) -> dt.date:
    """A random day of `year` between months m_lo..m_hi (optionally Monday–Friday)."""
    while True:
        d = dt.date(year, rng.randint(m_lo, m_hi), rng.randint(1, 28))
        if not weekday or d.weekday() < 5:
            return d


def phone(rng: random.Random, city: str) -> str:
    return f"{AREA_CODE.get(city, '0371')}-{rng.randint(2000000, 8999999)}"


def names_with(rng: random.Random, person_name: str, n: int, rank: int) -> list[str]:
    """n distinct names with `person_name` at position `rank` (1-based)."""
    out: list[str] = []
    while len(out) < n - 1:
        nm = other_name(rng, person_name)
        if nm not in out:
            out.append(nm)
    out.insert(rank - 1, person_name)
    return out


def org_docno(rng: random.Random, prefix: str, year: int) -> str:
    return identifiers.doc_number(prefix, year, rng.randint(3, 168))


# --- trainings -----------------------------------------------------------------------------

def training(rng: random.Random, p: Person, year: int, source: str, stated: bool,
             days: int | None = None) -> dict:
    """A training event. `source`: external | base (CE base) | department | employer."""
    topic = rng.choice(vocab.TRAINING_TOPICS[p.profession])
    ab = p.city_abbr
    if source == "external":
        org, prefix, level = rng.choice(vocab.TRAINING_ORGANIZERS[p.profession])
        kind = rng.choice(["培训班", "专题研修班", "高级研修班"])
        audience = "全省相关专业技术人员" if level != "national" else "全国相关专业技术人员"
        audience_line = "各有关单位"
    elif source == "base":
        org = rng.choice(vocab.CE_BASES).format(c=p.city)
        prefix, level = f"{ab}继教基地", "provincial" if org.startswith("河南省") else "city"
        kind = "专业科目培训班"
        audience = "全市专业技术人员"
        audience_line = "各县区人社局，市直有关单位"
    elif source == "department":
        pattern, dprefix = vocab.AUTHORITY[p.profession]
        org, prefix, level = pattern.format(c=p.city), ab + dprefix, "city"
        kind = "专业技术人员培训班"
        audience = f"全市{ {'medical': '医疗卫生机构', 'education': '中小学校', 'engineering': '建筑施工企业', 'agriculture': '农业技术推广机构'}[p.profession]}专业技术人员"
        audience_line = "各县区主管部门，市直各有关单位"
    else:
        org, prefix, level = p.unit, ab + p.unit_abbr, None
        kind = "院内培训" if p.profession == "medical" else "校本培训" if p.profession == "education" else "内部培训"
        audience = "本单位全体专业技术人员"
        audience_line = "各科室、各部门"
    days = days or {"external": rng.randint(2, 5), "base": rng.randint(3, 5), "department": rng.randint(1, 3),
                    "employer": rng.randint(1, 2)}[source]
    start = rand_date(rng, year, 3, 11, weekday=True)
    end = start + dt.timedelta(days=days - 1)
    hours = days * rng.choice([8, 8, 6]) if stated else None
    cont = rng.sample(vocab.TRAINING_TOPICS[p.profession], k=min(3, len(vocab.TRAINING_TOPICS[p.profession])))
    contents = [f"{c}专题讲座" for c in cont] + [rng.choice(["典型案例分析与研讨", "现场教学与实践操作", "政策法规解读"])]
    place = rng.choice(vocab.TRAINING_PLACES).format(c=p.city, n=rng.randint(1, 9))
    return {
        "title": f"{year}年{topic}{kind}", "topic": topic, "organizer": org, "docno": org_docno(rng, prefix, year),
        "level": level, "start": start, "end": end, "days": days, "hours": hours, "place": place,
        "audience": audience, "audience_line": audience_line, "contents": contents,
        "issue_date": start - dt.timedelta(days=rng.randint(8, 30)),
        "cert_no": identifiers.cert_number(rng, rng.choice(["JX####-#####", "HN############", "No.####A#####"])).replace("####", str(year), 1),
        "cert_date": end + dt.timedelta(days=rng.randint(0, 4)),
        "contact": other_name(rng, p.name), "phone": phone(rng, p.city), "year": year, "source": source,
    }


def shift_year(t: dict, years: int) -> dict:
    """The same training moved `years` back (out-of-year evidence)."""
    out = dict(t)
    for k in ("start", "end", "issue_date", "cert_date"):
        d = t[k]
        out[k] = d.replace(year=d.year - years)
    out["title"] = t["title"].replace(str(t["year"]), str(t["year"] - years), 1)
    out["docno"] = t["docno"].replace(f"〔{t['year']}〕", f"〔{t['year'] - years}〕")
    out["year"] = t["year"] - years
    return out


# --- conference ------------------------------------------------------------------------------

def conference(rng: random.Random, p: Person, year: int, level: str) -> dict:
    opts = [c for c in vocab.CONFERENCES[p.profession] if c[2] == level]
    title, org, _ = rng.choice(opts)
    title = title.replace("2023", str(year))
    days = rng.randint(2, 3)
    start = rand_date(rng, year, 4, 11)
    return {"title": title, "organizer": org, "level": level, "start": start, "end": start + dt.timedelta(days=days - 1),
            "days": days, "place": rng.choice(["郑州国际会展中心", "河南省人民会堂", "北京国家会议中心", "郑州市黄河迎宾馆"]),
            "docno": org_docno(rng, {"national": "学会发", "provincial": "豫学会"}[level], year),
            "deadline": start - dt.timedelta(days=rng.randint(20, 40)), "issue_date": start - dt.timedelta(days=rng.randint(45, 80))}


def paper_title(rng: random.Random, profession: str) -> str:
    a = rng.choice(vocab.PAPER_WORDS[profession][0])
    b = rng.choice(vocab.PAPER_WORDS[profession][1])
    return rng.choice(vocab.PAPER_TITLES[profession]).format(a=a, b=b)


# --- journal paper ----------------------------------------------------------------------------

CLC = {"medical": "R473.5", "education": "G633.6", "engineering": "TU753", "agriculture": "S512.1"}
FIELD = {"medical": "临床护理与诊疗", "education": "学科教学", "engineering": "建筑施工技术", "agriculture": "作物栽培"}


def _abstract(rng: random.Random, profession: str, title: str) -> tuple[str, list[str], list[str]]:
    n = rng.randint(60, 160) // 2 * 2
    x, y = rng.randint(86, 96), rng.randint(68, 82)
    if profession == "medical":
        ab = (f"目的　探讨{title.split('的')[0]}相关问题。方法　选取我院收治的患者{n}例，按随机数字表法分为对照组和观察组，"
              f"各{n // 2}例。结果　观察组总有效率为{x}.{rng.randint(0, 9)}%，高于对照组的{y}.{rng.randint(0, 9)}%，"
              "差异有统计学意义（P<0.05）。结论　该方法可有效改善患者预后，值得临床推广应用。")
        body = ["1　资料与方法",
                f"1.1　一般资料　选取本院患者{n}例为研究对象，其中男{n // 2 + rng.randint(-5, 5)}例，其余为女性，年龄{rng.randint(35, 50)}～{rng.randint(60, 80)}岁。"
                "两组一般资料比较，差异无统计学意义（P>0.05），具有可比性。本研究经医院伦理委员会批准。",
                "1.2　方法　对照组给予常规治疗与护理；观察组在此基础上实施综合干预措施，具体包括评估、宣教、随访等环节。",
                "1.3　观察指标　比较两组治疗总有效率、并发症发生率、住院时间及生活质量评分。",
                "1.4　统计学方法　采用SPSS 25.0统计软件进行数据分析，计量资料以均数±标准差表示，组间比较采用t检验；"
                "计数资料以率（%）表示，组间比较采用χ²检验。P<0.05为差异有统计学意义。",
                "2　结果",
                f"2.1　两组临床疗效比较　观察组总有效率为{x}%，对照组为{y}%，差异有统计学意义（P<0.05）。"]
    else:
        ab = (f"{title}是当前{FIELD[profession]}领域关注的重点问题。本文结合实践，分析了现状与存在的不足，"
              f"从理念、方法和评价三个方面提出了改进策略，并通过{n}个样本的对比验证了其有效性，可为同类工作提供参考。")
        body = ["一、问题的提出",
                f"近年来，随着相关政策的深入推进，{FIELD[profession]}工作面临新的要求。实践中仍存在认识不到位、方法单一、评价滞后等问题，"
                "亟须系统研究与改进。",
                "二、主要做法",
                "（一）更新理念，明确目标。坚持问题导向，结合实际制定实施方案，细化任务分工，形成工作闭环。",
                "（二）创新方法，强化过程。综合运用调查研究、对比试验和案例分析等方法，及时总结经验，持续改进。",
                "（三）完善评价，注重实效。建立多元评价机制，将过程性评价与结果性评价相结合，以评促改。",
                "三、实施效果",
                f"经过一个周期的实践，{n}个样本的各项指标均有明显提升，参与人员的满意度达到{x}%。"]
    kws = [w for w in vocab.PAPER_WORDS[profession][0] + vocab.PAPER_WORDS[profession][1] if w in title][:3] or [FIELD[profession]]
    kws.append(rng.choice(["效果", "应用", "实践", "对策"]))
    return ab, kws, body


def journal(rng: random.Random, p: Person, year: int, level: str, rank: int, bad_issn: bool = False) -> dict:
    opts = [j for j in vocab.JOURNALS[p.profession] if j[2] == level]
    jname, en, _, prov, sponsor = rng.choice(opts)
    jr = sub_random(0, "journal", jname)  # stable ISSN/CN per journal
    issn = identifiers.make_issn(jr)
    if bad_issn:
        issn = identifiers.make_issn(sub_random(0, "journal", jname), bad=True)
    cn = identifiers.make_cn(jr, prov, vocab.SUBJECT_CLASS[p.profession])
    issue = rng.randint(1, 12)
    volume = year - rng.choice([1978, 1985, 1991, 2001])
    n_auth = rng.randint(max(rank, 1), max(rank, 4))
    authors = names_with(rng, p.name, n_auth, rank)
    title = paper_title(rng, p.profession)
    ab, kws, body = _abstract(rng, p.profession, title)
    start_page = rng.randint(12, 140)
    toc = []
    pg = max(start_page - rng.randint(12, 30), 1)
    target_at = rng.randint(1, 5)
    page_count = 0
    used_titles = {title}
    for i in range(7):
        if i == target_at:
            toc.append((title, "，".join(authors[:3]) + ("，等" if len(authors) > 3 else ""), start_page))
            page_count = rng.randint(3, 5)
            pg = start_page + page_count  # the next article starts on the page after this one ends
            continue
        for _ in range(20):
            t = rng.choice(vocab.OTHER_ARTICLES).format(x=FIELD[p.profession]) if rng.random() < 0.5 else paper_title(rng, p.profession)
            if t not in used_titles:
                break
        used_titles.add(t)
        toc.append((t, "，".join(other_name(rng, p.name) for _ in range(rng.randint(1, 3))), pg))
        pg += rng.randint(3, 6)
    toc.sort(key=lambda x: x[2])
    first_is_person = rank == 1
    rng.randint(3, 5)  # the draw that once set page_count apart from the contents: kept, so later values stay
    return {
        "name": jname, "en": en, "level": level, "issn": issn, "cn": cn, "year": year, "issue": issue,
        "volume": volume, "total": volume * 12 + issue, "sponsor": sponsor,
        "supervisor": "中国科学技术协会" if level == "national" else "河南省科学技术协会",
        "article_title": title, "authors": authors, "rank": rank, "affiliation": p.unit, "city": p.city,
        "postcode": vocab.CITY_POSTCODE[p.city], "abstract": ab, "keywords": kws, "body": body,
        "en_abstract": "Objective To explore the effect and application value of the method. Methods A controlled study was "
                       "carried out. Results The observation group was better than the control group (P<0.05).",
        "clc": CLC[p.profession], "page_start": start_page, "page_count": page_count, "toc": toc,
        "received": rand_date(rng, year - 1, 6, 12), "first_birth": p.birth.year if first_is_person else rng.randint(1970, 1992),
        "first_gender": p.gender if first_is_person else rng.choice("男女"),
        "first_title": p.title if first_is_person else rng.choice(vocab.TITLES[p.profession]),
        "field": FIELD[p.profession], "bad_issn": bad_issn,
    }


# --- book -------------------------------------------------------------------------------------

def book(rng: random.Random, p: Person, year: int, role: str, bad_isbn: bool = False) -> dict:
    pub, prefix, city = rng.choice(vocab.PUBLISHERS)
    chief_n, deputy_n, contrib_n = rng.randint(1, 2), rng.randint(1, 3), rng.randint(3, 7)
    chief = [other_name(rng, p.name) for _ in range(chief_n)]
    deputy = [other_name(rng, p.name) for _ in range(deputy_n)]
    contrib = [other_name(rng, p.name) for _ in range(contrib_n)]
    group = {"主编": chief, "副主编": deputy, "参编": contrib}[role]
    group.insert(rng.randint(0, len(group) if role != "主编" else 0), p.name)
    wc = rng.randint(18, 62) * 10
    d = dt.date(year, rng.randint(1, 11), 1)
    title = rng.choice(vocab.BOOK_TITLES[p.profession])
    contents, pg = [], 1
    for i in range(1, rng.randint(4, 6) + 1):
        subs = []
        for j in range(1, rng.randint(2, 3) + 1):
            subs.append((f"第{['一', '二', '三'][j - 1]}节　{rng.choice(vocab.TRAINING_TOPICS[p.profession])}", pg))
            pg += rng.randint(8, 22)
        contents.append((f"第{'一二三四五六'[i - 1]}章　{rng.choice(vocab.TRAINING_TOPICS[p.profession])}", subs[0][1], subs))
    return {
        "title": title, "publisher": pub, "city": city, "isbn": identifiers.make_isbn(rng, prefix, bad=bad_isbn),
        "chief": chief, "deputy": deputy, "contributors": contrib, "role": role, "word_count_k": wc, "date": d,
        "price": rng.randint(38, 128) + rng.choice([0, 0.8, 0.5]), "sheets": round(wc / 22, 1) if rng.random() < 0.5 else wc // 22,
        "cip": f"{rng.randint(10000, 299999):06d}", "editor": other_name(rng, p.name),
        "printer": rng.choice(["河南瑞之光印刷股份有限公司", "郑州市毛庄印刷厂", "河南新华印刷集团有限公司"]),
        "address": rng.choice(["郑州市郑东新区祥盛街27号", "郑州市金水区经五路66号", "郑州市大学路40号"]),
        "clc": CLC[p.profession], "clc_word": title[:2] + "—研究", "bad_isbn": bad_isbn, "contents": contents,
    }


# --- patent -----------------------------------------------------------------------------------

def patent(rng: random.Random, p: Person, year: int, ptype: str, rank: int, bad: bool = False,
           grant_year: int | None = None) -> dict:
    gy = grant_year or year
    grant = rand_date(rng, gy, 1, 12)
    lag = {"invention": rng.randint(500, 1000), "utility_model": rng.randint(120, 330), "design": rng.randint(90, 240)}[ptype]
    filing = grant - dt.timedelta(days=lag)
    serial = rng.randint(0, 1999999) if ptype == "invention" else rng.randint(0, 3999999)
    number = identifiers.patent_number(filing.year, ptype, serial, bad=bad, rng=rng)
    inventors = names_with(rng, p.name, rng.randint(max(rank, 2), max(rank, 2) + 3), rank)
    pub_prefix = {"invention": ("1", "B"), "utility_model": ("2", "U"), "design": ("3", "S")}[ptype]
    return {
        "type": ptype, "title": rng.choice(vocab.PATENTS[p.profession][ptype]), "number": number,
        "inventors": inventors, "rank": rank, "patentee": p.unit, "filing_date": filing, "grant_date": grant,
        "address": f"{vocab.CITY_POSTCODE[p.city]} 河南省{p.city}市{rng.choice(['人民路', '黄河路', '建设路', '嵩山路'])}{rng.randint(1, 300)}号",
        "cert_no": str(rng.randint(5000000, 6999999) if ptype == "invention" else rng.randint(17000000, 20999999)),
        "pub_no": f"CN {pub_prefix[0]}{rng.randint(10000000, 19999999)} {pub_prefix[1]}",
        "director": other_name(rng, p.name), "bad": bad,
    }


# --- award ------------------------------------------------------------------------------------

def award(rng: random.Random, p: Person, year: int, level: str) -> dict:
    name, issuer = rng.choice(vocab.AWARDS[level])
    name, issuer = name.format(c=p.city), issuer.format(c=p.city)
    grade = "二" if level == "national" else rng.choice(["一", "二", "三"])
    rank = rng.randint(1, 6)
    members = names_with(rng, p.name, rng.randint(max(rank, 3), max(rank, 3) + 3), rank)
    proj = rng.choice(vocab.PROJECTS[p.profession]).format(x=rng.choice(vocab.PROJECT_X[p.profession]))
    prefix = {"national": "J", "provincial": "J", "city": "KJ"}[level]
    return {"name": name, "issuer": issuer, "level": level, "grade": grade, "rank": rank, "members": members,
            "project": proj, "year": year - 1, "unit": p.unit, "issue_date": rand_date(rng, year, 2, 11),
            "cert_no": f"{year - 1}-{prefix}{'123'[['一', '二', '三'].index(grade)]}-{rng.randint(10, 299):03d}-R{rank:02d}"}


# --- qualification ----------------------------------------------------------------------------

LEVEL_ZH = {"senior": "高级", "intermediate": "中级", "junior": "初级", "practising": "执业（职业）资格"}


def qualification(rng: random.Random, p: Person, year: int) -> dict:
    head, title, level, issuer = rng.choice(vocab.QUALIFICATIONS[p.profession])
    pass_date = rand_date(rng, year, 5, 12)
    subjects = [(s, rng.randint(60, 92), 60) for s in (["基础知识", "相关专业知识", "专业知识", "专业实践能力"]
                if "卫生" in head else ["综合知识", "专业实务"])]
    return {"name": title, "title": title, "level": level, "level_zh": LEVEL_ZH[level], "issuer": issuer,
            "header": head.replace("资格", "资格证书") if head.endswith("资格") else head + "证书",
            "exam": f"{head}考试", "pass_date": pass_date,
            "cert_no": identifiers.cert_number(rng, f"{year}41########"), "subjects": subjects,
            "exam_org": "河南省人事考试中心", "print_date": pass_date + dt.timedelta(days=rng.randint(5, 40))}


# --- endorsement, assignment, service, plan, leave, other -------------------------------------

def endorsement(rng: random.Random, p: Person, year: int, level: str) -> dict:
    county = rng.choice(vocab.COUNTIES)
    issuer = {"provincial": "河南省人民政府研究室", "city": f"{p.city}市人民政府办公室", "county": f"{county}人民政府办公室"}[level]
    date = rand_date(rng, year, 2, 11)
    topic = rng.choice(vocab.REPORT_TOPICS)
    comment = rng.choice(["此报告调研深入，所提建议有针对性。请市卫健委认真研究，吸收合理化建议，推动工作落实。",
                          "报告很有参考价值，请相关部门研究借鉴，抓好落实。",
                          "调研扎实，建议可行。请分管部门认真研究，结合实际推进相关工作。"])
    return {"level": level, "leader": other_name(rng, p.name), "leader_title": rng.choice(vocab.LEADERS[level]),
            "issuer": issuer, "date": date, "submitted": date - dt.timedelta(days=rng.randint(5, 20)),
            "report": topic, "authors": names_with(rng, p.name, rng.randint(1, 3), 1), "comment": comment,
            "issue_no": rng.randint(3, 46),
            "summary": [f"为深入了解{topic}，近期，我们采取座谈交流、实地走访、问卷调查等方式，对全市有关单位进行了专题调研。现将有关情况报告如下。",
                        "一、基本情况。近年来，各级各部门高度重视，出台了一系列政策措施，工作取得积极成效。",
                        "二、存在的问题。一是总量不足，结构不够合理；二是保障机制不健全；三是激励措施落实不到位。",
                        "三、对策建议。建议进一步完善政策体系，加大投入力度，健全考核评价机制，推动工作高质量发展。"]}


def assignment(rng: random.Random, p: Person, year: int, full: bool) -> dict:
    kind, dest = rng.choice(vocab.ASSIGNMENTS)
    dest = dest.format(c=p.city, county=rng.choice(vocab.COUNTIES), village=rng.choice(vocab.VILLAGES))
    if full:
        start = dt.date(year, rng.randint(1, 4), 1)
        end = month_end(year, rng.randint(start.month + 5, 12))
    else:
        start = dt.date(year, rng.randint(8, 10), 1)
        end = month_end(year + 1, rng.randint(1, 7))
    pattern, dprefix = vocab.AUTHORITY[p.profession]
    issuer = pattern.format(c=p.city)
    host = dest if dest.endswith(("医院", "中学", "政府")) else f"{dest}{'人民医院' if p.profession == 'medical' else '人民政府'}"
    names = [(p.name, p.unit, p.title)] + [(other_name(rng, p.name), p.unit if rng.random() < 0.5 else rng.choice(vocab.UNITS[p.profession])[0].format(c=p.city),
                                            rng.choice(vocab.TITLES[p.profession])) for _ in range(rng.randint(1, 3))]
    return {"kind": kind, "dest": dest, "host": host, "start": start, "end": end, "months": month_span(start, end),
            "issuer": issuer, "docno": org_docno(rng, p.city_abbr + dprefix, start.year), "names": names,
            "issue_date": start - dt.timedelta(days=rng.randint(7, 25)), "year": year}


def service(rng: random.Random, p: Person, year: int) -> dict:
    days = rng.randint(2, 9)
    start = rand_date(rng, year, 3, 11)
    org = rng.choice([f"{p.city}市人力资源和社会保障局", f"{p.city}市科学技术协会", vocab.AUTHORITY[p.profession][0].format(c=p.city)])
    county = rng.choice(vocab.COUNTIES)
    return {"activity": rng.choice(vocab.SERVICE_ACTIVITIES), "organizer": org, "start": start,
            "end": start + dt.timedelta(days=days - 1), "days": days, "place": f"{county}{rng.choice(vocab.VILLAGES)}等乡镇",
            "content": {"medical": "义诊咨询、健康讲座和基层医务人员带教", "education": "送教下乡、示范课和教研指导",
                        "engineering": "农房质量安全技术指导和施工培训", "agriculture": "田间技术指导、病虫害防治培训"}[p.profession],
            "docno": org_docno(rng, p.city_abbr + "人社", year), "issue_date": start - dt.timedelta(days=rng.randint(10, 30)),
            "proof_date": start + dt.timedelta(days=days + rng.randint(1, 10)), "year": year}


def plan(rng: random.Random, p: Person, year: int, target: dict | None, cat: int) -> dict:
    """An annual training plan filing; lists `target` (the claimed training) when given."""
    pattern, _ = vocab.AUTHORITY[p.profession]
    filer = pattern.format(c=p.city)
    rows = []
    for _ in range(rng.randint(4, 6)):
        topic = rng.choice(vocab.TRAINING_TOPICS[p.profession])
        m = rng.randint(3, 11)
        org = filer if cat == 13 else rng.choice([p.unit, rng.choice(vocab.UNITS[p.profession])[0].format(c=p.city)])
        rows.append({"title": f"{year}年{topic}{'专业技术人员培训班' if cat == 13 else '院内培训'}", "topic": topic, "month": m,
                     "audience": "全市相关专业技术人员" if cat == 13 else "本单位专业技术人员", "hours": rng.choice([8, 12, 16, 24]),
                     "organizer": org})
    if target is not None:
        rows.insert(rng.randint(0, len(rows)), {"title": target["title"], "topic": target["topic"], "month": target["start"].month,
                                                "audience": target["audience"], "hours": target["hours"],
                                                "organizer": target["organizer"]})
    # drop accidental duplicates of the target title
    seen, uniq = set(), []
    for r in rows:
        if r["title"] not in seen and (target is None or r["title"] != target["title"] or r.get("organizer") == target["organizer"]):
            seen.add(r["title"])
            uniq.append(r)
    for r in uniq:
        r["month_text"] = f"{year}年{r['month']}月"
    filing = dt.date(year, rng.randint(2, 4), rng.randint(1, 18))
    return {"filer": filer, "year": year, "trainings": sorted(uniq, key=lambda r: r["month"]),
            "hr": f"{p.city}市人力资源和社会保障局", "filing_no": identifiers.doc_number(f"{p.city_abbr}人社继备", year, rng.randint(2, 60)),
            "filing_date": filing, "submit_date": filing - dt.timedelta(days=rng.randint(5, 20))}


def sick_leave(rng: random.Random, p: Person, year: int, months: int) -> dict:
    start = dt.date(year, rng.randint(1, 12 - months + 1), 1)
    end = month_end(start.year + (start.month + months - 2) // 12, (start.month + months - 2) % 12 + 1)
    hosp = rng.choice(vocab.HOSPITALS)
    diag, dept = rng.choice(vocab.SICK_DIAGNOSES)
    return {"kind": "sick", "start": start, "end": end, "months": months, "hospital": hosp,
            "diagnosis": diag, "dept": dept,
            "case_no": str(rng.randint(1000000, 9999999)), "bed": f"{rng.randint(1, 60)}床", "doctor": other_name(rng, p.name),
            "issue_date": start - dt.timedelta(days=rng.randint(1, 6))}


def maternity(rng: random.Random, p: Person, year: int, cross_year: bool) -> dict:
    if cross_year:
        start = dt.date(year - 1, rng.randint(9, 11), 1)
    else:
        start = dt.date(year, rng.randint(1, 6), 1)
    months = rng.choice([5, 6, 6])
    end = month_end(start.year + (start.month + months - 2) // 12, (start.month + months - 2) % 12 + 1)
    return {"kind": "maternity", "start": start, "end": end, "months": months,
            "birth_date": start + dt.timedelta(days=rng.randint(0, 12)),
            "issue_date": end + dt.timedelta(days=rng.randint(5, 40)) if end.year == year else rand_date(rng, year, 3, 6)}


def overseas(rng: random.Random, p: Person, year: int, long: bool) -> dict:
    country, inst = rng.choice(vocab.COUNTRIES)
    if long:
        start = dt.date(year - 1, rng.randint(7, 10), 1)
        months = 12
    else:
        start = dt.date(year, rng.randint(2, 6), 1)
        months = rng.randint(3, 5)
    end = month_end(start.year + (start.month + months - 2) // 12, (start.month + months - 2) % 12 + 1)
    return {"kind": "overseas", "start": start, "end": end, "months": months, "country": country, "institution": inst,
            "purpose": rng.choice(["开展访问学者研修", "参加国际合作科研项目", "开展博士后合作研究"]),
            "approval": identifiers.doc_number("豫外办", start.year, rng.randint(10, 300)),
            "issue_date": min(end, dt.date(year, 12, 1)) + dt.timedelta(days=rng.randint(3, 20))}


def other_activity(rng: random.Random, p: Person, year: int) -> dict:
    act, issuer = rng.choice(vocab.OTHER_ACTIVITIES)
    date = rand_date(rng, year, 3, 11)
    return {"activity": act.replace("主讲", "主讲人"), "event": f"{year}年{p.city}市{rng.choice(['科技活动周', '职业技能大赛', '专业技术人员继续教育'])}",
            "issuer": issuer.format(c=p.city), "date": date, "issue_date": date + dt.timedelta(days=rng.randint(3, 20)),
            "detail": rng.choice(["授课2学时，听众200余人", "认真履行职责，工作表现突出", "圆满完成各项任务"])}


# --- transcript --------------------------------------------------------------------------------

def transcript(rng: random.Random, p: Person, year: int, refresher: bool) -> dict:
    univ = rng.choice(vocab.UNIVERSITIES)
    pool = list(vocab.REFRESHER_COURSES) if refresher else list(vocab.COURSES[p.profession]) + list(vocab.COMMON_COURSES)
    rng.shuffle(pool)
    n = rng.randint(5, 8)
    courses = []
    for i, name in enumerate(pool[:n]):
        when = rng.choices(["spring", "autumn", "prev"], weights=[4, 3, 2 if not refresher else 0])[0]
        if when == "spring":
            exam, term_a, term_c = dt.date(year, 6, 20), f"{year}年春季学期", f"{year - 1}-{year}学年第二学期"
        elif when == "autumn":
            exam, term_a, term_c = dt.date(year, 12, 20), f"{year}年秋季学期", f"{year}-{year + 1}学年第一学期"
        else:
            exam, term_a, term_c = dt.date(year - 1, 12, 20), f"{year - 1}年秋季学期", f"{year - 1}-{year}学年第一学期"
        if rng.random() < 0.25:
            score = rng.choice(["优秀", "良好", "合格", "合格", "不合格"])
            passed = score != "不合格"
        else:
            v = rng.randint(52, 96)
            score, passed = str(v), v >= 60
        courses.append({"course": name, "type": rng.choice(["学位课", "非学位课", "必修"]), "credit": rng.choice([1, 2, 2, 3]),
                        "score": score, "passed": passed, "in_year": exam.year == year, "term": term_a,
                        "term_a": term_a, "term_c": term_c, "exam_b": f"{exam.year}.{exam.month:02d}",
                        "exam_c": f"{exam.year}年{exam.month}月", "exam_month": f"{exam.year}-{exam.month:02d}"})
    courses.sort(key=lambda r: r["exam_month"])
    program = "进修学员" if refresher else rng.choice(["非全日制研究生", "同等学力人员"])
    school = {"medical": "临床医学院", "education": "教育学部", "engineering": "土木工程学院", "agriculture": "农学院"}[p.profession]
    return {"university": univ if not refresher else rng.choice(vocab.HOSPITALS), "program": program,
            "student_no": f"{year - 1}{rng.randint(10000000, 99999999)}", "school": school,
            "major": {"medical": "临床医学", "education": "学科教学", "engineering": "土木工程", "agriculture": "农艺与种业"}[p.profession],
            "mode": "非全日制" if not refresher else "进修", "enrolled": dt.date(year - 1, 9, 1), "courses": courses,
            "issuer": (univ + "研究生院") if not refresher else None, "issue_date": dt.date(year, 12, 26)}
