"""A small source mutator for mutation testing of the checks (``autograder mutants``).

Each mutant is one small edit of a solution cell's source, made by splicing text at the
positions that :mod:`ast` gives, so the rest of the cell (comments, layout) is untouched and the
diff shows only the edit. File-based tools (mutmut, cosmic-ray) mutate files on disk and run a
test command per mutant; here a mutant is a notebook cell graded by our own engine, so the
mutator is kept to this module.

A mutant's id is ``function/operator@line:col#hash``: the line and column (1-based line, 0-based
column, in the cell) of the edited node, and a short hash of the edit (the text replaced and the
text put in), so that an equivalence file can name it and it stays the same when other code of
the cell changes on other lines.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import hashlib

from autograder.core import pysource

_BINOP = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Div,),
    ast.Div: (ast.Mult, ast.FloorDiv),
    ast.FloorDiv: (ast.Div,),
    ast.Mod: (ast.FloorDiv,),
    ast.Pow: (ast.Mult,),
    ast.MatMult: (ast.Mult,),
}
_SYMBOL = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.MatMult: "@",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_COMPARE = {
    ast.Lt: (ast.LtE, ast.GtE),
    ast.LtE: (ast.Lt, ast.Gt),
    ast.Gt: (ast.GtE, ast.LtE),
    ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}
_SWAP_NAMES = {
    "maximum": "minimum",
    "minimum": "maximum",
    "max": "min",
    "min": "max",
    "argmax": "argmin",
    "argmin": "argmax",
    "sum": "mean",
    "mean": "sum",
    "reduce_sum": "reduce_mean",
    "reduce_mean": "reduce_sum",
    "reduce_max": "reduce_min",
    "reduce_min": "reduce_max",
    "zeros": "ones",
    "ones": "zeros",
    "zeros_like": "ones_like",
    "ones_like": "zeros_like",
    "amax": "amin",
    "amin": "amax",
    "nansum": "nanmean",
}
_AXES = (0, 1, -1, None)
_UFUNCS = {
    "exp",
    "log",
    "tanh",
    "sqrt",
    "abs",
    "negative",
    "square",
    "clip",
    "maximum",
    "minimum",
    "add",
    "subtract",
    "multiply",
    "divide",
    "power",
}
_ATOMIC = (ast.Name, ast.Constant, ast.Attribute, ast.Call, ast.Subscript, ast.List, ast.Dict, ast.Set)


@dataclasses.dataclass(frozen=True)
class Mutant:
    """One mutation of a function's cell.

    Attributes:
        id: ``function/operator@line:col#hash`` (stable; equivalence files name it).
        function: The graded function (the cell's grade id).
        operator: The kind of mutation, e.g. ``binop``, ``compare``, ``axis``, ``drop-stmt``.
        line: The edited node's line in the cell (1-based).
        col: Its column (0-based).
        description: The edit in words, e.g. ``'+' -> '-'``.
        source: The mutated cell's source.
        compiles: Whether the mutated source compiles (those that do not are discarded).
    """

    id: str
    function: str
    operator: str
    line: int
    col: int
    description: str
    source: str
    compiles: bool

    def diff(self, original: str) -> str:
        """A unified diff of the mutant against ``original``, the cell it was made from."""
        lines = difflib.unified_diff(
            original.splitlines(keepends=True), self.source.splitlines(keepends=True), "reference", self.id, n=1
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class _Source:
    """Byte offsets of a source text, and splicing edits into it."""

    def __init__(self, text: str):
        self.text = text
        self.data = text.encode("utf-8")
        self.starts = [0]
        for line in self.data.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def start(self, node) -> int:
        return self.starts[node.lineno - 1] + node.col_offset

    def end(self, node) -> int:
        return self.starts[node.end_lineno - 1] + node.end_col_offset

    def seg(self, node) -> str:
        return self.data[self.start(node) : self.end(node)].decode("utf-8")

    def between(self, a, b) -> tuple[int, str]:
        lo = self.end(a)
        return lo, self.data[lo : self.start(b)].decode("utf-8")

    def splice(self, edits: list[tuple[int, int, str]]) -> str:
        data = self.data
        for lo, hi, text in sorted(edits, reverse=True):
            data = data[:lo] + text.encode("utf-8") + data[hi:]
        return data.decode("utf-8")


def _paren(text: str, node: ast.AST | None = None) -> str:
    return text if isinstance(node, _ATOMIC) else f"({text})"


def _symbol_edit(src: _Source, a, b, old: str, new: str) -> list[tuple[int, int, str]] | None:
    """The edit replacing operator ``old`` (between nodes a and b) by ``new``, or None if unsure."""
    lo, gap = src.between(a, b)
    pos = gap.find(old)
    if pos < 0 or "#" in gap[:pos]:
        return None
    offset = len(gap[:pos].encode("utf-8"))
    return [(lo + offset, lo + offset + len(old.encode("utf-8")), new)]


def _is_docstring(stmt: ast.stmt, parent) -> bool:
    return (
        isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and parent.body
        and parent.body[0] is stmt
        and isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _parents(tree: ast.AST) -> dict:
    out = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            out[child] = node
    return out


def _constant_values(value):
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [1] if value == 0 else [0, 2] if value == 1 else [value + 1, value - 1]
    if isinstance(value, float):
        return [1.0] if value == 0 else [value * 2, value / 2]
    if isinstance(value, str):
        return [f"XX{value}XX"]
    return []


def _edits(src: _Source, tree: ast.AST):
    """Yields (node, operator, description, edits) for every mutation of the tree."""
    parents = _parents(tree)
    skip: set[int] = set()  # docstrings, f-strings and raise statements: no useful mutants there
    for node in ast.walk(tree):
        if isinstance(node, (ast.JoinedStr, ast.Raise, ast.Assert)) or (
            isinstance(node, ast.stmt) and _is_docstring(node, parents.get(node))
        ):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "axis":
            skip.update(id(n) for n in ast.walk(node.value) if n is not node.value)
    functions = {id(n): n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    inputs = _input_names(tree)
    for node in ast.walk(tree):
        if id(node) in skip or not hasattr(node, "lineno"):
            continue
        whole = (src.start(node), src.end(node))
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOP:
            for new in _BINOP[type(node.op)]:
                e = _symbol_edit(src, node.left, node.right, _SYMBOL[type(node.op)], _SYMBOL[new])
                if e:
                    yield node, "binop", f"{_SYMBOL[type(node.op)]!r} -> {_SYMBOL[new]!r}", e
        elif isinstance(node, ast.AugAssign) and type(node.op) in _BINOP:
            for new in _BINOP[type(node.op)]:
                e = _symbol_edit(src, node.target, node.value, _SYMBOL[type(node.op)] + "=", _SYMBOL[new] + "=")
                if e:
                    yield node, "augassign", f"'{_SYMBOL[type(node.op)]}=' -> '{_SYMBOL[new]}='", e
            yield node, "drop-stmt", "statement -> pass", [(*whole, "pass")]
        elif isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                left = node.left if i == 0 else node.comparators[i - 1]
                for new in _COMPARE.get(type(op), ()):
                    e = _symbol_edit(src, left, node.comparators[i], _SYMBOL[type(op)], _SYMBOL[new])
                    if e:
                        yield node, "compare", f"{_SYMBOL[type(op)]!r} -> {_SYMBOL[new]!r}", e
        elif isinstance(node, ast.BoolOp):
            old, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            edits = [_symbol_edit(src, a, b, old, new) for a, b in zip(node.values, node.values[1:])]
            if all(edits):
                yield node, "boolop", f"{old!r} -> {new!r}", [e for es in edits for e in es]
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            label = "not" if isinstance(node.op, ast.Not) else "-"
            yield node, "unary", f"{label!r} dropped", [(*whole, _paren(src.seg(node.operand), node.operand))]
        elif isinstance(node, ast.Constant):
            parent = parents.get(node)
            if isinstance(parent, ast.keyword) and parent.arg == "axis":
                continue  # the axis operator covers it
            operator = "keepdims" if isinstance(parent, ast.keyword) and parent.arg == "keepdims" else "constant"
            for new in _constant_values(node.value):
                yield node, operator, f"{node.value!r} -> {new!r}", [(*whole, repr(new))]
        elif isinstance(node, ast.keyword) and node.arg == "axis":
            current = node.value.value if isinstance(node.value, ast.Constant) else None
            is_neg = (
                isinstance(node.value, ast.UnaryOp)
                and isinstance(node.value.op, ast.USub)
                and isinstance(node.value.operand, ast.Constant)
            )
            if isinstance(node.value, ast.Constant) or is_neg:
                current = -node.value.operand.value if is_neg else current
                for new in _AXES:
                    if new != current:
                        yield (
                            node.value,
                            "axis",
                            f"axis={current!r} -> axis={new!r}",
                            [(src.start(node.value), src.end(node.value), repr(new))],
                        )
        elif isinstance(node, ast.Subscript):
            yield from _subscript_edits(src, node)
        elif isinstance(node, ast.Call):
            yield from _call_edits(src, node, inputs)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            if node.attr in _SWAP_NAMES and not isinstance(parents.get(node), ast.Call):
                yield (
                    node,
                    "swap-function",
                    f".{node.attr} -> .{_SWAP_NAMES[node.attr]}",
                    [(*whole, f"{src.seg(node.value)}.{_SWAP_NAMES[node.attr]}")],
                )
            elif node.attr == "T":
                yield node, "transpose", "'.T' dropped", [(*whole, _paren(src.seg(node.value), node.value))]
        if isinstance(node, (ast.Assign, ast.Expr)) and not (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        ):
            yield node, "drop-stmt", "statement -> pass", [(*whole, "pass")]
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.BinOp)
                and isinstance(node.value.left, ast.Name)
                and node.value.left.id == node.targets[0].id
                and type(node.value.op) in _SYMBOL
            ):
                text = f"{node.targets[0].id} {_SYMBOL[type(node.value.op)]}= {src.seg(node.value.right)}"
                yield (
                    node,
                    "in-place",
                    f"'{node.targets[0].id} = {node.targets[0].id} {_SYMBOL[type(node.value.op)]} ...' -> in place",
                    [(*whole, text)],
                )
        if isinstance(node, ast.Return) and node.value is not None:
            yield from _return_edits(src, node, _enclosing(node, parents, functions))


def _enclosing(node, parents, functions):
    while node is not None and id(node) not in functions:
        node = parents.get(node)
    return node


def _return_edits(src: _Source, node: ast.Return, function):
    whole = (src.start(node), src.end(node))
    if not (isinstance(node.value, ast.Constant) and node.value.value is None):
        yield node, "return", "return value -> None", [(*whole, "return None")]
    if function is None:
        return
    earlier = [
        n.id
        for stmt in ast.walk(function)
        if isinstance(stmt, ast.Assign) and stmt.lineno < node.lineno
        for t in stmt.targets
        for n in ast.walk(t)
        if isinstance(n, ast.Name)
    ]
    params = [a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs]
    returned = src.seg(node.value)
    candidates = []
    for name in reversed(earlier):
        if name != returned and name not in candidates:
            candidates.append(name)
            break
    for name in params:
        if name != returned and name not in candidates:
            candidates.append(name)
            break
    for name in candidates:
        yield node, "return", f"return {returned[:30]} -> return {name}", [(*whole, f"return {name}")]


def _subscript_edits(src: _Source, node: ast.Subscript):
    sl = node.slice
    if (
        isinstance(sl, ast.UnaryOp)
        and isinstance(sl.op, ast.USub)
        and isinstance(sl.operand, ast.Constant)
        and sl.operand.value == 1
    ):
        yield node, "index", "[-1] -> [0]", [(src.start(sl), src.end(sl), "0")]
    elif (
        isinstance(sl, ast.Constant) and sl.value == 0 and isinstance(sl.value, int) and not isinstance(sl.value, bool)
    ):
        yield node, "index", "[0] -> [-1]", [(src.start(sl), src.end(sl), "-1")]
    if isinstance(sl, ast.Slice):
        parts = {k: getattr(sl, k) for k in ("lower", "upper", "step")}
        text = lambda p: "" if p is None else src.seg(p)  # noqa: E731
        if parts["lower"] is not None and parts["upper"] is None and parts["step"] is None:
            yield (
                node,
                "slice",
                f"[{text(sl.lower)}:] -> [:-{text(sl.lower)}]",
                [(src.start(sl), src.end(sl), f":-{_paren(text(sl.lower), sl.lower)}")],
            )
        if parts["upper"] is not None and parts["lower"] is None and parts["step"] is None:
            up = text(sl.upper)
            new = up[1:] if up.startswith("-") else f"-{_paren(up, sl.upper)}"
            yield node, "slice", f"[:{up}] -> [{new}:]", [(src.start(sl), src.end(sl), f"{new}:")]
        for key in ("lower", "upper"):
            p = parts[key]
            if (
                p is not None
                and not isinstance(p, ast.Constant)
                and not (isinstance(p, ast.UnaryOp) and isinstance(p.operand, ast.Constant))
            ):
                for delta in ("+ 1", "- 1"):
                    yield (
                        node,
                        "slice-bound",
                        f"{key} bound {delta}",
                        [(src.start(p), src.end(p), f"{_paren(src.seg(p), p)} {delta}")],
                    )
        if parts["step"] is not None:
            yield node, "slice", "step dropped", [(src.start(sl), src.end(sl), f"{text(sl.lower)}:{text(sl.upper)}")]


def _call_name(func) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _input_names(tree: ast.AST) -> set[str]:
    """Names that hold the caller's data: parameters, and loop targets (``for k, v in grads.items()``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            a = node.args
            names.update(x.arg for x in a.posonlyargs + a.args + a.kwonlyargs)
        elif isinstance(node, (ast.For, ast.comprehension)):
            names.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    return names


def _is_input(node, inputs: set[str]) -> bool:
    """An input, or a basic-slicing view of one (integer-array indexing would make a copy)."""
    if isinstance(node, ast.Name):
        return node.id in inputs
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in inputs:
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return all(isinstance(p, ast.Slice) for p in parts)
    return False


def _call_edits(src: _Source, node: ast.Call, inputs: set[str]):
    name = _call_name(node.func)
    yield from _dropped_call_edits(src, node, name)
    yield from _out_edits(src, node, name, inputs)
    yield from _swap_edits(src, node, name)


def _dropped_call_edits(src: _Source, node: ast.Call, name: str):
    """A copy or a transpose dropped: the call replaced by its argument."""
    whole = (src.start(node), src.end(node))
    only_arg = len(node.args) == 1 and not isinstance(node.args[0], ast.Starred)
    if name == "copy" and isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
        yield node, "in-place", ".copy() dropped", [(*whole, _paren(src.seg(node.func.value), node.func.value))]
    elif (
        name in ("array", "deepcopy", "copy", "copy_inputs", "list", "dict")
        and only_arg
        and isinstance(node.args[0], (ast.Name, ast.Attribute, ast.Subscript))
        and all(k.arg in ("dtype", "copy") for k in node.keywords)
    ):
        # a copy of a variable (an input, most often) dropped: the function may now edit its input
        yield node, "in-place", f"{name}(...) dropped", [(*whole, _paren(src.seg(node.args[0]), node.args[0]))]
    elif name == "transpose" and isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
        yield node, "transpose", ".transpose() dropped", [(*whole, _paren(src.seg(node.func.value), node.func.value))]
    elif name == "transpose" and only_arg and not node.keywords:
        yield node, "transpose", "transpose(...) dropped", [(*whole, _paren(src.seg(node.args[0]), node.args[0]))]


def _out_edits(src: _Source, node: ast.Call, name: str, inputs: set[str]):
    """A numpy ufunc's result written into its first argument, when that is an input."""
    if (
        name in _UFUNCS
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in ("np", "numpy")
        and node.args
        and _is_input(node.args[0], inputs)
        and not any(k.arg == "out" for k in node.keywords)
        and not isinstance(node.args[-1], ast.Starred)
    ):
        # the result written into the first argument, an input: the function now edits its input
        end = src.end(node.keywords[-1] if node.keywords else node.args[-1])
        yield (
            node,
            "in-place",
            f"{name}(...) written into {src.seg(node.args[0])} (out=)",
            [(end, end, f", out={src.seg(node.args[0])}")],
        )


def _swap_edits(src: _Source, node: ast.Call, name: str):
    """A function swapped for its twin (max/min, ...), or two neighbouring arguments swapped."""
    if name in _SWAP_NAMES:
        new = _SWAP_NAMES[name]
        if isinstance(node.func, ast.Attribute):
            text = f"{src.seg(node.func.value)}.{new}"
        elif name in ("max", "min"):
            text = new
        else:
            text = None
        if text:
            yield node, "swap-function", f"{name} -> {new}", [(src.start(node.func), src.end(node.func), text)]
    args = [a for a in node.args if not isinstance(a, ast.Starred)]
    if len(args) == len(node.args):
        for i in range(min(len(args), 3) - 1):
            a, b = args[i], args[i + 1]
            if src.seg(a) != src.seg(b):
                yield (
                    node,
                    "swap-args",
                    f"arguments {i + 1} and {i + 2} swapped",
                    [(src.start(a), src.end(a), src.seg(b)), (src.start(b), src.end(b), src.seg(a))],
                )


def mutate(source: str, *, function: str) -> list[Mutant]:
    """Every single-edit mutant of a cell's source, in source order, without duplicates.

    Args:
        source: The cell's source (nbgrader markers already removed).
        function: The graded function's name (names the mutants).

    Returns:
        The mutants; those whose source does not compile have ``compiles=False``.

    Raises:
        SyntaxError: ``source`` itself does not parse.
    """
    tree = pysource.parse(source)
    src = _Source(source)
    original = ast.dump(tree)
    seen: set[str] = set()
    ids: set[str] = set()
    out = []
    for node, operator, description, edits in _edits(src, tree):
        mutated = src.splice(edits)
        if mutated in seen or mutated == source:
            continue
        seen.add(mutated)
        try:
            compiles = ast.dump(pysource.parse(mutated)) != original
            if not compiles:
                continue  # the same program written differently: no mutant
            compile(mutated, f"<mutant of {function}>", "exec")
        except (SyntaxError, ValueError):
            compiles = False
        edit_text = "|".join(f"{src.data[lo:hi].decode('utf-8')}=>{text}" for lo, hi, text in sorted(edits))
        digest = hashlib.sha256(f"{operator}\0{edit_text}".encode("utf-8")).hexdigest()[:6]
        mutant_id = f"{function}/{operator}@{node.lineno}:{node.col_offset}#{digest}"
        if mutant_id in ids:  # the same edit text in two nodes that start at one place (a + b + c): add where
            where = min(lo for lo, _, _ in edits) - src.start(node)
            digest = hashlib.sha256(f"{operator}\0{edit_text}\0{where}".encode("utf-8")).hexdigest()[:6]
            mutant_id = f"{function}/{operator}@{node.lineno}:{node.col_offset}#{digest}"
        ids.add(mutant_id)
        out.append(Mutant(mutant_id, function, operator, node.lineno, node.col_offset, description, mutated, compiles))
    out.sort(key=lambda m: (m.line, m.col, m.operator, m.id))
    return out
