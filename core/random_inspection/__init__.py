"""双随机、一公开: random inspections drawn offline, verifiable by anyone, published on time.

The bureau keeps its supervision classes (`classes`), a directory of the enterprises it
supervises with the inspection items that apply (`directory`), a directory of its officers
with their declared conflicts of interest (`officers`), and plans naming a period and a share
per class (`plans`). A draw (`draw`) takes a seed from the plan, a canonical snapshot of the
directories and a value a witness types in, and derives the tasks from it by a documented
ranking anyone can re-compute (docs/random_inspection.md); each task becomes an inspection to
do (`tasks`), and the lists are published within a count of working days (`notices`).

Submodules are imported by their users; this package file imports nothing, so that
`core.enterprises` can ask `classes` to check a class without an import circle.
"""
