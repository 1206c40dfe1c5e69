# The calendar is replaced only when the whole export succeeds: a failed
# export leaves the earlier file byte for byte as it was, and no temporary
# file behind.
cp small.csv "$WORK/" && cd "$WORK" || exit 125
printf 'ref,profile,referral\nA1,torbay,2026-08-03\n' >no-case-id.csv
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o x.ics
echo "first export: status $?, events $(grep -c '^BEGIN:VEVENT' x.ics)"
cp x.ics before.ics
for c in no-such.csv no-case-id.csv .; do
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload "$c" \
	    --as-of 2026-11-26 --until 2026-12-31 -o x.ics
	echo "--caseload $c: status $?"
	cmp before.ics x.ics && echo "x.ics unchanged"
done
# A file that is not an earlier export is not overwritten.
echo 'not a calendar' >notes.ics
cp notes.ics notes.before
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o notes.ics
echo "-o notes.ics: status $?"
cmp notes.before notes.ics && echo "notes.ics unchanged"
ls
