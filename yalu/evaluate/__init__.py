"""Evaluate: score extraction against gold annotations; the real development set."""

from .scoring import GoldDoc, evaluate, load_gold

__all__ = ["GoldDoc", "evaluate", "load_gold"]
