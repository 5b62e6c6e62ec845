"""Learn how unknown names inflect: a suffix-rewrite table from gold (form, base form) pairs.

Morfeusz does not know most foreign names (``Tokajewa``, ``Obamy``, ``Frunzego``). Polem's KPWr
files give every token of a gold name its lemma and tag; the tokens Morfeusz does not know, with
a capital letter, teach how such names decline: ``Tokajewa`` -> ``Tokajew`` is the rewrite
``a`` -> ``-`` (genitive, m1) seen after ``ewa``. For each entity kind (person, place, name ...;
``*`` for all) and each word ending of up to :data:`CONTEXT` letters beyond the rewritten part,
the table keeps the rewrites seen at least :data:`MIN_COUNT` times that make up at least
:data:`MIN_SHARE` of that ending's words. ``kronika.extract.base_forms`` tries them, longest
ending first, before its hand-written rules.

Regenerate (only from training data, never from a test file)::

    python -m kronika.link.suffixes ../shared/data/polem-kpwr/kpwr-1.2-ne-train-fix.tsv \\
        ../shared/data/polem-kpwr/kpwr-1.2-ne-tune-fix.tsv
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from ..analyse.morfeusz import UNKNOWN_TAG, whole_readings
from ..evaluate.lemma import polem_orth
from ..extract.base_forms import entity_kind
from ..lang.pl import DATA_DIR

OUTPUT = DATA_DIR / "name_suffixes.txt"
CONTEXT = 3  # letters of context before the rewritten ending
MIN_COUNT = 3
MIN_SHARE = 0.6
MAX_STRIP = 4
ALL = "*"
PERSON_CATEGORY = "nam_liv_person"
HEADER = """\
# Learnt rewrites of the endings of capitalised words Morfeusz does not know, for
# kronika.extract.base_forms. Made by `python -m kronika.link.suffixes` from {sources};
# do not edit by hand. kind<TAB>ending<TAB>replacement ("-" none)<TAB>case<TAB>gender<TAB>count
"""


def _unknown(word: str) -> bool:
    return all(r.tag == UNKNOWN_TAG for r in whole_readings(word))


def polem_tokens(path: str | Path) -> Iterator[tuple[str, str, str, str]]:
    """``(form, gold lemma, tag, KPWr category)`` of the words of a Polem TSV file's phrases of
    one word, and of its people's names (other phrases keep complements as written: ``Park im.
    Tadeusza Rejtana``). The per-token lemmas are a tagger's, not gold; its tags give the case
    and gender."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 6:
            continue
        forms, tags, category = cols[1].split(), cols[3].split(), cols[5].strip()
        if len(forms) > 1 and not category.startswith(PERSON_CATEGORY):
            continue
        lemmas = polem_orth(cols[0], "").split()
        if len(forms) == len(lemmas) == len(tags):
            yield from ((f, l, t, category) for f, l, t in zip(forms, lemmas, tags))


def rewrite(form: str, lemma: str) -> tuple[str, str] | None:
    """``(ending, replacement)`` that turns ``form`` into ``lemma``, or None if it changes more
    than :data:`MAX_STRIP` final letters."""
    common = 0
    while common < min(len(form), len(lemma)) and form[common].lower() == lemma[common].lower():
        common += 1
    if len(form) - common > MAX_STRIP or common < 2:
        return None
    return form[common:], lemma[common:]


def learn(tokens: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str, str, int]]:
    """The table rows ``(kind, ending, replacement, case, gender, count)`` from gold tokens:
    ``ending`` is the rewritten part of the word with up to :data:`CONTEXT` letters before it,
    ``replacement`` what it becomes (``ewa`` -> ``ew``)."""
    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for form, lemma, tag, category in tokens:
        fields = tag.split(":")
        if not form[:1].isupper() or not form.isalpha() or len(fields) < 4 or fields[0] != "subst":
            continue
        change = rewrite(form, lemma)
        if change is None or not _unknown(form):
            continue
        kind = entity_kind(category) or "none"
        ending, replacement = (part.lower() for part in change)
        case = "nom" if ending == replacement else fields[2] if fields[2] != "nom" else "gen"  # tags are a tagger's
        for extra in range(CONTEXT + 1):
            if not ending and not extra:
                continue  # a word kept as written needs context
            if len(ending) + extra >= len(form):
                break
            context = form[len(form) - len(ending) - extra :].lower()
            for key in (kind, ALL):
                seen[key, context][context[:extra] + replacement, case, fields[3]] += 1
    rows = []
    for (kind, ending), counts in sorted(seen.items()):
        total = sum(counts.values())
        for (replacement, case, gender), count in counts.most_common():
            if count >= MIN_COUNT and count / total >= MIN_SHARE:
                rows.append((kind, ending, replacement or "-", case, gender, count))
    return rows


def write_table(sources: list[str], output: str | Path = OUTPUT) -> Path:
    """Learn from the Polem TSV files ``sources`` and write the table (the data file by default)."""
    rows = learn(t for source in sources for t in polem_tokens(source))
    lines = ["\t".join(map(str, row)) for row in rows]
    names = ", ".join(Path(s).name for s in sources)
    Path(output).write_text(HEADER.format(sources=names) + "\n".join(lines) + "\n", encoding="utf-8")
    return Path(output)


if __name__ == "__main__":
    write_table(sys.argv[1:])
