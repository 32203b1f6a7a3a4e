"""autograder.core.names: safe_id is an injective map into ids that are safe as a path component,
a CSV cell and a terminal line; is_safe_id recognises them; distinct settles case-insensitive collisions."""

from __future__ import annotations

import hashlib
import os
import random
import re
import string
from urllib.parse import unquote_to_bytes

import pytest

from autograder.core import names

ALLOWED = frozenset(string.ascii_letters + string.digits + "_.-@+%")
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a "%" not starting a whole %XX escape (short ids)
LONG_FORM = re.compile(r"^(?P<prefix>.*)%%(?P<digest>[0-9a-f]{12})$")  # a long name: prefix, %%, digest

HOSTILE = [
    # already escapes, or close to them
    "a b",
    "a%20b",
    "a%2520b",
    "a_b",
    "a%2",
    "a%",
    "%",
    "%%",
    "%25",
    "%2E%2E",
    "%00",
    "%zz",
    # folders, hidden files, options, formulas
    "..",
    ".",
    "",
    "...",
    ".hidden",
    "..x",
    "-rf",
    "--help",
    "+1",
    "=1+2",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    "x/y",
    "../../etc/passwd",
    "/abs",
    "a\\b",
    "a:b",
    "a;b",
    "a,b",
    'a"b',
    "a'b",
    "<script>",
    "TOTAL",
    "max score",
    # control characters, bidi, invisible characters
    "a\x1bb",
    "\x1b[31mred\x1b[0m",
    "\t",
    "\n",
    "\r\n",
    "a\rb",
    "\x7f",
    "\x01",
    "evil\u202etxt.exe",
    "\u202e",
    "\u200b",
    "\ufeffbom",
    # Unicode, case, normalisation
    "Alice",
    "alice",
    "ALICE",
    "\u00e9",
    "e\u0301",
    "\u0130",
    "i\u0307",
    "\u00df",
    "ss",
    "SS",
    "\u65e5\u672c\u8a9e",
    "\U0001f600",
    "\u03a9",
    "\u2126",
    # bytes that are not UTF-8 (surrogate escapes)
    "\udcff",
    "\udc80",
    "a\udcffb",
    "\udcc3",
    "\u00ff",
    # long names, and names differing only past the length cut
    "a" * 300,
    "a" * 299 + "b",
    "b" + "a" * 299,
    "a" * 200 + "b" + "a" * 99,
    "\u00e9" * 150,
    "\u00e9" * 149 + "e",
    "%" * 200,
    "%" * 199 + "a",
    " " * 300,
    "\U0001f600" * 80,
    "x" * 95,
    "x" * 96,
    "x" * 97,
    "." * 300,
    "-" * 300,
]
# escapes straddling the cut at every offset, and names of every length around the limit
HOSTILE += ["a" * k + "\u00e9" * 60 for k in range(8)]
HOSTILE += ["a" * k + " " * 60 for k in range(8)]
HOSTILE += ["a" * length for length in range(80, 110)]
HOSTILE += [" " * length for length in range(25, 40)]


def _random_names(seed: int, count: int) -> list[str]:
    """Many hostile names from a seeded generator: ASCII, controls, escape look-alikes, Unicode
    (bidi, combining, astral), surrogate-escaped bytes; lengths mostly around the cut."""
    rng = random.Random(seed)
    pools = [
        string.ascii_letters + string.digits + "_.-@+",
        "%0123456789ABCDEFabcdef",
        " ./\\=+-@%:;,'\"<>|&$`*?!#~^()[]{}",
        "".join(map(chr, range(1, 32))) + "\x7f",
        "\u00e9\u00df\u0130\u0131\u0301\u200b\u200d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069\ufeff\u03a9\u2126",
        "\u65e5\u672c\U0001f600\U0001f9d1\U00010348\u0627\u05d0",
    ]
    out = []
    for _ in range(count):
        length = rng.choice(
            [rng.randrange(0, 12), rng.randrange(20, 40), rng.randrange(80, 120), rng.randrange(0, 301)]
        )
        if rng.random() < 0.15:  # a file name that is not UTF-8
            raw = bytes(rng.choice([rng.randrange(1, 256), rng.randrange(0x80, 0x100)]) for _ in range(length))
            out.append(os.fsdecode(raw.replace(b"/", b"_").replace(b"\x00", b"\x01")))
            continue
        mix = rng.sample(pools, rng.randrange(1, len(pools) + 1))
        out.append("".join(rng.choice(rng.choice(mix)) for _ in range(length)))
    base = "q" * 120
    out += [base + c for c in "abc%\u00e9 "] + [base[:100] + c + base[101:] for c in "xyz"]
    return out


def _file_names(candidates: list[str]) -> list[str]:
    """The candidates as distinct file names: a name is its bytes (what ``os.fsdecode`` gives back),
    so a surrogate pair spelling valid UTF-8 is not a second name."""
    seen: dict[bytes, str] = {}
    for n in candidates:
        if "\x00" not in n and os.fsdecode(os.fsencode(n)) == n:
            seen.setdefault(os.fsencode(n), n)
    return list(seen.values())


NAMES = _file_names(HOSTILE + _random_names(20240611, 6000))
# a short name spelled like another's id ("a%20b" vs "a b") must not collide with it
NAMES = _file_names(NAMES + [names.safe_id(n) for n in NAMES if len(names.safe_id(n)) < 80])


def _check_safe(n: str, out: str) -> None:
    assert isinstance(out, str) and out, repr(n)
    assert len(out) <= names.MAX_LENGTH, (n, out)
    assert names.is_safe_id(out), (n, out)
    assert out[0] not in ".-+=@", (n, out)
    assert set(out) <= ALLOWED, (n, out)
    assert "/" not in out and " " not in out, (n, out)
    assert not BAD_ESCAPE.search(out.replace("%%", "", 1) if LONG_FORM.match(out) else out), (n, out)
    joined = os.path.normpath(os.path.join("out", out))
    assert joined.startswith("out" + os.sep) and os.path.dirname(joined) == "out", (n, out)
    assert out not in (".", ".."), (n, out)


def test_the_generated_set_is_large_and_hostile():
    assert len(NAMES) > 5000
    for needed in ("a b", "a%20b", "..", ".", "", "\udcff", "evil\u202etxt.exe", "a" * 300, "a" * 299 + "b"):
        assert needed in NAMES


def test_every_output_is_a_safe_id():
    for n in NAMES:
        _check_safe(n, names.safe_id(n))


def test_safe_id_is_injective_over_hostile_names():
    seen: dict[str, str] = {}
    for n in NAMES:
        out = names.safe_id(n)
        assert out not in seen, f"{n!r} and {seen[out]!r} both give {out!r}"
        seen[out] = n
    assert len(seen) == len(NAMES)


def test_safe_id_is_deterministic():
    for n in NAMES[:500]:
        assert names.safe_id(n) == names.safe_id(n)


def _escaped_length(n: str) -> int:
    """How long ``n`` is with every byte but the kept characters written as ``%XX``."""
    keep = string.ascii_letters + string.digits + "_.-@+"
    data = os.fsencode(n)
    return sum(1 if chr(b) in keep and (k or chr(b) not in ".-@+") else 3 for k, b in enumerate(data))


def test_a_short_id_decodes_back_to_the_name():
    """Injective because reversible: ``%XX`` is the byte XX, every other character itself."""
    short = [n for n in NAMES if n and _escaped_length(n) <= names.MAX_LENGTH]
    assert len(short) > 2000
    for n in short:
        out = names.safe_id(n)
        assert unquote_to_bytes(out) == os.fsencode(n), (n, out)
        assert len(out) == _escaped_length(n), (n, out)
    for n in NAMES:
        if _escaped_length(n) > names.MAX_LENGTH:
            assert LONG_FORM.match(names.safe_id(n)), n


@pytest.mark.parametrize("n", ["Alice", "a_b", "x1", "_", "a.b-c@d+e", "A" * names.MAX_LENGTH, "0" * 10])
def test_safe_names_are_kept_as_they_are(n):
    assert names.safe_id(n) == n


@pytest.mark.parametrize(
    ("n", "first"),
    [("..", "%2E"), (".", "%2E"), (".x", "%2E"), ("-rf", "%2D"), ("+1", "%2B"), ("=1+2", "%3D"), ("@x", "%40")],
)
def test_a_dangerous_first_character_is_escaped(n, first):
    out = names.safe_id(n)
    assert out.upper().startswith(first) and unquote_to_bytes(out) == n.encode()


def test_known_hostile_names():
    assert names.safe_id("a b") != names.safe_id("a%20b")
    assert names.safe_id("a b") != "a b" and " " not in names.safe_id("a b")
    assert names.safe_id("") not in ("", ".")
    assert names.safe_id("\udcff").upper() == "%FF"
    assert names.safe_id("\u00ff").upper() == "%C3%BF"
    assert "\u202e" not in names.safe_id("evil\u202etxt.exe")
    assert "\x1b" not in names.safe_id("a\x1bb")


@pytest.mark.parametrize(
    "n",
    ["a" * 300, "\u00e9" * 150, "%" * 200, " " * 300, "\U0001f600" * 80, *("a" * k + "\u00e9" * 60 for k in range(6))],
)
def test_a_long_name_keeps_a_whole_prefix_and_a_digest(n):
    out = names.safe_id(n)
    match = LONG_FORM.match(out)
    assert match and len(out) <= names.MAX_LENGTH, out
    prefix = match["prefix"]
    assert len(prefix) >= names.MAX_LENGTH - 14 - 2, out  # at most a split escape is dropped
    assert not BAD_ESCAPE.search(prefix) and not re.search(r"%[0-9A-Fa-f]?$", prefix), out
    assert os.fsencode(n).startswith(unquote_to_bytes(prefix)), out


def test_long_names_differing_only_past_the_cut_differ():
    stem = "s" * 150
    outs = {names.safe_id(stem + tail) for tail in ["", "a", "b", "A", "\u00e9", "%", " ", "a" * 100]}
    assert len(outs) == 8
    assert names.safe_id("a" * 300)[:80] == names.safe_id("a" * 299 + "b")[:80]


def test_a_name_spelled_like_another_names_long_id_gets_another_id():
    """A student can name their file exactly like the id of another's long name: the two must differ."""
    long_name = "a" * 300
    lookalike = names.safe_id(long_name)
    assert lookalike != long_name and names.is_safe_id(lookalike)
    assert names.safe_id(lookalike) != names.safe_id(long_name), (
        f"{lookalike!r} and {'a' * 3}...x300 both give {names.safe_id(long_name)!r}"
    )


@pytest.mark.parametrize("n", ["Alice", "_x", "%2E.", "%2Ex", "a.b-c@d+e", "9", "a" * names.MAX_LENGTH, "%00"])
def test_is_safe_id_accepts(n):
    assert names.is_safe_id(n)


def test_is_safe_id_accepts_every_output():
    assert all(names.is_safe_id(names.safe_id(n)) for n in NAMES)


@pytest.mark.parametrize(
    "n",
    [
        "..",
        ".",
        ".x",
        "a b",
        "",
        "x/y",
        "=1",
        "+1",
        "-x",
        "@x",
        "a" * (names.MAX_LENGTH + 1),
        "a\x1bb",
        "\u00e9",
        "a\u202e",
    ],
)
def test_is_safe_id_rejects(n):
    assert not names.is_safe_id(n)


def test_is_safe_id_rejects_what_is_not_text():
    assert not names.is_safe_id(None)
    assert not names.is_safe_id(b"abc")


def _suffix(salt: str) -> str:
    return hashlib.sha256(salt.encode("utf-8", "surrogateescape")).hexdigest()[:6]


def test_distinct_keeps_a_new_name_and_records_it():
    taken: set[str] = set()
    assert names.distinct("Bob", taken, salt="/sub/Bob.ipynb") == "Bob"
    assert taken == {"bob"}


def test_distinct_renames_the_same_name_with_a_salted_suffix():
    taken: set[str] = set()
    first = names.distinct("bob", taken, salt="/a/bob.ipynb")
    second = names.distinct("bob", taken, salt="/b/bob.ipynb")
    assert first == "bob"
    assert second == f"bob-{_suffix('/b/bob.ipynb')}"
    assert re.fullmatch(r"bob-[0-9a-f]{6}", second)
    assert second.casefold() != first.casefold()
    assert taken == {"bob", second.casefold()}
    other = names.distinct("bob", {"bob"}, salt="/c/bob.ipynb")
    assert other != second and other == f"bob-{_suffix('/c/bob.ipynb')}"


def test_distinct_ignores_case():
    taken: set[str] = set()
    assert names.distinct("Alice", taken, salt="/x/Alice.ipynb") == "Alice"
    renamed = names.distinct("alice", taken, salt="/x/alice.ipynb")
    assert renamed == f"alice-{_suffix('/x/alice.ipynb')}"
    assert taken == {"alice", renamed.casefold()}
    assert names.distinct("ALICE", taken, salt="/y/ALICE.ipynb") not in ("ALICE", renamed)


def test_distinct_keeps_the_case_of_the_name_but_records_it_folded():
    taken = {"alice"}
    out = names.distinct("ALICE", taken, salt="/s")
    assert out.startswith("ALICE-") and out.casefold() in taken and out not in taken


def test_a_third_collision_gets_yet_another_id():
    taken: set[str] = set()
    ids = [names.distinct("bob", taken, salt="/same") for _ in range(4)]
    assert len({i.casefold() for i in ids}) == 4
    assert ids[1].startswith(f"bob-{_suffix('/same')}")
    assert all(names.is_safe_id(i) for i in ids)
    assert len(taken) == 4


def test_distinct_steps_around_a_name_that_already_has_the_suffix():
    salt = "/b/bob.ipynb"
    taken = {"bob", f"bob-{_suffix(salt)}"}
    out = names.distinct("BOB", taken, salt=salt)
    assert out.casefold() not in {"bob", f"bob-{_suffix(salt)}"}
    assert out.casefold() in taken and len(taken) == 3


@pytest.mark.parametrize(
    "case",
    ["long-ascii", "long-escaped", "long-third"],
)
def test_distinct_of_a_long_safe_id_is_a_safe_id(case):
    """A renamed long id stays at most MAX_LENGTH long and never ends its prefix in half an escape."""
    long_ascii = "A" * names.MAX_LENGTH
    long_escaped = names.safe_id("\u00e9" * 16)  # "%C3%A9" 16 times: exactly MAX_LENGTH, all escapes
    assert names.is_safe_id(long_escaped) and len(long_escaped) == names.MAX_LENGTH
    taken: set[str] = set()
    name = long_escaped if case == "long-escaped" else long_ascii
    names.distinct(name, taken, salt="/first")
    if case == "long-third":  # a student already holds the renamed form
        taken.add(names.distinct(name, set(taken), salt="/second").casefold())
    out = names.distinct(name, taken, salt="/second")
    assert out.casefold() != name.casefold()
    assert len(out) <= names.MAX_LENGTH, (len(out), out)
    assert names.is_safe_id(out), out
    assert not BAD_ESCAPE.search(out), out
