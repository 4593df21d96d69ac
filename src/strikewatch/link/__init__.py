"""Stage 3: link claims about one strike into incidents (arrives with issue 4)."""

__all__: list[str] = []
