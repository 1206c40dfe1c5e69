# Issue 19, 8: a feed that is valid JSON but lists one event a year would
# write a remove line for every other standard bank holiday, after which
# Christmas 2026 would be a working day.  GOV.UK has never moved more than
# one holiday in a year (cinplan(1), holidays --import), so a year that
# leaves out more is refused, nothing is written, and the data in use is
# as it was.  With --allow-missing it is imported as asked.
cp in/json-one-a-year.json "$WORK/feed.json"
cd "$WORK" || exit 1
"$CINPLAN" holidays --import feed.json -o data
echo "status $?"
ls -A
"$CINPLAN" holidays --import feed.json --allow-missing -o data 2>/dev/null
echo "with --allow-missing: status $?"
grep -c '^remove 2026-' data
"$CINPLAN" holidays 2026-12-25 2026-12-25 --holidays data
echo "Christmas 2026 listed: $?"
