# -o FILE: the calendar written whole, SEQUENCE carried from the file it
# replaces.  torbay, referral Mon 2026-10-12: the assessment is due 45
# working days later (1.2), Mon 2026-12-14 (Oct 13-16: 4; Oct 19 to Dec 11,
# eight weeks: 44; Dec 14: 45); the first meeting 10 working days after it
# (3.6), projected: Dec 15-18 (4), 21-24 (8), 25 and 28 bank holidays, 29
# (9), Wed 2026-12-30 (10), TENTATIVE.  Then the assessment is completed
# Fri 12-11: it is on that day, SEQUENCE 1, and the first meeting is no
# longer provisional, Dec 14-18 (5), 21-24 (9), Tue 2026-12-29, CONFIRMED,
# SEQUENCE 1.  The same again keeps SEQUENCE 1.  A file that is not a
# calendar is not replaced; a text schedule with -o is the one printed.
# The first export is as of Sun 2026-11-22, the others as of Tue
# 2026-12-15, after the completion: a fact cannot be ahead of as-of.
cd "$WORK" || exit 125
sched() {
	"$CINPLAN" schedule --profile torbay --case-id TB-1 \
	    --referral 2026-10-12 --kind assessment,first-meeting "$@"
}
n=0
for a in "" 2026-12-11 2026-12-11; do
	n=$((n + 1))
	d=2026-12-15
	[ -z "$a" ] && d=2026-11-22
	sched --as-of $d ${a:+--assessment-completed "$a"} --format ics \
	    -o x.ics
	echo "run $n: status $?"
	tr -d '\r' <x.ics | awk '
	/^BEGIN:VEVENT/ { u = d = s = st = "" }
	/^UID:/ { u = substr($0, 5) }
	/^DTSTART/ { d = substr($0, index($0, ":") + 1) }
	/^SEQUENCE:/ { s = substr($0, 10) }
	/^STATUS:/ { st = substr($0, 8) }
	/^END:VEVENT/ { print u, d, s, st }'
done
echo 'not a calendar' >notes.ics
sched --as-of 2026-11-22 --format ics -o notes.ics
echo "-o notes.ics: status $?, $(cat notes.ics)"
sched --as-of 2026-11-22 -o x.txt
echo "-o x.txt: status $?"
sched --as-of 2026-11-22 | cmp - x.txt && echo "x.txt is what is printed"
ls -A
