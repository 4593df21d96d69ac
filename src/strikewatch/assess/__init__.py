"""Stage 4: grade incidents, civilian-harm ranges, tallies, provenance, estimates."""

from strikewatch.assess.grade import AssessSummary, assess_incident, assess_incidents
from strikewatch.assess.rubric import Assessment, Rubric, assess, rubric
from strikewatch.assess.tally import ALLEGED, DIMENSIONS, LIKELY, Tally, TallyRow, tally
from strikewatch.assess.verify import VerifyReport, explain, verify

__all__ = [
    "ALLEGED",
    "DIMENSIONS",
    "LIKELY",
    "AssessSummary",
    "Assessment",
    "Rubric",
    "Tally",
    "TallyRow",
    "VerifyReport",
    "assess",
    "assess_incident",
    "assess_incidents",
    "explain",
    "rubric",
    "tally",
    "verify",
]
