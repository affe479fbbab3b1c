"""Bytes to text: encoding detection that never crashes on bytes.

Why not just `.decode("utf-8")`: scrapes arrive in cp1256, latin-1, UTF-16 and broken
mixes. charset-normalizer picks the most plausible encoding; binary data is refused with
a reason code instead of becoming mojibake that poisons every later stage.
"""
from __future__ import annotations

from charset_normalizer import from_bytes

from sitrep.errors import SitrepError

# Share of control bytes (other than whitespace) above which a file is taken as binary.
BINARY_CONTROL_RATIO = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding (NUL bytes, many control bytes)."""
    sample = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM has NUL bytes yet is text
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_RATIO


# UTF-8 with at most this share of broken characters is repaired rather than re-guessed:
# a scrape cut mid-character is still UTF-8.
REPAIRABLE_UTF8_RATIO = 0.001
# charset-normalizer's "chaos" above which no decoding is trusted.
MAX_CHAOS = 0.3


def _decode_fallback(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes that are not clean UTF-8; the encoding name says what was done."""
    repaired = data.decode("utf-8", errors="replace")
    if repaired.count("\ufffd") <= max(1, len(repaired) * REPAIRABLE_UTF8_RATIO):
        return repaired, "utf-8-repaired"
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise SitrepError("E008", source)
    return str(best), best.encoding


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode raw bytes to (text, encoding name).

    RETURNS: the decoded text with line endings normalised to "\\n", and the encoding.
    RAISES: SitrepError E002 for empty input, E003 for binary data, E008 when nothing fits.
    """
    if not data.strip():
        raise SitrepError("E002", source)
    if looks_binary(data):
        raise SitrepError("E003", source)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_fallback(data, source)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding
