# --worker: only Ali Khan's rows (X2, X5).
. ./events.subr
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
    --as-of 2026-11-25 --until 2026-12-20 --worker 'Ali Khan' -o - >"$WORK/x.ics"
echo "status $?"
echo "events $(grep -c '^BEGIN:VEVENT' "$WORK/x.ics")"
events "$WORK/x.ics"
