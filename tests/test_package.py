"""The package as shipped: typing marker, import cost discipline, the public surface."""

from __future__ import annotations

import ast
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


def test_dir_shows_the_public_api_only() -> None:
    assert dir(atscodes) == sorted([*atscodes.__all__, "__version__"])
    assert "TYPE_CHECKING" not in dir(atscodes)
    assert "annotations" not in dir(atscodes)


def _init_tree() -> ast.Module:
    return ast.parse(Path(atscodes.__file__).read_text(encoding="utf-8"))


def _type_checking_names(tree: ast.Module) -> dict[str, str]:
    """Name -> module of every import under ``if TYPE_CHECKING:`` in __init__.py."""
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    names[alias.asname or alias.name] = (statement.module or "").lstrip(".")
    return names


def _eager_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
    } - {"TYPE_CHECKING"}


def test_lazy_table_type_checking_imports_and_all_agree() -> None:
    """A lazy name cannot be added to one of the three places and forgotten in another."""
    tree = _init_tree()
    lazy = dict(atscodes._LAZY)
    assert _type_checking_names(tree) == lazy
    assert set(atscodes.__all__) == _eager_names(tree) | set(lazy)
    assert not _eager_names(tree) & set(lazy)
    assert len(atscodes.__all__) == len(set(atscodes.__all__))


def test_lazy_names_are_not_imported_until_used() -> None:
    out = _run(
        "import sys, atscodes\n"
        "mods = {m for m in sys.modules if m.startswith('atscodes.')}\n"
        "print(sorted(mods & {'atscodes._explain', 'atscodes._scan', 'atscodes._logfilter'}))"
    )
    assert out == "[]"


def test_unknown_code_error_is_reported_under_the_package() -> None:
    assert atscodes.UnknownCodeError.__module__ == "atscodes"
    assert repr(atscodes.UnknownCodeError).startswith("<class 'atscodes.UnknownCodeError'")


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


@pytest.mark.parametrize("argv", [["-9802"], ["42", "[3:-9813]"], ["errSSLPeerBadCert"]])
def test_the_plain_decode_imports_only_what_it_needs(argv: list[str]) -> None:
    """`atscodes -9802` starts fast: no attrs, argparse, log, explain or ATS machinery."""
    out = _run(
        "import sys, io\n"
        "from atscodes._cli import main\n"
        "real, sys.stdout = sys.stdout, io.StringIO()\n"
        f"status = main({argv!r})\n"
        "sys.stdout = real\n"
        "heavy = {'attr', 'attrs', 'argparse', 'inspect', 'json', 'textwrap', 'shutil'}\n"
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in {\n"
        "    'atscodes._scan', 'atscodes._annotate', 'atscodes._explain',\n"
        "    'atscodes._ats_check', 'atscodes._ats_lint', 'atscodes._logfilter'}))"
    )
    assert out == "0 []"
