import pytest

from extractor.event import organisers, parse_date_range, parse_place
from extractor.narrative import Paragraph
from extractor.profile import load_profile

PROFILE = load_profile()


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Mexico City, Mexico | 25th – 27th of October 2016", "2016-10-25", "2016-10-27"),
        ("took place from the 25th to 27th of October 2016.", "2016-10-25", "2016-10-27"),
        ("3-5 May 2017", "2017-05-03", "2017-05-05"),
        ("October 25-27, 2016", "2016-10-25", "2016-10-27"),
        ("30 November - 2 December 2016", "2016-11-30", "2016-12-02"),
        ("on 7 June 2018", "2018-06-07", "2018-06-07"),
        ("03.05.2017 – 05.05.2017", "2017-05-03", "2017-05-05"),
        ("3-5.5.2017", "2017-05-03", "2017-05-05"),
        ("Wednesday 3 May – Friday 5 May 2017", "2017-05-03", "2017-05-05"),
        ("between 3 and 5 May 2017", "2017-05-03", "2017-05-05"),
        ("held on 12/06/2018 in Lyon", "2018-06-12", "2018-06-12"),
        ("2019-04-08 to 2019-04-10", "2019-04-08", "2019-04-10"),
    ],
)
def test_event_parse_date_range(text, start, end):
    assert parse_date_range(text)[:2] == (start, end)


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("Mexico City, Mexico", "Mexico City", "MX"),
        ("Santiago (Chile)", "Santiago", "CL"),
        ("MEXICO CITY (MEXICO)", "MEXICO CITY", "MX"),
        ("Seoul, South Korea", "Seoul", "KR"),
        ("in Busan (Republic of Korea)", "Busan", "KR"),
        ("Madrid, España", "Madrid", "ES"),
        # the country first, bracketed or not, or a slash between
        ("Egypt (Cairo),", "Cairo", "EG"),
        ("Colombia, Bogotá", "Bogotá", "CO"),
        ("Lima/Peru,", "Lima", "PE"),
        ("Indiana, USA", "Indiana", "US"),
    ],
)
def test_event_parse_place(text, city, country):
    assert parse_place(text, PROFILE) == (city, country)


def test_event_organisers_split_at_parentheses_and_triggers():
    sentence = (
        "The event was jointly supported by the DG Internal Market, Industry, Entrepreneurship and SMEs "
        "(European Commission) and ProMexico (Mexican Government), and organised by the European Cluster "
        "Collaboration Platform in cooperation with the Low Carbon Business Action in Mexico."
    )
    assert organisers([Paragraph(text=sentence, page=3)], PROFILE) == [
        "DG Internal Market, Industry, Entrepreneurship and SMEs (European Commission)",
        "ProMexico (Mexican Government)",
        "European Cluster Collaboration Platform",
        "Low Carbon Business Action in Mexico",
    ]


def _cover(blocks):
    from extractor.layout import PageLayout, Word, words_to_lines

    words = []
    for text, top, size, bold in blocks:
        x = 60.0
        for token in text.split():
            words.append(Word(token, x, top, x + 0.5 * size * len(token), top + size, size, bold))
            x += 0.5 * size * (len(token) + 1)
    return PageLayout(number=1, width=595, height=842, words=words, lines=words_to_lines(words))


def test_event_title_without_any_title_word_is_the_largest_block_that_is_no_date():
    from extractor.event import read_event

    cover = _cover([
        ("Follow-up Report", 120, 14, True),
        ("European Clusters Go Andean", 200, 24, True),
        ("Lima (Peru), 3-5 May 2017", 260, 12, False),
    ])
    event = read_event(cover, [], PROFILE)
    assert (event.title, event.report_type) == ("European Clusters Go Andean", "Follow-up Report")
    assert (event.city, event.country, event.start_date, event.end_date) == ("Lima", "PE", "2017-05-03", "2017-05-05")


def test_event_place_after_the_dates():
    from extractor.event import read_event

    cover = _cover([("Cluster Matchmaking Mission EU/Peru", 200, 24, True), ("MAY 3-5, 2017 | Lima, Peru", 260, 12, False)])
    event = read_event(cover, [], PROFILE)
    assert (event.city, event.country, event.start_date, event.end_date) == ("Lima", "PE", "2017-05-03", "2017-05-05")


def test_event_place_on_its_own_labelled_line():
    from extractor.event import read_event

    cover = _cover([
        ("EU Cluster Partnering Days", 200, 24, True),
        ("Dates: 3-5 May 2017", 260, 12, False),
        ("Venue: Lima, Peru", 276, 12, False),
    ])
    event = read_event(cover, [], PROFILE)
    assert (event.city, event.country, event.start_date) == ("Lima", "PE", "2017-05-03")


def test_event_report_type_is_any_short_line_calling_itself_a_report():
    from extractor.event import read_event

    cover = _cover([
        ("Follow-up Survey Report on the Mission", 120, 16, True),
        ("European Clusters Go Andean", 200, 24, True),
        ("Lima – Peru | 3-5 May 2017", 260, 12, False),
    ])
    event = read_event(cover, [], PROFILE)
    assert (event.title, event.report_type) == ("European Clusters Go Andean", "Follow-up Survey Report on the Mission")
    assert (event.city, event.country) == ("Lima", "PE")


@pytest.mark.parametrize("text", ["Mexico City, Mexico | 25' \u2014 27\" of October 2016", "from the 25\u2019 to 27\u201d of October 2016"])
def test_event_dates_whose_raised_ordinal_endings_ocr_read_as_marks(text):
    """A scan's "25th – 27th" with raised "th" comes out of OCR as "25' — 27\"": still a range."""
    assert parse_date_range(text)[:2] == ("2016-10-25", "2016-10-27")


def test_event_place_on_the_side_of_the_dates_that_names_a_country():
    """"From 3 to 5 May 2018 in Cairo, Egypt": the words before the dates ("From")
    are no place; the side that names a country is."""
    from extractor.event import read_event

    cover = _cover([("Matchmaking Mission of EU Clusters in Egypt", 200, 24, True),
                    ("From 3 to 5 May 2018 in Cairo, Egypt", 260, 12, False)])
    event = read_event(cover, [], PROFILE)
    assert (event.city, event.country, event.start_date, event.end_date) == ("Cairo", "EG", "2018-05-03", "2018-05-05")


def test_event_place_from_the_narrative_is_the_last_in_before_the_country():
    """"The Matchmaking Mission of EU Clusters in Egypt took place in Cairo (Egypt)":
    the title's own "in Egypt" is not the start of the city."""
    from extractor.event import read_event

    text = "The Matchmaking Mission of EU Clusters in Egypt took place in Cairo (Egypt) in 2018, on 3-5 May 2018."
    event = read_event(None, [Paragraph(text=text, page=1)], PROFILE)
    assert (event.city, event.country) == ("Cairo", "EG")
