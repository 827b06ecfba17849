"""Asking the graph: canned questions and parameters, the rdflib and pyoxigraph engines,
result formats, and the local SPARQL endpoint (serve)."""
