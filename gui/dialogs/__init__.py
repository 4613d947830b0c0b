"""The application's dialogs that are not a record's form: sign-in, accounts, settings,
the first run, the code lists, about, a record's history, and the 双随机 page's dialogs
(a class, an item, a draw, an officer)."""
