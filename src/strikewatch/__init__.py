"""strikewatch: casualty recording for air and artillery strikes.

Library first: everything the command line and the web app do is a function here.
"""

from strikewatch.config import Settings
from strikewatch.errors import InputProblem, StrikewatchError
from strikewatch.model import ClaimDraft, ReportDraft, ReportKind, Visibility

__version__ = "0.1.0"

__all__ = [
    "ClaimDraft",
    "InputProblem",
    "ReportDraft",
    "ReportKind",
    "Settings",
    "StrikewatchError",
    "Visibility",
    "__version__",
]
