"""The five real city notices (../shared/seeds) read as policy notices."""

from pathlib import Path

import pytest

from extractors import extract
from extractors._base import doc_from_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXPECTED = {  # file prefix → (文号, city, year, required, public, compulsory, professional, deadline)
    "000": ("宛人社〔2018〕114号", "南阳", "2018", "90", "30", "24", "60", "2018-12-20"),
    "001": ("平人社办〔2023〕130号", "平顶山", "2023", "90", "30", None, "60", None),
    "002": ("漯人社专技〔2018〕1号", "漯河", "2018", "90", "30", "24", "60", None),
    "003": ("郑人社办〔2020〕106号", "郑州", "2020", "90", "30", "24", "60", "2020-12-10"),
    "004": ("安人社函〔2025〕44号", "安阳", "2025", "90", "30", None, "60", "2025-12-30"),
}
NAMES = ("document_number", "city", "year", "required_hours", "public_hours", "compulsory_hours",
         "professional_hours", "deadline")


def seed_doc(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return doc_from_text(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_policy_fields(prefix):
    fields = {f.name: f for f in extract("policy_notice", seed_doc(prefix))}
    got = tuple(fields[n].value if n in fields else None for n in NAMES)
    assert got == EXPECTED[prefix]
    assert fields["organization"].value.endswith("人力资源和社会保障局")
    for f in fields.values():
        if f.name == "has_seal" and f.value == "false":
            continue  # an absent seal has no place
        assert f.page == 1 and f.bbox is not None, f.name


def test_seed_with_ocr_noise():
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    noisy = text.replace("〔", "[").replace("〕", "]").replace("90学时", "9O 学 时").replace("，", ",")
    fields = {f.name: f.value for f in extract("policy_notice", doc_from_text(noisy, source="ocr"))}
    assert (fields["document_number"], fields["city"], fields["required_hours"]) == ("漯人社专技〔2018〕1号", "漯河", "90")


def test_other_reads_common_fields():
    fields = {f.name: f.value for f in extract("other", doc_from_text("情况说明\n姓名：韩梅\n编号：AB-12345\n某某县人民医院\n2023年3月3日"))}
    assert (fields["person_name"], fields["certificate_number"], fields["issue_date"]) == ("韩梅", "AB-12345", "2023-03-03")
