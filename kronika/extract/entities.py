"""Entity mentions from the NER, mapped to kronika's entity types (SPEC §2)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Entity, Mention

# NKJP NE categories (PolEval names) -> kronika types.
NKJP_TO_TYPE = {
    "persName": "PER",
    "orgName": "ORG",
    "geogName": "LOC",
    "placeName": "GPE",
    "placeName_country": "GPE",
    "placeName_settlement": "GPE",
    "placeName_region": "GPE",
    "placeName_district": "GPE",
    "placeName_bloc": "GPE",
    "date": "DATE",
    "time": "TIME",
}


def entity_type(label: str) -> str:
    return NKJP_TO_TYPE.get(label, NKJP_TO_TYPE.get(label.split("_")[0], "PER"))


def mention_base(span: Span) -> str:
    """Base form of a mention from its token lemmas (multi-word names get agreement in a later stage)."""
    return "".join((t.lemma_ or t.text) + t.whitespace_ for t in span).strip()


def entities_from_doc(doc: Doc) -> list[Entity]:
    """One entity per distinct (type, base form) among the outer mentions of ``doc``."""
    groups: dict[tuple[str, str], Entity] = {}
    for span in doc.ents:
        base = mention_base(span)
        key = (span.label_, base.lower())
        if key not in groups:
            groups[key] = Entity(
                id=f"{entity_type(span.label_)}:{base}", type=entity_type(span.label_),
                subtype=span.label_, name=base,
            )
        entity = groups[key]
        entity.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text, base=base))
        if span.text != base and span.text not in entity.aliases:
            entity.aliases.append(span.text)
    return list(groups.values())
