"""Records from stitched tables, with the findings made on the way.

One builder per record kind turns a table's mapped rows into contract records;
the kind and its column map come from the profile, never from column positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from schemas.records import (
    BenefitedSmes,
    CooperationAgreement,
    CooperationObjective,
    DelegationMember,
    Finding,
    FormalAgreement,
    Provenance,
    SmeInvolvement,
    Table,
)

from . import cells
from .entities import ReportEntities
from .profile import Profile
from .stitch import DataRow, StitchedTable


@dataclass
class RecordSet:
    delegation: list[DelegationMember] = field(default_factory=list)
    cooperation_objectives: list[CooperationObjective] = field(default_factory=list)
    cooperation_agreements: list[CooperationAgreement] = field(default_factory=list)
    sme_involvement: list[SmeInvolvement] = field(default_factory=list)
    benefited_smes: list[BenefitedSmes] = field(default_factory=list)
    formal_agreements: list[FormalAgreement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Whether each delegation member's name is set in bold: reports mark the clusters
    # that answered the survey that way, and say so in a legend.
    delegation_emphasis: list[bool] = field(default_factory=list)


@dataclass
class RowContext:
    """One data row seen through its table's column map."""

    table: StitchedTable
    row: DataRow
    index: int
    inherited: dict[str, str | None]

    def text(self, name: str) -> str | None:
        column = self.table.columns.column(name)
        value = self.row.text(column) if column is not None else None
        if value is None and name in self.inherited:
            return self.inherited[name]
        return value

    def texts(self, name: str) -> list[str]:
        return [t for c in self.table.columns.columns.get(name, ()) if (t := self.row.text(c))]

    def provenance(self) -> Provenance:
        return Provenance(
            page=self.row.page,
            table=self.table.label,
            row=self.index,
            bbox=[round(v, 1) for v in self.row.bbox],
            engine=self.row.engine,
        )


def table_record(table: StitchedTable) -> Table:
    return Table(
        label=table.label,
        kind=table.columns.kind,
        engine=table.engine,
        pages=table.pages,
        bbox=[round(v, 1) for v in table.bbox],
        header=table.header,
        rows=[[cell.text if cell else None for cell in row.cells] for row in table.rows],
        row_pages=[row.page for row in table.rows],
        confidence=round(table.confidence, 3),
    )


def build_records(tables: list[StitchedTable], profile: Profile, entities: ReportEntities) -> RecordSet:
    """Records of every table whose kind the profile recognised, delegation first
    (it seeds the report's clusters for the other tables)."""
    out = RecordSet()
    ordered = sorted(tables, key=lambda t: t.columns.kind != "delegation")
    for table in ordered:
        builder = BUILDERS.get(table.columns.kind or "")
        if builder is None:
            if table.label and table.captioned:
                out.findings.append(_unclassified(table))
            continue
        out.findings.extend(_unmapped_columns(table))
        spec = profile.table(table.columns.kind)
        inherited: dict[str, str | None] = {}
        for index, row in enumerate(table.rows):
            context = RowContext(table, row, index, dict(inherited))
            for name in spec.inherit if spec else ():
                column = table.columns.column(name)
                value = row.text(column) if column is not None else None
                if value:
                    inherited[name] = value
                    context.inherited.pop(name, None)
            before = {kind: len(getattr(out, kind)) for kind in RECORD_KINDS_BUILT}
            issues_before = len(out.findings)
            builder(context, profile, entities, out)
            issues = sum(1 for f in out.findings[issues_before:] if f.provenance and f.provenance.row == index)
            for kind in RECORD_KINDS_BUILT:
                for record in getattr(out, kind)[before[kind]:]:
                    _score_record(record, table, row, issues, out)
    return out


RECORD_KINDS_BUILT = (
    "delegation", "cooperation_objectives", "cooperation_agreements", "sme_involvement", "benefited_smes", "formal_agreements",
)
LOW_CONFIDENCE = 0.5
REJOINED_FACTOR = 0.9
ISSUE_FACTOR = 0.85


def record_confidence(table: StitchedTable, row: DataRow, issues: int) -> float:
    """Grid quality x header match x (re-joined row) x (values that did not parse)."""
    value = table.confidence * (table.columns.min_score() / 100)
    if row.rejoined:
        value *= REJOINED_FACTOR
    value *= ISSUE_FACTOR**issues
    return round(max(0.0, min(1.0, value)), 3)


def _score_record(record, table: StitchedTable, row: DataRow, issues: int, out: RecordSet) -> None:
    confidence = record_confidence(table, row, issues)
    record.provenance.confidence = confidence
    if confidence < LOW_CONFIDENCE:
        out.findings.append(
            Finding(
                code="low_confidence",
                severity="warning",
                message=f"record from {table.label or 'a table'} row {record.provenance.row} has confidence {confidence}",
                expected=None,
                found=confidence,
                provenance=record.provenance,
            )
        )


def _unclassified(table: StitchedTable) -> Finding:
    return Finding(
        code="unclassified_table",
        severity="info",
        message=f"{table.label}: no record kind of the profile explains this table; it is kept as a generic table",
        expected=None,
        found=table.label,
        provenance=Provenance(page=table.pages[0], table=table.label),
    )


def _unmapped_columns(table: StitchedTable) -> list[Finding]:
    """A column of a recognised table that no field of its kind took: its text stays
    in the generic table, and the user is told which header was not understood."""
    findings = []
    for column in table.columns.unassigned:
        header = table.flat_header[column] if column < len(table.flat_header) else ""
        name = header or f"column {column + 1}"
        findings.append(
            Finding(
                code="unmapped_column",
                severity="info",
                message=f"{table.label or 'a table'}: column {name!r} maps to no field of {table.columns.kind}; "
                "its cells are kept in the generic table",
                expected=None,
                found=header or None,
                provenance=Provenance(page=table.pages[0], table=table.label),
            )
        )
    return findings


def _is_blank_beyond(context: RowContext, keep: tuple[str, ...]) -> bool:
    """Whether every field of the row but `keep` is blank (a cluster listed with
    nothing to report); columns that map to no field (remarks) do not count."""
    columns = context.table.columns.columns
    fields = {c for name, cols in columns.items() if name not in keep for c in cols}
    return not any(cell and cell.text for i, cell in enumerate(context.row.cells) if i in fields)


def _delegation(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    name = ctx.text("cluster")
    if not name:
        return
    country_text = ctx.text("country")
    country = cells.country_of(country_text, profile, formal_style=True) if country_text else None
    if country_text and country is None:
        out.findings.append(_finding("unknown_country", f"no ISO code for country {country_text!r}", None, country_text, ctx))
    index = cells.parse_count((ctx.text("index") or "").strip(" ().#") or None)  # "3", "3.", "(3)"
    column = ctx.table.columns.column("cluster")
    cell = ctx.row.cells[column] if column is not None and column < len(ctx.row.cells) else None
    out.delegation_emphasis.append(bool(cell and cell.bold))
    out.delegation.append(
        DelegationMember(
            index=index if index is not None else ctx.index + 1,
            cluster=entities.delegation_member(name, country),
            fields_of_activity=cells.text_value(ctx.text("fields_of_activity"), profile),
            country=country,
            responded_survey=None,
            provenance=ctx.provenance(),
        )
    )


def _objective(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    cluster = ctx.text("cluster")
    if not cluster or _is_blank_beyond(ctx, ("cluster",)):
        return
    provenance = ctx.provenance()
    partner = cells.split_partner(ctx.text("partner"), profile)
    out.cooperation_objectives.append(
        CooperationObjective(
            cluster=entities.cluster(cluster, provenance),
            partner=_partner_ref(partner, entities, provenance),
            objective=cells.text_value(ctx.text("objective"), profile),
            technology=cells.text_value(ctx.text("technology"), profile),
            provenance=provenance,
        )
    )


def _agreement(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    cluster = ctx.text("cluster")
    if not cluster or _is_blank_beyond(ctx, ("cluster",)):
        return
    provenance = ctx.provenance()
    partner = cells.split_partner(ctx.text("partner"), profile)
    partner_type = partner.partner_type or cells.parse_partner_type(ctx.text("partner_type"), profile)
    types = cells.parse_cooperation_types(ctx.text("cooperation_types"), profile)
    for leftover in types.leftover:
        out.findings.append(
            _finding(
                "unknown_cooperation_type",
                f"text in the cooperation-type cell names no known type: {leftover!r}",
                None,
                leftover,
                ctx,
                severity="info",
            )
        )
    out.cooperation_agreements.append(
        CooperationAgreement(
            cluster=entities.cluster(cluster, provenance),
            partner=_partner_ref(partner, entities, provenance, partner_type),
            partner_type=partner_type,
            cooperation_types=list(types.types),
            smes_involved_before=_answer(ctx, "smes_involved_before", profile, out),
            smes_surveyed=_answer(ctx, "smes_surveyed", profile, out),
            preparation_detail=cells.text_value(ctx.text("preparation_detail"), profile),
            smes_benefited=_count(ctx, "smes_benefited", profile, out),
            benefits=cells.text_value(ctx.text("benefits"), profile),
            future_smes_direct=_count(ctx, "future_smes_direct", profile, out),
            future_smes_indirect=_count(ctx, "future_smes_indirect", profile, out),
            next_steps=cells.text_value(ctx.text("next_steps"), profile),
            technology=cells.text_value(ctx.text("technology"), profile),
            expected_impact=cells.text_value(ctx.text("expected_impact"), profile),
            provenance=provenance,
        )
    )


def _sme_involvement(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    cluster = ctx.text("cluster")
    if not cluster:
        return
    provenance = ctx.provenance()
    out.sme_involvement.append(
        SmeInvolvement(
            cluster=entities.cluster(cluster, provenance),
            has_sme_agenda=_answer(ctx, "has_sme_agenda", profile, out),
            smes_in_agenda=_count(ctx, "smes_in_agenda", profile, out),
            provenance=provenance,
        )
    )


def _benefited(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    """A cluster and its list of SMEs: in two columns where the table maps both,
    else in one cell that names the cluster and then lists the SMEs."""
    cluster_column, smes_column = ctx.table.columns.column("cluster"), ctx.table.columns.column("smes")
    if cluster_column is not None and smes_column is not None and cluster_column != smes_column:
        name = ctx.text("cluster") or ""
        cell = ctx.row.cells[smes_column] if smes_column < len(ctx.row.cells) else None
        items = cells.parse_list(cell.lines if cell else None, profile)
    else:
        lines = tuple(line for cell in ctx.row.cells if cell for line in cell.lines)
        heading, items = cells.split_bullets(lines, profile)
        if not items and len(heading) > 1:
            heading, items = _member_then_list(heading, profile, entities)
        name = " ".join(heading).strip()
    if not name:
        return
    provenance = ctx.provenance()
    out.benefited_smes.append(
        BenefitedSmes(cluster=entities.cluster(name, provenance), smes=items, provenance=provenance)
    )


def _member_then_list(lines: list[str], profile: Profile, entities: ReportEntities) -> tuple[list[str], list[str]]:
    """A cell that names a cluster and lists its SMEs without bullets (one per line,
    or separated by commas): the cluster is the longest run of first lines that names
    a delegation member; the lines after it are the list. A wrapped name goes on
    without the list's separators: a line holding them is the list's."""
    for cut in range(len(lines) - 1, 0, -1):
        if any(separator in line for line in lines[1:cut] for separator in cells.LIST_SEPARATORS):
            continue
        if entities.names_member(" ".join(lines[:cut])):
            return list(lines[:cut]), cells.parse_list(lines[cut:], profile)
    return list(lines), []


def _formal(ctx: RowContext, profile: Profile, entities: ReportEntities, out: RecordSet) -> None:
    cluster = ctx.text("cluster")
    if not cluster:
        return
    provenance = ctx.provenance()
    printed = cells.text_value(ctx.text("partner"), profile)
    partner = cells.split_partner(printed, profile) if printed != cells.NA else cells.PartnerName(None, None, None)
    country_text = ctx.text("partner_country")
    country = cells.country_of(country_text, profile, formal_style=True) if country_text else None
    out.formal_agreements.append(
        FormalAgreement(
            cluster=entities.cluster(cluster, provenance),
            signed=_answer(ctx, "signed", profile, out),
            count=_count(ctx, "count", profile, out),
            partner=partner.name if partner.name is not None else printed,
            partner_type=cells.parse_partner_type(ctx.text("partner_type"), profile, country) or partner.partner_type,
            partner_country=country,
            focus=cells.text_value(ctx.text("focus"), profile),
            details=cells.text_value(ctx.text("details"), profile),
            expected_results=ctx.texts("expected_results"),
            provenance=provenance,
        )
    )


def _partner_ref(
    partner: cells.PartnerName, entities: ReportEntities, provenance: Provenance, partner_type: str | None = None
):
    if partner.name is None:
        return None
    is_cluster = (partner_type or partner.partner_type) in ("eu_cluster", "non_eu_cluster")
    return entities.organisation(partner.name, is_cluster, provenance)


def _answer(ctx: RowContext, name: str, profile: Profile, out: RecordSet):
    text = ctx.text(name)
    answer, understood = cells.parse_answer(text, profile)
    if not understood:
        out.findings.append(_finding("unparsed_answer", f"{name}: {text!r} is not yes, no or n/a", None, text, ctx))
    return answer


def _count(ctx: RowContext, name: str, profile: Profile, out: RecordSet) -> int | None:
    text = ctx.text(name)
    value = cells.parse_count(text)
    if value is None and text and not cells.is_na(text, profile):
        out.findings.append(
            _finding("not_a_count", f"{name}: {text!r} is not a single count", None, text, ctx, severity="info")
        )
    return value


def _finding(code: str, message: str, expected, found, ctx: RowContext, severity: str = "warning") -> Finding:
    return Finding(code=code, severity=severity, message=message, expected=expected, found=found, provenance=ctx.provenance())


BUILDERS: dict[str, Callable[[RowContext, Profile, ReportEntities, RecordSet], None]] = {
    "delegation": _delegation,
    "cooperation_objectives": _objective,
    "cooperation_agreements": _agreement,
    "sme_involvement": _sme_involvement,
    "benefited_smes": _benefited,
    "formal_agreements": _formal,
}
