"""Trust anchors as an Apple device has them, and a path builder that uses them offline.

The Apple store is the ``certificates/roots/`` folder of Apple's open-source
``security_certificates`` project at tag ``security_certificates-55349.0.11``
(commit 686038f6795fcc88f51b86f98f8286dadf678fc1), shipped unchanged in
``atscodes/_data/apple_roots/`` (each file is named by its SHA-256).  Its
``certificate_transparency/log_list.json`` is shipped as
``atscodes/_data/apple_ct_log_list.json``.

The path builder is a small one: it follows issuer names from the leaf through
the certificates the server sent (and any fetched by AIA) to an anchor, checking
each signature with ``cryptography``.  It does not do revocation, name
constraints or policy processing; :mod:`atscodes._ats_rules` says so where it
matters.  Needs the ``check`` extra.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import pathlib
import ssl
import warnings
from collections.abc import Sequence
from importlib import resources
from typing import Any, Final, Literal

import attrs
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "APPLE_STORE_VERSION",
    "Anchor",
    "Path",
    "TrustStore",
    "apple_ct_logs",
    "build_path",
    "load_store",
]

APPLE_STORE_VERSION: Final = "security_certificates-55349.0.11"
_MAX_DEPTH: Final = 10

StoreName = Literal["apple", "system"]


@attrs.frozen
class TrustStore:
    """A set of trusted roots: ``name`` is apple or system, ``version`` where it comes from."""

    name: str
    version: str
    roots: tuple[bytes, ...] = attrs.field(repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "roots": len(self.roots)}


@functools.lru_cache(maxsize=1)
def _apple_roots() -> tuple[bytes, ...]:
    folder = resources.files("atscodes") / "_data" / "apple_roots"
    return tuple(
        entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".cer")
    )


def _system_roots() -> tuple[bytes, ...]:
    context = ssl.create_default_context()
    # get_ca_certs() lists what the default file loaded; a hashed capath folder is
    # loaded lazily by OpenSSL and would not show, so read that too.
    roots = [bytes(c) for c in context.get_ca_certs(binary_form=True)]
    paths = ssl.get_default_verify_paths()
    if not roots and paths.capath:
        folder = pathlib.Path(paths.capath)
        with contextlib.suppress(OSError):
            for file in sorted(folder.iterdir()):
                with contextlib.suppress(OSError, ValueError):
                    roots.extend(_pem_or_der(file.read_bytes()))
    return tuple(roots)


def load_store(name: StoreName) -> TrustStore:
    """The ``apple`` store shipped with atscodes, or this machine's ``system`` store."""
    if name == "apple":
        return TrustStore("apple", APPLE_STORE_VERSION, _apple_roots())
    paths = ssl.get_default_verify_paths()
    return TrustStore("system", paths.cafile or paths.capath or "OpenSSL default", _system_roots())


def _pem_or_der(data: bytes) -> list[bytes]:
    if b"-----BEGIN CERTIFICATE-----" in data:
        return [
            c.public_bytes(Encoding.DER)
            for c in x509.load_pem_x509_certificates(data)  # raises ValueError
        ]
    return [x509.load_der_x509_certificate(data).public_bytes(Encoding.DER)]


def der(cert: x509.Certificate) -> bytes:
    """The DER encoding of *cert*."""
    return cert.public_bytes(Encoding.DER)


def read_certificates(data: bytes) -> list[bytes]:
    """The DER certificates in a PEM (one or more) or DER file; ValueError if there are none."""
    try:
        found = _pem_or_der(data)
    except ValueError:
        found = []
    if not found:
        raise ValueError("no certificate in it")
    return found


@functools.lru_cache(maxsize=4)
def apple_ct_logs() -> dict[bytes, dict[str, Any]]:
    """Apple's CT logs by log id: description, operator, state name and its timestamp."""
    text = (resources.files("atscodes") / "_data" / "apple_ct_log_list.json").read_text("utf-8")
    data = json.loads(text)
    out: dict[bytes, dict[str, Any]] = {}
    for operator in data.get("operators", []):
        for log in list(operator.get("logs", [])) + list(operator.get("tiled_logs", [])):
            state: dict[str, Any] = log.get("state") or {}
            state_name: str = next(iter(state), "unknown")
            state_value: Any = state.get(state_name) or {}
            out[base64.b64decode(log["log_id"])] = {
                "description": log.get("description", ""),
                "operator": operator.get("name", ""),
                "state": state_name,
                "since": state_value.get("timestamp", "") if isinstance(state_value, dict) else "",
            }
    return out


# ---------------------------------------------------------------- path building


@attrs.frozen
class Anchor:
    """Where a path ends: ``source`` is the store name, or ``custom`` for an added anchor."""

    source: str
    der: bytes = attrs.field(repr=False)


@attrs.frozen
class Path:
    """The chain trust evaluation built: indices into the candidate list, leaf first."""

    certificates: tuple[x509.Certificate, ...] = attrs.field(repr=False)
    anchor: Anchor | None
    # the issuer could not be found for the last certificate of the path
    missing_issuer: bool
    # the path ends in a self-signed certificate that no anchor list holds
    untrusted_root: bool
    problem: str


def _key(cert: x509.Certificate) -> bytes:
    return cert.subject.public_bytes()


def _signed_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except Exception:  # InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm
        return False
    return True


def _spki(cert: x509.Certificate) -> bytes:
    try:
        return cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except Exception:  # an unknown key algorithm
        return b""


@functools.lru_cache(maxsize=8)
def _parse_all(ders: tuple[bytes, ...]) -> tuple[x509.Certificate, ...]:
    out = []
    with warnings.catch_warnings():
        # a few old roots have serial numbers RFC 5280 disallows; cryptography warns
        warnings.simplefilter("ignore")
        for der in ders:
            with contextlib.suppress(ValueError):
                out.append(x509.load_der_x509_certificate(der))
    return tuple(out)


def build_path(
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    store: TrustStore,
    extra_anchors: Sequence[bytes] = (),
) -> Path:
    """Follow issuers from *leaf* through *intermediates* to an anchor (store or extra).

    An anchor matches by subject and public key, as Apple's anchors do (a
    re-issued root with the same key is the same anchor).
    """
    anchors: dict[bytes, list[tuple[x509.Certificate, str]]] = {}
    for source, certs in (
        ("custom", _parse_all(tuple(extra_anchors))),
        (store.name, _parse_all(store.roots)),
    ):
        for cert in certs:
            anchors.setdefault(_key(cert), []).append((cert, source))
    by_subject: dict[bytes, list[x509.Certificate]] = {}
    for cert in intermediates:
        by_subject.setdefault(_key(cert), []).append(cert)

    path = [leaf]
    current = leaf
    for _ in range(_MAX_DEPTH):
        for anchor, source in anchors.get(_key(current), []):
            if _spki(anchor) == _spki(current) and _spki(current):
                return Path(
                    tuple(path),
                    Anchor(source, current.public_bytes(Encoding.DER)),
                    False,
                    False,
                    "",
                )
        issuer = current.issuer.public_bytes()
        for anchor, source in anchors.get(issuer, []):
            if _signed_by(current, anchor):
                path.append(anchor)
                return Path(
                    tuple(path),
                    Anchor(source, anchor.public_bytes(Encoding.DER)),
                    False,
                    False,
                    "",
                )
        self_issued = issuer == _key(current)
        if self_issued:
            problem = (
                "the chain ends in a self-signed certificate that is not a trust anchor"
                if _signed_by(current, current)
                else "the chain ends in a self-issued certificate whose signature does not verify"
            )
            return Path(tuple(path), None, False, True, problem)
        parent = next(
            (c for c in by_subject.get(issuer, []) if c not in path and _signed_by(current, c)),
            None,
        )
        if parent is None:
            named = by_subject.get(issuer)
            problem = (
                "the issuer the server sent does not verify this certificate's signature"
                if named
                else "the issuer of this certificate is neither sent by the server nor an anchor"
            )
            return Path(tuple(path), None, not named, False, problem)
        path.append(parent)
        current = parent
    return Path(tuple(path), None, False, False, f"no anchor within {_MAX_DEPTH} certificates")


def sha256_hex(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest().upper()
