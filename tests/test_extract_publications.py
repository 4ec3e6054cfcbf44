"""Extractors for patents, awards, qualifications, journals, books, projects, endorsements."""

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text


def fields(kind, text, **kw):
    return {f.name: f.value for f in extract(kind, doc_from_text(text, **kw))}


def test_invention_patent():
    f = fields("patent_certificate", """证书号第6123456号
发明专利证书
发明名称：一种基于深度学习的医学影像分割方法
发 明 人：张三;王小明;李四
专 利 号：ZL 2021 1 0123456.7
专利申请日：2021年03月15日
专利权人：郑州大学
地址：450001 河南省郑州市高新区科学大道100号
授权公告日：2023年06月13日  授权公告号：CN 112345678 B
国家知识产权局依照中华人民共和国专利法经过审查，决定授予专利权，颁发发明专利证书并在专利登记簿上予以登记。
局长 申长雨""")
    assert f["patent_type"] == "invention" and f["patent_number"] == "ZL202110123456.7"
    assert f["patent_title"] == "一种基于深度学习的医学影像分割方法"
    assert json.loads(f["inventors"]) == ["张三", "王小明", "李四"]
    assert (f["patentee"], f["filing_date"], f["grant_date"]) == ("郑州大学", "2021-03-15", "2023-06-13")
    assert f["certificate_number"] == "6123456" and f["organization"] == "国家知识产权局"


def test_utility_model_ocr():
    f = fields("patent_certificate", """证书号第 4567890 号
实用新型专利证书
实用新型名称：一种便携式输液架
发明人：王  芳；李  强
专利号：ZL 2O22 2 O345678 . 3
专利申请日：2022 年 O3 月 O1 日
专利权人：漯河市中心医院
授权公告日：2O23 年 l 月 6 日""", source="ocr")
    assert (f["patent_type"], f["patent_number"]) == ("utility_model", "ZL202220345678.3")
    assert json.loads(f["inventors"]) == ["王芳", "李强"]
    assert (f["filing_date"], f["grant_date"]) == ("2022-03-01", "2023-01-06")


def test_patent_type_from_number_when_title_unread():
    f = fields("patent_certificate", "专利号：ZL 2023 3 0567890.4\n设计人：赵敏")
    assert f["patent_type"] == "design" and json.loads(f["inventors"]) == ["赵敏"]


def test_provincial_award():
    f = fields("award_certificate", """河南省科学技术进步奖
证 书
为表彰河南省科学技术进步奖获得者，特颁发此证书。
项目名称：黄河流域生态保护关键技术研究与应用
奖励等级：二等奖
获 奖 者：陈红（第三完成人）
证书编号：2023-J-2-015-03
河南省人民政府
二〇二三年十二月""")
    assert (f["award_name"], f["award_level"], f["award_grade"]) == ("河南省科学技术进步奖", "provincial", "二等")
    assert f["awardee_rank"] == "3" and f["person_name"] == "陈红" and f["issue_date"] == "2023-12"
    assert f["title"] == "黄河流域生态保护关键技术研究与应用"


def test_city_award_list_wording():
    f = fields("award_certificate", """荣誉证书
周涛、吴敏、郑华同志完成的“基层慢病管理模式研究”项目，
荣获2023年度漯河市科学技术进步奖一等奖。
特发此证，以资鼓励。
漯河市人民政府
2023年12月20日""")
    assert (f["award_level"], f["award_grade"], f["issue_date"]) == ("city", "一等", "2023-12-20")
    assert f["award_name"] == "漯河市科学技术进步奖"


def test_qualification_certificate():
    f = fields("qualification_certificate", """中华人民共和国
专业技术资格证书
姓    名：孙丽
性    别：女
身份证号：11010519491231002X
资格名称：主治医师
专    业：内科
取得资格时间：2023年5月
管理号：2023041010000123
中华人民共和国人力资源和社会保障部""")
    assert (f["person_name"], f["qualification_name"], f["qualification_level"]) == ("孙丽", "主治医师", "intermediate")
    assert f["pass_date"] == "2023-05" and f["certificate_number"] == "2023041010000123"
    assert f["id_number"] == "11010519491231002X"


def test_practising_qualification_phrase():
    f = fields("qualification_certificate", """执业药师职业资格证书
本证书由中华人民共和国人力资源和社会保障部、国家药品监督管理局批准颁发，表明持证人通过国家统一组织的考试，
取得执业药师职业资格。
姓名：钱多多
考试年度：2023年
批准日期：2024年2月28日""")
    assert f["qualification_level"] == "practising" and f["qualification_name"] == "执业药师"
    assert f["person_name"] == "钱多多"


JOURNAL = """中国实用护理杂志
ZHONGGUO SHIYONG HULI ZAZHI
2023年第39卷第5期
ISSN 1672-7088  CN 11-5234/R
主管：中华人民共和国国家卫生健康委员会 主办：中华医学会
早期康复护理对脑卒中患者预后的影响
刘洋1 王芳2 赵强1
1.郑州市第一人民医院 河南郑州 450000
摘要：目的 探讨早期康复护理……
关键词：脑卒中；康复护理"""


def test_journal_pages():
    f = fields("journal_pages", JOURNAL)
    assert (f["issn"], f["cn_number"], f["journal_name"]) == ("1672-7088", "CN 11-5234/R", "中国实用护理杂志")
    assert (f["year"], f["issue"], f["level"]) == ("2023", "5", "national")
    assert f["article_title"] == "早期康复护理对脑卒中患者预后的影响"
    assert json.loads(f["authors"]) == ["刘洋", "王芳", "赵强"]


def test_journal_citation_wording():
    f = fields("journal_pages", """《河南医学研究》 2023,32(8):1456-1459
题目：社区高血压患者自我管理干预效果分析
作者：孙静，李强，王丽
ISSN 1004-437X""")
    assert (f["journal_name"], f["year"], f["issue"], f["pages"]) == ("河南医学研究", "2023", "8", "1456-1459")
    assert json.loads(f["authors"]) == ["孙静", "李强", "王丽"]
    assert f["article_title"] == "社区高血压患者自我管理干预效果分析"


BOOK = """内科护理学
主 编：张三 李四
副主编：王五
编 委：赵六 孙七
郑州大学出版社
图书在版编目（CIP）数据
内科护理学/张三，李四主编. —郑州：郑州大学出版社，2023.5
ISBN 978-7-5645-9876-1
开本：787mm×1092mm 1/16  印张：25  字数：560千字
版次：2023年5月第1版  印次：2023年5月第1次印刷
定价：68.00元"""


def test_book_pages():
    f = fields("book_pages", BOOK)
    assert (f["isbn"], f["title"], f["publisher"]) == ("9787564598761", "内科护理学", "郑州大学出版社")
    assert json.loads(f["editors"]) == {"主编": ["张三", "李四"], "副主编": ["王五"], "参编": ["赵六", "孙七"]}
    assert (f["word_count"], f["issue_date"]) == ("560000", "2023-05")
    assert "role" not in f  # several people: the role is the declarant's, decided per claim


def test_book_single_editor_role():
    f = fields("book_pages", "书名：《基层卫生管理实务》\n副主编：周杰\nISBN 7-115-54321-6\n人民卫生出版社")
    assert (f["title"], f["role"], f["isbn"]) == ("基层卫生管理实务", "副主编", "9787115543219")


def test_project_proof():
    f = fields("project_proof", """河南省科技攻关项目
立项通知书
项目编号：232102310123
项目名称：基层医疗机构慢病管理模式研究
项目类别：河南省科技攻关计划（社会发展领域）
项目负责人：周杰
课题组成员：周杰、吴敏、郑华、冯强
研究期限：2023年1月至2024年12月
河南省科学技术厅
2023年3月10日""")
    assert (f["certificate_number"], f["project_level"], f["project_role"]) == ("232102310123", "provincial", "main")
    assert json.loads(f["members"]) == ["周杰", "吴敏", "郑华", "冯强"]
    assert (f["start_date"], f["end_date"]) == ("2023-01-01", "2024-12-31")  # a range of months: first to last day
    assert f["title"] == "基层医疗机构慢病管理模式研究"


def test_national_sub_project_with_rank():
    f = fields("project_proof", """课题参与证明
兹证明吴敏同志参加国家自然科学基金面上项目子课题“慢病风险预测模型”研究工作，排名第2。
项目批准号：82173456
郑州大学科学技术处
2023年11月2日""")
    assert (f["project_level"], f["project_role"], f["member_rank"]) == ("national", "sub", "2")
    assert f["person_name"] == "吴敏" and f["certificate_number"] == "82173456"


def test_leader_endorsement():
    f = fields("leader_endorsement", """领导批示件
报告题目：关于我市基层医疗卫生服务能力提升的调研报告
报送单位：漯河市卫生健康委员会
作者：杨帆
批示领导：漯河市人民政府市长
批示内容：此报告很有价值，请卫健委研究落实。
批示日期：2023年8月16日""")
    assert (f["leader_level"], f["person_name"], f["issue_date"]) == ("city", "杨帆", "2023-08-16")
    assert f["title"] == "我市基层医疗卫生服务能力提升"  # the subject: 关于…的调研报告 is the wrapper


def test_leader_endorsement_provincial_wording():
    f = fields("leader_endorsement", """呈阅件
《关于豫南山区乡村医生队伍建设的调研报告》（执笔：郭靖）
副省长批示：请省卫健委认真研究，提出具体措施。
2023年5月9日""")
    assert (f["leader_level"], f["title"], f["person_name"]) == ("provincial", "豫南山区乡村医生队伍建设", "郭靖")


def test_journal_contents_page_lists_every_article():
    f = fields("journal_pages", """河南医学研究
HENAN MEDICAL RESEARCH
2023年第8期
目　次
基层高血压管理模式探讨
张　伟，李　娜（1402）
社区糖尿病随访效果评价
王小明，赵强，孙丽（1406）
社区糖尿病随访效果评价
王小明，赵强，孙丽
（郑州市金水区总医院，河南 郑州 450000）
摘要：目的 评价……
文章编号：1004-437X(2023)08-1406-04""")
    assert f["journal_name"] == "河南医学研究" and (f["year"], f["issue"]) == ("2023", "8")
    assert f["article_title"] == "社区糖尿病随访效果评价" and json.loads(f["authors"]) == ["王小明", "赵强", "孙丽"]
    assert f["pages"] == "1406-1409"
    assert {a["title"] for a in json.loads(f["articles"])} == {"基层高血压管理模式探讨", "社区糖尿病随访效果评价"}


@pytest.mark.parametrize("number, pages", [
    ("2096-6482（2023）08-0069-03", "69-71"),
    ("2096-6482（2023）08-0069-403", "69-71"),  # an OCR speck before the two-digit page count
    ("1673-3444(2023)07-0088-005", "88-92"),
])
def test_article_number_pages(number, pages):
    assert fields("journal_pages", "施工技术\n文章编号：" + number)["pages"] == pages


def test_cover_photo_without_its_title_gives_no_editor_line_as_title():
    assert "title" not in fields("book_pages", "主编 杨浩\n副主编 文振华\n河南人民出版社")
    assert fields("book_pages", "小麦绿色高效栽培技术\n主编 杨浩\n河南人民出版社")["title"] == "小麦绿色高效栽培技术"


def test_copyright_page_without_colons():
    f = fields("book_pages", """版权所有　侵权必究
书　　名　基层医院感染防控手册
主　　编　王小明
副 主 编　李娜　赵强
出版发行　河南科学技术出版社
字　　数　380 000
版　　次　2023年6月第1版
书　　号　ISBN 978-7-5645-9876-1""")
    assert (f["title"], f["word_count"], f["issue_date"], f["year"]) == ("基层医院感染防控手册", "380000", "2023-06", "2023")
    assert json.loads(f["editors"]) == {"主编": ["王小明"], "副主编": ["李娜", "赵强"]}


def test_county_office_endorsement_with_signed_date():
    f = fields("leader_endorsement", """西平县人民政府办公室
呈　阅　件
2023年第7期
关于我县乡村医生队伍建设情况的调研报告
西平县卫生健康委员会　罗明　冯雪
请卫健委抓好落实。
周建国　6.18""")
    assert (f["leader_level"], f["person_name"], f["issue_date"]) == ("county", "罗明", "2023-06-18")
    assert json.loads(f["authors"]) == ["罗明", "冯雪"]
    assert f["title"] == "我县乡村医生队伍建设情况"


def test_project_member_table():
    f = fields("project_proof", """国家重点研发计划项目课题任务书
项目编号：2023YFC3601234
项目名称：县域慢病智能管理关键技术
项目组主要成员：
排序 姓名 工作单位 职称 任务分工
1 陈刚 郑州大学 教授 课题负责人
2 吴敏 河南省人民医院 副主任医师 方案设计
3 郑华 南阳市中心医院 主治医师 数据采集
中华人民共和国科学技术部""")
    assert json.loads(f["members"]) == ["陈刚", "吴敏", "郑华"]
    assert (f["project_level"], f["project_role"], f["certificate_number"]) == ("national", "sub", "2023YFC3601234")


def test_label_and_colon_on_separate_lines():
    f = fields("qualification_certificate", """中华人民共和国
专业技术人员职业资格证书
姓
名：黄振华
资格名称
：中级经济师（人力资源管理）
批准日期
：2023年10月25日""", source="ocr")
    assert (f["qualification_name"], f["qualification_level"], f["pass_date"]) == ("中级经济师（人力资源管理）", "intermediate", "2023-10-25")
    assert f["person_name"] == "黄振华"
