# --alarm: one VALARM in every event, DAYS days before its start.
for d in 2 0; do
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
	    --as-of 2026-11-25 --until 2026-12-20 --kind visit --alarm "$d" \
	    -o - >"$WORK/x.ics"
	echo "--alarm $d: status $?"
	echo "events $(grep -c '^BEGIN:VEVENT' "$WORK/x.ics")"
	echo "alarms $(grep -c '^BEGIN:VALARM' "$WORK/x.ics")"
	tr -d '\r' <"$WORK/x.ics" | grep -E '^(TRIGGER|ACTION)' | sort | uniq -c
done
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
    --as-of 2026-11-25 --until 2026-12-20 --kind visit -o - >"$WORK/x.ics"
echo "no --alarm: alarms $(grep -c '^BEGIN:VALARM' "$WORK/x.ics")"
