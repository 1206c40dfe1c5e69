# Spreadsheet formula injection: a case reference or worker that starts
# with =, +, -, @ or a tab is written with a leading apostrophe by
# check --format csv, so a spreadsheet shows it as text (the tab is
# trimmed from the cell on input, leaving '=').  ; , and \ stay as they
# are, quoted where RFC 4180 needs it.  Every row is overdue: status 1.
"$CINPLAN" check --caseload in/formula.csv --as-of 2026-11-22 --format csv
