"""The web app: public site, API, live feed (arrives with issue 6)."""

__all__: list[str] = []
