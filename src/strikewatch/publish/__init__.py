"""Stage 5: what strikewatch publishes — exports, feeds, tallies for the public."""

from strikewatch.publish.claims_export import export_claims
from strikewatch.publish.incidents_export import export_incidents
from strikewatch.publish.reports_export import FORMATS as REPORT_FORMATS
from strikewatch.publish.reports_export import export_reports

__all__ = ["REPORT_FORMATS", "export_claims", "export_incidents", "export_reports"]
