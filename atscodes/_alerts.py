"""``TLSAlert``: the TLS alert descriptions (the byte a peer sends to say what went wrong).

Every value assigned in the IANA "TLS Alerts" registry (TLS Parameters), 0 …
121, read from the RFCs that assign them: RFC 8446 (its Appendix B.2 lists the
values the registry was filled from, and §11 says so), RFC 9147 (52
``too_many_cids_requested``, DTLS 1.3), RFC 9846 (117 ``general_error``, the
revised TLS 1.3) and RFC 9849 (121 ``ech_required``, Encrypted Client Hello).
Names are spelled as RFC 8446 Appendix B.2 spells them
(``no_certificate_RESERVED``, ``user_canceled``); the others as their own RFC
does.  ``source`` names the RFCs that define or list each value (for 86, 112 …
the RFC that first assigned it, then RFC 8446).  ``reserved`` marks the
``_RESERVED`` values, which TLS 1.3 implementations must not send but which
older peers still do.  Value 1 (``end_of_early_data`` in BoringSSL and
Wireshark) is not assigned by any RFC and is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._base import Code, new_member, register

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["TLSAlert"]


class TLSAlert(Code):
    """A TLS ``AlertDescription`` value, as in ``SSL alert number 42`` or an alert record."""

    reserved: bool

    def __new__(  # (defaults for type checkers only, as Code.__new__'s)
        cls, value: int, description: str = "", source: str = "", reserved: bool = False
    ) -> Self:
        notes = ("Reserved: TLS 1.3 peers must not send it.",) if reserved else ()
        member = new_member(cls, value, description, source, *notes)
        member.reserved = reserved
        return member

    close_notify = 0, "Sender will send no more data (orderly close)", "RFC 8446"
    unexpected_message = 10, "A message arrived that was not expected", "RFC 8446"
    bad_record_mac = 20, "Record failed integrity check or could not be decrypted", "RFC 8446"
    decryption_failed_RESERVED = (
        21,
        "Legacy: ciphertext decrypted to bad padding or length",
        "RFC 8446",
        True,
    )
    record_overflow = 22, "Record longer than the permitted maximum", "RFC 8446"
    decompression_failure_RESERVED = 30, "Legacy: record decompression failed", "RFC 8446", True
    handshake_failure = 40, "No acceptable security parameters could be negotiated", "RFC 8446"
    no_certificate_RESERVED = (
        41,
        "Legacy SSLv3: no suitable certificate available",
        "RFC 8446",
        True,
    )
    bad_certificate = 42, "Certificate corrupt or its signature invalid", "RFC 8446"
    unsupported_certificate = 43, "Certificate type not supported", "RFC 8446"
    certificate_revoked = 44, "Certificate was revoked by its issuer", "RFC 8446"
    certificate_expired = 45, "Certificate expired or not yet valid", "RFC 8446"
    certificate_unknown = 46, "Certificate rejected for an unspecified reason", "RFC 8446"
    illegal_parameter = 47, "Handshake field invalid or inconsistent", "RFC 8446"
    unknown_ca = 48, "Certificate chain does not lead to trusted CA", "RFC 8446"
    access_denied = 49, "Peer authenticated, but access refused by policy", "RFC 8446"
    decode_error = 50, "Message could not be parsed", "RFC 8446"
    decrypt_error = 51, "Handshake signature, Finished or binder check failed", "RFC 8446"
    too_many_cids_requested = 52, "DTLS peer requested too many connection IDs", "RFC 9147"
    export_restriction_RESERVED = (
        60,
        "Legacy: export restriction would be violated",
        "RFC 8446",
        True,
    )
    protocol_version = 70, "Offered protocol version not supported", "RFC 8446"
    insufficient_security = (
        71,
        "Server requires stronger parameters than client offers",
        "RFC 8446",
    )
    internal_error = (
        80,
        "The sender failed internally, unrelated to its peer or the protocol",
        "RFC 8446",
    )
    inappropriate_fallback = (
        86,
        "Client fallback retry rejected as a downgrade",
        "RFC 7507, RFC 8446",
    )
    user_canceled = 90, "Handshake canceled for a non-protocol reason", "RFC 8446"
    no_renegotiation_RESERVED = 100, "Legacy: renegotiation request declined", "RFC 8446", True
    missing_extension = 109, "Mandatory extension missing from handshake message", "RFC 8446"
    unsupported_extension = 110, "Extension prohibited or not previously offered", "RFC 8446"
    certificate_unobtainable_RESERVED = (
        111,
        "Legacy: certificate could not be fetched from URL",
        "RFC 6066, RFC 8446",
        True,
    )
    unrecognized_name = 112, "Requested server name (SNI) not recognized", "RFC 6066, RFC 8446"
    bad_certificate_status_response = (
        113,
        "Invalid or unacceptable OCSP status response",
        "RFC 6066, RFC 8446",
    )
    bad_certificate_hash_value_RESERVED = (
        114,
        "Legacy: certificate hash did not match",
        "RFC 6066, RFC 8446",
        True,
    )
    unknown_psk_identity = 115, "No acceptable PSK identity was provided", "RFC 4279, RFC 8446"
    certificate_required = 116, "Client certificate required but not sent", "RFC 8446"
    general_error = 117, "Unspecified error, or sender conceals the specific one", "RFC 9846"
    no_application_protocol = 120, "No mutually supported ALPN protocol", "RFC 7301, RFC 8446"
    ech_required = 121, "Client offered ECH but server did not accept it", "RFC 9849"


register(TLSAlert, 0, 255)
