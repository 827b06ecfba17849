"""Reading input: bytes of .txt/.md/.html/.pdf/.docx into a Document, refusing what is
not readable with one line that says why."""
