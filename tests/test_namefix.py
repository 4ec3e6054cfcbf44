"""Names read by OCR set right by what names are made of (pipeline/namefix.py), and only on
OCR'd documents, never the declarant's own entry."""

import json

from pipeline.declarant import resolve_claim
from pipeline.namefix import fix_name, fix_name_fields
from schemas.kinds import DocKind, TextSource
from schemas.records import ClaimContext, ClaimDocument, ExtractedField


def test_a_character_names_hardly_use_takes_its_one_look_alike():
    assert fix_name("萧一鸡") == "萧一鸣"  # 鸡 is in no name; 鸣 is, and looks alike
    assert fix_name("沈字") == "沈宇"
    assert fix_name("候佳怡") == "侯佳怡"  # 候 is no surname; 侯 is


def test_names_as_they_are_stay():
    for name in ("王小明", "欧阳明明", "张翠花", "李煜", "王骁", "刘德华", "黄桂英"):
        assert fix_name(name) == name
    # a character with several look-alikes among name characters is left as read
    assert fix_name("万颗") == "万颗"
    assert fix_name("Smith") == "Smith"


def _doc(source, **fields):
    rows = [ExtractedField(name=k, value=json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v,
                           confidence=0.8) for k, v in fields.items()]
    return ClaimDocument(doc_id="d1", path="p/c/x.jpg", doc_kind=DocKind.project_proof, doc_kind_confidence=0.9,
                         fields=rows, text_source=source)


def test_lists_of_ocr_documents_only_and_never_the_declarants_entry():
    members = ["毛磊", "周敏", "沈字", "萧一鸡"]
    got = fix_name_fields(_doc(TextSource.ocr, members=members).fields)
    assert json.loads(got[0].value) == ["毛磊", "周敏", "沈宇", "萧一鸣"]
    ctx = ClaimContext(claim_id="c", person_id="p", year=2023, person_name="萧一鸡",
                       documents=[_doc(TextSource.ocr, members=members)])
    fields = {f.name: f.value for f in resolve_claim(ctx).documents[0].fields}
    assert json.loads(fields["members"]) == ["毛磊", "周敏", "沈宇", "萧一鸡"]  # the declarant's name as printed
    assert fields["member_rank"] == "4"
    ctx = ClaimContext(claim_id="c", person_id="p", year=2023, person_name="周敏",
                       documents=[_doc(TextSource.pdf_text, members=members)])
    fields = {f.name: f.value for f in resolve_claim(ctx).documents[0].fields}
    assert json.loads(fields["members"]) == members  # typed text is what was typed
