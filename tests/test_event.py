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
