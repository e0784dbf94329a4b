"""The tables: per-row invariants, and agreement with independent upstream extractions.

The shipped tables are compared with ``tests/upstream/upstream.json`` (names and
values parsed from the pinned Apple headers and RFC texts by
``extract_upstream.py``) and with ``tests/upstream/pyobjc.json`` (PyObjC's
metadata, a second source), never with a copy of themselves.
"""

from __future__ import annotations

import platform
import re
import sys
from typing import Any

import pytest

import atscodes
from tests.conftest import ALL_MEMBERS, FAMILIES

# Names upstream defines that the tables leave out on purpose, with the reason.
LEFT_OUT: dict[str, dict[str, str]] = {
    "DarwinErrno": {"ELAST": "a marker equal to the largest errno, not an error"},
    "AddrInfoError": {"EAI_MAX": "a marker one past the last code, not an error"},
}

# Expected value range of each family's codes, from the headers' own layout.
RANGES: dict[str, tuple[int, int]] = {
    "TLSAlert": (0, 255),
    "SSLStatus": (-9899, -9800),
    "SecError": (-67999, 0),
    "URLError": (-3999, -1),
    "CFNetworkError": (-73000, 311),
    "CFStreamErrorDomain": (-1, 20),
    "DarwinErrno": (1, 106),
    "AddrInfoError": (1, 14),
}

_SOURCE = re.compile(
    r"^(RFC \d{4}(, RFC \d{4})*"
    r"|apple-oss-distributions/\S+ \S+ \S+.*"
    r"|macOS 14\.2 SDK \S+.*"
    r"|Apple CFNetwork-129\.20 \S+:\d+)$"
)


def _ids(member: atscodes.Code) -> str:
    return f"{type(member).__name__}.{member.name}"


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=_ids)
class TestEveryMember:
    def test_value_is_in_the_family_range(self, member: atscodes.Code) -> None:
        low, high = RANGES[type(member).__name__]
        assert low <= member <= high

    def test_has_a_description_in_our_words(self, member: atscodes.Code) -> None:
        assert member.description.strip() == member.description
        assert 3 <= len(member.description) <= 100
        assert member.description[0].isupper()

    def test_names_a_real_source(self, member: atscodes.Code) -> None:
        assert _SOURCE.match(member.source), member.source

    def test_round_trips_by_value_and_by_name(self, member: atscodes.Code) -> None:
        family = type(member)
        assert family.get(int(member)) is member
        assert family.get(member.name) is member
        assert atscodes.get(family, str(int(member))) is member

    def test_repr_and_str_show_number_and_name(self, member: atscodes.Code) -> None:
        assert repr(member) == f"<{type(member).__name__}.{member.name}: {int(member)}>"
        assert str(member) == member.name
        assert f"{member}" == member.name
        assert f"{member:d}" == str(int(member))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__)
class TestEveryFamily:
    def test_names_and_values_match_upstream(
        self, family: type[atscodes.Code], upstream: dict[str, Any]
    ) -> None:
        expected = dict(upstream[family.__name__]["values"])
        for name in LEFT_OUT.get(family.__name__, {}):
            del expected[name]
        shipped = {m.name: int(m) for m in family}
        assert shipped == expected

    def test_aliases_match_upstream(
        self, family: type[atscodes.Code], upstream: dict[str, Any]
    ) -> None:
        shipped = {
            name: member.name for name, member in family.__members__.items() if name != member.name
        }
        assert shipped == upstream[family.__name__]["aliases"]

    def test_values_are_unique_and_sorted(self, family: type[atscodes.Code]) -> None:
        values = [int(m) for m in family]
        assert len(set(values)) == len(values)
        if family.__name__ == "CFNetworkError":
            # Positive codes (HTTP … host) descending, then negative ones descending.
            assert values == sorted(values, key=lambda v: (v < 0, -v))
        else:
            assert values == sorted(values, key=abs)


PYOBJC_FAMILY = {
    "SSLStatus": "errSSL",
    "SecError": "errSec",
    "URLError": "NSURLError",
    "CFNetworkError": "CFNetworkErrors",
}


@pytest.mark.parametrize("family_name", sorted(PYOBJC_FAMILY))
def test_values_agree_with_pyobjc(family_name: str, pyobjc: dict[str, Any]) -> None:
    """Every name PyObjC carries for the family has the same value here, and vice versa."""
    family = getattr(atscodes, family_name)
    theirs: dict[str, int] = pyobjc["families"][PYOBJC_FAMILY[family_name]]
    if family_name == "SecError":
        # PyObjC's errSec group also holds the code-signing codes of CSCommon.h
        # (errSecCS*, and errSecMultipleExecSegments), which are not in SecBase.h.
        theirs = {
            k: v
            for k, v in theirs.items()
            if not k.startswith("errSecCS") and k != "errSecMultipleExecSegments"
        }
    ours = {name: int(member) for name, member in family.__members__.items()}
    assert ours == theirs


def test_stream_domains_agree_with_pyobjc(pyobjc: dict[str, Any]) -> None:
    """PyObjC has values only for the three enum domains; the rest are variables there."""
    theirs = pyobjc["families"]["CFStreamErrorDomain"]
    assert theirs == {name: int(atscodes.CFStreamErrorDomain[name]) for name in theirs}
    assert len(theirs) == 3


def test_winsock_domain_is_left_out() -> None:
    """No Apple source gives kCFStreamErrorDomainWinSock a value (third parties say 7 or 15)."""
    assert "kCFStreamErrorDomainWinSock" not in atscodes.CFStreamErrorDomain.__members__
    assert atscodes.CFStreamErrorDomain.get(7) is None
    assert atscodes.CFStreamErrorDomain.get(15) is None


class TestTrapsFromDomainNotes:
    def test_ssl_group_is_not_off_by_one(self) -> None:
        """swift-corelibs' NSURLError.swift says -1201 … -1207; the SDK says -1200 … -1206."""
        assert atscodes.URLError.NSURLErrorSecureConnectionFailed == -1200
        assert atscodes.URLError.NSURLErrorClientCertificateRequired == -1206
        assert atscodes.URLError.get(-1207) is None

    def test_unknown_twins_differ(self) -> None:
        assert atscodes.URLError.NSURLErrorUnknown == -1
        assert atscodes.CFNetworkError.kCFURLErrorUnknown == -998

    def test_background_shared_container_has_no_cf_twin(self) -> None:
        assert atscodes.URLError.get(-995) is not None
        assert atscodes.CFNetworkError.get(-995) is None

    def test_every_other_url_error_has_an_equal_cf_twin(self) -> None:
        for member in atscodes.URLError:
            twin = atscodes.CFNetworkError.get("kCF" + member.name[2:])
            if member.name in (
                "NSURLErrorUnknown",
                "NSURLErrorBackgroundSessionRequiresSharedContainer",
            ):
                continue
            assert twin is not None, member
            assert int(twin) == int(member), member

    def test_deprecated_ssl_aliases(self) -> None:
        s = atscodes.SSLStatus
        assert s["errSSLServerAuthCompleted"] is s.errSSLPeerAuthCompleted
        assert s["errSSLClientAuthCompleted"] is s.errSSLPeerAuthCompleted
        assert s["errSSLLast"] is s.errSSLUnexpectedRecord
        assert min(s) == s.errSSLEarlyDataRejected == -9890

    def test_misspelled_errsec_aliases(self) -> None:
        e = atscodes.SecError
        assert e["errSecInvaldCRLAuthority"] is e.errSecInvalidCRLAuthority
        assert e["errSecDskFull"] is e.errSecDiskFull

    def test_darwin_errno_is_not_linux_errno(self) -> None:
        assert atscodes.DarwinErrno(54).name == "ECONNRESET"
        assert atscodes.DarwinErrno(42).name == "ENOPROTOOPT"
        assert atscodes.DarwinErrno.EOPNOTSUPP == 102
        assert atscodes.DarwinErrno["EWOULDBLOCK"] is atscodes.DarwinErrno.EAGAIN


# The group comments of the errSSL* enum in base/SecBase.h, Security-61901.0.87.0.1 (read at
# that tag, not from atscodes): (line, the comment, first value, last value, what it allows).
D = atscodes.Detector
_LOCAL = {D.TRUST, D.PROTOCOL, D.INTERNAL, D.CONFIGURATION, D.TRANSPORT, D.ATS}
SECBASE_GROUPS = [
    (827, "/* fatal errors detected by peer */", -9819, -9840, {D.PEER}),
    (851, "/* non-fatal result codes */", -9841, -9842, {D.RESULT}),
    (855, "/* more errors detected by us */", -9843, -9850, _LOCAL),
    (865, "/* non-fatal result codes */", -9851, -9851, {D.RESULT}),
    (
        868,
        "/* fatal errors resulting from transport or networking errors */",
        -9852,
        -9853,
        {D.TRANSPORT},
    ),
    (
        872,
        "/* fatal errors resulting from software misconfiguration */",
        -9854,
        -9854,
        {D.CONFIGURATION},
    ),
    # No side named: Network.framework's TLS 1.3-era codes.  -9856's own comment (line 877,
    # "peer rejected unexpected message") names the peer.
    (875, "/* additional errors */", -9855, -9865, {D.UNSPECIFIED, D.PEER}),
    (888, "/* ATS compliance violation errors */", -9880, -9886, {D.ATS}),
    # The peer rejects early data by leaving it out of EncryptedExtensions (RFC 8446
    # §4.2.10); the header's own comment (line 898) says "rejected by peer".
    (897, "/* early data errors */", -9890, -9890, {D.PEER}),
]
# Lines 807-825 carry no group comment: each code's own comment (quoted) decides.
SECBASE_FIRST_BLOCK = {
    -9800: (807, "SSL protocol error", {D.PROTOCOL}),
    -9801: (808, "Cipher Suite negotiation failure", {D.PROTOCOL}),
    # Neither side: a fatal alert; coreTLS-167 lib/sslSession.c lines 234-238 return it
    # locally after sending handshake_failure, and SSLProcessAlert for alerts received.
    -9802: (809, "Fatal alert", {D.EITHER}),
    -9803: (810, "I/O would block (not fatal)", {D.RESULT}),
    -9804: (811, "attempt to restore an unknown session", {D.INTERNAL}),
    -9805: (812, "connection closed gracefully", {D.TRANSPORT}),
    -9806: (813, "connection closed via error", {D.TRANSPORT}),
    -9807: (814, "invalid certificate chain", {D.TRUST}),
    -9808: (815, "bad certificate format", {D.TRUST}),
    -9809: (816, "underlying cryptographic error", {D.INTERNAL}),
    -9810: (817, "Internal error", {D.INTERNAL}),
    -9811: (818, "module attach failure", {D.INTERNAL}),
    -9812: (819, "valid cert chain, untrusted root", {D.TRUST}),
    -9813: (820, "cert chain not verified by root", {D.TRUST}),
    -9814: (821, "chain had an expired cert", {D.TRUST}),
    -9815: (822, "chain had a cert not yet valid", {D.TRUST}),
    -9816: (823, "server closed session with no notification", {D.TRANSPORT}),
    -9817: (824, "insufficient buffer provided", {D.CONFIGURATION}),
    -9818: (825, "bad SSLCipherSuite", {D.CONFIGURATION}),
}


def _header_rule(value: int) -> tuple[int, str, set[atscodes.Detector]]:
    if value in SECBASE_FIRST_BLOCK:
        return SECBASE_FIRST_BLOCK[value]
    for line, comment, first, last, allowed in SECBASE_GROUPS:
        if last <= value <= first:
            return line, comment, allowed
    raise AssertionError(f"{value} is in no group of SecBase.h")


class TestSSLStatusMetadata:
    @pytest.mark.parametrize("member", sorted(set(atscodes.SSLStatus)), ids=str)
    def test_side_agrees_with_the_header(self, member: atscodes.SSLStatus) -> None:
        """Every member's detected_by is what its SecBase.h group (or own comment) allows."""
        line, comment, allowed = _header_rule(int(member))
        assert member.detected_by in allowed, f"SecBase.h line {line}: {comment}"

    def test_every_value_is_covered_by_the_quoted_header(self) -> None:
        for member in atscodes.SSLStatus:
            _header_rule(int(member))

    def test_fatal_alert_is_either_side(self) -> None:
        """-9802 has no group comment; it is produced on both sides (issue 8, item 1)."""
        member = atscodes.SSLStatus.errSSLFatalAlert
        assert member.detected_by is atscodes.Detector.EITHER
        assert "Either side" in (member.__doc__ or "")

    @pytest.mark.parametrize(
        ("value", "origin"),
        [
            (-9806, "SSL_HdskStateErrorClose"),
            (-9830, "SSLSetProtocolVersionMin"),
            (-9836, "inappropriate_fallback"),
            (-9804, "local cache miss"),
            (-9801, "sslVerifyProtVersion"),
        ],
    )
    def test_local_origins_are_said(self, value: int, origin: str) -> None:
        assert origin in (atscodes.SSLStatus(value).__doc__ or "")

    @pytest.mark.parametrize("value", range(-9840, -9818))
    def test_header_group_detected_by_peer(self, value: int) -> None:
        """SecBase.h: "fatal errors detected by peer" is -9819 … -9840."""
        member = atscodes.SSLStatus(value)
        assert member.detected_by is atscodes.Detector.PEER
        assert member.fatal

    @pytest.mark.parametrize("value", range(-9886, -9879))
    def test_ats_codes(self, value: int) -> None:
        assert atscodes.SSLStatus(value).detected_by is atscodes.Detector.ATS

    def test_only_the_header_marked_codes_are_not_fatal(self) -> None:
        not_fatal = {int(m) for m in atscodes.SSLStatus if not m.fatal}
        assert not_fatal == {-9803, -9841, -9842, -9851}


def test_reserved_alerts_are_the_reserved_spellings() -> None:
    for alert in atscodes.TLSAlert:
        assert alert.reserved == alert.name.endswith("_RESERVED")


def test_strerror_texts_are_libc_s(upstream_strerror: dict[str, str]) -> None:
    """The scanner's strerror() table is Libc's sys_errlist for every DarwinErrno value."""
    from atscodes._strerror import STRERROR

    values = {int(member) for member in atscodes.DarwinErrno}
    assert set(STRERROR) == values
    assert {code: upstream_strerror[str(code)] for code in values} == STRERROR


@pytest.mark.skipif(
    sys.platform != "linux" or platform.libc_ver()[0] != "glibc",
    reason="needs Linux with glibc, whose strerror() the table quotes",
)
def test_linux_only_strerror_texts_are_glibc_s() -> None:
    """The Linux texts the scanner refuses a Darwin errno beside, read back from glibc."""
    import errno
    import os

    from atscodes._strerror import LINUX_ONLY_STRERROR, STRERROR

    for code, text in LINUX_ONLY_STRERROR.items():
        assert os.strerror(code) == text, code
        assert errno.errorcode[code] != atscodes.DarwinErrno(code).name
        assert text not in STRERROR.values()  # no Darwin text: the Darwin table says nothing
