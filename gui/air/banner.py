"""A line naming the units whose approvals stand suspended (限批) after an interview, for the
Overview: the restriction is shown where the manager looks first, not only on the Air page."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from core import dates
from core.air import interviews, stations
from core.changes import Changes

from ..i18n import tr


def restrictions(ledger) -> list[tuple[str, interviews.Interview]]:
    """Runs on the worker: (unit name, interview) of each restriction in force today."""
    today = dates.today().isoformat()
    found = []
    for code, held in sorted(interviews.of_units(ledger).items()):
        for interview in held:
            if interview.restricted_on(today):
                found.append((stations.unit_name(ledger, code), interview))
    return found


class RestrictionBanner(QLabel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("air_restrictions")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fdecea; color: #b3261e; padding: 4px 8px;"
                           " border-radius: 4px;")
        self.hide()
        ctx.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.touches("air_interview"):
            self.reload()

    def reload(self) -> None:
        self.ctx.db.op(restrictions).success(self._show).run()

    def _show(self, found) -> None:
        parts = [tr("{unit} since {day} ({by})").format(unit=name, day=i.restriction_from,
                                                         by=i.held_by) for name, i in found]
        self.setText(tr("Approvals suspended: {units}").format(units="；".join(parts)))
        self.setVisible(bool(found))
