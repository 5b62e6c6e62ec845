"""Precision, recall and F1, as every scorer computes them."""
from __future__ import annotations


def prf(matched: float, gold: float, predicted: float, matched_predicted: float | None = None) -> tuple[float, float, float]:
    """P = matched predictions / predicted, R = matched gold / gold (the same count unless
    ``matched_predicted`` is given), F1 their harmonic mean; 0.0 where a denominator is 0."""
    hits = matched if matched_predicted is None else matched_predicted
    precision = hits / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
