#!/bin/sh
# The shipped Liquidlogic-style export (examples/liquidlogic/), 60 cases
# as a case system writes them: headings of its own ("Case Ref",
# "Referral Date", ...), no profile column, dates as 05/01/2026, 5/1/2026
# and 2026-01-05 00:00:00, workers as "Surname, Firstname", a byte-order
# mark and CRLF.  It must go through check and export with its one mapping
# file and nothing edited by hand, with the findings worked out by hand in
# examples/liquidlogic/expected.csv.
#
# usage: sh tests/liquidlogic.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(cd "$(dirname "$0")/../examples/liquidlogic" && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

run() {
	LC_ALL=C CINPLAN_RULES= "$bin" "$@" --columns "$dir/columns.ini" \
	    --profile torbay --as-of 2026-11-23 "$dir/open-cin-cases.csv"
}

run check --dates uk --format csv >"$tmp/out.csv" 2>"$tmp/err"
st=$?
[ $st -eq 1 ] && ok || bad "liquidlogic: check exited $st, want 1"
[ -s "$tmp/err" ] && bad "liquidlogic: check: $(cat "$tmp/err")" || ok

# The findings: case_id, worker, kind, seq, due, status, working_days.
/usr/bin/python3 -c 'import csv, sys
r = csv.reader(open(sys.argv[1], newline=""))
next(r)
w = csv.writer(sys.stdout, lineterminator="\n")
for f in r:
    w.writerow([f[0], f[3], f[4], f[5], f[6], f[7], f[9]])
' "$tmp/out.csv" >"$tmp/got"
grep -v '^#' "$dir/expected.csv" >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/got"; then
	ok
else
	bad "liquidlogic: findings differ (- expected, + got):"
	diff -u "$tmp/want" "$tmp/got" | sed 1,2d
fi

run check --dates uk 2>/dev/null | tail -n 1 >"$tmp/last"
want='15 overdue, 10 due within 5 working days, in 57 open cases (3 closed, 0 rows rejected) as of 2026-11-23'
grep -qF "$want" "$tmp/last" && ok ||
    bad "liquidlogic: closing line: $(cat "$tmp/last")"

# The shared calendar, from the same file and mapping.
run export --dates uk -o "$tmp/cal.ics" >/dev/null 2>"$tmp/err"
st=$?
[ $st -eq 0 ] && ok || bad "liquidlogic: export exited $st: $(cat "$tmp/err")"
grep -qF "cinplan: exported 57 open cases (3 closed, 0 rows rejected)" \
    "$tmp/err" && ok || bad "liquidlogic: export said: $(cat "$tmp/err")"
n=$(grep -c '^BEGIN:VEVENT' "$tmp/cal.ics")
[ "$n" -gt 57 ] && ok || bad "liquidlogic: $n events for 57 open cases"
for c in LL4007 LL4392 LL4413; do
	grep -q "^UID:$c" "$tmp/cal.ics" || grep -q "$c" "$tmp/cal.ics" ||
	    bad "liquidlogic: no event of $c"
done
grep -q "LL4140\|LL4406\|LL4420" "$tmp/cal.ics" &&
    bad "liquidlogic: a closed case is in the calendar" || ok

# Without --dates uk the rows with UK dates are rejected, and the message
# says to use it once, not on every row.  Every one of the 60 rows has such
# a date, so no row is left to check: that is an error (status 2, and the
# last message says so), not a report with rows rejected (3), so that a
# nightly job does not publish an empty report (cinplan(1) EXIT STATUS).
run check >/dev/null 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && ok || bad "liquidlogic: check without --dates uk exited $st"
tail -n 1 "$tmp/err" | grep -qF 'open-cin-cases.csv: no usable row: all 60 rows rejected' &&
    ok || bad "liquidlogic: without --dates uk: $(tail -n 1 "$tmp/err")"
n=$(grep -c 'use --dates uk' "$tmp/err")
[ "$n" -eq 1 ] && ok || bad "liquidlogic: the --dates uk hint $n times"

# Without the mapping the error lists the headings found.
LC_ALL=C "$bin" check --profile torbay --dates uk --as-of 2026-11-23 \
    "$dir/open-cin-cases.csv" >/dev/null 2>"$tmp/err"
st=$?
[ $st -eq 2 ] && ok || bad "liquidlogic: check without --columns exited $st"
grep -qF "open-cin-cases.csv:1: no 'case_id' column (the headings are 'Case Ref', 'Team', 'Allocated Worker'," \
    "$tmp/err" && ok || bad "liquidlogic: without --columns: $(cat "$tmp/err")"

echo "liquidlogic: $pass passed, $fail failed"
[ $fail -eq 0 ]
