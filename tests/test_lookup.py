"""Looking codes up: per family, across families, and from what people paste."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import atscodes
from atscodes import SSLStatus, URLError
from tests.conftest import ALL_MEMBERS, FAMILIES


class TestFamilyGet:
    @pytest.mark.parametrize(
        "key",
        [
            -9802,
            "-9802",
            " -9802 ",
            0xFFFFD9B6,
            "0xFFFFD9B6",
            "0xffffd9b6",
            "4294957494",
            "errSSLFatalAlert",
        ],
    )
    def test_what_people_paste(self, key: int | str) -> None:
        assert SSLStatus.get(key) is SSLStatus.errSSLFatalAlert
        assert atscodes.get(SSLStatus, key) is SSLStatus.errSSLFatalAlert

    def test_alias_names_resolve_to_the_member(self) -> None:
        assert SSLStatus.get("errSSLServerAuthCompleted") is SSLStatus.errSSLPeerAuthCompleted

    @pytest.mark.parametrize("key", [-9870, "-9870", "errSSLNoSuchThing", "", "12abc", "--5"])
    def test_unassigned_is_none(self, key: int | str) -> None:
        assert SSLStatus.get(key) is None

    def test_lookup_raises_a_lookup_error_with_family_and_key(self) -> None:
        with pytest.raises(atscodes.UnknownCodeError) as caught:
            SSLStatus.lookup(-9870)
        assert isinstance(caught.value, LookupError)
        assert caught.value.family == "SSLStatus"
        assert caught.value.key == -9870
        assert str(caught.value) == "unknown SSLStatus -9870"

    @pytest.mark.parametrize("key", [-(2**31) - 1, 2**32, 2**63])
    def test_outside_int32_is_invalid(self, key: int) -> None:
        with pytest.raises(ValueError, match="not a valid SSLStatus"):
            SSLStatus.get(key)

    @pytest.mark.parametrize("key", [256, -1])
    def test_alert_outside_a_byte_is_invalid(self, key: int) -> None:
        with pytest.raises(ValueError, match="0 to 255"):
            atscodes.TLSAlert.get(key)

    @pytest.mark.parametrize("key", [True, -9802.0, None, b"-9802", [-9802]])
    def test_wrong_types(self, key: object) -> None:
        with pytest.raises(TypeError, match="keys are int or str"):
            SSLStatus.get(key)  # type: ignore[arg-type]

    def test_another_familys_member_is_taken_as_its_number(self) -> None:
        assert atscodes.DarwinErrno.get(atscodes.TLSAlert.bad_certificate) == 42

    def test_url_error_is_not_an_osstatus(self) -> None:
        """NSInteger codes are not re-read as unsigned 32-bit."""
        assert URLError.get(2**32 - 1200) is None


def _one(query: int | str) -> list[tuple[str | None, int, str | None, str | None]]:
    return [(i.family, i.code, i.name, i.domain) for i in atscodes.lookup(query)]


class TestLookupAcrossFamilies:
    @pytest.mark.parametrize(
        "query",
        [
            "3:-9802",
            "[3:-9802]",
            "[ 3 : -9802 ]",
            "kCFStreamErrorDomainSSL, -9802",
            "(kCFStreamErrorDomainSSL, -9802)",
            "kCFStreamErrorDomainSSL -9802",
        ],
    )
    def test_cfstream_ssl_pairs(self, query: str) -> None:
        assert _one(query) == [("SSLStatus", -9802, "errSSLFatalAlert", "kCFStreamErrorDomainSSL")]

    def test_the_full_task_line_fragment(self) -> None:
        assert _one("-1200 [3:-9802]") == [
            ("URLError", -1200, "NSURLErrorSecureConnectionFailed", "NSURLErrorDomain"),
            ("SSLStatus", -9802, "errSSLFatalAlert", "kCFStreamErrorDomainSSL"),
        ]

    @pytest.mark.parametrize(
        ("query", "family", "name"),
        [
            ("NSURLErrorDomain -1200", "URLError", "NSURLErrorSecureConnectionFailed"),
            (
                "Error Domain=NSURLErrorDomain Code=-1202",
                "URLError",
                "NSURLErrorServerCertificateUntrusted",
            ),
            ("NSURLErrorDomain error -1202.", "URLError", "NSURLErrorServerCertificateUntrusted"),
            (
                "kCFErrorDomainCFNetwork -1200",
                "CFNetworkError",
                "kCFURLErrorSecureConnectionFailed",
            ),
            ("NSOSStatusErrorDomain -9836", "SSLStatus", "errSSLPeerProtocolVersion"),
            ("NSOSStatusErrorDomain -25300", "SecError", "errSecItemNotFound"),
            ("NSPOSIXErrorDomain 54", "DarwinErrno", "ECONNRESET"),
            ("[1:54]", "DarwinErrno", "ECONNRESET"),
            ("[12:8]", "AddrInfoError", "EAI_NONAME"),
            (
                "kCFURLErrorSecureConnectionFailed",
                "CFNetworkError",
                "kCFURLErrorSecureConnectionFailed",
            ),
            ("bad_certificate", "TLSAlert", "bad_certificate"),
            ("errSecInvaldCRLAuthority", "SecError", "errSecInvalidCRLAuthority"),
        ],
    )
    def test_named_domains_and_names(self, query: str, family: str, name: str) -> None:
        [found] = atscodes.lookup(query)
        assert (found.family, found.name) == (family, name)

    def test_a_bare_number_gives_every_reading(self) -> None:
        assert [(i.family, i.name) for i in atscodes.lookup(42)] == [
            ("TLSAlert", "bad_certificate"),
            ("DarwinErrno", "ENOPROTOOPT"),
        ]
        assert atscodes.lookup("42") == atscodes.lookup(42)

    def test_unsigned_osstatus(self) -> None:
        assert _one(0xFFFFD9B6) == [("SSLStatus", -9802, "errSSLFatalAlert", None)]
        assert _one("4294957494") == _one("0xFFFFD9B6")

    def test_unknown_code_in_a_known_domain_is_an_honest_unknown(self) -> None:
        [found] = atscodes.lookup("[3:-9870]")
        assert not found.known
        assert (found.family, found.code, found.member) == ("SSLStatus", -9870, None)
        assert str(found) == "SSLStatus -9870: unknown code -9870 in SSLStatus"

    def test_domain_without_a_table(self) -> None:
        [found] = atscodes.lookup("[4:-2102]")
        assert (found.family, found.domain, found.known) == (
            None,
            "kCFStreamErrorDomainHTTP",
            False,
        )

    def test_unknown_domain_number(self) -> None:
        [found] = atscodes.lookup("[7:1]")
        assert found.domain == "CFStreamErrorDomain 7"

    @pytest.mark.parametrize("query", ["", "   ", "hello", "-", "0x", "[3:]", -123456789, 10**40])
    def test_nothing_matched_is_empty(self, query: int | str) -> None:
        assert atscodes.lookup(query) == ()

    @pytest.mark.parametrize("query", [None, 4.2, True, b"42"])
    def test_wrong_types(self, query: object) -> None:
        with pytest.raises(TypeError):
            atscodes.lookup(query)  # type: ignore[arg-type]


@given(st.sampled_from(ALL_MEMBERS))
def test_value_member_value_round_trip(member: atscodes.Code) -> None:
    family = type(member)
    assert family.get(int(member)) is member
    assert family.get(member.name) is member
    assert member in [i.member for i in atscodes.lookup(int(member))]


@given(st.sampled_from(FAMILIES), st.integers(min_value=-(2**31), max_value=2**32 - 1))
def test_get_is_total_on_its_range(family: type[atscodes.Code], value: int) -> None:
    """Within int32 (and uint32 for OSStatus families) get() returns a member, None, or
    rejects the value as out of range with ValueError; nothing else."""
    try:
        member = family.get(value)
    except ValueError:
        return
    assert member is None or int(member) == value or int(member) == value - 2**32


@given(st.integers())
def test_lookup_never_raises_on_any_int(value: int) -> None:
    for interpretation in atscodes.lookup(value):
        assert interpretation.known


@given(st.text())
def test_lookup_never_raises_on_any_str(text: str) -> None:
    for interpretation in atscodes.lookup(text):
        assert isinstance(interpretation.code, int)
        assert str(interpretation)


@given(st.from_regex(r"\[?-?\d{1,12}:-?\d{1,12}\]?", fullmatch=True))
def test_lookup_never_raises_on_pairs(text: str) -> None:
    assert isinstance(atscodes.lookup(text), tuple)
