# Without SOURCE_DATE_EPOCH the time stamp is midnight UTC of the as-of date.
"$CINPLAN" export --caseload small.csv --as-of 2026-11-25 --until 2026-12-04 \
    -o - | tr -d '\r' | grep '^DTSTAMP' | sort | uniq -c
