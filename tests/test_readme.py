"""The README is a promise: its commands, its REPL session and CI agree with it."""

from __future__ import annotations

import doctest
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """.ci/run is in the sdist too (pyproject's sdist include), so this runs there as well."""
    install_and_decode, install_and_test = (b.strip() for b in _blocks("sh")[:2])
    assert "atscodes -9802" in install_and_decode
    assert "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci


@pytest.mark.parametrize("index", range(len(_blocks("pycon"))))
def test_the_repl_sessions_run_as_shown(index: int) -> None:
    session = _blocks("pycon")[index]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(session, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_the_logging_example_prints_what_it_says() -> None:
    [example] = [b for b in _blocks("python") if "FindingsFilter" in b]
    expected = example.strip().splitlines()[-1].removeprefix("# ")
    result = subprocess.run(
        [sys.executable, "-c", example], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip() == expected


_NOT_SHIPPED = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache"}


def _project_files() -> list[str]:
    """The project's files: git's list in a checkout, the unpacked files in an sdist."""
    if (ROOT / ".git").exists():
        if shutil.which("git") is None:
            pytest.skip("git is needed to list the project's files in a checkout")
        return subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    if (ROOT / "PKG-INFO").is_file():  # an unpacked sdist: everything in it is the project
        return [
            str(path.relative_to(ROOT))
            for path in ROOT.rglob("*")
            if path.is_file()
            and not _NOT_SHIPPED & set(path.relative_to(ROOT).parts)
            and not path.relative_to(ROOT).parts[0].startswith(".venv")
        ]
    pytest.skip("neither a git checkout nor an unpacked sdist: the project's files are unknown")


def test_the_first_command_works_for_a_newcomer(tmp_path: Path) -> None:
    """Run the README's first command, as written, in a fresh copy of the project."""
    for name in _project_files():
        if (ROOT / name).is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tmp_path / name)
    command = _blocks("sh")[0].strip()
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SSLStatus -9802 errSSLFatalAlert" in result.stdout


def test_the_decode_example_prints_what_it_shows(capsys: pytest.CaptureFixture[str]) -> None:
    """The console blocks of the decode and translate (other sections test their own)."""
    import shlex

    from atscodes._cli import main

    decode = [b for b in _blocks("console") if b.startswith(("$ atscodes -", "$ atscodes --"))]
    assert decode
    for block in decode:
        command, *shown = block.rstrip("\n").split("\n")
        status = main(shlex.split(command[len("$ atscodes ") :]))
        assert status == 0
        assert capsys.readouterr().out.rstrip("\n").split("\n") == shown
