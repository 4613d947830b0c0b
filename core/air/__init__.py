"""Air quality beside enforcement (issue 21): monitoring data per station and unit, the
national methods (HJ 633-2012 AQI, HJ 663-2013 and GB 3095-2012 assessments), targets against
the same period a year before, interviews and restrictions, and the return of targets.

Modules: `aqi` (the index), `sources` and `measurements` (import), `stations` (units),
`assessment` (periods, percentiles, validity, composite index, ranking), `targets`,
`interviews`, `rankings` (published city lists), `enforcement` (problems and cases beside
each unit), `return_form` (空气质量改善目标完成情况表), `demo`.
"""
