"""The stages in order: read pages, find and stitch tables, build records, read the
narrative, resolve names, check, validate."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from schemas.findings import PARTIAL_CODES, FindingCode
from schemas.records import EntityRef, Finding, KeyFigure, MissionReport, Provenance, Section, Source, Survey

from . import __version__
from .assemble import RecordSet, build_records, table_record
from .boxes import settle_lone_boxes
from .checks import reconcile
from .document import SourceFile, load_source, open_document, repair_findings, require_text
from .entities import EntityRegistry, ReportEntities
from .entities.mentions import find_mentions
from .event import read_event
from .layout import PageLayout, body_font_size
from .ocr import PageOcr, ocr_engine, ocr_findings, settle_ocr_report, weigh_by_ocr
from .narrative import (
    Paragraph,
    body_lines,
    contents_lines,
    heading_lines,
    paragraphs,
    running_lines,
    sentence_with,
    small_print,
    stated_figures,
)
from .profile import Profile, candidate_profiles, captions_of
from .rotation import page_turn, turned_copy
from .settings import DEFAULT_SETTINGS, Settings
from .wording import content_words
from .wordbreaks import rejoin_broken_words
from .stitch import StitchedTable, recurring_names, stitch
from .tables import RawTable
from .tables.choose import PageTableReader


@dataclass(frozen=True)
class ExtractOptions:
    profile: str | Path = "eccp_followup"
    password: str | None = None
    registry: EntityRegistry | None = None
    no_camelot: bool = False  # never pay for camelot, even under a caption no other engine served
    settings: Settings = DEFAULT_SETTINGS


@dataclass(frozen=True)
class Extraction:
    """A report and what reading its pages achieved (for the manifest, not the record)."""

    report: MissionReport
    pages_with_text: list[int]  # numbers of the pages whose text reached the report


def extract_report(path: str | Path, options: ExtractOptions | None = None) -> MissionReport:
    """Extract one mission report into a validated `MissionReport`.

    Raises:
        ExtractionError: the file is empty, not a PDF, encrypted, damaged beyond
            repair, or has no text layer (`error.code` says which).
    """
    return extract(path, options).report


def extract(path: str | Path, options: ExtractOptions | None = None) -> Extraction:
    """`extract_report`, with the pages whose text was read."""
    options = options or ExtractOptions()
    candidates = candidate_profiles(options.profile)
    source = load_source(path)
    report_id = f"sha256:{source.sha256}"
    caption_pattern = captions_of(candidates)
    pages = _read_document(source, source.path, caption_pattern, options)
    turned = _turned(source, pages.turns, options.password) if pages.turns else None
    if turned is not None:
        # pages printed sideways are read again, turned so that their text reads left to right
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / source.path.name
            copy.write_bytes(turned.data)
            pages = _read_document(turned, copy, caption_pattern, options)
    info, layouts, found, page_findings, repair = pages.info, pages.layouts, pages.found, pages.findings, pages.repair
    require_text(source.path, layouts, damaged=any(f.code == FindingCode.truncated_or_corrupt for f in repair))
    if options.settings.document_word_breaks:
        found = rejoin_broken_words(layouts, found)
    found = settle_lone_boxes(found, caption_pattern)

    body_size = body_font_size(layouts, {layout.number: [r.bbox for r in raws] for layout, raws in found})
    paras, footnotes = _narrative(layouts, found, body_size)
    profile, tables = _best_profile(candidates, found, paras, options.settings)
    registry = options.registry or EntityRegistry()
    entities = ReportEntities(registry, report_id=report_id, closed_world=options.settings.closed_world_names)
    entities.learn_definitions([p.text for p in paras if not p.heading] + footnotes + [c.text for t in tables for r in t.rows for c in r.cells if c])
    records = build_records(tables, profile, entities)

    texts = [p.text for p in paras if not p.heading] + footnotes
    for mention in find_mentions(texts, entities.members(), entities.resolver):
        entities.mentioned(mention.entity, mention.text)
    figures = [
        KeyFigure(key=f.key, value=f.value, text=f.sentence, provenance=Provenance(page=f.page))
        for f in stated_figures(paras, profile)
    ]
    survey = _survey(figures, paras, profile, entities, records)
    findings = records.findings + entities.findings + reconcile(figures, records, profile)
    findings += repair + page_findings
    if not any(t.columns.kind for t in tables) and not figures:
        findings.append(
            Finding(
                code="not_a_mission_report",
                severity="warning",
                message="no table or stated figure of the profile was recognised; tables are kept as generic tables",
            )
        )

    status = "partial" if any(f.code in PARTIAL_CODES for f in findings) else "ok"
    table_boxes = {}
    for layout, raws in found:
        table_boxes[layout.number] = [r.bbox for r in raws]
    sections = [
        Section(number=h.number, title=h.title, page=h.page)
        for h in heading_lines(layouts, body_size, table_boxes)
    ]
    report = MissionReport(
        report_id=report_id,
        source=Source(
            file_name=source.path.name,
            sha256=source.sha256,
            pages=info.pages,
            producer=info.producer,
            extractor_version=__version__,
        ),
        event=read_event(layouts[0] if layouts else None, paras, profile),
        delegation=records.delegation,
        survey=survey,
        key_figures=figures,
        cooperation_objectives=records.cooperation_objectives,
        cooperation_agreements=records.cooperation_agreements,
        sme_involvement=records.sme_involvement,
        benefited_smes=records.benefited_smes,
        formal_agreements=records.formal_agreements,
        sections=sections,
        entities=entities.entities(),
        findings=findings,
        tables=[table_record(t) for t in tables],
        status=status,
    )
    return Extraction(settle_ocr_report(report, pages.ocr_pages), [layout.number for layout in layouts if layout.words])


def _turned(source: SourceFile, turns: dict[int, int], password: str | None) -> SourceFile | None:
    """The source with its sideways pages turned, or None where pikepdf cannot
    rewrite it (the pages are then kept as read)."""
    try:
        data = turned_copy(source.data, turns, password)
    except Exception:  # pikepdf raises its own errors on files pdfminer could read
        return None
    return SourceFile(path=source.path, data=data, sha256=source.sha256)


@dataclass
class DocumentPages:
    """What reading a document's pages gave: each page's layout and tables, the turn
    (degrees, by page index) that pages printed sideways need, and what went wrong."""

    info: object
    layouts: list[PageLayout]
    found: list[tuple[PageLayout, list[RawTable]]]
    turns: dict[int, int]
    findings: list[Finding]
    repair: list[Finding]
    ocr_pages: dict[int, float]  # page number -> mean OCR word confidence, for the pages OCR read


def _read_document(
    source: SourceFile, camelot_source: Path, caption_pattern: re.Pattern[str], options: ExtractOptions
) -> DocumentPages:
    """Every page read by pdfminer, else PDFium, else OCR (where it has no usable text
    layer), with its tables; a page printed sideways is left to the turned reading."""
    reader = PageTableReader(
        caption_pattern, camelot_source if not options.no_camelot else None, options.settings, options.password
    )
    layouts: list[PageLayout] = []
    found: list[tuple[PageLayout, list[RawTable]]] = []
    turns: dict[int, int] = {}
    page_findings: list[Finding] = []
    with open_document(source, options.password, options.settings) as document:
        info = document.info
        ocr = PageOcr(source.path, source.data, options.password, options.settings, ocr_engine(options.settings))
        try:
            for read in document.pages:
                turn = page_turn(read.page.chars) if read.page is not None else 0
                if turn:
                    turns[read.layout.number - 1] = turn
                page, layout = (read.page, read.layout) if turn else ocr.read(read.page, read.layout)
                layouts.append(layout)
                page_findings.extend(ocr_findings(read.findings, layout))
                found.append((layout, weigh_by_ocr(reader.find(page, layout), layout) if page is not None else []))
        finally:
            ocr.close()
    repair = repair_findings(source, document, page_findings)
    return DocumentPages(info, layouts, found, turns, page_findings, repair, dict(ocr.pages))


def _best_profile(
    candidates: list[Profile], found, paras: list[Paragraph], settings: Settings
) -> tuple[Profile, list[StitchedTable]]:
    """The profile under which the report makes most sense: most tables recognised,
    then most stated figures; the first candidate wins a tie."""
    best: tuple[tuple[int, int], Profile, list[StitchedTable]] | None = None
    recurring = recurring_names(found)  # the same under every profile
    for profile in candidates:
        tables = stitch(found, profile, settings, recurring)
        score = (sum(1 for t in tables if t.columns.kind), len(stated_figures(paras, profile)) if len(candidates) > 1 else 0)
        if best is None or score > best[0]:
            best = (score, profile, tables)
    return best[1], best[2]


def _narrative(layouts: list[PageLayout], found, body_size: float) -> tuple[list[Paragraph], list[str]]:
    """Body paragraphs, and the small print (footnotes) as separate texts."""
    running = running_lines(layouts)
    running |= contents_lines(layouts, running, {layout.number: [r.bbox for r in raws] for layout, raws in found})
    pages = []
    footnotes: list[str] = []
    for layout, raws in found:
        boxes = [r.bbox for r in raws]
        pages.append((layout.number, body_lines(layout, body_size, boxes, running)))
        footnotes.extend(small_print(layout, body_size, boxes, running))
    return paragraphs(pages, body_size), footnotes


def _emphasis_legend(paras: list[Paragraph], profile: Profile) -> bool | None:
    """What the report says its bold (emphasised) names in the delegation table mean:
    True for "answered the survey", False for "did not answer", None when it says
    nothing. The legend is a sentence with an emphasis word and a survey or response
    word; a non-response phrase in it turns the meaning round."""
    if not profile.emphasis_words:
        return None
    answer_stems = {stem for phrase in profile.survey_words + profile.response_words for stem in content_words(phrase)}
    for sentence, _page in sentence_with(paras, profile.emphasis_words):
        if not answer_stems & set(content_words(sentence)):
            continue  # "respondents", "replied", "the questionnaire": any form of the words
        lowered = sentence.lower()
        return not any(phrase.lower() in lowered for phrase in profile.non_response_phrases)
    return None


def _survey(
    figures: list[KeyFigure], paras: list[Paragraph], profile: Profile, entities: ReportEntities, records: RecordSet
) -> Survey | None:
    """Survey figures as stated, the non-respondents the narrative names, and each
    delegation member's `responded_survey` derived from them."""
    stated = {f.key: f.value for f in figures}
    non_respondents: list[EntityRef] = []
    seen: set[str] = set()
    for sentence, _page in sentence_with(paras, profile.non_response_phrases):
        if not any(word in sentence.lower() for word in profile.survey_words):
            continue
        for mention in find_mentions([sentence], entities.members(), entities.resolver):
            if mention.entity.id not in seen:
                seen.add(mention.entity.id)
                non_respondents.append(entities.ref_for(mention.entity, mention.text, mention.score))
    participants = stated.get("participants")
    respondents = stated.get("respondents")
    bold_means_answered = _emphasis_legend(paras, profile)
    if bold_means_answered is not None and any(records.delegation_emphasis):
        for i, (member, bold) in enumerate(zip(records.delegation, records.delegation_emphasis)):
            records.delegation[i] = member.model_copy(update={"responded_survey": bold == bold_means_answered})
    elif non_respondents or (participants is not None and participants == respondents):
        for i, member in enumerate(records.delegation):
            records.delegation[i] = member.model_copy(update={"responded_survey": member.cluster.id not in seen})
    if participants is None and respondents is None and stated.get("response_rate") is None and not non_respondents:
        return None
    return Survey(
        participants=int(participants) if participants is not None else None,
        respondents=int(respondents) if respondents is not None else None,
        response_rate=stated.get("response_rate"),
        non_respondents=non_respondents,
    )
