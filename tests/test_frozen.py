"""The small records of the decode path behave like the attrs.frozen classes they replace."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import atscodes
from atscodes._frozen import field, frozen


@frozen
class Mini:
    a: int
    b: str = field(repr=False)
    c: str | None = None
    d: str = field(default="x", repr=False)


@attrs.frozen
class Reference:
    a: int
    b: str = attrs.field(repr=False)
    c: str | None = None
    d: str = attrs.field(default="x", repr=False)


def _pairs() -> list[tuple[object, object]]:
    return [
        (Mini(1, "b"), Reference(1, "b")),
        (Mini(1, "b", "c", "d"), Reference(1, "b", "c", "d")),
        (Mini(a=2, b="q", d="z"), Reference(a=2, b="q", d="z")),
    ]


@pytest.mark.parametrize(("mine", "reference"), _pairs())
def test_repr_hides_the_same_fields(mine: object, reference: object) -> None:
    assert repr(mine).replace("Mini", "X") == repr(reference).replace("Reference", "X")


def test_equality_and_hash_by_value_and_class() -> None:
    assert Mini(1, "b") == Mini(1, "b")
    assert Mini(1, "b") != Mini(1, "c")
    assert hash(Mini(1, "b")) == hash(Mini(1, "b"))
    assert Mini(1, "b") != Reference(1, "b")
    assert len({Mini(1, "b"), Mini(1, "b"), Mini(2, "b")}) == 2


def test_frozen_like_attrs() -> None:
    record = Mini(1, "b")
    with pytest.raises(AttributeError):
        record.a = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del record.a  # type: ignore[misc]


def test_arguments_like_attrs() -> None:
    with pytest.raises(TypeError):
        Mini(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Reference(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Mini(1, "b", "c", "d", "e")  # type: ignore[call-arg]
    assert Mini(1, b="b").d == "x"


def test_copy_and_pickle() -> None:
    record = Mini(1, "b", "c")
    assert copy.copy(record) == record
    assert copy.deepcopy(record) == record
    assert pickle.loads(pickle.dumps(record)) == record


def test_match_args_like_attrs() -> None:
    """attrs sets __match_args__ on Python 3.10 and later only; ours has it everywhere."""
    assert Mini.__match_args__ == ("a", "b", "c", "d")
    assert getattr(Reference, "__match_args__", Mini.__match_args__) == Mini.__match_args__


def test_a_field_without_default_after_one_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default follows one"):

        @frozen
        class Bad:
            a: int = 1
            b: int


def test_translation_rows_and_interpretations_use_it() -> None:
    """The records the plain decode builds are these, and keep their attrs-era reprs."""
    [row] = atscodes.alert_mappings(42, atscodes.Layer.URL_LOADING)[:1]
    assert repr(row).startswith("AlertMapping(alert=<TLSAlert.bad_certificate: 42>, status=")
    assert "source=" not in repr(row)
    [interp] = atscodes.lookup("[3:-9802]")
    assert pickle.loads(pickle.dumps(interp)) == interp
