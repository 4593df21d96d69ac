"""Stage 4: grade incidents, ranges, tallies, estimates (arrives with issue 5)."""

__all__: list[str] = []
