"""Plain data that may cross between the student's worker and the grader.

Only ``None``, ``bool``, ``int``, ``float``, ``str``, lists, string-keyed dicts and exact
``numpy.ndarray`` objects of plain dtypes (bool, integers, floats, unicode) are allowed. Data is
stored as one ``.npz`` file: the arrays plus a JSON document (``__meta__``) that refers to them.
It is read back with ``allow_pickle=False`` and validated, so a student can never make the grader
unpickle an object, load a model file or receive a lying subclass.
"""

from __future__ import annotations

import io
import json
import math
import sys
import zipfile

import numpy as np

MAX_DEPTH = 12
MAX_ITEMS = 200_000
MAX_STRING = 1_000_000
MAX_BYTES = 256 * 1024 * 1024
_PLAIN_KINDS = set("biufU")


class PlainDataError(ValueError):
    """Raised when a value is not plain data, or is too large."""


def _encode(value, arrays: dict, counter: list, depth: int):
    counter[0] += 1
    if counter[0] > MAX_ITEMS:
        raise PlainDataError(f"more than {MAX_ITEMS} items")
    if depth > MAX_DEPTH:
        raise PlainDataError(f"nested deeper than {MAX_DEPTH} levels")
    if value is None or type(value) in (bool, int, str):
        if type(value) is str and len(value) > MAX_STRING:
            raise PlainDataError(f"a string of {len(value)} characters (limit {MAX_STRING})")
        return value
    if type(value) is float:
        if math.isfinite(value):
            return value
        return {"__float__": repr(value)}
    if type(value) in (list, tuple):
        return {"__list__": [_encode(v, arrays, counter, depth + 1) for v in value], "tuple": type(value) is tuple}
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise PlainDataError("a dict with non-string keys")
        return {"__dict__": {k: _encode(v, arrays, counter, depth + 1) for k, v in value.items()}}
    if type(value) is np.ndarray:
        if value.dtype.kind not in _PLAIN_KINDS:
            raise PlainDataError(f"an array of dtype {value.dtype}")
        key = f"a{len(arrays)}"
        arrays[key] = value
        return {"__ndarray__": key}
    raise PlainDataError(f"a value of type {type(value).__module__}.{type(value).__qualname__}")


def _decode(node, arrays, depth: int):
    if depth > MAX_DEPTH + 2:
        raise PlainDataError("nested too deep")
    if node is None or type(node) in (bool, int, float, str):
        return node
    if type(node) is dict and len(node) == 1 and "__float__" in node:
        return float(node["__float__"])
    if type(node) is dict and "__list__" in node:
        items = [_decode(v, arrays, depth + 1) for v in node["__list__"]]
        return tuple(items) if node.get("tuple") else items
    if type(node) is dict and "__dict__" in node:
        return {str(k): _decode(v, arrays, depth + 1) for k, v in node["__dict__"].items()}
    if type(node) is dict and "__ndarray__" in node:
        arr = arrays[node["__ndarray__"]]
        if type(arr) is not np.ndarray or arr.dtype.kind not in _PLAIN_KINDS:
            raise PlainDataError("an array of a forbidden type")
        return arr
    raise PlainDataError(f"an unknown node {str(node)[:60]!r}")


def dumps(value) -> bytes:
    """Encodes plain data as the bytes of an ``.npz`` file.

    Raises:
        PlainDataError: The value holds something that is not plain data.
    """
    arrays: dict[str, np.ndarray] = {}
    meta = _encode(value, arrays, [0], 0)
    size = sum(a.nbytes for a in arrays.values())
    if size > MAX_BYTES:
        raise PlainDataError(f"{size} bytes of arrays (limit {MAX_BYTES})")
    doc = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    return _npz_bytes({"__meta__": doc, **arrays})


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive whose bytes depend only on the arrays: members in the given order, with
    a fixed timestamp and mode (``np.savez`` stamps the current time, so equal data differed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, array, allow_pickle=False)  # any layout; 0-d stays 0-d
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.getvalue())
    return buf.getvalue()


def loads(data: bytes):
    """Decodes and validates bytes written by :func:`dumps`; never unpickles, never inflates
    (every member must be stored uncompressed, as :func:`dumps` writes them: no zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except Exception as err:
        raise PlainDataError(f"unreadable data ({type(err).__name__})") from None
    if any(m.compress_type != zipfile.ZIP_STORED for m in members) or sum(m.file_size for m in members) > len(data):
        raise PlainDataError("compressed or inconsistent data (not written by the worker)")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except Exception as err:  # zip/npy format errors of every kind
        raise PlainDataError(f"unreadable data ({type(err).__name__})") from None
    meta = arrays.pop("__meta__", None)
    if meta is None or meta.dtype != np.uint8:
        raise PlainDataError("missing metadata")
    try:
        doc = json.loads(meta.tobytes().decode("utf-8"))
    except ValueError:
        raise PlainDataError("metadata is not JSON") from None
    if sum(a.nbytes for a in arrays.values()) > MAX_BYTES:
        raise PlainDataError("too large")
    return _decode(doc, arrays, 0)


def to_plain(value, depth: int = 0):
    """Converts numpy scalars and TensorFlow or Keras tensors to plain data, recursively through
    lists, tuples and dicts; leaves any other object as it is, for :func:`dumps` to refuse.

    TensorFlow and Keras are never imported here: a tensor can only exist if they are loaded."""
    if depth > MAX_DEPTH:
        return value
    if type(value) is np.ndarray or value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return np.asarray(value)
    if type(value) in (list, tuple):
        return type(value)(to_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return {k: to_plain(v, depth + 1) for k, v in value.items()}
    tf = sys.modules.get("tensorflow")
    if tf is not None and (isinstance(value, tf.Tensor) or isinstance(value, tf.Variable)):
        arr = value.numpy()
        return arr if type(arr) is np.ndarray else np.asarray(arr)
    keras = sys.modules.get("keras")
    if keras is not None and isinstance(value, keras.Variable):
        return np.asarray(value.numpy())
    return value
