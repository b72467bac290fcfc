from extractor.profile import VALUE_TYPES, available_profiles, load_profile


def test_profile_field_specs_carry_their_value_type():
    profile = load_profile()
    agreements = profile.table("cooperation_agreements")
    assert agreements.field("smes_benefited").value_type == "count"
    assert agreements.field("cooperation_types").value_type == "cooperation_types"
    assert profile.table("delegation").field("index").value_type == "index"


def test_profile_shipped_profiles_use_only_known_value_types():
    for profile in available_profiles():
        assert {f.value_type for t in profile.tables for f in t.fields} <= set(VALUE_TYPES)
