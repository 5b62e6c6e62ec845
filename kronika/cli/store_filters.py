"""The filter options that `kronika search` and `kronika export` share."""
from __future__ import annotations

from typing import Optional

import typer

from ..store import SearchFilters

DateFrom = typer.Option(None, "--from", help="Articles dated from (ISO: 2022, 2022-01, 2022-01-10).")
DateTo = typer.Option(None, "--to", help="Articles dated up to (inclusive; 2022-01 takes in all January).")
EntityOption = typer.Option(None, "--entity", help="Articles mentioning this entity id (GPE:KAZ, PER:...).")
SpeakerOption = typer.Option(None, "--speaker", help="Articles quoting this speaker (entity id, name or surname).")
EventOption = typer.Option(None, "--event", help="Articles with an event of this PLOVER type (PROTEST ...).")
CountryOption = typer.Option(None, "--country", help="Articles with an entity or event party of this code (KAZ, CSTO ...).")


def filters_of(
    date_from: Optional[str], date_to: Optional[str], entity: Optional[str], speaker: Optional[str],
    event: Optional[str], country: Optional[str],
) -> SearchFilters:
    return SearchFilters(date_from=date_from, date_to=date_to, entity=entity, speaker=speaker, event_type=event,
                         country=country)
