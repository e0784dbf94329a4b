"""Looking codes up: per family, across families, and from what people paste."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import atscodes
from atscodes import SSLStatus, URLError
from atscodes._lookup import suggestions, swift_name
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


def _family(found: atscodes.Interpretation) -> str | None:
    return None if found.family is None else found.family.__name__


def _one(query: int | str) -> list[tuple[str | None, int, str | None, str | None]]:
    return [(_family(i), i.code, i.name, i.domain) for i in atscodes.lookup(query)]


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
        assert (_family(found), found.name) == (family, name)

    def test_a_bare_number_gives_every_reading(self) -> None:
        assert [(_family(i), i.name) for i in atscodes.lookup(42)] == [
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
        assert (_family(found), found.code, found.member) == ("SSLStatus", -9870, None)
        assert str(found) == "SSLStatus -9870: unknown code -9870 in SSLStatus"

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # A code word before the number is no domain (a black-box review: "unknown code
            #   -9802 in OSStatus", though scan() read the same text as errSSLFatalAlert).
            ("OSStatus -9802", [("SSLStatus", "errSSLFatalAlert")]),
            ("status -25300", [("SecError", "errSecItemNotFound")]),
            ("errno 54", [("DarwinErrno", "ECONNRESET")]),
            (
                "error -1200",
                [
                    ("URLError", "NSURLErrorSecureConnectionFailed"),
                    ("CFNetworkError", "kCFURLErrorSecureConnectionFailed"),
                ],
            ),
        ],
    )
    def test_a_code_word_before_the_number_is_not_a_domain(
        self, query: str, expected: list[tuple[str, str]]
    ) -> None:
        found = atscodes.lookup(query)
        assert [(_family(f), f.member.name if f.member else None) for f in found] == expected
        assert all(f.domain is None for f in found)

    @pytest.mark.parametrize("query", ["18446744073709550612", 18446744073709550612])
    def test_an_nsinteger_printed_unsigned_is_its_signed_code(self, query: str | int) -> None:
        # As the scanner reads "code=18446744073709550612"; a bare one was "not recognised".
        found = atscodes.lookup(query)
        assert [(_family(f), f.code) for f in found] == [
            ("URLError", -1004),
            ("CFNetworkError", -1004),
        ]
        assert atscodes.lookup(1 << 64) == ()

    def test_a_code_word_narrows_and_an_unknown_stays_honest(self) -> None:
        [found] = atscodes.lookup("OSStatus -1200")  # an NSURLError, not an OSStatus
        assert (found.member, found.domain) == (None, "OSStatus")

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


UPSTREAM = Path(__file__).resolve().parent / "upstream"


class TestNamesAsPeopleTypeThem:
    @pytest.mark.parametrize(
        "query",
        [
            "secureConnectionFailed",
            "URLError.secureConnectionFailed",
            ".secureConnectionFailed",
            "URLError.Code.secureConnectionFailed",
            "nsurlerrorsecureconnectionfailed",
            "NSURLERRORSECURECONNECTIONFAILED",
        ],
    )
    def test_swift_and_any_case_spellings_of_a_url_error(self, query: str) -> None:
        [found] = atscodes.lookup(query)
        assert found.member is URLError.NSURLErrorSecureConnectionFailed
        assert found.family is URLError

    def test_cfnetwork_errors_swift_spelling(self) -> None:
        [found] = atscodes.lookup("CFNetworkErrors.cfurlErrorSecureConnectionFailed")
        assert found.member is atscodes.CFNetworkError.kCFURLErrorSecureConnectionFailed

    def test_a_qualifier_restricts_the_family(self) -> None:
        """`URLError.` names URLError's members only, never a CFNetwork one."""
        assert atscodes.lookup("URLError.cfurlErrorSecureConnectionFailed") == ()

    def test_case_insensitive_status_name(self) -> None:
        [found] = atscodes.lookup("errsslpeerbadcert")
        assert found.member is SSLStatus.errSSLPeerBadCert

    @pytest.mark.parametrize(
        "query", ["\u22129802", "\u20139802", "\uff0d\uff19\uff18\uff10\uff12", "\u2212\uff19802"]
    )
    def test_unicode_minus_and_full_width_digits(self, query: str) -> None:
        assert _one(query) == [("SSLStatus", -9802, "errSSLFatalAlert", None)]

    def test_unicode_minus_inside_a_pair(self) -> None:
        assert _one("[3:\u22129813]") == [
            ("SSLStatus", -9813, "errSSLNoRootCert", "kCFStreamErrorDomainSSL")
        ]

    @pytest.mark.parametrize("family", ["URLError.Code", "CFNetworkErrors"])
    def test_swift_names_agree_with_the_swift_sources(self, family: str) -> None:
        """Every Swift name in Apple's documentation / Swift's importer output resolves,
        and to the member whose ObjC name our import rule turns into it."""
        source = json.loads((UPSTREAM / "swift_names.json").read_text(encoding="utf-8"))[family]
        table = URLError if family == "URLError.Code" else atscodes.CFNetworkError
        derived = {swift_name(m.name): m for m in table}
        for name in source["names"]:
            assert name in derived, name
            found = atscodes.lookup(f"{family}.{name}")
            assert [i.member for i in found] == [derived[name]], name

    @pytest.mark.parametrize(
        ("objc", "swift"),
        [
            ("NSURLErrorDNSLookupFailed", "dnsLookupFailed"),
            ("NSURLErrorBadURL", "badURL"),
            ("kCFSOCKS5ErrorBadState", "cfsocks5ErrorBadState"),
            ("kCFErrorHTTPBadURL", "cfErrorHTTPBadURL"),
            ("errSSLFatalAlert", None),
        ],
    )
    def test_swift_import_rule(self, objc: str, swift: str | None) -> None:
        assert swift_name(objc) == swift

    @pytest.mark.parametrize(
        ("typo", "meant"),
        [
            ("errSSLPeerBadCer", "errSSLPeerBadCert"),
            ("errsslfatalalret", "errSSLFatalAlert"),
            ("secureConectionFailed", "secureConnectionFailed"),
            ("bad_certficate", "bad_certificate"),
        ],
    )
    def test_did_you_mean(self, typo: str, meant: str) -> None:
        assert atscodes.lookup(typo) == ()
        assert meant in suggestions(typo)

    def test_no_suggestion_for_noise(self) -> None:
        assert suggestions("hello world") == ()


class TestWrongInput:
    @pytest.mark.parametrize("family", [int, "SSLStatus", None, str])
    def test_get_with_something_that_is_not_a_family(self, family: object) -> None:
        with pytest.raises(TypeError, match="not an atscodes code family"):
            atscodes.get(family, 5)  # type: ignore[call-overload]

    @pytest.mark.parametrize(
        "key",
        ["9" * 5000, "-" + "9" * 5000, "0x" + "f" * 5000, 10**5000],
        ids=["digits", "negative", "hex", "int"],
    )
    def test_very_long_numbers_give_the_familys_range(self, key: int | str) -> None:
        with pytest.raises(ValueError, match=r"range -2147483648 to 2147483647") as caught:
            SSLStatus.get(key)
        assert "limit" not in str(caught.value)
        assert len(str(caught.value)) < 200

    def test_very_long_alert_number(self) -> None:
        with pytest.raises(ValueError, match=r"TLSAlert value \(range 0 to 255\)"):
            atscodes.TLSAlert.get("1" * 5000)

    @pytest.mark.parametrize(
        "query",
        ["9" * 5000, "[3:-" + "9" * 5000 + "]", "x " + "9" * 5000],
        ids=["number", "pair", "named"],
    )
    def test_lookup_of_a_very_long_number_matches_nothing(self, query: str) -> None:
        assert atscodes.lookup(query) == ()


class TestInterpretation:
    def test_family_is_the_family_class(self) -> None:
        [found] = atscodes.lookup("[3:-9802]")
        assert found.family is SSLStatus
        assert found.family.__name__ == "SSLStatus"

    def test_repr_is_one_short_line(self) -> None:
        [found] = atscodes.lookup("[3:-9802]")
        assert repr(found) == (
            "<Interpretation SSLStatus -9802 errSSLFatalAlert domain=kCFStreamErrorDomainSSL>"
        )
        [unknown] = atscodes.lookup("[4:-2102]")
        assert repr(unknown) == "<Interpretation kCFStreamErrorDomainHTTP -2102 unknown>"
        for interp in atscodes.lookup(42):
            assert "\n" not in repr(interp)
            assert len(repr(interp)) < 100
