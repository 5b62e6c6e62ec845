"""An article's mentions and their groups, as :mod:`kronika.link` works on them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

__all__ = ["Group", "NameMention"]


@dataclass
class NameMention:
    """One mention: its tokens, type, NKJP subtype, base form, the code of the state or
    organisation it names, the country it stands for or belongs to, and whether it is a role
    description (``prezydent Rosji``) rather than a name."""

    span: Span
    type: str
    subtype: str
    base: str
    code: str | None = None
    country: str | None = None
    role: bool = False

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
        return [m for m in self.mentions if not m.role]

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.names or self.mentions).most_common(1)[0][0]

    @property
    def subtype(self) -> str:
        return Counter(m.subtype for m in self.names or self.mentions).most_common(1)[0][0]

    @property
    def name(self) -> str:
        """The base form of the fullest name: most words, then the most frequent, then the first."""
        bases = [m.base for m in self.names or self.mentions]
        counts = Counter(bases)
        return max(bases, key=lambda b: (len(b.split()), counts[b], -bases.index(b)))

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)
