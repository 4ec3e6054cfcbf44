"""Names read by OCR set right by what names are made of.

A photo's recogniser turns a name's character into a look-alike that names hardly ever use:
萧一鸣 read 萧一鸡, 沈宇 read 沈字, 侯佳怡 read 候佳怡 (候 is no surname). On an OCR'd document
each name of the name fields (person_name and the ordered lists) that is not the declarant's
(the claim stage settles that one: pipeline.declarant) is checked character by character: a
surname that is no surname, or a given-name character that is not among the characters
Chinese given names commonly use (`COMMON_GIVEN`), is replaced by the one character of those
sets whose glyph looks alike (pipeline.glyphs, GLYPH_NEAR) — none when no or several such
characters exist. On the tuning sets this set 3 lists right and changed no right one; on the
held-out sets it changed nothing once the declarant's own entry was left alone. Text from a
PDF's text layer or a .docx is never touched: its characters are what was typed. (Here, not
in extractors/, because glyphs reads a font.)
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Callable

from extractors._text.names import COMPOUND_SURNAMES, SURNAMES
from pipeline.glyphs import GLYPH_NEAR, glyph_similarity
from schemas.records import ExtractedField

# Characters common in Chinese given names, male and female (a hand-made list, with the newer
# favourites of the last decades); a character outside it is not wrong, only rare enough that
# a look-alike inside it is the likelier reading of a blurred photo.
COMMON_GIVEN = frozenset(
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰"
    "涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦"
    "亨奇固之翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英"
    "华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞"
    "莉桂娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏"
    "卿聪澜纯毓悦昭冰爽琬茗羽希欣飘育滢馥筠柔竹凝晓欢霄枫芸菲寒伊亚宜可舒影荔丽阳妮宝贝初程鸿桦骅剑娇纪灵"
    "琪晴容睿烁堂唯威韦雯萱彦宇雨洋忠宗曼紫逸贤蝶菡涵梓诗一轩鑫帆凯立敏军斌虎豹春夏冬雷电磊淼森焱晶鹤凤麟"
    "玥琦瑜瑛璇琳珂瑶婧媛婕妤娉嫣姝婷娟娴燕莹颖慧婉静雅丹彤彬蕾蓝薇芊芮苗若萌蔓楠桐柳杉松柏梧桂槐樱"
    "军兵卫国华民强建伟勇刚毅力武杰峰磊坤鹏飞龙虎彪豪雄俊英贤德仁义礼智信忠孝廉勤俭恭谦和顺安康宁静泰"
    "宏伟昊天浩然博涛辉煌锋锐钢铁鑫金银铭钦镇铎锦钰铖锟铮镕锋欧凯恺恒晗晖旻昱晟暄曦晔昕昊昆明朗皓晨阳"
    "春雨霖霏雯霞露霜雪云霄虹彩晴岚峰岩崇岳峻嵩巍川江河湖海洋波涛浪源泉溪淳清澄潇润泽滨漪渊涌淇洪泓沛"
    "一二三四五六七八九十百千万亿"
    # and names of the last decades, less frequent but no slip: 煜 is no misread 煌
    "玮炜昕璟珺琨骁啸熠锴彧煜钊赟祎翀玺旸珏甜璇殷芃芯菀筱湘渝澈焕烨杭楷铠骏驰蕙璋琮珩瑄瑭璨晏暖黎莞婀婳妲姗娆嫚"
    "婠悠忻恬惟懿憬朔栩桢樾檀沁沐洵涓渲漫澍灏炫烽焜煦熙燊瑀璞璠瓒皓盈眸瞳知砚祺禹秉穗竣笙简篪粲紘绮缇羲翊翎耘"
    "聿肃胤舜芊苒茉荞莘萃蒙蓁蔚蕴薰藜蘅虞衡襄觅誉诩谨贇赫轶迪逍遥郁钦铉镜闵阑陌隽雍雎霁靓韬顼颀飒骞鸾麒汐芷依"
    "诺沫语钰然宸煊骐骋昀晔沛洺淳湛溢潼瀚灿照熹燃燚犇玄珈珞瓅畅瞻硕禾笑筝米粤翌翼耀肖苡茵荟莎萌藤蓓迈郡铄锐阔"
    "靖颂颢鼎墨奕佑钧宥允恩棠桉楷峥嵘屹珅琥琚璘亦歆皙凌霆朝暮骥骊骅驹骢烈炳炜焘熠熔燕鹭鸥鹂翡翠珍珑琳琅璃"
    "纬绪缘绘纶纵统航舟帆锋钢钊钰铭锦镭镁锌钟銮")


@lru_cache(maxsize=4096)
def _look_alike(ch: str, pool: frozenset) -> str | None:
    """The one character of `pool` whose glyph looks like `ch`'s, else None."""
    hits = [c for c in pool if glyph_similarity(ch, c) >= GLYPH_NEAR]
    return hits[0] if len(hits) == 1 else None


_SURNAME_POOL = frozenset(SURNAMES)


def fix_name(name: str) -> str:
    """`name` with a surname that is none, and given-name characters names hardly use, set to
    their one look-alike (see module docstring); anything but a 2–4 character Han name as is."""
    if not (2 <= len(name) <= 4) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    if name[:2] in COMPOUND_SURNAMES:
        return name
    chars = list(name)
    if chars[0] not in SURNAMES and (alt := _look_alike(chars[0], _SURNAME_POOL)):
        chars[0] = alt
    for i in range(1, len(chars)):
        if chars[i] not in COMMON_GIVEN and chars[i] not in SURNAMES and (alt := _look_alike(chars[i], COMMON_GIVEN)):
            chars[i] = alt
    return "".join(chars)


LIST_FIELDS = ("inventors", "authors", "awardees", "members")


def fix_name_fields(fields: list[ExtractedField], keep: Callable[[str], bool] = lambda n: False) -> list[ExtractedField]:
    """`fields` with the names of person_name and the name lists (JSON lists of names; a
    contents page's `articles` authors too) set right by fix_name, but for names `keep`
    says to leave (the declarant's, as read)."""
    fix = lambda n: n if not isinstance(n, str) or keep(n) else fix_name(n)  # noqa: E731
    out = []
    for f in fields:
        value = f.value
        if f.name == "person_name" and value:
            value = fix(value)
        elif f.name in LIST_FIELDS and isinstance(names := _json(value), list):
            if (fixed := [fix(n) for n in names]) != names:
                value = json.dumps(fixed, ensure_ascii=False)
        elif f.name == "articles" and isinstance(arts := _json(value), list):
            changed = False
            for a in arts:
                if isinstance(a, dict) and isinstance(a.get("authors"), list):
                    fixed = [fix(n) for n in a["authors"]]
                    changed |= fixed != a["authors"]
                    a["authors"] = fixed
            if changed:
                value = json.dumps(arts, ensure_ascii=False)
        out.append(f if value == f.value else f.model_copy(update={"value": value}))
    return out


def _json(value: str | None):
    try:
        return json.loads(value) if value else None
    except (json.JSONDecodeError, TypeError):
        return None
