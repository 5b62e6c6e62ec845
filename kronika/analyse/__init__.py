"""Polish linguistics: tokens, sentences, Morfeusz analyses and the trained components."""
