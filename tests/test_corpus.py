"""scan() on the labelled corpus of real log excerpts: precision, recall, negatives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import atscodes
from atscodes import Finding, scan

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[dict[str, Any]]:
    """The rows of a labelled file in tests/data (a first ``{"header": …}`` line is skipped)."""
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if "header" not in row]


ROWS = load("corpus.jsonl")
#: Excerpts collected before the scanner was changed for issue 11; scored untouched, then
#: (its misses general rules of how codes are written) a development set like the corpus.
HELD_OUT = load("heldout.jsonl")
#: The second set, collected before the scanner's second pass and scored untouched (see
#: tests/data/README.md and the README for both figures); a development set since.
HELD_OUT_2 = load("heldout2.jsonl")
#: The third set, collected while the second pass was under way and scored untouched after it.
HELD_OUT_3 = load("heldout3.jsonl")
#: The fourth, collected after the third was scored and scored untouched after its fixes.
HELD_OUT_4 = load("heldout4.jsonl")
#: The fifth, collected after set 4's fixes and scored untouched after the '(-' marker.
HELD_OUT_5 = load("heldout5.jsonl")
#: The sixth, collected after set 5's fixes and scored untouched; not tuned on (yet).
HELD_OUT_6 = load("heldout6.jsonl")
HELD_OUT_7 = load("heldout7.jsonl")
HELD_OUT_8 = load("heldout8.jsonl")
HELD_OUT_9 = load("heldout9.jsonl")
HELD_OUT_10 = load("heldout10.jsonl")
HELD_OUT_11 = load("heldout11.jsonl")
HELD_OUT_12 = load("heldout12.jsonl")
HELD_OUT_13 = load("heldout13.jsonl")
HELD_OUT_14 = load("heldout14.jsonl")
HELD_OUT_15 = load("heldout15.jsonl")
HELD_OUT_16 = load("heldout16.jsonl")
HELD_OUT_17 = load("heldout17.jsonl")
HELD_OUT_18 = load("heldout18.jsonl")
HELD_OUT_19 = load("heldout19.jsonl")
HELD_OUT_20 = load("heldout20.jsonl")
HELD_OUT_21 = load("heldout21.jsonl")
HELD_OUT_22 = load("heldout22.jsonl")
HELD_OUT_23 = load("heldout23.jsonl")
HELD_OUT_24 = load("heldout24.jsonl")
HELD_OUT_25 = load("heldout25.jsonl")
HELD_OUT_26 = load("heldout26.jsonl")
HELD_OUT_27 = load("heldout27.jsonl")
HELD_OUT_28 = load("heldout28.jsonl")
HELD_OUT_29 = load("heldout29.jsonl")
HELD_OUT_30 = load("heldout30.jsonl")
HELD_OUT_31 = load("heldout31.jsonl")
HELD_OUT_32 = load("heldout32.jsonl")
HELD_OUT_33 = load("heldout33.jsonl")
HELD_OUT_34 = load("heldout34.jsonl")
HELD_OUT_35 = load("heldout35.jsonl")
HELD_OUT_36 = load("heldout36.jsonl")
HELD_OUT_37 = load("heldout37.jsonl")
HELD_OUT_38 = load("heldout38.jsonl")
HELD_OUT_39 = load("heldout39.jsonl")
HELD_OUT_40 = load("heldout40.jsonl")
HELD_OUT_41 = load("heldout41.jsonl")
HELD_OUT_42 = load("heldout42.jsonl")
HELD_OUT_43 = load("heldout43.jsonl")
HELD_OUT_44 = load("heldout44.jsonl")
HELD_OUT_45 = load("heldout45.jsonl")
HELD_OUT_46 = load("heldout46.jsonl")
HELD_OUT_47 = load("heldout47.jsonl")
HELD_OUT_48 = load("heldout48.jsonl")
HELD_OUT_49 = load("heldout49.jsonl")
HELD_OUT_50 = load("heldout50.jsonl")
HELD_OUT_51 = load("heldout51.jsonl")
HELD_OUT_52 = load("heldout52.jsonl")
HELD_OUT_53 = load("heldout53.jsonl")
HELD_OUT_54 = load("heldout54.jsonl")
HELD_OUT_55 = load("heldout55.jsonl")
HELD_OUT_56 = load("heldout56.jsonl")
HELD_OUT_57 = load("heldout57.jsonl")
HELD_OUT_58 = load("heldout58.jsonl")
HELD_OUT_59 = load("heldout59.jsonl")
HELD_OUT_60 = load("heldout60.jsonl")
HELD_OUT_61 = load("heldout61.jsonl")
HELD_OUT_62 = load("heldout62.jsonl")
HELD_OUT_63 = load("heldout63.jsonl")
HELD_OUT_64 = load("heldout64.jsonl")
HELD_OUT_65 = load("heldout65.jsonl")
HELD_OUT_66 = load("heldout66.jsonl")
HELD_OUT_67 = load("heldout67.jsonl")
HELD_OUT_68 = load("heldout68.jsonl")
HELD_OUT_69 = load("heldout69.jsonl")
HELD_OUT_70 = load("heldout70.jsonl")
HELD_OUT_71 = load("heldout71.jsonl")
HELD_OUT_72 = load("heldout72.jsonl")
HELD_OUT_73 = load("heldout73.jsonl")
HELD_OUT_74 = load("heldout74.jsonl")
HELD_OUT_75 = load("heldout75.jsonl")
HELD_OUT_76 = load("heldout76.jsonl")
HELD_OUT_77 = load("heldout77.jsonl")
HELD_OUT_78 = load("heldout78.jsonl")
HELD_OUT_79 = load("heldout79.jsonl")
HELD_OUT_80 = load("heldout80.jsonl")
HELD_OUT_81 = load("heldout81.jsonl")
HELD_OUT_82 = load("heldout82.jsonl")
HELD_OUT_83 = load("heldout83.jsonl")
HELD_OUT_84 = load("heldout84.jsonl")
HELD_OUT_85 = load("heldout85.jsonl")
HELD_OUT_86 = load("heldout86.jsonl")
HELD_OUT_87 = load("heldout87.jsonl")
HELD_OUT_88 = load("heldout88.jsonl")
HELD_OUT_89 = load("heldout89.jsonl")
HELD_OUT_90 = load("heldout90.jsonl")
HELD_OUT_91 = load("heldout91.jsonl")
HELD_OUT_92 = load("heldout92.jsonl")
HELD_OUT_93 = load("heldout93.jsonl")
HELD_OUT_94 = load("heldout94.jsonl")
HELD_OUT_95 = load("heldout95.jsonl")
HELD_OUT_96 = load("heldout96.jsonl")
HELD_OUT_97 = load("heldout97.jsonl")
HELD_OUT_98 = load("heldout98.jsonl")
HELD_OUT_99 = load("heldout99.jsonl")

# Label domain -> the family group it is scored in.
GROUP = {
    "NSURLErrorDomain": "URLError",
    "kCFErrorDomainCFNetwork": "CFNetworkError",
    "kCFStreamErrorDomainSSL": "OSStatus",
    "NSOSStatusErrorDomain": "OSStatus",
    "NSPOSIXErrorDomain": "DarwinErrno",
    "kNWErrorDomainPOSIX": "DarwinErrno",
    "kCFStreamErrorDomainNetDB": "AddrInfoError",
    "TLSAlert": "TLSAlert",
}
FAMILY_GROUP = {
    "URLError": "URLError",
    "CFNetworkError": "CFNetworkError",
    "SSLStatus": "OSStatus",
    "SecError": "OSStatus",
    "DarwinErrno": "DarwinErrno",
    "AddrInfoError": "AddrInfoError",
    "TLSAlert": "TLSAlert",
}
GROUP_FAMILIES: dict[str, tuple[type[atscodes.Code], ...]] = {
    "URLError": (atscodes.URLError,),
    "CFNetworkError": (atscodes.CFNetworkError,),
    "OSStatus": (atscodes.SSLStatus, atscodes.SecError),
    "DarwinErrno": (atscodes.DarwinErrno,),
    "AddrInfoError": (atscodes.AddrInfoError,),
    "TLSAlert": (atscodes.TLSAlert,),
}


class Label(NamedTuple):
    group: str
    code: int
    start: int
    end: int
    prose: bool


def _assigned(group: str, code: int) -> bool:
    for family in GROUP_FAMILIES[group]:
        try:
            if family.get(code) is not None:
                return True
        except ValueError:
            pass
    return False


def _labels(row: dict[str, Any]) -> list[Label]:
    labels = []
    for code in row["codes"]:
        group = GROUP.get(code["domain"])
        if group is not None and _assigned(group, code["code"]):
            labels.append(
                Label(group, code["code"], code["start"], code["end"], bool(code.get("prose")))
            )
    return labels


def _matches(finding: Finding, label: Label) -> bool:
    return (
        finding.family is not None
        and FAMILY_GROUP[finding.family] == label.group
        and finding.code == label.code
        and finding.span[0] < label.end
        and label.start < finding.span[1]
    )


class Score(NamedTuple):
    labels: int
    found: int
    findings: int
    correct: int
    misses: list[str]
    false_positives: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.labels

    @property
    def precision(self) -> float:
        return self.correct / self.findings


def score(*, prose: bool, rows: list[dict[str, Any]] | None = None) -> Score:
    labels = found = findings = correct = 0
    misses: list[str] = []
    false_positives: list[str] = []
    for row in ROWS if rows is None else rows:
        row_labels = [label for label in _labels(row) if label.prose == prose]
        all_labels = _labels(row)
        known = [f for f in scan(row["text"]) if f.member is not None]
        for label in row_labels:
            labels += 1
            if any(_matches(f, label) for f in known):
                found += 1
            else:
                misses.append(f"{row['id']}: {row['text'][label.start : label.end]!r}")
        for finding in known:
            matched = [label for label in all_labels if _matches(finding, label)]
            if matched and all(label.prose != prose for label in matched):
                continue  # scored with the other set
            findings += 1
            if matched:
                correct += 1
            else:
                false_positives.append(f"{row['id']}: {finding.text!r} -> {finding.name}")
    return Score(labels, found, findings, correct, misses, false_positives)


@pytest.mark.parametrize(
    ("rows", "minimum"),
    [
        (ROWS, 150),
        (HELD_OUT, 40),
        (HELD_OUT_2, 40),
        (HELD_OUT_3, 40),
        (HELD_OUT_4, 40),
        (HELD_OUT_5, 35),
        (HELD_OUT_6, 60),
        (HELD_OUT_7, 60),
        (HELD_OUT_8, 60),
        (HELD_OUT_9, 60),
        (HELD_OUT_10, 55),
        (HELD_OUT_11, 40),
        (HELD_OUT_12, 45),
        (HELD_OUT_13, 40),
        (HELD_OUT_14, 45),
        (HELD_OUT_15, 45),
        (HELD_OUT_16, 30),
        (HELD_OUT_17, 50),
        (HELD_OUT_18, 15),
        (HELD_OUT_19, 30),
        (HELD_OUT_20, 20),
        (HELD_OUT_21, 40),
        (HELD_OUT_22, 25),
        (HELD_OUT_23, 25),
        (HELD_OUT_24, 20),
        (HELD_OUT_25, 50),
        (HELD_OUT_26, 30),
        (HELD_OUT_27, 50),
        (HELD_OUT_28, 50),
        (HELD_OUT_29, 55),
        (HELD_OUT_30, 45),
        (HELD_OUT_31, 55),
        (HELD_OUT_32, 45),
        (HELD_OUT_33, 50),
        (HELD_OUT_34, 40),
        (HELD_OUT_35, 45),
        (HELD_OUT_36, 55),
        (HELD_OUT_37, 50),
        (HELD_OUT_38, 50),
        (HELD_OUT_39, 50),
        (HELD_OUT_40, 55),
        (HELD_OUT_41, 50),
        (HELD_OUT_42, 55),
        (HELD_OUT_43, 45),
        (HELD_OUT_44, 50),
        (HELD_OUT_45, 40),
        (HELD_OUT_46, 55),
        (HELD_OUT_47, 55),
        (HELD_OUT_48, 50),
        (HELD_OUT_49, 45),
        (HELD_OUT_50, 55),
        (HELD_OUT_51, 40),
        (HELD_OUT_52, 40),
        (HELD_OUT_53, 35),
        (HELD_OUT_54, 40),
        (HELD_OUT_55, 35),
        (HELD_OUT_56, 40),
        (HELD_OUT_57, 30),
        (HELD_OUT_58, 40),
        (HELD_OUT_59, 45),
        (HELD_OUT_60, 40),
        (HELD_OUT_61, 25),
        (HELD_OUT_62, 45),
        (HELD_OUT_63, 45),
        (HELD_OUT_64, 10),
        (HELD_OUT_65, 40),
        (HELD_OUT_66, 25),
        (HELD_OUT_67, 40),
        (HELD_OUT_68, 35),
        (HELD_OUT_69, 35),
        (HELD_OUT_70, 35),
        (HELD_OUT_71, 35),
        (HELD_OUT_72, 35),
        (HELD_OUT_73, 35),
        (HELD_OUT_74, 35),
        (HELD_OUT_75, 35),
        (HELD_OUT_76, 35),
        (HELD_OUT_77, 35),
        (HELD_OUT_78, 35),
        (HELD_OUT_79, 35),
        (HELD_OUT_80, 35),
        (HELD_OUT_81, 35),
        (HELD_OUT_82, 35),
        (HELD_OUT_83, 35),
        (HELD_OUT_84, 35),
        (HELD_OUT_85, 35),
        (HELD_OUT_86, 35),
        (HELD_OUT_87, 35),
        (HELD_OUT_88, 35),
        (HELD_OUT_89, 35),
        (HELD_OUT_90, 35),
        (HELD_OUT_91, 35),
        (HELD_OUT_92, 35),
        (HELD_OUT_93, 35),
        (HELD_OUT_94, 35),
        (HELD_OUT_95, 30),
        (HELD_OUT_96, 35),
        (HELD_OUT_97, 35),
        (HELD_OUT_98, 35),
        (HELD_OUT_99, 35),
    ],
    ids=[
        "corpus",
        "held-out",
        "held-out-2",
        "held-out-3",
        "held-out-4",
        "held-out-5",
        "held-out-6",
        "held-out-7",
        "held-out-8",
        "held-out-9",
        "held-out-10",
        "held-out-11",
        "held-out-12",
        "held-out-13",
        "held-out-14",
        "held-out-15",
        "held-out-16",
        "held-out-17",
        "held-out-18",
        "held-out-19",
        "held-out-20",
        "held-out-21",
        "held-out-22",
        "held-out-23",
        "held-out-24",
        "held-out-25",
        "held-out-26",
        "held-out-27",
        "held-out-28",
        "held-out-29",
        "held-out-30",
        "held-out-31",
        "held-out-32",
        "held-out-33",
        "held-out-34",
        "held-out-35",
        "held-out-36",
        "held-out-37",
        "held-out-38",
        "held-out-39",
        "held-out-40",
        "held-out-41",
        "held-out-42",
        "held-out-43",
        "held-out-44",
        "held-out-45",
        "held-out-46",
        "held-out-47",
        "held-out-48",
        "held-out-49",
        "held-out-50",
        "held-out-51",
        "held-out-52",
        "held-out-53",
        "held-out-54",
        "held-out-55",
        "held-out-56",
        "held-out-57",
        "held-out-58",
        "held-out-59",
        "held-out-60",
        "held-out-61",
        "held-out-62",
        "held-out-63",
        "held-out-64",
        "held-out-65",
        "held-out-66",
        "held-out-67",
        "held-out-68",
        "held-out-69",
        "held-out-70",
        "held-out-71",
        "held-out-72",
        "held-out-73",
        "held-out-74",
        "held-out-75",
        "held-out-76",
        "held-out-77",
        "held-out-78",
        "held-out-79",
        "held-out-80",
        "held-out-81",
        "held-out-82",
        "held-out-83",
        "held-out-84",
        "held-out-85",
        "held-out-86",
        "held-out-87",
        "held-out-88",
        "held-out-89",
        "held-out-90",
        "held-out-91",
        "held-out-92",
        "held-out-93",
        "held-out-94",
        "held-out-95",
        "held-out-96",
        "held-out-97",
        "held-out-98",
        "held-out-99",
    ],
)
def test_labelled_files_are_large_enough_and_sourced(
    rows: list[dict[str, Any]], minimum: int
) -> None:
    assert len(rows) >= minimum
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["source"].startswith(("https://", "http://")), row["id"]
        for code in row["codes"]:
            assert row["text"][code["start"] : code["end"]] == code["text"], row["id"]
        for negative in row["negatives"]:
            assert negative in row["text"], row["id"]


def test_log_output_meets_the_targets() -> None:
    """Recall >= 98 % and precision >= 99 % on codes in log output (issue 3's targets)."""
    result = score(prose=False)
    print(
        f"\nlog output: recall {result.found}/{result.labels} = {result.recall:.2%}, "
        f"precision {result.correct}/{result.findings} = {result.precision:.2%}"
    )
    print("misses:", *result.misses, sep="\n  ")
    assert result.recall >= 0.98, result.misses
    assert result.precision >= 0.99, result.false_positives


def test_prose_is_reported() -> None:
    """Bare numbers in sentences are scored separately; nothing found there may be wrong."""
    result = score(prose=True)
    print(
        f"\nprose: recall {result.found}/{result.labels} = {result.recall:.2%}, "
        f"precision {result.correct}/{result.findings}"
    )
    assert result.labels > 0
    assert result.false_positives == []


@pytest.mark.parametrize("row", [r for r in ROWS if not r["codes"]], ids=lambda r: r["id"])
def test_negative_only_excerpts_yield_no_known_code(row: dict[str, Any]) -> None:
    assert [f.text for f in scan(row["text"]) if f.member is not None] == []


def test_held_out_sources_are_not_in_the_corpus() -> None:
    every = (
        ROWS,
        HELD_OUT,
        HELD_OUT_2,
        HELD_OUT_3,
        HELD_OUT_4,
        HELD_OUT_5,
        HELD_OUT_6,
        HELD_OUT_7,
        HELD_OUT_8,
        HELD_OUT_9,
        HELD_OUT_10,
        HELD_OUT_11,
        HELD_OUT_12,
        HELD_OUT_13,
        HELD_OUT_14,
        HELD_OUT_15,
        HELD_OUT_16,
        HELD_OUT_17,
        HELD_OUT_18,
        HELD_OUT_19,
        HELD_OUT_20,
        HELD_OUT_21,
        HELD_OUT_22,
        HELD_OUT_23,
        HELD_OUT_24,
        HELD_OUT_25,
        HELD_OUT_26,
        HELD_OUT_27,
        HELD_OUT_28,
        HELD_OUT_29,
        HELD_OUT_30,
        HELD_OUT_31,
        HELD_OUT_32,
        HELD_OUT_33,
        HELD_OUT_34,
        HELD_OUT_35,
        HELD_OUT_36,
        HELD_OUT_37,
        HELD_OUT_38,
        HELD_OUT_39,
        HELD_OUT_40,
        HELD_OUT_41,
        HELD_OUT_42,
        HELD_OUT_43,
        HELD_OUT_44,
        HELD_OUT_45,
        HELD_OUT_46,
        HELD_OUT_47,
        HELD_OUT_48,
        HELD_OUT_49,
        HELD_OUT_50,
        HELD_OUT_51,
        HELD_OUT_52,
        HELD_OUT_53,
        HELD_OUT_54,
        HELD_OUT_55,
        HELD_OUT_56,
        HELD_OUT_57,
        HELD_OUT_58,
        HELD_OUT_59,
        HELD_OUT_60,
        HELD_OUT_61,
        HELD_OUT_62,
        HELD_OUT_63,
        HELD_OUT_64,
        HELD_OUT_65,
        HELD_OUT_66,
        HELD_OUT_67,
        HELD_OUT_68,
        HELD_OUT_69,
        HELD_OUT_70,
        HELD_OUT_71,
        HELD_OUT_72,
        HELD_OUT_73,
        HELD_OUT_74,
        HELD_OUT_75,
        HELD_OUT_76,
        HELD_OUT_77,
        HELD_OUT_78,
        HELD_OUT_79,
        HELD_OUT_80,
        HELD_OUT_81,
        HELD_OUT_82,
        HELD_OUT_83,
        HELD_OUT_84,
        HELD_OUT_85,
        HELD_OUT_86,
        HELD_OUT_87,
        HELD_OUT_88,
        HELD_OUT_89,
        HELD_OUT_90,
        HELD_OUT_91,
        HELD_OUT_92,
        HELD_OUT_93,
        HELD_OUT_94,
        HELD_OUT_95,
        HELD_OUT_96,
        HELD_OUT_97,
        HELD_OUT_98,
        HELD_OUT_99,
    )
    sets = [{row["source"] for row in rows} for rows in every]
    for index, first in enumerate(sets):
        for second in sets[index + 1 :]:
            assert not first & second


# Each held-out set (tests/data/README.md) was scored once, untouched; those figures are
# the ones reported (README).  Its misses were read only then, the general rules they
# showed were added, and it became a development set held by these floors:
#
# 1. heldout.jsonl, untouched 91.5 % recall (75 of 82), 100 % precision.  Misses: CFNetwork's
#    TCP connection errno ("error 0:61 [61]", "err: 61"), Wireshark's alert description.
# 2. heldout2.jsonl, untouched 94.9 % (75 of 79), 97.4 % (75 of 77): "status 1" read as
#    EPERM beside a bound domain, a domain on the line before its code.
# 3. heldout3.jsonl, untouched 90.5 % (57 of 63), 100 % (56 of 56): React Native's
#    "ENSURLERRORDOMAIN-999"; the rest needs knowledge the text does not hold (a domain key
#    cut from the excerpt, a strerror on the line before) or has no marker.
# 4. heldout4.jsonl, untouched 89.4 % (42 of 47), 91.1 % (41 of 45).  Two of the four codes
#    scored false are an outer _kCFStreamErrorCodeKey whose own domain key the excerpt cuts
#    off, read with the nested dump's key beside it (CFNetwork copies the pair) and labelled
#    "unstated"; they are left as labelled, hence its lower precision floor.  The other two
#    ("Code: [1" of Amplify.AuthError) and "socket error 32", "[89] Operation canceled" were
#    general rules, added after.
# 5. heldout5.jsonl, untouched 93.8 % (15 of 16), 100 % (15 of 15): only 16 of its labels are
#    in atscodes' families (curl, OpenSSL, mbedTLS and the like are most of it); the miss was
#    Java's "Received fatal alert: unknown_ca", added after.
# 6. heldout6.jsonl, untouched 90.8 % (59 of 65), 96.6 % (57 of 59).  Misses: rustls'
#    "DecodeError" as an alert name three times, Security's "status was -25300" three times
#    (no marker on the line, and a verb in the separator); scored false: Parse's
#    "ParseError code=-1" read as NSURLErrorUnknown, and an outer _kCFStreamErrorCodeKey=-9802
#    labelled "unstated" (as in set 4, left as labelled).  The first three were general
#    rules (rustls' alert names, "tatus" as a marker and "was"/"is" in the separator, a type
#    named before the code word owns its code), added after.
# 7. heldout7.jsonl, untouched 95.6 % (87 of 91), 98.9 % (87 of 88), once nine labels of
#    nested kCFErrorDomainCFNetwork codes were given that domain (the collecting brief had
#    said NSURLErrorDomain, against the rule the other files follow; 85.7 % and 88.6 %
#    before).  Misses: Elixir's "{:tls_alert, 'unknown ca'}" and "{:unknown_ca, …", OTP's
#    "ssl_handshake.erl:1401:Fatal error: unknown ca", "#NSURLErrorDomain/-1202"; all four
#    general, added after.  Scored false: BoringSSL's "description: close notify", which
#    the labeller listed as not a failure; once set 8 showed it again, a close_notify sent
#    at level warning (a clean shutdown) was no longer reported.
# 8. heldout8.jsonl, untouched 90.9 % (80 of 88), 97.5 % (77 of 79).  Misses: libnetwork's
#    "[65: No route to host]" and "[57: Socket is not connected]" on lines with no marker,
#    "[1: Operation not permitted]" three times (EPERM was not among the errno values read),
#    "Socket SO_ERROR 61", RocketSim's "Domain: kCFErrorDomainCFNetwork" with "Code: -1005" on
#    the next line (also scored false, as an NSURLError), a typed "erno= 1".  EPERM, SO_ERROR
#    without brackets and a domain at a line end after ':' were added after; the lines with
#    no marker are not (a marker for each strerror costs a pass over every log).
# 9. heldout9.jsonl, untouched 90.0 % (54 of 60), 100 % (53 of 53).  Misses: AMSMB2's
#    "Code=5 … Error code 5" (a number again in its error's own text), .NET's
#    "SocketException (49): Can't assign requested address" on a line with no marker,
#    ShadowsocksX's "UNIX error exception: 17" twice (EEXIST, not among the network
#    errno values read), "SecKeyCreate init RSAPublicKey key: -50" twice (an OSStatus
#    after "key:", no code word).  The first was general and added after; the others are
#    one program's words each, or cost a prefilter pass (": Can't assign …" and the
#    other strerror texts as markers would make about 0.3 % of all labels findable, for
#    18 % more prefilter time on the benchmark's device log).
# 10. heldout10.jsonl, untouched 89.6 % (60 of 67), 100 % (60 of 60).  Misses: the JDK's
#    "(certificate_unknown) PKIX path building failed" twice, Dart's "(OS Error: Operation
#    not permitted, errno = 1)" twice, CFNetwork's "HTTP load failed (error code: 311 …)"
#    (a CFError with no NSURLError), libssh's "Socket exception callback: 2 (2)", and a
#    dartssh2 "osError.errorCode: 1" whose words are on the line before.  The first three
#    were general and added after; the last became general with set 13's "failed (6)" (an
#    errno's own words on its line or the line before, after set 24).
# 11. heldout11.jsonl, untouched 97.3 % (71 of 73), 98.6 % (71 of 72).  Misses: an NSError
#    dump wrapped by hand over six lines, whose _kCFStreamErrorDomainKey=1 comes on the last
#    line, after both _kCFStreamErrorCodeKey=61 (a streaming scanner cannot look ahead; not
#    taken).  Scored false: "Network.NWError error 57 - Socket is not connected", read as
#    the Darwin errno it is; the label gives it the domain "Network.NWError", which no family
#    group scores (left as labelled).
# 12. heldout12.jsonl, collected alongside set 11 from other repositories; untouched 94.7 %
#    (54 of 57), 98.1 % (53 of 54).  Misses: Rust's "Operation not permitted (os error 1)"
#    (the words before the number), "(kCFErrorDomainCFNetwork error. -1022.)" (a '.' after
#    "error"; also scored false, as an NSURLError), Mono's "mono-io-layer-error (61)".  All
#    three were general and added after (Mono's Win32Exception names an errno it has no
#    words for by its number: Darwin's on iOS, Linux's 111 on Android).
# 13. heldout13.jsonl, collected alongside set 14 and delivered after it, so scored after
#    set 14's rule; untouched 93.6 % (44 of 47), 97.7 % (43 of 44).  Misses: an XPC lookup's
#    "error 3 - No such process" twice (a number followed by its own strerror words),
#    NetworkExtension's "interface_get_mtu failed (6)" with its words on the line before (as
#    in set 3).  The first was general and added after, the second after set 24.  Scored
#    false: an outer
#    _kCFStreamErrorCodeKey=60 labelled "unstated" (as in sets 4 and 6).
# 14. heldout14.jsonl, command-line output on macOS; untouched 86.7 % (26 of 30), 100 %
#    (26 of 26).  Misses: curl's "SSLRead() return error -36" (an OSStatus after a
#    SecureTransport call), codesign's "errSecInternalComponent" twice (a constant's name;
#    the corpus and the earlier sets do not label names, so none is read), libnetwork's
#    "[1: Operation not permitted]" on a line with no marker.  The first was general and
#    added after; once set 15 showed codesign's name twice more, so was the second (a
#    Security status written by its constant's name alone, 96.7 % since).
# 15. heldout15.jsonl, stored web pages, 30 of 47 excerpts in Chinese, Japanese, Korean,
#    Russian or Portuguese; untouched 94.6 % (53 of 56), 100 % (53 of 53).  Misses:
#    codesign's "errSecInternalComponent" twice (as in set 14), and an NSError copied one
#    token per line ("Code\n=\n-\n999", not taken).  The first became a rule after.
# 16. heldout16.jsonl, text inside repositories (troubleshooting documents, the CocoaDev
#    archive, code comments quoting console output); scored after set 15's rule, untouched
#    92.6 % (25 of 27), 96.2 % (25 of 26).  Misses: simctl's "exited with non-zero code:
#    60" with "Operation timed out" on the next line, dtruss's "= -1 Err#2" (one tool's
#    form each; not taken).  Scored false: a generated article's "NSURL error -1012",
#    labelled as prose NSURLError, read as the kCFErrorDomainCFNetwork -1012 its own
#    quoted message names later on the line (left as it is).
# 17. heldout17.jsonl, issue threads of Chinese, Japanese, Korean and Russian SDKs; scored
#    after set 15's rule, untouched 100 % (45 of 45), 100 % (45 of 45), once one label's
#    offsets were corrected: the nested "Error Domain=kCFErrorDomainCFNetwork Code=-1002"
#    had been placed inside the line's first "OriginErrorCode=-1002", already labelled
#    (as delivered, 97.8 % and 97.8 %: that code read where it is, the label elsewhere).
# 18. heldout18.jsonl, collected alongside set 17 from outside GitHub and Apple's forums
#    (pastes, vendor FAQs, a mailing list; the stored pages hold few bug trackers), so
#    small: untouched 100 % (14 of 14), 100 % (14 of 14).
# 19. heldout19.jsonl, Apple developer forum threads no earlier file uses (by number), and
#    their mirrors and topic listings, where line breaks are lost: only 3 of its labels are
#    in log output (untouched 3 of 3, 100 %); 4 of its 12 prose labels are found.
# 20. heldout20.jsonl, aimed at Stack Overflow, mostly console pastes; seven rows that
#    were header listings of constants, not logs, were left out before scoring.
#    Untouched 85.0 % (17 of 20), 100 % (17 of 17).  Misses: libnetwork's "Lower protocol
#    stack error post TLS handshake: 54" (added after: 90.0 % since), tccd's "(#3) No such
#    process", and a dump pasted with its lines numbered whose _kCFStreamErrorDomainKey
#    comes on the line before its code after a line without a marker (as in set 11).
# 21. heldout21.jsonl, smart-home, device and wallet apps; untouched 66.7 % (14 of 21),
#    93.3 % (14 of 15).  Six of its seven misses are errno names written alone by Node.js
#    ("connect ECONNREFUSED", "EHOSTUNREACH" four times, "EHOSTDOWN"), which its labeller
#    labelled and the corpus and sets 5 to 11 leave unlabelled (nineteen times): under
#    their rule it is 93.3 % (14 of 15); names are not read.  The seventh is a typed
#    "kCFErrorDomainCFNNetwork Error 310" (a long domain name one letter off is read as
#    that domain since set 24).  Scored false: "(NSFileProvider-\nErrorDomain
#    error -1005.)", a domain cut by a line wrap, read as NSURLError -1005; a bare
#    "ErrorDomain" is now a domain atscodes cannot tell (100 % precision since).
# 22. heldout22.jsonl, AI clients and macOS utilities; untouched 90.0 % (18 of 20), 100 %
#    (18 of 18).  Misses: the Security framework's "UNIX error exception: 17" (as twice in
#    set 9) and Mono's "TlsException: CertificateUnknown".  Both general, added after
#    (sets 9 and 22: 95.0 % and 100 % since).
# 23. heldout23.jsonl, public-sector, health and weather apps (Corona-Warn-App and kin);
#    untouched 100 % (12 of 12), 100 % (12 of 12).
# 24. heldout24.jsonl, tvOS, watchOS, visionOS, CarPlay and Catalyst apps; small: untouched
#    55.6 % (5 of 9), 83.3 % (5 of 6).  Misses: "[102: Operation not supported on socket]"
#    twice (its strerror() starts with ENOTSUP's, which was taken for it: the longest now
#    wins, 77.8 % since), and "NSPOSIXEErrorDomain Code=53" twice, a typed domain name
#    (read since, one letter off: 88.9 %; its "_kCFStremErrorCodeKey" is not).  Scored
#    false: AVFoundation's "An unknown error occurred (-1022)", read as the ATS block it
#    is, where the label gives the nested dump's NSOSStatusErrorDomain (left as it is).
# 25. heldout25.jsonl, enterprise, identity and productivity software (MSAL, Azure, Intune,
#    OneDrive, Okta and AppAuth clients, Salesforce, Zoom); scored untouched after set 24's
#    rules: 91.7 % (22 of 24), 95.7 % (22 of 23).  Misses: "Failed to issue sandbox extension
#    …, errno = 1" (errno 1 needs its words) and MSAL's "Could not write broker key -34018" (a
#    Security status on a line with no Security word).  Scored false: a "-1001" in a sentence
#    that the label gives to GTMOAuth2 (prose, not ours).  None taken.
# 26. heldout26.jsonl, pages in French, German, Turkish, Spanish and five more languages;
#    thin: 4 labels in log output (10 prose).  Untouched 75.0 % (3 of 4), 100 % (3 of 3).
#    Miss: -34018 inside an HTML anchor's name ("handle--34018-error-…"), which its
#    labeller doubted; left.
# 27. heldout27.jsonl, commerce, fintech and delivery (card readers, payment SDKs, crypto
#    clients, receipt printers); untouched 96.2 % (25 of 26), 100 % (25 of 25).  Miss: an
#    app's own "Connection reset by peer (54)" (breadwallet-ios), an errno after its own
#    words: general, added after with set 28's (100 % since).
# 28. heldout28.jsonl, hobbyist hardware, science and creative tools; untouched 52.4 % (11 of
#    21), 84.6 % (11 of 13).  Nine misses are pySerial on macOS, "[Errno 16] Resource busy",
#    an errno network code does not report, and one is its "(6, 'Device not configured')": any
#    errno beside its own Darwin strerror() words is read since (Libc's sys_errlist; 100 %).
#    Scored false: an ESP32 firmware's lwIP errno: 22, "Invalid argument" twice, read as
#    EINVAL (the same number and words; the label gives lwIP's domain).  Left.
# 29. heldout29.jsonl, education, reading and learning apps; untouched 92.9 % (13 of 14),
#    86.7 % (13 of 15).  Miss: "socket.gaierror: [Errno 8] nodename nor ser…", its words cut
#    (the gaierror type now says the domain: 100 % since).  Scored false: a Linux traceback's
#    "[Errno 2] No such file or directory" twice, read as ENOENT, which is 2 with those words
#    on Linux too; the label gives Linux's domain.  Left, as set 28's lwIP EINVAL.
# 30. heldout30.jsonl, mobility, maps and transport; untouched 93.5 % (29 of 31), 100 %
#    (29 of 29).  Misses: OwnTracks' status typed out as "NSPOSIXeErrorDomain 51" (read since:
#    a misspelt long domain name before a bare code) and its "kCFStreamErrorCodeKey" =51 with
#    the domain key on the line after it (not read: the key's line is read before the next).
#    Since the review of set 40's rules, a dyld "errno=1" is not read either (93.5 %).
# 31. heldout31.jsonl, developer infrastructure on macOS (package managers, toolchains, IDEs,
#    simulators and device tools, VMs and containers); scored untouched after set 29's rule:
#    100 % (18 of 18), 100 % (18 of 18).
# 32. heldout32.jsonl, social, messaging and community apps; scored untouched after set 35's
#    rules: 89.5 % (17 of 19), 94.4 % (17 of 18).  Misses: errKCAuthFailed / errSecAuthFailed
#    written beside their number (-25293) in the same message, which the scanner keeps as one
#    finding (the number's).  Scored false: an outer _kCFStreamErrorCodeKey=-9800 whose domain
#    key the excerpt cut off, labelled unstated (as in sets 4, 6 and 13).  Left.
# 33. heldout33.jsonl, security and privacy tools; scored untouched after set 35's rules:
#    92.3 % (24 of 26), 100 % (24 of 24).  Misses: CoreFoundation's "CFSocketSetAddress bind
#    failure: 48" (read since, with set 2's "listen failure: 102": 96.2 %) and a Go
#    library's "CFError -34018" (no Security word on the line; left).
# 34. heldout34.jsonl, games and game services; untouched 100 % (14 of 14), 100 % (14 of
#    14).
# 35. heldout35.jsonl, server-side Swift and Apple backend integrations; untouched 72.7 % (16
#    of 22), 100 % (16 of 16).  Misses: BlueSSLService's "Error code: -9806(0x-264E)" hex
#    twins (four) and its "-36" (errSecIO) beside "ERROR: SSLRead" twice: both general, read
#    since (100 %).
# 36. heldout36.jsonl, health, fitness and wearables; thin in Apple codes: one label in log
#    output.  Scored untouched after set 39's rules: 100 % (1 of 1), 100 % (1 of 1).
# 37. heldout37.jsonl, real-time audio, video and calling; untouched 48.0 % (12 of 25), 100 %
#    (12 of 12) after one row's offsets were corrected (its labeller had placed three labels
#    on a timestamp's "32"); as delivered, 40.0 % (10 of 25) and 83.3 % (10 of 12).  Misses:
#    librtmp's "failed to connect socket. 61 (Connection refused)" four times, WebRTC's "TCP
#    connect failed with error 65" (both read since), a clean close_notify (not a failure),
#    CoreAudio's "-50" three times (paramErr; a small negative is not read without a Security
#    word), and WebRTC's "[0x00000041] No route to host" and "err=65" twice each, whose lines
#    have no marker or whose words are two lines up (left).
# 38. heldout38.jsonl, design, photo, video and creative software; untouched 80.0 % (12 of 15),
#    100 % (12 of 12) without two rows whose pages set 37 quotes (76.5 %, 13 of 17, as
#    delivered).  Misses: librtmp's "RTMP send error 32" / "9" three times: read since (100 %).
# 39. heldout39.jsonl, browsers, web views and web automation; untouched 77.8 % (7 of 9), 100 %
#    (7 of 7).  Misses: "Domain:NSPOSIXErrorDomain" then "Error Code:1" on the next line, and
#    libnetwork's shutdown() line with no marker (as in set 4): both read since (100 %).
# 40. heldout40.jsonl, automation and scripting on macOS and iOS; untouched 72.7 % (8 of 11),
#    100 % (8 of 8).  Misses: launchctl's "Load failed: 5: Input/output error" three times, an
#    errno and its whole words after a colon: read since (100 %).
# 41. heldout41.jsonl, printing, scanning and peripherals; untouched 100 % (5 of 5), 100 % (5
#    of 5).
# 42. heldout42.jsonl, home servers, NAS and network appliances; untouched 44.4 % (4 of 9), 100 %
#    (4 of 4).  Misses: curl's "tlsv1 unrecognized name" (OpenSSL's alert reason without
#    "alert": read since), far2l's "smb://… (60)" twice, the Finder's "(Error code -36)" and a
#    Swift enum's "sendingMessageFailed(code: 22)" (no domain or words in view; left).  Its
#    "code: 65" after "No route to host" on the line before is not read since that review.
# 43. heldout43.jsonl, JavaScript and Dart HTTP clients on iOS and macOS; thin; untouched
#    71.4 % (5 of 7), 100 % (5 of 5).  Misses: Node's "errno: -60" with its name on the line
#    after it, and "errno: -65" with its name five lines before it, past the stack trace; the
#    second is read since, by the name in Node's "code: 'EHOSTUNREACH'" on the next line
#    (85.7 %; the first's line ends in the collector's cut mark, "errno: -60, …").
# 44. heldout44.jsonl, ad mediation, attribution and deep-linking SDKs; untouched 92.9 % (13 of
#    14), 86.7 % (13 of 15).  Miss: a URL-encoded "Code%3D-1008" (left).  False: XPC's "failed at
#    lookup with error 3 - No such process", twice, read as ESRCH, which the labels give to an
#    XPC domain (the value and its words are Darwin's errno 3; left).
# 45. heldout45.jsonl, observability, APM and crash-reporting SDKs; untouched 93.5 % (29 of 31),
#    93.5 % (29 of 31).  Misses: a -1200 whose domain is only in the page's title, and OpenSSL 3's
#    "alert illegal parameter" wrapped away from its "ssl/tls".  False: Fluent Bit's "errno=9"
#    on Linux, twice (EBADF is 9 on both systems; left).
# 46. heldout46.jsonl, language runtimes and package managers other than Python, Node, Go and
#    Rust; thin in Apple codes; untouched 75.0 % (6 of 8), 100 % (6 of 6).  Misses: the Haskell
#    tls library's alert names "UnknownCa" and "CertificateUnknown" in its Error_Protocol:
#    read since (100 %).
# 47. heldout47.jsonl, video playback and streaming players; untouched 100 % (19 of 19), 100 %
#    (19 of 19).
# 48. heldout48.jsonl, e-mail, calendar and contacts (mail servers with Apple clients, CalDAV,
#    mail libraries); thin in Apple codes; untouched 87.5 % (7 of 8), 100 % (7 of 7).  Miss:
#    Swift-SMTP's "reason: errSecIO" beside its own -36, which the scanner counts once (left).
# 49. heldout49.jsonl, version control on macOS and iOS (GitHub Desktop, git credential
#    helpers, Subversion); thin; untouched 57.1 % (4 of 7), 100 % (4 of 4).  Misses: GitHub
#    Desktop's "(49): Can't assign requested address" twice (read since) and Git Credential
#    Manager's "…Security Server is not allowed. [0xffff9d24]" (an unsigned OSStatus with no
#    code word; left).
# 50. heldout50.jsonl, app release and distribution tooling (altool, Transporter, fastlane,
#    notarization); untouched 100 % (2 of 2), 66.7 % (2 of 3): a _kCFStreamErrorCodeKey=-9816
#    labelled "unstated" (its domain key is not quoted) read by its SecureTransport range.
# 51. heldout51.jsonl, cross-platform desktop GUI frameworks on macOS (Qt, wxWidgets, JUCE,
#    Java, PyQt); untouched 29.4 % (5 of 17), 100 % (5 of 5).  Two of its misses, asyncio's
#    "[Errno 61] Connect call failed", were a rule of that day's (any capitalised words not
#    Darwin's refused an errno); narrowed at once to glibc's own texts (41.2 %, 7 of 17, as
#    the scanner stood before that rule).  Read since: .NET's "SocketException (57): …",
#    Python 2's gaierror tuple and JSSE's "handshake alert:  unrecognized_name" (twice).
#    Left: the Pasteboard's "[-4960]" twice, a gaierror's "8, 'nodename…'" without its
#    parenthesis, and a Qt client's bare 5s and "errno 5".
# 52. heldout52.jsonl, payment, banking and cryptocurrency-wallet apps and SDKs; thin in URL
#    loading codes (the main payment SDKs' repositories were used before); untouched 90.9 %
#    (30 of 33), 100 % (30 of 30).  Misses: .NET's "ExtendedSocketException (61): Connection
#    refused 127.0.0.1:9050" on a line with no marker, Bitcoin's "socket recv error 54" with
#    neither words nor domain (both left), and "result=49, Can't assign requested address"
#    (an errno, a comma and its words: read since, 93.9 %).
# 53. heldout53.jsonl, debugging proxies, VPN and tunnel apps and local network privacy on
#    Apple platforms; untouched 83.3 % (30 of 36), 100 % (30 of 30).  Five misses are errno
#    names written alone (npm's "code ECONNRESET", Node's "connect ECONNREFUSED"), which this
#    set's labeller labelled and the corpus and most sets do not (as in set 21; left); one,
#    "getaddrinfo failed: 8 (nodename nor servname provided)", read since (86.1 %).
# 54. heldout54.jsonl, iOS testing and CI tooling (XCUITest runners, Appium and WebDriverAgent,
#    simulators, CI services on macOS); untouched 98.0 % (48 of 49), 100 % (48 of 48).  Miss:
#    a dump's "_kCFStreamErrorCodeKey=61…" whose domain key the excerpt cuts off (left).
# 55. heldout55.jsonl, music, podcast, AirPlay and RSS apps on Apple platforms; untouched
#    95.8 % (23 of 24), 100 % (22 of 22).  Miss: libnetwork's "Failed to copy updated result
#    (22)", an errno in parentheses with neither words nor a domain (left).
# 56. heldout56.jsonl, Apple device management and enterprise deployment (MDM servers and
#    agents, profiles, EAP-TLS Wi-Fi, SSL inspection on managed Macs); untouched 84.0 % (21 of
#    25), 95.5 % (21 of 22).  Read since: FreeRADIUS' "TLS Alert read:fatal:certificate
#    unknown" (OpenSSL's info callback form), and curl's "(exit code 56)" beside "errno 54" no
#    longer read as errno 56.  Left: a close_notify at level warning labelled as an alert
#    (twice) and a bare "-50" (paramErr).
# 57. heldout57.jsonl, cross-platform stacks over Apple's URL loading (Kotlin Multiplatform,
#    .NET MAUI and Xamarin, NativeScript, Unity, Godot); untouched 85.0 % (17 of 20), 100 %
#    (16 of 16).  Left: BoringSSL's "cleanly shut down with a close_notify alert" labelled as
#    an alert (twice), and libnetwork's "[42] Protocol…" with its words cut.  One row was given
#    up after its first score: set 58 quotes the same page (no label of it was scored).
# 58. heldout58.jsonl, failures tied to OS eras and platform changes (ATS in iOS 9, the 2021
#    root expiry, TLS 1.0 removals, local network privacy); untouched 79.3 % (23 of 29), 92.0 %
#    (23 of 25) as delivered, 82.8 % and 96.0 % once one label's offsets were corrected (placed
#    on a timestamp's "22").  Read since: "SocketError 4: Interrupted system call", MySQL's
#    "system error: 60".  Left: Node's "errno: -1" two lines above its "code: 'EPERM'", an XML
#    "<socketErrno>65</socketErrno>", "read(5) error 54"; scored false, OpenSSL's
#    "TLSV1_ALERT_PROTOCOL_VERSION" beside the labelled "tlsv1 alert protocol version".
# 59. heldout59.jsonl, backend-as-a-service and cloud SDKs other than Firebase (Supabase,
#    Appwrite, Parse, AWS, Azure, gRPC, Apollo, PubNub); untouched 100 % (44 of 44), 100 % (43
#    of 43).
# 60. heldout60.jsonl, Chinese-language threads and Chinese SDKs (localized NSURLError dumps,
#    Aliyun, JPush, Umeng, Agora, Chinese macOS apps); untouched 98.4 % (60 of 61), 100 % (58
#    of 58).  Miss: "错误代码" and a full-width colon before "-1005", a line with no ASCII
#    marker: the CJK code words are read since (100 %).
# 61. heldout61.jsonl, Japanese- and Korean-language threads and SDKs (LINE, Kakao, Naver,
#    NCMB); 29 rows; untouched 100 % (28 of 28), 96.6 % (28 of 29): scored false, codesign's
#    "errSecInternalComponent" by name, which the scanner reads as its status since set 15 and
#    this set's labeller left unlabelled.
# 62. heldout62.jsonl, Apple Push Notification service clients and providers; untouched 92.3 %
#    (36 of 39), 100 % (36 of 36).  Left: Node's "EPROTO" and a gai_strerror text labelled by
#    name alone, and "-36" (ioErr) without a Security word.
# 63. heldout63.jsonl, iCloud and Apple services clients (CloudKit, icloudpd, Sign in with
#    Apple); thin in Apple codes (8 scored labels); untouched 75.0 % (6 of 8), 100 % (6 of 6).
#    Left: Node's "Unknown system error -11" twice (libuv's raw errno; macOS only by its
#    /Users/ paths).
# 64. heldout64.jsonl, Russian- and Spanish-language material, from repository files only
#    (the helper's searches were refused: the search budget was spent); 10 rows, 4 scored
#    labels; untouched 75.0 % (3 of 4), 100 % (3 of 3).  Miss: usbmuxd's "socket failed
#    24", an errno with neither words nor a domain (left).
# 65. heldout65.jsonl, certificate pinning and logs that repositories hold (from snapshots
#    only: the search budget was spent); untouched 82.4 % (28 of 34), 100 % (28 of 28).
#    Read since: tlsfuzzer's "Alert(fatal, handshake_failure)" twice and 'alert description
#    "bad_record_mac"', CommCenter's "1:45 (Operation not supported)" (91.2 %).  Left: a
#    "-50" (paramErr), OkHttp's alert name wrapped over two lines.
# 66. heldout66.jsonl, host-side iOS device tooling (libimobiledevice, go-ios, devicectl,
#    Frida), from snapshots only; untouched 100 % (17 of 17), 100 % (15 of 15).
# 67. heldout67.jsonl, logs that repositories hold, recent OS versions where stated (from
#    snapshots only, mostly off its intended area); untouched 89.5 % (17 of 19), 81.0 % (17
#    of 21).  Read since: rustls' "AlertReceived(CertificateRevoked)" and "[Errno 8] nodename
#    nor servname" cut by a wrap (100 %).  Scored false, left: Linux errnos 1, 9, 13 and 22
#    (Rust's "os error 13", "Os { code: 22 … }"), the same numbers and words on Darwin.
# 68. heldout68.jsonl, AI and LLM tools on Apple platforms (Ollama clients, LM Studio, SDKs);
#    untouched 86.4 % (19 of 22), 100 % (19 of 19).  Missed: three errno names written alone
#    (EHOSTUNREACH, ECONNRESET), which the scanner does not read (their number is the OS's).
# 69. heldout69.jsonl, updaters and installers on macOS (Sparkle, Squirrel, xcodes, Setapp);
#    untouched 83.3 % (5 of 6), 100 % (5 of 5).  Missed: ETIMEDOUT written alone.
# 70. heldout70.jsonl, containers, VMs and cloud CLIs on macOS (Podman, UTM, Lima, aws-vault);
#    untouched 69.7 % (23 of 33), 100 % (22 of 22).  Read since: the Finder's "(Error code
#    -36)" twice (75.8 %).  Left: five errno names alone, "err code 45", sqlite's "(2)
#    open(…)", and "User interaction is not allowed. (-25308)" with no Security word.
# 71. heldout71.jsonl, messaging and social apps (Matrix, XMPP, Mastodon, SimpleX, Keybase);
#    untouched 88.2 % (15 of 17), 93.8 % (15 of 16).  Read since: the Haskell tls library's
#    "(AlertLevel_Fatal,UnknownCa)" (94.1 %).  Scored false, left: Node's "errno: -2" on Linux,
#    ENOENT on both systems.
# 72. heldout72.jsonl, recent OS versions (macOS 14 to 26, iOS 18 and 26, local network
#    privacy); untouched 77.3 % (17 of 22), 94.4 % (17 of 18).  Read since: Go's "remote
#    error: bad certificate" after net/http's "TLS handshake error from" (86.4 %).  Left:
#    Erlang's ":ehostunreach", "(errno=85)" from dyld, altool's own "(-1011)".
# 73. heldout73.jsonl, RPC, real-time and low-level networking libraries (gRPC, SignalR, QUIC
#    stacks, Poco, mbedTLS); untouched 78.9 % (15 of 19), 100 % (15 of 15).  Read since: Rust's
#    "Os { code: 49, kind: AddrNotAvailable, message: … }" and lsquic's "120: no application
#    protocol" (94.7 %).  Left: "received ECONNRESET" by name.
# 74. heldout74.jsonl, retail, e-commerce and delivery SDKs (StoreKit wrappers, Alipay,
#    shop apps); untouched 72.7 % (8 of 11), 100 % (8 of 8).  Read since: a capital-K
#    "_KCFStreamErrorCodeKey" and libnetwork's NECP "(22)" (90.9 %).  Left: "Domain=
#    kCFErrorDomain CFNetwork" with a space, as text read off a screenshot writes it.
# 75. heldout75.jsonl, app extensions and system surfaces (widgets, share extensions,
#    background sessions); untouched 96.8 % (30 of 31), 100 % (30 of 30).  Missed: a
#    "Connection refused" its labeller numbered, with no number in the text.
# 76. heldout76.jsonl, science and writing tools on macOS (R, Julia, Jupyter, MATLAB, TeX);
#    untouched 75.0 % (12 of 16), 80.0 % (12 of 15).  The four misses are names alone
#    (ECONNREFUSED, EAI_NONAME, EADDRNOTAVAIL); scored false: Python's "SSLV3_ALERT_
#    CERTIFICATE_UNKNOWN" beside its text, which its labeller counted as one occurrence
#    (other sets label both), and MATLAB's "System Error: 2" on Linux, ENOENT on both.
# 77. heldout77.jsonl, photo, file and media sync and self-hosted media clients; untouched
#    45.5 % (5 of 11), 71.4 % (5 of 7).  Read since: libuv's "Error -48 EADDRINUSE" twice
#    (63.6 %), and libuv's "errno: -3001" (EAI_AGAIN) is no longer an NSURLError (100 %).
#    Left: four "connect ECONNREFUSED" by name.
# 78. heldout78.jsonl, speech and real-time video SDKs (Azure Speech, Chime, OpenTok, pjsip);
#    untouched 88.9 % (16 of 18), 100 % (15 of 15).  Read since: WebRTC's "Failed to send
#    TURN message, error: 65" (94.4 %).  Left: AudioConverter's "error code: -50".
# 79. heldout79.jsonl, the server side of iPhone and Mac clients (nginx, Go and Rust servers,
#    HTTP/3); untouched 78.6 % (11 of 14), 100 % (11 of 11).  Read since: quinn's "the
#    cryptographic handshake failed: error 42" and a J2ME stack's "Alert (2,40)" (100 %).
# 80. heldout80.jsonl, local development servers and HTTPS on macOS and iOS simulators (Vite,
#    Next.js, Valet, ngrok, Metro); untouched 66.7 % (20 of 30), 100 % (20 of 20).  Missed:
#    seven errno names written alone (three EPROTO, two ECONNREFUSED), and nginx's "(2: No
#    such file or directory)" three times, on a Mac by its /Users path (nginx runs on Linux
#    as often, with the same number and words; left).
# 81. heldout81.jsonl, terminal, SSH, remote-desktop and game-streaming clients; untouched
#    75.0 % (6 of 8), 66.7 % (6 of 9).  Scored false: Moonlight's "Connection Terminated,
#    Error Code -1" three times as NSURLErrorUnknown, no longer read (100 %).  Left:
#    "because 32 Broken pipe" (no marker) and "RTSP handshake failed: Error 60".
# 82. heldout82.jsonl, image loading and caching libraries (SDWebImage's users, Texture,
#    Haneke, Flutter's cache); untouched 96.6 % (28 of 29), 100 % (28 of 28).  Left: an
#    NSError description wrapped inside its parentheses ("(NSURLErrorDomain error" and
#    "-1001.)" on the next line).
# 83. heldout83.jsonl, download managers and media downloaders (youtube-dl, aria2,
#    Transmission); untouched 93.8 % (15 of 16), 93.8 % (15 of 16).  Missed: EADDRINUSE
#    written alone; scored false: "SSLV3_ALERT_HANDSHAKE_FAILURE" beside its text, which its
#    labeller counted once (as set 76's did).
# 84. heldout84.jsonl, password managers, authenticators and passkeys (Bitwarden CLI and
#    desktop, 1Password CLI, LastPass CLI); untouched 85.7 % (6 of 7), 100 % (6 of 6).
#    Missed: EPROTO written alone.
# 85. heldout85.jsonl, Wi-Fi, hotspots, device access points and Bonjour; untouched 85.0 %
#    (17 of 20), 100 % (17 of 17).  Read since: libnetwork's "[1: Operation not permitted]"
#    on a line with no marker (90.0 %).  Left: two errno names written alone.
# 86. heldout86.jsonl, note-taking and knowledge apps and their sync (Obsidian plug-ins,
#    Joplin, Evernote's SDK); no label in log output scored (its Apple codes are prose, or
#    in domains atscodes has no table for), so test_held_out_without_log_output below.
# 87. heldout87.jsonl, macOS menu-bar utilities and system tools (screenshot uploaders,
#    Hammerspoon, Lunar); untouched 50.0 % (3 of 6), 100 % (3 of 3).  Read since: launchd's
#    "service: 45: Operation not supported:" (66.7 %).  Left: EPIPE and ECONNRESET written
#    alone.
# 88. heldout88.jsonl, travel, airline, hotel and ticketing apps and SDKs (pass servers,
#    booking APIs); no label in log output is in atscodes' families (OpenSSL, HTTP statuses
#    and the vendors' own codes, some chosen as look-alikes), so test_held_out_without_codes
#    below: nothing may be read in it.
# 89. heldout89.jsonl, emulators, retro gaming and game launchers; untouched 88.9 % (8 of 9),
#    88.9 % (8 of 9).  Missed: a user's "bad record max" (a typo); scored false: .NET's
#    "SocketException (13)" on Arch Linux, EACCES on both systems.
# 90. heldout90.jsonl, medical imaging and clinical software (DICOM, HL7); untouched 71.4 %
#    (5 of 7), 62.5 % (5 of 8).  Missed: ECONNREFUSED written alone and JSSE's "Fatal
#    (HANDSHAKE_FAILURE):" prefix beside the alert it names; scored false: Python's
#    "[Errno 22] Invalid argument" three times, which its labeller gave no system.
# 91. heldout91.jsonl, audio production, OSC and plug-in hosts; untouched 50.0 % (5 of 10),
#    100 % (5 of 5).  Missed: two names alone, libnetwork's "Failing the write requests
#    [61: Connection refused]" and Pure Data's "recv: Connection refused (61)" and
#    "netsend: Bad file descriptor (9)", lines with no marker (left: see README).
# 92. heldout92.jsonl, vehicle, EV and telematics apps; untouched 90.0 % (9 of 10), 69.2 % (9
#    of 13).  Missed: "[22:" and "Invalid argument]" wrapped over two lines; scored false:
#    "[Errno 2]" four times on a Linux host (ENOENT on both).
# 93. heldout93.jsonl, backup and cloud-storage tools; untouched 83.3 % (10 of 12), 66.7 %
#    (10 of 15).  Missed: Time Machine's "NetAuth error 80" (EAUTH) twice; scored false:
#    "Broken pipe (32)" and "SysCallError(32, 'EPIPE')" on Linux hosts, five times.
# 94. heldout94.jsonl, database clients and drivers on macOS; untouched 53.6 % (15 of 28),
#    100 % (15 of 15).  Read since: MySQL's "Can't connect to MySQL server on '127.0.0.1'
#    (61)" four times, redis-py's "Error 61 connecting to …" twice and MongoKitten's "code 61
#    (\"Connection refused\")" twice (82.1 %).  Left: four names alone and a TLS close_notify.
# 95. heldout95.jsonl, end-user forums and help pages (Apple Developer Forums listings, Mac
#    blogs, vendor knowledge bases); five rows left out, their pages quoted earlier;
#    untouched 100 % (12 of 12), 100 % (12 of 12).
# 96. heldout96.jsonl, weather, astronomy and outdoor apps (API clients, SDR and telescope
#    tools); untouched 66.7 % (2 of 3), 100 % (2 of 2).  Missed: SoapySDR's "sendto(udp://…)
#    [49: Can't assign requested address]", a line with no marker.
# 97. heldout97.jsonl, document scanning, PDF and e-signature SDKs; untouched 100 % (10 of
#    10), 100 % (10 of 10).
# 98. heldout98.jsonl, project-management and time-tracking clients; untouched 88.9 % (8 of
#    9), 100 % (8 of 8).  Missed: Node's "getaddrinfo ENOTFOUND", which its labeller gave
#    EAI_NONAME's number (a name, and Node's own).
# 99. heldout99.jsonl, live streaming, screen recording and broadcast tools; untouched 100 %
#    (11 of 11), 100 % (11 of 11).
HELD_OUT_FLOORS = [
    ("heldout", HELD_OUT, 0.98, 0.99),
    ("heldout2", HELD_OUT_2, 0.97, 0.99),
    ("heldout3", HELD_OUT_3, 0.95, 0.99),
    ("heldout4", HELD_OUT_4, 0.95, 0.95),
    ("heldout5", HELD_OUT_5, 0.98, 0.99),
    ("heldout6", HELD_OUT_6, 0.98, 0.98),
    ("heldout7", HELD_OUT_7, 0.98, 0.99),
    ("heldout8", HELD_OUT_8, 0.96, 0.99),
    ("heldout9", HELD_OUT_9, 0.95, 0.99),
    ("heldout10", HELD_OUT_10, 0.98, 0.99),
    ("heldout11", HELD_OUT_11, 0.97, 0.98),
    ("heldout12", HELD_OUT_12, 0.99, 0.99),
    ("heldout13", HELD_OUT_13, 0.99, 0.97),
    ("heldout14", HELD_OUT_14, 0.96, 0.99),
    ("heldout15", HELD_OUT_15, 0.98, 0.99),
    ("heldout16", HELD_OUT_16, 0.92, 0.96),
    ("heldout17", HELD_OUT_17, 0.99, 0.99),
    ("heldout18", HELD_OUT_18, 0.99, 0.99),
    ("heldout19", HELD_OUT_19, 0.99, 0.99),
    ("heldout20", HELD_OUT_20, 0.9, 0.99),
    ("heldout21", HELD_OUT_21, 0.71, 0.99),
    ("heldout22", HELD_OUT_22, 0.99, 0.99),
    ("heldout23", HELD_OUT_23, 0.99, 0.99),
    ("heldout24", HELD_OUT_24, 0.88, 0.88),
    ("heldout25", HELD_OUT_25, 0.91, 0.95),
    ("heldout26", HELD_OUT_26, 0.75, 0.99),
    ("heldout27", HELD_OUT_27, 0.99, 0.99),
    ("heldout28", HELD_OUT_28, 0.99, 0.91),
    ("heldout29", HELD_OUT_29, 0.99, 0.86),
    ("heldout30", HELD_OUT_30, 0.93, 0.99),
    ("heldout31", HELD_OUT_31, 0.99, 0.99),
    ("heldout32", HELD_OUT_32, 0.89, 0.94),
    ("heldout33", HELD_OUT_33, 0.96, 0.99),
    ("heldout34", HELD_OUT_34, 0.99, 0.99),
    ("heldout35", HELD_OUT_35, 0.99, 0.99),
    ("heldout36", HELD_OUT_36, 0.99, 0.99),
    ("heldout37", HELD_OUT_37, 0.68, 0.99),
    ("heldout38", HELD_OUT_38, 0.99, 0.99),
    ("heldout39", HELD_OUT_39, 0.99, 0.99),
    ("heldout40", HELD_OUT_40, 0.99, 0.99),
    ("heldout41", HELD_OUT_41, 0.99, 0.99),
    ("heldout42", HELD_OUT_42, 0.44, 0.99),
    ("heldout43", HELD_OUT_43, 0.85, 0.99),
    ("heldout44", HELD_OUT_44, 0.92, 0.86),
    ("heldout45", HELD_OUT_45, 0.93, 0.93),
    ("heldout46", HELD_OUT_46, 0.99, 0.99),
    ("heldout47", HELD_OUT_47, 0.99, 0.99),
    ("heldout48", HELD_OUT_48, 0.87, 0.99),
    ("heldout49", HELD_OUT_49, 0.85, 0.99),
    ("heldout50", HELD_OUT_50, 0.99, 0.66),
    ("heldout51", HELD_OUT_51, 0.64, 0.99),
    ("heldout52", HELD_OUT_52, 0.93, 0.99),
    ("heldout53", HELD_OUT_53, 0.86, 0.99),
    ("heldout54", HELD_OUT_54, 0.97, 0.99),
    ("heldout55", HELD_OUT_55, 0.95, 0.99),
    ("heldout56", HELD_OUT_56, 0.87, 0.99),
    ("heldout57", HELD_OUT_57, 0.85, 0.99),
    ("heldout58", HELD_OUT_58, 0.89, 0.96),
    ("heldout59", HELD_OUT_59, 0.99, 0.99),
    ("heldout60", HELD_OUT_60, 0.99, 0.99),
    ("heldout61", HELD_OUT_61, 0.99, 0.96),
    ("heldout62", HELD_OUT_62, 0.92, 0.99),
    ("heldout63", HELD_OUT_63, 0.75, 0.99),
    ("heldout64", HELD_OUT_64, 0.75, 0.99),
    ("heldout65", HELD_OUT_65, 0.91, 0.99),
    ("heldout66", HELD_OUT_66, 0.99, 0.99),
    ("heldout67", HELD_OUT_67, 0.99, 0.82),
    ("heldout68", HELD_OUT_68, 0.86, 0.99),
    ("heldout69", HELD_OUT_69, 0.83, 0.99),
    ("heldout70", HELD_OUT_70, 0.75, 0.99),
    ("heldout71", HELD_OUT_71, 0.94, 0.94),
    ("heldout72", HELD_OUT_72, 0.86, 0.94),
    ("heldout73", HELD_OUT_73, 0.94, 0.99),
    ("heldout74", HELD_OUT_74, 0.9, 0.99),
    ("heldout75", HELD_OUT_75, 0.96, 0.99),
    ("heldout76", HELD_OUT_76, 0.74, 0.79),
    ("heldout77", HELD_OUT_77, 0.63, 0.99),
    ("heldout78", HELD_OUT_78, 0.94, 0.99),
    ("heldout79", HELD_OUT_79, 0.99, 0.99),
    ("heldout80", HELD_OUT_80, 0.66, 0.99),
    ("heldout81", HELD_OUT_81, 0.75, 0.99),
    ("heldout82", HELD_OUT_82, 0.96, 0.99),
    ("heldout83", HELD_OUT_83, 0.93, 0.93),
    ("heldout84", HELD_OUT_84, 0.85, 0.99),
    ("heldout85", HELD_OUT_85, 0.9, 0.99),
    ("heldout87", HELD_OUT_87, 0.66, 0.99),
    ("heldout89", HELD_OUT_89, 0.88, 0.88),
    ("heldout90", HELD_OUT_90, 0.71, 0.62),
    ("heldout91", HELD_OUT_91, 0.5, 0.99),
    ("heldout92", HELD_OUT_92, 0.9, 0.69),
    ("heldout93", HELD_OUT_93, 0.83, 0.66),
    ("heldout94", HELD_OUT_94, 0.82, 0.99),
    ("heldout95", HELD_OUT_95, 0.99, 0.99),
    ("heldout96", HELD_OUT_96, 0.66, 0.99),
    ("heldout97", HELD_OUT_97, 0.99, 0.99),
    ("heldout98", HELD_OUT_98, 0.88, 0.99),
    ("heldout99", HELD_OUT_99, 0.99, 0.99),
]


@pytest.mark.parametrize(
    ("name", "rows", "recall", "precision"), HELD_OUT_FLOORS, ids=[f[0] for f in HELD_OUT_FLOORS]
)
def test_held_out_log_output(
    name: str, rows: list[dict[str, Any]], recall: float, precision: float
) -> None:
    """The corpus' scoring on a held-out set, against the floor of what it scores now."""
    result = score(prose=False, rows=rows)
    print(
        f"\n{name} log output: recall {result.found}/{result.labels} = {result.recall:.2%}, "
        f"precision {result.correct}/{result.findings} = {result.precision:.2%}"
    )
    print("misses:", *result.misses, sep="\n  ")
    print("scored false:", *result.false_positives, sep="\n  ")
    assert result.precision >= precision, result.false_positives
    assert result.recall >= recall, result.misses


def test_held_out_without_log_output() -> None:
    """Set 86 has no label in log output that is scored; what it has in prose is scored, and
    the one code read where its labels have none (an Evernote SDK code in a sentence, in
    NSURLError's range) is the only one."""
    assert score(prose=False, rows=HELD_OUT_86).labels == 0
    result = score(prose=True, rows=HELD_OUT_86)
    print(f"\nheldout86 prose: recall {result.found}/{result.labels}")
    assert result.found >= 3, result.misses
    assert set(result.false_positives) <= {
        "h86-evernotesdk-cancel-2998: '-3000' -> NSURLErrorCannotCreateFile"
    }


def test_held_out_without_codes() -> None:
    """Set 88 has no label in atscodes' families, in log output or prose, and look-alikes of
    several (vendor status 104, bus route 545, offsets like -0400): nothing may be read."""
    assert [label for row in HELD_OUT_88 for label in _labels(row)] == []
    result = score(prose=False, rows=HELD_OUT_88)
    assert result.findings == 0, result.false_positives
