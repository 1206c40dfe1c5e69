#!/bin/sh
# The main job on the shipped example: one case's schedule, the nightly
# check over a small caseload, and a calendar export.
# usage: sh examples/demo.sh ./cinplan
set -u
bin=${1:-./cinplan}
dir=$(dirname "$0")
asof=2026-11-22

say() { printf '\n$ %s\n' "$*"; }

# One case's schedule, its facts taken from its row of the caseload.
say cinplan schedule --caseload "$dir/caseload.csv" --case-id TB-1041 \
    --as-of $asof --until 2027-03-31
"$bin" schedule --caseload "$dir/caseload.csv" --case-id TB-1041 \
    --as-of $asof --until 2027-03-31 || exit 2

say cinplan check --caseload "$dir/caseload.csv" --as-of $asof
"$bin" check --caseload "$dir/caseload.csv" --as-of $asof
rc=$?
echo "(exit status $rc: 0 nothing overdue, 1 overdue, 3 rows rejected or" \
    "case references repeated)"

out=${TMPDIR:-/tmp}/cinplan-demo.ics
say cinplan export --caseload "$dir/caseload.csv" --as-of $asof -o "$out"
"$bin" export --caseload "$dir/caseload.csv" --as-of $asof -o "$out" ||
    exit 2
echo "$(grep -c '^BEGIN:VEVENT' "$out") events written to $out"
exit 0
