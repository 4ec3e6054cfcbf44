"""Family E (2): project proofs printing their members in forms no other family has.

| kind | E layouts |
|---|---|
| project_proof (3) | 立项/结项名单 notice: the unit's project one row of a list of several (序号/项目编号/项目名称/负责人/主要成员/承担单位), the leader in a cell of their own and the others joined in the next, the notice naming its project in a sentence · 验收意见/结题证书 whose members are a transposed table (姓名 row across, 职称/工作单位 rows under it), lines numbered by label (成员1：…, 参加人员二：…), or a 课题组 of 组长/副组长/成员 |

One E project proof in seven (chosen by project number, so that the seeds the family_e.lists tests
pin keep their layouts) uses one of these; the others are family_e.lists' layouts, drawn as before.
Fields as family D registers them (project_fields: members in printed order, leader first).
"""

from __future__ import annotations

import random
import zlib

from samplegen import vocab
from samplegen.dates import fmt_date
from samplegen.layout import A4, A4_LANDSCAPE, RED, Composer
from samplegen.templates.common import project_fields
from samplegen.templates.family_e import lists

_CN = "一二三四五六七八九十"


def _other_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        n = rng.choice(vocab.SURNAMES) + rng.choice(vocab.GIVEN_MALE + vocab.GIVEN_FEMALE)
        if n not in taken:
            taken.add(n)
            return n


def _sign(c: Composer, org: str, d, rng: random.Random, before: float = 18) -> None:
    s = fmt_date(d, rng.choice(["upper", "cn", "cn0"]))
    c.sign(org, s, seal=True, before=before)
    c.field("organization", org)
    c.field("issue_date", d.isoformat(), raw=s)


def _project_list_notice(d: dict, rng: random.Random) -> Composer:
    """立项/结项名单 notice: the project one row of several, leader and members in two cells."""
    pj, name = d["project"], d["name"]
    land = rng.random() < 0.5
    c = Composer(size=A4_LANDSCAPE if land else A4, margins=(60, 60, 56, 52), role=rng.choice(["song", "fang"]),
                 font_size=12.5, rng=rng)
    project_fields(c, pj, name)
    closing = rng.random() < 0.5
    what = "结项" if closing else "立项"
    c.line_text(pj["issuer"], align="c", role="heib", size=18, color=RED, after=2)
    c.rule(RED, 1.4, after=8)
    c.title(rng.choice([f"关于公布{pj['issue_date'].year}年度{pj['source']}{what}名单的通知",
                        f"关于下达{pj['issue_date'].year}年度科技计划项目{'验收结果' if closing else '的通知'}"]), size=17,
            role="heib", after=6)
    c.line_text(f"{pj['owner']}：", size=12.5, after=2)
    said = (f"你单位承担的“{pj['title']}”项目已通过{rng.choice(['结项验收', '专家验收'])}，准予结项。" if closing else
            f"经专家评审，你单位申报的“{pj['title']}”项目已批准立项。")
    c.para(f"{said}现将{pj['issue_date'].year}年度{what}项目名单印发给你们，请认真做好相关工作。", size=12.5, leading=1.8)
    c.line_text(rng.choice([f"附件：{pj['issue_date'].year}年度{what}项目名单", f"{what}项目名单"]), size=12.5, role="heib",
                after=4)
    taken = set(pj["members"])
    n_rows = rng.randint(3, 5)
    at = rng.randrange(n_rows)
    sep = rng.choice(["、", "，", "、"])
    num_head = rng.choice(["项目编号", "立项编号", "批准号"])
    lead_head = rng.choice(["负责人", "项目负责人", "主持人"])
    mem_head = rng.choice(["主要成员", "项目组成员", "主要参加人员", "课题组成员"])
    rows = [["序号", num_head, "项目名称", lead_head, mem_head, "承担单位"]]
    x = vocab.PROJECT_X
    for i in range(n_rows):
        if i == at:
            rows.append([str(i + 1), pj["number"], pj["title"], pj["members"][0], sep.join(pj["members"][1:]), pj["owner"]])
            continue
        prof = rng.choice(list(vocab.PROJECTS))
        title = rng.choice(vocab.PROJECTS[prof]).format(x=rng.choice(x[prof]))
        while title == pj["title"]:
            title = rng.choice(vocab.PROJECTS[prof]).format(x=rng.choice(x[prof]))
        others = [_other_name(rng, taken) for _ in range(rng.randint(2, 5))]
        num = pj["number"][:-3] + f"{rng.randint(100, 999)}"
        rows.append([str(i + 1), num, title, _other_name(rng, taken), sep.join(others),
                     rng.choice(vocab.UNIVERSITIES + vocab.HOSPITALS)])
    widths = [0.5, 1.4, 3.0, 0.9, 2.4, 2.2] if land else [0.5, 1.3, 2.6, 0.9, 2.0, 1.9]
    c.table(rows, widths=widths, size=9.5 if land else 9)
    _sign(c, pj["issuer"], pj["issue_date"], rng)
    return c


def _project_acceptance_people(d: dict, rng: random.Random) -> Composer:
    """验收意见 / 结题证书 naming the members in a transposed table, numbered label lines, or a
    课题组 of 组长 / 副组长 / 成员."""
    pj, name = d["project"], d["name"]
    c = Composer(size=A4, margins=(72, 68, 66, 62), role=rng.choice(["song", "fang", "kai"]), font_size=13, rng=rng)
    project_fields(c, pj, name)
    c.title(rng.choice(["项目验收意见", "结题证书", "科研项目验收证书", "课题结题鉴定意见"]), size=20, role="heib", after=10)
    c.kv(rng.choice(["项目名称", "课题名称"]), pj["title"], size=13)
    c.kv(rng.choice(["项目编号", "课题编号"]), pj["number"], size=13)
    c.kv("承担单位", pj["owner"], size=13)
    members, rows = pj["members"], pj["member_rows"]
    form = rng.choice(["transposed", "numbered", "roles"])
    if form == "transposed":
        c.line_text(rng.choice(["项目组成员情况", "主要研究人员", "课题组成员"]), size=13, role="heib", after=4)
        for k in range(0, len(rows), 4):
            part = rows[k:k + 4]
            pad = [""] * (4 - len(part))
            c.table([["姓名", *[r[0] for r in part], *pad], ["职称", *[r[2] for r in part], *pad],
                     ["工作单位", *[r[1] for r in part], *pad]], widths=[1.0, 2.0, 2.0, 2.0, 2.0], header=False, size=9.5)
            c.space(4)
    elif form == "numbered":
        lead_lab = rng.choice(["项目负责人", "课题负责人", "主持人"])
        mem_lab = rng.choice(["成员", "参加人员", "项目成员", "主要参加人"])
        c.kv(lead_lab, members[0], size=13)
        cn = rng.random() < 0.5
        for i, n in enumerate(members[1:], 1):
            c.kv(f"{mem_lab}{_CN[i - 1] if cn else i}", n, size=13)
    else:
        c.kv(rng.choice(["课题组长", "组　　长", "项目组长"]), members[0], size=13)
        deputies = members[1:2] if len(members) > 3 else []
        if deputies:
            c.kv(rng.choice(["副组长", "课题副组长"]), deputies[0], size=13)
        c.kv(rng.choice(["成　　员", "组　　员", "课题组成员"]), rng.choice(["、", "，", "　"]).join(members[1 + len(deputies):]),
             size=13)
    c.space(6)
    c.para(rng.choice(["验收组认为，该项目完成了合同规定的各项任务，同意通过验收。", "经专家组鉴定，该课题达到预期目标，准予结题。"]),
           size=13, leading=1.8)
    _sign(c, pj["issuer"], pj["issue_date"], rng)
    return c


def project_proof(d: dict, fam: str, rng: random.Random):
    """One project in seven (by its number: the others keep family_e.lists' layouts and draws
    unchanged) uses one of this module's layouts."""
    key = zlib.crc32(d["project"]["number"].encode())
    if key % 7 == 3:
        return (_project_list_notice if (key // 7) % 2 else _project_acceptance_people)(d, rng)
    return lists.project_proof(d, fam, rng)


BUILDERS: dict = {"project_proof": project_proof}
