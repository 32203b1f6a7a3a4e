import pytest

from autograder.core import config


def test_valid_document_parses_with_defaults():
    cfg = config.parse(
        {
            "seed": "s",
            "defaults": {"rtol": 1e-5, "limits": {"check_timeout_s": 7}},
            "assignments": {
                "a": {
                    "limits": {"memory_mb": 100},
                    "checks": {"f.values": {"points": 2, "visibility": "hidden", "atol": 0.1}},
                }
            },
        }
    )
    check = cfg["a"].checks["f.values"]
    assert (check.points, check.hidden, check.tol.rtol, check.tol.atol) == (2, True, 1e-5, 0.1)
    assert (cfg["a"].limits.check_timeout_s, cfg["a"].limits.memory_mb) == (7, 100)


@pytest.mark.parametrize(
    "doc, key",
    [
        ({"assignments": {"a": {"checks": {"c": {"points": 1, "tol": 1}}}}}, "assignments.a.checks.c.tol"),
        ({"assignments": {"a": {"checks": {"c": {"points": -1}}}}}, "assignments.a.checks.c.points"),
        (
            {"assignments": {"a": {"checks": {"c": {"points": 1, "visibility": "secret"}}}}},
            "assignments.a.checks.c.visibility",
        ),
        ({"assignments": {"a": {"checks": {"c": {}}}}}, "assignments.a.checks.c.points"),
        ({"assignments": {"a": {"limits": {"memory": 5}}}}, "assignments.a.limits.memory"),
        ({"assignments": {"a": {"checks": {"c": {"points": "two"}}}}}, "assignments.a.checks.c.points"),
        ({"asignments": {}}, "asignments"),
        ({"defaults": {"rtol": True}}, "defaults.rtol"),
        ({"sandbox": {"require": "strong"}}, "sandbox.require"),
        ({"sandbox": {"requires": "full"}}, "sandbox.requires"),
        ({"sandbox": "full"}, "sandbox"),
        ({"assignments": {"a": {"limits": {"disk_mb": -1}}}}, "assignments.a.limits.disk_mb"),
    ],
)
def test_bad_key_is_named(doc, key):
    with pytest.raises(config.ConfigError, match="^" + key.replace(".", r"\.") + ":"):
        config.parse(doc)


def test_repo_grading_yml_is_valid(root):
    cfg = config.load(root / "grading.yml")
    assert "a1_perceptron" in cfg


def test_unreadable_file_names_path(tmp_path):
    bad = tmp_path / "grading.yml"
    bad.write_text("assignments: [unclosed")
    with pytest.raises(config.ConfigError, match="not valid YAML"):
        config.load(bad)


def test_the_sandbox_requirement_is_full_unless_the_course_lowers_it():
    doc = {"assignments": {"a": {"checks": {"c": {"points": 1}}}}}
    assert config.parse(doc)["a"].sandbox == "full"
    for level in ("full", "landlock", "none"):
        assert config.parse({**doc, "sandbox": {"require": level}})["a"].sandbox == level
    assert config.parse({**doc, "sandbox": {}})["a"].sandbox == "full"
