"""Train kronika's Polish pipelines from ../shared/data and assemble the shipped model.

Four spaCy trainings, each with its own tok2vec:

- ``core``: one shared encoder for the NKJP tag (XPOS), the lemma, UPOS and the dependency parse,
  trained jointly on NKJP 1M (tags, lemmas), the UD training sets (everything) and the rest of
  the PDB train split (UPOS only); each component learns from the docs that carry its annotation;
- ``ner``: the outer NKJP named entities; ``ner_inner``: the entities nested inside them;
- ``senter``: a small sentence recogniser, asked only where a sentence may end without
  punctuation (a capitalised word after a word; kronika.analyse.sentences decides the rest).

UD features come from a table over (UPOS, XPOS, lemma) learnt from the UD training sets.

``assemble`` sources the trained components into one pipeline in ``kronika/models/pl_kronika``.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train

from ..analyse import embed  # noqa: F401  (registers kronika.MorfeuszHashEmbed.v1)
from ..analyse.pipeline import DEFAULT_MODEL
from ..analyse.features import build_table
from ..lang.pl import DATA_DIR as LANG_DIR
from .corpora import UD_TRAIN, build_corpora, modernise_tags, read_conllu_words, write_name_frequencies
from .tagset import modernise_feats

log = logging.getLogger(__name__)

CONFIGS_DIR = Path(__file__).resolve().parent / "configs"
TRAININGS = {
    "core": ("core-train", "ud-dev"),
    "ner": ("ner-train", "ner-dev"),
    "ner_inner": ("ner-inner-train", "ner-inner-dev"),
    "senter": ("senter-train", "ud-dev"),
}
# Where each trained component goes in the shipped pipeline: (training, component, name).
ASSEMBLY = (
    ("senter", "senter", "senter"),
    ("core", "tok2vec_core", "tok2vec_core"),
    ("core", "tagger", "tagger"),
    ("core", "trainable_lemmatizer", "trainable_lemmatizer"),
    ("core", "morphologizer", "morphologizer"),
    ("core", "parser", "parser"),
    ("ner_inner", "tok2vec_ner_inner", "tok2vec_ner_inner"),
    ("ner_inner", "ner", "ner_inner"),
    ("ner", "tok2vec_ner", "tok2vec_ner"),
    ("ner", "ner", "ner"),
)


def train_one(name: str, corpora: Path, workdir: Path, overrides: dict | None = None, config: Path | None = None) -> Path:
    """Run one spaCy training (``config``: instead of configs/NAME.cfg); returns the directory of its best model."""
    train, dev = TRAININGS[name]
    output = workdir / name
    settings = {"paths.train": str(corpora / f"{train}.spacy"), "paths.dev": str(corpora / f"{dev}.spacy")}
    settings.update(overrides or {})
    spacy_train(config or CONFIGS_DIR / f"{name}.cfg", output, overrides=settings)
    return output / "model-best"


def assemble(trained: dict[str, Path], data: Path, output: Path = DEFAULT_MODEL, base: Path | None = DEFAULT_MODEL) -> Path:
    """Source the trained components into one pipeline at ``output``; those of the trainings not
    run this time come from the pipeline at ``base`` (the shipped one), when it has them."""
    nlp = spacy.blank("pl")
    sources = {name: spacy.load(path) for name, path in trained.items()}
    shipped = spacy.load(base) if base and (base / "config.cfg").exists() and set(TRAININGS) - set(trained) else None
    for training, component, target in ASSEMBLY:
        if training in sources and component in KRONIKA_FACTORIES:
            add_as_kronika(nlp, sources[training], component)
        elif training in sources:
            nlp.add_pipe(component, name=target, source=sources[training])
        elif shipped is not None and target in shipped.pipe_names:
            nlp.add_pipe(target, source=shipped)
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kronika_dictionary_lemmas", after="trainable_lemmatizer")
    if "morphologizer" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        features = nlp.add_pipe("kronika_ud_features", after="morphologizer")
        features.table = ud_feature_table(data)
    if "ner_inner" in nlp.pipe_names:
        # The inner entities are set aside before the outer NER fills doc.ents (kronika.analyse.nested).
        nlp.add_pipe("kronika_stash_inner_entities", after="ner_inner")
        nlp.add_pipe("kronika_merge_entities", last=True)
    nlp.meta.update(name="kronika", version="0.1.0", description="kronika's Polish pipeline")
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    return output


def ud_feature_table(data: Path) -> dict[str, str]:
    """(UPOS, NKJP tag, lemma) -> UD features, the most frequent in the UD training sets, written
    in UD PDB 2.x's conventions (:func:`~kronika.training.tagset.modernise_feats`)."""
    words = (
        (w.upos, w.xpos, w.lemma, modernise_feats(w.form, w.xpos, w.feats))
        for name in UD_TRAIN
        for sentence in modernise_tags(list(read_conllu_words(data / name)))
        for w in sentence.words
    )
    return build_table(words)


# Trained components that ship as kronika's subclasses: the dictionary-aware tagger and
# lemmatizer (kronika.analyse.morphology), the sentence recogniser asked with a threshold
# (kronika.analyse.sentences).
KRONIKA_FACTORIES = {"tagger": "kronika_tagger", "trainable_lemmatizer": "kronika_lemmatizer", "senter": "kronika_senter"}


def add_as_kronika(nlp, source, name: str) -> None:
    """The trained component ``name``, as kronika's subclass with the same weights."""
    trained = source.get_pipe(name)
    config = dict(source.config.interpolate()["components"][name])
    config.pop("factory")
    nlp.add_pipe(KRONIKA_FACTORIES[name], name=name, config=config)
    nlp.get_pipe(name).from_bytes(trained.to_bytes(exclude=["vocab"]), exclude=["vocab"])


def train_all(
    data: Path, workdir: Path, names: tuple[str, ...] = tuple(TRAININGS), configs: dict[str, Path] | None = None
) -> Path:
    corpora = workdir / "corpora"
    log.info("building corpora in %s", corpora)
    build_corpora(data, corpora)
    write_name_frequencies(data, LANG_DIR / "name_frequencies.txt")
    trained = {name: train_one(name, corpora, workdir, config=(configs or {}).get(name)) for name in names}
    return assemble(trained, data)
