# A header without case_id: the file is not read at all (exit 2).  Only
# standard error and the status are held to here; see README.md for what
# is printed on standard output.
"$CINPLAN" check --caseload no-case-id.csv --as-of 2026-11-25 >/dev/null
