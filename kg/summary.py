"""What a build found, per report: the one-screen summary the CLI prints."""

from __future__ import annotations

from kg.records import Extraction

COLUMNS = ("regions", "agencies", "mediation", "orgs", "policies", "initiatives", "outcomes", "challenges")


def counts(ex: Extraction) -> dict[str, int]:
    """Distinct names per class in one report (mentions of one thing count once)."""
    kinds = {k: {o.name for o in ex.orgs if o.kind == k} for k in ("agency", "mediation", "organization")}
    return {
        "regions": len({r.official or r.name for r in ex.regions}),
        "agencies": len(kinds["agency"]),
        "mediation": len(kinds["mediation"]),
        "orgs": len(kinds["organization"]),
        "policies": len({p.title for p in ex.policies}),
        "initiatives": len({i.name for i in ex.initiatives}),
        "outcomes": len(ex.outcomes),
        "challenges": len(ex.challenges),
    }
