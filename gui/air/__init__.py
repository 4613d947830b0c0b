"""The Air page (issue 21): air quality against targets beside the enforcement work."""
