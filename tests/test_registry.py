import json

from typer.testing import CliRunner

from extractor.cli import app
from extractor.entities.link import link_report, review_queue_path
from extractor.entities.registry import EntityRegistry

from .conftest import extracted

runner = CliRunner()


def ids(report):
    refs = {m.cluster.raw: m.cluster.id for m in report.delegation}
    refs.update({(a.partner.raw if a.partner else None): a.partner.id if a.partner else None for a in report.cooperation_agreements})
    return refs


def test_registry_same_ids_on_every_run_and_across_reports(tmp_path):
    path = tmp_path / "entities.json"
    registry = EntityRegistry.load(path)
    first = link_report(extracted("eu_mexico_2016.pdf"), registry)
    registry.save(path)
    again = link_report(extracted("eu_mexico_2016.pdf"), EntityRegistry.load(path))
    other = link_report(extracted("eu_mexico_2016_writer.pdf"), EntityRegistry.load(path))
    assert ids(first) == ids(again) == ids(other)
    assert [e.id for e in first.entities] == [e.id for e in again.entities]
    fresh = link_report(extracted("eu_mexico_2016.pdf"), EntityRegistry.load(tmp_path / "other.json"))
    assert ids(fresh) == ids(first)


def test_registry_merge_is_honoured_by_later_runs(tmp_path):
    path = tmp_path / "entities.json"
    registry = EntityRegistry.load(path)
    report = link_report(extracted("eu_mexico_2016.pdf"), registry)
    registry.save(path)
    water = next(m.cluster.id for m in report.delegation if m.cluster.name == "Water Alliance")
    pole = next(a.partner.id for a in report.cooperation_agreements if a.partner and a.partner.name.startswith("Pole-EAU"))
    result = runner.invoke(app, ["entities", "merge", water, pole, "--registry", str(path)])
    assert result.exit_code == 0, result.output
    after = link_report(extracted("eu_mexico_2016.pdf"), EntityRegistry.load(path))
    assert next(a.partner.id for a in after.cooperation_agreements if a.partner and a.partner.raw.startswith("Pole-EAU")) == water
    assert pole not in {e.id for e in after.entities}
    listing = runner.invoke(app, ["entities", "show", "Pole-EAU Montpellier", "--registry", str(path)])
    assert json.loads(listing.output)["id"] == water


def test_registry_ambiguous_names_go_to_the_review_queue(tmp_path):
    path = tmp_path / "entities.json"
    registry = EntityRegistry.load(path)
    registry.add("Energy Cluster Denmark", "cluster", "DK")
    registry.add("Energy Cluster Denmark North", "cluster", "DK")
    report = extracted("eu_mexico_2016.pdf").model_copy(deep=True)
    entity = report.entities[0]
    report.entities[0] = entity.model_copy(update={"name": "Energy Cluster", "aliases": ["Energy Cluster"]})
    linked = link_report(report, registry, review_queue_path(path))
    queue = review_queue_path(path).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["raw"] for line in queue] == ["Energy Cluster"]
    assert any(f.code == "ambiguous_match" for f in linked.findings)
    shown = runner.invoke(app, ["entities", "review", "--registry", str(path)])
    assert "Energy Cluster" in shown.output
    runner.invoke(app, ["entities", "review", "--registry", str(path), "--done", "Energy Cluster"])
    assert review_queue_path(path).read_text() == ""


def test_registry_compare_cli_single_pair_and_pairs_file(tmp_path):
    result = runner.invoke(app, ["entities", "compare", "Basque Energy Cluster", "Energy Cleantech Cluster"])
    assert result.output.startswith("different")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("name_a\tname_b\nPRO WOOD\tProWood\nCluster A\tCluster B\n", encoding="utf-8")
    lines = runner.invoke(app, ["entities", "compare", "--pairs", str(pairs)]).output.splitlines()
    assert [json.loads(line)["decision"] for line in lines] == ["same", "different"]


def test_registry_held_by_one_run_at_a_time(tmp_path):
    from extractor.entities.registry import RegistryBusyError, registry_lock

    from .conftest import PDFS

    path = tmp_path / "out" / "registry" / "entities.json"
    with registry_lock(path):
        try:
            with registry_lock(path):
                raise AssertionError("a second holder got the lock")
        except RegistryBusyError as error:
            assert "in use by another" in str(error)
        result = runner.invoke(app, ["extract", str(PDFS / "eu_mexico_2016.pdf"), "-o", str(tmp_path / "out")])
        assert result.exit_code == 1 and "in use by another" in result.output
        assert not (tmp_path / "out" / "eu_mexico_2016.json").exists()
    assert runner.invoke(app, ["extract", str(PDFS / "eu_mexico_2016.pdf"), "-o", str(tmp_path / "out"), "-q"]).exit_code == 0


def test_registry_curation_commands_take_the_lock(tmp_path):
    from extractor.entities.registry import registry_lock

    path = tmp_path / "entities.json"
    registry = EntityRegistry.load(path)
    keep = registry.add("Kempen", "cluster")
    drop = registry.add("Kempen Aerospace", "organisation")
    registry.save(path)
    review_queue_path(path).write_text(json.dumps({"raw": "Kempen Aerospace", "candidates": []}) + "\n", encoding="utf-8")
    saved = path.read_text(encoding="utf-8")
    commands = [
        ["entities", "merge", keep.id, drop.id],
        ["entities", "alias", keep.id, "KEMPEN"],
        ["entities", "review", "--done", "Kempen Aerospace"],
    ]
    with registry_lock(path):
        for command in commands:
            result = runner.invoke(app, [*command, "--registry", str(path)])
            assert result.exit_code == 1 and "in use by another" in result.output, command
    assert path.read_text(encoding="utf-8") == saved
    assert review_queue_path(path).read_text(encoding="utf-8") != ""
    for command in commands:
        assert runner.invoke(app, [*command, "--registry", str(path)]).exit_code == 0, command


def test_registry_a_persons_merge_of_a_review_pair_holds_in_every_later_run(tmp_path):
    from extractor.entities.resolve import Resolver

    path = tmp_path / "entities.json"
    registry = EntityRegistry.load(path)
    group = registry.add("Valeo", "organisation")
    registry.add("Valeo Mobility", "organisation")
    registry.add("Valeo Mobility GmbH", "organisation")  # a rival as close as the merged spelling
    registry.save(path)
    assert Resolver(EntityRegistry.load(path)).resolve("Valeo Mobility").entity.id != group.id
    result = runner.invoke(app, ["entities", "merge", group.id, "Valeo Mobility", "--registry", str(path)])
    assert result.exit_code == 0, result.output
    for _ in range(2):
        later = EntityRegistry.load(path)
        assert Resolver(later).resolve("Valeo Mobility").entity.id == group.id
        assert Resolver(later).resolve("Valeo Mobility GmbH").entity.id != group.id
