"""``atscodes ats lint``: App Transport Security settings that do not do what their author believes.

Pure Python (:mod:`plistlib`, XML and binary plists).  Every rule names the
Apple documentation it rests on; ``severity`` is ``error`` (the setting cannot
work as written), ``warning`` (it works differently than it reads, or weakens
security) or ``info`` (worth knowing, e.g. App Store review will ask).
"""

from __future__ import annotations

import base64
import binascii
import difflib
import ipaddress
import plistlib
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from ._knowledge_types import Source

__all__ = ["LintFinding", "lint_plist"]

_NIAP_DOC: Final = Source(
    "NSRequiresNIAPTLSPackageVersion (Apple Developer Documentation; iOS / macOS 26.4)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsrequiresniaptlspackageversion",
)
_NIAP_EXCEPTION_DOC: Final = Source(
    "NSExceptionRequiresNIAPTLSPackageVersion (Apple Developer Documentation; iOS / macOS 26.4)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsexceptionrequiresniaptlspackageversion",
)
# The two values Apple documents for both NIAP keys.
NIAP_VERSIONS: Final = ("none", "FCP_v2.1")
_ATS_DOC: Final = Source(
    "NSAppTransportSecurity (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsapptransportsecurity",
)
_PREVENTING: Final = Source(
    "Preventing Insecure Network Connections (Apple)",
    "https://developer.apple.com/documentation/security/preventing-insecure-network-connections",
)
_DOMAINS_DOC: Final = Source(
    "NSExceptionDomains (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsapptransportsecurity/nsexceptiondomains",
)
_TLS_VERSION_DOC: Final = Source(
    "NSExceptionMinimumTLSVersion (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsexceptionminimumtlsversion",
)
_REVISIONS: Final = Source(
    "Information Property List Key Reference, revision history (2016-09-13)",
    "https://developer.apple.com/library/archive/documentation/General/Reference/"
    "InfoPlistKeyReference/RevisionHistory.html",
)
_PINNED_DOC: Final = Source(
    "NSPinnedDomains (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsapptransportsecurity/nspinneddomains",
)
_PIN_HASH_DOC: Final = Source(
    "NSPinnedCAIdentities (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nspinnedcaidentities",
)
_CT_DOC: Final = Source(
    "NSRequiresCertificateTransparency (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsrequirescertificatetransparency",
)
_LOCAL_DOC: Final = Source(
    "NSAllowsLocalNetworking (Apple Developer Documentation)",
    "https://developer.apple.com/documentation/bundleresources/information-property-list/"
    "nsapptransportsecurity/nsallowslocalnetworking",
)

ATS_KEY: Final = "NSAppTransportSecurity"

# Key -> expected Python type after plistlib; dict values are checked separately.
_GLOBAL_KEYS: Final[dict[str, type]] = {
    "NSAllowsArbitraryLoads": bool,
    "NSAllowsArbitraryLoadsForMedia": bool,
    "NSAllowsArbitraryLoadsInWebContent": bool,
    "NSAllowsLocalNetworking": bool,
    "NSExceptionDomains": dict,
    "NSPinnedDomains": dict,
    "NSRequiresNIAPTLSPackageVersion": str,
}
_DOMAIN_KEYS: Final[dict[str, type]] = {
    "NSIncludesSubdomains": bool,
    "NSExceptionAllowsInsecureHTTPLoads": bool,
    "NSExceptionMinimumTLSVersion": str,
    "NSExceptionRequiresForwardSecrecy": bool,
    "NSRequiresCertificateTransparency": bool,
    "NSExceptionRequiresNIAPTLSPackageVersion": str,
}
_PINNED_KEYS: Final[dict[str, type]] = {
    "NSIncludesSubdomains": bool,
    "NSPinnedCAIdentities": list,
    "NSPinnedLeafIdentities": list,
}
# Beta-era and removed spellings, with the current key that replaced each.
_LEGACY_KEYS: Final[dict[str, str]] = {
    "NSThirdPartyExceptionAllowsInsecureHTTPLoads": "NSExceptionAllowsInsecureHTTPLoads",
    "NSThirdPartyExceptionMinimumTLSVersion": "NSExceptionMinimumTLSVersion",
    "NSThirdPartyExceptionRequiresForwardSecrecy": "NSExceptionRequiresForwardSecrecy",
    "NSTemporaryExceptionAllowsInsecureHTTPLoads": "NSExceptionAllowsInsecureHTTPLoads",
    "NSTemporaryExceptionMinimumTLSVersion": "NSExceptionMinimumTLSVersion",
    "NSTemporaryExceptionRequiresForwardSecrecy": "NSExceptionRequiresForwardSecrecy",
    "NSTemporaryThirdPartyExceptionAllowsInsecureHTTPLoads": "NSExceptionAllowsInsecureHTTPLoads",
    "NSTemporaryThirdPartyExceptionMinimumTLSVersion": "NSExceptionMinimumTLSVersion",
    "NSTemporaryThirdPartyExceptionRequiresForwardSecrecy": "NSExceptionRequiresForwardSecrecy",
}
# TLSv1.3 is listed although only the newer, not the archived, documentation has it.
TLS_VERSIONS: Final = ("TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3")
_JUSTIFIED: Final = (
    "NSAllowsArbitraryLoads",
    "NSAllowsArbitraryLoadsForMedia",
    "NSAllowsArbitraryLoadsInWebContent",
    "NSExceptionAllowsInsecureHTTPLoads",
)
_PIN_KEY: Final = "SPKI-SHA256-BASE64"


@attrs.frozen
class LintFinding:
    """One problem in an ``NSAppTransportSecurity`` dictionary.

    ``path`` locates it (``NSExceptionDomains > example.com > NSIncludesSubdomains``);
    ``suggestion`` is a concrete fix when there is one.
    """

    rule: str
    severity: str
    path: str
    message: str
    suggestion: str | None = None
    source: Source | None = attrs.field(default=None, repr=False)
    #: True when no Apple source says it outright (our reading, marked as such).
    inference: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "suggestion": self.suggestion,
            "inference": self.inference,
            "source": None
            if self.source is None
            else {"title": self.source.title, "url": self.source.url},
        }


class _Linter:
    def __init__(self) -> None:
        self.findings: list[LintFinding] = []

    def add(
        self,
        rule: str,
        severity: str,
        path: list[str],
        message: str,
        suggestion: str | None = None,
        source: Source | None = None,
        *,
        inference: bool = False,
    ) -> None:
        self.findings.append(
            LintFinding(rule, severity, " > ".join(path), message, suggestion, source, inference)
        )

    def keys(
        self,
        table: Mapping[Any, Any],
        known: Mapping[str, type],
        path: list[str],
        other_known: tuple[str, ...] = (),
    ) -> None:
        for key, value in table.items():
            where = [*path, str(key)]
            if not isinstance(key, str):
                self.add("wrong-type", "error", where, "Keys must be strings.")
                continue
            if key in _LEGACY_KEYS:
                self.add(
                    "legacy-key",
                    "warning",
                    where,
                    f"{key} is a beta-era spelling that Apple's current NSAppTransportSecurity "
                    "documentation no longer lists; whether current systems still read it is "
                    "not documented.",
                    f"use {_LEGACY_KEYS[key]}",
                    _REVISIONS,
                )
                continue
            expected = known.get(key)
            if expected is None:
                if key in other_known:
                    self.add(
                        "misplaced-key",
                        "error",
                        where,
                        f"{key} is not valid at this level of NSAppTransportSecurity.",
                        None,
                        _ATS_DOC,
                    )
                    continue
                close = difflib.get_close_matches(key, [*known, *_LEGACY_KEYS], n=1, cutoff=0.75)
                self.add(
                    "unknown-key",
                    "error",
                    where,
                    f"{key} is not an App Transport Security key Apple documents; the system "
                    "will not act on it.",
                    f"did you mean {close[0]}?" if close else None,
                    _ATS_DOC,
                    inference=True,
                )
                continue
            if not isinstance(value, expected) or (
                expected is not bool and isinstance(value, bool)
            ):
                self.add(
                    "wrong-type",
                    "error",
                    where,
                    f"{key} must be a {_TYPE_NAMES[expected]}, not a "
                    f"{_TYPE_NAMES.get(type(value), type(value).__name__)}; what the system "
                    "does with another type is not documented (expect it to be ignored).",
                    None,
                    _ATS_DOC,
                    inference=True,
                )


_TYPE_NAMES: Final[dict[type, str]] = {
    bool: "Boolean",
    dict: "dictionary",
    str: "string",
    list: "array",
    int: "number",
    float: "number",
    bytes: "data",
}


def _check_domain_name(linter: _Linter, name: str, path: list[str]) -> None:
    where = [*path, name]
    if "://" in name:
        linter.add(
            "domain-scheme",
            "error",
            where,
            "Exception domains are host names; an entry with a URL scheme is not a host "
            "name and will not match one.",
            f"use {name.split('://', 1)[1].split('/', maxsplit=1)[0]}",
            _DOMAINS_DOC,
            inference=True,
        )
        return
    host = name
    if host.startswith("[") or host.count(":") > 1:
        address = host.strip("[]")
    else:
        address, _, port = host.partition(":")
        if port:
            linter.add(
                "domain-port",
                "error",
                where,
                "Exception domains are host names, without a port; this entry will not match "
                "a host name.",
                f"use {address}",
                _DOMAINS_DOC,
                inference=True,
            )
    try:
        ipaddress.ip_network(address, strict=False)
    except ValueError:
        pass
    else:
        linter.add(
            "domain-ip-address",
            "warning",
            where,
            "IP addresses and CIDR ranges are honoured in NSExceptionDomains only on "
            "iOS 17, iPadOS 17 and macOS 14 and later.",
            None,
            _LOCAL_DOC,
        )
        return
    if "*" in host:
        linter.add(
            "domain-wildcard",
            "error",
            where,
            "Wildcards are not supported in exception domains.",
            "list the parent domain with NSIncludesSubdomains = YES",
            _DOMAINS_DOC,
        )
    if host != host.lower():
        linter.add(
            "domain-uppercase",
            "warning",
            where,
            "Exception domains should be written in lower case.",
            f"use {host.lower()}",
            _DOMAINS_DOC,
        )
    if host.endswith("."):
        linter.add(
            "domain-trailing-dot",
            "info",
            where,
            "Apple's documentation does not say how a name with a trailing dot is matched; "
            "the documented form has none (inference: it may not match the host you mean).",
            f"use {host.rstrip('.')}",
            _DOMAINS_DOC,
            inference=True,
        )


def _domain_entries(
    linter: _Linter, domains: Mapping[Any, Any], key: str, doc: Source
) -> Iterator[tuple[list[str], dict[Any, Any]]]:
    """The (path, settings) of each well-formed entry of a domain dictionary."""
    path = [ATS_KEY, key]
    for name, settings in domains.items():
        if not isinstance(name, str):
            continue
        _check_domain_name(linter, name, path)
        where = [*path, name]
        if not isinstance(settings, dict):
            linter.add(
                "wrong-type",
                "error",
                where,
                "Each domain maps to a dictionary of settings.",
                None,
                doc,
            )
            continue
        yield where, settings


def _check_exception_domains(linter: _Linter, domains: Mapping[Any, Any]) -> None:
    for where, settings in _domain_entries(linter, domains, "NSExceptionDomains", _ATS_DOC):
        linter.keys(settings, _DOMAIN_KEYS, where, tuple(_GLOBAL_KEYS))
        _check_niap(linter, settings, "NSExceptionRequiresNIAPTLSPackageVersion", where)
        version = settings.get("NSExceptionMinimumTLSVersion")
        if isinstance(version, str):
            if version not in TLS_VERSIONS:
                close = difflib.get_close_matches(version, TLS_VERSIONS, n=1, cutoff=0.5)
                linter.add(
                    "invalid-tls-version",
                    "error",
                    [*where, "NSExceptionMinimumTLSVersion"],
                    f"{version!r} is not one of the TLS versions Apple documents for this key; "
                    "what the system does with it is not documented.",
                    f"use {close[0]}" if close else "use one of " + ", ".join(TLS_VERSIONS),
                    _TLS_VERSION_DOC,
                    inference=True,
                )
            elif version in ("TLSv1.0", "TLSv1.1"):
                linter.add(
                    "needs-justification",
                    "info",
                    [*where, "NSExceptionMinimumTLSVersion"],
                    f"A minimum below TLS 1.2 ({version}) needs a justification in App "
                    "Store review.",
                    None,
                    _PREVENTING,
                )
        if settings.get("NSExceptionAllowsInsecureHTTPLoads") is True:
            linter.add(
                "needs-justification",
                "info",
                [*where, "NSExceptionAllowsInsecureHTTPLoads"],
                "Allowing plain HTTP to this domain needs a justification in App Store review.",
                None,
                _PREVENTING,
            )
        if "NSRequiresCertificateTransparency" in settings:
            linter.add(
                "obsolete-key",
                "info",
                [*where, "NSRequiresCertificateTransparency"],
                "Certificate Transparency is now enforced by the system; Apple calls this "
                "key obsolete and advises against it.",
                "remove it",
                _CT_DOC,
            )


def _check_niap(linter: _Linter, table: Mapping[Any, Any], key: str, where: list[str]) -> None:
    value = table.get(key)
    if isinstance(value, str) and value not in NIAP_VERSIONS:
        close = difflib.get_close_matches(value, NIAP_VERSIONS, n=1, cutoff=0.5)
        linter.add(
            "invalid-niap-version",
            "error",
            [*where, key],
            f"{value!r} is not a NIAP TLS package version Apple documents "
            f"({' or '.join(NIAP_VERSIONS)}).",
            f"use {close[0]}" if close else "use none or FCP_v2.1",
            _NIAP_DOC if key.startswith("NSRequires") else _NIAP_EXCEPTION_DOC,
        )


def _check_pinned_domains(linter: _Linter, domains: Mapping[Any, Any]) -> None:
    for where, settings in _domain_entries(linter, domains, "NSPinnedDomains", _PINNED_DOC):
        linter.keys(settings, _PINNED_KEYS, where)
        if not any(k in settings for k in ("NSPinnedCAIdentities", "NSPinnedLeafIdentities")):
            linter.add(
                "pin-missing-identities",
                "error",
                where,
                "A pinned domain needs NSPinnedCAIdentities, NSPinnedLeafIdentities or "
                "both; without them nothing is pinned.",
                None,
                _PINNED_DOC,
            )
        for key in ("NSPinnedCAIdentities", "NSPinnedLeafIdentities"):
            identities = settings.get(key)
            if not isinstance(identities, list):
                continue
            if not identities:
                linter.add(
                    "pin-missing-identities",
                    "error",
                    [*where, key],
                    "An empty list of identities can never match.",
                    None,
                    _PINNED_DOC,
                )
            for index, identity in enumerate(identities):
                _check_pin(linter, identity, [*where, key, str(index)])


def _check_pin(linter: _Linter, identity: object, where: list[str]) -> None:
    if not isinstance(identity, dict) or _PIN_KEY not in identity:
        linter.add(
            "pin-malformed-hash",
            "error",
            where,
            f"Each identity is a dictionary with the key {_PIN_KEY}.",
            None,
            _PIN_HASH_DOC,
        )
        return
    value = identity[_PIN_KEY]
    problem = None
    if not isinstance(value, str):
        problem = "is not a string"
    else:
        try:
            digest = base64.b64decode(value.strip(), validate=True)
        except (binascii.Error, ValueError):
            problem = "is not valid Base64"
        else:
            if len(digest) != 32:
                problem = f"decodes to {len(digest)} bytes, not the 32 of a SHA-256 digest"
    if problem is not None:
        linter.add(
            "pin-malformed-hash",
            "error",
            [*where, _PIN_KEY],
            f"The {_PIN_KEY} value {problem}; this pin can never match.",
            "compute it with: openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin "
            "-outform der | openssl dgst -sha256 -binary | openssl enc -base64",
            _PIN_HASH_DOC,
        )


def lint_plist(data: bytes | Mapping[str, Any]) -> list[LintFinding]:
    """Lint the ``NSAppTransportSecurity`` dictionary of an Info.plist (bytes or parsed).

    Raises :class:`ValueError` for bytes that are not a plist.
    """
    if isinstance(data, (bytes, bytearray)):
        try:
            parsed = plistlib.loads(bytes(data))
        except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError) as error:
            raise ValueError(f"not a property list: {error}") from None
        except Exception as error:  # expat errors and the like: still "not a plist"
            raise ValueError(f"not a property list: {error}") from None
    else:
        parsed = data
    linter = _Linter()
    if not isinstance(parsed, dict):
        linter.add("not-a-dictionary", "error", [], "An Info.plist is a dictionary.")
        return linter.findings
    ats = parsed.get(ATS_KEY)
    if ats is None:
        linter.add(
            "no-ats-dictionary",
            "info",
            [ATS_KEY],
            "No NSAppTransportSecurity dictionary: the ATS defaults apply to every connection.",
            None,
            _PREVENTING,
        )
        return linter.findings
    if not isinstance(ats, dict):
        linter.add(
            "wrong-type",
            "error",
            [ATS_KEY],
            "NSAppTransportSecurity must be a dictionary.",
            None,
            _ATS_DOC,
        )
        return linter.findings
    linter.keys(ats, _GLOBAL_KEYS, [ATS_KEY], tuple(_DOMAIN_KEYS))
    _check_niap(linter, ats, "NSRequiresNIAPTLSPackageVersion", [ATS_KEY])
    if ats.get("NSAllowsArbitraryLoads") is True:
        others = [
            k
            for k in (
                "NSAllowsArbitraryLoadsInWebContent",
                "NSAllowsArbitraryLoadsForMedia",
                "NSAllowsLocalNetworking",
            )
            if k in ats
        ]
        if others:
            linter.add(
                "arbitrary-loads-ignored",
                "warning",
                [ATS_KEY, "NSAllowsArbitraryLoads"],
                f"On iOS 10 / macOS 10.12 and later NSAllowsArbitraryLoads is ignored because "
                f"{', '.join(others)} is present; only iOS 9 / macOS 10.11 honour it.",
                "remove NSAllowsArbitraryLoads, or the other key if arbitrary loads are really "
                "meant",
                _ATS_DOC,
            )
    for key in _JUSTIFIED[:3]:
        if ats.get(key) is True:
            linter.add(
                "needs-justification",
                "info",
                [ATS_KEY, key],
                f"{key} needs a justification in App Store review.",
                None,
                _PREVENTING,
            )
    domains = ats.get("NSExceptionDomains")
    if isinstance(domains, dict):
        _check_exception_domains(linter, domains)
    pinned = ats.get("NSPinnedDomains")
    if isinstance(pinned, dict):
        _check_pinned_domains(linter, pinned)
    return linter.findings
