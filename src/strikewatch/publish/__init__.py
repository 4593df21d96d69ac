"""Stage 5: what strikewatch publishes — exports, feeds, tallies for the public."""

from strikewatch.publish.reports_export import FORMATS as REPORT_FORMATS
from strikewatch.publish.reports_export import export_reports

__all__ = ["REPORT_FORMATS", "export_reports"]
