import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ProfileError
from extractor.profile import VALUE_TYPES, available_profiles, load_profile

from .conftest import PDFS

# A small but complete profile; each test below breaks one line of it.
GOOD = """\
name: my_family
caption_pattern: '^Table\\s+\\d+'
country_aliases: {UK: GB}
tables:
  delegation:
    titles: ["Delegation"]
    fields:
      index: {type: index, headers: ["#"]}
      cluster: {type: name, headers: ["Cluster"]}
      country: {type: country, headers: ["Country"]}
    required: [cluster]
    row_key: [cluster]
  cooperation_agreements:
    titles: ["Cooperation agreements"]
    fields:
      cluster: {type: name, headers: ["Cluster"]}
      partner: {type: partner, headers: ["Partner"]}
      cooperation_types: {type: cooperation_types, headers: ["Type of cooperation"]}
      smes_benefited: {type: count, headers: ["SME benefited"]}
      benefits: {type: text, headers: ["Benefits"]}
    required: [cluster, partner]
    inherit: [cluster]
    row_key: [cluster, partner]
  benefited_smes:
    titles: ["SMEs which benefited"]
    layout: cluster_with_bullets
    fields:
      cluster: {type: name, headers: ["Cluster"]}
      smes: {type: list, headers: ["SMEs"]}
values:
  answers:
    "yes": ["yes"]
    "no": ["no"]
    "n/a": ["n/a"]
  partner_types:
    eu_cluster: ["EU cluster"]
    non_eu_firm: ["non EU firm"]
  cooperation_types:
    research_development: ["R&D"]
    sales_office: ["Sales office"]
  bullets: ["•"]
key_figures:
  participants:
    - [{LIKE_NUM: true}, {LOWER: clusters}, {LOWER: participated}]
reconciliations:
  smes_directly_benefited: {kind: cooperation_agreements, sum: smes_benefited}
  participants: {kind: delegation, count: true}
  respondents: {kind: delegation, count: true, where: {responded_survey: true}}
  response_rate: {ratio: [respondents, participants]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my_family.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_profile_shipped_profiles_load():
    names = {p.name for p in available_profiles()}
    assert {"eccp_followup", "een_brokerage"} <= names


def test_profile_small_complete_profile_loads(tmp_path):
    profile = load_profile(_write(tmp_path, GOOD))
    assert profile.table("cooperation_agreements").field("smes_benefited").value_type == "count"


def test_profile_field_specs_carry_their_value_type():
    profile = load_profile()
    agreements = profile.table("cooperation_agreements")
    assert agreements.field("smes_benefited").value_type == "count"
    assert agreements.field("cooperation_types").value_type == "cooperation_types"
    assert profile.table("delegation").field("index").value_type == "index"


def test_profile_shipped_profiles_use_only_known_value_types():
    for profile in available_profiles():
        assert {f.value_type for t in profile.tables for f in t.fields} <= set(VALUE_TYPES)


def test_profile_field_without_type_gets_its_contract_type(tmp_path):
    text = GOOD.replace('smes_benefited: {type: count, headers: ["SME benefited"]}', 'smes_benefited: {headers: ["SME benefited"]}')
    profile = load_profile(_write(tmp_path, text))
    assert profile.table("cooperation_agreements").field("smes_benefited").value_type == "count"
    assert profile.table("cooperation_agreements").field("benefits").value_type == "text"


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("      smes_benefited: {type: count", "      smes_benfited: {type: count",
         "field 'smes_benfited' is not a field of cooperation_agreements (contract v1)"),
        ("      benefits: {type: text", "      provenance: {type: text",
         "field 'provenance' is not a field of cooperation_agreements"),
        ("  cooperation_agreements:\n    titles", "  cooperation_agreement:\n    titles",
         "table 'cooperation_agreement' is not a record kind of the contract built from a table"),
        ("smes_benefited: {type: count", "smes_benefited: {type: number", "field 'smes_benefited' has type 'number', not one of"),
        ("benefits: {type: text", "benefits: {type: count",
         "field 'benefits' has type 'count', but cooperation_agreements.benefits holds text (contract v1)"),
        ("cooperation_types: {type: cooperation_types", "cooperation_types: {type: list",
         "cooperation_agreements.cooperation_types holds a list of cooperation types"),
        ("smes: {type: list", "smes: {type: answer", "benefited_smes.smes holds a list of texts"),
        ("    required: [cluster, partner]", "    required: [cluster, partnr]",
         "required names 'partnr', which is not a field of the table cooperation_agreements"),
        ("      benefits: {type: text, headers", "      benefits: {type: text, follows: answer, headers",
         "field 'benefits' follows 'answer', which is not another field of the table cooperation_agreements"),
        ("    inherit: [cluster]", "    inherit: [clusters]", "inherit names 'clusters'"),
        ("    row_key: [cluster, partner]", "    row_key: [cluster, partner_name]", "row_key names 'partner_name'"),
        ("    layout: cluster_with_bullets", "    layout: bullets", "layout 'bullets' is not one of"),
        ('    "n/a": ["n/a"]', '    "na": ["n/a"]', "answers key 'na' is not one of n/a, no, yes (contract v1)"),
        ('    "yes": ["yes"]', '    yes: ["yes"]', "answers key written without quotes reads as true in YAML: quote it"),
        ('    eu_cluster: ["EU cluster"]', '    eu_clusters: ["EU cluster"]', "partner_types key 'eu_clusters' is not one of"),
        ('    sales_office: ["Sales office"]', '    sales_offices: ["Sales office"]',
         "cooperation_types key 'sales_offices' is not one of"),
        ("  participants:\n    - [", "  participant:\n    - [", "key figure 'participant' is not one of"),
        ("  smes_directly_benefited: {kind", "  smes_benefited_directly: {kind",
         "reconciliation 'smes_benefited_directly' is not a key figure"),
        ("sum: smes_benefited}", "sum: smes_benfited}", "sum names 'smes_benfited', which is not a field of cooperation_agreements"),
        ("sum: smes_benefited}", "sum: benefits}", "sum names cooperation_agreements.benefits, which holds text, not a number"),
        ("  participants: {kind: delegation", "  participants: {kind: delegations",
         "reconciliation 'participants' needs a kind, one of"),
        ("where: {responded_survey: true}", "where: {answered_survey: true}", "where names 'answered_survey'"),
        ("ratio: [respondents, participants]", "ratio: [respondents, participant]", "ratio of 'response_rate' names 'participant'"),
        ("caption_pattern: '^Table", "caption_pattern: '^(Table", "caption_pattern is no regular expression"),
        ("country_aliases: {UK: GB}", "country_aliases: {UK: Britain}", "country alias 'UK' must map to an ISO 3166 alpha-2 code"),
        ("      country: {type: country", "      country: [type, country", "not valid YAML"),
    ],
)
def test_profile_mistake_is_one_line_with_file_and_line(tmp_path, old, new, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = _write(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    error = str(caught.value)
    assert "\n" not in error
    assert error.startswith(f"profile my_family.yaml line {_line_of(text, new.split(chr(10))[0].strip())}: "), error
    assert message in error
    assert caught.value.code == "bad_profile"


def test_profile_error_names_the_offending_item_of_a_list(tmp_path):
    text = GOOD.replace("    required: [cluster, partner]", "    required:\n      - cluster\n      - partnr")
    with pytest.raises(ProfileError, match=rf"line {_line_of(text, '- partnr')}: required names 'partnr'"):
        load_profile(_write(tmp_path, text))


def test_profile_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(ProfileError, match=r"^profile nowhere\.yaml: cannot read profile"):
        load_profile(tmp_path / "nowhere.yaml")


def test_profile_cli_prints_one_line_and_fails(tmp_path):
    text = GOOD.replace("      smes_benefited: {type: count", "      smes_benfited: {type: count")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(PDFS / "eu_chile_2017.pdf"), "--profile", str(path), "-o", str(tmp_path / "x")])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    line = _line_of(text, "smes_benfited")
    assert lines == [f"error: profile bad.yaml line {line}: field 'smes_benfited' is not a field of cooperation_agreements (contract v1)"]
    assert not (tmp_path / "x").exists()


def test_profile_cli_entry_point_prints_no_traceback(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace('    "n/a": ["n/a"]', '    "na": ["n/a"]'), encoding="utf-8")
    script = "from extractor.cli import app; app()"
    done = subprocess.run(
        [sys.executable, "-c", script, "extract", str(PDFS / "eu_chile_2017.pdf"), "--profile", str(path), "-o", str(tmp_path / "x")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert re.fullmatch(r"error: profile bad\.yaml line \d+: answers key 'na' is not one of n/a, no, yes \(contract v1\)\n", done.stderr)
