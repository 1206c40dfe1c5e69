#!/bin/sh
# ics-readers.test.sh: a sequence of exports driven by a changing
# caseload, read back by two more independent iCalendar readers: Python's
# icalendar (Debian's python3-icalendar, with Debian's own /usr/bin/python3,
# through tests/ics-readers.py) and khal, whose "import --batch" updates a
# calendar by UID as a calendar program does.  Both the whole export
# (-o FILE) and the calendars by worker (--split worker -o DIR) are read.
#
#   sh tests/ics-readers.test.sh ./cinplan      (from the top of the tree)
#
# The caseload is tests/golden/export/caseload.csv, as of Wed 2026-11-25,
# up to 2026-12-20, with --alarm 2; its dates are worked out by hand in
# tests/golden/export/README.md.  The exports:
#   1. as it is, X4 closed;
#   2. X1's last visit moves from Mon 11-02 to Mon 11-09: its next visit
#      moves from Mon 11-30 to Mon 12-07, same UID, SEQUENCE 1;
#   3. X2 closes too: its assessment (Mon 11-30) and projected first
#      meeting (Mon 12-14) come back CANCELLED, SEQUENCE 1, no alarm.
# Minutes, notices and milestones are left out (--kind): 15 events.
# Held items sit on the day they were held (X1's assessment Mon 09-28, not
# its due date Tue 10-06); projected ones (X2's first meeting, X3's
# written update 5) are TENTATIVE with "(provisional)" in the title;
# alarms (2 days before) only on items not held, not overdue and due on
# or after the as-of date: X1's visit, X2's two items, X3's review 4 (due
# that very day) and visit; 5 in all, 3 once X2 closes.
#
# A reader that is not installed is reported as SKIP (tools/deps.sh
# installs both on Debian); any other problem is a failure.

cinplan=${1:-./cinplan}
case $cinplan in /*) ;; *) cinplan=$(pwd)/$cinplan ;; esac
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
py=/usr/bin/python3

have_py=1
have_khal=1
if ! "$py" -c 'import icalendar' >/dev/null 2>&1; then
	echo "SKIP: ics-readers: $py cannot import icalendar (python3-icalendar)"
	have_py=0
fi
if ! command -v khal >/dev/null 2>&1; then
	echo "SKIP: ics-readers: khal is not installed"
	have_khal=0
fi
[ $have_py -eq 1 ] || [ $have_khal -eq 1 ] || exit 0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cinplan-readers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH CINPLAN_RULES
fail=0
FAIL() {
	echo "FAIL: ics-readers: $*"
	fail=1
}

# The events of export 1, by hand (see above and the golden README):
# UID DTSTART DTEND SEQUENCE STATUS ALARMS, sorted.
cat >"$tmp/want1" <<'WANT'
X1.torbay.assessment.1@cinplan 20260928 20260929 0 CONFIRMED 0
X1.torbay.first-meeting.1@cinplan 20261009 20261010 0 CONFIRMED 0
X1.torbay.review.1@cinplan 20261120 20261121 0 CONFIRMED 0
X1.torbay.visit.next@cinplan 20261130 20261201 0 CONFIRMED 1
X2.berkshire-west.assessment.1@cinplan 20261130 20261201 0 CONFIRMED 1
X2.berkshire-west.first-meeting.1@cinplan 20261214 20261215 0 TENTATIVE 1
X3.doncaster.assessment.1@cinplan 20260727 20260728 0 CONFIRMED 0
X3.doncaster.first-meeting.1@cinplan 20260805 20260806 0 CONFIRMED 0
X3.doncaster.review.4@cinplan 20261125 20261126 0 CONFIRMED 1
X3.doncaster.visit.next@cinplan 20261203 20261204 0 CONFIRMED 1
X3.doncaster.written-update.1@cinplan 20260803 20260804 0 CONFIRMED 0
X3.doncaster.written-update.4@cinplan 20261026 20261027 0 CONFIRMED 0
X3.doncaster.written-update.5@cinplan 20261123 20261124 0 TENTATIVE 0
X5.south-west.assessment.1@cinplan 20260720 20260721 0 CONFIRMED 0
X5.south-west.first-meeting.1@cinplan 20260727 20260728 0 CONFIRMED 0
X5.south-west.review.1@cinplan 20260821 20260822 0 CONFIRMED 0
X5.south-west.review.2@cinplan 20261120 20261121 0 CONFIRMED 0
WANT
sed 's/^X1.torbay.visit.next@cinplan .*/X1.torbay.visit.next@cinplan 20261207 20261208 1 CONFIRMED 1/' \
    "$tmp/want1" >"$tmp/want2"
sed -e 's/^\(X2[^ ]* [0-9]* [0-9]*\) 0 [A-Z]* 1$/\1 1 CANCELLED 0/' \
    "$tmp/want2" >"$tmp/want3"
# The calendars by worker hold the same events, each in its worker's file.
for n in 1 2 3; do
	awk '{ f = $1 ~ /^X1\./ ? "sam-jones" : $1 ~ /^X3\./ ? \
	    "priya-patel" : "ali-khan"; print f ".ics " $0 }' \
	    "$tmp/want$n" | sort >"$tmp/want$n.split"
done

csv=$top/tests/golden/export/caseload.csv
cp "$csv" "$tmp/step1.csv" || exit 1
sed 's/^\(X1,.*\),2026-11-02,$/\1,2026-11-09,/' "$tmp/step1.csv" >"$tmp/step2.csv"
sed 's/^\(X2,.*\),$/\1,yes/' "$tmp/step2.csv" >"$tmp/step3.csv"
cmp -s "$tmp/step1.csv" "$tmp/step2.csv" && FAIL "step 2 changed nothing"
cmp -s "$tmp/step2.csv" "$tmp/step3.csv" && FAIL "step 3 changed nothing"

# khal, in a throwaway configuration: one calendar for the whole export,
# one that every worker's calendar is imported into.
if [ $have_khal -eq 1 ]; then
	mkdir -p "$tmp/home" "$tmp/vdir/all" "$tmp/vdir/team"
	cat >"$tmp/khal.conf" <<CONF
[calendars]
[[all]]
path = $tmp/vdir/all
type = calendar
[[team]]
path = $tmp/vdir/team
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
[sqlite]
path = $tmp/khal.db
CONF
fi
khal_() {
	HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home \
	    khal -c "$tmp/khal.conf" "$@"
}
# What a khal calendar holds: UID DTSTART STATUS, sorted; khal shows an
# all-day event's last day, the day before DTEND.
khal_list() {
	khal_ list -a "$1" --once --day-format '' \
	    --format '{uid} {start-date} {end-date} {status}' \
	    2026-01-01 2027-12-31 | awk 'NF { gsub(/-/, "", $2);
	    gsub(/-/, "", $3); print $1, $2, $3, $4 }' | sort
}

mkdir "$tmp/split" || exit 1
kinds=assessment,first-meeting,review,visit,written-update
for n in 1 2 3; do
	if ! "$cinplan" export "$tmp/step$n.csv" --as-of 2026-11-25 \
	    --until 2026-12-20 --alarm 2 --kind "$kinds" -o "$tmp/all.ics" \
	    2>"$tmp/err" ||
	    ! "$cinplan" export "$tmp/step$n.csv" --as-of 2026-11-25 \
	    --until 2026-12-20 --alarm 2 --kind "$kinds" --split worker \
	    -o "$tmp/split" \
	    2>>"$tmp/err"; then
		FAIL "export $n:"
		sed 's/^/    /' "$tmp/err"
		continue
	fi
	if [ $have_py -eq 1 ]; then
		"$py" "$top/tests/ics-readers.py" 2026-11-25 2 "$tmp/all.ics" \
		    >"$tmp/got" 2>&1
		if ! cmp -s "$tmp/want$n" "$tmp/got"; then
			FAIL "icalendar, export $n, -o FILE (- wanted, + read):"
			diff -u "$tmp/want$n" "$tmp/got" | sed '1,2d; s/^/    /'
		fi
		"$py" "$top/tests/ics-readers.py" 2026-11-25 2 --name \
		    "$tmp"/split/*.ics >"$tmp/got" 2>&1
		if ! cmp -s "$tmp/want$n.split" "$tmp/got"; then
			FAIL "icalendar, export $n, --split (- wanted, + read):"
			diff -u "$tmp/want$n.split" "$tmp/got" |
			    sed '1,2d; s/^/    /'
		fi
	fi
	[ $have_khal -eq 1 ] || continue
	# Each export imported over the last, as a calendar program would.
	if ! khal_ import --batch -a all "$tmp/all.ics" >"$tmp/err" 2>&1 ||
	    ! khal_ import --batch -a team "$tmp"/split/*.ics \
	    >>"$tmp/err" 2>&1; then
		FAIL "khal import, export $n:"
		sed 's/^/    /' "$tmp/err"
		continue
	fi
	# khal shows the last day of an event, DTEND less one: for these
	# one-day events, DTSTART.
	awk '{ print $1, $2, $2, $5 }' "$tmp/want$n" >"$tmp/want$n.khal"
	for cal in all team; do
		khal_list $cal >"$tmp/got"
		if ! cmp -s "$tmp/want$n.khal" "$tmp/got"; then
			FAIL "khal, export $n, calendar $cal (- wanted, + read):"
			diff -u "$tmp/want$n.khal" "$tmp/got" |
			    sed '1,2d; s/^/    /'
		fi
	done
done

# What khal keeps of the moved and the cancelled events.
if [ $have_khal -eq 1 ]; then
	for cal in all team; do
		f=$tmp/vdir/$cal/X1.torbay.visit.next@cinplan.ics
		got=$(tr -d '\r' <"$f" 2>/dev/null |
		    grep -E '^(DTSTART|SEQUENCE)' | tr '\n' ' ')
		[ "$got" = "DTSTART;VALUE=DATE:20261207 SEQUENCE:1 " ] ||
		    FAIL "khal $cal: the moved visit holds '$got'"
		f=$tmp/vdir/$cal/X2.berkshire-west.assessment.1@cinplan.ics
		got=$(tr -d '\r' <"$f" 2>/dev/null |
		    grep -E '^(STATUS|SEQUENCE)' | tr '\n' ' ')
		[ "$got" = "SEQUENCE:1 STATUS:CANCELLED " ] ||
		    FAIL "khal $cal: X2's assessment holds '$got'"
	done
fi

if [ $fail -ne 0 ]; then
	echo "ics-readers: FAILED"
	exit 1
fi
echo "ics-readers: all passed"
