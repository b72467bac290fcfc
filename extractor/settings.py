"""Settings that change how a report is read, in one validated object.

Every behaviour switch and threshold that a user (or a test that switches a mechanism
off to prove it is tested) may want to change lives here, with its default, instead of
as constants scattered through the stage modules. `Settings.resolve()` takes None, a
dict or an instance, in the spirit of pdfplumber's `TableSettings.resolve()`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CAMELOT_FLAVORS = ("lattice", "stream", "hybrid", "network")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Column-to-field mapping (headers.py): a column's score for a field combines how
    # its header reads (similarity to the profile's spellings) and how its cells parse
    # as the field's value type.
    header_similarity: bool = Field(True, description="score columns by their header text")
    content_typing: bool = Field(True, description="score columns by how their cells parse as the field's type")
    min_column_score: float = Field(0.5, ge=0.0, le=1.0, description="a column scoring less for every field stays unassigned")
    content_only_weight: float = Field(0.6, ge=0.0, le=1.0, description="what cells alone can earn a field no header names")
    typed_partner_fit: float = Field(0.9, ge=0.0, le=1.01, description="a column whose names mostly carry their type (suffix or legal form) reads as partners without a header; above 1: never")
    recurring_names: bool = Field(True, description="a name column whose cells other tables of the document repeat is told by them")
    recurring_name_share: float = Field(0.5, ge=0.0, le=1.0, description="share of a column's cells other tables repeat, for that evidence")
    header_word_breaks: bool = Field(True, description="a header's words that a narrow column broke without a hyphen are joined again before the header is compared ('SMEs c onsulte d')")
    recurring_name_cells: int = Field(2, ge=1, description="filled cells a column needs before the names it repeats from other tables count as evidence (one name may be anyone's)")
    recurring_name_weight: float = Field(0.9, ge=0.0, le=1.0, description="what a column of the document's repeated names earns a name field without a header")
    header_rest_rows: bool = Field(True, description="rows of lower-case words under a header, first column empty, are the header's wrapped lines")
    document_headers: bool = Field(True, description="a header one table gives a field (with strong evidence) means that field in the document's other tables")
    document_header_evidence: float = Field(0.8, ge=0.0, le=1.0, description="evidence a column's mapping needs to lend its header to other tables")
    delegation_names: bool = Field(True, description="once the delegation table is read, a name column of the other tables is told by the delegation's names instead")

    # Table kinds (headers.classify).
    title_match: float = Field(0.8, ge=0.0, le=1.0, description="a caption this close to a kind's titles names that kind")
    title_veto_margin: float = Field(0.15, ge=0.0, le=1.0, description="a caption naming one kind vetoes kinds it fits this much less")
    title_hint: float = Field(0.3, ge=0.0, le=1.0, description="share of a caption's mere resemblance added to a kind's score")
    min_explained: float = Field(0.3, ge=0.0, le=1.0, description="share of a table's columns a kind must explain")
    list_layout_fit: float = Field(0.6, ge=0.0, le=1.0, description="share of cells reading as 'name, then items' for the list layout")

    # Generic tables (stitch.py).
    repeated_headers: bool = Field(True, description="a first row printed again atop a table's next part is its header")
    title_rows: bool = Field(True, description="a first row of one cell spanning the table is its title, kept apart from the header")
    text_parts_tables: bool = Field(True, description="running text under a table on its page, or over the next page's first table, keeps the two tables apart")
    broken_phrase_rows: bool = Field(True, description="a next page's first row that goes on with a phrase the row above broke off (a cell ending on an article, a preposition or a conjunction) is the rest of that row")
    page_break_boxes: bool = Field(True, description="a box the page break cut open, its sides running to the page's foot with no rule under them (or down from its head with none over them), is closed there")
    lone_boxes: bool = Field(True, description="a single ruled box, or a single text read as a table, is a table where a caption labels it or where it continues a table over a page break (one box at a page's foot, one at the next page's head), never elsewhere")

    # Names (entities/): names printed inside one report are matched first against
    # that report's own delegation list, where rules unsafe across an archive are safe.
    closed_world_names: bool = Field(True, description="resolve a report's names against its own delegation first")

    # Database loading (database/load.py): reports written per transaction. Larger
    # batches amortise each statement's fixed cost; a failing batch is retried per report.
    load_batch_reports: int = Field(100, ge=1, description="reports written in one database transaction by `load`")
    # Stitching (stitch.py): a header printed again on a continuation page.
    header_repeat_tolerance: float = Field(
        0.2, ge=0.0, le=1.0, description="share of a repeated header's columns that may read differently (OCR slips)"
    )
    header_repeat_similarity: float = Field(90.0, ge=0.0, le=100.0, description="rapidfuzz ratio for two header cells to agree")

    # OCR (extractor/ocr/): pages without a usable text layer are read from their image.
    ocr: Literal["auto", "always", "never"] = Field(
        "auto", description="auto: OCR the pages with no usable text layer; always: every page; never: none"
    )
    ocr_engine: str = Field("tesseract", description="OCR engine, by its name in extractor.ocr.OCR_ENGINES")
    ocr_command: str = Field("tesseract", description="the engine's executable: a name on PATH or a path")
    ocr_languages: str = Field(
        "eng+fra+spa+deu+ita+por", description="Tesseract language models for OCR, joined by '+': the reports' languages"
    )
    ocr_dpi: int = Field(300, ge=72, le=600, description="resolution pages are rendered at for OCR")
    ocr_min_chars: int = Field(20, ge=0, description="a page with images and fewer text-layer characters needs OCR")
    ocr_deskew: bool = Field(True, description="straighten a turned scan before OCR")
    ocr_denoise: bool = Field(True, description="remove scanner speckle (median filter) before OCR")
    ocr_image_lines: bool = Field(True, description="find table ruling lines on the page image of OCR pages")
    # Reading pages (document.py): a page pdfminer cannot read, or reads as glyph ids
    # or nothing, is read by PDFium when PDFium finds usable text on it.
    pdfium_fallback: bool = Field(True, description="read with PDFium the pages pdfminer cannot read")
    garbled_text_share: float = Field(
        0.5, ge=0.0, le=1.0,
        description="a text layer with more than this share of (cid:N), private-use or replacement characters is unusable",
    )
    # Cell text (layout.py, wordbreaks.py): a word broken at a narrow cell's edge.
    document_word_breaks: bool = Field(True, description="a word broken at a narrow cell's edge that wordfreq does not know is joined where the document prints it whole")
    # Reading characters (layout.py).
    duplicate_glyph_shift: float = Field(
        0.25, ge=0.0, le=1.0,
        description="a glyph drawn again closer than this share of its width and size is one glyph drawn twice (fake bold); 0: keep every copy",
    )
    # The ruling-line engine (tables/plumber.py).
    stacked_row_lines: int = Field(3, ge=2, description="a ruled row whose filled cells each hold this many unwrapped lines, at the label's heights, is parted into one row per line")
    column_rules_tables: bool = Field(True, description="read tables drawn with column rules alone (three or more of one extent, no horizontal rule)")
    row_labels_left: bool = Field(True, description="row labels set left, in a column without rules left of a ruled grid, one beside each ruled row, are the grid's first column")
    header_type_break: bool = Field(True, description="a ruled first row whose filled cells each set bold lines above plain ones (a header and the row under it with no rule between) is parted where the type changes")
    blank_line_rows: bool = Field(True, description="a ruled row holding rows that blank lines part (a label beside the first line of each row's texts) is parted into them")
    # The word-alignment engine (tables/text.py).
    header_groups: bool = Field(True, description="a header's group labels over spanner rules are a header row of their own, each spanning the columns its rule spans")
    # Table engines (tables/choose.py): which camelot flavours are paid for, and where.
    caption_flavor: str | None = Field("stream", description="camelot flavour for a caption no cheaper engine served (None: never)")
    tables_on_every_page: bool = Field(True, description="look for tables without rules on every page, not only under captions")
    borderless_flavor: str = Field("stream", description="camelot flavour that reads tables without rules anywhere on a page")
    min_tabular_lines: int = Field(3, ge=1, description="lines with column gaps outside found tables before camelot reads a page")
    text_column_tables: bool = Field(True, description="on a page set in columns of running text, camelot also reads each block of table lines inside a column on its own")
    text_column_lines: int = Field(5, ge=1, description="lines of running text each column needs for a page to count as set in columns")
    continued_row_spacing: bool = Field(True, description="the rest of a word-alignment table on the next page starts its rows where its first part's spacing starts them, where too few rows stand there to show their own")
    longer_reading_replaces: bool = Field(True, description="a camelot table that reads a word-alignment table cell for cell, among more rows of its own, replaces it")
    clean_grid: float = Field(0.9, ge=0.0, le=1.0, description="a ruled table this clean is never replaced by another engine's")
    max_crowding: float = Field(0.3, ge=0.0, le=1.0, description="a word-alignment table with more lines stacked across cells gives way to camelot's")
    max_lines_per_cell: float = Field(2.5, gt=0, description="a word-alignment table with more lines per cell on average gives way to camelot's")
    prose_words_per_line: float = Field(7.0, gt=0, description="a cell line with this many words reads as a sentence")
    prose_lower_case_share: float = Field(0.5, ge=0.0, le=1.0, description="... when this share of its words begin in lower case or it holds a comma or a full stop (capitalised words alone make a name or a title, however many); 0: any line that long")
    column_prose_words_per_line: float = Field(4.5, gt=0, description="cells with this many words a line on average and ...")
    prose_max_figure_share: float = Field(0.2, ge=0.0, le=1.0, description="... fewer cells holding a figure than this share are text in narrow columns")
    edge_row_words: int = Field(4, ge=1, description="a first or last row of camelot's with one cell of this many words is a paragraph line")
    set_apart_gap: float = Field(1.8, gt=1.0, description="sparse rows at a camelot table's edge this many row pitches away are not its rows")
    min_row_fill: float = Field(0.35, ge=0.0, le=1.0, description="share of an alignment-only table's rows that must have two filled cells")
    max_prose_share: float = Field(0.5, ge=0.0, le=1.0, description="an alignment-only table with this share of its words in sentences is prose")
    prose_mid_sentence_share: float = Field(0.5, ge=0.0, le=1.01, description="a table with this share of its cells of three words or more begun in lower case (mid-sentence) is prose (a ruled one: a boxed paragraph); above 1: never")

    @field_validator("caption_flavor", "borderless_flavor")
    @classmethod
    def _known_flavor(cls, value: str | None) -> str | None:
        if value is not None and value not in CAMELOT_FLAVORS:
            raise ValueError(f"unknown camelot flavour {value!r}; choose from {', '.join(CAMELOT_FLAVORS)}")
        return value

    @classmethod
    def resolve(cls, value: "Settings | dict[str, Any] | None") -> "Settings":
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        return cls.model_validate(value)


DEFAULT_SETTINGS = Settings()
