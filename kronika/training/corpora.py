"""Turn the gold data in ../shared/data into spaCy training corpora (DocBin files).

Every corpus is built from gold words (UD syntactic words, NKJP segments), so agglutinates such
as ``zrobił|em`` are separate tokens, as kronika's tokenizer makes them.

- ``core-train.spacy``: NKJP 1M gold morphosyntax (XPOS, lemmas; minus the sentences that also
  occur in UD dev/test), the UD training sets (PDB recovered train + SZ + LFG partial train + MPDT
  train: XPOS, lemmas, UPOS, the parse; UD features come from a table instead) and the rest of the
  PDB train split (UPOS only; sentences of the other sets or of any UD dev/test file left out);
  ``ud-dev.spacy``: PDB dev, full annotation (for model selection; PDB test is never used here).
- ``ner-{train,dev,test}.spacy`` (outer entities) and ``ner-inner-*.spacy`` (entities nested in
  them) from the NKJP NE layer, split by document as ``splits/nkjp-ner.tsv`` records.
"""
from __future__ import annotations

from collections import Counter

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from .tagset import modernise_tag

log = logging.getLogger(__name__)

SPLITS_DIR = Path(__file__).resolve().parent / "splits"
NER_SPLIT_FILE = SPLITS_DIR / "nkjp-ner.tsv"
SENTENCES_PER_DOC = 10

UD_TRAIN = (
    "ud/pdb-train-recovered/pdb_2019-05_recovered_train.conllu",
    "ud/pdb-train-recovered/sz_ud2.3_recovered_train.conllu",
    "ud/lfg-train-partial/pl_lfg-ud-train.first3339.conllu",
    "ud/mpdt/pl_mpdt-ud-train.conllu",
)
UD_DEV = ("ud/pdb/pl_pdb-ud-dev.conllu",)
NKJP_MORPH = ("nkjp1m-morph/test-full.tsv", "nkjp1m-morph/validate.tsv")
NKJP_OVERLAP = "nkjp1m-morph/overlap_with_UD_devtest.txt"
NKJP_NER = "nkjp-ner/nkjp-nested-simplified-v2.iob"
UD_TRAIN_UPOS = "ud/pdb-train-upos/pl_pdb-ud-train.form_upos.tsv"
UD_DEVTEST = (
    "ud/pdb/pl_pdb-ud-dev.conllu", "ud/pdb/pl_pdb-ud-test.conllu",
    "ud/lfg/pl_lfg-ud-dev.conllu", "ud/lfg/pl_lfg-ud-test.conllu",
    "ud/mpdt/pl_mpdt-ud-dev.conllu", "ud/mpdt/pl_mpdt-ud-test.conllu",
)


@dataclass
class Word:
    form: str
    space_after: bool = True
    lemma: str | None = None
    upos: str | None = None
    xpos: str | None = None
    feats: str | None = None
    head: int | None = None  # 1-based, 0 = root
    deprel: str | None = None


@dataclass
class Sentence:
    words: list[Word] = field(default_factory=list)


def read_conllu_words(path: Path) -> Iterator[Sentence]:
    """Syntactic words of a CoNLL-U file; spaces come from SpaceAfter of the word or its MWT."""
    sentence, mwt_end, mwt_space = Sentence(), 0, True
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if sentence.words:
                    yield sentence
                sentence, mwt_end = Sentence(), 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            no_space = "SpaceAfter=No" in cols[9]
            if "-" in cols[0]:
                mwt_end, mwt_space = int(cols[0].split("-")[1]), not no_space
                continue
            index = int(cols[0])
            inside_mwt = index <= mwt_end
            space = (mwt_space if index == mwt_end else False) if inside_mwt else not no_space
            sentence.words.append(
                Word(cols[1], space, cols[2], cols[3], cols[4], cols[5],
                     int(cols[6]) if cols[6].isdigit() else None, cols[7])
            )
    if sentence.words:
        yield sentence


def read_nkjp_morph(path: Path, skip: set[int]) -> Iterator[Sentence]:
    """NKJP 1M TSV (orth, lemma, ctag, nospace_before); sentence indexes in ``skip`` are dropped."""
    index, sentence = 0, Sentence()
    with open(path, encoding="utf-8") as lines:
        for line in list(lines) + [""]:
            line = line.rstrip("\n")
            if not line:
                if sentence.words:
                    if index not in skip:
                        yield sentence
                    index += 1
                sentence = Sentence()
                continue
            orth, lemma, ctag, nospace = line.split("\t")
            if nospace == "nospace_before" and sentence.words:
                sentence.words[-1].space_after = False
            sentence.words.append(Word(orth, True, lemma, None, ctag))


NAME_FREQUENCY_HEADER = """\
# How often NKJP 1M (the gold morphosyntax of nkjp1m-morph, minus the sentences that also occur in
# UD dev/test) gives each capitalised noun or adjective lemma, for kronika.extract.base_forms: of
# two dictionary readings of a name that tie on everything else, the more frequent lemma wins
# (Jacka: Jacek 51, Jack 2). Lemmas seen at least twice. Written by `kronika train`
# (kronika.training.corpora.write_name_frequencies); NKJP 1.2 is GPL-3.0.
# lemma<TAB>count
"""


def write_name_frequencies(data: Path, out: Path, least: int = 2) -> int:
    """Count NKJP 1M's capitalised noun and adjective lemmas into ``out``; the number written."""
    overlap = nkjp_overlap(data)
    counts: Counter = Counter()
    for name in NKJP_MORPH:
        for sentence in read_nkjp_morph(data / name, overlap.get(Path(name).stem, set())):
            counts.update(w.lemma for w in sentence.words if w.lemma[:1].isupper() and w.xpos.startswith(("subst", "depr", "adj")))
    kept = sorted((lemma, n) for lemma, n in counts.items() if n >= least)
    out.write_text(NAME_FREQUENCY_HEADER + "".join(f"{lemma}\t{n}\n" for lemma, n in kept), encoding="utf-8")
    return len(kept)


def read_form_upos(path: Path) -> Iterator[Sentence]:
    """FORM<TAB>UPOS lines, a blank line between sentences (no spacing information)."""
    sentence = Sentence()
    with open(path, encoding="utf-8") as lines:
        for line in list(lines) + [""]:
            line = line.rstrip("\n")
            if not line:
                if sentence.words:
                    yield sentence
                sentence = Sentence()
                continue
            form, upos = line.rsplit("\t", 1)
            sentence.words.append(Word(form, True, upos=upos))


def words_key(sentence: Sentence) -> tuple[str, ...]:
    return tuple(w.form for w in sentence.words)


def upos_only(sentences: list[Sentence]) -> list[Sentence]:
    """Copies without UD features: the joint model predicts UPOS; features come from a table."""
    return [Sentence([Word(**{**w.__dict__, "feats": None}) for w in s.words]) for s in sentences]


def nkjp_overlap(data: Path) -> dict[str, set[int]]:
    """Sentence indexes of each NKJP file that also occur in UD dev/test."""
    skip: dict[str, set[int]] = {}
    for line in (data / NKJP_OVERLAP).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, index = line.split("\t")
        skip.setdefault(Path(name).stem, set()).add(int(index))
    return skip


def modernise_tags(sentences: list[Sentence]) -> list[Sentence]:
    """Rewrite XPOS tags of the older NKJP tagset in place (see :mod:`kronika.training.tagset`)."""
    for sentence in sentences:
        for w in sentence.words:
            if w.xpos and w.lemma:
                w.xpos = modernise_tag(w.form, w.lemma, w.xpos)
    return sentences


def sentences_to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    words, spaces, tags, lemmas, pos, morphs, heads, deps, starts = [], [], [], [], [], [], [], [], []
    has_parse = all(w.head is not None for s in sentences for w in s.words)
    for sentence in sentences:
        offset = len(words)
        for i, w in enumerate(sentence.words):
            words.append(w.form)
            spaces.append(w.space_after)
            tags.append(w.xpos)
            lemmas.append(w.lemma)
            pos.append(w.upos)
            morphs.append(None if w.feats is None else ("" if w.feats == "_" else w.feats))
            starts.append(i == 0)
            if has_parse:
                heads.append(offset + (w.head - 1 if w.head else i))
                deps.append("ROOT" if w.head == 0 else w.deprel)
        if spaces:
            spaces[-1] = True
    spaces[-1] = False
    annotations = dict(words=words, spaces=spaces, sent_starts=starts)
    if any(t is not None for t in tags):
        annotations.update(tags=tags, lemmas=lemmas)
    if any(p is not None for p in pos):
        annotations.update(pos=pos)
    if any(m is not None for m in morphs):
        annotations.update(morphs=morphs)
    if has_parse:
        annotations.update(heads=heads, deps=deps)
    return Doc(vocab, **annotations)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    docbin = DocBin(store_user_data=False)
    for doc in docs:
        docbin.add(doc)
    docbin.to_disk(path)
    log.info("%s: %d docs", path, len(docbin))
    return len(docbin)


# --- NKJP named entities ---------------------------------------------------------------------

def poleval_label(iob_label: str) -> str:
    """``persName-forename`` -> ``persName_forename`` (PolEval 2018 category names)."""
    return iob_label.replace("-", "_")


@dataclass
class NerDocument:
    id: str
    sentences: list[list[tuple[str, list[str]]]] = field(default_factory=list)  # (orth, layers)


def read_nkjp_ner(path: Path) -> Iterator[NerDocument]:
    document, sentence = None, []
    with open(path, encoding="utf-8") as lines:
        for line in list(lines) + [""]:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART FILE"):
                if document is not None:
                    if sentence:
                        document.sentences.append(sentence)
                    yield document
                document, sentence = NerDocument(line.split()[-1].removeprefix("./")), []
            elif line.startswith("-DOCSTART"):
                continue
            elif not line:
                if document is not None and sentence:
                    document.sentences.append(sentence)
                sentence = []
            else:
                cols = line.split("\t")
                sentence.append((cols[0], cols[-1].split("#")))
    if document is not None:
        if sentence:
            document.sentences.append(sentence)
        yield document


def ner_split_of(doc_id: str) -> str:
    bucket = int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 10
    return {0: "dev", 1: "test"}.get(bucket, "train")


def layer_spans(tokens: list[tuple[str, list[str]]], layer: int) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities in one nesting layer of a sentence's IOB2 labels."""
    spans, start, label = [], None, None
    for i, (_, layers) in enumerate(tokens + [("", ["O"])]):
        tag = layers[layer] if layer < len(layers) else "O"
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and start is not None and name == label
        if start is not None and not continues:
            spans.append((start, i, poleval_label(label)))
            start = None
        if prefix in ("B", "I") and not continues:
            start, label = i, name
    return spans


def ner_doc(vocab: Vocab, document: NerDocument, layer: int) -> Doc:
    words, starts, ents = [], [], []
    for sentence in document.sentences:
        offset = len(words)
        words.extend(orth for orth, _ in sentence)
        starts.extend(i == 0 for i in range(len(sentence)))
        ents.extend((offset + s, offset + e, label) for s, e, label in layer_spans(sentence, layer))
    doc = Doc(vocab, words=words, sent_starts=starts)
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents], default="outside")
    return doc


# --- building everything ---------------------------------------------------------------------

def build_corpora(data: Path, out: Path) -> dict[str, int]:
    """Write every training corpus into ``out``; returns the number of docs in each."""
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    counts = {}
    ud_sets = {name: modernise_tags(list(read_conllu_words(data / name))) for name in UD_TRAIN}
    ud_train = [s for sentences in ud_sets.values() for s in sentences]
    ud_dev = [s for name in UD_DEV for s in read_conllu_words(data / name)]
    counts["ud-dev"] = write_docbin((sentences_to_doc(vocab, c) for c in chunked(ud_dev, SENTENCES_PER_DOC)), out / "ud-dev.spacy")

    skip = nkjp_overlap(data)
    nkjp = modernise_tags([s for name in NKJP_MORPH for s in read_nkjp_morph(data / name, skip.get(Path(name).stem, set()))])
    # The joint model: NKJP (tags, lemmas), UD (everything but features) and the rest of the PDB
    # train split (UPOS only), without sentences of the fuller sets or of any UD dev/test file.
    devtest = {words_key(s) for name in UD_DEVTEST for s in read_conllu_words(data / name)}
    pdb = [s for s in read_form_upos(data / UD_TRAIN_UPOS) if words_key(s) not in devtest]
    fuller = {words_key(s) for s in ud_train}
    upos = [s for s in pdb if words_key(s) not in fuller]
    core = [sentences_to_doc(vocab, c) for part in (nkjp, upos_only(ud_train), upos) for c in chunked(part, SENTENCES_PER_DOC)]
    counts["core-train"] = write_docbin(core, out / "core-train.spacy")
    # Sentence boundaries: the complete PDB train split in its order (sentences that end without
    # punctuation among them), NKJP 1M, SZ, LFG and MPDT, words and boundaries only.
    others = [s for name in UD_TRAIN[1:] for s in ud_sets[name]]  # not the PDB train again
    bounds = [Sentence([Word(w.form, w.space_after) for w in s.words]) for part in (pdb, nkjp, others) for s in part]
    counts["senter-train"] = write_docbin(
        (sentences_to_doc(vocab, c) for c in chunked(bounds, SENTENCES_PER_DOC)), out / "senter-train.spacy")

    documents = list(read_nkjp_ner(data / NKJP_NER))
    SPLITS_DIR.mkdir(exist_ok=True)
    NER_SPLIT_FILE.write_text(
        "# NKJP NE layer document split: md5(doc id) % 10 == 0 -> dev, 1 -> test, else train\n"
        + "".join(f"{d.id}\t{ner_split_of(d.id)}\n" for d in documents),
        encoding="utf-8",
    )
    for split in ("train", "dev", "test"):
        chosen = [d for d in documents if ner_split_of(d.id) == split]
        counts[f"ner-{split}"] = write_docbin((ner_doc(vocab, d, 0) for d in chosen), out / f"ner-{split}.spacy")
        counts[f"ner-inner-{split}"] = write_docbin((ner_doc(vocab, d, 1) for d in chosen), out / f"ner-inner-{split}.spacy")
    return counts
