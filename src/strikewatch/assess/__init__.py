"""Stage 4: grade incidents, civilian-harm ranges, tallies, provenance, estimates."""

from strikewatch.assess.estimate import (
    CaptureHistories,
    Estimate,
    estimate,
    estimate_lcmcr,
    estimate_loglinear,
)
from strikewatch.assess.grade import AssessSummary, assess_incident, assess_incidents
from strikewatch.assess.lists import capture_histories, incident_memberships
from strikewatch.assess.rubric import Assessment, Rubric, assess, rubric
from strikewatch.assess.tally import ALLEGED, DIMENSIONS, LIKELY, Tally, TallyRow, tally
from strikewatch.assess.verify import VerifyReport, explain, verify

__all__ = [
    "ALLEGED",
    "DIMENSIONS",
    "LIKELY",
    "AssessSummary",
    "Assessment",
    "CaptureHistories",
    "Estimate",
    "Rubric",
    "Tally",
    "TallyRow",
    "VerifyReport",
    "assess",
    "assess_incident",
    "assess_incidents",
    "capture_histories",
    "estimate",
    "estimate_lcmcr",
    "estimate_loglinear",
    "explain",
    "incident_memberships",
    "rubric",
    "tally",
    "verify",
]
