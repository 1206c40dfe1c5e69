#!/bin/sh
# Golden tests for the cinplan command line: each directory here is a
# suite of cases, each case's expected output worked out by hand (the
# suite's README.md says how).  The cases' form, and REGEN=1, are
# described in tests/cases.sh, which runs them.
#
# usage: sh tests/golden/run.sh ./cinplan [SUITE | SUITE/CASE ...]
#        REGEN=1 sh tests/golden/run.sh ./cinplan ...
if [ $# -lt 1 ]; then
	echo "usage: sh tests/golden/run.sh ./cinplan [SUITE | SUITE/CASE ...]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd) || exit 2
bin=$1
shift
n=$#
if [ $n -eq 0 ]; then
	for d in "$here"/*/; do
		set -- "$@" "${d%/}"
	done
else
	for sel in "$@"; do
		set -- "$@" "$here/$sel"
	done
	shift $n
fi
exec sh "$here/../cases.sh" "$bin" golden "$@"
