import pytest

from extractor.entities import EntityRegistry, ReportEntities, compare, decision_for
from extractor.entities.normalise import fold, split_acronym


@pytest.mark.parametrize(
    "a, b",
    [
        ("ArchEnerg", "Archenerg"),
        ("ArchEnerg", "ArchEnergy"),
        ("ARIA Normandy", "ARIA Normandie"),
        ("ZINNAE", "Zinnae"),
        ("CWP - Catalan Water Partnership", "Catalan Water Partnership"),
        ("CWP - Catalan Water Partnership", "CWP"),
        ("CEEC - Cluster d'Eficiència Energètica de Catalunya", "CEEC - C'Eficiència Energètica de Catalunya"),
        ("CEEC - Cluster d'Eficiència Energètica de Catalunya", "CEEC (Clúster d'Eficiència Energètica de Catalunya)"),
        ("CEEC - Cluster d'Eficiència Energètica de Catalunya", "Cluster d'Eficiència Energètica de Catalunya (CEEC)"),
        ("Oekoenergie-Cluster (OEC)", "OEC - Ökoenergie-Cluster"),
        ("Oekoenergie-Cluster (OEC)", "Oekoenergie Cluster"),
        ("Oekoenergie-Cluster (OEC)", "Okoenergie"),
        ("PRO WOOD", "PRO WOOD Regional Wood Cluster"),
        ("PRO WOOD", "ProWood"),
        ("Lombardy Energy Cleantech Cluster", "Energy Cleantech Cluster"),
    ],
)
def test_entities_same_body_spellings_are_accepted(a, b):
    assert decision_for(compare(a, b)) == "accept", compare(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Green Power Construction", "Green Synergy Cluster"),
        ("Basque Energy Cluster", "Energy Cleantech Cluster"),
        ("Cluster A", "Cluster B"),
        ("Water Alliance", "Water treatment engineering"),
        ("Green Energy Innovative Biomass Cluster", "Green Synergy Cluster"),
    ],
)
def test_entities_distinct_bodies_are_not_accepted(a, b):
    assert decision_for(compare(a, b)) != "accept", compare(a, b)


def test_entities_fold_and_acronyms():
    assert fold("Ökoenergie-Cluster & Co.") == "okoenergie cluster and co"
    assert split_acronym("CWP - Catalan Water Partnership") == ("CWP", "Catalan Water Partnership")
    assert split_acronym("Oekoenergie-Cluster (OEC)") == ("OEC", "Oekoenergie-Cluster")
    assert split_acronym("Carbon Trust") == (None, "Carbon Trust")


def test_entities_partner_that_is_a_delegation_cluster_gets_its_id():
    report = ReportEntities(EntityRegistry())
    ceec = report.delegation_member("CEEC - Cluster d'Eficiència Energètica de Catalunya", "ES")
    lombardy = report.delegation_member("Lombardy Energy Cleantech Cluster", "IT")
    basque = report.delegation_member("Basque Energy Cluster", "ES")
    assert report.organisation("CEEC (Clúster d'Eficiència Energètica de Catalunya)", True, None).id == ceec.id
    assert report.organisation("Energy Cleantech Cluster", False, None).id == lombardy.id
    other = report.organisation("Green Power Construction", False, None)
    assert other.id not in {ceec.id, lombardy.id, basque.id}
    names = {e.name: e for e in report.entities()}
    assert names["CEEC - Cluster d'Eficiència Energètica de Catalunya"].aliases == sorted(
        ["CEEC - Cluster d'Eficiència Energètica de Catalunya", "CEEC (Clúster d'Eficiència Energètica de Catalunya)"]
    )


def test_entities_unknown_cluster_name_is_reported_not_guessed():
    report = ReportEntities(EntityRegistry())
    report.delegation_member("Water Alliance", "NL")
    ref = report.cluster("Aerospace Valley", None)
    assert ref.name == "Aerospace Valley"
    assert [f.code for f in report.findings] == ["unresolved_name"]


def test_entities_acronym_with_kind_word_is_the_acronym_holder():
    assert decision_for(compare("TEMA Cluster", "TEMA - Advanced Materials Cluster")) == "accept"
    assert decision_for(compare("TEMA Cluster", "TEMO - Advanced Materials Cluster")) != "accept"
