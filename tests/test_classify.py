"""Document-kind classification (seeds, realistic texts in several wordings per kind, OCR
noise, multi-page files, confidence calibration) and claim categories (1/2/13/14 by organiser,
direct kinds, fallbacks)."""

from pathlib import Path

import pytest

from extractors._base import doc_from_text
from pipeline.classify import CALIBRATION, classify_claim, classify_document
from pipeline.nlp import KIND_CUES, NEUTRAL_PHRASES, find_cues
from pipeline.policy.categories import organizer_type, same_org
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument, ExtractedField

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Realistic documents written for these tests, in wordings and layouts unlike the sample
# generator's templates (forms, titles broken over lines, certificates with the issuer on
# top, a few OCR slips). `python -m pipeline.textcat calibrate … --texts tests/test_classify.py`
# also uses them.
WORDINGS = [
    # training_notice
    ('training_notice', '焦作市专业技术人员继续教育基地 通知公告\n2024年安全生产管理专业科目研修班开班通知\n发布时间：2024-04-02\n'
                        '各县区人社局，市直有关单位：\n按照年度继续教育工作安排，定于近期开办研修班。\n举办时间 2024年4月22日—24日\n'
                        '招收对象 全市专业技术人员\n课程设置 安全生产法规解读；典型事故案例分析\n报名回执'),
    ('training_notice', '开班通知\n各位学员：\n2023年全市社区护士岗位培训班定于6月5日上午9时开班，请准时到市卫生学校报到。'),
    ('training_notice', '河南省卫生健康委员会办公室\n豫卫办科教函〔2023〕21号\n关于举办全省基层卫生人员适宜技术推广培训班的通知\n各省辖市卫生健康委，各有关单位：\n为推广基层卫生适宜技术，经研究，决定举办全省基层卫生人员适宜技术推广培训班。现将有关事项通知如下：\n一、培训内容\n常见病多发病诊疗规范、中医适宜技术。\n二、培训对象\n各乡镇卫生院业务骨干，每单位1人。\n三、时间地点\n2023年9月18日至22日，郑州市金水区。\n四、报名方式\n请于9月10日前将报名表发送至邮箱。'),
    ('training_notice', '关于组织参加2023年度中小学教师信息技术应用能力提升工程2.0培训的通知\n各县（区）教育局，局属各学校：\n根据省教育厅工作安排，现组织我市中小学教师参加信息技术应用能力提升工程2.0培训，有关事项通知如下：\n一、参训对象：全市在职中小学教师。\n二、培训时间：2023年10月至12月，线上学习50学时。\n三、工作要求：各学校要高度重视，按时完成培训任务。\n许昌市教育局\n2023年9月20日'),
    ('training_notice', '培 训 通 知\n各分公司、项目部：\n为进一步提高工程技术人员业务水平，经公司研究决定，于2023年4月15日至16日在公司三楼会议室举办建筑施工安全技术专题培训。\n请各单位组织相关人员准时参加，无故缺席者按旷工处理。\n河南省第五建筑工程有限公司人力资源部\n2023年4月10日'),
    ('training_notice', '关干举办2023年全市\n安全生产管理人员\n继续教盲培训的逋知\n各县区应急管理局：\n经研究，定于2023年6月在市应急管理培训中心举办培训班，\n培训时间 3天，报到时间6月12日上午。\n联系人：王 电话：0395-1234567'),
    ('training_notice', '河南省中医药管理局\n关于举办第三期全省中医护理骨干人才研修项目的通知\n各省辖市中医药管理部门：\n为加强中医护理人才队伍建设，我局决定举办第三期研修项目，现将有关事项通知如下：\n一、研修时间：2023年10月9日至20日（10月8日报到）\n二、研修地点：河南中医药大学\n三、学员条件：具有主管护师及以上职称。'),
    ('training_notice', '培训安排\n培训名称：2023年压力容器检验员继续教育\n培训时间：2023年8月21日—23日\n培训地点：新乡市特种设备检验所三楼\n参训人员：各检验站持证检验员\n请各站于8月15日前上报参训名单。'),
    ('training_notice', '安阳市卫生健康委员会\n关于举办全市医疗机构\n院感防控能力提升培训班的通知\n各县（市、区）卫生健康委，委直各医疗机构：\n为进一步加强医院感染管理，定于2023年4月在市第三人民医院举办培训班。\n一、时间：4月20日至21日\n二、参加人员：各单位院感专职人员2名\n附件：回执'),
    ('training_notice', '关于参加2023年度护士规范化培训的通知\n护理部\n各护理单元：\n根据医院年度培训计划，定于5月每周三下午在门诊六楼学术厅开展护士规范化培训，请各科室合理排班，确保人员参训。\n洛阳市第三人民医院护理部\n2023年4月25日'),
    # completion_certificate
    ('completion_certificate', '培训证明\n兹证明王明同志（身份证号410102198001011234）于2023年5月8日至10日参加我中心举办的护理管理培训班，完成全部课程，考核合格。\n特此证明。\n河南省护理培训中心'),
    ('completion_certificate', '参训证明\n李华同志参加了2023年郑州市教育局举办的班主任能力提升培训，培训时长24学时。\n郑州市教育局'),
    ('completion_certificate', '学习证明\n学员张三于2023年7月在我院参加超声医学进修班学习，成绩合格。\n河南省人民医院继续教育科'),
    ('completion_certificate', '结业证明\n王五同志参加河南省专业技术人员继续教育基地举办的公需科目培训，已按要求完成学习，准予结业。'),
    ('completion_certificate', '河南省继续医学教育\n学分登记卡\n姓名 王丽 单位 郑州市第三人民医院\n项目名称 急诊急救技能培训\n学分类别 Ⅱ类\n学分 5'),
    ('completion_certificate', '培 训 证 书\n学员 李红梅 ，身份证号 410103198705061228 ，于2023年5月10日至12日参加河南省护理学会举办的静脉治疗护理专科培训，完成规定课程，考核合格，特发此证。\n授予学时：24学时\n发证日期：2023年5月12日\n证书编号：HNHL2023-0512'),
    ('completion_certificate', '国家级继续医学教育项目\n学分证书\n姓名：王建国 单位：南阳市中心医院\n参加 心力衰竭规范化诊治进展 项目学习\n项目编号：2023-04-03-125（国）\n授予Ⅰ类学分 6 分\n全国继续医学教育委员会'),
    ('completion_certificate', '结业证\n张伟同志于2023年7月参加全市中小学班主任能力提升研修班学习，学习期满，成绩合格，准予结业。\n特发此证。\n濮阳市教师进修学校\n二〇二三年七月二十八日'),
    ('completion_certificate', '合格证明\n兹证明赵敏同志参加我中心举办的2023年度安全评价师继续教育培训，完成全部课程学习，考核合格，获得继续教育学时32学时。\n特此证明。\n河南省安全生产培训中心\n2023年8月30日'),
    ('completion_certificate', '专业技术人员继续教育证书\n姓名：刘洋 工作单位：周口市第一高级中学\n2023年度\n公需科目 30学时\n专业科目 60学时\n合计 90学时\n周口市人力资源和社会保障局（章）'),
    ('completion_certificate', '证 书\n王志强 同志于2023年6月参加由河南省建设教育协会组织的二级建造师继续教育培训，学习时间60学时，经考核成绩合格。\n特发此证\n证书编号：JZS20230612'),
    ('completion_certificate', 'Certificate of Completion\n结 业 证 书\n学员：刘佳\n课程：全科医生转岗培训\n学时：160\n经考核合格，准予结业。\n河南省全科医学培训中心'),
    ('completion_certificate', '河南省专业技术人员继续教育\n公需科目培训合格证\n姓名 张丽\n身份证号 410102198801011234\n培训内容 数字经济与创新驱动\n培训学时 30学时\n发证机构 河南省专业技术人员继续教育基地'),
    ('completion_certificate', '学 时 证 明\n兹有 王建 同志参加了我单位组织的2023年度安全生产继续教育，共计 16 学时，考核合格。\n特此证明\n河南省安全生产协会\n2023年7月'),
    # employer_proof
    ('employer_proof', '介绍信\n河南省人民医院：\n兹介绍我院医师王强同志前往贵院进修学习，时间六个月，请接洽。\n登封市人民医院'),
    ('employer_proof', '单位证明\n李强，男，身份证号410526198811203411，系我院内科主治医师。经医院批准，于2023年3月至2023年8月赴郑州大学第一附属医院心内科进修学习。\n特此证明。\n滑县人民医院（盖章）\n2023年9月1日'),
    ('employer_proof', '派 出 证 明\n兹派我单位王丽同志前往北京参加中国疾病预防控制中心举办的传染病监测技术培训班，时间为2023年5月8日至12日。\n请予接洽为盼。\n鹤壁市疾病预防控制中心\n2023年5月4日'),
    ('employer_proof', '证明\n我单位刘建军同志于2023年10月参加了河南省土木建筑学会组织的学术交流活动，情况属实。\n特此证明。\n河南省城乡规划设计研究总院股份有限公司\n2023年11月2日'),
    ('employer_proof', '在职证明\n兹证明孙晓燕同志为我单位在编在岗职工，现任小学语文一级教师，自2010年9月起在我校工作至今。\n特此证明。\n信阳市第三小学\n2023年12月1日'),
    ('employer_proof', '证明\n我院职工郭明同志，身份证号410122198503041234，于2023年5月8日至12日经医院同意参加了河南省医学会举办的超声医学新进展学习班。\n特此证明\n中牟县人民医院\n2023年5月20日'),
    ('employer_proof', '外出学习审批表\n姓名 李敏 科室 检验科 职称 主管技师\n学习内容 临床检验质量控制培训\n学习时间 2023.7.3-7.7\n科室意见 同意\n单位意见 同意外出学习（盖章）'),
    ('employer_proof', '单 位 推 荐 意 见\n姓名 刘敏 所在单位 许昌市中心医院\n参加项目 河南省超声医学质控培训班\n单位意见 该同志为我院超声科骨干，同意其参加培训。\n（盖章）\n2023年6月1日'),
    ('employer_proof', '工作证明\n兹证明 陈刚 ，男，身份证号码：410305197903081234，自2005年7月至今在我单位工作，现任工程部高级工程师。\n特此证明！\n河南省水利勘测设计研究有限公司（盖章）'),
    # transcript
    ('transcript', '郑州大学研究生课程成绩单\n姓名：陈静 学号：202212345678 专业：护理学\n课程名称 学分 成绩 考试时间\n高级护理实践 3 88 2023.01\n护理研究方法 2 91 2023.01\n循证护理学 2 85 2023.06\n教务处（章）'),
    ('transcript', '学员考核成绩表\n姓名 周磊 进修科室 骨科\n考核项目 成绩\n理论考试 86\n操作考核 90\n综合评定 合格\n河南省洛阳正骨医院医务部'),
    ('transcript', '成绩证明\n兹证明我校2022级在职研究生王芳同志，在校学习期间各门课程成绩如下：\n科目 成绩\n教育学原理 85\n课程与教学论 89\n特此证明。\n河南大学研究生院'),
    ('transcript', '成 绩 单\n姓名：冯雪 学号：2021010203 学院：护理学院\n学年 学期 课程 学分 成绩\n2022-2023 1 社区护理学 2 良好\n2022-2023 2 护理管理学 3 优秀\n平均学分绩点：3.6'),
    ('transcript', '郑州大学\n在职研究生课程进修班\n学员成绩登记表\n姓名：刘阳 专业：公共管理\n序号 课程 学时 成绩\n1 公共政策分析 48 87\n2 行政法学 32 82\n3 管理学原理 48 90'),
    # assessment_proof
    ('assessment_proof', '事业单位工作人员年度考核登记表\n（2023年度）\n姓名 赵磊 性别 男\n单位 开封市第二人民医院\n个人总结 本年度认真履行岗位职责……\n考核等次 优秀\n主管部门意见 同意'),
    ('assessment_proof', '进修鉴定表\n姓名：马丽 原单位：周口市中心医院\n进修科室：重症医学科\n进修时间：2023年3月1日至8月31日\n科室鉴定意见：该同志进修期间工作认真，理论扎实，考核合格。\n医院意见：同意鉴定。'),
    ('assessment_proof', '考核结果证明\n兹证明吴涛同志2023年度考核结果为称职。\n特此证明。\n河南省交通规划设计研究院'),
    ('assessment_proof', '2023年度考核结果通知书\n张华同志：\n经单位考核委员会考核，你2023年度考核等次为优秀。\n郑州市第七人民医院人事科'),
    ('assessment_proof', '河南省事业单位工作人员\n年度考核表\n（2023年度）\n单位：新乡市第一中学\n姓名：赵凯\n考核结果：优秀\n单位负责人签字：'),
    # conference_notice
    ('conference_notice', '学术年会邀请函\n尊敬的专家：\n兹定于2023年9月在郑州召开河南省康复医学会学术年会，诚邀您莅临。'),
    ('conference_notice', '关于召开2023年全国骨科学术会议的通知\n各有关单位：\n中华医学会骨科学分会定于2023年11月在郑州召开全国骨科学术会议，现将有关事项通知如下：\n一、会议时间：2023年11月16日至19日\n二、会议地点：郑州国际会展中心\n三、征文要求：请于9月30日前提交论文摘要\n四、参会费用：注册费1200元'),
    ('conference_notice', '第十届中原护理论坛\n会议通知\n尊敬的各位同道：\n第十届中原护理论坛将于2023年8月25日至27日在洛阳召开，欢迎全省护理同仁参会。\n会务组联系人：刘老师 13800000000'),
    ('conference_notice', '邀请函\n尊敬的王明老师：\n兹定于2023年10月20日至21日在开封举办“新时代基础教育课程改革”学术研讨会，诚邀您拨冗参会并作交流发言。\n河南省教育学会\n2023年9月10日'),
    ('conference_notice', '2023中国农业科技创新大会\n第二轮通知\n大会时间：2023年10月12—14日\n大会地点：河南·郑州\n大会主题：科技创新引领现代农业高质量发展\n注册方式：扫码在线注册'),
    ('conference_notice', '会 议 通 知\n经研究，河南省预防医学会流行病学分会定于2023年9月22日在新乡召开2023年学术交流会，请各委员及会员单位代表按时参会。\n会议地点：新乡宾馆\n报到时间：9月21日14:00-20:00'),
    ('conference_notice', '河南省医学会\n豫医会〔2023〕58号\n关于召开河南省医学会检验医学分会2023年学术会议的通知\n各省辖市医学会，各有关医疗单位：\n经研究，定于2023年11月在郑州召开学术会议。\n会议内容：检验医学新进展。'),
    # presentation_proof
    ('presentation_proof', '大会发言证明\n兹证明南阳市中心医院张红同志在2023年河南省医学会麻醉学学术年会上作题为《老年患者术后谵妄的预防》的专题报告。\n特此证明。\n河南省医学会麻醉学分会\n2023年10月15日'),
    ('presentation_proof', '论文宣读证书\n李娜：\n您的论文《基于大数据的农田土壤墒情监测》在2023年河南省农学会学术年会上宣读交流。\n特发此证。\n河南省农学会'),
    ('presentation_proof', '壁报交流证明\n王磊同志的论文《脑卒中早期康复护理效果分析》入选第十二届全国康复护理学术会议壁报交流。\n特此证明。\n中华护理学会'),
    ('presentation_proof', '证明\n兹证明安阳市肿瘤医院陈丽同志撰写的论文《乳腺癌术后淋巴水肿的护理干预》在2023年河南省护理学会学术年会上进行大会交流发言。\n特此证明。\n河南省护理学会'),
    ('presentation_proof', '河南省植物保护学会\n报告证书\n张明：\n您的论文《小麦赤霉病绿色防控技术集成》（3105字）在2024年9月6日于郑州'
                           '举办的河南省植物保护学会2024年学术年会上作口头报告，特发此证。\n二〇二四年九月九日'),
    ('presentation_proof', '学术交流证明表\n姓名\n王芳\n工作单位\n信阳市农业科学院\n会议名称\n2024年全国茶叶学术研讨会\n'
                           '交流题目\n《信阳毛尖春茶品质形成机理》\n交流形式\n分会场报告\n论文字数\n4210字\n主办单位意见\n情况属实。'),
    ('presentation_proof', '专 题 报 告 证 明\n河南省护理学会2023年学术年会于2023年10月在郑州召开，周口市中心医院刘娟同志应邀在大会上作《ICU护理质量敏感指标》专题报告。\n特此证明\n河南省护理学会'),
    # project_proof
    ('project_proof', '河南省科技攻关项目\n任 务 书\n项目名称：黄河滩区盐碱地改良关键技术研究\n项目编号：232102110056\n承担单位：河南省农业科学院\n项目负责人：孙伟\n主要参加人员：孙伟、王强、刘丽\n起止年限：2023年1月至2024年12月'),
    ('project_proof', '结题证书\n课题名称：农村小学留守儿童心理健康教育策略研究\n课题编号：2021-JKGHYB-0123\n课题负责人：杜鹃\n课题组成员：杜鹃、张静、王磊\n经专家鉴定，该课题研究达到预期目标，准予结题。\n河南省教育科学规划领导小组办公室'),
    ('project_proof', '关于下达2023年度河南省重点研发专项项目计划的通知\n豫科〔2023〕45号\n各有关单位：\n经专家评审、社会公示，现将2023年度河南省重点研发专项项目予以立项。\n附件：项目清单\n序号 项目编号 项目名称 承担单位 项目负责人\n1 231111110100 智能电网故障诊断 郑州大学 王强\n河南省科学技术厅'),
    ('project_proof', '河南省自然科学基金项目\n立项通知书\n项目批准号：232300421234\n项目名称：基于深度学习的小麦病害识别研究\n依托单位：河南农业大学\n负责人：李华\n资助金额：10万元'),
    ('project_proof', '项目参与证明\n兹证明郑州市第一人民医院刘洋同志参与国家重点研发计划“常见慢性病防控技术研究”项目子课题研究工作，排名第三。\n特此证明。\n项目负责单位：北京大学医学部'),
    ('project_proof', '河南省教育科学规划课题\n立项证书\n课题名称：乡村教师专业发展支持体系研究\n立项编号：2023YB0123\n课题类别：一般课题\n主持人：孙磊\n河南省教育科学规划领导小组办公室'),
    ('project_proof', '河南省科学技术厅\n验收证书\n项目名称：智能温室环境调控系统研发\n项目编号：222102110234\n承担单位：河南科技学院\n验收结论：通过验收'),
    # book_pages
    ('book_pages', '图书在版编目(CIP)数据\n临床护理技术规范/刘敏主编. —郑州：河南科学技术出版社，2023.6\nISBN 978-7-5725-1234-5\nⅠ.①临… Ⅱ.①刘… Ⅲ.①护理学 Ⅳ.①R47\n中国版本图书馆CIP数据核字(2023)第088123号\n出版发行：河南科学技术出版社\n开本：787 mm×1092 mm 1/16 印张：22 字数：480千字\n版次：2023年6月第1版 印次：2023年6月第1次印刷\n定价：88.00元'),
    ('book_pages', '中小学心理健康教育实务\n主 编 王红霞\n副主编 李明 张璐\n编 委（按姓氏笔画排序）\n于海 马静 刘丹 孙浩\n河南大学出版社'),
    ('book_pages', '目 录\n第一章 绪论 …………………………1\n第一节 研究背景 ……………………1\n第二节 国内外研究现状 ……………6\n第二章 理论基础 ………………………15\n第三章 实证研究 ………………………42'),
    ('book_pages', '版权所有 侵权必究\n书 名：农作物病虫害绿色防控技术\n主 编：李强\n出版发行：中原农民出版社\n印 刷：河南新华印刷集团\n开 本：16开\n字 数：320千字\n版 次：2023年3月第1版\n书 号：ISBN 978-7-5542-2345-6\n定 价：45.00元'),
    ('book_pages', '河南科学技术出版社\n内科常见病诊疗指南\n主编 郑伟 王敏\n2023年·郑州'),
    # journal_pages
    ('journal_pages', '护理研究\nCHINESE NURSING RESEARCH\n半月刊 2023年5月 第37卷 第10期\n主管：山西省卫生健康委员会\n主办：山西医科大学\nISSN 1009-6493\nCN 14-1272/R'),
    ('journal_pages', '文章编号：1008-2387(2023)05-0012-03\n慢性心力衰竭患者自我管理干预效果研究\n张敏，李华\n（新乡医学院第一附属医院 心内科，河南 卫辉 453100）\n【摘要】目的 探讨自我管理干预对慢性心力衰竭患者的影响。方法……\n【关键词】心力衰竭；自我管理\n中图分类号：R541.6 文献标识码：A'),
    ('journal_pages', '目 次\n·论著·\n经皮冠状动脉介入术后患者运动康复的效果 …………… 王芳，李强（1）\n糖尿病足早期筛查模式探讨 …………… 刘敏（6）\n·护理管理·\n基层医院护理质量控制实践 …………… 张静，赵伟（11）\n2023年第6期'),
    ('journal_pages', '中国实用医刊\nCHINESE JOURNAL OF PRACTICAL MEDICINE\n2023年第50卷第8期\n国际标准连续出版物号 ISSN 1674-4756\n国内统一连续出版物号 CN 11-5688/R'),
    ('journal_pages', '河南教育(基教版) 2023年第10期\n核心素养视域下初中英语阅读教学策略\n赵丽\n(周口市第十中学，河南周口466000)\n摘 要：本文从核心素养出发……\n关键词：核心素养；阅读教学'),
    ('journal_pages', '郑州大学学报(医学版)\nJOURNAL OF ZHENGZHOU UNIVERSITY (MEDICAL SCIENCES)\n第58卷 第4期 2023年7月\n目次'),
    ('journal_pages', '·临床研究·\n腹腔镜胆囊切除术后快速康复护理效果观察\n王丽 张强\n漯河市中心医院肝胆外科，河南 漯河 462000\n[摘要] 目的 观察快速康复护理的效果。\n[关键词] 腹腔镜；快速康复\nDOI：10.3969/j.issn.1671-1234.2023.05.012'),
    # patent_certificate
    ('patent_certificate', '证书号第17654321号\n实用新型专利证书\n实用新型名称：一种可调节输液架\n发 明 人：王敏;李强\n专 利 号：ZL 2022 2 1234567.3\n专利申请日：2022年05月10日\n专 利 权 人：南阳市中心医院\n授权公告日：2023年01月17日\n国家知识产权局依照中华人民共和国专利法进行审查，决定授予专利权。\n局长 申长雨'),
    ('patent_certificate', '中华人民共和国国家知识产权局\n发明专利证书\n发明名称：一种小麦赤霉病抗性鉴定方法\n发明人：郭强；刘芳\n专利号：ZL 2021 1 0987654.3\n专利权人：河南省农业科学院\n授权公告日：2023年04月07日'),
    ('patent_certificate', '外观设计专利证书\n证书号第7891234号\n外观设计名称：教学用地球仪\n设 计 人：刘洋\n专 利 号：ZL 2022 3 0456789.1\n专利权人：周口师范学院'),
    ('patent_certificate', '证书号 第 4567890 号\n发明专利证书\n发明名称：一种混凝土裂缝修补材料\n发明人：李军；王华\n专利号：ZL 2020 1 1234567.8\n专利申请日：2020年11月05日\n专利权人：河南建筑职业技术学院\n授权公告日：2023年02月21日'),
    # award_certificate
    ('award_certificate', '荣誉证书\n为表彰在促进科学技术进步工作中作出突出贡献者，特颁发河南省科学技术进步奖证书。\n奖励项目：复杂地质条件下隧道施工关键技术\n奖励等级：三等奖\n获奖者：赵强（第3完成人）\n证书号：2023-J-301-3-05-R03'),
    ('award_certificate', '河南省教育厅\n获奖证书\n杨帆同志：\n你主持的《初中数学项目式学习的实践研究》在2023年河南省基础教育教学成果奖评选中荣获一等奖。\n特发此证，以资鼓励。'),
    ('award_certificate', '获 奖 证 书\n河南省医学科学技术进步奖\n项目名称：重症肺炎早期预警体系建立\n获奖等级：二等奖\n获奖者：王强（排名第二）\n河南省卫生健康委员会'),
    ('award_certificate', '证 书\n为表彰河南省科学技术进步奖获得者，特颁发此证书。\n项目名称：豫北地区小麦节水栽培技术\n奖励等级：三等奖\n获奖者：陈明\n河南省人民政府'),
    ('award_certificate', '荣 誉 证 书\n刘芳同志在2023年河南省优质课评选活动中荣获一等奖。\n特发此证\n河南省教育厅教学研究室'),
    # qualification_certificate
    ('qualification_certificate', '中华人民共和国\n专业技术资格证书\n本证书由中华人民共和国人力资源和社会保障部批准颁发。它表明持证人通过国家统一组织的考试，取得专业技术资格。\n姓名：李静 性别：女\n资格名称：主管护师\n专业：护理学\n批准日期：2023年05月\n管理号：2023041410012345'),
    ('qualification_certificate', '医师资格证书\n姓名：王磊 性别：男\n身份证号：410102199001011234\n经国家医师资格考试合格，具有执业医师资格。\n类别：临床\n签发日期：2023年12月\n中华人民共和国国家卫生健康委员会'),
    ('qualification_certificate', '全国计算机技术与软件专业技术资格（水平）考试\n合格证书\n姓名：韩冰\n资格名称：系统集成项目管理工程师\n级别：中级\n本证书由中华人民共和国人力资源和社会保障部、工业和信息化部用印，表明持证人具有相应专业技术资格。'),
    ('qualification_certificate', '中华人民共和国\n注册建造师执业资格证书\n姓名：李明 性别：男\n专业：建筑工程\n级别：一级\n取得资格时间：2023年1月\n本证书表明持证人通过国家统一考试，取得建造师执业资格。'),
    ('qualification_certificate', '中华人民共和国\n执业药师职业资格证书\n姓名：吴丽\n管理号：2023123410001234\n专业类别：药学\n本证书表明持证人通过国家统一考试，具备执业药师职业资格。'),
    # leader_endorsement
    ('leader_endorsement', '领导批示件\n报送材料：《关于我县乡村医生队伍建设情况的调研报告》（县卫健委 张华）\n批示：报告分析透彻，建议可行，请卫健委会同财政局认真研究落实。\n王刚\n2023年7月3日'),
    ('leader_endorsement', '濮阳县人民政府\n信息专报\n第12期\n关于我县农村饮水安全工作的调查与思考\n李县长批示：此报告很有见地，请水利局抓好落实。\n一、基本情况……'),
    ('leader_endorsement', '呈 阅 件\n第15期\n南阳市人民政府研究室 2023年6月12日\n关于我市中医药产业发展的调研报告\n市长批示：请发改委研究借鉴。\n一、发展现状……'),
    ('leader_endorsement', '关于我市特殊教育发展情况的调研报告\n（报送件）\n市委副书记批示：调研扎实，问题找得准，请教育局认真研究，抓好落实。\n2023年5月10日'),
    # assignment_document
    ('assignment_document', '中共南阳市委组织部\n关于选派专业技术人才赴西藏开展对口支援工作的通知\n宛组通〔2023〕15号\n各县区委组织部，市直各单位：\n根据中央组织部统一部署，经研究，决定选派刘强等3名同志赴西藏日喀则市开展为期一年半的对口支援工作。'),
    ('assignment_document', '挂职锻炼介绍信\n郑州市金水区人民政府：\n兹介绍郑州大学第一附属医院王涛同志到你区卫生健康委员会挂职锻炼，挂职时间一年（2023年3月至2024年3月），挂任副主任职务。\n请接洽。\n中共郑州市委组织部'),
    ('assignment_document', '关于选派第一书记驻村帮扶的通知\n各有关单位：\n经研究，决定选派张明同志到固始县陈集乡任驻村第一书记，驻村时间2023年1月至2024年12月。'),
    ('assignment_document', '援疆干部人才选派审批表\n姓名 马强 工作单位 郑州市第九人民医院\n援派地点 新疆哈密市\n援派时间 2023年2月至2024年2月\n组织部门意见 同意选派'),
    ('assignment_document', '派遣函\n河南省援疆前方指挥部：\n根据省委组织部安排，现派遣我院内科主治医师刘强同志赴新疆哈密市第二人民医院开展为期一年的医疗援疆工作。\n河南省人民医院\n2023年2月1日'),
    # service_notice
    ('service_notice', '关于开展2023年“三下乡”科技服务活动的通知\n各县区科协，各学会：\n为服务乡村振兴，市科协定于2023年6月组织专家深入基层开展科技下乡服务活动。\n一、服务时间：6月5日至9日\n二、服务地点：各县区乡镇\n三、服务内容：技术培训、义诊咨询'),
    ('service_notice', '志愿服务证明\n兹证明驻马店市中心医院李梅同志参加由我会组织的“健康进乡村”义诊志愿服务活动，服务时间2023年5月20日至24日，共5天。\n特此证明。\n驻马店市红十字会'),
    ('service_notice', '关于组织开展2023年“送医下乡”巡回医疗活动的通知\n各县级医院：\n为提升基层医疗服务能力，市卫健委决定组织城市医院专家开展巡回医疗活动。\n一、活动时间：2023年5月至6月\n二、服务对象：各乡镇卫生院'),
    ('service_notice', '活动证明\n2023年7月，开封市第二人民医院赵华同志参加我县组织的“送医下乡、健康义诊”服务基层活动，服务时间7天。\n特此证明。\n兰考县卫生健康委员会'),
    # plan_filing
    ('plan_filing', '2023年度继续教育培训计划备案表\n填报单位：商丘市卫生健康委员会\n序号 培训项目 培训对象 学时 时间\n1 急诊急救技能培训 全市医护人员 24 5月\n2 院感防控培训 各级医疗机构 16 8月\n人社部门备案意见：同意备案'),
    ('plan_filing', '关于商丘市教育局2023年度专业技术人员继续教育培训计划的备案意见\n商人社继〔2023〕12号\n商丘市教育局：\n你局报送的2023年度继续教育培训计划收悉。经审核，同意备案。请按计划组织实施。\n商丘市人力资源和社会保障局'),
    ('plan_filing', '继续教育培训计划备案登记表\n申报单位：焦作市农业农村局\n年度：2023\n培训项目：高素质农民培育师资培训\n计划学时：40\n备案意见：已备案\n焦作市人力资源和社会保障局'),
    ('plan_filing', '年度培训计划\n2023年度专业技术人员继续教育培训计划\n单位：周口市农业农村局\n序号 项目名称 时间 学时 对象\n1 农技推广人员能力提升培训 5月 40 基层农技人员\n2 动物防疫技术培训 9月 24 防疫员'),
    # sick_leave_proof
    ('sick_leave_proof', '诊断证明书\n姓名：刘芳 性别：女 年龄：45岁\n科别：骨科 住院号：2023012345\n临床诊断：腰椎间盘突出症\n处理意见：建议休息三个月。\n医师：王强\n郑州大学第二附属医院'),
    ('sick_leave_proof', '病假证明\n兹有患者张伟，因急性心肌梗死于2023年3月住院治疗，出院后需继续病休六个月。\n医师签名：李\n河南省人民医院 门诊部'),
    ('sick_leave_proof', '疾病诊断证明\n患者姓名：赵敏 性别：女\n门诊号：M2023089\n诊断：乳腺恶性肿瘤术后化疗\n建议：全休六个月\n主治医师：孙\n河南省肿瘤医院'),
    ('sick_leave_proof', '河南省胸科医院\n出院记录\n姓名：孙强 住院号：230456\n入院日期：2023-02-01 出院日期：2023-03-15\n出院诊断：肺恶性肿瘤\n出院医嘱：出院后休息6个月，定期复查。'),
    # maternity_proof
    ('maternity_proof', '产假证明\n兹证明我单位职工王丽同志于2023年3月15日顺产一女婴，按规定享受产假158天，休假时间自2023年3月15日至8月19日。\n特此证明。\n开封市第一中学'),
    ('maternity_proof', '出生医学证明\n新生儿姓名：张小宝 性别：男\n出生时间：2023年6月3日\n出生地点：河南省妇幼保健院\n母亲姓名：李娜 父亲姓名：张强'),
    ('maternity_proof', '职工生育休假审批表\n姓名：孙丽 科室：儿科\n分娩日期：2023年4月2日\n分娩方式：剖宫产\n产假起止：2023年4月2日至2023年9月17日\n单位意见：同意'),
    ('maternity_proof', '河南省生育登记服务单\n登记对象：李敏 张强\n生育子女数：第一孩\n预产期：2023年5月\n登记机关：郑州市金水区卫生健康委员会'),
    # overseas_proof
    ('overseas_proof', '因公出国（境）任务批件\n团组名称：河南省农业科学院赴美国学术访问团\n出访国家：美国\n在外时间：2022年9月1日至2023年8月31日\n团员：王磊（访问学者）'),
    ('overseas_proof', '境外工作证明\n兹证明我校教师陈晨同志经学校批准，于2023年2月至2023年12月赴英国曼彻斯特大学作访问学者，在境外工作共计10个月。\n特此证明。\n河南科技大学'),
    ('overseas_proof', '出国留学人员证明\n兹证明王芳同志经国家留学基金委公派，于2022年9月至2023年9月在德国慕尼黑工业大学访学。\n中国驻德国大使馆教育处'),
    ('overseas_proof', '出国（境）证明\n兹证明我院医师王强经批准于2022年8月至2023年8月公派赴日本东京大学医学部留学研修，在国（境）外时间12个月。\n特此证明\n河南省肿瘤医院'),
    # policy_notice
    ('policy_notice', '驻马店市人力资源和社会保障局文件\n驻人社〔2024〕8号\n关于开展2024年度专业技术人员继续教育学时登记工作的通知\n各县区人力资源和社会保障局，市直各单位：\n根据《专业技术人员继续教育规定》，现就2024年度专业技术人员继续教育学时登记有关事项通知如下：\n一、学时要求 专业技术人员每年参加继续教育不少于90学时，其中公需科目不少于30学时，专业科目不少于60学时。\n二、登记办法 各单位应于12月20日前完成学时审核。'),
    ('policy_notice', '关于做好2023年度专业技术人员继续教育学时审核工作的通知\n各县区人社局，市直各单位：\n现就2023年度专业技术人员继续教育学时审核工作通知如下：\n一、审核范围 全市专业技术人员2023年度参加继续教育情况。\n二、审核程序 实行用人单位、主管部门、人社部门三级审核。\n焦作市人力资源和社会保障局'),
    ('policy_notice', '新乡市人力资源和社会保障局\n关于印发《新乡市专业技术人员继续教育学时管理办法》的通知\n新人社〔2023〕20号\n各县（市、区）人力资源和社会保障局，市直各单位：\n现将《新乡市专业技术人员继续教育学时管理办法》印发给你们，请认真贯彻执行。\n第一条 为加强专业技术人员继续教育管理，制定本办法。'),
    # other
    ('other', '聘 任 书\n兹聘任王磊同志为河南省职业技能鉴定专家库成员，聘期三年。\n河南省职业技能鉴定指导中心\n2023年3月'),
    ('other', '河南增值税电子普通发票\n发票代码 041002300111 发票号码 12345678\n购买方 名称：郑州市第一人民医院\n项目名称 培训费 金额 1200.00\n销售方 名称：河南省护理学会'),
    ('other', '2023年度个人工作总结\n一年来，本人在科室领导的带领下，认真完成各项医疗工作，积极参加业务学习，努力提高自身素质。'),
    ('other', '培训签到表\n日期 姓名 单位 签名\n6月12日 王强 市一院\n6月12日 李华 市二院'),
    ('other', '会议纪要\n2023年6月5日，科室召开质量与安全管理会议，传达医院有关文件精神，部署下一阶段工作。'),
    ('other', '中华人民共和国居民身份证\n姓名 王强\n性别 男 民族 汉\n出生 1985年3月4日\n住址 河南省郑州市金水区\n公民身份号码 410105198503041234'),
    ('other', '请假条\n本人因家中有事，需请假三天（2023年5月8日至10日），望批准。\n请假人：李华'),
    ('other', '河南省职称申报评审表\n姓名 刘强\n申报专业 临床医学\n申报资格 副主任医师\n现从事专业 心内科'),
    ('other', '会议议程\n8:30-9:00 开幕式\n9:00-10:30 专题讲座\n10:30-12:00 分组讨论'),
    # Posting forms (one person, sending unit → host, period) whatever the form's type noun
    # (备案表, 登记表, 审批表) — and filings of training plans, which list programmes with hours.
    ('assignment_document', '河南省援疆专业技术人才备案表\n姓名 王建军 性别 男 出生年月 1983.05\n身份证号 410105198305061234\n派出单位 郑州市第七人民医院\n接收单位 新疆哈密市中心医院\n援派岗位 心血管内科医师\n援派期限 2023年3月1日至2024年2月28日\n派出单位意见 同意派出（盖章）\n组织部门备案意见 已备案'),
    ('assignment_document', '援外医疗队员备案表\n姓名 孙磊 身份证号码 410105198305061234\n派出单位 河南省人民医院\n派往国家 埃塞俄比亚\n工作期限 2022年9月至2023年9月\n备案单位 河南省卫生健康委员会'),
    ('assignment_document', '城乡医院对口支援人员登记表\n姓名 李芳 职称 主治医师\n派出医院 南阳市中心医院\n受援医院 淅川县人民医院\n支援期限 2023年4月至2023年10月（共6个月）\n支援科室 儿科\n受援医院意见 同意接收\n卫生健康行政部门审核意见 同意'),
    ('assignment_document', '支教教师选派登记表\n姓名 刘洋 学科 数学\n选派学校 郑州市第二中学\n支教学校 嵩县德亭镇中学\n支教期限 2023年9月1日至2024年7月15日\n教育局审批意见 同意选派'),
    ('assignment_document', '专业技术人才派出登记表\n姓名 周杰 专业技术职务 高级农艺师\n派出单位 周口市农业科学院\n接收单位 西藏日喀则市农牧局\n派出期限 2023年7月至2024年12月\n派出类别 援藏\n备案编号 2023-07'),
    ('assignment_document', '关于同意王强同志挂职锻炼的批复\n郑州市第一人民医院：\n你院《关于选派王强同志到登封市卫生健康委员会挂职的请示》收悉。经研究，同意王强同志到登封市卫生健康委员会挂职任副主任，挂职期限一年。'),
    ('plan_filing', '2023年度专业技术人员继续教育培训计划备案表\n填报单位（盖章）：平顶山市住房和城乡建设局\n序号 培训项目名称 培训对象 培训人数 培训学时 举办时间 培训方式\n1 建筑施工安全管理培训 施工企业技术人员 200 24 4月 面授\n2 BIM技术应用培训 设计院工程师 80 32 9月 面授\n人社部门备案意见：同意备案'),
    ('plan_filing', '继续教育培训项目备案登记表\n申报单位 漯河市卫生健康委员会\n项目名称 基层医务人员急救技能培训\n培训对象 乡镇卫生院医护人员\n计划学时 32\n举办时间 2023年6月\n备案意见 同意备案\n漯河市人力资源和社会保障局'),
    ('plan_filing', '南阳市教育局2023年度专业技术人员继续教育计划报备表\n序号 培训名称 时间 学时 对象\n1 新课标解读 4月 16 全市初中教师\n2 班主任能力提升 9月 24 中小学班主任\n南阳市人力资源和社会保障局（备案章）'),
    # Exam qualifications printed from a web system as a pass or score proof — and training
    # completion proofs of qualified people, whose 合格 is of a course.
    ('qualification_certificate', '专业技术人员资格考试合格证明\n（网上打印，与纸质证书具有同等效力）\n姓名 陈晓 性别 女\n证件号码 410102199002031234\n考试名称 2023年度卫生专业技术资格考试\n资格名称 主管护师\n级别 中级\n专业 护理学\n管理号 2341010000123456\n批准日期 2023年12月\n打印时间 2024-01-05 10:22'),
    ('qualification_certificate', '资格证书查询结果\n查询条件：证件号码 410103198806071234\n姓名 王涛\n证书名称 一级建造师执业资格证书\n专业 机电工程\n证书编号 0012345\n发证日期 2023-11-20\n发证机关 人力资源和社会保障部\n数据来源：中国人事考试网'),
    ('qualification_certificate', '合格证明\n姓名：张伟 证件号码：410105198305061234\n报考级别：中级 报考专业：经济师（人力资源管理）\n科目 成绩 合格标志\n经济基础知识 82 合格\n专业知识和实务 90 合格\n该考生已通过全部科目考试，取得中级专业技术资格。\n打印日期：2023-12-25'),
    ('qualification_certificate', '全国会计专业技术资格考试成绩合格单\n姓名 李敏 档案号 41010023000123\n资格级别 初级\n考试年度 2023\n科目 初级会计实务 成绩 76 合格\n科目 经济法基础 成绩 68 合格\n河南省人事考试中心'),
    ('qualification_certificate', '2023年度全国卫生专业技术资格考试\n成绩合格证明\n姓名 孙悦\n证件号码 410105198305061234\n报考专业 护理学（中级）\n基础知识 合格\n相关专业知识 合格\n专业知识 合格\n专业实践能力 合格\n本证明可登录中国卫生人才网查询'),
    ('qualification_certificate', '电子证书\n证照名称：中华人民共和国专业技术人员职业资格证书\n持证人：刘洋\n证照编号：2023ZY4101234\n职业资格名称：社会工作者\n级别：初级\n发证机关：河南省人力资源和社会保障厅\n发证日期：2023年11月10日\n（本证照与纸质证书具有同等法律效力）'),
    ('qualification_certificate', '护士执业证书\n姓名 王丽 性别 女\n身份证号 410105198305061234\n执业地点 郑州市第三人民医院\n证书编码 202341001234\n首次注册日期 2023年6月10日\n发证机关 河南省卫生健康委员会'),
    ('completion_certificate', '二级建造师继续教育合格证明\n姓名 王强 身份证号 410105198305061234\n注册专业 建筑工程\n培训类别 必修课\n培训时间 2023年5月8日至5月12日\n培训学时 60学时\n考核结果 合格\n培训单位 河南省建设教育协会'),
    ('completion_certificate', '执业药师继续教育学分证明\n姓名：吴丽 执业资格：执业药师\n2023年度完成继续教育 15 学分，其中专业科目 10 学分、公需科目 5 学分。\n河南省执业药师协会'),
    ('completion_certificate', '专业技术人员继续教育合格证明\n姓名 赵刚 身份证号 410105198305061234\n专业技术资格 中级工程师\n2023年度参加继续教育共计90学时，其中公需科目30学时，专业科目60学时，考核合格。\n河南省专业技术人员继续教育基地'),
    ('completion_certificate', '电子培训证明\n（网上打印件）\n姓名：刘强 证件号码：410105198305061234\n培训项目：2023年度建筑安全生产管理人员继续教育\n培训学时：24学时\n考核结果：合格\n打印日期：2023-10-12'),
    # The employer vouching for its own staff member's service activity or posting — and the
    # organiser's notices, participant lists and participation proofs.
    ('employer_proof', '证明\n兹证明王丽（身份证号410102198703051234）系我单位职工，于2023年3月1日至2023年8月31日由我院派驻新县八里畈镇卫生院开展支医工作，期间负责门诊诊疗和住院病人管理。\n特此证明。\n信阳市中心医院（盖章）\n2023年9月5日'),
    ('employer_proof', '情况说明\n我校教师刘明同志（身份证号410105198305061234），2023年9月至2024年1月按照县教育局安排赴乡村小学支教，担任六年级数学教学工作，并为当地教师作专题报告2次。\n情况属实，特此证明。\n洛阳市第二十三中学'),
    ('employer_proof', '证明\n本单位职工张强同志（身份证号410105198305061234）于2023年1月至12月在潢川县双柳树镇王楼村担任驻村第一书记，驻村时间12个月，年度考核合格。\n特此证明\n信阳市农业农村局'),
    ('employer_proof', '证 明\n李娜，女，身份证号410105198305061234，系我院护理部主管护师。2023年7月10日至7月16日，经医院同意参加“三下乡”志愿服务活动，为群众开展义诊、健康宣教，共7天。\n特此证明。\n新乡医学院第一附属医院'),
    ('employer_proof', '证明\n我单位职工陈刚（身份证号410105198305061234）于2023年6月参加市科协组织的科技下乡服务活动，在卢氏县开展技术指导5天，情况属实。\n特此证明。\n三门峡市农业科学研究所'),
    ('employer_proof', '证明\n王敏，女，身份证号410105198305061234，现任本院主治医师，于2023年8月7日至11日参加市卫健委组织的巡回医疗活动，深入乡镇卫生院开展门诊诊疗和健康讲座。\n特此证明。\n平顶山市第二人民医院'),
    ('employer_proof', '专业技术人员援派工作单位证明\n姓名 王强 性别 男\n身份证号 410105198305061234\n派出单位 郑州市第一人民医院\n接收单位 哈密市第二人民医院\n援派期限 2023年3月至2024年2月\n单位意见 经核实，情况属实，同意申报。\n（盖章）'),
    ('assignment_document', '支医工作证明\n兹证明郑州市第七人民医院王强同志于2023年3月至2023年8月在我院开展支医工作，共计6个月。\n特此证明。\n新县人民医院'),
    ('service_notice', '关于组织开展2023年支医支教志愿服务活动的通知\n各有关单位：\n为推动优质资源下沉，市委组织部决定组织专业技术人员开展支医支教志愿服务活动。请各单位选派骨干于5月10日前报送参加人员名单。\n一、服务时间：2023年6月\n二、服务地点：各乡镇卫生院、中小学\n附件：参加人员名单'),
    ('service_notice', '2023年“三下乡”科技服务活动参加人员名单\n序号 姓名 单位 服务地点 服务天数\n1 王强 市农科院 卢氏县 5\n2 李华 市林业局 栾川县 5\n3 赵敏 市畜牧局 嵩县 4\n市科学技术协会（盖章）'),
    ('service_notice', '参加活动证明\n兹证明郑州市第三人民医院刘洋同志参加了由我委组织的2023年“健康中原行”基层巡回医疗活动，服务时间2023年8月7日至11日，共5天。\n特此证明。\n郑州市卫生健康委员会'),
    ('service_notice', '关于开展2023年医疗帮扶志愿服务活动的通知\n各派出单位：\n为落实城乡医院对口帮扶工作要求，决定组织专家开展志愿服务活动。\n一、服务单位：各乡镇卫生院\n二、服务期限：2023年6月1日至6月5日\n三、工作要求：各单位按时报送参加人员名单。'),
    # One staff member's approval form with the employer's own opinion fields (科室意见,
    # 学校意见, 院领导审批意见): the employer's proof, whatever activity it approves.
    ('employer_proof', '职工外出参加学术会议申请审批单\n申请人 王磊 科室 神经内科 职称 主治医师\n会议名称 2023年中国卒中学会年会\n主办单位 中国卒中学会\n会议时间 2023年9月15日至17日\n会议地点 北京国家会议中心\n科室主任意见 同意\n医务科意见 同意\n院领导审批意见 同意参加'),
    ('employer_proof', '教师外出培训申请表\n姓名 张敏 任教学科 英语\n培训名称 2023年河南省初中英语骨干教师研修班\n举办单位 河南省教育厅教研室\n培训时间 2023年7月10日—14日\n培训地点 郑州\n教研组意见 同意\n学校意见 同意参加，费用按规定报销。\n（校章）'),
    ('employer_proof', '专业技术人员参加志愿服务活动登记表\n姓名 刘芳 性别 女 身份证号 410105198305061234\n工作单位 郑州市第六人民医院\n活动名称 “健康中原行”义诊志愿服务\n组织单位 郑州市卫生健康委员会\n服务时间 2023年5月8日至12日 共5天\n单位意见 情况属实，同意申报。\n（单位盖章）'),
    ('employer_proof', '关于李静同志参加支教工作的说明\n我校教师李静同志，身份证号410105198305061234，2023年2月至7月受县教育局委派赴深山区小学支教一学期，期间工作认真负责。\n以上情况属实。\n本单位对以上情况的真实性负责。\n汝州市第三中学\n2023年8月1日'),
    ('employer_proof', '证明\n赵强同志，身份证号410105198305061234，系平顶山市第一人民医院在编职工，现任心内科副主任医师。2023年10月10日至12日，该同志参加了河南省医学会心血管病学分会学术年会并作大会发言。\n特此证明。\n平顶山市第一人民医院\n2023年10月20日'),
    ('conference_notice', '参会回执表\n姓名 单位 职称 联系电话 是否住宿\n请于9月1日前将回执发送至会务组邮箱。\n会议时间：2023年9月15日\n会议地点：郑州'),
    ('training_notice', '2023年全市中小学班主任培训班课程安排表\n日期 时间 内容 主讲人\n7月10日 上午 班级管理艺术 王教授\n7月10日 下午 家校沟通策略 李老师\n7月11日 上午 心理健康教育 赵老师'),
    ('maternity_proof', '职工产假审批表\n姓名 王丽 科室 妇产科 职称 主管护师\n分娩日期 2023年3月6日\n产假起止 2023年3月6日至2023年8月10日\n科室意见 同意\n单位审批意见 同意休产假'),
    ('overseas_proof', '出国（境）研修审批表\n姓名 王磊 单位 河南大学\n前往国家 美国\n研修单位 哈佛大学\n在外期限 2022年9月至2023年8月\n所在单位意见 同意\n外事部门意见 同意'),
    # near-misses of the employer's voice: the hospital about its patient, the employer's
    # own proof of an absence
    ('sick_leave_proof', '证明\n患者刘洋，男，42岁，因腰椎间盘突出症于2023年3月在我院骨科住院治疗，经我院医师诊断，建议休息六个月。\n特此证明。\n河南省洛阳正骨医院'),
    ('maternity_proof', '证明\n兹证明我院护士张丽（身份证号410105198305061234）于2023年4月2日分娩，按规定享受产假158天。\n特此证明。\n郑州市第三人民医院'),
    # the employer approving a staff member's sick leave, its signature misread ('郑市实验中')
    ('employer_proof', '证明\n顾平，男，1973年6月出生，身份证号410120197306216832，现为郑州市实验中学物理组二级教师。'
                       '顾平同志因患系统性红斑狼疮，经医院诊断需休养治疗，单位批准其二〇二三年一月一日至二〇二三年七月三十一日'
                       '休病假，共7个月。\n特此证明。\n郑市实验中\n2023年08月05日'),
]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_policy_notices(path):
    guess = classify_document(doc_from_text(path.read_text(encoding="utf-8")))
    assert guess.kind == DocKind.policy_notice and guess.confidence > 0.8


@pytest.mark.parametrize("kind, text", WORDINGS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(WORDINGS)])
def test_kind_wordings(kind, text):
    guess = classify_document(doc_from_text(text))
    assert guess.kind.value == kind, guess.scores
    assert 0 <= guess.confidence <= 1 and abs(sum(guess.scores.values()) - 1) < 0.05


def test_every_kind_has_wordings():
    assert {k for k, _ in WORDINGS} == {k.value for k in DocKind}
    assert all(sum(k == kind.value for k, _ in WORDINGS) >= 2 for kind in DocKind)


def test_ocr_spacing_and_traditional_characters():
    guess = classify_document(doc_from_text("結 業 證 書\n經考核合格，准予結業", source="ocr"))
    assert guess.kind == DocKind.completion_certificate


def test_a_course_opening_notice_is_a_training_notice_not_a_policy():
    """A base's web notice of a course it opens (开班通知), addressed like a bureau's policy
    (各县区人社局，市直有关单位) and speaking of the year's 继续教育工作: a training notice, surely."""
    text = ("焦作市专业技术人员继续教育基地 通知公告\n2024年安全生产管理专业科目培训班开班通知\n发布时间：2024-04-02 来源：继续教育处\n"
            "各县区人社局，市直有关单位：\n按照年度继续教育工作安排，我单位定于近期开办2024年安全生产管理专业科目培训班，现就有关安排通知如下。\n"
            "举办时间 二〇二四年四月二十二日—二十四日（为期3天）\n举办地点 焦作宾馆\n招收对象 全市专业技术人员\n"
            "课程设置 安全生产法规解读；典型事故案例分析\n学时认定 全勤并考核合格者认定24学时\n"
            "请各单位于开班前一周将报名回执发送至指定邮箱。\n报名回执\n单位 姓名 性别 职称 手机号码\n焦作市专业技术人员继续教育基地\n2024年4月2日")
    guess = classify_document(doc_from_text(text))
    assert guess.kind == DocKind.training_notice and guess.confidence > 0.9


def test_title_weighs_more_than_body():
    title_first = classify_document(doc_from_text("获奖证书\n" + "正文内容\n" * 10 + "单位证明"))
    assert title_first.kind == DocKind.award_certificate


def test_title_type_noun_beats_its_topic():
    # …服务基层活动单位证明: the employer's proof about a service activity
    text = "专业技术人员参加服务基层活动单位证明\n姓名 王五\n事项名称 送医下乡义诊活动\n单位意见 情况属实，同意申报。"
    assert classify_document(doc_from_text(text)).kind == DocKind.employer_proof
    text = "参加服务基层活动证明\n兹证明某县医院王五同志参加由我单位组织的送医下乡义诊活动，累计服务5天。\n某市科学技术协会"
    assert classify_document(doc_from_text(text)).kind == DocKind.service_notice


def test_employer_writing_of_its_staff_member_by_title_and_name_is_an_employer_proof():
    # '我单位' + a long title + the name + 同志: the employer's voice, whatever the activity
    text = ("情况说明\n洛阳市人力资源和社会保障局:\n我单位高级农艺师方梦瑶同志（女，身份证号码410303198401286889），"
            "于2023年4月10日至11日参加了洛阳市农业农村局组织的农业科技下乡服务活动，累计服务2天。现予说明，情况属实。\n"
            "联系人：宋斌\n洛阳市农业技术推广中心\n2023年4月19日")
    assert classify_document(doc_from_text(text, source="ocr")).kind == DocKind.employer_proof


def test_proof_written_by_a_third_party_is_not_an_employer_proof():
    text = "证明\n兹证明平顶山市第一人民医院徐宇同志受邀担任2023年科普讲座主讲人，授课2学时。\n特此证明。\n平顶山市科学技术协会"
    guess = classify_document(doc_from_text(text))
    assert guess.kind != DocKind.employer_proof


def test_employer_proof_about_an_absence_is_the_absence_kind():
    text = "出国（境）工作证明\n兹证明王五同志系我单位教师，经批准赴英国访学，在境外工作学习共计10个月。\n特此证明。"
    assert classify_document(doc_from_text(text)).kind == DocKind.overseas_proof


def test_appointment_letter_mentioning_continuing_education_is_other():
    text = "聘书\n兹聘请刘平同志为2023年新乡市专业技术人员继续教育科普讲座主讲人。\n聘期：2023年度。\n新乡市科学技术协会"
    assert classify_document(doc_from_text(text)).kind == DocKind.other


def test_journal_contents_page_is_not_a_book():
    text = "目录\n中原医刊 2023年9月 第45卷第9期\n临床护理标准化管理的探索\n邱静，沈玉兰（70）\n糖尿病用药干预\n孟晓东（86）"
    assert classify_document(doc_from_text(text)).kind == DocKind.journal_pages


def test_multi_page_file_is_decided_by_its_first_page():
    notice = ("郑州市教育局\n关于举办2023年班主任能力提升培训班的通知\n各学校：\n定于2023年5月举办培训班。\n"
              "培训时间：5月8日至10日\n参训人员：各校班主任")
    attachment = "附件\n参训人员回执表\n姓名 单位 职称 联系电话\n单位证明（盖章）"
    assert classify_document(doc_from_text(notice + "\f" + attachment)).kind == DocKind.training_notice


def test_last_page_of_a_notice_photographed_alone():
    guess = classify_document(doc_from_text("刘晶，联系电话：0371-5855991。\n中华医学会\n2023年2月23日", source="ocr"))
    assert guess.kind == DocKind.training_notice and guess.confidence < 0.7  # a guess: reviewed


def test_a_filing_form_is_what_it_files():
    """备案表 names a procedure: a posting (one person, sending unit → host, period) filed on
    it is an assignment document; a list of training programmes with hours a plan filing."""
    head = "2023年度专业技术人员备案表\n"
    posting = head + "姓名 刘畅\n派出单位 安阳市人民医院\n接收单位 西藏阿里地区人民医院\n援派期限 2023年6月至2024年6月\n主管部门意见 同意备案"
    plan = head + "填报单位 安阳市卫生健康委员会\n序号 培训项目 学时 时间\n1 院感防控培训 16 5月\n2 急救技能培训 24 9月\n备案意见 同意备案"
    assert classify_document(doc_from_text(posting)).kind == DocKind.assignment_document
    assert classify_document(doc_from_text(plan)).kind == DocKind.plan_filing


def test_a_pass_proof_is_what_was_passed():
    """合格证明 is shared: an exam's (qualification name, level, management number) makes a
    qualification certificate, a course's (training, hours) a completion certificate."""
    exam = "合格证明\n姓名 马丽\n资格名称 中级会计师\n资格级别 中级\n管理号 20234100001234\n批准日期 2023年10月"
    course = "合格证明\n马丽同志参加会计人员继续教育培训，完成24学时课程学习，考核合格。\n河南省会计学会"
    assert classify_document(doc_from_text(exam)).kind == DocKind.qualification_certificate
    assert classify_document(doc_from_text(course)).kind == DocKind.completion_certificate


def test_who_writes_a_service_proof_decides_it():
    """The same service activity: vouched for by the employer about its own staff member it
    is an employer proof, by the organiser about a participant a service participation proof."""
    activity = "于2023年6月5日至9日参加“送医下乡”义诊志愿服务活动，累计服务5天。\n特此证明。"
    employer = "证明\n王磊（身份证号410105198305061234）系我院职工，" + activity + "\n濮阳市人民医院"
    organiser = "证明\n兹证明濮阳市人民医院王磊同志参加由我会组织的“送医下乡”义诊志愿服务活动，" + activity[12:] + "\n濮阳市红十字会"
    assert classify_document(doc_from_text(employer)).kind == DocKind.employer_proof
    assert classify_document(doc_from_text(organiser)).kind == DocKind.service_notice


def test_a_host_writing_about_a_guest_is_not_the_employer():
    text = "证明\n兹有滑县人民医院医师张华，于2023年3月至8月在我院心内科进修学习，进修期间表现良好。\n特此证明。\n郑州大学第一附属医院"
    assert classify_document(doc_from_text(text)).kind != DocKind.employer_proof


# ---------------------------------------------------------------- calibration

def test_confidence_orders_clear_above_ambiguous():
    clear = classify_document(doc_from_text(
        "结 业 证 书\n王小明同志于2023年5月8日至12日参加基层医疗卫生人员能力提升培训班学习，经考核合格，准予结业。\n共计40学时"))
    ambiguous = classify_document(doc_from_text("证明\n王小明同志2023年参加了培训和学术会议。"))
    assert clear.confidence > 0.9 > ambiguous.confidence


def test_a_page_that_names_nothing_is_other_with_low_confidence():
    guess = classify_document(doc_from_text("王小明\n2023年5月8日"))
    assert guess.kind == DocKind.other and guess.confidence <= CALIBRATION["other_plain"] < 0.5
    empty = classify_document(doc_from_text(""))
    assert empty.kind == DocKind.other and empty.confidence < 0.5


def test_calibration_on_the_wordings():
    """Of these texts the rules get all right: the mean confidence should be high, and no
    right answer should fall below the low-confidence flag threshold unless it is `other`
    by default."""
    guesses = [(k, classify_document(doc_from_text(t))) for k, t in WORDINGS]
    mean = sum(g.confidence for _, g in guesses) / len(guesses)
    assert mean > 0.85
    low = [k for k, g in guesses if g.confidence < 0.5 and g.kind != DocKind.other]
    assert len(low) <= 3, low


def test_calibration_constants_are_sane():
    assert CALIBRATION["t0"] > 0 and CALIBRATION["t1"] > 0 and 0 < CALIBRATION["other_plain"] < 1


# ---------------------------------------------------------------- cue table

def test_cue_table_has_no_phrase_in_two_kinds():
    seen = {}
    for kind, cues in KIND_CUES.items():
        for phrase in cues:
            assert phrase not in seen, (phrase, kind, seen.get(phrase))
            seen[phrase] = kind
    assert not set(NEUTRAL_PHRASES) & set(seen)


def test_longest_cue_wins():
    cues = find_cues("实用新型专利证书")
    assert [(c.kind, c.phrase) for c in cues] == [("patent_certificate", "实用新型专利证书")]


def test_neutral_phrase_hides_its_cues():
    assert [c.phrase for c in find_cues("职称：住院医师")] == []
    assert "专业技术人员继续教育" not in [c.phrase for c in find_cues("郑州市专业技术人员继续教育基地")]


# ---------------------------------------------------------------- claim categories

def doc(kind, text="", conf=0.9, **fields):
    return ClaimDocument(doc_id=f"d-{kind}", path=f"p/{kind}.pdf", doc_kind=DocKind(kind), doc_kind_confidence=conf,
                         text=text, fields=[ExtractedField(name=k, value=v) for k, v in fields.items()])


def claim(*docs, unit="郑州市第一人民医院"):
    return ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name="王小明", unit=unit, documents=list(docs))


@pytest.mark.parametrize("kind, category", [
    ("patent_certificate", 7), ("award_certificate", 8), ("qualification_certificate", 9), ("transcript", 3),
    ("journal_pages", 6), ("book_pages", 6), ("conference_notice", 4), ("presentation_proof", 4),
    ("project_proof", 5), ("leader_endorsement", 10), ("assignment_document", 11), ("service_notice", 12),
    ("sick_leave_proof", 15), ("maternity_proof", 15), ("overseas_proof", 15),
])
def test_direct_categories(kind, category):
    guess = classify_claim(claim(doc(kind), doc("employer_proof")))
    assert guess.category == category and guess.confidence > 0.5 and f"第{category}类" in guess.reason


def test_training_at_ce_base_is_1():
    g = classify_claim(claim(doc("completion_certificate", organizer="河南省专业技术人员继续教育基地"), doc("employer_proof")))
    assert g.category == 1 and "继续教育基地" in g.reason
    g = classify_claim(claim(doc("training_notice", organizer="洛阳职业技术学院继续教育基地"), doc("completion_certificate")))
    assert g.category == 1


def test_training_by_department_is_13():
    g = classify_claim(claim(doc("training_notice", organizer="郑州市卫生健康委员会"), doc("completion_certificate")))
    assert g.category == 13 and "行业主管部门" in g.reason
    for org in ("河南省教育厅", "安阳市住房和城乡建设局", "郑州市卫生健康委员会科教处", "河南省卫生健康委"):
        assert classify_claim(claim(doc("training_notice", organizer=org))).category == 13, org


def test_training_by_own_employer_is_14():
    g = classify_claim(claim(doc("training_notice", organization="郑州市第一人民医院"), doc("completion_certificate")))
    assert g.category == 14 and "所在单位" in g.reason


def test_employer_match_tolerates_ocr_slips():
    # the organiser read with a slip in the place name or in the name
    for org in ("耶州市第一人民医院", "郑州市第一人民医阮", "郑州市第一人民医院护理部"):
        assert classify_claim(claim(doc("training_notice", organizer=org))).category == 14, org
    # …but another hospital of the same city, or the same name in another city, is not the employer
    assert classify_claim(claim(doc("training_notice", organizer="郑州市第二人民医院"))).category == 2
    assert classify_claim(claim(doc("training_notice", organizer="洛阳市教育局"), unit="安阳市教育局")).category == 13


def test_organiser_garbled_where_it_tells_uses_another_reading():
    g = classify_claim(claim(doc("training_notice", organizer="郑州口教育局"),
                             doc("completion_certificate", organizer="郑州市教育局"), unit="郑州市实验中学"))
    assert g.category == 13


def test_organiser_from_the_text_when_no_field_was_read():
    cert = doc("completion_certificate", text="结业证书\n王小明同志：\n你于2023年3月参加郑州市卫生健康委员会举办的院感防控培训班，经考核合格。")
    assert classify_claim(claim(cert, unit="郑州市实验中学")).category == 13
    cert = doc("completion_certificate", text="漯河市专业技术人员继续教育基地\n培训合格证书\n姓名：王小明")
    assert classify_claim(claim(cert)).category == 1


def test_internal_training_without_a_manifest_unit_is_14():
    notice = doc("training_notice", text="关于举办2023年院内培训的通知\n各科室、各部门：\n定于7月举办院内培训。")
    assert classify_claim(claim(notice, unit=None)).category == 14


def test_unit_from_the_employer_proof_when_the_manifest_has_none():
    ctx = claim(doc("training_notice", organizer="南阳市中心医院"), doc("employer_proof", organization="南阳市中心医院"), unit=None)
    assert organizer_type(ctx)[0] == "employer"


def test_training_by_society_is_2():
    g = classify_claim(claim(doc("completion_certificate", organizer="河南省医学会"), doc("employer_proof")))
    assert g.category == 2
    # a national centre with 继续教育 in its name is not a CE base
    g = classify_claim(claim(doc("training_notice", organizer="国家卫生健康委能力建设和继续教育中心")))
    assert g.category == 2


def test_training_without_organiser_is_2():
    assert classify_claim(claim(doc("completion_certificate"))).category == 2


def test_only_policy_notice_or_other_is_16():
    g = classify_claim(claim(doc("policy_notice"), doc("other")))
    assert g.category == 16 and "第16类" in g.reason
    assert classify_claim(claim()).category == 16


def test_employer_proof_alone_by_content():
    assert classify_claim(claim(doc("employer_proof", text="兹证明张丽同志休产假"))).category == 15
    assert classify_claim(claim(doc("employer_proof", text="同意其赴新疆援疆"))).category == 11
    assert classify_claim(claim(doc("employer_proof", text="被选派至郑州大学第一附属医院进修学习"))).category == 3
    g = classify_claim(claim(doc("employer_proof", text="兹证明该同志参加培训")))
    assert g.category == 2 and g.confidence < 0.5


def test_conflicting_evidence_lowers_confidence():
    single = classify_claim(claim(doc("patent_certificate")))
    mixed = classify_claim(claim(doc("patent_certificate"), doc("award_certificate")))
    assert mixed.category == 7 and mixed.confidence < single.confidence and "需核对" in mixed.reason


def test_uncertain_kinds_lower_category_confidence():
    sure = classify_claim(claim(doc("patent_certificate", conf=0.95)))
    unsure = classify_claim(claim(doc("patent_certificate", conf=0.4)))
    assert unsure.confidence < 0.5 < sure.confidence


def test_declared_category_is_not_an_input():
    ctx = claim(doc("patent_certificate"))
    ctx.declared_category = 2
    assert classify_claim(ctx).category == 7
    ctx = claim(doc("training_notice", organizer="河南省医学会"))
    ctx.declared_category = 14
    assert classify_claim(ctx).category == 2


def test_same_org():
    assert same_org("郑州市第一人民医院", "郑州市第一人民医院（盖章）")
    assert same_org("河南省人民医院", "河南省人民医院护理部")
    assert same_org("耶州市教育局", "郑州市教育局")  # one slip in the place name
    assert not same_org("全国农业技术推广服务中心", "南阳市农业技术推广中心")
    assert not same_org("河南省农业科学院", "安阳市农业科学院")
    assert not same_org("洛阳市教育局", "安阳市教育局")  # two real cities, one character apart
    assert not same_org("郑州市第一人民医院", "郑州市第二人民医院")  # numbers tell units apart
    assert not same_org(None, "郑州市教育局")


def test_employer_proof_about_something_else_is_16():
    g = classify_claim(claim(doc("employer_proof", text="兹证明该同志受邀担任科普讲座主讲人，授课2学时")))
    assert g.category == 16


@pytest.mark.parametrize("body", [
    "李建国同志于2023年9月23日在河南省急诊医学2023年学术年会上作题为《基层急诊分级救治体系建设》的专题报告。",
    "李建国同志在河南省医学会2023年学术年会上作主题发言。",
    "李建国同志于2023年9月23日在“河南省医学会急诊医学分会2023年学术年会”上作题为《基层急诊分级救治体系建设》的专题报告。",
])
def test_a_talk_given_at_a_meeting_is_a_presentation_proof(body):
    doc = doc_from_text(f"证明\n{body}\n特此证明。\n河南省医学会急诊医学分会\n2023年9月25日")
    assert classify_document(doc).kind == DocKind.presentation_proof
