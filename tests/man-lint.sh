#!/bin/sh
# Every manual page must be clean under mandoc -Tlint: no output at all.
# mandoc resolves .Xr references against the current directory, so the
# pages are linted from inside their own directory, as a set.
# usage: sh tests/man-lint.sh man/*.[1-8]
set -u
fail=0
pass=0
for m in "$@"; do
	out=$(cd "$(dirname "$m")" && mandoc -Tlint "$(basename "$m")" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL $m:"
		echo "$out"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "man pages: $pass passed, $fail failed"
[ $fail -eq 0 ]
