import pytest

from autograder import config


def test_valid_checks_parse():
    out = config.parse_checks({"sigmoid.values": {"points": 2, "visibility": "hidden", "rtol": 1e-5}}, where="a1")
    assert out["sigmoid.values"].points == 2
    assert out["sigmoid.values"].visibility == "hidden"


@pytest.mark.parametrize(
    "settings, key",
    [({"points": 1, "tol": 1}, "a1.c.tol"), ({"points": -1}, "a1.c.points"), ({"points": 1, "visibility": "x"}, "a1.c.visibility"), ({}, "a1.c.points")],
)
def test_bad_key_is_named(settings, key):
    with pytest.raises(config.ConfigError, match=key.replace(".", r"\.")):
        config.parse_checks({"c": settings}, where="a1")
