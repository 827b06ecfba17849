"""Where the vocabulary lives and what it says: namespaces, the area scheme, the shapes."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDF, SKOS


def _ontology_dir() -> Path:
    """The vocabulary folder: ``ontology/`` beside the package in a checkout, else the copy an
    installed wheel carries as ``kg.vocab.ontology_files`` (pyproject.toml maps the one onto
    the other)."""
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if (checkout / "lgkg.ttl").is_file():
        return checkout
    spec = importlib.util.find_spec("kg.vocab.ontology_files")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise RuntimeError("the lgkg vocabulary (ontology/lgkg.ttl) is neither beside the package nor installed")


ONTOLOGY_DIR = _ontology_dir()

LGKG = Namespace("https://w3id.org/lgkg/ontology#")
ID = Namespace("https://w3id.org/lgkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {"lgkg": LGKG, "id": ID, "skos": SKOS, "oa": OA, "prov": PROV, "org": ORG, "qb": QB}


def ontology_file(name: str) -> Path:
    return ONTOLOGY_DIR / name


@cache
def area_scheme() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The governance areas as (IRI, Chinese prefLabel, keywords), in file order."""
    g = Graph()
    g.parse(ontology_file("areas.ttl"), format="turtle")
    out = []
    for concept in sorted(g.subjects(RDF.type, LGKG.GovernanceArea), key=str):
        zh = next(str(lbl) for lbl in g.objects(concept, SKOS.prefLabel) if lbl.language == "zh")
        keywords = tuple(
            sorted({str(k) for k in g.objects(concept, SKOS.altLabel)}, key=lambda k: (-len(k), k))
        )
        out.append((str(concept), zh, keywords))
    return tuple(out)


def area_iri(label: str) -> str | None:
    """The concept IRI of an area given its Chinese label."""
    for iri, zh, _ in area_scheme():
        if zh == label:
            return iri
    return None
