#!/usr/bin/env python3
"""Extract Apple error-code values from PyObjC framework wheels into pyobjc.json.

PyObjC's framework wrappers (``pyobjc-framework-Security``,
``pyobjc-framework-CFNetwork`` and ``pyobjc-framework-Cocoa``, the last one
holding ``Foundation`` and ``CoreFoundation``) ship a generated
``<Framework>/_metadata.py`` module that records the value of every enum
constant of the framework.  This script is an independent second source for
the tables in atscodes: it reads those ``_metadata.py`` members straight out
of the wheel files given on the command line (with :mod:`zipfile`; nothing is
installed or imported), and writes the integer values of selected constant
families to a deterministic JSON file.

Usage::

    python3 tests/upstream/extract_pyobjc.py WHEEL [WHEEL ...] [-o OUTPUT]

for example, after ``pip download --no-deps --only-binary=:all:
--platform macosx_11_0_universal2 --python-version 3.11 -d DIR
pyobjc-framework-Security pyobjc-framework-CFNetwork pyobjc-framework-Cocoa``::

    python3 tests/upstream/extract_pyobjc.py DIR/*.whl

The output defaults to ``pyobjc.json`` next to this script.  Only the Python
standard library is needed (Python 3.9 or newer).

How values are read (mirroring ``objc._lazyimport`` in pyobjc-core):

* The metadata module is parsed with :func:`ast.parse`; it is never executed.
  Only the top-level literals ``enums`` (a string), ``constants`` (a string),
  ``aliases`` (a dict) and the dict literals passed to ``misc.update`` are
  evaluated, each with :func:`ast.literal_eval`.
* ``enums`` is a string of ``$NAME@VALUE`` entries.  VALUE is a decimal
  integer, a float (skipped here), or a quoted four-character code (converted
  the way PyObjC does: big-endian signed 32-bit).  The first entry of a name
  wins, as in PyObjC.
* ``constants`` lists ``$NAME`` or ``$NAME@TYPE`` entries: these are
  variables exported by the framework binary, whose values are not in the
  metadata.  Those of an integer type that fall in a family are listed
  (without values) under ``variables``.
* ``aliases`` maps a name to another name; an alias whose target resolves to
  an integer is included with that value (a direct ``enums`` value of the same
  name wins, as in PyObjC) and is listed under ``aliases``.

Output layout (keys sorted, two-space indent)::

    {"source":    {distribution: {"version", "wheel", "sha256", "frameworks"}},
     "families":  {family: {name: int}},
     "aliases":   {family: {alias name: target name}},
     "variables": {family: [name, ...]}}
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import struct
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path
from typing import Union

FRAMEWORKS: tuple[str, ...] = ("Security", "CFNetwork", "Foundation", "CoreFoundation")

# Metadata names evaluated at module level; any other use of them is a format change.
_WATCHED_NAMES = ("enums", "constants", "aliases")

_ENUM_RE = re.compile(r"\$([A-Za-z0-9_]+)@([^$]*)(?=\$)")
_CONSTANT_RE = re.compile(r"\$([A-Za-z0-9_]+)(?:@([^$]*))?(?=\$)")
_INT_RE = re.compile(r"[+-]?[0-9]+")
# Objective-C type encodings of integer variables (listed under "variables").
_INTEGER_ENCODINGS = frozenset("cCsSiIlLqQ")

# Prefixes of the enumerators of the CFNetworkErrors enum (CFNetworkErrors.h).
_CFNETWORK_ERRORS_PREFIXES: tuple[str, ...] = (
    "kCFHostError",
    "kCFSOCKSError",
    "kCFSOCKS4Error",
    "kCFSOCKS5Error",
    "kCFFTPError",
    "kCFErrorHTTP",
    "kCFErrorPACFile",
    "kCFURLError",
    "kCFNetServiceError",
)
_CFNETWORK_ERRORS_NAMES: tuple[str, ...] = (
    "kCFHTTPCookieCannotParseCookieFile",
    "kCFStreamErrorHTTPSProxyFailureUnexpectedResponseToCONNECTMethod",
)

Number = Union[int, float]


class MetadataFormatError(Exception):
    """The metadata module does not have the layout this script understands."""


@dataclass(frozen=True)
class Family:
    """A named group of constants taken from some frameworks' metadata."""

    name: str
    frameworks: tuple[str, ...]
    matches: Callable[[str], bool]


def _prefix(*prefixes: str) -> Callable[[str], bool]:
    return lambda name: name.startswith(prefixes)


def _is_errsec(name: str) -> bool:
    # errSec followed by an upper-case letter, a digit or "_": not errSecure...
    return re.match(r"errSec[A-Z0-9_]", name) is not None


def _is_nsurlerror(name: str) -> bool:
    return name.startswith("NSURLError") and not name.startswith(
        ("NSURLErrorCancelledReason", "NSURLErrorNetworkUnavailableReason")
    )


def _is_cfnetwork_error(name: str) -> bool:
    return name.startswith(_CFNETWORK_ERRORS_PREFIXES) or name in _CFNETWORK_ERRORS_NAMES


def _is_cfstream_error_socks(name: str) -> bool:
    return name.startswith("kCFStreamErrorSOCKS") or name == "kSOCKS5NoAcceptableMethod"


def _is_cfstream_error_http(name: str) -> bool:
    return (
        name.startswith("kCFStreamErrorHTTP")
        and not name.startswith("kCFStreamErrorHTTPAuthentication")
        and not _is_cfnetwork_error(name)
    )


FAMILIES: tuple[Family, ...] = (
    Family("errSSL", ("Security",), _prefix("errSSL")),
    Family("errSec", ("Security",), _is_errsec),
    Family("NSURLError", ("Foundation",), _is_nsurlerror),
    Family("NSURLErrorCancelledReason", ("Foundation",), _prefix("NSURLErrorCancelledReason")),
    Family(
        "NSURLErrorNetworkUnavailableReason",
        ("Foundation",),
        _prefix("NSURLErrorNetworkUnavailableReason"),
    ),
    Family("CFNetworkErrors", ("CFNetwork",), _is_cfnetwork_error),
    Family("CFNetServicesError", ("CFNetwork",), _prefix("kCFNetServicesError")),
    Family("CFStreamErrorHTTP", ("CFNetwork",), _is_cfstream_error_http),
    Family(
        "CFStreamErrorHTTPAuthentication",
        ("CFNetwork",),
        _prefix("kCFStreamErrorHTTPAuthentication"),
    ),
    Family("CFStreamErrorSOCKS", ("CFNetwork",), _is_cfstream_error_socks),
    Family(
        "CFStreamErrorDomain",
        ("CoreFoundation", "CFNetwork"),
        _prefix("kCFStreamErrorDomain"),
    ),
)


@dataclass
class FrameworkMetadata:
    """The literal parts of one framework's ``_metadata.py``."""

    framework: str
    enums: dict[str, Number] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    misc_ints: dict[str, int] = field(default_factory=dict)
    duplicate_enums: list[str] = field(default_factory=list)
    skipped_enum_values: dict[str, str] = field(default_factory=dict)


@dataclass
class WheelInfo:
    """Identity of one wheel file."""

    distribution: str
    version: str
    filename: str
    sha256: str
    frameworks: list[str]


def _parse_enum_value(text: str) -> Number | None:
    """Convert one ``enums`` value as ``objc._lazyimport._prs_enum`` does."""
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        code = text[1:-1].encode("latin1")
        if len(code) != 4:
            return None
        return int(struct.unpack(">l", code)[0])
    if _INT_RE.fullmatch(text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return None


def _literal(node: ast.AST, what: str, framework: str) -> object:
    try:
        return ast.literal_eval(node)
    except ValueError as exc:
        raise MetadataFormatError(f"{framework}: {what} is not a literal: {exc}") from None


def _assigned_name(node: ast.stmt) -> str | None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name):
            return target.id
    return None


def _misc_update_call(node: ast.stmt) -> ast.Call | None:
    """The ``misc.update(...)`` call that ``node`` consists of, if it is one."""
    if not isinstance(node, ast.Expr):
        return None
    call = node.value
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "update"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "misc"
    ):
        return call
    return None


def _check_watched_names(tree: ast.Module, framework: str) -> None:
    """Fail if enums/constants/aliases are bound anywhere but plain top-level assignments."""
    top_level = {id(stmt) for stmt in tree.body}
    seen: dict[str, int] = {}
    for node in ast.walk(tree):
        targets: list[ast.expr]
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name) and target.id in _WATCHED_NAMES:
                if id(node) not in top_level or not isinstance(node, ast.Assign):
                    raise MetadataFormatError(
                        f"{framework}: {target.id!r} is bound in an unexpected way "
                        f"(line {node.lineno})"
                    )
                seen[target.id] = seen.get(target.id, 0) + 1
    for name, count in seen.items():
        if count > 1:
            raise MetadataFormatError(f"{framework}: {name!r} is assigned {count} times")


def parse_metadata(source: str, framework: str) -> FrameworkMetadata:
    """Read the literal tables of a ``_metadata.py`` source text without running it."""
    tree = ast.parse(source, filename=f"{framework}/_metadata.py")
    _check_watched_names(tree, framework)
    meta = FrameworkMetadata(framework)

    for stmt in tree.body:
        name = _assigned_name(stmt)
        if name in _WATCHED_NAMES:
            assert isinstance(stmt, ast.Assign)
            value = _literal(stmt.value, name, framework)
            if name == "aliases":
                if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()
                ):
                    raise MetadataFormatError(f"{framework}: aliases is not a str->str dict")
                meta.aliases = dict(value)
            elif not isinstance(value, str):
                raise MetadataFormatError(f"{framework}: {name} is not a string")
            elif name == "enums":
                _read_enums(value, meta)
            else:
                for const_name, type_code in _CONSTANT_RE.findall(value):
                    meta.variables.setdefault(const_name, type_code or "@")
        else:
            call = _misc_update_call(stmt)
            if call is not None:
                _read_misc_update(call, meta)

    return meta


def _read_enums(text: str, meta: FrameworkMetadata) -> None:
    for name, raw in _ENUM_RE.findall(text):
        if name in meta.enums or name in meta.skipped_enum_values:
            meta.duplicate_enums.append(name)
            continue
        value = _parse_enum_value(raw)
        if value is None:
            meta.skipped_enum_values[name] = raw
        else:
            meta.enums[name] = value


def _read_misc_update(call: ast.Call, meta: FrameworkMetadata) -> None:
    if len(call.args) != 1 or call.keywords or not isinstance(call.args[0], ast.Dict):
        raise MetadataFormatError(f"{meta.framework}: misc.update() without a dict literal")
    for key_node, value_node in zip(call.args[0].keys, call.args[0].values):
        if key_node is None:
            raise MetadataFormatError(f"{meta.framework}: ** in a misc.update() dict")
        key = _literal(key_node, "misc key", meta.framework)
        try:
            value = ast.literal_eval(value_node)
        except ValueError:
            continue  # NewType(...), objc.createStructType(...) and the like
        if isinstance(key, str) and isinstance(value, int) and not isinstance(value, bool):
            meta.misc_ints[key] = value


def read_wheel(path: Path) -> tuple[WheelInfo, dict[str, FrameworkMetadata]]:
    """Read the wheel's identity and the metadata of the frameworks it holds."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    found: dict[str, FrameworkMetadata] = {}
    distribution = version = None
    with zipfile.ZipFile(path) as archive:
        for member in sorted(archive.namelist()):
            parts = member.split("/")
            if len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == "METADATA":
                headers = HeaderParser().parsestr(archive.read(member).decode("utf-8"))
                distribution, version = headers["Name"], headers["Version"]
            elif len(parts) == 2 and parts[1] == "_metadata.py" and parts[0] in FRAMEWORKS:
                source = archive.read(member).decode("utf-8")
                found[parts[0]] = parse_metadata(source, parts[0])
    if distribution is None or version is None:
        raise MetadataFormatError(f"{path.name}: no .dist-info/METADATA with Name and Version")
    info = WheelInfo(distribution, version, path.name, digest, sorted(found))
    return info, found


def _int_value(
    name: str,
    frameworks: Sequence[str],
    metadata: dict[str, FrameworkMetadata],
    seen: tuple[str, ...] = (),
) -> tuple[int | None, str | None]:
    """Value of ``name`` in ``frameworks`` (then in all), and the alias target used, if any.

    Lookup order per framework follows PyObjC: ``misc``, variables (no value),
    ``enums``, then ``aliases``.
    """
    if name in seen:
        return None, None
    search_order = list(frameworks) + [fw for fw in FRAMEWORKS if fw not in frameworks]
    for fw in search_order:
        meta = metadata[fw]
        if name in meta.misc_ints:
            return meta.misc_ints[name], None
        if name in meta.variables:
            return None, None
        if name in meta.enums:
            enum_value = meta.enums[name]
            return (enum_value, None) if isinstance(enum_value, int) else (None, None)
        if name in meta.aliases:
            target = meta.aliases[name]
            alias_value, _ = _int_value(target, (fw,), metadata, (*seen, name))
            return alias_value, (target if alias_value is not None else None)
    return None, None


def build_tables(
    wheels: Sequence[WheelInfo], metadata: dict[str, FrameworkMetadata]
) -> dict[str, object]:
    """Assemble the JSON document."""
    families: dict[str, dict[str, int]] = {}
    aliases: dict[str, dict[str, str]] = {}
    variables: dict[str, list[str]] = {}
    for family in FAMILIES:
        candidates: set[str] = set()
        unvalued: set[str] = set()
        for fw in family.frameworks:
            meta = metadata[fw]
            candidates.update(n for n in meta.enums if family.matches(n))
            candidates.update(n for n in meta.misc_ints if family.matches(n))
            candidates.update(n for n in meta.aliases if family.matches(n))
            unvalued.update(
                n
                for n, encoding in meta.variables.items()
                if family.matches(n) and encoding in _INTEGER_ENCODINGS
            )
        values: dict[str, int] = {}
        used_aliases: dict[str, str] = {}
        for name in sorted(candidates):
            value, target = _int_value(name, family.frameworks, metadata)
            if value is None:
                continue
            values[name] = value
            if target is not None:
                used_aliases[name] = target
        families[family.name] = values
        if used_aliases:
            aliases[family.name] = used_aliases
        unvalued -= set(values)
        if unvalued:
            variables[family.name] = sorted(unvalued)

    source = {
        w.distribution: {
            "frameworks": w.frameworks,
            "sha256": w.sha256,
            "version": w.version,
            "wheel": w.filename,
        }
        for w in wheels
    }
    return {"aliases": aliases, "families": families, "source": source, "variables": variables}


def _warnings(metadata: dict[str, FrameworkMetadata]) -> list[str]:
    notes: list[str] = []
    for fw in FRAMEWORKS:
        meta = metadata[fw]
        if meta.duplicate_enums:
            notes.append(f"{fw}: names repeated in enums (first kept): {meta.duplicate_enums}")
    cfnetwork = metadata["CFNetwork"]
    unclassified = sorted(
        n
        for n, v in cfnetwork.enums.items()
        if isinstance(v, int)
        and "Error" in n
        and not any(f.matches(n) for f in FAMILIES if "CFNetwork" in f.frameworks)
    )
    if unclassified:
        notes.append(f"CFNetwork: error-like enums in no family: {unclassified}")
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheels", nargs="+", type=Path, help="PyObjC framework wheel files")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).resolve().with_name("pyobjc.json"),
        help="JSON file to write (default: pyobjc.json next to this script)",
    )
    args = parser.parse_args(argv)

    wheels: list[WheelInfo] = []
    metadata: dict[str, FrameworkMetadata] = {}
    try:
        for path in args.wheels:
            info, found = read_wheel(path)
            for fw in found:
                if fw in metadata:
                    raise MetadataFormatError(f"{fw}/_metadata.py is in more than one wheel")
            metadata.update(found)
            if found:
                wheels.append(info)
    except (MetadataFormatError, OSError, zipfile.BadZipFile, SyntaxError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    missing = [fw for fw in FRAMEWORKS if fw not in metadata]
    if missing:
        print(
            f"error: no _metadata.py for {', '.join(missing)} in the wheels given", file=sys.stderr
        )
        return 1

    document = build_tables(wheels, metadata)
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n"
    args.output.write_text(text, encoding="utf-8")

    for note in _warnings(metadata):
        print(f"warning: {note}", file=sys.stderr)
    families = document["families"]
    assert isinstance(families, dict)
    for name, values in sorted(families.items()):
        print(f"{name}: {len(values)}", file=sys.stderr)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
