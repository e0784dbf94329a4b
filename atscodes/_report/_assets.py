"""The page's one stylesheet and one small script, inlined and allowed by their hashes.

The script only adds filtering and search (state in the URL fragment, e.g.
``#host=api.example.com&side=peer``), copy buttons on the Info.plist exceptions, and
opens every ``<details>`` before printing.  It reads log text only through the DOM
(``dataset``, ``textContent``); no log text is ever written into it.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Final

from .._knowledge_types import Side

__all__ = ["CSP", "SCRIPT", "SIDE_COLOURS", "STYLE", "colours"]

#: Fill colours per side, for light pages (attributes, so the chart keeps them where a
#: CSP blocks the stylesheet) and dark pages (the stylesheet overrides them).
SIDE_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "peer": ("#c2410c", "#fb923c"),
    "local": ("#1d4ed8", "#60a5fa"),
    "either": ("#a16207", "#facc15"),
    "transport": ("#7e22ce", "#c084fc"),
    "configuration": ("#0f766e", "#2dd4bf"),
    "unknown": ("#6b7280", "#9ca3af"),
}


def colours(side: str) -> tuple[str, str]:
    """The light and dark fill of *side* (a side this page does not know looks unknown)."""
    return SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"])


_SIDE_RULES: Final = "\n".join(
    f".s-{side}{{fill:{colours(side)[0]}}} .k-{side}{{background:{colours(side)[0]}}}"
    for side in [s.value for s in Side]
)
_DARK_SIDE_RULES: Final = "\n".join(
    f" .s-{side}{{fill:{colours(side)[1]}}} .k-{side}{{background:{colours(side)[1]}}}"
    for side in [s.value for s in Side]
)

STYLE: Final = (
    _SIDE_RULES
    + """
:root{--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--link:#0550ae;
--code:#eff2f5;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;
--line:#3d444d;--card:#151b23;--link:#4493f8;--code:#1f2530}
"""
    + _DARK_SIDE_RULES
    + """
}
*{box-sizing:border-box}
body{margin:0 auto;padding:1rem;max-width:80rem;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
li,p,h1,h2,h3,summary{overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{background:var(--code);padding:.6rem;overflow-x:auto;white-space:pre-wrap;
overflow-wrap:anywhere}
.meta{color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;padding:0;list-style:none}
.cards li{background:var(--card);border:1px solid var(--line);border-radius:6px;
padding:.5rem .8rem;min-width:9rem;flex:1 1 9rem}
.cards b{display:block;font-size:1.4rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:var(--card)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.log{overflow-wrap:anywhere;min-width:16rem}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;
vertical-align:-.05em;border:1px solid var(--line)}
svg.chart{width:100%;min-width:36rem;height:auto;max-height:22rem}
svg.chart text{fill:var(--fg);font-size:12px}
svg.chart .axis{stroke:var(--muted)}
svg.chart .grid{stroke:var(--line)}
details.cause{border:1px solid var(--line);border-radius:6px;padding:.3rem .8rem;margin:.8rem 0}
details.cause>summary{cursor:pointer;font-weight:600}
#filter{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem;
display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
#filter[hidden]{display:none}
#filter label{display:flex;flex-direction:column;font-size:.85rem}
#filter input,#filter select,#filter button{font:inherit;max-width:16rem}
.copy{float:right;font:inherit;font-size:.8rem}
th a{white-space:nowrap}
@media (max-width:40rem){body{padding:.5rem;font-size:14px}.cards li{min-width:7rem}
table.ev,table.ev tbody,table.ev tr,table.ev td{display:block;border:0}
table.ev tr:first-child{display:none}
table.ev tr{border-top:1px solid var(--line);padding:.3rem 0}
table.ev tr[hidden]{display:none}
table.ev td{padding:.05rem 0;min-width:0}
table.ev td::before{content:attr(data-label) ": ";color:var(--muted)}}
@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--line:#bbb;--card:#f2f2f2;--link:#000;
--code:#f2f2f2}
"""
    + _SIDE_RULES
    + """
#filter,.copy{display:none}body{max-width:none}
details.cause{break-inside:auto}tr{break-inside:avoid}}
"""
)

SCRIPT: Final = """
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var keys = ["host", "cause", "side", "q"];
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-cause]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.events"));
  var count = document.getElementById("shown");
  function wanted() {
    var hash = location.hash.slice(1);
    var params = new URLSearchParams(hash.indexOf("=") >= 0 ? hash : "");
    var state = {};
    keys.forEach(function (k) { state[k] = params.get(k) || ""; });
    return state;
  }
  function apply() {
    var state = wanted();
    keys.forEach(function (k) { form.elements[k].value = state[k]; });
    var q = state.q.toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var ok = (!state.host || d.host === state.host) &&
        (!state.cause || d.cause === state.cause) && (!state.side || d.side === state.side) &&
        (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("tr[data-cause]:not([hidden])"); });
    count.textContent = shown + " of " + rows.length + " listed events shown";
  }
  function write() {
    var params = new URLSearchParams();
    keys.forEach(function (k) {
      if (form.elements[k].value) { params.set(k, form.elements[k].value); }
    });
    var text = params.toString();
    // Applied here, in the same task, as well as on hashchange (which fires
    // later): the table never lags the address, and an unchanged hash still applies.
    if (text) { location.hash = text; } else {
      history.replaceState(null, "", location.pathname);
    }
    apply();
  }
  form.addEventListener("input", write);
  form.addEventListener("submit", function (e) { e.preventDefault(); write(); });
  form.elements.clear.addEventListener("click", function () { form.reset(); write(); });
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a[data-filter]") : null;
    if (!link) { return; }
    e.preventDefault();
    location.hash = link.dataset.filter;
    apply();
    document.getElementById("events").scrollIntoView();
  });
  window.addEventListener("hashchange", apply);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  document.querySelectorAll("pre.plist").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(pre.textContent).then(done, function () { select(pre); });
      } else { select(pre); }
    });
    pre.parentNode.insertBefore(button, pre);
  });
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  form.hidden = false;
  apply();
})();
"""


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: Nothing from outside: no fetch, no image, no font, no frame, no form target, no base;
#: only this stylesheet and this script, by their hashes.
CSP: Final = (
    "default-src 'none'; "
    f"style-src {_hash(STYLE)}; "
    f"script-src {_hash(SCRIPT)}; "
    "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
    "object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
