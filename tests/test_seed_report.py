"""The checks the first extraction issue names, stated directly on the seed fixture."""

from collections import Counter


def test_seed_delegation_and_survey(seed_report):
    assert len(seed_report.delegation) == 14
    answered = [m.cluster.name for m in seed_report.delegation if m.responded_survey]
    missing = {m.cluster.name for m in seed_report.delegation if m.responded_survey is False}
    assert len(answered) == 12
    assert missing == {"Oekoenergie-Cluster (OEC)", "PRO WOOD"}
    assert {r.id for r in seed_report.survey.non_respondents} == {
        m.cluster.id for m in seed_report.delegation if m.responded_survey is False
    }


def test_seed_cooperation_agreements_per_cluster_and_sums(seed_report):
    rows = seed_report.cooperation_agreements
    per_cluster = Counter(r.cluster.name for r in rows)
    assert per_cluster == {
        "Agrofood Regional Cluster": 10,
        "Basque Energy Cluster": 4,
        "ArchEnerg": 2,
        "CWP - Catalan Water Partnership": 2,
        "CD2E": 1,
        "Water Alliance": 1,
    }
    assert sum(r.smes_benefited or 0 for r in rows) == 28
    assert sum(r.future_smes_direct or 0 for r in rows) == 57
    assert sum(r.future_smes_indirect or 0 for r in rows) == 135
    stated = {f.key: f.value for f in seed_report.key_figures}
    assert (stated["smes_directly_benefited"], stated["smes_future_direct"], stated["smes_future_indirect"]) == (28, 57, 135)


def test_seed_other_tables_counts(seed_report):
    assert len(seed_report.sme_involvement) == 12
    assert len(seed_report.benefited_smes) == 5
    assert len(seed_report.formal_agreements) == 14
    assert len(seed_report.cooperation_objectives) == 20


def test_seed_sum_checks_agree_except_formal_agreements(seed_report):
    checks = {f.provenance.page if f.provenance else None: f for f in seed_report.findings if f.code == "sum_check"}
    by_key = {f.message.split(":")[0]: f for f in seed_report.findings if f.code == "sum_check"}
    assert checks
    assert by_key["smes_directly_benefited"].severity == "info"
    assert by_key["formal_agreements_signed"].severity == "warning"
    assert (by_key["formal_agreements_signed"].expected, by_key["formal_agreements_signed"].found) == (0, 1)


SPELLING_GROUPS = [
    ["ArchEnerg", "Archenerg", "ArchEnergy"],
    ["ARIA Normandy", "ARIA Normandie"],
    ["ZINNAE", "Zinnae"],
    ["CWP - Catalan Water Partnership", "Catalan Water Partnership", "CWP"],
    ["CEEC - Cluster d'Eficiència Energètica de Catalunya", "CEEC - C'Eficiència Energètica de Catalunya",
     "CEEC (Clúster d'Eficiència Energètica de Catalunya)", "Cluster d'Eficiència Energètica de Catalunya (CEEC)"],
    ["Oekoenergie-Cluster (OEC)", "OEC - Ökoenergie-Cluster", "Oekoenergie Cluster", "Okoenergie"],
    ["PRO WOOD", "PRO WOOD Regional Wood Cluster", "ProWood", "Pro Wood"],
    ["Lombardy Energy Cleantech Cluster", "Energy Cleantech Cluster", "Lombardy Energy Cleantech Cluster (LE2C)"],
]


def test_seed_every_spelling_group_is_one_entity(seed_report):
    owner = {alias: e.id for e in seed_report.entities for alias in e.aliases}
    for group in SPELLING_GROUPS:
        assert {owner.get(spelling) for spelling in group} == {owner[group[0]]}, group


def test_seed_partners_that_are_delegation_clusters_share_their_id(seed_report):
    delegation = {m.cluster.name: m.cluster.id for m in seed_report.delegation}
    partners = {a.partner.raw: a.partner.id for a in seed_report.cooperation_agreements if a.partner}
    assert partners["Green Synergy Cluster"] == delegation["Green Synergy Cluster"]
    assert partners["CEEC (Clúster d'Eficiència Energètica de Catalunya)"] == delegation["CEEC - Cluster d'Eficiència Energètica de Catalunya"]
    assert partners["Energy Cleantech Cluster"] == delegation["Lombardy Energy Cleantech Cluster"]
    assert partners["Green Power Construction"] != delegation["Green Synergy Cluster"]
    assert delegation["Basque Energy Cluster"] != delegation["Lombardy Energy Cleantech Cluster"]
