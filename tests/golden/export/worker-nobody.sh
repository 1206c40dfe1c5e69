# A --worker that names nobody is a mistake (exit 2, with a suggestion),
# and the calendar already there is kept as it was, not emptied.
"$CINPLAN" export --caseload caseload.csv --as-of 2026-11-25 \
    -o "$WORK/team.ics" 2>/dev/null
echo "first export: status $?"
cp "$WORK/team.ics" "$WORK/before.ics"
"$CINPLAN" export --caseload caseload.csv --as-of 2026-11-25 \
    --worker 'Sam Jonse' -o "$WORK/team.ics"
echo "misspelt worker: status $?"
cmp -s "$WORK/team.ics" "$WORK/before.ics" && echo "calendar kept"
# Case is ignored: "sam jones" is the same worker as "Sam Jones".
for w in 'Sam Jones' 'sam jones'; do
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
	    --as-of 2026-11-25 --worker "$w" -o - 2>/dev/null >"$WORK/$w.ics"
done
cmp -s "$WORK/Sam Jones.ics" "$WORK/sam jones.ics" &&
    grep -q '^BEGIN:VEVENT' "$WORK/sam jones.ics" && echo "case ignored"
