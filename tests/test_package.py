"""The package as shipped: typing marker, import cost discipline, the public surface."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import atscodes


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_py_typed_is_shipped() -> None:
    assert (Path(atscodes.__file__).parent / "py.typed").is_file()


def test_import_does_not_build_the_large_secerror_family() -> None:
    out = _run("import sys, atscodes; print('atscodes._secerror' in sys.modules)")
    assert out == "False"


def test_secerror_is_built_on_first_use() -> None:
    out = _run("import atscodes; print(atscodes.SecError.errSecItemNotFound.value)")
    assert out == "-25300"


def test_typing_extensions_is_not_imported_at_run_time() -> None:
    out = _run("import sys, atscodes; print('typing_extensions' in sys.modules)")
    assert out == "False"


def test_all_names_are_importable_and_complete() -> None:
    for name in atscodes.__all__:
        assert getattr(atscodes, name) is not None
    # Everything public-looking is in __all__, except the two typing helpers
    # that `from __future__ import annotations` and TYPE_CHECKING leave behind.
    public = {n for n in dir(atscodes) if not n.startswith("_")} | {"SecError"}
    assert public - {"TYPE_CHECKING", "annotations"} == set(atscodes.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchThing"):
        atscodes.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018


def test_help_on_a_member_says_what_and_where() -> None:
    import pydoc

    text = pydoc.render_doc(atscodes.SSLStatus.errSSLPeerBadCert, renderer=pydoc.plaintext)
    assert "<SSLStatus.errSSLPeerBadCert: -9825>" in text
    assert atscodes.SSLStatus.errSSLPeerBadCert.description in text
    assert "Source: apple-oss-distributions/Security" in text


def test_public_functions_have_docstrings() -> None:
    for name in atscodes.__all__:
        obj = getattr(atscodes, name)
        if callable(obj):
            assert obj.__doc__, name


@pytest.mark.parametrize("module_name", ["atscodes", "atscodes._scan"])
def test_docstring_examples_run(module_name: str) -> None:
    import doctest
    import importlib

    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
