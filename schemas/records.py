"""Pydantic models of record contract version 1 (`shared/record-contract.md`).

These models are the output boundary of the pipeline: `extractor` builds them,
downstream systems read the JSON they serialise to. Field names and meanings are
fixed by the contract; fields may be added, never renamed or repurposed.
This package never imports `extractor`.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .findings import FindingCode

SCHEMA_VERSION = "1"

Answer = Optional[Literal["yes", "no", "n/a"]]
PartnerType = Optional[Literal["eu_cluster", "non_eu_cluster", "eu_firm", "non_eu_firm"]]
CooperationType = Literal[
    "knowledge_sharing",
    "technology_transfer",
    "research_development",
    "imports_exports",
    "business_contacts",
    "joint_business_events",
    "sales_office",
    "foreign_direct_investment",
    "staff_exchange",
    "merger_acquisition",
    "joint_venture",
    "academic",
]
KeyFigureName = Literal[
    "participants",
    "respondents",
    "response_rate",
    "cooperation_agreements_reported",
    "cooperation_agreements_detailed",
    "smes_directly_benefited",
    "smes_future_direct",
    "smes_future_indirect",
    "formal_agreements_signed",
    "clusters_with_smes",
]
Severity = Literal["info", "warning", "error"]
EntityKind = Literal["cluster", "organisation"]
BBox = list[float]


class ContractModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


def instances_of(node: Any, kind: type) -> list:
    """Every `kind` object inside a model tree (models, lists and tuples of them), in
    document order: the EntityRefs of a report, its Provenances."""
    if isinstance(node, kind):
        return [node]
    if isinstance(node, BaseModel):
        return [found for name in type(node).model_fields for found in instances_of(getattr(node, name), kind)]
    if isinstance(node, (list, tuple)):
        return [found for item in node for found in instances_of(item, kind)]
    return []


class Provenance(ContractModel):
    page: int = Field(ge=1, description="1-based page where the record (or its row) starts")
    table: Optional[str] = Field(None, description="label of the table the record came from")
    row: Optional[int] = Field(None, ge=0, description="0-based data row index within that table")
    bbox: Optional[BBox] = Field(None, description="[x0, top, x1, bottom] in PDF points")
    engine: Optional[str] = Field(None, description="table engine that produced the row (added field)")
    confidence: Optional[float] = Field(
        None, ge=0, le=1,
        description="added field: how far the record can be trusted, from the table's grid quality, the header "
        "match, a row re-joined over a page break and values that did not parse",
    )
    ocr: bool = Field(
        False,
        description="added field: the page's text was read by OCR from its image (no usable text layer); "
        "the confidence then includes the OCR word confidences",
    )


class EntityRef(ContractModel):
    id: str
    name: str = Field(description="canonical name")
    raw: str = Field(description="the text as printed, white space collapsed")
    score: float = Field(ge=0, le=100)


class Source(ContractModel):
    file_name: str
    sha256: str
    pages: int
    producer: Optional[str]
    extractor_version: str


class Event(ContractModel):
    title: Optional[str] = None
    report_type: Optional[str] = None
    city: Optional[str] = None
    country: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    organisers: list[str] = Field(default_factory=list)


class DelegationMember(ContractModel):
    index: int
    cluster: EntityRef
    fields_of_activity: Optional[str]
    country: Optional[str]
    responded_survey: Optional[bool]
    provenance: Provenance


class Survey(ContractModel):
    participants: Optional[int]
    respondents: Optional[int]
    response_rate: Optional[float] = Field(None, ge=0, le=1)
    non_respondents: list[EntityRef] = Field(default_factory=list)


class KeyFigure(ContractModel):
    key: KeyFigureName
    value: float | int
    text: str
    provenance: Provenance


class CooperationObjective(ContractModel):
    cluster: EntityRef
    partner: Optional[EntityRef]
    objective: Optional[str]
    technology: Optional[str]
    provenance: Provenance


class CooperationAgreement(ContractModel):
    cluster: EntityRef
    partner: Optional[EntityRef]
    partner_type: PartnerType
    cooperation_types: list[CooperationType]
    smes_involved_before: Answer
    smes_surveyed: Answer
    preparation_detail: Optional[str]
    smes_benefited: Optional[int]
    benefits: Optional[str]
    future_smes_direct: Optional[int]
    future_smes_indirect: Optional[int]
    next_steps: Optional[str]
    technology: Optional[str]
    expected_impact: Optional[str]
    provenance: Provenance


class SmeInvolvement(ContractModel):
    cluster: EntityRef
    has_sme_agenda: Answer
    smes_in_agenda: Optional[int]
    provenance: Provenance


class BenefitedSmes(ContractModel):
    cluster: EntityRef
    smes: list[str]
    provenance: Provenance


class FormalAgreement(ContractModel):
    cluster: EntityRef
    signed: Answer
    count: Optional[int]
    partner: Optional[str]
    partner_type: PartnerType
    partner_country: Optional[str]
    focus: Optional[str]
    details: Optional[str]
    expected_results: list[str]
    provenance: Provenance


class Section(ContractModel):
    number: str
    title: str
    page: int


class Entity(ContractModel):
    id: str
    name: str
    kind: EntityKind
    aliases: list[str]
    country: Optional[str]


class Finding(ContractModel):
    code: FindingCode = Field(description="one of a closed list (schemas/findings.py, documented in README.md)")
    severity: Severity
    message: str
    expected: Any = None
    found: Any = None
    provenance: Optional[Provenance] = None


class Table(ContractModel):
    label: Optional[str]
    kind: Optional[str]
    engine: str
    pages: list[int]
    bbox: BBox
    header: list[list[str]]
    rows: list[list[Optional[str]]]
    row_pages: list[int]
    confidence: float = Field(ge=0, le=1)


class MissionReport(ContractModel):
    schema_version: Literal["1"] = SCHEMA_VERSION
    report_id: str
    source: Source
    event: Event
    delegation: list[DelegationMember]
    survey: Optional[Survey]
    key_figures: list[KeyFigure]
    cooperation_objectives: list[CooperationObjective]
    cooperation_agreements: list[CooperationAgreement]
    sme_involvement: list[SmeInvolvement]
    benefited_smes: list[BenefitedSmes]
    formal_agreements: list[FormalAgreement]
    sections: list[Section]
    entities: list[Entity]
    findings: list[Finding]
    tables: list[Table]
    status: Literal["ok", "partial"] = Field(
        "ok", description="added field: 'partial' when the PDF is not a mission report or content of it could not be read"
    )


#: Record kinds written one JSON Lines file each, in this order.
RECORD_KINDS: tuple[str, ...] = (
    "delegation",
    "key_figures",
    "cooperation_objectives",
    "cooperation_agreements",
    "sme_involvement",
    "benefited_smes",
    "formal_agreements",
    "sections",
    "entities",
    "findings",
    "tables",
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `MissionReport`, as published in `schemas/`."""
    schema = MissionReport.model_json_schema()
    schema["$id"] = "https://mission-extract/schemas/mission_report.schema.json"
    schema["title"] = "MissionReport"
    return schema
