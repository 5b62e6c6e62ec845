"""Exports of kronika's analyses to other formats (SPEC §1 serve / export).

- :mod:`kronika.export.plover`: PLOVER event JSON, with the codebook's own field names.
"""
from __future__ import annotations
