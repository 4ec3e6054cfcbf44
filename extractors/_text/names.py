"""Chinese person names: after labels, in certificate phrases, in ordered lists, and
OCR-tolerant comparison (one visually confusable character is the same person)."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors._text.normalize import norm, to_halfwidth

# Frequent surnames, minus ones that are also common function words (师 in 医师, 单 in 单位…);
# used to trim '兹证明王小明' to 王小明, not to validate names.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古吉缪简车项芦赖洪"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "佘池乜权逯盖桓仝揭查薄植邝晋苑畅廉奚冀闻雍幸练谈狄迟庾占蔺钭伏宦衣隆郁屠茅汲钮丰荆阚智訾逄"
    "郜郇鄢郦嵇滑霍扈励皮卿冼褚修粟鞠闻惠原尉井封衡展凤桑姬嵇岑暴雷贲佴茹厉戈都满弓鲜萧祖缑伊汝"
)
COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
                     "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延"}
# Pairs an OCR engine confuses; a name differing only by one of these is the same person.
_CONFUSABLE_GROUPS = [
    "己已巳", "未末", "土士", "王玉主", "日曰", "人入八", "天夭", "戊戌戍", "刀力", "千干于", "大太犬",
    "晴睛", "拨拔", "侯候", "析折", "间问", "杨扬", "辩辨辫", "壁璧", "茶荼", "准淮", "徽微", "尤龙",
    "免兔", "贝见", "春舂", "崇祟", "季李", "赢嬴", "汩汨", "沐沭", "伟玮炜", "菁箐", "鸣呜", "晓哓",
    "祎袆", "琪棋祺", "婷停", "锋峰", "斌赋", "丽厕", "燕熊", "冰冯", "洁浩", "坤垧", "旭旮", "昊吴",
    "郑邓", "刘浏", "孙逊", "陈阵", "张涨", "凤风", "红虹", "雯雲", "娟涓", "敏歆", "霞瑕", "静睁",
    "明朋", "亮高", "华毕", "军车", "东朱", "兵乒乓", "宁宇", "芳方", "艳绝", "玲铃", "萍苹", "梅海",
    "林材", "杰杏", "倩清", "慧惠", "颖颍", "瑜瑞", "琳淋", "澜潮", "鹏朋", "飞风", "云去", "平半",
]
_CONFUSABLE = {(a, b) for g in _CONFUSABLE_GROUPS for a in g for b in g if a != b}
_NAME = r"[\u4e00-\u9fff]{1,3}(?:·[\u4e00-\u9fff]{1,6})?[\u4e00-\u9fff]?"
_PREFIXES = ("兹证明", "兹有", "证明", "我单位", "本单位", "我院", "我校", "我局", "我中心", "同志", "职工",
             "员工", "教师", "医师", "医生", "护士", "学员", "专业技术人员", "工作人员", "学生", "个人")
_STOP_WORDS = ("性别", "科别", "年龄", "学院", "原单位", "所在", "职业", "出生日期", "学员", "证件", "身份", "证件", "出生", "民族", "单位", "工作", "职称", "职务", "科室", "学号", "编号",
               "年龄", "专业", "部门", "联系", "电话", "籍贯", "学历", "同志", "先生", "女士")
_LABELLED = re.compile(r"(?:(?:学员姓名|姓\s*名)\s*[:：]?|(?:学员|申报人|持证人|获奖人|获奖者|被证明人|参训人员|受表彰人|患者)\s*[:：])\s*([\u4e00-\u9fff·]{2,12})")
_PHRASES = [  # (confidence, phrase whose group 1 is the name), tried in order
    (0.75, re.compile(r"(?:^|\n)\s*([\u4e00-\u9fff]{2,4})\s*[:：]\s*(?=\n|$)")),  # a salutation line: 曾俊杰：
    (0.85, re.compile(r"兹(?:证明|有)\s*([\u4e00-\u9fff·]{2,16}?)\s*(?:同志|[,，(（]|性别|身份证|[男女][,，]|于\d|在|参加|系|为我|是我)")),
    (0.8, re.compile(r"(?:^|\n)\s*(" + _NAME + r")\s*同志\s*[:：,，]")),
    (0.7, re.compile(r"(" + _NAME + r")\s*同志")),
    (0.7, re.compile(r"(" + _NAME + r")\s*[,，]\s*(?:男|女)\s*[,，]")),
    # OCR-damaged '兹证明X同志（身份证号…' ('驻证明汪静网志（身份证号'): the name between 证明 and
    # a …志 followed by the ID or a comma
    (0.55, re.compile(r"证明\s*([\u4e00-\u9fff]{2,4}?)\s*[\u4e00-\u9fff]志\s*[(（,，]\s*(?:身份证|性别|[男女]|系)")),
    # a letter's salutation with a courtesy title: '尊敬的张明专家：', '刘平老师：'
    (0.6, re.compile(r"(?:^|\n)\s*(?:尊敬的|亲爱的)?\s*(" + _NAME + r"?)\s*(?:老师|先生|女士|专家|教授|医生|主任|院长)\s*[:：,，]")),
    # a name after who the person is, the ID in brackets after it: '我院医师李建国（身份证号：…）'
    (0.7, re.compile(r"(?:医师|护士|教师|老师|学员|职工|员工|技师|工程师|同志|我院|我校|我单位|本单位|兹有)\s*([\u4e00-\u9fff]{2,4}?)\s*"
                   r"[(（]\s*(?:公民)?身份证")),
]


# Where an organisation name ends inside '兹证明许昌市农业科学院吕艳同志': the person follows.
_ORG_END = re.compile(r"(?:医院|学院|大学|学校|中学|小学|公司|中心|委员会|研究院|研究所|协会|学会|集团|卫生院|"
                      r"局|厅|部|处|站|所|馆|院|科|室|队|厂|社|会)(?=[\u4e00-\u9fff]{2,4}$)")


def trim_name(candidate: str) -> str | None:
    """Cut label/prefix words, trailing field labels and leading non-name characters:
    '兹证明我单位王小明' → '王小明', '张三性别' → '张三'. None when nothing name-like is left."""
    s = re.sub(r"[^\u4e00-\u9fff·]", "", candidate)
    changed = True
    while changed:
        changed = False
        for p in _PREFIXES:
            if s.startswith(p) and len(s) - len(p) >= 2:
                s, changed = s[len(p):], True
        m = None
        for m in _ORG_END.finditer(s):
            pass
        if m and len(s) - m.end() >= 2 and s[m.end()] in SURNAMES | {c[0] for c in COMPOUND_SURNAMES}:
            s, changed = s[m.end():], True
    if len(s) > 2 and s.endswith("等"):
        s = s[:-1]
    for w in _STOP_WORDS:
        if s.find(w, 1) == 1 and len(s) > 1 + len(w):
            return None  # one character, then the next label ('毛所在单位': the name's 磊 was lost)
        if w in s[2:]:
            s = s[: s.index(w, 2)]
    if "·" in s:
        return s if 3 <= len(s) <= 16 else None
    for size in (4, 3):
        if len(s) >= size and s[-size:][:2] in COMPOUND_SURNAMES:
            return s[-size:]
    if 2 <= len(s) <= 3 and s[0] in SURNAMES:
        return s
    for size in (3, 2):  # the longest plausible tail starting with a surname
        tail = s[-size:]
        if len(s) >= size and tail[0] in SURNAMES:
            return tail
    if 2 <= len(s) <= 3 and s[0] in SURNAME_MISREAD:  # '候欢同志：' is 侯欢
        return SURNAME_MISREAD[s[0]] + s[1:]
    return None


# A surname OCR reads as a look-alike (the confusions above) that is no surname and seldom
# starts a word: 候 → 侯, 扬 → 杨, 阵 → 陈, 涨 → 张, 浏 → 刘, 逊 → 孙.
SURNAME_MISREAD = {a: b for a, b in _CONFUSABLE if a in "候扬阵涨浏逊" and b in SURNAMES}


def find_person_name(text: str) -> tuple[str, float] | None:
    """The person a certificate or proof is about, with a confidence: a labelled name
    (姓名：王小明) first, then 兹证明…同志 / X同志： / X，男， phrases."""
    t = norm(text)
    for m in _LABELLED.finditer(t):
        if name := trim_name(m.group(1)):
            return name, 0.9
    for conf, rx in _PHRASES:
        for m in rx.finditer(t):
            name = trim_name(m.group(1))
            if name:
                return name, conf
    return None


# Professional titles and posts printed right after a name in a list ('张三主任医师、李四副教授'),
# longest first so 副主任医师 is cut whole.
_TITLES = tuple(sorted({
    "主任医师", "副主任医师", "主治医师", "住院医师", "执业医师", "医师", "主任护师", "副主任护师", "主管护师", "护师",
    "主任药师", "副主任药师", "主管药师", "药师", "主任技师", "副主任技师", "主管技师", "技师", "教授", "副教授",
    "讲师", "助教", "研究员", "副研究员", "助理研究员", "正高级工程师", "高级工程师", "工程师", "助理工程师",
    "正高级教师", "高级教师", "一级教师", "二级教师", "高级会计师", "会计师", "高级经济师", "经济师", "高级农艺师",
    "农艺师", "高级畜牧师", "畜牧师", "高级兽医师", "兽医师", "博士", "硕士", "院长", "副院长", "科主任", "护士长",
    "主持", "牵头", "执笔",  # a role written after the name in a sentence ('由张三主持，…')
}, key=len, reverse=True))


def is_title(token: str) -> bool:
    """A professional title or post standing on its own ('主任医师', '副教授')."""
    return token in _TITLES


def strip_title(name: str) -> str:
    """'张三主任医师' → '张三' (a title after a name of two to four characters starting with a
    surname); anything else unchanged."""
    for t in _TITLES:
        if name.endswith(t) and 2 <= len(name) - len(t) <= 4:
            rest = name[: -len(t)]
            if rest[0] in SURNAMES or rest[:2] in COMPOUND_SURNAMES:
                return rest
    return name


def split_names(text: str) -> list[str]:
    """An ordered list of names: split on 、，,;；/ and spaces; single characters separated by
    OCR spaces are rejoined ('张 三、李四' → ['张三', '李四']); names run together are split
    (split_run: '林军梁凯' → ['林军', '梁凯']), and so are names OCR joined with a '·' read
    for '，' ('卢燕·曾林' → ['卢燕', '曾林']). '等' and labels are dropped."""
    t = to_halfwidth(text)
    t = re.sub(r"(发明人|设计人|作者|主编|副主编|编者|完成人|获奖者|获奖人|成员|专利权人)\s*[:：]?", " ", t)
    out: list[str] = []
    t = re.sub(r"等\s*[\d一二三四五六七八九十两]+\s*(?:人|名|位)", "", t)  # '…赵六等3人': the count is no name
    for part in re.split(r"[、,;/|:\n]+", t):  # OCR reads ；as ：between names
        toks = [re.sub(r"[^\u4e00-\u9fff·]", "", x) for x in part.split()]
        toks = [x for x in toks if x and x != "等" and x not in _TITLES]  # '张三 主任医师': the title is no name
        for tok in _merge_singles(toks):
            tok = re.sub(r"等$", "", tok) if len(tok) > 2 else tok
            tok = re.sub(r"(?:同志|老师|先生|女士)$", "", tok) if len(tok) >= 4 else tok  # '张三同志'
            tok = strip_title(tok)
            out.extend(_split_dotted(tok) or split_run(tok) or [tok])
    if any("·" not in n for n in out):
        # among Han names separated as usual, a dotted entry whose every part is a Han name
        # with a known surname is two names OCR joined ('乔卫东·常俊杰、谭春梅')
        out = [x for n in out for x in (_split_dotted_in_list(n) or [n])]
    return out


def _split_dotted_in_list(tok: str) -> list[str] | None:
    parts = tok.split("·")
    if len(parts) >= 2 and all(2 <= len(p) <= 3 and p[0] in SURNAMES for p in parts):
        return parts
    return None


# Frequency order of SURNAMES (the string above is roughly most common first).
_SURNAME_RANK = {ch: i for i, ch in enumerate(dict.fromkeys(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"))}
_NOT_IN_NAME = set("市省县区院局部处室校厂所站馆队会社科组的了和与及在于为是年月日号第期页版章节等届次")


def _starts_name(chunk: str) -> bool:
    return chunk[:2] in COMPOUND_SURNAMES if len(chunk) == 4 else chunk[0] in SURNAMES


def split_run(run: str) -> list[str] | None:
    """Names written without separators ('林军梁凯', '丁丽傅春雷史欣怡') split into names of two
    or three characters (four with a compound surname), each starting with a known surname.
    Among the possible splits the one with fewer, commoner-surnamed names wins (most Chinese
    names have three characters), and a common surname inside a given name counts against it. None when the run is not several names."""
    n = len(run)
    if n < 4 or "·" in run or any(ch in _NOT_IN_NAME for ch in run):
        return None
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    for i in range(n):
        if i not in best:
            continue
        cost, names = best[i]
        for size in (2, 3, 4):
            chunk = run[i:i + size]
            if len(chunk) < size or not _starts_name(chunk):
                continue
            rank = _SURNAME_RANK.get(chunk[0], 150) / 150
            # a common surname inside a given name is unlikely ('钟洋张|宁潘宁' → 钟洋|张宁|潘宁)
            inner = sum(1.0 if _SURNAME_RANK.get(ch, 999) < 20 else 0.6 if _SURNAME_RANK.get(ch, 999) < 40 else 0
                        for ch in chunk[1 if size < 4 else 2:])
            c = cost + 1 + 0.3 * rank + inner + (0.15 if size == 2 else 0)
            if i + size not in best or c < best[i + size][0]:
                best[i + size] = (c, names + [chunk])
    found = best.get(n)
    return found[1] if found and len(found[1]) > 1 else None


def _split_dotted(tok: str) -> list[str] | None:
    """'卢燕·曾林·武磊': Han names OCR joined with '·' (a misread '，'), not a transliterated
    name (买买提·艾力): every part two or three characters starting with a common surname
    (in a list of three or more, all but one starting with a known surname)."""
    parts = tok.split("·")
    if len(parts) < 2 or not all(2 <= len(p) <= 3 for p in parts):
        return None
    # every part with a common surname; or, in a list of three or more, all but one with a
    # known surname (OCR misreads a surname: '万涛·杂林·姚婷')
    if all(p[0] in _SURNAME_RANK for p in parts) or (len(parts) >= 3 and sum(p[0] in SURNAMES for p in parts) >= len(parts) - 1):
        return parts
    return None


def _merge_singles(toks: list[str]) -> list[str]:
    """Rejoin characters of one name split by OCR spaces; a surname character after a
    complete 2-character name starts the next name ('张 三 李 四' → 张三, 李四)."""
    if not toks or all(len(x) >= 2 for x in toks):
        return toks
    if sum(map(len, toks)) <= 3:
        return ["".join(toks)]
    merged: list[str] = []
    for tok in toks:
        cur = merged[-1] if merged else ""
        starts_new = len(cur) >= 2 and (tok[0] in SURNAMES or len(tok) >= 2)
        if cur and not starts_new and len(cur) + len(tok) <= 3:
            merged[-1] = cur + tok
        else:
            merged.append(tok)
    return merged


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc  # noqa: PLC0415 - optional, only for traditional-character names
        return opencc.OpenCC("t2s").convert
    except Exception:  # noqa: BLE001
        return lambda s: s


def _clean(name: str) -> str:
    return _t2s()(re.sub(r"[^\u4e00-\u9fff·]", "", to_halfwidth(name)))


def same_person(a: str, b: str) -> str:
    """'exact', 'ocr_variant' (one visually confusable character differs, never the
    surname-only case of a 2-char name… both checked), or 'different'."""
    x, y = _clean(a), _clean(b)
    if not x or not y:
        return "different"
    if x == y:
        return "exact"
    if len(x) == len(y):
        diffs = [(p, q) for p, q in zip(x, y) if p != q]
        if len(diffs) == 1 and diffs[0] in _CONFUSABLE:
            return "ocr_variant"
    return "different"


def _loose(x: str, y: str) -> bool:
    """One non-surname substitution, or one dropped character (len ≥ 3)."""
    if len(x) == len(y) and len(x) >= 2:
        return x[0] == y[0] and sum(p != q for p, q in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    if len(long_) - len(short) == 1 and len(long_) >= 3:
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    return False


def rank_of(name: str, names: list[str]) -> tuple[int | None, str | None]:
    """1-based position of `name` in an ordered list and how it matched:
    'exact' > 'ocr_variant' > 'loose' (one non-surname char or one dropped char)."""
    target = _clean(name)
    for quality in ("exact", "ocr_variant"):
        for i, n in enumerate(names, 1):
            if same_person(target, n) == quality:
                return i, quality
    for i, n in enumerate(names, 1):
        if _loose(target, _clean(n)):
            return i, "loose"
    return None, None
