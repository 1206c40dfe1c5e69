#!/bin/sh
# schedule --caseload FILE --case-id REF: the case's facts from its row, so
# a worker never retypes them.  A row must give the same schedule as the
# same facts given as options (those schedules are the golden, hand-worked
# ones); a reference not in the file, a closed case, a case on two rows, or
# facts given both ways are errors (exit 2) that say which.
#
# usage: sh tests/schedule-caseload.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
run() { LC_ALL=C NO_COLOR=1 CINPLAN_RULES= "$bin" "$@"; }

cat >"$tmp/cases.csv" <<'CSV'
case_id,profile,area,plan_type,worker,referral,assessment_completed,plan_decision,rcpc,first_meeting,last_review,reviews_held,closed
TB-1077,torbay,,,Sam Jones,2026-10-12,,,,,,0,
DN-2210,doncaster,,step-down-cp,Ali Khan,,,,2026-10-01,2026-10-20,,0,
BW-R-0042,berkshire-west,reading,,Priya Patel,2026-09-01,2026-10-20,2026-10-20,,2026-10-30,,0,
TB-0999,torbay,,,Sam Jones,2025-01-06,2025-02-03,,,2025-02-12,2025-09-30,5,2025-11-28
TB-2000,torbay,,,Sam Jones,2026-09-01,,,,,,0,
TB-2000,torbay,,,Sam Jones,2026-09-02,,,,,,0,
XX-0001,nowhere,,,Sam Jones,2026-09-02,,,,,,0,
CSV

# same NAME ROW-REF -- OPTIONS: the row and the options agree.
same() {
	name=$1 ref=$2
	shift 3
	for f in text json csv; do
		run schedule --caseload "$tmp/cases.csv" --case-id "$ref" \
		    --as-of 2026-11-22 --format $f >"$tmp/row" 2>"$tmp/err"
		st=$?
		run schedule --case-id "$ref" "$@" --as-of 2026-11-22 \
		    --format $f >"$tmp/opts" 2>/dev/null
		[ $st -eq 0 ] && [ ! -s "$tmp/err" ] &&
		    cmp -s "$tmp/row" "$tmp/opts" && ok ||
		    bad "$name ($f): exit $st, row and options differ"
	done
}

same "referral only" TB-1077 -- --profile torbay --referral 2026-10-12 \
    --worker "Sam Jones"
same "step-down" DN-2210 -- --profile doncaster --plan-type step-down-cp \
    --rcpc 2026-10-01 --first-meeting 2026-10-20 --worker "Ali Khan"
same "area" BW-R-0042 -- --profile berkshire-west --area reading \
    --referral 2026-09-01 --assessment-completed 2026-10-20 \
    --plan-decision 2026-10-20 --first-meeting 2026-10-30 \
    --worker "Priya Patel"

# Standard input, a column mapping and a default profile: a case system's
# export of one authority, as it comes.
cat >"$tmp/columns.ini" <<'INI'
case_id = Case Ref
worker = Allocated Worker
referral = Referral Date
INI
printf 'Case Ref,Allocated Worker,Referral Date\r\nTB-1077,Sam Jones,12/10/2026\r\n' |
    run schedule --caseload - --columns "$tmp/columns.ini" --profile torbay \
    --dates uk --case-id TB-1077 --as-of 2026-11-22 >"$tmp/row" 2>"$tmp/err"
st=$?
run schedule --profile torbay --referral 2026-10-12 --worker "Sam Jones" \
    --case-id TB-1077 --as-of 2026-11-22 >"$tmp/opts"
[ $st -eq 0 ] && cmp -s "$tmp/row" "$tmp/opts" && ok ||
    bad "mapped export on standard input: exit $st $(cat "$tmp/err")"

# fails NAME WANT-MESSAGE ARGS...: exit 2, the message, nothing on stdout.
fails() {
	name=$1 want=$2
	shift 2
	run schedule "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st -eq 2 ] && grep -qF -- "$want" "$tmp/err" && [ ! -s "$tmp/out" ] &&
	    ok || bad "$name: exit $st, stderr: $(head -1 "$tmp/err")"
}

fails "not there" "cases.csv: no case TB-9" \
    --caseload "$tmp/cases.csv" --case-id TB-9
fails "closed" "cases.csv:5: case TB-0999 is closed: nothing is due" \
    --caseload "$tmp/cases.csv" --case-id TB-0999
fails "two rows" "case TB-2000 is on more than one row (lines 6 and 7)" \
    --caseload "$tmp/cases.csv" --case-id TB-2000
fails "facts both ways" "--referral: with --caseload the case's row" \
    --caseload "$tmp/cases.csv" --case-id TB-1077 --referral 2026-10-12
fails "no case id" "--caseload needs --case-id" \
    --caseload "$tmp/cases.csv"
fails "columns alone" "--columns goes with --caseload" \
    --profile torbay --referral 2026-10-12 --columns "$tmp/columns.ini"
fails "other profile" "no case DN-2210 with --profile torbay" \
    --caseload "$tmp/cases.csv" --case-id DN-2210 --profile torbay
fails "row rejected" "case XX-0001 could not be scheduled (see above)" \
    --caseload "$tmp/cases.csv" --case-id XX-0001
grep -qF "cases.csv:8: unknown profile 'nowhere'" "$tmp/err" && ok ||
    bad "row rejected: the row's fault not named: $(head -1 "$tmp/err")"

# -o: the old file is kept when the case cannot be scheduled.
echo keep >"$tmp/out.txt"
run schedule --caseload "$tmp/cases.csv" --case-id TB-9 -o "$tmp/out.txt" \
    2>/dev/null
[ "$(cat "$tmp/out.txt")" = keep ] && ok || bad "-o: old file replaced"

echo "schedule --caseload: $pass passed, $fail failed"
[ $fail -eq 0 ]
