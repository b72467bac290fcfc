from extractor.entities import EntityRegistry, ReportEntities
from extractor.entities.mentions import find_mentions


def report_with(*names):
    report = ReportEntities(EntityRegistry())
    for name in names:
        report.delegation_member(name, None)
    return report


def test_mentions_learn_acronyms_the_document_defines():
    report = report_with("Lombardy Energy Cleantech Cluster", "Basque Energy Cluster")
    texts = [
        "For example, the Lombardy Energy Cleantech Cluster (LE2C) did not show any positive result.",
        "Later LE2C reported five SMEs.",
    ]
    found = [(m.text, m.entity.name) for m in find_mentions(texts, report.members(), report.resolver)]
    assert found == [
        ("Lombardy Energy Cleantech Cluster (LE2C)", "Lombardy Energy Cleantech Cluster"),
        ("LE2C", "Lombardy Energy Cleantech Cluster"),
    ]


def test_mentions_fuzzy_spellings_and_sentence_starts():
    report = report_with("Oekoenergie-Cluster (OEC)", "PRO WOOD", "ArchEnerg", "Green Synergy Cluster")
    texts = ["Since Okoenergie and Pro Wood did not answer, ArchEnergy and the Green Synergy Cluster (Bulgaria) did."]
    found = [(m.text, m.entity.name) for m in find_mentions(texts, report.members(), report.resolver)]
    assert sorted(found) == sorted([
        ("Okoenergie", "Oekoenergie-Cluster (OEC)"),
        ("Pro Wood", "PRO WOOD"),
        ("ArchEnergy", "ArchEnerg"),
        ("Green Synergy Cluster", "Green Synergy Cluster"),
    ])


def test_mentions_leave_other_bodies_alone():
    report = report_with("Basque Energy Cluster", "Water Alliance")
    texts = ["The European Cluster Collaboration Platform (ECCP) met the Energy Cleantech Cluster and Water Europe."]
    assert find_mentions(texts, report.members(), report.resolver) == []


def test_mentions_change_entities_only_through_the_registry():
    report = report_with("Lombardy Energy Cleantech Cluster", "Basque Energy Cluster")
    before = report.registry.version
    find_mentions(["The Lombardy Energy Cleantech Cluster (LE2C) met us."], report.members(), report.resolver)
    lombardy = report.registry.get(report.delegation[0])
    assert "LE2C" in lombardy.acronyms
    assert report.registry.version > before  # so that the resolver's index sees the acronym


def test_mentions_a_name_with_words_dropped_keeps_its_for():
    """'Pomerania Cluster for Creative Innovation' for '... for Creative Industries and
    Innovation' (fresh dev seed 6, pool D report 2): a name's 'for' between capitalised
    words belongs to the name, so the mention is read whole, not as 'Pomerania Cluster'
    and 'Creative Innovation', which name no member alone."""
    report = report_with("Pomerania Cluster for Creative Industries and Innovation",
                         "Thuringia Cluster for Tourism and Innovation", "Minho Tourism Alliance")
    texts = ["Despite several reminders, Pomerania Cluster for Creative Innovation and Thuringia Cluster "
             "for Tourism and Innovation did not answer the follow-up survey."]
    found = [(m.text, m.entity.name) for m in find_mentions(texts, report.members(), report.resolver)]
    assert sorted(found) == [
        ("Pomerania Cluster for Creative Innovation", "Pomerania Cluster for Creative Industries and Innovation"),
        ("Thuringia Cluster for Tourism and Innovation", "Thuringia Cluster for Tourism and Innovation"),
    ]
