"""Reporters: each reads a Report (factcheck.model) and renders one format.

json_report builds the Report from the pipeline's results and writes the JSON contract
(docs/REPORT_JSON.md); console, html, markdown and sarif render the same Report.
"""
