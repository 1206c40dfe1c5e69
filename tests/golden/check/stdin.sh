# The caseload on standard input (--caseload -): rows are named "-:LINE".
"$CINPLAN" check --caseload - --as-of 2026-11-25 --format csv <duplicate.csv
