"""Small PDFs that are not mission reports, built with reportlab for the tests of
generic tables: ruled tables over pages, headers of several levels, a borderless
table, a table turned by 90 degrees."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEADER = ["Item", "Supplier", "Quantity", "Unit price"]
SUPPLIERS = ["Norrland Timber AB", "Fjord Metals AS", "Baltic Paper Oy", "Danube Glass Kft"]


def stock_rows(count: int) -> list[list[str]]:
    """Rows whose item numbers say where each belongs: item k is row k."""
    return [[f"Item {k:03d}", SUPPLIERS[k % 4], str(10 + k), f"{k * 1.25:.2f}"] for k in range(1, count + 1)]


def ruled_style(header_rows: int = 1) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), "Helvetica-Bold"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.lightgrey),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
        ]
    )


def ruled_over_pages(path: Path, repeat_header: bool, count: int = 110) -> None:
    """One ruled table of `count` rows that runs over three A4 pages, its header
    printed again at the top of every page or only on the first."""
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    styles = getSampleStyleSheet()
    table = Table([HEADER] + stock_rows(count), repeatRows=1 if repeat_header else 0, colWidths=[90, 150, 80, 80])
    table.setStyle(ruled_style())
    doc.build([Paragraph("Stock list of the regional depot", styles["Heading1"]), Spacer(1, 12), table])


CAPTIONED_STOCK = "Table 5: Stock list of the regional depot"


def captioned_over_pages(path: Path, again: str = "Table 5 (continued)", count: int = 110) -> None:
    """The table of `ruled_over_pages` (header repeated) under a caption, the caption
    printed again over its part on each later page as `again`."""
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    styles = getSampleStyleSheet()
    table = Table([HEADER] + stock_rows(count), repeatRows=1, colWidths=[90, 150, 80, 80])
    table.setStyle(ruled_style())

    def continued(c, _doc) -> None:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, A4[1] - 62, again)

    doc.build([Paragraph(CAPTIONED_STOCK, styles["Heading4"]), table], onLaterPages=continued)


MEMBERS_HEADER = ["Vessel", "Harbour", "Flag"]
CITIES = [("Umea", "Sweden"), ("Bergen", "Norway"), ("Turku", "Finland"), ("Gyor", "Hungary")]


FIRST = ["North", "South", "East", "West", "Grey", "Red", "Blue", "Green", "White", "Black"]
SECOND = ["Star", "Wind", "Wave", "Gull", "Pike", "Fern", "Moss", "Reef", "Cove", "Tern"]


def member_rows(count: int) -> list[list[str]]:
    """Rows of words only (no figure under the header to set it apart)."""
    return [[f"{FIRST[k // 10]} {SECOND[k % 10]}", *CITIES[k % 4]] for k in range(count)]


def plain_members_over_pages(path: Path, count: int = 90) -> None:
    """A ruled table of text only whose header is set like its rows (no bold, no
    fill, no figures under it) and printed again at the top of every page."""
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    table = Table([MEMBERS_HEADER] + member_rows(count), repeatRows=1, colWidths=[150, 120, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    doc.build([table])


TITLE = "Harvest by region, 2019 and 2020"
TOP_HEADER = ["Region", "Wheat (t)", "", "Barley (t)", ""]
SUB_HEADER = ["", "2019", "2020", "2019", "2020"]
HARVEST = [
    ["North", "1200", "1350", "800", "760"],
    ["East", "980", "1010", "640", "700"],
    ["South", "1530", "1490", "910", "955"],
    ["West", "1105", "1220", "720", "690"],
]


def titled_two_level(path: Path) -> None:
    """A ruled table whose first row is its title spanning every column, then a
    header of two levels (a group spanning two year columns each, 'Region' spanning
    both levels), then the data."""
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    data = [[TITLE, "", "", "", ""], TOP_HEADER, SUB_HEADER] + HARVEST
    table = Table(data, colWidths=[90, 70, 70, 70, 70])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (1, 1), (2, 1)),
                ("SPAN", (3, 1), (4, 1)),
                ("SPAN", (0, 1), (0, 2)),
                ("FONTNAME", (0, 0), (-1, 2), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
            ]
        )
    )
    doc.build([Spacer(1, 24), table])


PROSE = (
    "The depot keeps its accounts per quarter. The figures below were read from the "
    "ledgers kept at the front desk and checked against the delivery notes."
)
BORDERLESS = [
    ["Product", "Warehouse", "Units", "Value"],
    ["Oak planks", "Umea", "140", "2 310.00"],
    ["Steel rods", "Bergen", "75", "1 980.50"],
    ["Copy paper", "Turku", "520", "1 040.00"],
    ["Float glass", "Gyor", "36", "2 592.00"],
    ["Pine beams", "Umea", "210", "3 150.00"],
]


def after_a_paragraph(path: Path, table: Table, paragraph_after: bool = True) -> None:
    """One page: a paragraph, the table, and (`paragraph_after`) the paragraph again."""
    body = SimpleDocTemplate(str(path), pagesize=A4)
    text = getSampleStyleSheet()["BodyText"]
    flow = [Paragraph(PROSE, text), Spacer(1, 18), table]
    if paragraph_after:
        flow += [Spacer(1, 18), Paragraph(PROSE, text)]
    body.build(flow)


def borderless_uncaptioned(path: Path) -> None:
    """A table drawn without any rule and with no caption, between two paragraphs."""
    table = Table(BORDERLESS, colWidths=[120, 110, 70, 90])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 10)]))
    after_a_paragraph(path, table)


ROTATED = [HEADER] + stock_rows(6)


def rotated_table(path: Path) -> None:
    """A portrait page whose ruled table is printed turned by 90 degrees
    (read by turning the page anticlockwise... or the head to the left)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.translate(A4[0] - 60, 80)
    c.rotate(90)  # text runs bottom to top
    widths = [90, 150, 80, 80]
    x_edges = [0.0]
    for w in widths:
        x_edges.append(x_edges[-1] + w)
    row_height = 18
    height = row_height * len(ROTATED)
    for r, row in enumerate(ROTATED):
        y = height - (r + 1) * row_height
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
        for x, text in zip(x_edges, row):
            c.drawString(x + 4, y + 5, text)
    for r in range(len(ROTATED) + 1):
        c.line(0, r * row_height, x_edges[-1], r * row_height)
    for x in x_edges:
        c.line(x, 0, x, height)
    c.showPage()
    c.save()


BACKED_HEADER = [["Depot", "Stock", "Read and write"]]
BACKED_ROWS = [["Umea", "140", "12.5"], ["Bergen", "75", "8.0"], ["Turku", "520", "41.5"], ["Gyor", "36", "3.9"]]


def white_backed_cells(path: Path) -> None:
    """A ruled table whose header cells put a white filled rectangle (no stroke)
    behind each line of their text, as some office suites write cell backgrounds:
    the header row is tall, its text lines each on a rectangle of their own."""
    c = canvas.Canvas(str(path), pagesize=A4)
    x_edges = [72.0, 192.0, 272.0, 392.0]
    header_top, header_bottom = 760.0, 716.0
    row_height = 18.0
    bottoms = [header_bottom - row_height * (k + 1) for k in range(len(BACKED_ROWS))]
    lines_of = {0: ["Depot"], 1: ["Stock"], 2: ["Read and", "write"]}
    c.setFont("Helvetica", 9)
    for column, lines in lines_of.items():
        centre = (header_top + header_bottom) / 2
        first = centre + 6 * (len(lines) - 1)
        for k, text in enumerate(lines):
            baseline = first - 12 * k - 3
            c.setFillColor(colors.white)
            c.rect(x_edges[column] + 3, baseline - 3, x_edges[column + 1] - x_edges[column] - 6, 12, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.drawString(x_edges[column] + 6, baseline, text)
    for row, bottom in zip(BACKED_ROWS, bottoms):
        for x, text in zip(x_edges, row):
            c.drawString(x + 6, bottom + 5, text)
    _grid_rules(c, [header_top, header_bottom, *bottoms], x_edges)
    c.showPage()
    c.save()


BOXED = [
    ["Offence", "Total", "Adults", "Minors"],
    ["Burglary", "234,551", "155,994", "74,419"],
    ["Arson", "9,466", "7,085", "2,154"],
    ["Fraud", "161,233", "108,032", "50,367"],
    ["Vandalism", "212,173", "157,723", "48,746"],
    ["Gambling", "8,046", "2,290", "5,518"],
    ["Vagrancy", "26,347", "14,581", "11,031"],
]


def boxed_column_in_borderless(path: Path) -> None:
    """A table drawn without rules but for a box framing its 'Total' column, header
    and body apart: the only ruling lines on the page frame one column."""
    table = Table(BOXED, colWidths=[120, 80, 80, 80])
    table.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BOX", (1, 0), (1, 0), 0.5, colors.black),
                ("BOX", (1, 1), (1, -1), 0.5, colors.black),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    after_a_paragraph(path, table, paragraph_after=False)


STATES = [
    ["State", "Deaths", "Rate", "Range"],
    *[[name, f"{1000 + 137 * k:,}", f"{190.5 - 3.1 * k:.1f}", f"({180.2 - 3 * k:.1f}-{200.8 - 3 * k:.1f})"]
      for k, name in enumerate(["Ohio", "Iowa", "Texas", "Utah", "Maine", "Idaho", "Kansas", "Nevada", "Oregon", "Alaska",
                                "Hawaii", "Vermont", "Montana", "Georgia", "Indiana", "Alabama", "Arizona", "Florida"])],
]
COLUMN_PROSE = (
    "differences in access to care and in the use of diagnostic procedures have been described for many years, "
    "and research examining the promotion of cardiovascular health through preventing the onset of hypertension "
    "should be given priority because major disparities exist in the prevalence of risk factors among populations "
    "at early ages. However, insufficient research has been conducted regarding behaviours that maintain low risk "
    "and prevent the initiation and progression of disease. Although there are no community guides for the disease "
    "as a whole, the guide to preventive services covers diabetes, nutrition, physical activity and tobacco use, "
    "and promoting such guidelines for interventions is among the aims of the programme described in this report."
)


def table_beside_running_text(path: Path) -> None:
    """A page set in two columns: a borderless table of figures in the left one, and
    running text, set at its own line pitch, in the right one; no caption, no rule."""
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate
    from reportlab.lib.styles import ParagraphStyle

    doc = BaseDocTemplate(str(path), pagesize=A4)
    width = (A4[0] - 2 * 50 - 20) / 2
    frames = [Frame(50, 60, width, A4[1] - 120, id="left"), Frame(50 + width + 20, 60, width, A4[1] - 120, id="right")]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    table = Table(STATES, colWidths=[70, 55, 45, 80])
    table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    style = ParagraphStyle("column", fontName="Helvetica", fontSize=8.5, leading=12.4)
    doc.build([table, FrameBreak(), Paragraph(COLUMN_PROSE + " " + COLUMN_PROSE, style)])


TYPED_FIRST = [["Proportion", "1.0", "1.1", "1.2", "1.3"], ["0.99", "800", "880", "960", "1,040"],
               ["0.95", "160", "176", "192", "208"], ["0.56-0.74", "30", "33", "36", "39"], ["0.05", "160", "176", "192", "208"]]
TYPED_SECOND = [["Proportion", "1.7", "1.8", "2.5", "3.5"], ["0.99", "1,360", "1,440", "2,000", "2,800"],
                ["0.95", "272", "288", "400", "560"], ["0.56-0.74", "51", "54", "75", "105"], ["0.05", "272", "288", "400", "560"]]


def typewriter_two_blocks(path: Path) -> None:
    """A table typed in Courier: a caption over two lines, a spanning header, a rule
    of dashes, labels led to their figures by dots, figures flush right one space
    apart at the widest; then a second block with its own header under the first."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Courier", 10)
    y = 780.0

    def type_line(text: str) -> None:
        nonlocal y
        c.drawString(72, y, text)
        y -= 12.5

    type_line("Table 1. Recommended sample sizes for analyses of survey data,")
    type_line("by design effect and proportion")
    for rows in (TYPED_FIRST, TYPED_SECOND):
        y -= 12
        type_line(" " * 22 + "Design effect")
        head, *body = rows
        type_line(f"{head[0]:<16}" + "".join(f"{v:>6}" for v in head[1:]))
        type_line("-" * 40)
        for row in body:
            label = f"{row[0]} ".ljust(15, ".") + " "
            type_line(label + "".join(f"{v:>6}" for v in row[1:]))
    y -= 24
    c.setFont("Helvetica", 10)
    c.drawString(72, y, "Sizes are rounded up to the next whole respondent; a design effect of one is that of a simple random")
    c.drawString(72, y - 12, "sample, and larger effects call for larger samples in proportion, as the two blocks above show.")
    c.showPage()
    c.save()


LED = [("Category", "2005", "2010", "Change"), ("All ages", "291,099", "303,858", "12,760"),
       ("With a disability", "54,425", "56,672", "2,247"), ("Severe disability", "34,947", "38,284", "3,337"),
       ("Aged 6 and older", "266,752", "278,222", "11,469"), ("Needed assistance", "10,996", "12,349", "1,353"),
       ("Aged 15 and older", "230,391", "241,682", "11,291"), ("Hearing", "7,793", "8,100", "307")]


def spaced_leaders(path: Path) -> None:
    """A borderless table whose labels run to their figures with spaced dot leaders
    ('. . . .'), the dots of all rows set at the same positions."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawString(72, 790, "The figures below were read from the survey of households carried out in the spring of both years.")
    y = 740.0
    for k, (label, *figures) in enumerate(LED):
        c.drawString(72, y, label)
        if k:
            x = 72 + c.stringWidth(label, "Helvetica", 9) + 4
            x = 72 + 6 * (int((x - 72) / 6) + 1)  # the dots on a grid shared by every row
            while x < 250:
                c.drawString(x, y, ".")
                x += 6
        for right, value in zip((330, 410, 490), figures):
            c.drawRightString(right, y, value)
        y -= 14
    c.drawString(72, y - 20, "Source: survey of households, both years; figures in thousands, rounded to the nearest thousand.")
    c.showPage()
    c.save()


SECTORS = [["", "", "Agriculture", "Industry", "Services"],
           ["1991", "Men", "11.0", "40.7", "48.4"], ["", "Women", "6.6", "16.0", "77.4"], ["", "Total", "8.9", "28.7", "62.4"],
           ["1996", "Men", "9.5", "39.4", "51.0"], ["", "Women", "5.3", "13.9", "80.9"], ["", "Total", "7.5", "27.3", "65.2"]]


def labels_outside_the_rules(path: Path) -> None:
    """A table whose figures alone are ruled: its row labels and its last column
    stand beside the grid, on the ruled rows, without rules of their own."""
    table = Table(SECTORS, colWidths=[50, 60, 80, 80, 50])
    table.setStyle(TableStyle([("GRID", (2, 0), (3, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    after_a_paragraph(path, table)


#: A survey annex's header: the first column set upright, the others printed sideways,
#: each line of a label given as one string (two lines where the label wraps).
SIDEWAYS_HEADER = [["Cluster"], ["Meetings", "held"], ["Agreements", "signed"], ["Would", "come again"], ["Score"]]
SIDEWAYS_ROWS = [["Agrifood Cluster Umea", "12", "3", "Yes", "4.5"], ["Baltic Wood Network", "9", "1", "No", "3.0"],
                 ["Danube Glass Alliance", "15", "4", "Yes", "4.0"], ["Fjord Metals Hub", "7", "0", "Yes", "3.5"]]


def sideways_header(path: Path, downward: bool = False, ruled: bool = True, unlabelled: int | None = None) -> None:
    """A ruled table whose header labels, but the first, run bottom to top (or top to
    bottom, `downward`) as in wide survey annexes: narrow columns under tall labels,
    a label of two lines printed as two sideways lines next to each other. Without
    its rules (`ruled` False), the same table borderless, with no caption; the column
    `unlabelled` (an index) printed without its label."""
    c = canvas.Canvas(str(path), pagesize=A4)
    widths = [150, 34, 34, 34, 34]
    x_edges = [72.0]
    for w in widths:
        x_edges.append(x_edges[-1] + w)
    header_top, header_bottom, row_height = 760.0, 680.0, 18.0
    bottoms = [header_bottom - row_height * (k + 1) for k in range(len(SIDEWAYS_ROWS))]
    c.setFont("Helvetica-Bold", 9)
    c.drawString(x_edges[0] + 4, header_bottom + 6, SIDEWAYS_HEADER[0][0])
    for column, (left, lines) in enumerate(zip(x_edges[1:], SIDEWAYS_HEADER[1:]), start=1):
        for k, line in enumerate(lines if column != unlabelled else []):
            c.saveState()
            if downward:  # glyphs' tops face right: the first line is the rightmost
                c.translate(left + 34 - 10 - 11 * k, header_top - 6)
                c.rotate(-90)
            else:  # glyphs' tops face left: the first line is the leftmost
                c.translate(left + 10 + 11 * k, header_bottom + 6)
                c.rotate(90)
            c.drawString(0, 0, line)
            c.restoreState()
    c.setFont("Helvetica", 9)
    for bottom, row in zip(bottoms, SIDEWAYS_ROWS):
        c.drawString(x_edges[0] + 4, bottom + 5, row[0])
        for right, value in zip(x_edges[2:], row[1:]):
            c.drawRightString(right - 4, bottom + 5, value)
    if ruled:
        _grid_rules(c, [header_top, header_bottom, *bottoms], x_edges)
    c.showPage()
    c.save()


STATEMENT = [["", "2016"], ["Net asset value", "5,111,372"], ["Outstanding units", "49,136"], ["Value per unit", "104.03"],
             ["Investment result", ""], ["Direct result", "-"], ["Revaluation", "2,076,667"], ["Costs", "(106,870)"],
             ["Total investment result", "1,969,797"]]


def close_set_rows(path: Path) -> None:
    """A borderless statement under a caption, one figure per label, its rows spaced
    wide apart but for a heading and the three rows under it, set at half that pitch."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, 770, "Table 2. Key figures of the fund at the end of its first year (euro)")
    y = 750.0
    for k, (label, figure) in enumerate(STATEMENT):
        c.setFont("Helvetica-Bold" if k in (0, 4, 8) else "Helvetica", 9)
        c.drawString(72, y, label)
        c.drawRightString(520, y, figure)
        y -= 11 if k in (4, 5, 6) else 22
    c.showPage()
    c.save()


LEAD_TIMES = [["Statistic", "1", "2", "3", "4", "5"],
              ["Primary enrolment", "0.3", "0.6", "0.8", "1.1", "1.3"],
              ["Secondary enrolment", "3.5", "4.9", "12.1", "10.6", "9.2"],
              ["Graduates", "1.0", "1.5", "1.6", "2.7", "3.7"],
              ["Teachers", "0.8", "1.4", "1.7", "2.2", "2.8"]]


def wider_figure(path: Path) -> None:
    """A borderless table under a caption, its figures set flush right in columns
    32 points apart: one row holds figures of two digits before the point in two
    neighbouring columns, which start further left than the others of theirs."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(44, 790, "Table 3. Mean absolute percentage errors by lead time (years)")
    y = 770.0
    for k, (label, *figures) in enumerate(LEAD_TIMES):
        c.setFont("Helvetica", 9)
        c.drawString(44, y, label)
        for right, figure in zip((280, 312, 344, 376, 408), figures):
            c.drawRightString(right, y, figure)
        y -= 11
    c.showPage()
    c.save()


#: Header cells of two lines centred over narrow columns of figures, set so close
#: that each header line runs as one segment of text across the columns.
CLOSE_HEADER = [["Region", "Any method", "Female sterilization", "Male sterilization", "Pill", "Condom"]]
CLOSE_BODY = [["North", "74.8", "42.9", "0.9", "9.7", "2.2"], ["South", "59.3", "26.8", "0.6", "6.4", "3.5"],
              ["East", "71.4", "34.9", "0.0", "8.6", "6.2"], ["West", "71.1", "28.2", "0.8", "13.3", "5.2"],
              ["Centre", "64.5", "34.3", "0.5", "10.5", "2.0"]]


def header_close_over_figures(path: Path) -> None:
    """A borderless table under a caption whose bold header words are centred over
    their columns of figures (set flush right), the columns just wider than the
    widest word."""
    c = canvas.Canvas(str(path), pagesize=A4)
    size = 8
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, 790, "Table 4. Current use of contraception by region (per cent)")
    widest = max(c.stringWidth(word, "Helvetica-Bold", size) for cell in CLOSE_HEADER[0][1:] for word in cell.split())
    pitch = widest + 3.2  # header words of neighbouring columns 3.2 points apart
    rights = [200 + pitch * (k + 1) for k in range(len(CLOSE_BODY[0]) - 1)]
    c.setFont("Helvetica-Bold", size)
    lines = [cell.split(" ", 1) for cell in CLOSE_HEADER[0][1:]]
    for depth in range(2):
        y = 765.0 - 10 * depth
        for right, words in zip(rights, lines):
            if depth < len(words):
                c.drawCentredString(right - pitch / 2 + 1.6, y, words[depth])
    c.drawString(72, 755.0, CLOSE_HEADER[0][0])
    c.setFont("Helvetica", size)
    y = 738.0
    for row in CLOSE_BODY:
        c.drawString(72, y, row[0])
        for right, figure in zip(rights, row[1:]):
            c.drawRightString(right - 8, y, figure)
        y -= 11
    c.showPage()
    c.save()


OPEN_SIDED = [["", "2000", "2002", "2004"], ["Upper secondary", "15 455", "13 951", "12 068"],
              ["Qualifications", "35 190", "44 307", "60 152"], ["Polytechnics", "20 527", "20 922", "22 083"]]


def open_sided(path: Path) -> None:
    """A table ruled under a caption without side borders: rules between its figure
    columns only, every horizontal rule running on past them to the row labels on the
    left and to the last column's right edge, the short labels and the last column's
    figures (set flush right) standing well clear of the column rules."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, 790, "Table 6: Participants in certificate-oriented education and training")
    left, rules_x, right = 72.0, [276.0, 361.0, 446.0], 524.0
    tops = [770.0 - 16 * k for k in range(len(OPEN_SIDED) + 1)]
    c.setFont("Helvetica", 9)
    for row, top in zip(OPEN_SIDED, tops):
        c.drawString(left + 4, top - 12, row[0])
        for x, figure in zip(rules_x, row[1:]):
            c.drawRightString(x + 78, top - 12, figure)
    for y in tops:
        c.line(left, y, right, y)
    for x in rules_x:
        c.line(x, tops[0], x, tops[-1])
    c.drawString(72, tops[-1] - 14, "Source: Statistics Finland, Educational institutions, 2005.")
    c.showPage()
    c.save()


FILLED = [["Measure", "2009", "2010"], ["Data sets available", "47", "272,768"],
          ["Applications developed by the public and government", "0", "237"], ["Data set downloads", "0", "652,412"]]


def filled_cells_with_line_fills(path: Path) -> None:
    """A ruled table whose cells are filled in a light colour, each line of their
    text again on a rectangle of its own in the same colour (as some office suites
    write cell shading); the label of the third row wraps over three lines."""
    c = canvas.Canvas(str(path), pagesize=A4)
    shade = colors.Color(0.75, 0.85, 0.95)
    x_edges = [72.0, 232.0, 312.0, 392.0]
    lines_of = [[["Measure"], ["2009"], ["2010"]], [["Data sets available"], ["47"], ["272,768"]],
                [["Applications developed", "by the public and", "government"], ["0"], ["237"]],
                [["Data set downloads"], ["0"], ["652,412"]]]
    heights = [18.0, 18.0, 40.0, 18.0]
    tops = [760.0]
    for h in heights:
        tops.append(tops[-1] - h)
    c.setFont("Helvetica", 9)
    for r, row in enumerate(lines_of):
        top, bottom = tops[r], tops[r + 1]
        for k, lines in enumerate(row):
            left, right = x_edges[k], x_edges[k + 1]
            c.setFillColor(shade)
            c.rect(left, bottom, right - left, top - bottom, stroke=0, fill=1)
            for n, text in enumerate(lines):
                baseline = top - 12 - 11 * n
                c.setFillColor(shade)
                c.rect(left + 3, baseline - 3, right - left - 6, 11, stroke=0, fill=1)
                c.setFillColor(colors.black)
                c.drawString(left + 5, baseline, text)
    _grid_rules(c, tops, x_edges)
    c.showPage()
    c.save()


ONE_RULE = [["Indicators", "Weight of indicator in 2006"], ["Effectiveness", ""], ["Employment", "40"],
            ["Further studies (in higher education)", "15"], ["Processes", ""], ["Dropping out", "15"],
            ["Staff", ""], ["Formal teaching qualifications", "11"]]


def single_column_rule(path: Path) -> None:
    """A table of two columns under a caption, each row between horizontal rules of
    the table's full width and the columns parted by one rule: no side borders, so no
    cell is closed on both sides; section names sit in rows of their own."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, 790, "Table 10: Indicators of performance-based funding in 2006")
    left, rule_x, right = 72.0, 347.0, 524.0
    tops = [770.0 - 16 * k for k in range(len(ONE_RULE) + 1)]
    c.setFont("Helvetica", 9)
    for k, (row, top) in enumerate(zip(ONE_RULE, tops)):
        indent = 16 if k and row[1] else 4
        if k == 0:
            c.drawCentredString((left + rule_x) / 2, top - 12, row[0])
            c.drawCentredString((rule_x + right) / 2, top - 12, row[1])
        else:
            c.drawString(left + indent, top - 12, row[0])
            c.drawCentredString((rule_x + right) / 2, top - 12, row[1])
    for y in tops:
        c.line(left, y, right, y)
    c.line(rule_x, tops[0], rule_x, tops[-1])
    c.drawString(72, tops[-1] - 14, "Source: Finnish National Board of Education, 2006.")
    c.showPage()
    c.save()


def ruled_grid(path: Path, rows: list[list[str]], widths: tuple[float, ...], draw_cell,
               rules_at: tuple[int, ...] | None = None, font_size: float = 9, after=None) -> None:
    """One page holding `rows` in columns of `widths` from (72, 760), 20 points a row:
    `draw_cell(canvas, row_index, x, width, baseline, text)` sets each cell's text, a
    horizontal rule runs above each row index in `rules_at` (default: every row and
    the foot), a vertical rule at every column edge; `after(canvas, bottom)` adds more."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, top, height = 72.0, 760.0, 20.0
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    c.setFont("Helvetica", font_size)
    for r, row in enumerate(rows):
        for x, width, cell in zip(xs, widths, row):
            draw_cell(c, r, x, width, top - height * r - 14, cell)
    bottom = top - height * len(rows)
    for r in range(len(rows) + 1) if rules_at is None else rules_at:
        c.line(xs[0], top - height * r, xs[-1], top - height * r)
    for x in xs:
        c.line(x, top, x, bottom)
    if after is not None:
        after(c, bottom)
    c.showPage()
    c.save()


def _grid_rules(c, ys, xs) -> None:
    """A rule across the grid at each of `ys`, then one down it at each of `xs`."""
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])


def _plain_cell(c, r, x, width, baseline, text) -> None:
    c.drawString(x + 4, baseline, text)


CONDENSED = [
    ["Survey round", "Households", "Period"],
    ["Rural Third Repeat", "2400", "2011 to 2012"],
    ["Urban First Round", "1200", "2015 to 2016"],
    ["Tribal Second Round", "960", "2017 to 2018"],
]


def condensed_text(path: Path) -> None:
    """A ruled table whose text is set with a negative character spacing, as some
    producers condense text: each word space is a space character, but the next word
    starts where the space's glyph ends, so words touch."""

    def condensed(c, r, x, width, baseline, cell) -> None:
        text = c.beginText(x + 4, baseline)
        text.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
        text.setCharSpace(-1.6)
        text.textOut(cell)
        c.drawText(text)

    ruled_grid(path, CONDENSED, (170.0, 90.0, 120.0), condensed)


PADDED = [
    ["Licensee", "Service area", "Granted"],
    ["Apollo Online Services", "Delhi and Mumbai", "01-04-2014"],
    ["Access Smart Solutions", "Andhra Pradesh", "13-03-2014"],
]


def space_padded_cells(path: Path) -> None:
    """A ruled table whose producer first draws a run of space characters across each
    cell (padding) and then the cell's text over it at the same baseline."""

    def padded(c, r, x, width, baseline, cell) -> None:
        c.drawString(x + 2, baseline, " " * int(width / 2.6))
        c.drawString(x + 4, baseline, cell)

    ruled_grid(path, PADDED, (150.0, 120.0, 90.0), padded)


DOUBLED = [
    ["Course", "Provider", "Months"],
    ["Software training", "Microsoft", "12"],
    ["Blasting design", "Sichuan Institute", "6"],
]
SMALL_PRINT = "Small print: all 1100 tallies"


def doubled_glyphs(path: Path) -> None:
    """A ruled table whose producer makes bold by drawing each text twice, the second
    time shifted by a fraction of a point, and a line of small print whose double
    letters ('ll' at 4 points) stand less than a point apart."""

    def doubled(c, r, x, width, baseline, cell) -> None:
        c.drawString(x + 4, baseline, cell)
        if r == 0 or x == 72.0:  # the header row and the first column
            c.drawString(x + 4.27, baseline, cell)

    def small_print(c, bottom) -> None:
        c.setFont("Helvetica", 4)
        c.drawString(72, bottom - 20, SMALL_PRINT)

    ruled_grid(path, DOUBLED, (150.0, 130.0, 60.0), doubled, after=small_print)


UNRULED_BODY = [
    ["Region", "Offices", "Staff"],
    ["North coast", "12", "340"],
    ["Inland plateau", "7", "95"],
    ["Southern islands", "3", "41"],
]


def ruled_header_unruled_body(path: Path) -> None:
    """A table ruled around and between its columns, with a rule under its header row
    but none between the rows of its body, which are set one per line."""
    ruled_grid(path, UNRULED_BODY, (160.0, 90.0, 90.0), _plain_cell, rules_at=(0, 1, len(UNRULED_BODY)), font_size=10)


def column_rules_only(path: Path) -> None:
    """The table of `ruled_header_unruled_body` drawn with its column rules alone: no
    horizontal rule anywhere, one row per line."""
    ruled_grid(path, UNRULED_BODY, (160.0, 90.0, 90.0), _plain_cell, rules_at=(), font_size=10)


GROUPED_LEAVES = ["Region", "Any method", "Female sterilization", "Male sterilization", "Pill", "Female condom",
                  "Other modern method", "Rhythm", "Periodic abstinence", "Total"]
GROUPS = [("Modern method", 2, 6), ("Traditional method", 7, 8)]  # label, first and last column it heads
GROUPED_BODY = [["North", "74.8", "42.9", "0.9", "9.7", "2.2", "0.0", "11.2", "7.4", "100.0"],
                ["South", "59.3", "26.8", "0.6", "6.4", "3.5", "0.0", "10.4", "5.8", "100.0"],
                ["East", "71.4", "34.9", "0.0", "8.6", "6.2", "0.1", "12.6", "7.8", "100.0"],
                ["West", "71.1", "28.2", "0.8", "13.3", "5.2", "0.0", "12.9", "9.1", "100.0"],
                ["Centre", "64.5", "34.3", "0.5", "10.5", "2.0", "0.0", "9.9", "4.6", "100.0"]]


def grouped_header(path: Path) -> None:
    """A borderless table under a caption whose header has two levels, in plain type:
    group labels ('Modern method') centred over the columns they head, each with a
    short rule under it from its first column to its last, over leaf labels set
    bottom-aligned in up to three lines. Each column is as wide as its widest header
    word and a little more, so the header words of neighbouring columns run close
    ('Female' of one column, 'modern' of the next, on one line), and the figures sit
    flush right, starting further right than the header words over them (a column is
    at least as wide as its widest figure and a word space)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    size = 8
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, 790, "Table 21. Current use of contraception by region (per cent)")
    c.setFont("Helvetica", size)
    lefts, x = [], 130.0
    for leaf in GROUPED_LEAVES[1:]:
        lefts.append(x)
        x += max([c.stringWidth(word, "Helvetica", size) for word in leaf.split()] + [26.0]) + 3.2
    rights = lefts[1:] + [x]
    columns = list(zip([72.0] + lefts, [130.0] + rights))  # column 0 holds the labels
    top = 765.0
    for label, first, last in GROUPS:
        x0, x1 = columns[first][0], columns[last][1]
        c.drawCentredString((x0 + x1) / 2, top, label)
        c.setLineWidth(0.5)
        c.line(x0 + 3, top - 3, x1 - 3, top - 3)  # trimmed at both ends, as booktabs sets them
    for column, leaf in enumerate(GROUPED_LEAVES):
        words = leaf.split()
        for depth, word in enumerate(reversed(words)):
            y = top - 10 * (3 - depth)
            if column == 0:
                c.drawString(72, y, " ".join(words) if depth == 0 else "")
                break
            x0, x1 = columns[column]
            c.drawCentredString((x0 + x1) / 2, y, word)
    y = top - 46
    for row in GROUPED_BODY:
        c.drawString(72, y, row[0])
        for (x0, x1), figure in zip(columns[1:], row[1:]):
            c.drawRightString(x1 - 3, y, figure)
        y -= 11
    c.showPage()
    c.save()


SECTIONED_HEADER = ["Source", "Definition", "Examples"]
#: Each row: label, then the lines of each other cell ("" parts two paragraphs of one cell).
SECTIONED_ROWS = [
    ("Stationary:", [], []),
    ("Major", ["Emissions of ten tons per year", "or more of any one air toxic, or", "twenty-five tons of any mix of", "air toxics"],
     ["Utilities, refineries, steel", "works, chemical plants"]),
    ("Area", ["Emissions of less than ten tons", "per year of any one air toxic,", "or less than twenty-five tons"],
     ["Dry cleaners, gas stations,", "body shops, plating works"]),
    ("Mobile:", [], []),
    ("On-road", ["Emissions from motor vehicles", "run on public roads", "", "Counted by the highway offices"],
     ["Cars, buses, trucks", "and vans"]),
    ("Non-road", ["Emissions from engines and", "vessels run off public roads"], ["Farm machines, lawn", "and garden equipment"]),
]


def sectioned_rows(path: Path, striped_shading: bool = False) -> None:
    """A table boxed by rules, a rule under its header and one between its two
    sections, but none between the rows of a section: a section's label on a line of
    its own, then rows whose label (set flush right) stands beside the first line of
    wrapped texts, a blank line between rows. One text holds two paragraphs with a
    blank line between them, its label one line: that row stays one row.
    `striped_shading`: the label column of each section shaded light green, inset
    from its rules, the shade drawn as a stack of stripes one line high."""
    c = canvas.Canvas(str(path), pagesize=A4)
    xs, size, pitch = (72.0, 172.0, 342.0, 512.0), 9, 11.0
    if striped_shading:
        _striped_label_shading(c, xs, pitch)
    c.setFont("Helvetica-Bold", size)
    for x, text in zip(xs, SECTIONED_HEADER):
        c.drawString(x + 4, 748, text)
    c.setFont("Helvetica", size)
    rules, y = [760.0, 742.0], 730.0
    for k, (label, definition, examples) in enumerate(SECTIONED_ROWS):
        if k and not definition and not examples:  # a new section: a rule above its label
            rules.append(y + pitch)
            y -= pitch
        if not definition and not examples:
            c.drawString(xs[0] + 4, y, label)
            y -= 2 * pitch
            continue
        c.drawRightString(xs[1] - 4, y, label)
        for x, lines in ((xs[1], definition), (xs[2], examples)):
            for depth, line in enumerate(lines):
                c.drawString(x + 4, y - pitch * depth, line)
        y -= pitch * (max(len(definition), len(examples)) + 1)
    rules.append(y + pitch - 3)
    _grid_rules(c, rules, xs)
    c.showPage()
    c.save()


def _striped_label_shading(c, xs: tuple[float, ...], pitch: float) -> None:
    """The label column of each section of `sectioned_rows` shaded in stripes."""
    c.setFillColorRGB(0.8, 1.0, 0.8)
    y, tops = 730.0, []
    for k, (label, definition, examples) in enumerate(SECTIONED_ROWS):
        if k and not definition and not examples:
            y -= pitch
        if not definition and not examples:
            tops.append([y + pitch - 2, y])
            y -= 2 * pitch
            continue
        y -= pitch * (max(len(definition), len(examples)) + 1)
        tops[-1][1] = y + pitch + 2
    for top, bottom in tops:
        stripe = top
        while stripe - pitch >= bottom:
            c.rect(xs[0] + 5, stripe - pitch, xs[1] - xs[0] - 10, pitch, stroke=0, fill=1)
            stripe -= pitch
    c.setFillColorRGB(0, 0, 0)


CAPTIONED_CLOSE = "Table 1-1: Sources of air toxics"


TITLED_WITHOUT_SEPARATOR = "Table 21 Current use of offices by region"
SENTENCE_ABOVE = "Table 21 shows the offices by region"


def caption_close_over_bold_header(path: Path, caption: str = CAPTIONED_CLOSE) -> None:
    """A ruled table whose bold caption stands just above its top rule, as close to
    the bold header row under the rule as the lines of a wrapped caption stand."""

    def bold_header(c, r, x, width, baseline, text) -> None:
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
        c.drawString(x + 4, baseline + (4 if r == 0 else 0), text)  # the header close under the rule

    def draw_caption(c, bottom) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(72, 763, caption)

    ruled_grid(path, UNRULED_BODY, (160.0, 90.0, 90.0), bold_header, after=draw_caption)


ALLOWANCES = [["Pay period", "Allowance"], ["Weekly", "$ 73.08"], ["Biweekly", "146.15"], ["Semimonthly", "158.33"],
              ["Monthly", "316.67"], ["Quarterly", "950.00"], ["Annually", "3,800.00"]]
BEFORE_ALLOWANCES = (
    "The wage amounts shown in the tables of this notice are net wages after the deduction for the allowances "
    "claimed. The amount of one allowance for each pay period has changed this year; the amounts are:"
)
AFTER_ALLOWANCES = (
    "Employers may round the tax for the pay period to the nearest dollar. Where rounding is used, it must be "
    "used consistently for every employee and every pay period of the year."
)


def table_inside_a_text_column(path: Path) -> None:
    """A page set in two columns of running text, a small borderless table without a
    caption between two paragraphs of the right one (as notices and newsletters set
    them): camelot reading the whole page takes the two text columns for its columns."""
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate
    from reportlab.lib.styles import ParagraphStyle

    doc = BaseDocTemplate(str(path), pagesize=A4)
    width = (A4[0] - 2 * 50 - 20) / 2
    frames = [Frame(50, 60, width, A4[1] - 120, id="left"), Frame(50 + width + 20, 60, width, A4[1] - 120, id="right")]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    style = ParagraphStyle("column", fontName="Helvetica", fontSize=9, leading=12)
    table = Table(ALLOWANCES, colWidths=[120, 90])
    table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    doc.build([Paragraph(COLUMN_PROSE, style), FrameBreak(), Paragraph(BEFORE_ALLOWANCES, style), Spacer(1, 8), table,
               Spacer(1, 8), Paragraph(AFTER_ALLOWANCES, style), Spacer(1, 8), Paragraph(COLUMN_PROSE, style)])


ADDITIONS = [["Pay period", "Allowance"], ["Weekly", "$ 40.40"], ["Biweekly", "80.80"], ["Semimonthly", "87.50"],
             ["Monthly", "175.00"], ["Quarterly", "525.00"], ["Annually", "2,100.00"]]


def like_tables_between_paragraphs(path: Path) -> None:
    """Two borderless tables of the same header on two pages, each between paragraphs:
    the first ends with text under it, the second starts under text, so neither runs on."""
    from reportlab.platypus import PageBreak

    def small(rows):
        table = Table(rows, colWidths=[120, 90])
        table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                                   ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
        return table

    text = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph(BEFORE_ALLOWANCES, text), Spacer(1, 12), small(ALLOWANCES), Spacer(1, 12),
        Paragraph(AFTER_ALLOWANCES, text), Paragraph(COLUMN_PROSE, text), PageBreak(),
        Paragraph(COLUMN_PROSE, text), Spacer(1, 12), small(ADDITIONS), Spacer(1, 12), Paragraph(PROSE, text),
    ])


def chart_gridlines_under_a_table(path: Path) -> None:
    """A ruled table, and under it a chart's plot area: a grid of rules holding no text,
    its axis figures set outside it (as a chart's gridlines draw a grid of empty cells)."""
    def chart(c, bottom) -> None:
        left, right, top = 72.0, 372.0, bottom - 60
        for k in range(6):
            y = top - 30 * k
            c.line(left, y, right, y)
            c.drawRightString(left - 6, y - 3, str(100 - 20 * k))
        for k in range(7):
            c.line(left + 50 * k, top, left + 50 * k, top - 150)

    ruled_grid(path, BACKED_HEADER + BACKED_ROWS, (120, 80, 100), _plain_cell, after=chart)


AGE_PROPORTIONS = [["Age group", "Proportion"], ["20-29", "0.2650"], ["30-39", "0.2046"], ["40-49", "0.1477"],
                   ["50-59", "0.1514"], ["60-69", "0.1225"], ["70-79", "0.0752"]]
TYPED_PARAGRAPH = [
    "Age adjustment is important for trend analyses across the",
    "surveys, and also for comparisons across subgroups within",
    "one survey. It was decided that for comparison of data",
    "between surveys the census population would be used as",
    "the standard population (Census and Survey, unpublished",
    "memorandum, 1985). Since the choice of a standard is",
    "somewhat arbitrary, we recommend the same standard for all.",
]


def typed_table_between_justified_paragraphs(path: Path) -> None:
    """A page typed in a fixed-pitch font: justified paragraphs, whose word spaces a
    short line stretches as wide as a table's column gaps, and between them a table of
    two columns without rule or caption."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, width, y = 72.0, 440.0, 760.0

    def paragraph(y: float) -> float:
        for k, line in enumerate(TYPED_PARAGRAPH):
            c.setFont("Courier", 10)
            words = line.split()
            if k == len(TYPED_PARAGRAPH) - 1:
                c.drawString(left, y, line)
            else:
                gap = (width - sum(c.stringWidth(w, "Courier", 10) for w in words)) / (len(words) - 1)
                x = left
                for word in words:
                    c.drawString(x, y, word)
                    x += c.stringWidth(word, "Courier", 10) + gap
            y -= 13
        return y - 13

    y = paragraph(paragraph(y)) - 13
    for r, (label, figure) in enumerate(AGE_PROPORTIONS):
        c.setFont("Courier-Bold" if r == 0 else "Courier", 10)
        c.drawString(left, y, label)
        c.drawRightString(left + 210, y, figure)
        y -= 26 if r == 0 else 13
    paragraph(y - 26)
    c.showPage()
    c.save()


def three_columns_of_running_text(path: Path) -> None:
    """A page set in three narrow columns of running text with figures in its sentences,
    as a statistical bureau's brief sets its findings: no table."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
    from reportlab.lib.styles import ParagraphStyle

    doc = BaseDocTemplate(str(path), pagesize=A4)
    width = (A4[0] - 2 * 50 - 2 * 18) / 3
    frames = [Frame(50 + k * (width + 18), 60, width, A4[1] - 120, id=f"c{k}") for k in range(3)]
    doc.addPageTemplates([PageTemplate(id="three", frames=frames)])
    style = ParagraphStyle("brief", fontName="Helvetica", fontSize=8.5, leading=11)
    findings = (
        "In 2010, about 56.7 million people (18.7 percent) of the population had a disability, and about "
        "38.3 million (12.6 percent) had a severe disability. Some 12.3 million people aged 6 and older (4.4 "
        "percent) needed assistance with one or more activities of daily living, up from 11.0 million in 2005. "
        "The estimates in this report are based on responses from a sample of the population and may differ "
        "from actual values because of sampling variability or other factors; as a result, apparent "
        "differences between the estimates for two or more groups may not be statistically significant. "
    )
    doc.build([Paragraph(findings * 3, style) for _ in range(3)])


LEGEND = ["Spread over the Bund", "Bond yield difference"]


def chart_with_legend_in_its_plot_area(path: Path, steps: int | None = None) -> None:
    """A line chart whose plot area is framed and ruled by gridlines, its legend's two
    texts set inside it (between gridlines), and its series drawn as polylines of many
    points: no table. `steps`: each series drawn instead as that many separate slanted
    line segments, one per step (yearly figures)."""
    import math

    c = canvas.Canvas(str(path), pagesize=A4)
    left, right, top, bottom = 100.0, 460.0, 700.0, 500.0
    for k in range(5):
        c.line(left, top - 50 * k, right, top - 50 * k)
        c.drawRightString(left - 6, top - 50 * k - 3, str(400 - 100 * k))
    c.line(left, top, left, bottom)
    c.line(right, top, right, bottom)
    c.setFont("Helvetica", 8)
    for k, text in enumerate(LEGEND):  # one between each two gridlines
        c.drawString(left + 40, top - 28 - 50 * k, text)
    for phase in (0.0, 1.3):
        if steps is not None:
            points = [(left + (right - left) * i / steps, 560 + 30 * math.sin(i + phase) + 10 * (i % 2))
                      for i in range(steps + 1)]
            for (xa, ya), (xb, yb) in zip(points, points[1:]):
                c.line(xa, ya, xb, yb)
            continue
        path_ = c.beginPath()
        path_.moveTo(left, 560)
        for i in range(1, 400):
            x = left + (right - left) * i / 400
            path_.lineTo(x, 560 + 30 * math.sin(i / 17 + phase) + 20 * math.sin(i / 5))
        c.drawPath(path_)
    c.drawString(left, bottom - 20, "Figure 15 (data until 7 July 2010)")
    c.showPage()
    c.save()


BOXED_TEXT = [
    "Box 4: The stabilisation mechanism",
    "On 10 May 2010, following the tensions in the sovereign debt markets, the finance",
    "ministers unveiled a stabilisation mechanism based on an intergovernmental agreement",
    "of the member states, which allows for mutual support in the event that a member",
    "country is threatened with severe difficulties caused by exceptional occurrences",
    "beyond its control. The mechanism is subject to strong conditionality in the context",
    "of a joint programme, and will be on terms and conditions similar to the fund's.",
]


def boxed_paragraph(path: Path) -> None:
    """A box around a paragraph, a rule under each of its lines (as a word processor
    draws a bordered paragraph's lines): a text box, no table."""
    ruled_grid(path, [[line] for line in BOXED_TEXT], (430,), _plain_cell)


COSTS = [["Cost category", "Total costs", "Indirect costs", "Direct costs"],
         ["Salaries", "1,314,000", "373,250", "940,750"], ["Fringe benefits", "352,000", "99,988", "252,012"],
         ["Staff travel", "94,000", "20,000", "74,000"], ["Office rent", "170,000", "20,000", "150,000"],
         ["Telephone", "109,400", "55,000", "54,400"], ["Purchase and equipment lease", "82,000", "59,900", "22,100"],
         ["Depreciation", "28,800", "8,800", "20,000"], ["Training materials", "82,000", "0", "82,000"]]


def labels_far_left_of_the_rules(path: Path) -> None:
    """A cost table whose figures alone are ruled: its row labels stand in a wide column
    left of the grid, set left, most of them ending far from the grid's first rule."""
    table = Table(COSTS, colWidths=[190, 80, 80, 80])
    table.setStyle(TableStyle([("GRID", (1, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    after_a_paragraph(path, table)


FIGURE_CAPTION = ["Figure 1:   Population by age group in 2001, 2005 and forecasts for 2010, 2015", "and 2030 (in %)"]
SHARES = [["2001", "30.5", "49.0", "20.4"], ["2005", "29.7", "48.6", "21.7"], ["2010", "28.7", "46.3", "25.0"],
          ["2015", "27.2", "45.0", "27.8"]]


def bar_chart_under_a_figure_caption(path: Path) -> None:
    """A bar chart drawn as a ruled frame of bars holding their values, under a
    figure's caption of two lines, and a table under its own caption further down."""
    def table_after(c, bottom) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(72, bottom - 60, "Table 1: Real GDP growth rate")
        y = bottom - 80
        for r, row in enumerate(BACKED_HEADER + BACKED_ROWS):
            for k, text in enumerate(row):
                c.drawString(76 + 120 * k, y - 20 * r - 14, text)
            c.line(72, y - 20 * r, 432, y - 20 * r)
        c.line(72, y - 20 * len(BACKED_HEADER + BACKED_ROWS), 432, y - 20 * len(BACKED_HEADER + BACKED_ROWS))
        for k in range(4):
            c.line(72 + 120 * k, y, 72 + 120 * k, y - 20 * len(BACKED_HEADER + BACKED_ROWS))

    def with_caption(c, r, x, width, baseline, text) -> None:
        if r == 0 and x == 72:
            c.setFont("Helvetica-Oblique", 10)
            c.drawString(72, 800, FIGURE_CAPTION[0])
            c.drawString(72, 787, FIGURE_CAPTION[1])
            c.setFont("Helvetica", 9)
        c.drawString(x + 4, baseline, text)

    ruled_grid(path, SHARES, (60, 120, 140, 80), with_caption, after=table_after)


def table_under_a_pictures_caption(path: Path) -> None:
    """A picture, its caption set under it ('Figure 2: ...'), and right under the
    caption a ruled table of its own without a caption: the caption is the picture's."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def picture(c, r, x, width, baseline, text) -> None:
        if r == 0 and x == 72:
            c.drawImage(ImageReader(Image.new("RGB", (60, 30), (90, 140, 200))), 72, 800, width=300, height=30)
            c.setFont("Helvetica-Oblique", 10)
            c.drawString(72, 785, "Figure 2: Map of the regional depots")
            c.setFont("Helvetica", 9)
        c.drawString(x + 4, baseline, text)

    ruled_grid(path, BACKED_HEADER + BACKED_ROWS, (120, 80, 100), picture)


TALLY_GROUPS = ["", "", "", "Governor", "", ""]  # the label spans the last three columns
TALLIES = [["Township", "Voters", "Ballots", "Calley", "Colbeck", "Hines"],
           ["Alcona", "963", "439", "55", "26", "47"], ["Caledonia", "923", "393", "40", "23", "45"],
           ["Curtis", "1026", "349", "30", "30", "25"], ["Greenbush", "1212", "423", "56", "26", "40"],
           ["Gustin", "611", "180", "22", "35", "17"]]


def rows_between_spacer_bands(path: Path) -> None:
    """An election tally whose rows are parted by thin grey bands (6 points) ruled above
    and below; the column rules run down each row and stop at the bands, which only the
    outer rules cross (as a spreadsheet exports spacer rows). Over the header, a group
    label spans the last three columns, ruled round without rules between them."""
    c = canvas.Canvas(str(path), pagesize=A4)
    xs = [72.0, 172.0, 232.0, 292.0, 352.0, 412.0, 472.0]
    row, band, y = 18.0, 6.0, 760.0
    c.setFont("Helvetica", 9)
    for r, cells in enumerate([TALLY_GROUPS, *TALLIES]):
        if r:
            c.setFillGray(0.75)
            c.rect(xs[0], y - band, xs[-1] - xs[0], band, stroke=0, fill=1)
            c.setFillGray(0)
            c.line(xs[0], y - band, xs[-1], y - band)
            y -= band
        for x, text in zip(xs, cells):
            c.drawString(x + 4, y - 13, text)
        for x in xs[1:4] if r == 0 else xs[1:-1]:
            c.line(x, y, x, y - row)
        c.line(xs[0], y, xs[-1], y)
        c.line(xs[0], y - row, xs[-1], y - row)
        y -= row
    c.line(xs[0], 760, xs[0], y)
    c.line(xs[-1], 760, xs[-1], y)
    c.showPage()
    c.save()


PRICE_LIST = [
    ["Red wines", "75 cl"],
    ["Domaine des Trois Chênes « Grande Cuvée des Anciens » 2015", "14 €"],
    ["Château Belle Rive « Vieilles Vignes du Plateau » 2016", "12 €"],
    ["Maison Laurent Frères « Clos de la Tour Saint Jean » 2014", "16 €"],
    ["Domaine du Vieux Moulin « Terres Rouges » Réserve 2017", "11 €"],
    ["White wines", "75 cl"],
    ["Château Mont Redon « Les Hauts de Sainte Anne » 2018", "13 €"],
    ["Domaine de Villeneuve « Cuvée Marie Louise » Blanc 2019", "10 €"],
    ["Clos Saint Martin « Coteaux des Trois Sources » 2018", "12 €"],
    ["Maison Fabre Père et Fils « Pierre Blanche » 2017", "15 €"],
]


def price_list_of_long_names(path):
    """A wine list: section headings over items whose names run to seven words or more,
    mostly capitalised (a name, no sentence), each with its price set right."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 780, "Wines by the glass")
    y = 740
    for name, price in PRICE_LIST:
        heading = price.endswith("cl")
        c.setFont("Helvetica-Bold" if heading else "Helvetica", 10)
        if heading and y < 740:
            y -= 12
        c.drawString(72, y, name)
        c.drawRightString(520, y, price)
        y -= 16
    c.showPage()
    c.save()


AGE_GROUPS = ["16-17", "18-19", "20-21", "22-23", "24-25", "26-29", "30-34", "35-49", "50-64"]
INCIDENTS = [2, 34, 41, 50, 59, 17, 22, 25, 10]


def bar_chart_with_values(path: Path) -> None:
    """A bar chart without a caption: gridlines across its plot area, ticks and tick
    labels on its axes, bars filled in one colour standing on the axis, each bar's
    value set over it: no table."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, right, base = 160.0, 480.0, 550.0
    c.setFont("Helvetica", 8)
    for k in range(5):
        y = base + 15 * k
        c.line(left, y, right, y)
        c.line(left - 3, y, left, y)
        c.drawRightString(left - 5, y - 3, str(15 * k))
    c.line(left, base, left, base + 60)
    step = (right - left) / len(AGE_GROUPS)
    c.setFillColorRGB(1, 0, 0)
    for k, value in enumerate(INCIDENTS):
        c.rect(left + step * k + 10, base, 14, value, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for k, (group, value) in enumerate(zip(AGE_GROUPS, INCIDENTS)):
        c.drawCentredString(left + step * k + 17, base + value + 3, str(value))
        c.drawCentredString(left + step * k + 17, base - 12, group)
        c.line(left + step * k, base, left + step * k, base - 2)
    c.drawCentredString((left + right) / 2, base - 24, "Age group")
    c.showPage()
    c.save()


CARDS = [("Wood and Furniture Cluster of Connacht", ["Celtic Composites UAB", "Zagorje Wood UAB", "Bratislava Bio Ltd"]),
         ("Digital Health Cluster of Kurzeme", ["Tallinn Cloudworks OU", "Kvark Labs Ltd"])]
CARDS_CAPTION = "Table 4 - Beneficiary SMEs by cluster"
CARDS_PROSE = ("Some clusters were accompanied by a select number of their SMEs, which could therefore benefit "
               "directly from the event and from the meetings that were arranged for them during the week.")


def _cards_prose(c, top: float, paragraphs: int, left: float) -> float:
    """`paragraphs` paragraphs of running text from `top` down; where the last one ends."""
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=14)
    for _ in range(paragraphs):
        block = Paragraph(CARDS_PROSE, style)
        _, height = block.wrap(A4[0] - 2 * left, 200)
        block.drawOn(c, left, top - height)
        top -= height + 10
    return top


def _folio(c, number: int) -> None:
    """The page number at the foot, centred: the page's furniture."""
    c.setFont("Helvetica", 8)
    c.drawString(A4[0] / 2 - 12, 30, f"Page {number}")


def _benefits_section(c, left: float, paragraphs: int) -> float:
    """The section the cards' table stands in, from the first page's head: its heading
    and `paragraphs` paragraphs; where the last one ends."""
    c.setFont("Helvetica-Bold", 14)
    c.drawString(left, 780, "5 Benefits for SMEs")
    return _cards_prose(c, 765, paragraphs, left)


def _conclusions_and_close(c, top: float, left: float) -> None:
    """The next section from `top` down (its heading and two paragraphs), the second
    page's folio, and the document saved."""
    c.setFont("Helvetica-Bold", 14)
    c.drawString(left, top, "6 Conclusions")
    _cards_prose(c, top - 10, 2, left)
    _folio(c, 2)
    c.showPage()
    c.save()


def boxed_cards_over_a_page_break(path: Path, caption: str | None = "above") -> None:
    """One box per cluster (its name in bold, its SMEs under it), a table of one column
    whose every row is ruled round: the page break falls between the two boxes, one at
    the first page's foot, one at the second page's head. The caption stands over the
    first box ("above"), under the last ("below"), or nowhere (None)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, width = 72.0, 260.0

    def card(top: float, cluster: str, smes: list[str]) -> float:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(left + 4, top - 12, cluster)
        c.setFont("Helvetica", 9)
        for index, sme in enumerate(smes, 1):
            c.drawString(left + 4, top - 12 - 12 * index, f"- {sme}")
        bottom = top - 12 * (len(smes) + 1) - 6
        c.rect(left, bottom, width, top - bottom)
        return bottom

    _benefits_section(c, left, 14)
    if caption == "above":
        c.setFont("Helvetica-Bold", 9)
        c.drawString(left, 150, CARDS_CAPTION)
    card(140, *CARDS[0])
    _folio(c, 1)
    c.showPage()
    bottom = card(790, *CARDS[1])
    if caption == "below":
        c.setFont("Helvetica-Bold", 9)
        c.drawString(left, bottom - 14, CARDS_CAPTION)
    _conclusions_and_close(c, bottom - 50, left)


SPLIT_CARDS = [("Wood and Furniture Cluster of Connacht", ["Celtic Composites UAB", "Zagorje Wood UAB", "Bratislava Bio Ltd"]),
               ("Digital Health Cluster of Kurzeme", ["Tallinn Cloudworks OU", "Kvark Labs Ltd", "Vltava Optics s.r.o."]),
               ("Aerospace Cluster of Parnu", ["Adriatic Boats OU", "Baltic Photonics Ltd"])]


def boxed_cards_broken_inside_a_card(path: Path) -> None:
    """The one-column table of cluster boxes drawn as a grid (one rule between two
    boxes, each side one rule down the whole part on a page), the page break falling
    inside the first box: its name and first SME under the caption at the first
    page's foot, its sides running on to the foot with no rule under them; its other
    SMEs at the next page's head under no rule, then the other two boxes."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, width, pitch = 72.0, 260.0, 12.0

    def lines(top: float, cluster: str | None, smes: list[str]) -> float:
        """A box's text from `top` down; the height it takes."""
        y = top
        if cluster is not None:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(left + 4, y - pitch, cluster)
            y -= pitch
        c.setFont("Helvetica", 9)
        for sme in smes:
            c.drawString(left + 4, y - pitch, f"- {sme}")
            y -= pitch
        return top - y + 6

    _benefits_section(c, left, 14)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(left, 150, CARDS_CAPTION)
    top, frame_bottom = 140.0, 60.0
    lines(top, SPLIT_CARDS[0][0], SPLIT_CARDS[0][1][:1])
    c.line(left, top, left + width, top)
    for x in (left, left + width):
        c.line(x, top, x, frame_bottom)
    _folio(c, 1)
    c.showPage()
    top = bottom = 790.0
    bottom -= lines(bottom, None, SPLIT_CARDS[0][1][1:])
    rules = [bottom]
    for cluster, smes in SPLIT_CARDS[1:]:
        bottom -= lines(bottom, cluster, smes)
        rules.append(bottom)
    for y in rules:
        c.line(left, y, left + width, y)
    for x in (left, left + width):
        c.line(x, top, x, bottom)
    last_bottom = bottom
    _conclusions_and_close(c, last_bottom - 40, left)


OBJECTIVE_HEADER = ["EU cluster", "Organisation", "Objective and next steps", "Technology concerned"]
OBJECTIVE_ROWS = [
    (["Energy and Cleantech", "Cluster Bavaria"], ["Pacific Agro Foods"], ["N/A"], ["Solar thermal"]),
    (["Nordic Plastics"], ["Kansai Robotics"], ["Joint application to a", "bilateral research call"], ["Port logistics"]),
    (["Basque Water", "Technology Cluster"], ["Sierra Water Systems"], ["Pilot project"], ["Composite materials"]),
    (["NPC"], ["Deccan Auto Parts"], ["-"], ["Sensors and monitoring"]),
]
OBJECTIVE_LAST = (["Östergötland Health", "and Life Sciences", "Cluster"], ["Vistula Engineering Lda."],
                  ["Export of equipment;", "sample shipments", "agreed"], ["Composite materials"])


BROKEN_ROW = (["Lagoon Shellfish", "Cluster"], ["Japanese", "Association of"], ["Webinar series for", "the members of"], ["Port logistics"])
BROKEN_ROW_REST = ([], ["Water Industries"], ["both organisations"], [])


def borderless_rows_apart_over_a_page_break(path: Path, broken_phrase: bool = False) -> None:
    """A borderless table whose rows are set further apart than the lines of a wrapped
    cell, run on to the next page's head with one row only, three lines tall, its last
    line starting a capitalised word in the first column ("Cluster"). With
    `broken_phrase`, the page break falls inside the row before it, in the middle of a
    name ("Japanese Association of" / "Water Industries") and of a sentence, the first
    column's name complete on the first page."""
    c = canvas.Canvas(str(path), pagesize=A4)
    xs, size, leading, row_gap = (72.0, 200.0, 320.0, 450.0), 8.5, 10.4, 14.4

    def row(top: float, cells, bold: bool = False) -> float:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        for x, lines in zip(xs, cells):
            for k, text in enumerate(lines):
                c.drawString(x, top - size - k * leading, text)
        return top - leading * (max(len(lines) for lines in cells) - 1) - row_gap

    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, 790, "Table 2 - Cooperation objectives and next steps")
    top = row(775, [[text] for text in OBJECTIVE_HEADER], bold=True)
    count = 0
    while top > (110 if broken_phrase else 80):
        template = OBJECTIVE_ROWS[count % len(OBJECTIVE_ROWS)]
        cells = [template[0], [f"{template[1][0]} {count + 1}", *template[1][1:]], *template[2:]]
        top = row(top, cells)
        count += 1
    if broken_phrase:
        row(top, BROKEN_ROW)
    _folio(c, 1)
    c.showPage()
    top = row(790, BROKEN_ROW_REST) if broken_phrase else 790
    top = row(top, OBJECTIVE_LAST)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, top - 20, "3 Involvement of the SMEs")
    c.setFont("Helvetica", 10)
    c.drawString(72, top - 40, "The involvement of the SMEs strongly depends on the approach taken by each cluster.")
    _folio(c, 2)
    c.showPage()
    c.save()


LISTED = [("Wood and Furniture Cluster of Connacht", ["Celtic Composites UAB", "Zagorje Wood UAB"]),
          ("Digital Health Cluster of Kurzeme", ["Tallinn Cloudworks OU", "Kvark Labs Ltd"]),
          ("Aerospace Cluster of Parnu", ["Adriatic Boats OU", "Baltic Photonics Ltd", "Vltava Optics s.r.o."])]


def ruled_list_captioned_under_over_a_page_break(path: Path) -> None:
    """A one-column table, a bold name then its numbered items in each row, ruled only
    above its first row and under its last, captioned underneath; the page break falls
    before its last row, so the second page holds one row (one cell of four lines)
    between the page's head, the closing rule and the caption."""
    c = canvas.Canvas(str(path), pagesize=A4)
    left, width, size, leading = 72.0, 260.0, 8.5, 10.4

    def listed(top: float, name: str, items: list[str]) -> float:
        c.setFont("Helvetica-Bold", size)
        c.drawString(left + 3, top - size, name)
        c.setFont("Helvetica", size)
        for index, item in enumerate(items, 1):
            c.drawString(left + 3, top - size - leading * index, f"{index}) {item}")
        return top - leading * (len(items) + 1) - 4

    top = _benefits_section(c, left, 13) - 6
    c.line(left, top, left + width, top)
    for name, items in LISTED[:2]:
        top = listed(top - 3, name, items)
    _folio(c, 1)
    c.showPage()
    bottom = listed(790, *LISTED[2]) - 2
    c.line(left, bottom, left + width, bottom)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(left, bottom - 16, CARDS_CAPTION)
    _conclusions_and_close(c, bottom - 52, left)
