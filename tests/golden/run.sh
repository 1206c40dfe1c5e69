#!/bin/sh
# Golden tests for the cinplan command line.
#
# usage: sh tests/golden/run.sh ./cinplan [SUITE | SUITE/CASE ...]
#        REGEN=1 sh tests/golden/run.sh ./cinplan ...
#
# Each case is tests/golden/SUITE/CASE.* :
#   CASE.args    the words after "cinplan", shell-quoted, read with
#                eval set -- $(cat CASE.args)
#   CASE.sh      instead of .args: a shell snippet run with $CINPLAN (the
#                binary's absolute path) and $WORK (an empty scratch
#                directory, removed afterwards), for pipelines and -o files
#   CASE.out     expected standard output, byte for byte (absent: empty)
#   CASE.err     expected standard error (absent: empty)
#   CASE.status  expected exit status (absent: 0)
#
# Every case runs in its suite directory, so input files sit beside the
# cases, with stdin from /dev/null, LC_ALL=C, TZ=UTC, NO_COLOR=1, HOME an
# empty directory, and CINPLAN_RULES, XDG_CONFIG_HOME and SOURCE_DATE_EPOCH
# unset, so nothing of the user's own setup leaks in.
#
# Failures are counted, not fatal; each prints a unified diff.  REGEN=1
# shows the diff of each failing case, then rewrites its expected files.
# The last line is "N passed, N failed"; the exit status is 1 if any failed.

LC_ALL=C
export LC_ALL

if [ $# -lt 1 ]; then
	echo "usage: sh tests/golden/run.sh ./cinplan [SUITE | SUITE/CASE ...]" >&2
	exit 2
fi
if [ ! -f "$1" ] || [ ! -x "$1" ]; then
	echo "run.sh: $1: not an executable file" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
shift

here=$(cd "$(dirname "$0")" && pwd) || exit 2

tmp=$(mktemp -d 2>/dev/null) ||
    { tmp=${TMPDIR:-/tmp}/cinplan-golden.$$ && mkdir -m 700 "$tmp"; } || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass=0
fail=0
regen=0

# Show the difference between an expected file (which may be absent) and
# what the case produced.
# (diff -L is not POSIX, so the header lines are written here.)
show_diff() {	# expected actual label
	if [ -f "$1" ]; then
		echo "--- expected $3"
		e=$1
	else
		echo "--- expected $3 (no file: empty)"
		e=/dev/null
	fi
	echo "+++ actual $3"
	diff -u "$e" "$2" | sed '1,2d'
	# A lone CR does not show in a diff: say so when that is the change.
	tr -d '\r' <"$e" >"$tmp/nocr.e"
	tr -d '\r' <"$2" >"$tmp/nocr.a"
	if cmp -s "$tmp/nocr.e" "$tmp/nocr.a"; then
		echo "(only carriage returns differ: CRLF against LF line ends)"
	fi
}

# Do file $2 and the expected file $1 (absent: empty) hold the same bytes?
same() {
	if [ -f "$1" ]; then
		cmp -s "$1" "$2"
	else
		[ ! -s "$2" ]
	fi
}

# Rewrite expected file $1 from $2; an empty result removes the file,
# except for .out files that already exist.
rewrite() {	# expected actual keep-empty
	if [ -s "$2" ] || { [ "$3" = keep ] && [ -f "$1" ]; }; then
		cp "$2" "$1"
	else
		rm -f "$1"
	fi
}

run_case() {	# suite-dir case-name
	dir=$1
	name=$2
	label=$(basename "$dir")/$name
	base=$dir/$name
	work=$tmp/work
	rm -rf "${tmp:?}/home" "$work"
	mkdir "$tmp/home" "$work" || exit 2

	if [ -f "$base.args" ] && [ -f "$base.sh" ]; then
		echo "FAIL $label: has both .args and .sh"
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
			WORK=$work
			export CINPLAN WORK
			exec sh "./$name.sh"
		fi
		# Unquoted on purpose: eval re-reads the words, so quotes work.
		# shellcheck disable=SC2046
		eval set -- $(cat "./$name.args")
		exec "$bin" "$@"
	) </dev/null >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/status"

	want_status=0
	if [ -f "$base.status" ]; then
		want_status=$(cat "$base.status")
	fi
	got_status=$(cat "$tmp/status")

	ok=1
	same "$base.out" "$tmp/out" || ok=0
	same "$base.err" "$tmp/err" || ok=0
	[ "$want_status" = "$got_status" ] || ok=0
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
		return
	fi

	fail=$((fail + 1))
	echo "FAIL $label"
	same "$base.out" "$tmp/out" || show_diff "$base.out" "$tmp/out" "$label stdout"
	same "$base.err" "$tmp/err" || show_diff "$base.err" "$tmp/err" "$label stderr"
	if [ "$want_status" != "$got_status" ]; then
		echo "exit status: expected $want_status, got $got_status"
	fi
	if [ "${REGEN:-0}" = 1 ]; then
		rewrite "$base.out" "$tmp/out" keep
		rewrite "$base.err" "$tmp/err"
		if [ "$got_status" = 0 ]; then
			rm -f "$base.status"
		else
			echo "$got_status" >"$base.status"
		fi
		regen=$((regen + 1))
		echo "REGEN $label: expected files rewritten"
	fi
}

# The cases of one suite directory, in name order.
run_suite() {	# suite-dir [case]
	for f in "$1"/*.args "$1"/*.sh "$1"/*.out "$1"/*.err "$1"/*.status; do
		[ -f "$f" ] || continue
		n=$(basename "$f")
		echo "${n%.*}"
	done | sort -u >"$tmp/cases"
	while read -r c; do
		if [ -n "$2" ] && [ "$c" != "$2" ]; then
			continue
		fi
		if [ ! -f "$1/$c.args" ] && [ ! -f "$1/$c.sh" ]; then
			echo "FAIL $(basename "$1")/$c: expected files but no .args or .sh"
			fail=$((fail + 1))
			continue
		fi
		run_case "$1" "$c"
	done <"$tmp/cases"
}

if [ $# -eq 0 ]; then
	for d in "$here"/*/; do
		[ -d "$d" ] && run_suite "${d%/}"
	done
else
	for sel in "$@"; do
		suite=${sel%%/*}
		c=
		case $sel in */*) c=${sel#*/} ;; esac
		if [ ! -d "$here/$suite" ]; then
			echo "FAIL $sel: no such suite"
			fail=$((fail + 1))
			continue
		fi
		run_suite "$here/$suite" "$c"
	done
fi

if [ "$regen" -gt 0 ]; then
	echo "REGEN=1: rewrote the expected files of $regen case(s); review them with git diff"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
