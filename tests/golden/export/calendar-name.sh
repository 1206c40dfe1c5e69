# --calendar-name sets X-WR-CALNAME; the default is "cinplan deadlines".
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 --calendar-name 'Team A CIN deadlines' \
    -o - | tr -d '\r' | grep '^X-WR-CALNAME'
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o - | tr -d '\r' | grep '^X-WR-CALNAME'
