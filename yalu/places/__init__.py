"""Places: the Korean-aware gazetteer (`Gazetteer`) and romanization rules.

    from yalu.places import Gazetteer
    gaz = Gazetteer.default()
    gaz.lookup("Yanggang-do")      # [Place(id='kp.ryanggang', ...)]
"""

from yalu.places.gazetteer import Ambiguity, Candidate, Gazetteer

__all__ = ["Gazetteer", "Ambiguity", "Candidate"]
