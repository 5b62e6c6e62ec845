"""Query parameters, validated once for pages and API alike."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

from ..export.plover import EVENT_TYPES
from .errors import BadRequest
from .views import PAGE_SIZE, Filters

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty allowed: an HTML form sends empty fields


def filters(
    q: Annotated[str | None, Query(max_length=500, description="Words (any inflected form: lemma search)")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE, description="From date YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="To date YYYY[-MM[-DD]] (inclusive)")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity id or name mentioned")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker: entity id or name")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Event actor or recipient: entity id, name or country code")] = None,
    event_type: Annotated[str | None, Query(description="PLOVER event type: " + ", ".join(EVENT_TYPES))] = None,
    country: Annotated[str | None, Query(max_length=8, description="ISO 3166 alpha-3 or organisation code (KAZ, CSTO)")] = None,
    type: Annotated[str | None, Query(max_length=8, description="Entity type (entities list): PER, ORG, GPE ...")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    size: Annotated[int, Query(ge=1, le=200, description="Results per page")] = PAGE_SIZE,
) -> Filters:
    def clean(v: str | None) -> str | None:
        v = (v or "").strip()
        return v or None

    event_type = clean(event_type)
    if event_type:
        event_type = event_type.upper()
        if event_type not in EVENT_TYPES:
            raise BadRequest(f"Nieznany typ wydarzenia {event_type!r}; znane: {', '.join(EVENT_TYPES)}.")
    return Filters(
        q=clean(q), date_from=clean(date_from), date_to=clean(date_to), entity=clean(entity),
        speaker=clean(speaker), actor=clean(actor), event_type=event_type,
        country=(clean(country) or "").upper() or None, type=(clean(type) or "").upper() or None,
        page=page, size=size,
    )
