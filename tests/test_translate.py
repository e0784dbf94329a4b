"""Alert <-> status <-> URL error translation, with the iOS 11 collapse."""

from __future__ import annotations

import pytest

import atscodes
from atscodes import Layer, SSLStatus, TLSAlert

# Apple Developer Forums thread 80638 (2017, an iOS 11 beta), the poster's reply with the
# per-alert table (text in ../shared/sources/): alert, what CFStream reported, what the
# URL loading system reported.
THREAD_80638 = [
    (40, -9824, -9802),
    (41, -9806, -9825),
    (42, -9825, -9802),
    (43, -9826, -9826),
    (44, -9827, -9827),
    (45, -9828, -9828),
    (46, -9829, -9829),
    (47, -9830, -9802),
    (48, -9831, -9831),
    (49, -9832, -9802),
    (50, -9833, -9802),
]


@pytest.mark.parametrize(("alert", "cfstream", "url_loading"), THREAD_80638)
class TestObservedTable:
    def test_status_for_alert(self, alert: int, cfstream: int, url_loading: int) -> None:
        assert atscodes.status_for_alert(alert, Layer.CFSTREAM) == cfstream
        assert atscodes.status_for_alert(alert, Layer.URL_LOADING) == url_loading

    def test_alerts_for_status_contains_it(
        self, alert: int, cfstream: int, url_loading: int
    ) -> None:
        assert alert in atscodes.alerts_for_status(cfstream, Layer.CFSTREAM)
        assert alert in atscodes.alerts_for_status(url_loading, Layer.URL_LOADING)


def test_the_url_loading_collapse() -> None:
    """On iOS 11 the URL loading system reported five distinct alerts all as -9802."""
    assert atscodes.alerts_for_status(-9802, Layer.URL_LOADING) == {40, 42, 47, 49, 50}


def test_collapsed_alerts_stay_distinct_on_cfstream() -> None:
    statuses = {atscodes.status_for_alert(a, Layer.CFSTREAM) for a in (40, 42, 47, 49, 50)}
    assert statuses == {-9824, -9825, -9830, -9832, -9833}


def test_inverse_on_url_loading_is_exactly_the_observations() -> None:
    rows = [m for m in atscodes.ALERT_MAPPINGS if m.layer is Layer.URL_LOADING]
    assert all(m.basis is atscodes.Basis.OBSERVED for m in rows)
    for status in SSLStatus:
        expected = {m.alert for m in rows if m.status is status}
        assert atscodes.alerts_for_status(status, Layer.URL_LOADING) == expected


class TestCoreTLSReceivedAlerts:
    """coreTLS-167 SSLProcessAlert, read line by line (see _translate.py for lines)."""

    @pytest.mark.parametrize(
        ("alert", "status"),
        [
            (0, -9805),
            (10, -9819),
            (20, -9820),
            (21, -9821),
            (22, -9822),
            (30, -9823),
            (51, -9834),
            (60, -9835),
            (70, -9836),
            (71, -9837),
            (80, -9838),
            (90, -9839),
            (100, -9840),
            (110, -9802),
        ],
    )
    def test_explicit_cases(self, alert: int, status: int) -> None:
        assert atscodes.status_for_alert(alert, Layer.CFSTREAM) == status

    @pytest.mark.parametrize("alert", [52, 86, 109, 111, 112, 113, 114, 115, 116, 117, 120, 121])
    def test_default_rule_any_other_fatal_alert(self, alert: int) -> None:
        assert atscodes.status_for_alert(alert, Layer.CFSTREAM) is SSLStatus.errSSLFatalAlert
        assert alert in atscodes.alerts_for_status(-9802, Layer.CFSTREAM)

    def test_no_certificate_is_ignored_by_the_code(self) -> None:
        rows = atscodes.alert_mappings(41, Layer.CFSTREAM)
        source = [r for r in rows if r.basis is atscodes.Basis.SOURCE]
        assert [r.status for r in source] == [None]
        # ... and what was observed is the connection closing afterwards.
        assert rows[0].status is SSLStatus.errSSLClosedAbort

    def test_every_assigned_alert_has_a_cfstream_row_from_the_code(self) -> None:
        for alert in TLSAlert:
            rows = atscodes.alert_mappings(alert, Layer.CFSTREAM)
            assert any(r.basis is atscodes.Basis.SOURCE for r in rows), alert


def test_other_os_observations_are_kept_with_their_source() -> None:
    rows = atscodes.alert_mappings(40, Layer.URL_LOADING)
    # iOS 11 beta (thread 80638), a BoringSSL-based simulator build (kickstarter/ios-oss
    # issue 1071), iOS 9 beta (apptentive/apptentive-ios issue 152).
    assert [r.status for r in rows] == [-9802, -9858, -9824]
    assert all(r.os for r in rows)
    assert rows[1].os is not None
    assert "boringssl" in rows[1].os
    assert rows[2].os == "iOS 9 beta"
    assert "inferred" in rows[2].note
    assert atscodes.alerts_for_status(-9858, Layer.URL_LOADING) == {40}
    assert atscodes.status_for_alert(51, Layer.URL_LOADING) == -9834


def test_network_framework_reported_alert_46_as_bad_cert() -> None:
    """odyshewroman/AndroidTVRemoteControl issue 4: alert 46 -> 'misc. bad certificate'."""
    [row] = atscodes.alert_mappings(46, Layer.NETWORK)
    assert row.status is SSLStatus.errSSLPeerBadCert
    assert row.date == "2023-10-27"
    # ... where coreTLS's own table gives -9829.
    assert atscodes.status_for_alert(46, Layer.CFSTREAM, os="iOS 12") == -9829


class TestOSSelection:
    """``os=`` keeps the observations made on that OS, plus the rows read from code."""

    def test_default_keeps_the_founding_collapse(self) -> None:
        assert atscodes.alerts_for_status(-9802, Layer.URL_LOADING) == {40, 42, 47, 49, 50}
        assert atscodes.alerts_for_status(-9802, Layer.URL_LOADING, os="iOS 11") == {
            40,
            42,
            47,
            49,
            50,
        }

    def test_an_os_with_its_own_observation(self) -> None:
        assert atscodes.status_for_alert(40, Layer.URL_LOADING, os="iOS 9") == -9824
        assert atscodes.status_for_alert(40, Layer.URL_LOADING, os="iOS 11.4") == -9802
        assert atscodes.alerts_for_status(-9802, Layer.URL_LOADING, os="iOS 9") == frozenset()

    def test_an_os_nobody_observed_is_unknown_on_url_loading(self) -> None:
        assert atscodes.status_for_alert(42, Layer.URL_LOADING, os="iOS 17") is None
        assert atscodes.alert_mappings(42, Layer.URL_LOADING, os="iOS 17") == ()

    def test_rows_read_from_code_fit_every_os(self) -> None:
        rows = atscodes.alert_mappings(42, Layer.CFSTREAM, os="iOS 17")
        assert [r.basis for r in rows] == [atscodes.Basis.SOURCE]
        assert rows[0].status is SSLStatus.errSSLPeerBadCert

    def test_every_observation_names_its_os(self) -> None:
        for row in atscodes.ALERT_MAPPINGS:
            assert (row.os is None) == (row.basis is atscodes.Basis.SOURCE), row

    @pytest.mark.parametrize("bad", ["17", "latest", ""])
    def test_an_os_without_a_version_is_an_error(self, bad: str) -> None:
        with pytest.raises(ValueError, match="major version"):
            atscodes.status_for_alert(40, Layer.URL_LOADING, os=bad)


class TestNames:
    """Issue 13: alerts, statuses and layers are accepted by name, in any case."""

    @pytest.mark.parametrize("alert", ["bad_certificate", "BAD_CERTIFICATE", " 42 ", 42])
    def test_alert_names(self, alert: object) -> None:
        assert atscodes.status_for_alert(alert, "cfstream") is SSLStatus.errSSLPeerBadCert  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "layer", ["url-loading", "url_loading", "URL_LOADING", "Url-Loading", Layer.URL_LOADING]
    )
    def test_layer_names(self, layer: object) -> None:
        assert atscodes.status_for_alert(42, layer) is SSLStatus.errSSLFatalAlert  # type: ignore[arg-type]

    def test_status_names(self) -> None:
        assert atscodes.alerts_for_status("errSSLPeerBadCert", "CFStream") == {42}
        assert atscodes.alerts_sent_for_status("errSSLCrypto") == {51}
        assert 40 in atscodes.alerts_for_status("-9802", "url-loading")

    def test_unknown_names_are_value_errors(self) -> None:
        with pytest.raises(ValueError, match="TLS alert"):
            atscodes.status_for_alert("bad_cert", "cfstream")
        with pytest.raises(ValueError, match="SSLStatus"):
            atscodes.alerts_for_status("errSSLNope", "cfstream")
        with pytest.raises(ValueError, match="unknown layer"):
            atscodes.alerts_for_status(-9802, "url")

    def test_unassigned_numbers_in_strings_are_unknown(self) -> None:
        assert atscodes.status_for_alert("200", "cfstream") is None


def test_unrecorded_alerts_are_unknown_on_url_loading() -> None:
    assert atscodes.status_for_alert(80, Layer.URL_LOADING) is None
    assert atscodes.status_for_alert(200, Layer.CFSTREAM) is None


class TestSentAlerts:
    @pytest.mark.parametrize(
        ("status", "alerts"),
        [
            (-9800, {47, 10, 40}),
            (-9801, {40}),
            (-9810, {80}),
            (-9812, {48}),
            (-9814, {45}),
            (-9807, {46}),
            (-9809, {51}),
        ],
    )
    def test_alert_this_side_sends(self, status: int, alerts: set[int]) -> None:
        assert atscodes.alerts_sent_for_status(status) == alerts

    def test_no_specific_alert(self) -> None:
        assert atscodes.alerts_sent_for_status(-9806) == frozenset()

    @pytest.mark.parametrize("status", [-9813, -9815])
    def test_trust_results_securetransport_never_produces(self, status: int) -> None:
        """Security-58286 sslCrypto.c: every failed trust result becomes -9807 (alert 46)."""
        assert atscodes.alerts_sent_for_status(status) == frozenset()


class TestURLErrorEvidence:
    def test_is_evidence_with_sources(self) -> None:
        for row in atscodes.URL_ERROR_EVIDENCE:
            assert row.source
            assert -1206 <= row.url_error <= -1200

    @pytest.mark.parametrize(
        ("status", "url_error"),
        [(-9813, -1202), (-9802, -1200), (-9860, -1200), (-9834, -1205), (-9807, -1202)],
    )
    def test_published_pairs(self, status: int, url_error: int) -> None:
        assert url_error in {e.url_error for e in atscodes.url_errors_for_status(status)}
        assert status in {e.status for e in atscodes.statuses_for_url_error(url_error)}

    def test_no_evidence_is_empty(self) -> None:
        assert atscodes.url_errors_for_status(-9890) == ()


class TestBadInput:
    @pytest.mark.parametrize("bad", [40.0, None, True, b"40"])
    def test_wrong_types(self, bad: object) -> None:
        with pytest.raises(TypeError):
            atscodes.status_for_alert(bad, Layer.CFSTREAM)  # type: ignore[arg-type]

    def test_out_of_range_alert(self) -> None:
        with pytest.raises(ValueError, match="0 to 255"):
            atscodes.status_for_alert(256, Layer.CFSTREAM)

    def test_wrong_layer(self) -> None:
        with pytest.raises(TypeError):
            atscodes.alerts_for_status(-9802, 3)  # type: ignore[arg-type]
