#!/bin/sh
# Hostile input: what cinplan must say, and how it must exit, for input
# that is malformed, absurd or malicious.  No input may crash it, hang it,
# or make it print a wrong date silently.
#
# usage: sh tests/hostile.test.sh ./cinplan [CASE ...]
#
# Each case is tests/hostile/CASE.* :
#   CASE.args    the words after "cinplan", shell-quoted, read with
#                eval set -- WORDS; lines starting with '#' are comments
#                (each case says there why its message is the right one)
#   CASE.sh      instead of .args: a shell snippet run with $CINPLAN (the
#                binary's absolute path) and $WORK (an empty scratch
#                directory), for generated input (large or binary files
#                made at run time rather than committed) and for checks
#                of the output; its comments say why
#   CASE.err     expected standard error, byte for byte (absent: empty)
#   CASE.status  expected exit status (absent: 0)
#   CASE.out     expected standard output, when it matters (absent: not
#                compared)
#   CASE.xfail   a known bug, not yet fixed: the first line says what and
#                where.  The case must still fail; it counts as skipped
#                (XFAIL).  Once it passes (XPASS) it counts as failed
#                until the .xfail file is deleted, so a fix cannot leave
#                its regression test switched off.
# Input files live in tests/hostile/in/.  Every case runs in
# tests/hostile with stdin from /dev/null, LC_ALL=C, TZ=UTC, NO_COLOR=1,
# HOME an empty directory, and CINPLAN_RULES, XDG_CONFIG_HOME and
# SOURCE_DATE_EPOCH unset, under a time limit (HOSTILE_TIMEOUT seconds,
# default 60, when timeout(1) is there): a hang is a failure.
#
# REGEN=1 shows each failing case's difference, then rewrites its .err
# and .status (and its .out, where there is one) from what it did: review
# them with git diff, since the expected messages are a contract.
#
# The last line is "hostile: N passed, N failed" (", N skipped" after it
# when there are known failures); the exit status is 1 if any case failed.

LC_ALL=C
export LC_ALL

if [ $# -lt 1 ]; then
	echo "usage: sh tests/hostile.test.sh ./cinplan [CASE ...]" >&2
	exit 2
fi
if [ ! -f "$1" ] || [ ! -x "$1" ]; then
	echo "hostile.test.sh: $1: not an executable file" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
shift

here=$(cd "$(dirname "$0")/hostile" && pwd) || exit 2
tmp=$(mktemp -d 2>/dev/null) ||
    { tmp=${TMPDIR:-/tmp}/cinplan-hostile.$$ && mkdir -m 700 "$tmp"; } || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

limit=${HOSTILE_TIMEOUT:-60}
tmo=
if command -v timeout >/dev/null 2>&1; then
	tmo="timeout -k 5 $limit"
fi

pass=0
fail=0
xfail=0

# Does file $2 hold what the expected file $1 (absent: empty) holds?
same() {
	if [ -f "$1" ]; then
		cmp -s "$1" "$2"
	else
		[ ! -s "$2" ]
	fi
}

show_diff() {	# expected actual label
	e=$1
	[ -f "$e" ] || e=/dev/null
	echo "--- expected $3"
	echo "+++ actual $3"
	diff "$e" "$2" | head -n 40
}

run_case() {	# name
	name=$1
	base=$here/$name
	rm -rf "${tmp:?}/home" "$tmp/work"
	mkdir "$tmp/home" "$tmp/work" || exit 2
	if [ -f "$base.args" ] && [ -f "$base.sh" ]; then
		echo "FAIL $name: has both .args and .sh"
		fail=$((fail + 1))
		return
	fi
	(
		cd "$here" || exit 125
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
	if [ -f "$base.out" ]; then
		same "$base.out" "$tmp/out" || ok=0
	fi
	if [ -f "$base.xfail" ]; then
		if [ $ok -eq 1 ]; then
			fail=$((fail + 1))
			echo "XPASS $name: fixed? delete tests/hostile/$name.xfail"
		else
			xfail=$((xfail + 1))
			echo "XFAIL $name: $(head -n 1 "$base.xfail")"
		fi
		return
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
		return
	fi
	fail=$((fail + 1))
	echo "FAIL $name"
	same "$base.err" "$tmp/err" || show_diff "$base.err" "$tmp/err" stderr
	if [ -f "$base.out" ]; then
		same "$base.out" "$tmp/out" || show_diff "$base.out" "$tmp/out" stdout
	fi
	if [ "${REGEN:-0}" = 1 ]; then
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
		if [ "$got" = 0 ]; then rm -f "$base.status"; else echo "$got" >"$base.status"; fi
		[ -f "$base.out" ] && cp "$tmp/out" "$base.out"
		echo "REGEN $name: expected files rewritten"
	fi
	if [ "$want" != "$got" ]; then
		case $got in
		124|137) echo "exit status: expected $want, got $got (timed out after $limit s?)" ;;
		*) echo "exit status: expected $want, got $got" ;;
		esac
	fi
}

if [ $# -eq 0 ]; then
	for f in "$here"/*.args "$here"/*.sh; do
		[ -f "$f" ] || continue
		n=$(basename "$f")
		echo "${n%.*}"
	done | sort -u >"$tmp/cases"
else
	printf '%s\n' "$@" >"$tmp/cases"
fi
while read -r c; do
	if [ ! -f "$here/$c.args" ] && [ ! -f "$here/$c.sh" ]; then
		echo "FAIL $c: no such case"
		fail=$((fail + 1))
		continue
	fi
	run_case "$c"
done <"$tmp/cases"

if [ "$xfail" -gt 0 ]; then
	echo "hostile: $pass passed, $fail failed, $xfail skipped"
else
	echo "hostile: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
