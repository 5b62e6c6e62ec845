"""One catalogue of kronika's errors.

Every error carries a short machine-readable ``code`` and a human message; errors about one
input item also name the item, so a batch can report it and go on.
"""
from __future__ import annotations


class KronikaError(Exception):
    """Base class of every error kronika raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.item = item

    def to_dict(self) -> dict:
        return {"code": self.code, "item": self.item, "message": self.message}

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message


class ReadError(KronikaError):
    """An input item could not be read into an Article."""

    code = "read_error"

    def __init__(self, message: str, *, item: str | None = None, reason: str = "unreadable"):
        super().__init__(message, item=item)
        self.reason = reason

    def to_dict(self) -> dict:
        return {**super().to_dict(), "reason": self.reason}


class ModelNotFoundError(KronikaError):
    code = "model_not_found"


class EvaluationError(KronikaError):
    """A gold file is not in the format its task expects."""

    code = "evaluation_error"


class StoreError(KronikaError):
    """The knowledge base (kronika.store) cannot be opened, or a query or export is invalid."""

    code = "store_error"


class AnalysisError(KronikaError):
    """Analysing one article failed; the batch records it and goes on."""

    code = "analysis_error"
