#!/bin/sh
# Benchmarks for cinplan, run from the top of the source tree:
#
#   sh bench/run.sh ./cinplan obj/rel/bench_cal obj/rel/measure
#
# ("make bench" builds both with -DNDEBUG and runs this.)  Each section is
# a shell function; a section that is not written yet says so and passes.
# Figures vary with the machine: compare runs on the same one.

LC_ALL=C
export LC_ALL

if [ $# -ne 3 ]; then
	echo "usage: sh bench/run.sh ./cinplan obj/rel/bench_cal obj/rel/measure" >&2
	exit 2
fi
cinplan=$1
bench_cal=$2
measure=$3
work=obj/bench
mkdir -p "$work"
for f in "$cinplan" "$bench_cal" "$measure"; do
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

# Run "$@" under measure $runs times (BENCH_RUNS, default 5); print NAME,
# the best and the median wall time, the median CPU time, the largest peak
# memory and a rate at the best time.  These machines are shared and their
# speed wanders by a third from one minute to the next: one run says little.
# usage: timed NAME OUTFILE COUNT UNIT command...
runs=${BENCH_RUNS:-5}
timed() {
	name=$1 out=$2 count=$3 unit=$4
	shift 4
	i=0
	all=
	while [ $i -lt "$runs" ]; do
		all="$all$("$measure" "$out" "$@" 2>&1 >/dev/null | tail -n 1)
"
		i=$((i + 1))
	done
	printf '%s' "$all" | awk -v n="$name" -v c="$count" -v u="$unit" '
	function median(v, k,    i, j, t) {
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
	}
	{
		for (f = 1; f <= NF; f++) {
			split($f, kv, "=")
			x[kv[1]] = kv[2]
		}
		k++
		s[k] = x["seconds"]; cpu[k] = x["cpu"]
		if (x["maxrss_kib"] > kib)
			kib = x["maxrss_kib"]
		if (x["status"] != st0 && k > 1)
			mixed = 1
		st0 = x["status"]
	}
	END {
		m = median(s, k)
		best = s[1]
		printf "%s: best %.3f s, median %.3f s of %d (cpu %.3f s), " \
		    "%.0f %s/s, peak memory %.1f MiB (exit %d%s)\n", n, best,
		    m, k, median(cpu, k), (best > 0 ? c / best : 0), u,
		    kib / 1024, st0, mixed ? ", not always" : ""
	}'
}

# --- caseload check ----------------------------------------------------------
# A generated caseload of 1,000,000 cases (bench/gen_caseload.sh), checked
# as the nightly job would.  Targets: under 0.25 s and 64 MiB.
bench_check() {
	echo "== caseload check (1,000,000 cases)"
	csv=$work/caseload-1m.csv
	[ -s "$csv" ] || sh bench/gen_caseload.sh 1000000 >"$csv" || return 1
	echo "caseload: $(wc -c <"$csv" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
	for fmt in csv text; do
		timed "check --format $fmt" "$work/check.$fmt" 1000000 cases \
		    "$cinplan" check --caseload "$csv" --as-of 2026-11-22 \
		    --format "$fmt"
	done
	echo "findings: $(($(wc -l <"$work/check.csv") - 1))"
	timed "check --summary" "$work/summary.txt" 1000000 cases \
	    "$cinplan" check --caseload "$csv" --as-of 2026-11-22 --summary
}

# --- calendar export ---------------------------------------------------------
# 10,000 cases to one iCalendar file: a few seconds, flat memory.
bench_export() {
	echo "== export (10,000 cases)"
	for n in 10000; do
		csv=$work/caseload-$n.csv
		[ -s "$csv" ] || sh bench/gen_caseload.sh $n >"$csv" || return 1
		rm -f "$work/export-$n.ics"
		# Once: a second run would carry SEQUENCE on from the first.
		keep=$runs
		runs=1
		timed "export $n" /dev/null $n cases "$cinplan" export \
		    --caseload "$csv" --as-of 2026-11-22 \
		    -o "$work/export-$n.ics"
		runs=$keep
		echo "events: $(grep -c '^BEGIN:VEVENT' "$work/export-$n.ics")"
	done
}

bench_calendar || failed=1
bench_check || failed=1
bench_export || failed=1

if [ $failed -ne 0 ]; then
	echo "bench/run.sh: a benchmark failed" >&2
	exit 1
fi
