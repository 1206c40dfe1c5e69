#!/bin/sh
# cinplan under valgrind's memcheck: no invalid read or write, no use of
# uninitialised memory, no leak, for a representative run of each command
# (schedule in every format, check, export, census, profile check of every
# shipped profile, workdays, holidays).  Prints SKIP when valgrind is not
# installed, or when the binary is built with a sanitizer (make
# SANITIZE=1), which valgrind cannot run.  Known findings not yet fixed
# are suppressed by tests/valgrind.supp, each with its reason.
#
# usage: sh tests/valgrind.test.sh ./cinplan
# The last line is "valgrind: N passed, N failed".

LC_ALL=C
TZ=UTC
NO_COLOR=1
export LC_ALL TZ NO_COLOR
unset CINPLAN_RULES XDG_CONFIG_HOME SOURCE_DATE_EPOCH

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: sh tests/valgrind.test.sh ./cinplan" >&2
	exit 2
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: SKIP (valgrind is not installed)"
	exit 0
fi
if LC_ALL=C grep -a -q -e __asan_init -e __ubsan_handle "$1"; then
	echo "valgrind: SKIP ($1 is built with a sanitizer)"
	exit 0
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
tmp=$(mktemp -d 2>/dev/null) ||
    { tmp=${TMPDIR:-/tmp}/cinplan-valgrind.$$ && mkdir -m 700 "$tmp"; } || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
HOME=$tmp
export HOME

pass=0
fail=0
n=0

# Run cinplan with the words given under memcheck; cinplan's own exit
# status does not matter here, only what valgrind finds (status 99).
vg() {
	n=$((n + 1))
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --suppressions="$top/tests/valgrind.supp" \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --log-file="$tmp/vg.$n" "$bin" "$@" >/dev/null 2>"$tmp/err.$n" \
	    </dev/null
	if [ $? -eq 99 ] || [ -s "$tmp/vg.$n" ]; then
		fail=$((fail + 1))
		echo "FAIL cinplan $*"
		head -n 40 "$tmp/vg.$n"
	else
		pass=$((pass + 1))
	fi
}

cd "$top" || exit 2
case1="--profile torbay --case-id TB-1077 --referral 2026-10-12
    --assessment-completed 2026-12-11 --as-of 2026-11-22 --until 2027-03-31"
for fmt in text json csv ics html; do
	# shellcheck disable=SC2086
	vg schedule $case1 --format $fmt --alarm 2
done
vg schedule --profile berkshire-west/west-berkshire --referral 2022-04-04 \
    --plan-decision 2022-05-27 --first-meeting 2022-06-10 \
    --review 2022-09-09 --visit 2022-07-01 --as-of 2022-12-01 \
    --date-style uk
# shellcheck disable=SC2086
vg schedule $case1 --format html --audience family --title "Jo's plan"
vg check --caseload examples/caseload.csv --as-of 2026-11-22
vg check --caseload examples/caseload.csv --as-of 2026-11-22 --format json
vg check --caseload examples/caseload.csv --as-of 2026-11-22 --format csv
vg check --caseload examples/caseload.csv --as-of 2026-11-22 --format html
vg check --caseload tests/golden/check/hostile-names.csv --as-of 2026-11-25 \
    --format html --summary
vg check --caseload examples/caseload.csv --as-of 2026-11-22 --summary
vg check --caseload tests/hostile/in/bad-dates.csv --as-of 2026-11-22
vg export --caseload examples/caseload.csv --as-of 2026-11-22 \
    -o "$tmp/out.ics"
# A second export reads the first, to carry SEQUENCE on.
vg export --caseload examples/caseload.csv --as-of 2026-12-22 \
    -o "$tmp/out.ics"
vg census tests/data/census/several.xml --as-of 2022-03-31
vg census tests/data/census/several.xml --format html
vg census tests/data/census/broken.xml --format json
vg census tests/data/census/cin-census-sample-invalid.xml \
    --to-caseload "$tmp/c.csv" --profile torbay --as-of 1971-01-01
for p in rules/*.ini; do
	vg profile check "$p"
done
vg profile show berkshire-west
vg profile check tests/hostile/in/cycle-a.ini --rules tests/hostile/in
vg profiles
vg workdays add 2026-12-24 1
vg workdays between 2026-01-01 2026-12-31
vg holidays 2022
vg holidays --import tests/golden/holidays/govuk-2022-2023.json
vg holidays --import tests/hostile/in/json-truncated.json

echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
