#!/bin/sh
# make demo runs examples/demo.sh, the README's first command: it must
# work on the shipped example as the program now is (exit 0, a schedule,
# the check's findings and a calendar).
#
# usage: sh tests/demo.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
TMPDIR=$tmp NO_COLOR=1 sh "$(dirname "$0")/../examples/demo.sh" "$bin" \
    >"$tmp/out" 2>"$tmp/err"
st=$?
fail=0
[ $st -eq 0 ] || { echo "FAIL demo: exit status $st"; fail=1; }
grep -q '^Case TB-1041: ' "$tmp/out" ||
    { echo "FAIL demo: no schedule"; fail=1; }
grep -q ' overdue, .* due within 5 working days, in 7 open cases' "$tmp/out" ||
    { echo "FAIL demo: no check"; fail=1; }
grep -q '^[0-9][0-9]* events written to ' "$tmp/out" ||
    { echo "FAIL demo: no calendar"; fail=1; }
[ $fail -eq 0 ] || sed 's/^/  /' "$tmp/out" "$tmp/err"
echo "demo: $((fail == 0)) passed, $fail failed"
[ $fail -eq 0 ]
