"""Bytes into text: gzip, binary detection and charset detection with Polish legacy encodings.

Decoding order: a forced encoding; a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a
mark (ASCII-range text with every other byte NUL); binary rejection; strict UTF-8; a charset the
document declares; then cp1250 or ISO-8859-2, told apart by the bytes where their Polish letters
differ (charset-normalizer guesses wrong on short Polish texts, e.g. ISO-8859-2 read as
ISO-8859-10); charset-normalizer only for legacy texts with no Polish letter at all.
"""
from __future__ import annotations

import codecs
import gzip
import io
import logging
import re
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

from .base import read_error

log = logging.getLogger(__name__)

SAMPLE_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SIGNATURES = (
    b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!",
)
# C0 controls that do not occur in text (tab, line feed, VT, FF, CR and ESC are allowed) and DEL.
_CONTROL_BYTES = bytes([*range(0, 9), 14, 15, *range(16, 27), *range(28, 32), 127])
_C1_BYTES = bytes(range(0x80, 0xA0))  # controls in ISO-8859-2, punctuation („ ” – …) in cp1250
# Polish letters (ą Ą ś Ś ź Ź) at bytes where the two legacy encodings differ.
_CP1250_ONLY = b"\xb9\xa5\x9c\x8c\x9f\x8f"
_ISO8859_2_ONLY = b"\xb1\xa1\xb6\xa6\xbc\xac"
# Polish letters at bytes the two share (ć ę ł ń ó ż and capitals).
_POLISH_SHARED = b"\xe6\xea\xb3\xf1\xf3\xbf\xc6\xca\xa3\xd1\xd3\xaf"
# Polish letters written in UTF-8: in a file that is not valid UTF-8 they betray damaged UTF-8.
_UTF8_POLISH = re.compile(rb"\xc4[\x84-\x87\x98\x99]|\xc5[\x81-\x84\x9a\x9b\xb9-\xbc]|\xc3[\x93\xb3]")
_POLISH_LEGACY = {"cp1250", "iso8859-2"}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode(data: bytes, item: str, *, encoding: str | None = None, declared: str | None = None) -> str:
    """The text of ``data``; raises ReadError (binary, encoding, truncated) when there is none."""
    codec = encoding or bom_codec(data) or _utf16_without_bom(data[:SAMPLE_BYTES])
    if codec is None or not _is_wide(codec):
        _reject_binary(data, item)
    if codec is None:
        codec = _narrow_codec(data, item, declared)
    return _strict_decode(data, codec, item).removeprefix("\ufeff")


def peek_text(data: bytes, encoding: str | None = None) -> str:
    """A lenient decoding of the first bytes, for format sniffing."""
    sample = data[:SAMPLE_BYTES]
    codec = encoding or bom_codec(sample) or _utf16_without_bom(sample) or "utf-8"
    return sample.decode(codec, errors="replace").removeprefix("\ufeff")


def bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def charset_param(text: str) -> str | None:
    """The ``charset=`` of a Content-Type value or a ``<meta>`` tag, if Python knows it."""
    match = _CHARSET.search(text)
    if not match:
        return None
    try:
        return codecs.lookup(match[1]).name
    except LookupError:
        log.debug("unknown declared charset %r", match[1])
        return None


def _is_wide(codec: str) -> bool:
    return codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of Latin-script text: every other byte is 0x00, 0x01 (Latin Extended-A) or 0x20."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if _is_high_half(odd) and 0 not in even:
        return "utf-16-le"
    if _is_high_half(even) and 0 not in odd:
        return "utf-16-be"
    return None


def _is_high_half(half: bytes) -> bool:
    return 0 in half and not half.translate(None, b"\x00\x01\x20")


def _reject_binary(data: bytes, item: str) -> None:
    sample = data[:SAMPLE_BYTES]
    if sample.startswith(_BINARY_SIGNATURES) or b"\x00" in sample:
        raise read_error(item, "binary", "binary data, not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > 0.02 * len(sample):
        raise read_error(item, "binary", f"binary data, not text ({controls} control bytes)")


def _narrow_codec(data: bytes, item: str, declared: str | None) -> str:
    """UTF-8, else the declared charset, else a Polish legacy encoding."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if _is_cut_short(error, len(data)) and not data[: error.start].isascii():
            raise read_error(item, "truncated", "UTF-8 text cut inside a character") from None
        if len(_UTF8_POLISH.findall(data)) >= 2:
            raise read_error(item, "encoding", f"damaged or mixed UTF-8 at byte {error.start}") from None
    if declared and declared not in _POLISH_LEGACY and declared != "utf-8":
        return declared
    return _legacy_codec(data)


def _legacy_codec(data: bytes) -> str:
    """cp1250 or ISO-8859-2 by their Polish letters; charset-normalizer for non-Polish text."""
    cp1250 = _count(data, _CP1250_ONLY) + _count(data, _C1_BYTES)
    iso = _count(data, _ISO8859_2_ONLY)
    if cp1250 or iso or _count(data, _POLISH_SHARED):
        codec = "iso8859-2" if iso > cp1250 else "cp1250"
    else:
        best = from_bytes(data[: SAMPLE_BYTES * 8]).best()
        codec = best.encoding if best else "cp1250"
    log.debug("legacy encoding %s (cp1250 score %d, iso-8859-2 score %d)", codec, cp1250, iso)
    return codec


def _count(data: bytes, byte_set: bytes) -> int:
    return len(data) - len(data.translate(None, byte_set))


def _strict_decode(data: bytes, codec: str, item: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        if _is_cut_short(error, len(data)):
            raise read_error(item, "truncated", f"{codec} text cut inside a character") from None
        raise read_error(item, "encoding", f"not {codec}: {error.reason} at byte {error.start}") from None


def _is_cut_short(error: UnicodeDecodeError, size: int) -> bool:
    return error.end == size and error.reason in ("unexpected end of data", "truncated data")


# gzip ----------------------------------------------------------------------------------------


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


class GunzipStream(io.RawIOBase):
    """A gzip stream (any number of members) that ends quietly where the data is damaged.

    ``error`` then says why: "truncated" (cut inside a member) or "malformed" (bad data, CRC).
    """

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.error:
            return 0
        try:
            data = self._gzip.read1(len(buffer))  # read1: a read() would lose the data before damage
        except EOFError:
            self.error = "truncated"
            return 0
        except (gzip.BadGzipFile, zlib.error):  # at the very end: a member header cut short
            self.error = "malformed" if self._raw.read(1) else "truncated"
            return 0
        buffer[: len(data)] = data
        return len(data)


def gunzip(data: bytes, item: str, limit: int) -> bytes:
    """The decompressed bytes, at most ``limit`` of them (else ReadError "too_large")."""
    stream = GunzipStream(io.BytesIO(data))
    content = io.BufferedReader(stream).read(limit + 1)
    if stream.error:
        raise read_error(item, stream.error, f"damaged gzip data ({stream.error})")
    if len(content) > limit:
        raise read_error(item, "too_large", f"more than {limit} bytes once decompressed")
    return content

