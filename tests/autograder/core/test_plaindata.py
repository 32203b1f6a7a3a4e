import numpy as np
import pytest

from autograder.core import plaindata


def test_round_trip_keeps_types():
    value = {
        "a": np.arange(6, dtype=np.int32).reshape(2, 3),
        "b": [1, 2.5, "x", None, True],
        "c": (np.float64(0) + np.zeros(2),),
        "nan": float("nan"),
    }
    out = plaindata.loads(plaindata.dumps(value))
    assert out["a"].dtype == np.int32 and out["a"].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert out["b"] == [1, 2.5, "x", None, True]
    assert isinstance(out["c"], tuple) and type(out["c"][0]) is np.ndarray
    assert np.isnan(out["nan"])


class Liar(np.ndarray):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize(
    "bad", [object(), np.zeros(3).view(Liar), np.array([object()], dtype=object), {1: 2}, lambda: 0]
)
def test_non_plain_values_are_refused(bad):
    with pytest.raises(plaindata.PlainDataError):
        plaindata.dumps({"x": bad})


class Payload:
    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_pickled_payload_is_never_unpickled(tmp_path):
    import io

    target = tmp_path / "pwned"
    buf = io.BytesIO()
    np.savez(
        buf,
        __meta__=np.frombuffer(b'{"__ndarray__": "a0"}', dtype=np.uint8),
        a0=np.array([Payload(str(target))], dtype=object),
    )
    with pytest.raises(plaindata.PlainDataError):
        plaindata.loads(buf.getvalue())
    assert not target.exists()


def test_garbage_bytes_are_refused():
    with pytest.raises(plaindata.PlainDataError):
        plaindata.loads(b"PK\x03\x04 not a zip")


def test_shapes_and_layouts_survive_the_round_trip():
    import numpy as np

    from autograder.core import plaindata

    value = {
        "scalar": np.array(3.25),
        "fortran": np.asfortranarray(np.arange(6.0).reshape(2, 3)),
        "empty": np.zeros((0, 4)),
    }
    back = plaindata.loads(plaindata.dumps(value))
    for key, array in value.items():
        assert back[key].shape == array.shape and np.array_equal(back[key], array), key
