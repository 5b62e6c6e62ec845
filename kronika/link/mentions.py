"""An article's mentions and their groups, as :mod:`kronika.link` works on them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from .codes import adjective_codes

__all__ = ["DEMONYM", "Group", "NAME", "NameMention", "ROLE"]

NAME, ROLE, DEMONYM = "name", "role", "demonym"
CONTEXT = "_context"  # the subtype ending of a type the words around a name gave (kronika.extract.consistency)


@dataclass
class NameMention:
    """One mention: its tokens, type, NKJP subtype, base form, the code of the state or
    organisation it names, the country it stands for or belongs to, and its kind: a name, a role
    description (``prezydent Rosji``) or a demonym (``Brytyjczycy``, a mention of the state);
    ``place``: the name of the region a demonym of no state names (``Szkocja`` for ``Szkoci``)."""

    span: Span
    type: str
    subtype: str
    base: str
    code: str | None = None
    country: str | None = None
    kind: str = NAME
    place: str | None = None

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Group:
    """The mentions of one entity in one article."""

    mentions: list[NameMention] = field(default_factory=list)
    code: str | None = None
    country: str | None = None

    @property
    def names(self) -> list[NameMention]:
        return [m for m in self.mentions if m.kind == NAME]

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.names or self.mentions).most_common(1)[0][0]

    @property
    def subtype(self) -> str:
        return Counter(m.subtype for m in self.names or self.mentions).most_common(1)[0][0]

    @property
    def name(self) -> str:
        """The base form of the fullest name: capitalised and not after a country's adjective
        (``Sąd Najwyższy``, not ``pakistański Sąd Najwyższy``), most words, the most frequent,
        the first."""
        bases = [m.base for m in self.names] or [m.place or m.base for m in self.mentions]
        counts = Counter(bases)
        return max(bases, key=lambda b: (b[:1].isupper(), not qualified(b), len(b.split()), counts[b], -bases.index(b)))

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)


def qualified(name: str) -> bool:
    """Whether a name of several words starts with a country's adjective (``pakistański Sąd
    Najwyższy``): the adjective is no part of the name."""
    first, _, rest = name.partition(" ")
    return bool(rest) and first.lower() in adjective_codes()
