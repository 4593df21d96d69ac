"""The web app: public site, JSON API, live feed and downloads (``create_app``)."""

from strikewatch.web.app import create_app

__all__ = ["create_app"]
