"""The usage ledger: one record per request, with hourly sums for reports."""
