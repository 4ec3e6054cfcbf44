"""The spaCy pipeline used for label cues: a blank Chinese pipeline (character segmentation,
no model download) with a PhraseMatcher whose patterns are document-kind keywords.

Each match's id is a DocKind id; `KIND_CUES` gives each phrase a weight. A phrase inside a
longer matched phrase is dropped (实用新型专利证书 hides 专利证书, 诊断证明 hides 证明);
phrases that only partly overlap both count (专业技术人员继续教育 / 继续教育工作的通知).
`NEUTRAL_PHRASES` hide the cues inside them and count for nothing (住院医师 is a title).
Cues are words of the trade (titles, form labels, set phrases), not any one template's text.
Text is normalised first (width, OCR spacing, traditional → simplified)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extractors._text.normalize import squash

# kind → {phrase: weight}. Titles get a position bonus in classify; weights are per cue.
KIND_CUES: dict[str, dict[str, float]] = {
    "policy_notice": {"继续教育工作的通知": 6, "继续教育工作通知": 5, "专业技术人员继续教育": 2,
                      "人力资源和社会保障局": 1, "公需科目": 2.5, "专业科目": 1.5, "学时申报": 1.5,
                      "市直有关单位": 2, "继续教育基地": 0.5, "各县区人力资源和社会保障局": 2.5, "学时登记": 1.5,
                      "人力资源和社会保障局文件": 3, "继续教育学时": 1.5},
    "training_notice": {"培训通知": 4, "培训班的通知": 5, "研修班的通知": 5, "举办": 1, "培训班": 2, "研修班": 2,
                        "培训时间": 2, "培训地点": 2, "培训内容": 1.5, "参训人员": 2, "参训": 1, "报到": 1.5,
                        "报名": 1, "培训对象": 2, "学习班": 1.5,
                        "培训的通知": 5, "学习班的通知": 5, "培训工作的通知": 4,
                        "开班通知": 5, "开班": 1.5, "招收对象": 2, "招生对象": 2, "课程设置": 1.5},
    "completion_certificate": {"结业证书": 6, "培训证书": 5, "合格证书": 4, "结业证": 4, "学时证明": 4,
                               "学时证书": 4, "准予结业": 4, "完成培训": 2, "经考核合格": 2, "培训合格": 2,
                               "特发此证": 1.5, "结业": 1.5, "继续教育证书": 4, "学时": 0.5,
                               "学分证书": 6, "继续医学教育": 2, "Ⅰ类学分": 3, "Ⅱ类学分": 3, "合格证明": 5,
                               "考核合格": 2, "学时证": 4, "合格证": 4, "培训合格证": 6, "该学员": 2, "成绩合格": 1.5,
                               "参训证明": 6, "培训证明": 5, "学习证明": 4, "结业证明": 6, "完成全部课程": 2,
                               "学分登记": 4, "培训时长": 1.5,
                               "学分证明": 5, "完成继续教育": 3},
    # Generic proof wording (证明, 兹证明, 特此证明) is shared by many kinds, so it weighs little;
    # what the proof is about decides.
    "employer_proof": {"单位证明": 6, "派出证明": 6, "工作证明": 2.5, "系我单位": 2, "经单位批准": 2, "特此证明": 1.5, "兹证明": 1, "证明": 1,
                       "兹有": 0.5, "我单位": 1.5, "本单位": 1, "情况属实": 1.5, "同意其参加": 3, "同意参加": 2.5,
                       "外出学习": 2.5, "外出进修": 2.5, "单位意见": 2, "同意外出": 3, "在职证明": 6,
                       "经核实": 1.5, "同意申报": 2.5, "情况说明": 2, "审批表": 2, "审批意见": 1.5, "介绍信": 1.5, "兹介绍": 1, "前往贵": 1, "请接洽": 1, "请予接洽": 1},
    "transcript": {"成绩单": 6, "成绩表": 5, "课程名称": 2.5, "学分": 2, "成绩": 1.5, "学期": 1.5, "学年": 1,
                   "绩点": 2, "考试成绩": 2, "课程": 1,
                   "成绩证明": 6, "课程成绩": 2.5, "各门课程": 2},
    "assessment_proof": {"年度考核证明": 7, "被评为": 1.5, "等次": 1.5, "年度考核": 4, "考核结果": 4, "考核鉴定": 5, "鉴定表": 3, "考核证明": 5, "考核等次": 4, "考核登记表": 4,
                         "称职": 1.5, "进修鉴定": 4, "进修考核": 4, "考核意见": 2,
                         "进修期间": 3, "科室考核": 2.5},
    "conference_notice": {"会议通知": 5, "学术会议": 4, "学术年会": 3, "年会": 2, "研讨会": 3, "论坛": 2,
                          "会议时间": 2.5, "会议地点": 2.5, "参会": 2, "征文": 2, "会务": 1.5, "会议的通知": 4,
                          "参会代表": 2, "第一轮通知": 3, "第二轮通知": 3},
    "presentation_proof": {"宣读论文": 6, "大会发言": 4, "论文交流": 4, "专题报告": 3, "大会交流": 3,
                           "作报告": 3, "宣读": 2, "壁报": 2, "发言证明": 5, "交流证明": 4,
                           "论文宣读": 5, "宣读交流": 4, "壁报交流": 4, "交流证书": 4,
                           "交流发言": 4, "撰写的论文": 2, "报告证明": 5,
                           # a talk's certificate (报告证书: '…上作大会口头报告') and the labels of a
                           # presentation form (交流题目 / 交流形式 / 论文字数)
                           "报告证书": 5, "口头报告": 4, "大会报告": 3, "特邀报告": 3, "交流题目": 3,
                           "交流形式": 3, "论文字数": 2.5, "报告题目": 2.5,
                           # a talk given at a meeting ('在…学术年会上作题为《…》的专题报告', '在“…”上作')
                           "年会上作": 3, "会议上作": 3, "论坛上作": 3, "大会上作": 3, "”上作": 3, "学术报告": 3,
                           "主题报告": 3, "主旨报告": 3, "主题发言": 3},
    "project_proof": {"立项": 3, "结项": 4, "结题": 4, "课题": 2.5, "项目编号": 2.5, "项目负责人": 2.5,
                      "课题组成员": 3, "项目组成员": 3, "课题负责人": 3, "验收": 1.5, "任务书": 3, "基金": 1.5,
                      "立项通知书": 5, "结题证书": 5, "项目名称": 1.5, "结项证书": 6,
                      "项目参与证明": 7, "课题参与证明": 7, "参与项目": 2, "项目批准号": 3},
    "book_pages": {"出版社": 3, "目次": 0.5, "第一章": 2.5, "第一节": 1.5, "主编": 2.5, "副主编": 2.5, "编委": 2, "版次": 2.5, "印次": 2.5,
                   "字数": 1.5, "定价": 2.5, "图书在版编目": 5, "前言": 1, "目录": 0.5, "开本": 2.5, "印张": 2.5},
    "journal_pages": {"期刊": 2, "杂志": 2, "学报": 2, "学刊": 2, "国内统一连续出版物号": 4, "国际标准连续出版物号": 4,
                      "摘要": 2, "关键词": 2, "中图分类号": 4, "文献标识码": 4, "文章编号": 3, "作者简介": 3,
                      "参考文献": 2, "主办": 0.5,
                      "本期目次": 4, "本期目录": 4, "资料与方法": 3, "统计学意义": 2},
    "patent_certificate": {"专利证书": 6, "发明专利证书": 7, "实用新型专利证书": 7, "外观设计专利证书": 7,
                           "专利号": 3, "专利权人": 3, "发明人": 2, "设计人": 1.5, "授权公告日": 3,
                           "专利申请日": 3, "国家知识产权局": 3, "发明名称": 2, "实用新型名称": 2},
    "award_certificate": {"获奖证书": 6, "荣誉证书": 4, "奖励证书": 5, "科学技术进步奖": 4, "科技进步奖": 4,
                          "一等奖": 2.5, "二等奖": 2.5, "三等奖": 2.5, "特等奖": 2.5, "以资鼓励": 3,
                          "获奖项目": 3, "获奖者": 2.5, "自然科学奖": 4, "技术发明奖": 4, "社会科学优秀成果": 4},
    "qualification_certificate": {"资格证书": 6, "专业技术资格": 4, "职业资格": 4, "执业资格": 4, "资格考试": 3,
                                  "执业证书": 4, "管理号": 2.5, "考试合格": 2, "职业水平": 3, "资格名称": 3,
                                  "级别": 1, "批准日期": 1.5},
    "leader_endorsement": {"批示": 4, "领导批示": 5, "阅示": 3, "批阅": 3, "调研报告": 2.5, "请阅": 2,
                           "呈阅": 2, "拟办意见": 3, "签批": 3, "批示件": 6,
                           "呈阅件": 5, "专报": 3, "信息专报": 5, "政务信息": 2.5, "参阅件": 4, "送阅件": 4, "要情": 2,
                           "决策参考": 3, "参考价值": 2, "研究借鉴": 2.5, "研究落实": 2},
    "assignment_document": {"支医工作": 4, "挂职期间": 3, "援疆": 4, "援藏": 4, "援外": 3, "支教": 3, "支农": 3, "支医": 3, "扶贫": 2.5,
                            "挂职": 4, "挂职锻炼": 5, "驻村": 3, "第一书记": 3, "选派": 2, "对口支援": 3, "援派": 4},
    "service_notice": {"服务基层": 5, "送教下乡": 4, "服务地点": 2, "服务天数": 2, "志愿服务": 3, "义诊": 3, "送医下乡": 4, "三下乡": 4, "科技下乡": 4,
                       "服务活动": 3, "参与证明": 4, "下基层": 3, "巡回医疗": 3,
                       "活动的通知": 3, "活动通知": 3, "活动方案": 2},
    "plan_filing": {"年度培训计划": 5, "培训计划": 3, "计划备案": 5, "备案表": 4, "备案": 2,
                    "培训计划表": 5, "同意备案": 4, "已备案": 4,
                    "继续教育计划": 4, "计划报备": 4},
    "sick_leave_proof": {"诊断证明书": 6, "诊断证明": 5, "病假": 4, "建议休息": 4, "建议全休": 4,
                         "病休": 3, "诊断": 2, "住院": 2, "病历": 2, "门诊": 1.5, "医师签名": 2, "出院": 2},
    "maternity_proof": {"产假": 5, "生育": 3, "分娩": 3, "生育证明": 6, "哺乳": 2, "出生医学证明": 4,
                        "剖宫产": 3, "顺产": 3, "孕": 1},
    # Papers that are not evidence of any kind above (an appointment letter …): `other`
    # competes with a fixed baseline plus these.
    "other": {"聘书": 6, "聘请": 2, "聘期": 2.5, "受邀担任": 1.5, "聘任书": 6,
              "发票": 6, "发票代码": 4, "发票号码": 3, "收据": 4, "签到表": 5,
              "工作量证明": 6, "授课证明": 5},
    "overseas_proof": {"境外工作": 5, "出国": 3, "国外": 2, "海外": 2, "访问学者": 4, "出境": 3, "公派": 3,
                       "境外": 3, "留学": 2, "护照": 2, "签证": 2,
                       "出国(境)": 4, "因公出国": 4, "出国(境)工作证明": 7, "出境工作证明": 7, "境外工作证明": 7,
                       "国(境)外": 3, "前往国家": 3},
}


# Phrases that contain a cue but say nothing of the kind: a match hides the cues inside it
# and is not reported (住院医师 is a title, not a stay in hospital).
NEUTRAL_PHRASES: tuple[str, ...] = ("住院医师", "专业技术人员继续教育基地")
_NEUTRAL = "_neutral"


@dataclass(frozen=True)
class Cue:
    kind: str
    phrase: str
    weight: float
    start: int  # character offsets in the normalised text
    end: int


@lru_cache(maxsize=1)
def get_nlp():
    """The cached blank 'zh' pipeline and its kind-cue PhraseMatcher."""
    import spacy  # noqa: PLC0415 - heavy import, only when cues are first needed
    from spacy.matcher import PhraseMatcher  # noqa: PLC0415

    nlp = spacy.blank("zh")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for kind, cues in KIND_CUES.items():
        matcher.add(kind, [nlp.make_doc(phrase) for phrase in cues])
    matcher.add(_NEUTRAL, [nlp.make_doc(phrase) for phrase in NEUTRAL_PHRASES])
    return nlp, matcher


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc  # noqa: PLC0415

        return opencc.OpenCC("t2s").convert
    except Exception:  # noqa: BLE001 - conversion is a nicety, not a requirement
        return lambda s: s


def normalise(text: str) -> str:
    """What cue matching sees: `squash` (width, OCR spaces and line breaks removed) and
    traditional characters made simplified. Offsets of cues refer to this string."""
    return _t2s()(squash(text))


def find_cues(text: str, *, normalised: bool = False) -> list[Cue]:
    """Kind cues in `text` in reading order; phrases contained in a longer match (or in a
    neutral phrase) are dropped."""
    t = text if normalised else normalise(text)
    nlp, matcher = get_nlp()
    doc = nlp(t)
    spans = sorted(((doc.vocab.strings[mid], doc[a:b]) for mid, a, b in matcher(doc)),
                   key=lambda ks: -(ks[1].end_char - ks[1].start_char))
    kept: list[Cue] = []
    for kind, span in spans:
        s, e = span.start_char, span.end_char
        if any(c.start <= s and e <= c.end for c in kept):
            continue
        kept.append(Cue(kind, span.text, KIND_CUES[kind][span.text] if kind != _NEUTRAL else 0.0, s, e))
    return sorted((c for c in kept if c.kind != _NEUTRAL), key=lambda c: c.start)
