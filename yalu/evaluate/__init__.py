"""Evaluate: score extraction against gold annotations; the real development set."""

from .scoring import Gold, GoldDoc, evaluate, gold_paths, load_gold, load_gold_files

__all__ = ["Gold", "GoldDoc", "evaluate", "gold_paths", "load_gold", "load_gold_files"]
