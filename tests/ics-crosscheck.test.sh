#!/bin/sh
# ics-crosscheck.test.sh: read cinplan's iCalendar output with a second,
# independent parser: Mozilla's ical.js (Thunderbird's), beside libical,
# which wrote it.  See tests/ics-crosscheck.mjs for what is checked.
#
#   sh tests/ics-crosscheck.test.sh ./cinplan      (from the top of the tree)
#
# ical.js is installed once from the npm registry into obj/npm and reused.
# Without node or npm, or when that install fails, this prints "SKIP:
# reason" and exits 0; in every other case a problem is a failure.

cinplan=${1:-./cinplan}
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cache=$top/obj/npm
icaljs=$cache/node_modules/ical.js/dist/ical.js

skip() {
	echo "SKIP: ics-crosscheck: $*"
	exit 0
}

command -v node >/dev/null 2>&1 || skip "node is not installed"
if [ ! -f "$icaljs" ]; then
	command -v npm >/dev/null 2>&1 || skip "npm is not installed"
	mkdir -p "$cache" || exit 1
	if ! npm install --no-save --no-audit --no-fund --loglevel=error \
	    --prefix "$cache" ical.js@2 >"$cache/install.log" 2>&1; then
		skip "npm install ical.js@2 failed (see $cache/install.log)"
	fi
	[ -f "$icaljs" ] || skip "npm installed ical.js without $icaljs"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cinplan-ics.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

export LC_ALL=C TZ=UTC
fail=0

# gen NAME ARGS...: write $tmp/NAME.ics, or fail.
gen() {
	name=$1
	shift
	if ! "$cinplan" "$@" --format ics >"$tmp/$name.ics" \
	    2>"$tmp/$name.err"; then
		echo "FAIL: ics-crosscheck: cinplan $*:"
		sed 's/^/    /' "$tmp/$name.err"
		fail=1
		return 1
	fi
}

torbay_case='T/1, "x"; y'
gen torbay schedule --profile torbay --referral 2026-10-12 \
    --assessment-completed 2026-12-11 --until 2027-03-31 --as-of 2026-12-11 \
    --case-id "$torbay_case"
gen reading schedule --profile berkshire-west/reading \
    --referral 2026-01-05 --first-meeting 2026-02-10 --as-of 2026-11-22
gen alarm schedule --profile torbay --referral 2026-10-12 \
    --until 2027-06-30 --as-of 2026-11-22 --alarm 3 \
    --case-id "Zo$(printf '\303\253') $(printf '\303\230')rsted; 3\\north"

# The same facts give the same octets: nothing depends on the clock.
if gen again schedule --profile torbay --referral 2026-10-12 \
    --assessment-completed 2026-12-11 --until 2027-03-31 --as-of 2026-12-11 \
    --case-id "$torbay_case" && ! cmp -s "$tmp/torbay.ics" "$tmp/again.ics"
then
	echo "FAIL: ics-crosscheck: two runs gave different output"
	fail=1
fi

files=""
for f in torbay reading alarm; do
	[ -s "$tmp/$f.ics" ] && files="$files $f"
done
if [ -n "$files" ]; then
	set --
	for f in $files; do
		[ "$f" = torbay ] && set -- "$@" --prefix "$torbay_case: "
		set -- "$@" "$tmp/$f.ics"
	done
	node "$top/tests/ics-crosscheck.mjs" "$icaljs" "$@" || fail=1
fi

if [ $fail -ne 0 ]; then
	echo "ics-crosscheck: FAILED"
	exit 1
fi
echo "ics-crosscheck: all passed"
