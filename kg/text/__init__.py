"""The one text layer: sections and sentences with offsets (document), and the patterns
every extractor shares: Han runs, quotes, 《》 titles, clauses, years and dates (patterns),
figures and Chinese numerals (numbers), traditional to simplified (normalize)."""
