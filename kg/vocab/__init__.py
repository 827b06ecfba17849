"""Vocabulary: the typed word lists (data/*.tsv) and their loader, the gazetteer of
administrative divisions, the governance-area scheme and the ontology's namespaces.
Every other stage reads these; this stage imports no other."""
