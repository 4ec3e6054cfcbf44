"""A page photographed on its own takes the kind of the multi-page document beside it."""

from __future__ import annotations

from pathlib import Path

from extractors._base import doc_from_text
from pipeline.intake import Candidate
from pipeline.understand import DocRecord, classify_documents

NOTICE = """关于举办2023年基层医疗机构院感防控培训班的通知
各县（市、区）卫生健康委，委直各医疗单位：
为提升基层院感防控能力，定于2023年6月12日至14日举办培训班，培训结束颁发培训证书，登记继续教育24学时。
一、培训时间：2023年6月12日至14日
二、培训地点：市卫生健康委员会三楼会议室
周口市卫生健康委员会
2023年5月30日"""
SCHEDULE = """时间 内容 主讲
上午 手卫生与标准预防 王医生
下午 多重耐药菌防控 李医生
上午 消毒供应管理 赵医生"""


def _rec(claim: str, name: str, text: str) -> DocRecord:
    cand = Candidate(path=Path(f"/in/P0001/{claim}/{name}"), rel=f"P0001/{claim}/{name}", person_id="P0001",
                     claim_id=claim)
    return DocRecord(cand=cand, text=doc_from_text(text))


def test_schedule_page_photo_joins_the_notice_photo():
    recs = classify_documents([_rec("C1", "IMG_1.jpg", NOTICE), _rec("C1", "IMG_2.jpg", SCHEDULE)])
    assert recs[0].kind.kind == "training_notice"
    assert recs[1].kind.kind == "training_notice" and recs[1].kind.confidence <= 0.5  # still reviewed


def test_lone_page_or_other_medium_or_other_claim_stays_other():
    # alone in its claim
    assert classify_documents([_rec("C1", "IMG_2.jpg", SCHEDULE)])[0].kind.kind == "other"
    # beside a PDF notice, not a photo: not taken as its page
    recs = classify_documents([_rec("C1", "通知.pdf", NOTICE), _rec("C1", "IMG_2.jpg", SCHEDULE)])
    assert recs[1].kind.kind == "other"
    # the notice is in another claim
    recs = classify_documents([_rec("C1", "IMG_1.jpg", NOTICE), _rec("C2", "IMG_2.jpg", SCHEDULE)])
    assert recs[1].kind.kind == "other"


PLAN = """2023年度专业技术人员继续教育培训计划备案表
单位名称：安阳市畜牧技术服务中心
序号 培训项目名称 培训时间 培训对象 学时
1 2023年高标准农田建设技术院内培训 3月 本单位专业技术人员 8
2 2023年农作物病虫害绿色防控院内培训 5月 本单位专业技术人员 8
人社部门备案意见：已备案。
安阳市人力资源和社会保障局
2023年3月1日"""


def test_the_page_numbered_after_a_file_continues_it():
    """Two multi-page kinds beside the stray page: the file numbered one before it decides."""
    recs = classify_documents([_rec("C1", "微信图片_20231020212750_1.jpg", NOTICE), _rec("C1", "计划备案表.jpg", PLAN),
                               _rec("C1", "IMG_20231020_2.jpg", SCHEDULE)])
    assert [r.kind.kind for r in recs[:2]] == ["training_notice", "plan_filing"]
    assert recs[2].kind.kind == "training_notice" and recs[2].kind.confidence <= 0.5


def test_the_stray_page_file_name_decides():
    recs = classify_documents([_rec("C1", "IMG_0001.jpg", NOTICE), _rec("C1", "计划备案表.jpg", PLAN),
                               _rec("C1", "培训通知附件.jpg", SCHEDULE)])
    assert recs[2].kind.kind == "training_notice"


def test_two_kinds_and_nothing_to_decide_stays_other():
    recs = classify_documents([_rec("C1", "IMG_0001.jpg", NOTICE), _rec("C1", "IMG_0002.jpg", PLAN),
                               _rec("C1", "IMG_0007.jpg", SCHEDULE)])
    assert recs[2].kind.kind == "other"
