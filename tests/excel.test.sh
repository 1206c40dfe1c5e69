#!/bin/sh
# --excel: CSV that Excel opens with its accents intact.  Excel reads a
# CSV file without a byte-order mark in the system's code page ("SiobhÃ¡n"
# for "Siobhán") and expects CRLF line ends.  Each CSV form (schedule,
# check, check --summary, census) must, with --excel, be the same rows as
# without it, with a UTF-8 byte-order mark first and every line ended by
# CR LF; --excel with any other format is a usage error.
#
# usage: sh tests/excel.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
ll=$top/examples/liquidlogic
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

run() { LC_ALL=C CINPLAN_RULES= "$bin" "$@"; }

# name, then the command: compare its --excel output with its plain one.
same() {
	name=$1
	shift
	run "$@" --format csv >"$tmp/plain" 2>/dev/null
	run "$@" --format csv --excel >"$tmp/excel" 2>/dev/null
	[ -s "$tmp/plain" ] || { bad "$name: no plain output"; return; }
	bom=$(head -c 3 "$tmp/excel" | od -An -tx1 | tr -d ' \n')
	[ "$bom" = efbbbf ] && ok || bad "$name: starts $bom, not a BOM"
	# Every line ends CR LF: as many CRs as LFs, each before its LF.
	lf=$(tr -cd '\n' <"$tmp/excel" | wc -c)
	crlf=$(grep -c "$(printf '\r')\$" "$tmp/excel")
	[ "$lf" -gt 0 ] && [ "$lf" -eq "$crlf" ] && ok ||
	    bad "$name: $crlf of $lf lines end CR LF"
	tail -c +4 "$tmp/excel" | tr -d '\r' >"$tmp/stripped"
	cmp -s "$tmp/stripped" "$tmp/plain" && ok ||
	    bad "$name: rows differ from the plain CSV"
}

same schedule schedule --profile torbay --referral 2026-08-03 \
    --assessment-completed 2026-09-01 --first-meeting 2026-09-10 \
    --as-of 2026-11-22
same check check --columns "$ll/columns.ini" --profile torbay \
    --dates uk --as-of 2026-11-23 "$ll/open-cin-cases.csv"
same summary check --columns "$ll/columns.ini" --profile torbay \
    --dates uk --as-of 2026-11-23 --summary "$ll/open-cin-cases.csv"
same census census "$top/examples/census-sample.xml" --as-of 2026-03-31

# The accents come through as UTF-8 (the export's "O'Brien, Siobhán").
run check --columns "$ll/columns.ini" --profile torbay --dates uk \
    --as-of 2026-11-23 --format csv --excel "$ll/open-cin-cases.csv" \
    >"$tmp/excel" 2>/dev/null
grep -q "Siobhán" "$tmp/excel" && ok || bad "check: accent not UTF-8"

for f in text json; do
	run check --format $f --excel "$ll/open-cin-cases.csv" \
	    >/dev/null 2>"$tmp/err"
	st=$?
	[ $st -eq 2 ] && grep -q -- '--excel goes with --format csv' \
	    "$tmp/err" && ok || bad "--excel --format $f: exit $st"
done

echo "excel: $pass passed, $fail failed"
[ $fail -eq 0 ]
