"""``frozen``: small immutable records for the modules the plain decode imports.

``atscodes -9802`` must start fast, and importing attrs (with the inspect, ast
and threading modules it pulls in) costs about as much as all the code tables
together.  The records on that path (lookup results, translation rows) need
little of attrs: an ``__init__`` from the annotated fields, equality, hashing,
immutability and a repr that can hide long fields.  This decorator generates
exactly that, once per class at import; the rest of the package uses attrs.

The generated methods behave like ``attrs.frozen``'s for these classes:
keyword or positional arguments in field order, defaults, ``repr=False``
fields left out of the repr, equality and hashing by field values and class,
and ``AttributeError`` on assignment.  ``tests/test_frozen.py`` compares them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda function: function


__all__ = ["field", "frozen"]

_T = TypeVar("_T")
_NOTHING: Any = type("_Nothing", (), {"__repr__": lambda self: "NOTHING"})()


class _Field:
    __slots__ = ("default", "repr")

    def __init__(self, default: object, repr: bool) -> None:
        self.default = default
        self.repr = repr


def field(*, default: Any = _NOTHING, repr: bool = True) -> Any:
    """A field with a *default* and/or left out of the repr (``repr=False``)."""
    return _Field(default, repr)


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[_T] | None = None, *, repr: bool = True) -> Any:
    """Make *cls* an immutable record of its annotated fields (like ``attrs.frozen``)."""

    def build(klass: type[_T]) -> type[_T]:
        names: list[str] = []
        defaults: dict[str, object] = {}
        shown: list[str] = []
        # Our record modules use `from __future__ import annotations`: the strings are
        # in the class dict on every supported Python.
        for name in klass.__dict__.get("__annotations__", {}):  # noqa: RUF063
            value = klass.__dict__.get(name, _NOTHING)
            spec = value if isinstance(value, _Field) else _Field(value, True)
            names.append(name)
            if spec.default is not _NOTHING:
                defaults[name] = spec.default
            elif defaults:
                raise TypeError(f"{klass.__name__}.{name}: a field without a default follows one")
            if spec.repr:
                shown.append(name)
            if name in klass.__dict__:
                delattr(klass, name)
        params = ", ".join(
            f"{name}=__defaults[{name!r}]" if name in defaults else name for name in names
        )
        body = "\n".join(f"    __setattr(self, {name!r}, {name})" for name in names) or "    pass"
        namespace: dict[str, Any] = {"__defaults": defaults, "__setattr": object.__setattr__}
        exec(f"def __init__(self, {params}):\n{body}\n", namespace)
        fields = tuple(names)

        def __eq__(self: Any, other: object) -> bool:  # noqa: N807
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, n) == getattr(other, n) for n in fields)

        def __hash__(self: Any) -> int:  # noqa: N807
            return hash((self.__class__, *(getattr(self, n) for n in fields)))

        def __repr__(self: Any) -> str:  # noqa: N807
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
            return f"{type(self).__qualname__}({inner})"

        methods: dict[str, object] = {
            "__init__": namespace["__init__"],
            "__eq__": __eq__,
            "__hash__": __hash__,
            "__setattr__": _frozen_setattr,
            "__delattr__": _frozen_delattr,
            "__match_args__": fields,
        }
        if repr and "__repr__" not in klass.__dict__:
            methods["__repr__"] = __repr__
        for name, method in methods.items():
            setattr(klass, name, method)
        return klass

    return build if cls is None else build(cls)
