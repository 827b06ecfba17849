"""Everything written from a graph: the export files (Turtle, TriG, N-Quads, JSON-LD, CSV,
GraphML), the interactive page and its subsets (view), comparisons, the build summary."""
