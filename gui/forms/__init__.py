"""Forms for each record, by name (drafts name the form they came from).

Imported on first use: the forms pull in the core's validation, which start-up does not
need.
"""
from __future__ import annotations

import importlib

_MODULES = {
    "EnterpriseForm": ".records", "ProblemForm": ".records", "PenaltyForm": ".records",
    "CampaignForm": ".records", "BatchForm": ".records", "InspectionForm": ".inspection",
    "MeasureForm": ".measure", "ExtensionForm": ".extension",
    "TaskInspectionForm": ".random_task", "PlanForm": ".random_plan",
    "AcceptanceForm": ".acceptance",
    "InterviewForm": "..air.interview_form",
}
_NAMES = {"enterprise": "EnterpriseForm", "problem": "ProblemForm",
          "inspection": "InspectionForm", "penalty_case": "PenaltyForm",
          "campaign": "CampaignForm", "batch": "BatchForm",
          "measure": "MeasureForm", "extension": "ExtensionForm",
          "random_task": "TaskInspectionForm", "random_plan": "PlanForm",
          "acceptance": "AcceptanceForm", "air_interview": "InterviewForm"}


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(name)
    return getattr(importlib.import_module(_MODULES[name], __name__), name)


def form_class(form_name: str):
    """The form class a draft names, or None for a name this version does not know."""
    name = _NAMES.get(form_name)
    return __getattr__(name) if name else None
