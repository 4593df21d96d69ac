"""Stage 2: turn reports into structured claims (arrives with issue 3)."""

__all__: list[str] = []
