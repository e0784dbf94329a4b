"""Re-extract the upstream facts (names and values) that the tables are tested against.

This script parses Apple's headers and sources, and the RFC texts, straight from
git clones of the public repositories named in ``SOURCES`` (each pinned to a
commit), and writes ``upstream.json`` beside it: for every family, the names and
values as the upstream text gives them, with the repository, commit and path they
came from.  It shares no code and no data with ``atscodes``: the tests compare the
shipped tables with this independent extraction.

Usage::

    python tests/upstream/extract_upstream.py CLONES_DIR [-o tests/upstream/upstream.json]

``CLONES_DIR`` holds one bare or normal clone per repository, named
``OWNER+NAME`` (for example ``CLONES_DIR/apple-oss-distributions+Security``), or
``OWNER+NAME/repo`` for a bare git directory.  Only ``git show COMMIT:PATH`` is
used; nothing is built or run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple


class Source(NamedTuple):
    repo: str
    commit: str
    path: str
    ref: str  # the tag or branch the commit was read at, for people


SECURITY = "apple-oss-distributions/Security"
_SEC = ("db15acbe6a7f257a859ad9a3bb86097bfe0679d9", "Security-61901.0.87.0.1")
SDK = "hexops/xcode-frameworks"
_SDK = ("8a1cfb373587ea4c9bb1468b7c986462d8d4e10e", "main (macOS 14.2 SDK)")
OPENCFN = "gerickson/opencfnetwork"
_OPENCFN = ("f4d5e778874a93cae0ae0eb0dc884978d8459471", "initial import of CFNetwork-129.20")
_CFN = "third_party/CFNetwork/repo/"

SOURCES: dict[str, Source] = {
    "secbase": Source(SECURITY, *_SEC[:1], "base/SecBase.h", _SEC[1]),
    "securetransport": Source(
        SECURITY, _SEC[0], "OSX/libsecurity_ssl/lib/SecureTransport.h", _SEC[1]
    ),
    "nsurlerror": Source(
        SDK, _SDK[0], "Frameworks/Foundation.framework/Headers/NSURLError.h", _SDK[1]
    ),
    "cfnetworkerrors": Source(
        SDK, _SDK[0], "Frameworks/CFNetwork.framework/Headers/CFNetworkErrors.h", _SDK[1]
    ),
    "cfstream_h": Source(
        SDK, _SDK[0], "Frameworks/CoreFoundation.framework/Headers/CFStream.h", _SDK[1]
    ),
    "cf_socketstream": Source(
        "apple-oss-distributions/CF",
        "dc54c6bb1c1e5e0b9486c1d26dd5bef110b20bf3",
        "CFSocketStream.c",
        "main (CF-1153.18)",
    ),
    "cfn_http": Source(OPENCFN, _OPENCFN[0], _CFN + "HTTP/CFHTTPFilter.c", _OPENCFN[1]),
    "cfn_ftp": Source(OPENCFN, _OPENCFN[0], _CFN + "FTP/CFFTPStream.c", _OPENCFN[1]),
    "cfn_netservices": Source(
        OPENCFN, _OPENCFN[0], _CFN + "NetServices/CFNetServices.c", _OPENCFN[1]
    ),
    "cfn_host": Source(OPENCFN, _OPENCFN[0], _CFN + "Host/CFHost.c", _OPENCFN[1]),
    "cfn_httpserver": Source(
        OPENCFN, _OPENCFN[0], _CFN + "Headers/CFHTTPServerPriv.h", _OPENCFN[1]
    ),
    "errno_h": Source(
        "apple-oss-distributions/xnu",
        "a1e26a70f38d1d7daa7b49b258e2f8538ad81650",
        "bsd/sys/errno.h",
        "xnu-11417.121.6",
    ),
    "netdb_h": Source(
        "apple-oss-distributions/Libinfo",
        "39b70c515baee5b609e7e91693edbd934b6845a1",
        "lookup.subproj/netdb.h",
        "Libinfo-600",
    ),
    "errlst_c": Source(
        "apple-oss-distributions/Libc",
        "55b54c0a0c37b3b24393b42b90a4c561d6c606b1",
        "gen/errlst.c",
        "Libc-1725.0.11",
    ),
    "rfc8446": Source("pingu342/rfc", "8f03c4af", "rfc8446.txt", "master"),
    "rfc9846": Source("tlswg/tls13-spec", "c728b4ef", "rfc9846.md", "main"),
    "ech": Source(
        "tlswg/draft-ietf-tls-esni", "b5e5b4e", "draft-ietf-tls-esni.md", "main (RFC 9849)"
    ),
    "dtls13bis": Source(
        "tlswg/dtls13-spec", "2f3aa76", "draft-ietf-tls-rfc9147bis.md", "main (RFC 9147 bis)"
    ),
}


def read(clones: Path, source: Source) -> str:
    """The text of *source* from its clone under *clones*."""
    base = clones / source.repo.replace("/", "+")
    for git_dir in (base / "repo", base / ".git", base):
        if (git_dir / "HEAD").exists():
            break
    result = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{source.commit}:{source.path}"],
        check=True,
        capture_output=True,
    )
    return result.stdout.decode("utf-8", errors="replace")


_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def _strip_comments(text: str) -> str:
    return _COMMENT.sub(" ", text)


def c_enum_values(text: str, prefix: str) -> tuple[dict[str, int], dict[str, str]]:
    """``name = value`` and ``name = other_name`` enumerators whose name starts with *prefix*.

    One enumerator per line, as Apple's headers write them; whatever stands
    between the name and ``=`` (availability or deprecation macros) is skipped.
    """
    values: dict[str, int] = {}
    aliases: dict[str, str] = {}
    pattern = re.compile(
        rf"^\s*({re.escape(prefix)}\w*)\b[^=\n]*=\s*(-?\s*\d+|[A-Za-z_]\w*)L?\s*[,}}\n]",
        re.M,
    )
    for name, value in pattern.findall(_strip_comments(text)):
        if re.fullmatch(r"-?\s*\d+", value):
            values[name] = int(value.replace(" ", ""))
        else:
            aliases[name] = value
    return values, aliases


def enum_block(text: str, opener: str) -> str:
    """The body of the first ``{ … }`` that follows *opener*."""
    start = text.index(opener)
    return text[text.index("{", start) + 1 : text.index("}", start)]


def define_aliases(text: str, prefix: str) -> dict[str, str]:
    """``#define NAME OTHER_NAME`` lines for names starting with *prefix*."""
    return dict(
        re.findall(
            rf"^\s*#\s*define\s+({re.escape(prefix)}\w*)\s+([A-Za-z_]\w*)\s*$",
            _strip_comments(text),
            re.M,
        )
    )


# --- a tiny preprocessor, enough for xnu's errno.h and Libinfo's netdb.h ---------------

_USER_SPACE = {
    "__DARWIN_UNIX03": 1,
    "__DARWIN_C_LEVEL": 900000,
    "__DARWIN_C_FULL": 900000,
    "_POSIX_C_SOURCE": 0,
    "_DARWIN_C_SOURCE": 0,
}


def _eval_condition(condition: str, defined: set[str]) -> bool:
    expr = re.sub(
        r"defined\s*\(\s*(\w+)\s*\)", lambda m: "1" if m[1] in defined else "0", condition
    )
    expr = re.sub(r"defined\s+(\w+)", lambda m: "1" if m[1] in defined else "0", expr)
    expr = re.sub(r"(\d+)L\b", r"\1", expr)
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    expr = re.sub(
        r"\b([A-Za-z_]\w*)\b",
        lambda m: m[1] if m[1] in ("and", "or", "not") else str(_USER_SPACE.get(m[1], 0)),
        expr,
    )
    return bool(eval(expr, {"__builtins__": {}}))  # only digits, operators and/or/not remain


def user_space_defines(text: str, prefix: str) -> dict[str, str]:
    """``#define`` lines visible to a user-space UNIX03 program, name -> replacement."""
    defined = {"__DARWIN_UNIX03", "_DARWIN_C_SOURCE"}
    stack: list[tuple[bool, bool]] = []  # (this branch active, any branch taken)
    active = True
    found: dict[str, str] = {}
    for raw in _strip_comments(text).splitlines():
        line = raw.strip()
        directive = re.match(r"#\s*(\w+)\s*(.*)", line)
        if not directive:
            continue
        word, rest = directive[1], directive[2].strip()
        if word in ("if", "ifdef", "ifndef"):
            if word == "ifdef":
                cond = rest in defined
            elif word == "ifndef":
                cond = rest not in defined
            else:
                cond = _eval_condition(rest, defined)
            stack.append((active, cond))
            active = active and cond
        elif word == "elif":
            outer, taken = stack[-1]
            cond = not taken and _eval_condition(rest, defined)
            stack[-1] = (outer, taken or cond)
            active = outer and cond
        elif word == "else":
            outer, taken = stack[-1]
            active = outer and not taken
            stack[-1] = (outer, True)
        elif word == "endif":
            active = stack.pop()[0]
        elif word == "define" and active:
            parts = rest.split(None, 1)
            defined.add(parts[0])
            if parts[0].startswith(prefix) and len(parts) == 2:
                found[parts[0]] = parts[1].strip()
    return found


def numeric_defines(defines: dict[str, str]) -> tuple[dict[str, int], dict[str, str]]:
    values: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for name, replacement in defines.items():
        if re.fullmatch(r"-?\d+", replacement):
            values[name] = int(replacement)
        elif re.fullmatch(r"[A-Za-z_]\w*", replacement):
            aliases[name] = replacement
    return values, aliases


# --- the families ------------------------------------------------------------------------


def strerror_list(text: str) -> dict[str, str]:
    """``sys_errlist`` of Libc's errlst.c: ``{str(errno): text}``, indexed by position.

    The position is the errno; where a comment names the number (``/* 16 - EBUSY */``)
    it must agree.
    """
    body = text[text.index("sys_errlist[] = {") : text.index("};", text.index("sys_errlist"))]
    strings: dict[str, str] = {}
    for index, match in enumerate(
        re.finditer(r'"((?:[^"\\]|\\.)*)",?[ \t]*(?:/\*\s*(\d+)\s*-)?', body)
    ):
        if match[2] is not None and int(match[2]) != index:
            raise SystemExit(f"errlst.c: entry {index} is commented as {match[2]}")
        strings[str(index)] = match[1]
    return strings


def extract(clones: Path) -> dict[str, object]:
    texts = {key: read(clones, source) for key, source in SOURCES.items()}
    families: dict[str, object] = {}

    secbase = texts["secbase"]
    ssl, ssl_enum_aliases = c_enum_values(secbase, "errSSL")
    assert not ssl_enum_aliases, ssl_enum_aliases
    families["SSLStatus"] = {
        "values": ssl,
        "aliases": define_aliases(texts["securetransport"], "errSSL"),
    }
    sec, sec_aliases = c_enum_values(secbase, "errSec")
    families["SecError"] = {"values": sec, "aliases": sec_aliases}

    url, url_aliases = c_enum_values(
        enum_block(texts["nsurlerror"], "NS_ERROR_ENUM(NSURLErrorDomain)"), "NSURLError"
    )
    assert not url_aliases, url_aliases
    families["URLError"] = {"values": url, "aliases": {}}

    cfnet: dict[str, int] = {}
    block = re.search(
        r"CF_ENUM\(int,\s*CFNetworkErrors\)\s*\{(.*?)\}", texts["cfnetworkerrors"], re.S
    )
    assert block is not None
    for name, value in re.findall(r"\b(k\w+)\s*=\s*(-?\d+)L?", _strip_comments(block[1])):
        cfnet[name] = int(value)
    families["CFNetworkError"] = {"values": cfnet, "aliases": {}}

    domains: dict[str, int] = {}
    enum = re.search(
        r"CF_ENUM\(CFIndex,\s*CFStreamErrorDomain\)\s*\{(.*?)\}", texts["cfstream_h"], re.S
    )
    assert enum is not None
    previous = -1
    for raw_item in _strip_comments(enum[1]).split(","):
        item = raw_item.strip()
        if not item:
            continue
        named = re.fullmatch(r"(\w+)\s*(?:=\s*(-?\d+)L?)?", item)
        assert named is not None, item
        previous = int(named[2]) if named[2] is not None else previous + 1
        domains[named[1]] = previous
    for key in ("cf_socketstream", "cfn_http", "cfn_ftp", "cfn_netservices", "cfn_host"):
        for name, value in re.findall(
            r"^\s*(?:/\*\s*extern\s*\*/\s*)?const\s+(?:int|SInt32)\s+(kCFStreamErrorDomain\w+)"
            r"\s*=\s*(-?\d+)\s*;",
            texts[key],
            re.M,
        ):
            if domains.setdefault(name, int(value)) != int(value):
                raise SystemExit(f"{name}: {SOURCES[key]} disagrees")
    for name, value in re.findall(
        r"\b(kCFStreamErrorDomain\w+)\s*=\s*(\d+)", _strip_comments(texts["cfn_httpserver"])
    ):
        domains[name] = int(value)
    families["CFStreamErrorDomain"] = {"values": domains, "aliases": {}}

    errno_values, errno_aliases = numeric_defines(user_space_defines(texts["errno_h"], "E"))
    families["DarwinErrno"] = {"values": errno_values, "aliases": errno_aliases}
    eai_values, eai_aliases = numeric_defines(user_space_defines(texts["netdb_h"], "EAI_"))
    families["AddrInfoError"] = {"values": eai_values, "aliases": eai_aliases}

    alerts: dict[str, int] = {}
    for key in ("rfc8446", "rfc9846"):
        text = texts[key]
        end = text.rindex("} AlertDescription;")
        block = text[text.rindex("enum {", 0, end) : end]
        for name, value in re.findall(r"\b([a-z_A-Z]+)\((\d+)\)", block):
            if int(value) < 255:
                alerts.setdefault(name, int(value))
    for key, pattern in (
        ("ech", r"\bech_required\((\d+)\)"),
        ("dtls13bis", r"value (\d+) for the\W+too_many_cids_requested"),
    ):
        match = re.search(pattern, texts[key])
        assert match is not None, pattern
        name = "ech_required" if key == "ech" else "too_many_cids_requested"
        alerts[name] = int(match[1])
    families["TLSAlert"] = {"values": alerts, "aliases": {}}

    return {
        "generated_by": "tests/upstream/extract_upstream.py",
        "sources": {key: source._asdict() for key, source in SOURCES.items()},
        "families": families,
        "strerror": strerror_list(texts["errlst_c"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clones", type=Path, help="directory of OWNER+NAME clones")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path(__file__).with_name("upstream.json")
    )
    args = parser.parse_args(argv)
    data = extract(args.clones)
    args.output.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    families = data["families"]
    assert isinstance(families, dict)
    for name, family in families.items():
        print(
            f"{name}: {len(family['values'])} values, {len(family['aliases'])} aliases",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
