"""Stage 5: what strikewatch publishes — exports, feeds, tallies for the public."""

from strikewatch.publish.claims_export import export_claims
from strikewatch.publish.formats import FORMATS as INCIDENT_FORMATS
from strikewatch.publish.formats import export_incidents, export_incidents_as
from strikewatch.publish.reports_export import FORMATS as REPORT_FORMATS
from strikewatch.publish.reports_export import export_reports

__all__ = [
    "INCIDENT_FORMATS",
    "REPORT_FORMATS",
    "export_claims",
    "export_incidents",
    "export_incidents_as",
    "export_reports",
]
