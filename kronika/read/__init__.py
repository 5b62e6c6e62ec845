"""Readers: every input format becomes an :class:`~kronika.model.Article` (SPEC §1).

    from kronika.read import ReadOptions, read_paths, read_bytes, FORMATS

    for result in read_paths(["news/", "crawl.warc.gz", "-"], ReadOptions()):
        ...  # an Article, or a ReadError (``item``, ``reason`` in REASONS) and the batch goes on

Formats (FORMATS, one module each): seed, text, jsonl, html, warc, bsnlp. The format is
detected (detect.py) unless ``ReadOptions.format`` forces one; the encoding too (encoding.py)
unless ``ReadOptions.encoding`` forces one. A gzipped file (``.jsonl.gz`` ...) is read through.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import ReadError
from . import bsnlp, html, jsonl, seed, text, warc
from .base import DEFAULT_MAX_BYTES, FORMATS, REASONS, Reader, ReadOptions, ReadResult, read_error
from .detect import detect_format, is_warc
from .encoding import SAMPLE_BYTES, gunzip, is_gzip

log = logging.getLogger(__name__)

# The one registry of readers: format name -> function(data, name, options).
READERS: dict[str, Reader] = {
    "seed": seed.read_seed,
    "text": text.read_text,
    "jsonl": jsonl.read_jsonl,
    "html": html.read_html,
    "warc": warc.read_warc,
    "bsnlp": bsnlp.read_bsnlp,
}
assert tuple(READERS) == FORMATS

STDIN = "-"
STDIN_NAME = "<stdin>"

__all__ = [
    "DEFAULT_MAX_BYTES", "FORMATS", "READERS", "REASONS", "ReadError", "ReadOptions", "ReadResult",
    "detect_format", "read_bytes", "read_paths",
]


def read_paths(paths: Iterable[str | Path], options: ReadOptions = ReadOptions()) -> Iterator[ReadResult]:
    """Articles and errors from files, folders (recursive, sorted, hidden files skipped), "-" for stdin."""
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(options)
        elif Path(path).is_dir():
            for file in _files_in(Path(path)):
                yield from _read_file(file, options)
        else:
            yield from _read_file(Path(path), options)


def read_bytes(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> Iterator[ReadResult]:
    """Articles and errors from the bytes of one file; ``name`` names it in sources and errors."""
    try:
        if not data:
            raise read_error(name, "empty", "no bytes")
        fmt = options.format or detect_format(data, name, options.encoding)
        if fmt != "warc":  # a WARC is bounded record by record
            _check_size(len(data), name, options)
            if is_gzip(data):
                yield from read_bytes(gunzip(data, name, options.max_bytes), name, options)
                return
        yield from READERS[fmt](data, name, options)
    except ReadError as error:
        yield error


def _read_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    name = str(path)
    log.debug("reading %s", name)
    try:
        with path.open("rb") as stream:
            if _is_warc_file(stream, name, options):  # streamed: crawls are often larger than memory
                yield from warc.read_warc_stream(stream, name, options)
                return
            _check_size(os.fstat(stream.fileno()).st_size, name, options)
            data = stream.read()
    except ReadError as error:
        yield error
        return
    except FileNotFoundError:
        yield read_error(name, "not_found", "no such file")
        return
    except OSError as error:
        yield read_error(name, "unreadable", error.strerror or str(error))
        return
    yield from read_bytes(data, name, options)


def _is_warc_file(stream: BinaryIO, name: str, options: ReadOptions) -> bool:
    if options.format is not None:
        return options.format == "warc"
    head = stream.read(SAMPLE_BYTES)
    stream.seek(0)
    return bool(head) and is_warc(head, name)


def _read_stdin(options: ReadOptions) -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield read_error(STDIN_NAME, "too_large", f"more than {options.max_bytes} bytes")
    else:
        yield from read_bytes(data, STDIN_NAME, options)


def _check_size(size: int, name: str, options: ReadOptions) -> None:
    if size > options.max_bytes:
        raise read_error(name, "too_large", f"{size} bytes, over the limit of {options.max_bytes}")


def _files_in(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, without hidden files and folders."""
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    return sorted(files, key=lambda file: file.relative_to(folder).parts)

