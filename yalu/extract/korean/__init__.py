"""Korean-language reports: the same Incident records from the Korean text.

Kiwi's morphemes (yalu/annotate/korean.py) -> triggers (data/ko/triggers.toml) -> the
clause of each, up to its ending, and its modality (data/ko/modality.toml) -> slots from
the same sentence (places through the same gazetteer, dates resolved by the same values
as the English ones, actors, quantities, attribution: data/ko/) -> the English stage's
mentions, clusters and records (yalu/extract/clustering.py, records.py) -> the Korean
model decides which are reported (features.py, classifier.py). docs/korean.md.
"""

from .article import extract_korean

__all__ = ["extract_korean"]
