"""Which reader a file needs: WARC by its magic bytes, then the file name, then the content.

Content sniffing, in order: the seed prefix (``date 2022-01 ...``), a JSON object on the first
line, an HTML start (``<!doctype html``, ``<html`` ...), the BSNLP header (a language code on
line 2, an http url on line 4); anything else is plain text.
"""
from __future__ import annotations

import zlib
from pathlib import PurePath

from . import bsnlp, html, jsonl, seed, warc
from .encoding import is_gzip, peek_text

_BY_SUFFIX = {
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_SNIFFERS = (("seed", seed.sniff), ("jsonl", jsonl.sniff), ("html", html.sniff), ("bsnlp", bsnlp.sniff))


def detect_format(data: bytes, name: str, encoding: str | None = None) -> str:
    """The format of ``data`` (its first bytes are enough); ``name`` is its file name or path."""
    if is_warc(data, name):
        return "warc"
    by_suffix = _BY_SUFFIX.get(suffix(name))
    if by_suffix:
        return by_suffix
    head = peek_text(data, encoding)
    return next((format for format, sniff in _SNIFFERS if sniff(head)), "text")


def is_warc(data: bytes, name: str) -> bool:
    """WARC magic, plain or in the first gzip member, or a ``.warc``/``.warc.gz`` name."""
    if suffix(name) == ".warc" or data.startswith(warc.MAGIC):
        return True
    return is_gzip(data) and _gunzip_head(data).startswith(warc.MAGIC)


def suffix(name: str) -> str:
    """The lower-case file suffix, under a ``.gz``."""
    path = PurePath(name.lower())
    return path.with_suffix("").suffix if path.suffix in (".gz", ".gzip") else path.suffix


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:65536], 64)
    except zlib.error:
        return b""
