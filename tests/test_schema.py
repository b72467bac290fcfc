import json

import pytest
from pydantic import ValidationError

from schemas.records import DelegationMember, MissionReport, json_schema

from .conftest import ROOT


def test_committed_json_schema_is_current():
    committed = json.loads((ROOT / "schemas" / "mission_report.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/ is stale: run `mission-extract schema`"


def test_models_refuse_unknown_fields():
    with pytest.raises(ValidationError):
        DelegationMember.model_validate(
            {
                "index": 1,
                "cluster": {"id": "x", "name": "X", "raw": "X", "score": 100},
                "fields_of_activity": None,
                "country": "ES",
                "responded_survey": True,
                "provenance": {"page": 1},
                "surprise": 1,
            }
        )


def test_report_round_trips_through_json(seed_report):
    data = seed_report.model_dump(mode="json")
    assert MissionReport.model_validate(json.loads(json.dumps(data))) == seed_report
