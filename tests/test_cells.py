import pytest

from extractor import cells
from extractor.profile import load_profile

PROFILE = load_profile()


@pytest.mark.parametrize(
    "text, expected",
    [("Yes", "yes"), ("no", "no"), ("N/A", "n/a"), ("n/a", "n/a"), ("N/a", "n/a"), (None, None), ("  ", None)],
)
def test_cells_parse_answer_spellings(text, expected):
    assert cells.parse_answer(text, PROFILE) == (expected, True)


def test_cells_parse_answer_reports_unknown_text():
    assert cells.parse_answer("maybe later", PROFILE) == (None, False)


@pytest.mark.parametrize("text, expected", [("3", 3), (" 15 ", 15), ("1-3", None), ("1+", None), ("N/A", None), (None, None)])
def test_cells_parse_count(text, expected):
    assert cells.parse_count(text) == expected


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Carbon Trust (non EU firm)", "Carbon Trust", "non_eu_firm"),
        ("ANIERM (non Eu cluster)", "ANIERM", "non_eu_cluster"),
        ("ELAN (EU cluster)", "ELAN", "eu_cluster"),
        ("Green Power Construction (EU firm)", "Green Power Construction", "eu_firm"),
        ("Acme (third-country company)", "Acme", "non_eu_firm"),
        ("Pole X (EU cluster organisation)", "Pole X", "eu_cluster"),
        ("n/a (non EU firm)", None, "non_eu_firm"),
        ("Labizet", "Labizet", None),
        ("CEEC (Clúster d'Eficiència Energètica de Catalunya)", "CEEC (Clúster d'Eficiència Energètica de Catalunya)", None),
    ],
)
def test_cells_split_partner_suffix(text, name, kind):
    parsed = cells.split_partner(text, PROFILE)
    assert (parsed.name, parsed.partner_type) == (name, kind)


def test_cells_cooperation_types_in_printed_order_without_repeats():
    parsed = cells.parse_cooperation_types(
        "R&D Tech. transfer Imp/Exports Knowledge sharing & info exchange R&D", PROFILE
    )
    assert parsed.types == ("research_development", "technology_transfer", "imports_exports", "knowledge_sharing")
    assert parsed.leftover == ()


def test_cells_cooperation_types_keep_unknown_text():
    parsed = cells.parse_cooperation_types("Establishment of business contacts among members", PROFILE)
    assert parsed.types == ("business_contacts",)
    assert parsed.leftover == ("among members",)


def test_cells_cooperation_types_longest_spelling_wins():
    parsed = cells.parse_cooperation_types("Knowledge sharing & information exchange", PROFILE)
    assert parsed.types == ("knowledge_sharing",)
    assert parsed.leftover == ()


def test_cells_text_value_marks_na_and_blank_apart():
    assert cells.text_value("N/A", PROFILE) == "n/a"
    assert cells.text_value("", PROFILE) is None
    assert cells.text_value("Info. exchange", PROFILE) == "Info. exchange"


def test_cells_split_bullets_joins_wrapped_items():
    heading, items = cells.split_bullets(("Basque Energy", "Cluster", "•Zigor", "•Erreka Fastening", "Solutions"), PROFILE)
    assert heading == ["Basque Energy", "Cluster"]
    assert items == ["Zigor", "Erreka Fastening Solutions"]
