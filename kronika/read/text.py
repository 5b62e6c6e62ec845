"""Plain text: the whole file is the article text; the id is a hash of it."""
from __future__ import annotations

from typing import Iterator

from .base import ReadOptions, ReadResult, make_article
from .encoding import decode


def read_text(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    yield make_article(decode(data, name, encoding=options.encoding), item=name, format="text")
