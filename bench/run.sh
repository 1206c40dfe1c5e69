#!/bin/sh
# Benchmarks for cinplan, run from the top of the source tree:
#
#   sh bench/run.sh ./cinplan obj/rel/bench_cal
#
# ("make bench" builds both with -DNDEBUG and runs this.)  Each section is
# a shell function; a section that is not written yet says so and passes.
# Figures vary with the machine: compare runs on the same one.

LC_ALL=C
export LC_ALL

if [ $# -ne 2 ]; then
	echo "usage: sh bench/run.sh ./cinplan obj/rel/bench_cal" >&2
	exit 2
fi
cinplan=$1
bench_cal=$2
for f in "$cinplan" "$bench_cal"; do
	if [ ! -f "$f" ] || [ ! -x "$f" ]; then
		echo "bench/run.sh: $f: not an executable file (run make first)" >&2
		exit 2
	fi
done
if [ ! -f rules/holidays ]; then
	echo "bench/run.sh: run from the top of the source tree" >&2
	exit 2
fi

failed=0

# --- working-day arithmetic: cal_add and cal_between -----------------------
bench_calendar() {
	echo "== working-day arithmetic (bench/bench_cal.c)"
	"$bench_cal" rules/holidays
}

# --- caseload check ----------------------------------------------------------
# To be written: time "cinplan check" over a large generated caseload.
bench_check() {
	echo "== caseload check: not written yet"
}

# --- calendar export ---------------------------------------------------------
# To be written: time "cinplan export" of a large caseload to iCalendar.
bench_export() {
	echo "== export: not written yet"
}

bench_calendar || failed=1
bench_check || failed=1
bench_export || failed=1

if [ $failed -ne 0 ]; then
	echo "bench/run.sh: a benchmark failed" >&2
	exit 1
fi
