# --kind: one kind, then two given with a comma.
. ./events.subr
for k in visit first-meeting,review; do
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
	    --as-of 2026-11-25 --until 2026-12-20 --kind "$k" -o - >"$WORK/x.ics"
	echo "--kind $k: status $?, events $(grep -c '^BEGIN:VEVENT' "$WORK/x.ics")"
	events "$WORK/x.ics"
done
