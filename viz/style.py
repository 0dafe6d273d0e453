"""How each class of entity looks on a map: colour by class, shape by category.

Shapes follow the category (a reader learns five shapes), colours the class (courts in reds,
administrations in browns, associations in blues); a class the table does not know gets a
stable colour from its name, so new ontology classes still draw distinctly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SHAPE_OF_CATEGORY: dict[str, str] = {
    "institution": "dot",
    "person": "diamond",
    "event": "triangle",
    "agreement": "square",
    "country": "star",
    "city": "dot",
    "aggregate": "hexagon",
}

COLOR_OF_CLASS: dict[str, str] = {
    "ConstitutionalCourt": "#7b1fa2",
    "SupremeCourt": "#c62828",
    "Court": "#ef6c00",
    "CourtAdministration": "#8d6e63",
    "JudicialCouncil": "#ad1457",
    "GovernmentBody": "#5d4037",
    "LegalAidBody": "#00897b",
    "Association": "#1565c0",
    "InternationalOrganization": "#00838f",
    "Organization": "#607d8b",
    "Person": "#455a64",
    "Country": "#fbc02d",
    "City": "#9e9e9e",
    "Aggregate": "#b0bec5",
}
COLOR_OF_CATEGORY: dict[str, str] = {"event": "#43a047", "agreement": "#2e7d32"}
_PALETTE = ("#6a1b9a", "#283593", "#00695c", "#9e9d24", "#d84315", "#4e342e", "#37474f", "#ad1457")


@dataclass(frozen=True, slots=True)
class NodeStyle:
    shape: str
    color: str


def node_style(cls: str, category: str) -> NodeStyle:
    shape = SHAPE_OF_CATEGORY.get(category, "dot")
    if cls in COLOR_OF_CLASS:
        return NodeStyle(shape, COLOR_OF_CLASS[cls])
    if category in COLOR_OF_CATEGORY:
        return NodeStyle(shape, COLOR_OF_CATEGORY[category])
    digest = hashlib.sha256(cls.encode("utf-8")).digest()
    return NodeStyle(shape, _PALETTE[digest[0] % len(_PALETTE)])
