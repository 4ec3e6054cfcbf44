"""Repair of organisation names damaged by OCR (平硕山市教育局 → 平顶山市教育局, 河省护理学会 →
河南省护理学会, 南阳市大力资源和社会保障局 → 南阳市人力资源和社会保障局) with a small gazetteer:
Henan place names (province, cities, counties and districts) and the words institution names
are built from (人力资源和社会保障局, 继续教育, 职业技术学院, 工程有限公司 …).

Corrections are strict: a leading place differs from a known Henan place by one edit and is
not itself a known place name (of Henan or elsewhere); a word differs from a vocabulary word
of at least four characters by one edit (two for ten characters or more) and is not itself
a known word. `repair_org` says whether it changed anything so callers lower confidence."""

from __future__ import annotations

from functools import lru_cache

from extractors._text.fuzzy import edit_distance

PROVINCE = "河南省"
# Prefecture-level cities of Henan and their counties, county-level cities and districts.
HENAN = {
    "郑州": "中原区 二七区 管城回族区 金水区 上街区 惠济区 郑东新区 中牟县 巩义市 荥阳市 新密市 新郑市 登封市 航空港区",
    "开封": "龙亭区 顺河回族区 鼓楼区 禹王台区 祥符区 杞县 通许县 尉氏县 兰考县",
    "洛阳": "老城区 西工区 瀍河回族区 涧西区 偃师区 孟津区 洛龙区 新安县 栾川县 嵩县 汝阳县 宜阳县 洛宁县 伊川县",
    "平顶山": "新华区 卫东区 石龙区 湛河区 宝丰县 叶县 鲁山县 郏县 舞钢市 汝州市",
    "安阳": "文峰区 北关区 殷都区 龙安区 安阳县 汤阴县 滑县 内黄县 林州市",
    "鹤壁": "鹤山区 山城区 淇滨区 浚县 淇县",
    "新乡": "红旗区 卫滨区 凤泉区 牧野区 新乡县 获嘉县 原阳县 延津县 封丘县 卫辉市 辉县市 长垣市",
    "焦作": "解放区 中站区 马村区 山阳区 修武县 博爱县 武陟县 温县 沁阳市 孟州市",
    "濮阳": "华龙区 清丰县 南乐县 范县 台前县 濮阳县",
    "许昌": "魏都区 建安区 鄢陵县 襄城县 禹州市 长葛市",
    "漯河": "源汇区 郾城区 召陵区 舞阳县 临颍县",
    "三门峡": "湖滨区 陕州区 渑池县 卢氏县 义马市 灵宝市",
    "南阳": "宛城区 卧龙区 南召县 方城县 西峡县 镇平县 内乡县 淅川县 社旗县 唐河县 新野县 桐柏县 邓州市",
    "商丘": "梁园区 睢阳区 民权县 睢县 宁陵县 柘城县 虞城县 夏邑县 永城市",
    "信阳": "浉河区 平桥区 罗山县 光山县 新县 商城县 固始县 潢川县 淮滨县 息县",
    "周口": "川汇区 淮阳区 扶沟县 西华县 商水县 沈丘县 郸城县 太康县 鹿邑县 项城市",
    "驻马店": "驿城区 西平县 上蔡县 平舆县 正阳县 确山县 泌阳县 汝南县 遂平县 新蔡县",
    "济源": "",
}
# Places elsewhere: never "corrected" into a Henan place one edit away (海南省 ≠ 河南省).
OTHER_PLACES = (
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 "
    "湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 内蒙古自治区 广西壮族自治区 "
    "西藏自治区 宁夏回族自治区 新疆维吾尔自治区 香港 澳门 石家庄市 太原市 沈阳市 大连市 长春市 哈尔滨市 南京市 "
    "苏州市 无锡市 杭州市 宁波市 合肥市 福州市 厦门市 南昌市 济南市 青岛市 武汉市 长沙市 广州市 深圳市 南宁市 "
    "海口市 成都市 贵阳市 昆明市 西安市 兰州市 西宁市 银川市 乌鲁木齐市 拉萨市 呼和浩特市 唐山市 邯郸市 保定市 "
    "邢台市 聊城市 菏泽市 亳州市 阜阳市 宿州市 淮北市 运城市 晋城市 长治市 襄阳市 十堰市 随州市 孝感市 宜昌市 "
    "荆州市 商洛市 渭南市 咸阳市 宝鸡市 徐州市 连云港市 济宁市 临沂市 烟台市 潍坊市 淄博市 长安区 朝阳区 海淀区 "
    "哈密市 日喀则市 喀什市 和田市 阿克苏市 昌都市 林芝市 伊犁州 阿勒泰市 伊州区 巴里坤县 伊吾县"  # 援疆/援藏 hosts
).split()
NATIONAL = ("中华人民共和国", "中国", "中华", "国家", "全国")

# Words institution names are made of; each at least four characters (shorter ones are too
# close to ordinary words to correct safely).
ORG_WORDS = tuple(sorted(set("""
人力资源和社会保障局 人力资源和社会保障厅 人力资源和社会保障部 人力资源社会保障局 人力资源社会保障厅 人力资源
社会保障 卫生健康委员会 卫生和计划生育委员会 卫生健康委 科学技术局 科学技术厅 科学技术部 科学技术协会 科学技术
住房和城乡建设局 住房和城乡建设厅 住房和城乡建设部 城乡建设 农业农村局 农业农村厅 自然资源局 自然资源和规划局
生态环境局 交通运输局 交通运输厅 市场监督管理局 水利局 财政局 人民政府 人民政府办公室 人民政府研究室 人民政府办公厅
人民医院 中心医院 中医医院 中医院 附属医院 第一附属医院 第二附属医院 第三附属医院 妇幼保健院 肿瘤医院 儿童医院
胸科医院 精神病医院 口腔医院 传染病医院 骨科医院 疾病预防控制中心 卫生监督所 社区卫生服务中心 乡镇卫生院
继续教育 继续教育基地 继续教育中心 继续教育学院 专业技术人员 能力建设 能力建设和继续教育中心 职业技术学院
职业学院 技师学院 师范学院 医学院 医学高等专科学校 高等专科学校 农业大学 工业大学 科技大学 师范大学 理工大学
财经大学 中医药大学 工商大学 商业大学 研究院 研究所 研究中心 设计研究院 建筑设计研究院 农业科学院 林业科学院
医学科学院 农业技术推广中心 农业技术推广站 技术推广中心 畜牧技术服务中心 技术服务中心 工程有限公司 有限公司
有限责任公司 股份有限公司 建设工程 建设集团 建筑工程 路桥工程 工程技术 施工企业管理协会 企业管理协会 基金委员会
自然科学基金委员会 社会科学界联合会 高级中学 初级中学 第一初级中学 实验中学 实验小学 第一中学 第二中学 第三中学 第一高级中学
职业中等专业学校 中等专业学校 护理学会 医学会 教育学会 医师协会 药学会 中华医学会 中华护理学会 中国教育学会
人民法院 人民检察院 公安局 档案馆 图书馆 博物馆 电视台 出版社 杂志社 编辑部 委员会 办公室 研究室
""".split())))


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, ...], frozenset[str]]:
    """(Henan place names to correct towards, every known place name)."""
    henan = [PROVINCE, "河南"]
    for city, counties in HENAN.items():
        henan += [city + "市", city] + counties.split()
    henan = [p for p in dict.fromkeys(henan) if p]
    known = set(henan) | set(OTHER_PLACES) | set(NATIONAL)
    known |= {p[:-1] for p in OTHER_PLACES if len(p) >= 3 and p[-1] in "市省区"}
    return tuple(sorted(henan, key=len, reverse=True)), frozenset(known)


def leading_places(value: str) -> int:
    """Length of the run of known place names (and national prefixes) the value starts with."""
    _, known = _places()
    pos = 0
    while True:
        hit = max((p for p in known if value.startswith(p, pos)), key=len, default=None)
        if not hit:
            return pos
        pos += len(hit)


def _fix_place(value: str, pos: int) -> str | None:
    """A corrected value when the text at `pos` is one edit from a Henan place (its
    administrative suffix 省/市/县/区 read) and every such place gives the same reading; a
    bare two-character city name (许昌) only for a dropped character before an institution
    word (许职业技术学院 → 许昌职业技术学院)."""
    henan, known = _places()
    results = set()
    for p in henan:
        for size in (len(p) - 1, len(p), len(p) + 1):
            seg = value[pos:pos + size]
            if not seg or seg in known or seg == p:
                continue
            if len(p) < 3:
                if size == len(p) - 1 and seg == p[:-1] and any(value.startswith(w, pos + size) for w in ORG_WORDS):
                    results.add(value[:pos] + p + value[pos + size:])
                continue
            if size < 2 or (p[-1] in "省市县区" and seg[-1] != p[-1]):
                continue  # the suffix must have been read
            if edit_distance(seg, p, 1) == 1:
                results.add(value[:pos] + p + value[pos + size:])
    return results.pop() if len(results) == 1 else None


def _protected(value: str, word: str) -> list[bool]:
    """Characters a correction towards `word` must not touch: the leading known places and
    exact vocabulary words that are not part of `word` itself."""
    keep = [False] * len(value)
    for i in range(leading_places(value)):
        keep[i] = True
    for w in ORG_WORDS:
        if w in word:
            continue
        start = value.find(w)
        while start >= 0:
            for i in range(start, start + len(w)):
                keep[i] = True
            start = value.find(w, start + 1)
    return keep


def _fix_words(value: str) -> str:
    """Replace segments one edit from a vocabulary word (two for words of ten characters or
    more). A substitution keeps the first or the last character (the last one unless the
    segment ends the name); a dropped character needs a word of five characters or more and
    both ends kept (OCR drops characters; it seldom adds one). The closest word wins;
    protected characters (known places, exact words) are never touched."""
    cands = []
    for w in ORG_WORDS:
        if len(w) < 4 or w in value:
            continue
        keep = _protected(value, w)
        bound = 2 if len(w) >= 10 else 1
        for size in range(len(w) - bound, len(w) + 1):  # OCR drops characters; it seldom adds one
            if size != len(w) and len(w) < 5:
                continue
            for i in range(0, len(value) - size + 1):
                seg = value[i:i + size]
                if any(keep[i:i + size]):
                    continue
                d = edit_distance(seg, w, bound)
                if d > bound or d == 0:
                    continue
                ends = (seg[0] == w[0]) + (seg[-1] == w[-1])
                if ends < (1 if size == len(w) else 2):
                    continue
                if seg[-1] != w[-1] and i + size < len(value):
                    continue  # a changed last character inside the name: a different word follows
                cands.append((d, -len(w), abs(size - len(w)), i, size, w))
    out, taken = value, [False] * len(value)
    edits = []
    for d, _, _, i, size, w in sorted(cands):
        if any(taken[i:i + size]):
            continue
        for k in range(i, i + size):
            taken[k] = True
        edits.append((i, size, w))
    for i, size, w in sorted(edits, reverse=True):
        out = out[:i] + w + out[i + size:]
    return out


# Characters OCR reads for an administrative suffix (新乡布 for 新乡市).
_SUFFIX_LOOKALIKE = {"市": "布巾币巿帀", "省": "眚", "县": "具昙", "区": "匠臣"}  # not 师 (师范), 首 (首届)


def _fix_suffix(value: str) -> str | None:
    """A Henan place whose suffix was misread as a look-alike (新乡布实验中学 → 新乡市实验中学),
    or a city's 市 misread as anything before a county of Henan (许昌重鲁山县… → 许昌市鲁山县…)."""
    henan, known = _places()
    for p in henan:
        base, suffix = p[:-1], p[-1]
        if len(base) < 2 or suffix not in _SUFFIX_LOOKALIKE or not value.startswith(base) or len(value) <= len(p) \
                or value[len(base)] == suffix:
            continue
        if value[len(base)] in _SUFFIX_LOOKALIKE[suffix]:
            return p + value[len(p):]
        rest = value[len(p):]
        if suffix == "市" and base in HENAN and any(rest.startswith(c) for c in henan if c[-1] in "县区" and len(c) >= 3):
            return p + rest
    return None


def repair_org(value: str) -> tuple[str, bool]:
    """(corrected value, changed?). Leading place names first, then institution words."""
    v = _fix_suffix(value) or value
    pos = leading_places(v)
    if pos < len(v) and (fixed := _fix_place(v, pos)):
        v = fixed
        pos = leading_places(v)
    v = _fix_words(v)
    return v, v != value
