"""Forms for each record, by name (drafts name the form they came from)."""
from __future__ import annotations

from .inspection import InspectionForm
from .records import BatchForm, CampaignForm, EnterpriseForm, PenaltyForm, ProblemForm

FORMS = {form.form_name: form for form in (
    EnterpriseForm, ProblemForm, InspectionForm, PenaltyForm, CampaignForm, BatchForm)}
