"""An article's mentions and their groups, as :mod:`kronika.link` works on them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from .codes import GPE, adjective_codes, entity_code
from .names import known

__all__ = ["DEMONYM", "Group", "NAME", "NameMention", "ROLE", "qualified", "state_qualifier"]

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
        one the text writes (``Franciszek``, not the guess ``Francisz`` from ``Franciszem``), the
        first."""
        bases = [m.base for m in self.names] or [m.place or m.base for m in self.mentions]
        counts, written = Counter(bases), {m.text for m in self.mentions}
        return max(
            bases,
            key=lambda b: (b[:1].isupper(), not qualified(b), len(b.split()), counts[b], b in written, -bases.index(b)),
        )

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)


def qualified(name: str) -> bool:
    """Whether a name of several words starts with a country's adjective (``pakistański Sąd
    Najwyższy``): the adjective is no part of the name."""
    first, _, rest = name.partition(" ")
    return bool(rest) and first.lower() in adjective_codes()


def state_qualifier(name: str) -> tuple[str, str] | None:
    """``(the name less its state, the state's code)`` for a name qualified by a state: after
    the state's adjective (``pakistański Sąd Najwyższy``), ending with the state's name (``Sąd
    Najwyższy Pakistanu``; two words when the first is foreign: ``Tehreek-e-Labbaik Pakistan``)
    or with ``w`` and it (``Sąd Najwyższy w Pakistanie``); else None."""
    words = name.split()
    if len(words) < 2:
        return None
    if qualified(name):
        state = adjective_codes(own=True).get(words[0].lower())
        return (" ".join(words[1:]), state) if state else None
    for size in (2, 1):  # Wielkiej Brytanii, Pakistanu
        state, core = _state(" ".join(words[-size:])), words[:-size]
        if not state:
            continue
        if len(core) >= 3 and core[-1].lower() in ("w", "we"):
            return " ".join(core[:-1]), state
        if len(core) >= 2 or core and not known(core[0].split("-")[0]):
            return " ".join(core), state
        return None
    return None


def _state(word: str) -> str | None:
    found = entity_code(word, GPE) if word[:1].isupper() else None
    return found[1] if found and found[0] == GPE else None
