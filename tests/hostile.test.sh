#!/bin/sh
# Hostile input: what cinplan must say, and how it must exit, for input
# that is malformed, absurd or malicious.  No input may crash it, hang it,
# or make it print a wrong date silently.  The cases are tests/hostile/*,
# in the form tests/cases.sh describes (which runs them); input files are
# in tests/hostile/in/, and tests/hostile/suite.conf sets the time limit.
#
# usage: sh tests/hostile.test.sh ./cinplan [CASE ...]
#        REGEN=1 sh tests/hostile.test.sh ./cinplan ...
if [ $# -lt 1 ]; then
	echo "usage: sh tests/hostile.test.sh ./cinplan [CASE ...]" >&2
	exit 2
fi
top=$(cd "$(dirname "$0")" && pwd) || exit 2
bin=$1
shift
n=$#
if [ $n -eq 0 ]; then
	set -- "$top/hostile"
else
	for c in "$@"; do
		set -- "$@" "$top/hostile/$c"
	done
	shift $n
fi
exec sh "$top/cases.sh" "$bin" hostile "$@"
