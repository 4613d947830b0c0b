"""A problem's detail beside the ledger's list: its fields and the steps this operator may
take (detail), its measures and deadline extensions (rectification), its photos and files
(photos). Loaded when the first problem is opened, not at start-up."""
