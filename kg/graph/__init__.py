"""From extractions to RDF: resolve entities across reports (one node per real thing),
map records to triples in one place (rdf), check the result against the SHACL shapes."""
