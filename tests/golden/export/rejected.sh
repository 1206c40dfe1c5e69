# A rejected row: exit 3, the other rows are still exported and the file
# is written.
cp small.csv "$WORK/" && cd "$WORK" || exit 125
{ cat small.csv; echo 'X9,nowhere,,Sam Jones,2026-08-03,,,,,'; } >rejected.csv
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload rejected.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o x.ics
echo "status $?"
echo "events $(grep -c '^BEGIN:VEVENT' x.ics)"
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o - >clean.ics 2>/dev/null
cmp clean.ics x.ics && echo "x.ics is small.csv's calendar"
