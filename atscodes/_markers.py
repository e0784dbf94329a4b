"""The prefilter's markers: every shape the scanner reads contains one of them.

Kept apart from the scanner (:mod:`atscodes._scan`, which exports them too) so that
``annotate --jobs`` can search for them in one process while another one is still
loading the scanner.  Add a marker here with the fragment that needs it.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MARKERS"]

#: Every fragment's match, or its line, contains one of these: the prefilter.
MARKERS: Final[tuple[str, ...]] = (
    # "err" in three cases covers error, errno, err, Err(…), ERROR and every …ErrorDomain
    # (CFNetwork's "TCP Conn 0x… complete. fd: -1, err: 61" has no longer code word).
    "err",
    "Err",
    "ERR",
    "ailed",
    # CoreFoundation's "CFSocketSetAddress bind failure: 48" (see the scanner's "cfsocket");
    #   one search with "ailed" (the markers share their first two bytes).
    "ailure: ",
    "lert",
    "LERT",
    "-98",
    # libnetwork's "recvmsg(fd 29, 1024 bytes): [54] Connection reset by peer" (iOS 10):
    #   searched with "(-" below, in one pass (a "(" is seldom more than one byte in 64).
    "(fd",
    # libnetwork's "nw_socket_write_close shutdown(56, SHUT_WR): [57] Socket is not
    #   connected" (iOS 10; ShingoFukuyama/WKWebViewTips issue 17, AppsFlyer issue 42): its
    #   "W" is rare in logs, so it is mostly a memchr search, not a pass of its own.
    "SHUT_WR",
    # issue 11: code words ("ode": code, Code), Cordova's certificate message.
    # Each marker costs a pass over the input (unless it shares its first bytes with
    # another, see atscodes._prefilter), so the list stays short: other shapes of
    # issue 11 ("OSStatus -9807", "[54: Connection reset by peer]") carry one already.
    "ode",
    "ertificate",
    # An app printing an error's description and its code in parentheses: "Lost connection
    # to background service (-997)" (aws-amplify/aws-sdk-ios issue 1472) has no other marker.
    # Only an assigned NSURLError or a -98xx status in them is read (bare_url, bare_ssl).
    "(-",
    # A Security framework status (negative) after "status" or "OSStatus" with no other
    # marker: "Can't retrieve Keychain item: …; status was -25300: '…'" (Tunnelblick issue
    # 410).  Not "tatus" alone: CFNetwork's "received response, status 200" is on a sixth of
    # a device log's lines.  One search: the markers share their first bytes.
    "tatus -",
    "tatus: -",
    "tatus:-",
    "tatus=-",
    "tatus = -",
    'tatus": -',
    "tatus was -",
    "tatus is -",
    # (and the same status in hex or as unsigned 32 bits: "status: 0xFFFFD9B6", "OSStatus
    #   0xFFFFD9B6", "status=4294957494" are -9802; a black-box review found them unread)
    "tatus 0x",
    "tatus: 0x",
    "tatus:0x",
    "tatus=0x",
    "tatus = 0x",
    "tatus 42949",
    "tatus: 42949",
    "tatus=42949",
    # CFNetwork's "TIC Read Status [11:0x0]: 1:57" (iOS 11, 12): the only TIC line with a
    #   code and no other marker (picsew.cn; "TIC TCP Conn Failed … Err(-9802)" has two);
    #   searched with the markers above, so it costs no pass of its own ("TIC " did).
    "tatus [",
    # The code word in Chinese, Japanese and Korean ("错误代码" before "-1005", see the
    #   scanner's "cjkword" and "opdesczh"): UTF-8 bytes that English logs seldom hold, so
    #   memchr searches.
    "错误",
    "錯誤",
    "エラーコード",
    "오류",
    # An errno beside its own strerror() words, on lines with no other marker: libnetwork's
    #   "nw_path_evaluator_create_flow_inner NECP_CLIENT_ACTION_ADD_FLOW … [65: No route to
    #   host]" (HaishinKit/HaishinKit.swift issue 860, held-out set 8), WebRTC's "sendto :
    #   [0x00000041] No route to host" (set 37), and .NET's native errno, "System.Net.
    #   Sockets.SocketException (49): Can't assign requested address" (MediaBrowser/Emby
    #   issue 3940, macOS 26; set 9), "ExtendedSocketException (61): Connection refused"
    #   (WalletWasabi issue 4529, macOS; set 52).  The scanner's "bracketed" fragment reads
    #   them and asks for the number's own words.  Only two markers: "Exception (" costs
    #   nothing measurable (its "x" is rare, a memchr search), "route to host" one more
    #   pass; each other strerror() text would cost a pass (about 5 % of the prefilter's
    #   time each, measured with tests/bench/bench_annotate_pair.py).
    "route to host",
    "Exception (",
    # The same after a colon, for the strerror() texts that start "Operation": libnetwork's
    #   "[1: Operation not permitted]" (an iOS 26 hotspot evaluation extension, Apple
    #   Developer Forums; held-out sets 14 and 85) and launchd's "… specified by service:
    #   45: Operation not supported:" (OS X 10.11, held-out set 87).  Its "O" is seldom
    #   common, so it is mostly a memchr search.
    ": Operation ",
    # MySQL's "Can't connect to MySQL server on '127.0.0.1' (61)" as Sequel Pro shows it,
    #   after "MySQL said:" (see the scanner's "mysql"); its "Q" is rare: a memchr search.
    "MySQL server",
)
