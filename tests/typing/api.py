"""Type-checked by mypy --strict, never run: what an IDE and a type checker see of the API."""

from __future__ import annotations

from typing_extensions import assert_type

import atscodes
from atscodes import (
    AlertMapping,
    Detector,
    Interpretation,
    Layer,
    SecError,
    SSLStatus,
    TLSAlert,
    URLError,
    URLErrorEvidence,
)

assert_type(SSLStatus.get(-9802), "SSLStatus | None")
assert_type(SSLStatus.lookup("errSSLFatalAlert"), SSLStatus)
assert_type(atscodes.get(URLError, -1200), "URLError | None")
assert_type(SecError.get(-25300), "SecError | None")
assert_type(SSLStatus.errSSLFatalAlert.description, str)
assert_type(SSLStatus.errSSLFatalAlert.source, str)
assert_type(SSLStatus.errSSLFatalAlert.detected_by, Detector)
assert_type(SSLStatus.errSSLFatalAlert.fatal, bool)
assert_type(SSLStatus.errSSLFatalAlert.value, int)
assert_type(TLSAlert.bad_certificate.reserved, bool)

status: int = SSLStatus.errSSLPeerBadCert  # members are ints

assert_type(atscodes.status_for_alert(42, Layer.CFSTREAM), "SSLStatus | None")
assert_type(atscodes.alerts_for_status(-9802, Layer.URL_LOADING), frozenset[TLSAlert])
assert_type(atscodes.alerts_sent_for_status(SSLStatus.errSSLNoRootCert), frozenset[TLSAlert])
assert_type(
    atscodes.alert_mappings(TLSAlert.bad_certificate, Layer.CFSTREAM), tuple[AlertMapping, ...]
)
assert_type(atscodes.url_errors_for_status(-9813), tuple[URLErrorEvidence, ...])
assert_type(atscodes.lookup("[3:-9802]"), tuple[Interpretation, ...])

for interpretation in atscodes.lookup(42):
    assert_type(interpretation.member, "atscodes.Code | None")
    assert_type(interpretation.family, "type[atscodes.Code] | None")
    assert_type(interpretation.known, bool)

try:
    SSLStatus.lookup(-9870)
except atscodes.UnknownCodeError as error:
    assert_type(error.family, str)
    assert_type(error.key, object)

# A member looked up by its value, as the README shows: an Enum call, not the members'
#   constructor (which mypy took it for: "Missing positional arguments").
assert_type(TLSAlert(42), TLSAlert)
assert_type(URLError(-1200), URLError)
assert_type(SSLStatus(-9802), SSLStatus)
assert_type(atscodes.DarwinErrno(54), atscodes.DarwinErrno)
