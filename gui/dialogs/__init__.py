"""The application's dialogs that are not a record's form: sign-in, accounts, settings,
the first run, the code lists, about, a record's history."""
