#!/bin/sh
# The worked examples of the timescales, checked item by item.
#
# Each tests/worked/NAME.expect holds, worked out by hand from the
# procedure text (the section is cited beside each line), the items a case
# must produce: "KIND SEQ DUE [EARLIEST|STATUS]", with a milestone's name in
# place of SEQ.  The schedule must have exactly these items, no more, and
# list them sorted by due date, kind and sequence.
#
# usage: sh tests/worked.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
dir=$(dirname "$0")/worked
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for exp in "$dir"/*.expect; do
	name=$(basename "$exp" .expect)
	args=$(sed -n 's/^# args: //p' "$exp")
	# As of the "# as-of:" line, else the latest fact given: facts
	# after as-of are refused (convention 15).
	asof=$(sed -n 's/^# as-of: //p' "$exp")
	if [ -z "$asof" ]; then
		asof=$(echo "$args" | tr ' ' '\n' |
		    awk '/^--until$/ { skip = 1; next }
		    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ && !skip &&
		    $0 > m { m = $0 } { skip = 0 } END { print m }')
	fi
	# shellcheck disable=SC2086
	if ! LC_ALL=C NO_COLOR=1 CINPLAN_RULES= "$bin" schedule $args \
	    --as-of "${asof:-2021-01-01}" --format csv >"$tmp/out.csv" \
	    2>"$tmp/err"; then
		echo "FAIL $name: cinplan exited non-zero"
		cat "$tmp/err"
		fail=$((fail + 1))
		continue
	fi
	# kind, seq or milestone name, due; then earliest and status.
	awk -F, 'NR > 1 {
		key = ($5 == "milestone") ? $9 : $6
		print $5, key, $7, ($8 == "" ? "-" : $8), $12
	}' "$tmp/out.csv" >"$tmp/got"
	grep -v '^#' "$exp" | grep -v '^$' >"$tmp/want"
	ok=1
	awk '{ print $1, $2, $3 }' "$tmp/want" | sort >"$tmp/want3"
	awk '{ print $1, $2, $3 }' "$tmp/got" | sort >"$tmp/got3"
	if ! cmp -s "$tmp/want3" "$tmp/got3"; then
		echo "FAIL $name: items differ (- expected by hand, + cinplan):"
		diff -u "$tmp/want3" "$tmp/got3" | sed -n '3,$p'
		ok=0
	fi
	# A fourth word: a date is the window's earliest day, else a status.
	while read -r kind key due extra; do
		[ -n "${extra:-}" ] || continue
		line=$(awk -v k="$kind" -v s="$key" -v d="$due" \
		    '$1 == k && $2 == s && $3 == d' "$tmp/got")
		case $extra in
		[0-9][0-9][0-9][0-9]-*) got=$(echo "$line" | awk '{ print $4 }') ;;
		*) got=$(echo "$line" | awk '{ print $5 }') ;;
		esac
		if [ "$got" != "$extra" ]; then
			echo "FAIL $name: $kind $key $due: expected $extra, got '$got'"
			ok=0
		fi
	done <"$tmp/want"
	# Sorted by due date, then kind name, then sequence.
	awk -F, 'NR > 1 { printf "%s %s %05d\n", $7, $5, $6 }' \
	    "$tmp/out.csv" >"$tmp/order"
	if ! sort -c "$tmp/order" 2>/dev/null; then
		echo "FAIL $name: items are not sorted by due, kind, seq"
		ok=0
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "worked examples: $pass passed, $fail failed"
[ $fail -eq 0 ]
