"$CINPLAN" check - --as-of 2026-11-25 < clean.csv
