"""Showing text that came from the network or a file (certificate names, plist keys, banners).

Pure Python, no dependencies: ``ats lint`` uses it without the ``check`` extra.
"""

from __future__ import annotations

__all__ = ["escape", "escape_bytes"]


def escape(text: str) -> str:
    """*text* with control, format (bidi) and line-separator characters escaped.

    ``\\x1b`` for ESC, ``\\x0a`` for a newline, ``\\u202e`` for a bidi override;
    printable characters (any script) and the space are kept.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)


def escape_bytes(data: bytes) -> str:
    """Bytes from the network, shown as text with everything unprintable escaped."""
    return escape(data.decode("latin-1"))
