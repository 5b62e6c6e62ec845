"""Templates (Jinja2, autoescaped) and the names the pages show in Polish."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape
from fastapi.templating import Jinja2Templates

from ..export.plover import EVENT_TYPES
from .urls import Urls

EVENT_NAMES = {
    "AGREE": "porozumienie", "CONSULT": "konsultacje", "SUPPORT": "poparcie", "CONCEDE": "ustępstwo",
    "COOPERATE": "współpraca", "AID": "pomoc", "RETREAT": "wycofanie", "REQUEST": "prośba, żądanie",
    "ACCUSE": "oskarżenie", "REJECT": "odrzucenie", "THREATEN": "groźba", "PROTEST": "protest",
    "SANCTION": "sankcje", "MOBILIZE": "mobilizacja", "COERCE": "przymus", "ASSAULT": "atak",
}
STATUS_NAMES = {"occurred": "zaszło", "announced": "zapowiedziane", "negated": "zaprzeczone"}
KIND_NAMES = {"direct": "wprost", "indirect": "zależna", "mixed": "mieszana"}
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "EVT", "PRO")

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every value is escaped unless it is Markup built by markup.py / chart.py
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(
    urls=Urls, event_types=EVENT_TYPES, event_names=EVENT_NAMES, status_names=STATUS_NAMES,
    kind_names=KIND_NAMES, entity_types=ENTITY_TYPES,
)


def highlight(text: str, hits: list[list[int]]) -> Markup:
    """``text`` escaped, with the [start, end) pieces in ``hits`` in <mark>."""
    out, at = [], 0
    for start, end in sorted(hits or []):
        if start < at or end > len(text):
            continue
        out += [str(escape(text[at:start])), '<mark class="hit">', str(escape(text[start:end])), "</mark>"]
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


_env.filters["highlight"] = highlight
templates = Jinja2Templates(env=_env)
