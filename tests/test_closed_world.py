"""Names inside one report resolved among its own delegation (entities/closed_world.py).

Every name here is invented; none comes from the fixtures.
"""

import pytest

from extractor.entities import EntityRegistry, ReportEntities
from extractor.entities.closed_world import ClosedWorld, definitions_in, initials_fit
from extractor.entities.mentions import find_mentions
from extractor.entities.normalise import fold_transliterated


def closed_world(*names, texts=()):
    registry = EntityRegistry()
    members = [registry.add(name, "cluster") for name in names]
    world = ClosedWorld(lambda: members)
    world.learn(list(texts))
    return world, {m.name: m for m in members}


def resolved(world, raw, narrative=False):
    match = world.match(raw, narrative=narrative)
    return (match.entity.name, match.rule) if match else None


def report_with(*names, closed_world=True):
    report = ReportEntities(EntityRegistry(), closed_world=closed_world)
    ids = {name: report.delegation_member(name, None).id for name in names}
    return report, ids


# -- rule 1: acronyms defined anywhere in the document --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last year the Fjordland Seafood Innovation Network (FJORDSEA) hosted the visit.",
        "FJORDSEA (Fjordland Seafood Innovation Network) hosted the visit.",
        "FJORDSEA – Fjordland Seafood Innovation Network hosted the visit.",
        "FJORDSEA - Fjordland Seafood Innovation Network",
    ],
)
def test_closed_world_defined_acronym_in_each_form(text):
    world, _ = closed_world("Fjordland Seafood Innovation Network", "Lusitania Cork Association", texts=[text])
    assert resolved(world, "FJORDSEA") == ("Fjordland Seafood Innovation Network", "defined_acronym")


def test_closed_world_definition_learned_before_the_table_that_uses_it():
    report, ids = report_with("Fjordland Seafood Innovation Network", "Lusitania Cork Association")
    report.learn_definitions(["In the annex, the Fjordland Seafood Innovation Network (FJORDSEA) reports three SMEs."])
    ref = report.cluster("FJORDSEA", None)
    assert ref.id == ids["Fjordland Seafood Innovation Network"]
    assert report.findings == []
    assert [(d.raw, d.rule) for d in report.closed_world_log()] == [("FJORDSEA", "defined_acronym")]


def test_closed_world_definition_must_fit_the_acronym_letters():
    assert initials_fit("FJORDSEA", "Fjordland Seafood Innovation Network")
    assert not initials_fit("EU", "Fjordland Seafood Innovation Network")
    assert definitions_in("the Fjordland Seafood Innovation Network (EU) signed") == []


@pytest.mark.parametrize(
    "text",
    [
        "The members were Lisbon Software Cluster (LSC), Lagoon Shellfish Cluster (LSCX) and others.",
        "The members were LSC (Lisbon Software Cluster), LSCX (Lagoon Shellfish Cluster) and others.",
    ],
)
def test_closed_world_acronym_made_unique_by_a_letter_of_its_own_is_defined_as_the_member_it_follows(text):
    world, _ = closed_world("Lisbon Software Cluster", "Lagoon Shellfish Cluster", "Lusitania Cork Association", texts=[text])
    assert resolved(world, "LSCX") == ("Lagoon Shellfish Cluster", "defined_acronym")
    assert resolved(world, "LSC") == ("Lisbon Software Cluster", "defined_acronym")


@pytest.mark.parametrize(
    "text",
    [
        "the Lagoon Shellfish Cluster (LSXQ) signed",  # two letters of its own
        "the Lagoon Shellfish Cluster (EU) signed",  # its first letter is not the name's
        "the Lagoon Shellfish Cluster Network (LSCX) signed",  # a letter short, and no member's name
    ],
)
def test_closed_world_acronym_with_a_letter_of_its_own_defines_nothing_else(text):
    world, _ = closed_world("Lagoon Shellfish Cluster", "Lusitania Cork Association", texts=[text])
    assert resolved(world, text.split("(")[1].split(")")[0]) is None


def test_closed_world_acronym_with_a_kind_after_it_defines_nothing_and_stays_initials():
    """A partner cell "LSC - cluster (EU)" gives the partner's kind after a dash, not a
    long name (a long name is a name: it starts with a capital)."""
    assert definitions_in("LSC - cluster (EU)") == []
    world, _ = closed_world("Lagoon Shellfish Cluster", "Lusitania Cork Association", texts=["LSC - cluster (EU)"])
    assert resolved(world, "LSC") == ("Lagoon Shellfish Cluster", "initials")


def test_closed_world_acronym_with_a_capitalised_kind_in_brackets_defines_nothing_and_stays_initials():
    """A partner cell "LSC (European cluster organisation)" gives the partner's kind in
    brackets: a long name capitalises its words, and "cluster organisation" does not
    (dev pool C seed 3 report 5: GICA for Gozo Innovation Cluster for Agrifood)."""
    assert definitions_in("LSC (European cluster organisation)") == []
    world, _ = closed_world("Lagoon Shellfish Cluster", "Lusitania Cork Association",
                            texts=["LSC (European cluster organisation)"])
    assert resolved(world, "LSC") == ("Lagoon Shellfish Cluster", "initials")
    assert definitions_in("LCA (Lusitania Cork Association)")[0].spans == ("Lusitania Cork Association",)


def test_closed_world_acronym_defined_as_a_non_member_is_not_initials():
    texts = ["Thanks to the European Cluster Collaboration Platform (ECCP), 12 clusters took part."]
    world, _ = closed_world("Estonian Cleantech Cluster Partnership", "Lusitania Cork Association", texts=texts)
    assert resolved(world, "ECCP") is None
    report, ids = report_with("Estonian Cleantech Cluster Partnership", "Lusitania Cork Association")
    report.learn_definitions(texts)
    found = find_mentions(["The ECCP team thanks every cluster."], report.members(), report.resolver)
    assert found == []
    assert report.cluster("ECCP", None).id not in ids.values()


# -- rule 2: initials ----------------------------------------------------------------


@pytest.mark.parametrize(
    "acronym, name",
    [
        ("LSC", "Lagoon Shellfish Cluster"),
        ("BMAC", "Brabant Mobility and Automotive Cluster"),  # "and" skipped
        ("BMA", "Brabant Mobility and Automotive Cluster"),  # the kind word left out too
        ("CMV", "Clúster de Maquinaria del Vinalopó"),  # Spanish articles skipped, accents folded
        ("HCNS", "Holz-Cluster Nordheide Süd"),  # a hyphenated compound read as two words
        ("HNS", "Holz-Cluster Nordheide Süd"),  # or as one
        ("LS", None),  # two letters are never read as initials
        ("GWF", "Gießen Wind Forum"),
    ],
)
def test_closed_world_initials(acronym, name):
    world, _ = closed_world(
        "Lagoon Shellfish Cluster",
        "Brabant Mobility and Automotive Cluster",
        "Clúster de Maquinaria del Vinalopó",
        "Holz-Cluster Nordheide Süd",
        "Gießen Wind Forum",
    )
    found = resolved(world, acronym)
    assert (found[0] if found else None) == name
    if name:
        assert found[1] == "initials"


def test_closed_world_same_initials_twice_resolve_nothing():
    world, _ = closed_world("Rhine Sensor Cluster", "Rhône Solar Cluster", "Lagoon Shellfish Cluster")
    assert resolved(world, "RSC") is None
    assert world.log[-1].rule == "ambiguous"
    assert len(world.log[-1].candidates) == 2


# -- rule 3: abbreviated words -------------------------------------------------------


@pytest.mark.parametrize(
    "raw, name",
    [
        ("Lusitania Cork Assoc.", "Lusitania Cork Association"),
        ("Lusitania Cork Assn", "Lusitania Cork Association"),
        ("Lusitania Cork Assoc", "Lusitania Cork Association"),
        ("Alpine Timber Tech. Cluster", "Alpine Timber Technology Cluster"),
        ("Natl. Alpine Timber Cluster", "National Alpine Timber Cluster"),
        ("Fjord Marine Competence Ctr.", "Fjord Marine Competence Centre"),
    ],
)
def test_closed_world_abbreviated_words(raw, name):
    world, _ = closed_world(
        "Lusitania Cork Association", "Alpine Timber Technology Cluster", "National Alpine Timber Cluster",
        "Fjord Marine Competence Centre",
    )
    assert resolved(world, raw) == (name, "abbreviation")


def test_closed_world_abbreviation_needs_a_word_printed_in_full():
    world, _ = closed_world("Lusitania Cork Association", "Alpine Timber Technology Cluster")
    assert resolved(world, "Lus. Cor. Assoc.") is None
    assert resolved(world, "Alp Tim Tech") is None


# -- rule 4: transliterations --------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kärntner Holztechnik", "Kaerntner Holztechnik"),
        ("Süderbrarup", "Suederbrarup"),
        ("Øresund Wind", "Oeresund Wind"),
        ("Ålesund", "Aalesund"),
        ("Großwald", "Grosswald"),
        ("Færøsk", "Faeroesk"),
        ("Tōhoku Kōgyō Kyōkai", "Touhoku Kougyou Kyoukai"),
        ("Tōhoku Kōgyō Kyōkai", "Tohoku Kogyo Kyokai"),
        ("Kyūshū", "Kyuushuu"),
        ("Bāvānī", "Bavani"),
    ],
)
def test_closed_world_transliterations_fold_alike(a, b):
    assert fold_transliterated(a) == fold_transliterated(b)


def test_closed_world_transliterated_names_resolve():
    world, _ = closed_world("Tōhoku Kōgyō Kyōkai", "Søndermark Wind Cluster", "Großwald Forestry Network")
    assert resolved(world, "Touhoku Kougyou Kyoukai") == ("Tōhoku Kōgyō Kyōkai", "same_words")
    assert resolved(world, "SOENDERMARK WIND CLUSTER") == ("Søndermark Wind Cluster", "same_words")
    assert resolved(world, "Grosswald Forestry Network") == ("Großwald Forestry Network", "same_words")


# -- rule 5: dropped words, case, "the" ----------------------------------------------


@pytest.mark.parametrize(
    "raw, rule",
    [
        ("Brabant Automotive Cluster", "dropped_words"),
        ("Brabant Automotive", "dropped_words"),
        ("Brabant Mobility Cluster", "dropped_words"),
        ("BRABANT MOBILITY AND AUTOMOTIVE CLUSTER", "same_words"),
        ("the Brabant Mobility and Automotive Cluster", "same_words"),
        ("Brabant Mobility & Automotive", "generic_words"),
    ],
)
def test_closed_world_dropped_words_case_and_articles(raw, rule):
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Lagoon Shellfish Cluster", "Brabant Dairy Network")
    assert resolved(world, raw) == ("Brabant Mobility and Automotive Cluster", rule)


def test_closed_world_dropped_words_must_keep_two_distinctive_words():
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Lagoon Shellfish Cluster")
    assert resolved(world, "Brabant Cluster") is None
    assert resolved(world, "Automotive Cluster") is None
    assert resolved(world, "Cluster") is None


def test_closed_world_dropped_words_unique_in_the_list():
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Brabant Automotive Suppliers Cluster")
    assert resolved(world, "Brabant Automotive Cluster") is None
    assert world.log[-1].rule == "ambiguous"


def test_closed_world_a_stricter_rule_wins():
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Brabant Automotive Cluster")
    assert resolved(world, "Brabant Automotive Cluster") == ("Brabant Automotive Cluster", "same_words")


def test_closed_world_distinctive_word_absent_from_every_member():
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Lagoon Shellfish Cluster", "Lusitania Cork Association")
    assert resolved(world, "Brabant Hydrogen Cluster") is None
    assert resolved(world, "Lagoon Oyster Cluster") is None
    assert resolved(world, "Lusitania Wine Association") is None


def test_closed_world_kind_word_may_not_replace_another():
    world, _ = closed_world("Fjordland Seafood Innovation Network", "Lagoon Shellfish Cluster")
    assert resolved(world, "Fjordland Seafood Cluster") is None
    assert resolved(world, "Fjordland Seafood Innovation") == ("Fjordland Seafood Innovation Network", "generic_words")


@pytest.mark.parametrize("raw", ["Cluster B", "CLUSTER B", "Cluster C", "Cluster"])
def test_closed_world_cluster_a_is_never_cluster_b(raw):
    world, _ = closed_world("Cluster A", "Cluster E", "Lagoon Shellfish Cluster")
    assert resolved(world, raw) is None


def test_closed_world_one_letter_designators_are_not_articles():
    world, _ = closed_world("Cluster A", "Cluster E")
    assert resolved(world, "CLUSTER A") == ("Cluster A", "same_words")
    assert resolved(world, "cluster e") is None  # printed in lower case, "e" reads as "and"


# -- ReportEntities and narrative mentions --------------------------------------------


DELEGATION = (
    "Fjordland Seafood Innovation Network",
    "Alpine Timber Technology Cluster",
    "Lusitania Cork Association",
    "Tōhoku Kōgyō Kyōkai",
    "Brabant Mobility and Automotive Cluster",
)
VARIANTS = {
    "FJORDSEA": "Fjordland Seafood Innovation Network",
    "ALTEC": "Alpine Timber Technology Cluster",
    "Alpine Timber Tech. Cluster": "Alpine Timber Technology Cluster",
    "Lusitania Cork Assoc.": "Lusitania Cork Association",
    "Lusitania Cork Asso.": "Lusitania Cork Association",
    "LCA": "Lusitania Cork Association",
    "Touhoku Kougyou Kyoukai": "Tōhoku Kōgyō Kyōkai",
    "Brabant Automotive Cluster": "Brabant Mobility and Automotive Cluster",
    "BMAC": "Brabant Mobility and Automotive Cluster",
}
NARRATIVE = [
    "The Fjordland Seafood Innovation Network (FJORDSEA) and ALTEC (Alpine Timber Technology Cluster) led the visits.",
    "Thanks to the European Cluster Collaboration Platform (ECCP), every cluster met partners.",
]


def test_closed_world_needed_for_report_variants():
    report, ids = report_with(*DELEGATION)
    report.learn_definitions(NARRATIVE)
    for raw, name in VARIANTS.items():
        assert report.cluster(raw, None).id == ids[name], raw
    assert report.findings == []
    rules = {d.raw: d.rule for d in report.closed_world_log()}
    assert rules["FJORDSEA"] == "defined_acronym" and rules["Lusitania Cork Assoc."] == "abbreviation"

    plain, plain_ids = report_with(*DELEGATION, closed_world=False)
    plain.learn_definitions(NARRATIVE)
    missed = [raw for raw, name in VARIANTS.items() if plain.cluster(raw, None).id != plain_ids[name]]
    # "Assoc." is a legal-form abbreviation of the ISO 20275 list, so the archive-wide
    # rules accept it too; "Asso." is not, and only the closed world reads it.
    assert {"FJORDSEA", "ALTEC", "Lusitania Cork Asso.", "Touhoku Kougyou Kyoukai"} <= set(missed)
    assert plain.closed_world_log() == []


def test_closed_world_narrative_mentions():
    report, ids = report_with(*DELEGATION)
    texts = NARRATIVE + ["Later FJORDSEA and the Lusitania Cork Assoc. signed; Touhoku Kougyou Kyoukai did not answer."]
    found = {(m.text, m.entity.id) for m in find_mentions(texts, report.members(), report.resolver)}
    assert ("FJORDSEA", ids["Fjordland Seafood Innovation Network"]) in found
    assert ("Lusitania Cork Assoc", ids["Lusitania Cork Association"]) in found or (
        "Lusitania Cork Assoc.",
        ids["Lusitania Cork Association"],
    ) in found
    assert ("Touhoku Kougyou Kyoukai", ids["Tōhoku Kōgyō Kyōkai"]) in found
    assert not any(text.startswith("European") or text == "ECCP" for text, _ in found)

    plain, _ = report_with(*DELEGATION, closed_world=False)
    plain_found = {m.text for m in find_mentions(texts, plain.members(), plain.resolver)}
    assert "Touhoku Kougyou Kyoukai" not in plain_found


def test_closed_world_narrative_leaves_known_non_members_alone():
    report, ids = report_with(*DELEGATION)
    partner = report.organisation("Alpine Timber Tech", False, None)
    assert partner.id not in ids.values()
    found = find_mentions(["We met Alpine Timber Tech in Graz."], report.members(), report.resolver)
    assert found == []
    assert report.closed_world_log()[-1].rule == "vetoed"


def test_closed_world_partner_names_stay_open_world():
    report, ids = report_with(*DELEGATION)
    assert report.organisation("Lusitania Cork Asso.", False, None).id not in ids.values()


def test_closed_world_long_name_with_acronym_must_fit_the_name():
    world, _ = closed_world("Brabant Mobility and Automotive Cluster", "Lagoon Shellfish Cluster")
    assert resolved(world, "BMAC - Brabant Mobility and Automotive Cluster")[0] == "Brabant Mobility and Automotive Cluster"
    assert resolved(world, "BMAC - Berlin Medical Association") is None


def test_closed_world_definition_of_a_non_member_entity_is_no_contradiction():
    # no delegation table was read: the cluster cells made their own entities
    report = ReportEntities(EntityRegistry())
    report.learn_definitions(["The Brabant Dairy Network (BDN) hosted the visit."])
    first = report.cluster("Brabant Dairy Network", None)
    assert report.cluster("BDN", None).id == first.id
    assert all(d.rule != "contradicted" for d in report.closed_world_log())


def test_closed_world_same_words_in_another_order_tie():
    world, _ = closed_world("Lombardy Water Technology Cluster", "Water Technology Cluster Lombardy", "Lagoon Shellfish Cluster")
    assert resolved(world, "Water Cluster Lombardy") is None
    assert resolved(world, "Lombardy Water Tech. Cluster") is None
    assert world.log[-1].rule == "ambiguous"
    assert resolved(world, "Water Technology Cluster Lombardy") == ("Water Technology Cluster Lombardy", "same_words")


def test_closed_world_first_words_alone_are_a_place():
    world, _ = closed_world("Upper Austria Food Processing Cluster", "Île-de-France Water Technology Cluster", "Lagoon Shellfish Cluster")
    assert resolved(world, "Upper Austria") is None
    assert resolved(world, "Île-de-France") is None
    assert resolved(world, "Upper Austria Food") == ("Upper Austria Food Processing Cluster", "dropped_words")
    assert resolved(world, "Upper Austria Cluster") == ("Upper Austria Food Processing Cluster", "dropped_words")


def test_closed_world_words_from_the_middle_are_a_topic():
    world, _ = closed_world("Skane Mobility and Automotive Innovation Network", "Lagoon Shellfish Cluster")
    assert resolved(world, "Automotive Innovation") is None
    assert resolved(world, "Automotive Innovation Network") == ("Skane Mobility and Automotive Innovation Network", "dropped_words")
