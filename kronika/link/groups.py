"""One group per person, organisation and place within an article.

:func:`group_mentions` groups an article's name mentions (:class:`NameMention`):

- **codes**: mentions of one state or international organisation share its code
  (``ODKB`` and ``Organizacja Układu o Bezpieczeństwie Zbiorowym``: ``CSTO``);
- **people**: fullest names first; a shorter name joins the group whose surname it shares and
  whose first names it does not contradict (``Tokajew``, ``Kasym-Żomart Tokajew``; ``Asia Bibi``,
  ``Aasiya Noreen Bibi``, see :func:`~kronika.link.names.first_name_key`), the nearest one
  before it when several do (``Lech`` and ``Jarosław Kaczyński``); a lone first name joins the
  one person of that first name;
- **other names**: one group per base form (places of any type together); an acronym joins the
  name it abbreviates (``PiS``, ``Prawo i Sprawiedliwość``) or that it follows in brackets; a
  one-word name joins the one longer name of the article it begins (``Komisja``, ``Komisja
  Europejska``);
- **roles**: descriptions bound to a person by apposition join that person
  (:mod:`kronika.link.roles`).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .mentions import NAME, Group, NameMention, qualified, state_qualifier
from .names import acronym_of, close, first_name_key, is_acronym, known, same_first_name
from .roles import bind_roles

__all__ = ["group_mentions", "main_country", "settled"]

PERSON = "PER"
PLACES = frozenset({"GPE", "LOC", "FAC"})


def main_country(mentions: list[NameMention]) -> str | None:
    """The state the article is most about: the most often named, the first on a tie."""
    codes = [m.code for m in mentions if m.type == "GPE" and m.code and m.kind == NAME]
    counts = Counter(codes)
    return max(codes, key=lambda c: (counts[c], -codes.index(c)), default=None)


def group_mentions(doc: Doc, mentions: list[NameMention]) -> list[Group]:
    """The article's entities as groups of mentions, in order of first mention."""
    people = _people([m for m in mentions if m.type == PERSON and not m.code])
    groups = [*people, *_others(doc, [m for m in mentions if m.type != PERSON or m.code])]
    bind_roles(doc, groups, main_country(mentions))
    for group in groups:
        group.mentions.sort(key=lambda m: m.start)
    return sorted(groups, key=lambda g: g.start)


# ---------------------------------------------------------------- people


def _words(name: str) -> list[str]:
    return name.split()


def _compatible(first: list[str], other: list[str], loose: bool = False) -> bool:
    """Whether first names ``first`` may name the person named ``other``: each is an initial of
    one of them (``J.``) or the same name (:func:`~kronika.link.names.same_first_name`)."""
    initials = {o[0].lower() for o in other}
    return all(
        any(same_first_name(f, o, loose) for o in other) or len(f.rstrip(".")) == 1 and f[0].lower() in initials
        for f in first
    )


def _surnames(mention: NameMention) -> set[str]:
    """The surname as the base form and as written, and the last part of a hyphenated one."""
    keys = set()
    for words in (_words(mention.base), _words(mention.text)):
        if words:
            keys |= {words[-1].lower(), words[-1].lower().rsplit("-", 1)[-1]}
    return keys


def _fits(m: NameMention, groups: list[Group], loose: bool) -> list[Group]:
    words = _words(m.base)
    surnames, first = _surnames(m), words[:-1]
    fits = []
    for g in groups:
        theirs = set().union(*(_surnames(n) for n in g.names if len(_words(n.base)) > 1 or n is g.names[0]))
        theirs |= {w.lower() for w in _words(g.name)[1:-1]}  # Asia Noreen: Aasiya Noreen Bibi
        same = surnames & theirs or loose and any(_misread(a, b) for a in surnames for b in theirs)
        if same and _compatible(first, _words(g.name)[:-1], loose):
            fits.append(g)
    return fits


def _people(mentions: list[NameMention]) -> list[Group]:
    groups: list[Group] = []
    for m in sorted(mentions, key=lambda m: (-len(_words(m.base)), m.start)):
        words = _words(m.base)
        if not words:
            continue
        fits = _fits(m, groups, loose=False) or _fits(m, groups, loose=True)
        if not fits and len(words) == 1:  # a first name alone: the one person of that first name
            key = first_name_key(words[0])
            fits = [g for g in groups if any(first_name_key(w) == key for w in _words(g.name)[:-1])]
            if not fits:  # Asia and Asie Bibi, whose base form lost the first name: as written, loosely
                fits = [g for g in groups if any(same_first_name(words[0], w, loose=True) for w in _written_first_names(g))]
            fits = fits if len(fits) == 1 else []
        if fits:
            _nearest(fits, m.start).mentions.append(m)
        else:
            groups.append(Group([m]))
    for group in groups:
        _settle_bases(group)
    return groups


def _written_first_names(group: Group) -> set[str]:
    """The first names of the group's full names as the article writes them."""
    return {w for n in group.names for w in n.text.split()[:-1]}


def _settle_bases(group: Group) -> None:
    """Each name's words in the base form the group's name gives them (:func:`settled`)."""
    for m in group.names:
        m.base = settled(m.text, m.base, group.name)


def settled(text: str, base: str, name: str) -> str:
    """``base`` with each word taken from the person's ``name`` (words aligned from the right)
    where the word is written as the name writes it, or its base form is close to the name's:
    ``Asi Bibi`` -> ``Asia Bibi``, not ``Asia Biba``; ``Asii Bibi`` -> ``Asia Bibi``."""
    words, bases, own = text.split(), base.split(), name.split()
    if len(words) != len(bases) or len(words) > len(own):
        return base
    for i, (word, target) in enumerate(zip(words, own[len(own) - len(words) :])):
        if word.lower() == target.lower() or _misread(bases[i].lower(), target.lower()):
            bases[i] = target
    return " ".join(bases)


def _misread(a: str, b: str) -> bool:
    """Close forms of a name Morfeusz does not know (``Asii``, ``Asia``), not two names it knows
    (``Kaczyński``, ``Kaczyńska``)."""
    return close(a, b) and not (known(a) and known(b))


def _nearest(groups: list[Group], start: int) -> Group:
    """The group mentioned last before ``start`` (else the first mentioned after it)."""
    def distance(group: Group) -> tuple[int, int]:
        before = [start - m.end for m in group.mentions if m.end <= start]
        return (0, min(before)) if before else (1, group.start)

    return min(groups, key=distance)


# ---------------------------------------------------------------- organisations, places and the rest


def _class(kind: str) -> str:
    return "PLACE" if kind in PLACES else kind


def _key(mention: NameMention) -> tuple[str, str]:
    if mention.code:
        return "CODE", mention.code
    return _class(mention.type), " ".join((mention.place or mention.base).lower().split())  # Szkoci: Szkocja


def _others(doc: Doc, mentions: list[NameMention]) -> list[Group]:
    by_key: dict[tuple[str, str], Group] = {}
    for m in mentions:
        by_key.setdefault(_key(m), Group(code=m.code)).mentions.append(m)
    joins = [*_acronyms(by_key), *_bracketed(doc, mentions), *_heads(by_key), *_qualified(by_key)]
    for short, full in joins:
        if short in by_key and full in by_key and short != full and short[0] != "CODE":
            by_key[full].mentions.extend(by_key.pop(short).mentions)
    return list(by_key.values())


def _bases(group: Group) -> set[str]:
    return {" ".join(m.base.lower().split()) for m in group.mentions}


def _same_class(a: tuple[str, str], b: tuple[str, str], by_key: dict[tuple[str, str], Group]) -> bool:
    return a[0] == b[0] or "CODE" in (a[0], b[0]) and _class(by_key[a].type) == _class(by_key[b].type)


def _acronyms(by_key: dict[tuple[str, str], Group]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(acronym key, full name key) where one name of the article has the acronym as initials."""
    joins = []
    for key, group in by_key.items():
        if not all(is_acronym(m.text) for m in group.mentions):
            continue
        short = group.name.lower()
        full = [
            k for k, g in by_key.items()
            if k != key and _same_class(key, k, by_key) and any(short in acronym_of(b) for b in _bases(g))
        ]
        if len(full) == 1:
            joins.append((key, full[0]))
    return joins


def _bracketed(doc: Doc, mentions: list[NameMention]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(acronym key, full name key) for ``Organizacja ... (ODKB)``: an acronym in brackets
    right after a name, not a state's (whose own acronyms share its code); so an organisation's
    name in another language there (:func:`_translated`)."""
    at = {m.span.start: m for m in mentions}
    joins = []
    for m in mentions:
        j = m.span.end
        if j + 2 < len(doc) and doc[j].text == "(" and j + 1 in at:
            inner = at[j + 1]
            if m.code and m.type == "GPE":
                continue  # a state's own acronym has its code: Pakistan (TLP) is no expansion
            if doc[j + 2].text == ")" and inner.span.end == j + 2 and is_acronym(inner.text):
                joins.append((_key(inner), _key(m)))
            elif _translated(doc, m, inner):
                joins.append((_key(inner), _key(m)))
    return joins


def _translated(doc: Doc, m: NameMention, inner: NameMention) -> bool:
    """An organisation's name of two words or more filling the brackets right after another
    organisation's name: its name in another language (``Brytyjskie Stowarzyszenie Chrześcijan
    Pochodzenia Pakistańskiego (British Pakistani Christian Association)``)."""
    return (
        m.type == inner.type == "ORG" and not m.code and not inner.code and len(inner.span) >= 2
        and inner.span.end < len(doc) and doc[inner.span.end].text == ")"
    )


def _heads(by_key: dict[tuple[str, str], Group]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(one-word key, longer key) where the one word begins exactly one longer name (``Komisja``,
    ``Komisja Europejska``) or ends it as written (``Reutera``, ``Agencja Reutera``). A place that
    begins a longer place's name is another place (``Europa``, ``Europa Wschodnia``)."""
    joins = []
    for key, group in by_key.items():
        word = group.name.lower()
        if " " in word or any(is_acronym(m.text) for m in group.mentions):
            continue
        forms = {m.text.lower() for m in group.mentions}
        place = group.mentions[0].type in PLACES
        longer = [
            k for k, g in by_key.items()
            if k != key and _same_class(key, k, by_key) and (
                not place and any(b.startswith(word + " ") for b in _bases(g))
                or any(_ends_with(m.text, forms) for m in g.mentions)
            )
        ]
        if len(longer) == 1:
            joins.append((key, longer[0]))
    return joins


def _ends_with(text: str, forms: set[str]) -> bool:
    """Whether a name of capitalised words ends with one of the forms (``Agencja Reutera``, not
    ``Ambasada RP w Londynie``)."""
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) and words[-1].lower() in forms


def _qualified(by_key: dict[tuple[str, str], Group]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(key, key less its first word) for a name after a country's adjective (``pakistański Sąd
    Najwyższy``, ``Sąd Najwyższy``), and (key, key of the name less its state) for an
    organisation's name with a state's (``Sąd Najwyższy Pakistanu``, ``Sąd Najwyższy w
    Pakistanie``: :func:`~kronika.link.mentions.state_qualifier`), when the article has the name
    without it."""
    joins = []
    for key, group in by_key.items():
        rest = key[1].partition(" ")[2]
        if qualified(key[1]) and (key[0], rest) in by_key:
            joins.append((key, (key[0], rest)))
        elif key[0] == "ORG" and (split := state_qualifier(group.name)) is not None:
            core = (key[0], " ".join(split[0].lower().split()))
            if core in by_key:
                joins.append((key, core))
    return joins
