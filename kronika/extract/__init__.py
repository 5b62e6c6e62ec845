"""Extraction: entity mentions and groups, quotations, events and times, from analysed Docs."""
