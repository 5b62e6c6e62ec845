"""kronika: who is who, who said what, and who did what to whom, when and where, in Polish news."""
from __future__ import annotations

__version__ = "0.1.0"


def load(model=None, **kwargs):
    """kronika's Polish spaCy pipeline (see :func:`kronika.analyse.pipeline.load`)."""
    from .analyse.pipeline import load as _load

    return _load(model, **kwargs)
