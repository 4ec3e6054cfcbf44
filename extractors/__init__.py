"""THE extractor registry: one pure function per document kind, `DocumentText → fields`.

Every DocKind has exactly one entry (tests/test_extract_registry.py checks it). Extractors do
no I/O and import only `extractors._text`, `extractors._*` helpers and `schemas`."""

from __future__ import annotations

from typing import Callable

from extractors import (
    assessment_proof, assignment_document, award_certificate, book_pages, completion_certificate,
    conference_notice, employer_proof, journal_pages, leader_endorsement, maternity_proof, other,
    overseas_proof, patent_certificate, plan_filing, policy_notice, presentation_proof, project_proof,
    qualification_certificate, service_notice, sick_leave_proof, training_notice, transcript,
)
from extractors._base import DocView
from extractors._common import has_seal
from schemas.document import DocumentText
from schemas.kinds import DocKind
from schemas.records import ExtractedField

Extractor = Callable[[DocumentText], list[ExtractedField]]

EXTRACTORS: dict[DocKind, Extractor] = {
    DocKind.training_notice: training_notice.extract,
    DocKind.completion_certificate: completion_certificate.extract,
    DocKind.employer_proof: employer_proof.extract,
    DocKind.transcript: transcript.extract,
    DocKind.assessment_proof: assessment_proof.extract,
    DocKind.conference_notice: conference_notice.extract,
    DocKind.presentation_proof: presentation_proof.extract,
    DocKind.project_proof: project_proof.extract,
    DocKind.book_pages: book_pages.extract,
    DocKind.journal_pages: journal_pages.extract,
    DocKind.patent_certificate: patent_certificate.extract,
    DocKind.award_certificate: award_certificate.extract,
    DocKind.qualification_certificate: qualification_certificate.extract,
    DocKind.leader_endorsement: leader_endorsement.extract,
    DocKind.assignment_document: assignment_document.extract,
    DocKind.service_notice: service_notice.extract,
    DocKind.plan_filing: plan_filing.extract,
    DocKind.sick_leave_proof: sick_leave_proof.extract,
    DocKind.maternity_proof: maternity_proof.extract,
    DocKind.overseas_proof: overseas_proof.extract,
    DocKind.policy_notice: policy_notice.extract,
    DocKind.other: other.extract,
}


def extract(kind: DocKind | str, doc: DocumentText) -> list[ExtractedField]:
    """Fields of `doc` read as a document of `kind` (unknown kinds read as `other`). Every
    kind reports `has_seal` (true/false)."""
    try:
        fn = EXTRACTORS[DocKind(kind)]
    except ValueError:
        fn = EXTRACTORS[DocKind.other]
    fields = fn(doc)
    if not any(f.name == "has_seal" for f in fields):
        fields.append(has_seal(DocView(doc)))
    return fields
