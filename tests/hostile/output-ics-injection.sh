# iCalendar injection: a case reference or worker holding a line break
# and a property ("X\r\nATTENDEE:evil", "W\nBEGIN:VALARM") must stay
# inside SUMMARY and DESCRIPTION, escaped (RFC 5545 3.3.11), never start
# a line of its own.  From a caseload such cells are refused (control
# characters), and so are such --case-id and --worker values (issue 19
# round two, 6: status 2, no calendar); the writer's escaping of them is
# tested in tests/unit/test_out_ics.c.  Export gets the ';' ',' and ':'
# of in/formula.csv, which must be escaped too.
cd "$WORK" || exit 1
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 \
    --as-of 2026-11-22 --until 2026-12-31 --format ics \
    --case-id "$(printf 'X\r\nATTENDEE:evil')" \
    --worker "$(printf 'W\nBEGIN:VALARM')" >one.ics
echo "schedule status $?"
"$CINPLAN" export --caseload "$OLDPWD/in/formula.csv" --as-of 2026-11-22 \
    --until 2026-12-31 -o all.ics 2>/dev/null
echo "export status $?"
for f in one.ics all.ics; do
	# Unfold (RFC 5545 3.1), then look at whole content lines.
	tr -d '\r' <"$f" | awk '/^[ \t]/ { l = l substr($0, 2); next }
	    { if (NR > 1) print l; l = $0 } END { print l }' >"$f.u"
	echo "$f: $(grep -c '^ATTENDEE' "$f.u") ATTENDEE lines," \
	    "$(grep -c '^BEGIN:VALARM' "$f.u") VALARM lines," \
	    "$(grep -c '^BEGIN:VEVENT' "$f.u") events"
	# Property names are only those the writer emits.
	sed 's/[;:].*//' "$f.u" | sort -u | tr '\n' ' '
	echo
done
grep -m1 '^SUMMARY' one.ics.u
grep -m1 -o 'Case: .\{0,24\}' one.ics.u
grep -m1 -o 'Worker: .\{0,24\}' one.ics.u
grep -m1 '^SUMMARY:X' all.ics.u
grep -m1 -o 'Worker: W.\{0,24\}' all.ics.u
