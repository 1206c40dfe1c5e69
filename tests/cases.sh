#!/bin/sh
# The one runner for command-line cases: the golden suites (expected
# output for good input) and the hostile suite (what cinplan must say for
# bad input).
#
# usage: sh tests/cases.sh ./cinplan NAME SEL ...
#        REGEN=1 sh tests/cases.sh ./cinplan NAME SEL ...
#
# Each SEL is a suite directory (every case in it) or DIR/CASE (one case).
# NAME labels the last line.  tests/golden/run.sh and tests/hostile.test.sh
# call this with their suites.
#
# A case is DIR/CASE.* :
#   CASE.args    the words after "cinplan", shell-quoted, read with
#                eval set -- WORDS; lines starting with '#' are comments
#                (say there why the expected answer is the right one)
#   CASE.sh      instead of .args: a shell snippet run with $CINPLAN (the
#                binary's absolute path) and $WORK (an empty scratch
#                directory, removed afterwards), for pipelines, -o files
#                and input made at run time
#   CASE.out     expected standard output, byte for byte
#   CASE.err     expected standard error (absent: empty)
#   CASE.status  expected exit status (absent: 0)
#   CASE.xfail   a known bug, not yet fixed: its first line says what and
#                where.  The case must still fail; it counts as skipped
#                (XFAIL).  Once it passes (XPASS) it counts as failed until
#                the .xfail file is deleted, so a fix cannot leave its test
#                switched off.
#
# A suite's options are in DIR/suite.conf, lines "name = value":
#   out = strict | optional   an absent .out means empty output (strict,
#                             the default) or output not compared
#   timeout = SECONDS         a case running longer fails (default 60,
#                             when timeout(1) is there): a hang is a failure
#
# Every case runs in its suite directory, so input files sit beside the
# cases, with stdin from /dev/null, LC_ALL=C, TZ=UTC, NO_COLOR=1, HOME an
# empty directory, and CINPLAN_RULES, XDG_CONFIG_HOME and SOURCE_DATE_EPOCH
# unset, so nothing of the user's own setup leaks in.
#
# Failures are counted, not fatal; each shows the difference.  REGEN=1
# then rewrites the failing case's expected files from what it did (an
# .out only where one exists or, in a strict suite, where there was
# output): review them with git diff, since expected messages are a
# contract.  The last line is "NAME: N passed, N failed" (", N skipped"
# with known failures); the exit status is 1 if any case failed.

LC_ALL=C
export LC_ALL

if [ $# -lt 3 ]; then
	echo "usage: sh tests/cases.sh ./cinplan NAME SEL ..." >&2
	exit 2
fi
if [ ! -f "$1" ] || [ ! -x "$1" ]; then
	echo "cases.sh: $1: not an executable file" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
label=$2
shift 2

tmp=$(mktemp -d 2>/dev/null) ||
    { tmp=${TMPDIR:-/tmp}/cinplan-cases.$$ && mkdir -m 700 "$tmp"; } || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass=0
fail=0
xfail=0

# conf DIR NAME DEFAULT: a suite option.
conf() {
	v=
	if [ -f "$1/suite.conf" ]; then
		v=$(sed -n "s/^[ 	]*$2[ 	]*=[ 	]*//p" "$1/suite.conf" |
		    tail -n 1)
	fi
	echo "${v:-$3}"
}

# Do file $2 and the expected file $1 (absent: empty) hold the same bytes?
same() {
	if [ -f "$1" ]; then
		cmp -s "$1" "$2"
	else
		[ ! -s "$2" ]
	fi
}

# The difference between an expected file (maybe absent) and the actual.
# (diff -L is not POSIX, so the header lines are written here.)
show_diff() {	# expected actual label
	e=$1
	[ -f "$e" ] || e=/dev/null
	echo "--- expected $3"
	echo "+++ actual $3"
	diff -u "$e" "$2" | sed '1,2d' | head -n 60
	# A lone CR does not show in a diff: say so when that is the change.
	tr -d '\r' <"$e" >"$tmp/nocr.e"
	tr -d '\r' <"$2" >"$tmp/nocr.a"
	if cmp -s "$tmp/nocr.e" "$tmp/nocr.a"; then
		echo "(only carriage returns differ: CRLF against LF line ends)"
	fi
}

run_case() {	# suite-dir case-name
	dir=$1
	name=$2
	case $dir in
	*/golden/*) show=$(basename "$dir")/$name ;;
	*) show=$name ;;
	esac
	base=$dir/$name
	strict=1
	[ "$(conf "$dir" out strict)" = optional ] && strict=0
	limit=$(conf "$dir" timeout 60)
	tmo=
	command -v timeout >/dev/null 2>&1 && tmo="timeout -k 5 $limit"
	rm -rf "${tmp:?}/home" "$tmp/work"
	mkdir "$tmp/home" "$tmp/work" || exit 2

	if [ -f "$base.args" ] && [ -f "$base.sh" ]; then
		echo "FAIL $show: has both .args and .sh"
		fail=$((fail + 1))
		return
	fi
	(
		cd "$dir" || exit 125
		unset CINPLAN_RULES XDG_CONFIG_HOME SOURCE_DATE_EPOCH
		HOME=$tmp/home
		TZ=UTC
		NO_COLOR=1
		export HOME TZ NO_COLOR
		if [ -f "$name.sh" ]; then
			CINPLAN=$bin
			WORK=$tmp/work
			export CINPLAN WORK
			exec $tmo sh "./$name.sh"
		fi
		# Unquoted on purpose: eval re-reads the words, so quotes work.
		# shellcheck disable=SC2046
		eval set -- $(grep -v '^#' "./$name.args")
		exec $tmo "$bin" "$@"
	) </dev/null >"$tmp/out" 2>"$tmp/err"
	got=$?

	want=0
	[ -f "$base.status" ] && want=$(cat "$base.status")
	ok=1
	same "$base.err" "$tmp/err" || ok=0
	[ "$want" = "$got" ] || ok=0
	outcmp=0
	if [ $strict -eq 1 ] || [ -f "$base.out" ]; then
		outcmp=1
		same "$base.out" "$tmp/out" || ok=0
	fi
	if [ -f "$base.xfail" ]; then
		if [ $ok -eq 1 ]; then
			fail=$((fail + 1))
			echo "XPASS $show: fixed? delete its .xfail"
		else
			xfail=$((xfail + 1))
			echo "XFAIL $show: $(head -n 1 "$base.xfail")"
		fi
		return
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
		return
	fi
	fail=$((fail + 1))
	echo "FAIL $show"
	if [ $outcmp -eq 1 ] && ! same "$base.out" "$tmp/out"; then
		show_diff "$base.out" "$tmp/out" "$show stdout"
	fi
	same "$base.err" "$tmp/err" || show_diff "$base.err" "$tmp/err" \
	    "$show stderr"
	if [ "$want" != "$got" ]; then
		case $got in
		124|137) echo "exit status: expected $want, got $got" \
		    "(timed out after $limit s?)" ;;
		*) echo "exit status: expected $want, got $got" ;;
		esac
	fi
	if [ "${REGEN:-0}" = 1 ]; then
		if [ -f "$base.out" ] || { [ $strict -eq 1 ] &&
		    [ -s "$tmp/out" ]; }; then
			cp "$tmp/out" "$base.out"
		fi
		if [ -s "$tmp/err" ]; then
			cp "$tmp/err" "$base.err"
		else
			rm -f "$base.err"
		fi
		if [ "$got" = 0 ]; then
			rm -f "$base.status"
		else
			echo "$got" >"$base.status"
		fi
		echo "REGEN $show: expected files rewritten"
	fi
}

# The cases of one suite directory, in name order; or the one named.
run_suite() {	# suite-dir [case]
	for f in "$1"/*.args "$1"/*.sh "$1"/*.out "$1"/*.err "$1"/*.status \
	    "$1"/*.xfail; do
		[ -f "$f" ] || continue
		n=$(basename "$f")
		echo "${n%.*}"
	done | sort -u >"$tmp/cases"
	[ -n "$2" ] && echo "$2" >"$tmp/cases"
	while read -r c; do
		if [ ! -f "$1/$c.args" ] && [ ! -f "$1/$c.sh" ]; then
			echo "FAIL $(basename "$1")/$c: no .args or .sh"
			fail=$((fail + 1))
			continue
		fi
		run_case "$1" "$c"
	done <"$tmp/cases"
}

for sel in "$@"; do
	if [ -d "$sel" ]; then
		run_suite "$(cd "$sel" && pwd)" ""
	elif [ -d "$(dirname "$sel")" ]; then
		run_suite "$(cd "$(dirname "$sel")" && pwd)" "$(basename "$sel")"
	else
		echo "FAIL $sel: no such suite"
		fail=$((fail + 1))
	fi
done

if [ "$xfail" -gt 0 ]; then
	echo "$label: $pass passed, $fail failed, $xfail skipped"
else
	echo "$label: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
