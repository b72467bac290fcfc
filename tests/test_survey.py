"""Survey answers read from what the report says: a legend for bold names, running
text measured outside tables."""

import pytest

from extractor.assemble import build_records
from extractor.entities import EntityRegistry, ReportEntities
from extractor.layout import PageLayout, Word, body_font_size
from extractor.narrative import Paragraph
from extractor.pipeline import _emphasis_legend
from extractor.profile import load_profile
from extractor.stitch import stitch

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()


@pytest.mark.parametrize(
    "sentence, meaning",
    [
        ("Clusters shown in bold took part in the questionnaire and answered it.", True),
        ("The names set in boldface are those of the clusters that responded.", True),
        ("Clusters highlighted in the table did not respond to the survey.", False),
        ("Respondents are shown in bold.", True),
        ("Clusters printed in heavy type gave feedback on the mission.", True),
        ("Names in bold: clusters that sent back the questionnaire.", True),
        ("The bold line of the table gives the total.", None),
        ("All clusters answered the survey.", None),
    ],
)
def test_survey_legend_says_what_bold_names_mean(sentence, meaning):
    assert _emphasis_legend([Paragraph(text=sentence, page=2)], PROFILE) is meaning


def test_survey_delegation_records_remember_bold_names():
    raw = raw_table([["#", "Cluster", "Country"], ["1", "Alpha Cluster", "Spain"], ["2", "Beta Cluster", "Italy"]], page=3)
    grid = list(raw.grid)
    cell = grid[1][1]
    grid[1] = (grid[1][0], type(cell)(text=cell.text, lines=cell.lines, bold=True, bbox=cell.bbox), grid[1][2])
    raw = type(raw)(**{**raw.__dict__, "grid": tuple(grid)})
    records = build_records(stitch([(empty_layout(3), [raw])], PROFILE), PROFILE, ReportEntities(EntityRegistry()))
    assert records.delegation_emphasis == [True, False]


def test_survey_body_size_is_measured_outside_tables():
    """An annex table in 5 pt type holds more characters than the narrative in 10 pt:
    running text is still 10 pt."""
    narrative = [Word("word", 50 + 30 * i, 100, 75 + 30 * i, 110, 10.0, False) for i in range(10)]
    table = [Word("cell", 50 + 15 * i, 400 + 6 * j, 62 + 15 * i, 405 + 6 * j, 5.0, False) for i in range(20) for j in range(10)]
    layout = PageLayout(number=1, width=595, height=842, words=narrative + table, lines=[])
    assert body_font_size([layout]) == 5.0
    assert body_font_size([layout], {1: [(40, 390, 400, 470)]}) == 10.0


def test_survey_stated_only_as_a_rate_is_a_survey():
    """"Participation in the survey reached 71 %": no count of participants or of
    respondents, the rate alone is the survey's figure."""
    from extractor.pipeline import _survey
    from extractor.assemble import RecordSet
    from schemas.records import KeyFigure, Provenance

    figures = [KeyFigure(key="response_rate", value=0.71, text="Participation in the survey reached 71 %.",
                         provenance=Provenance(page=2))]
    paras = [Paragraph(text="Participation in the survey reached 71 %.", page=2)]
    survey = _survey(figures, paras, PROFILE, ReportEntities(EntityRegistry()), RecordSet())
    assert survey is not None
    assert (survey.participants, survey.respondents, survey.response_rate) == (None, None, 0.71)


def test_survey_a_name_abbreviated_before_a_comma_stays_in_its_sentence():
    """'... Competence Ctr., ICT Cluster ... did not answer': an abbreviation's dot followed
    by a comma ends no sentence (no sentence ends on a comma or starts after one), so the
    first name listed stays with the verb that says it did not answer (fresh dev seed 5,
    pool C report 17: that member read as a respondent)."""
    from extractor.narrative import sentence_with

    text = ("Despite several reminders, Alpha Health Competence Ctr., Beta Cluster and Gamma Klaster "
            "did not answer the follow-up survey. The others did.")
    [(sentence, page)] = sentence_with([Paragraph(text=text, page=2)], ("did not answer",))
    assert sentence.startswith("Despite several reminders, Alpha Health Competence Ctr.,") and page == 2
