#!/bin/sh
# Benchmarks for cinplan, run from the top of the source tree:
#
#   sh bench/run.sh ./cinplan obj/rel/bench_cal obj/rel/measure
#
# ("make bench" builds both as "make" does and runs this.)  Each section is
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

runs=${BENCH_RUNS:-5}

# Run "$@" once under measure, standard output to OUTFILE, and append its
# figures ("seconds=S cpu=C maxrss_kib=K status=N") to the file FIGS.
# usage: once FIGS OUTFILE command...
once() {
	figs=$1 out=$2
	shift 2
	"$measure" "$out" "$@" 2>&1 >/dev/null | tail -n 1 >>"$figs"
}

# Summarise a file of figures: NAME, the best and the median wall time,
# the median CPU time, the largest peak memory and a rate at the best
# time.  These machines are shared and their speed wanders by a third
# from one minute to the next: one run says little.
# usage: report FIGS NAME COUNT UNIT
report() {
	awk -v n="$2" -v c="$3" -v u="$4" '
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
	}' "$1"
}

# The best and the median wall time in a file of figures, then the
# median CPU time.
# usage: walls FIGS
walls() {
	awk '{ split($1, kv, "="); print kv[2] }' "$1" | sort -n | awk '
	{ v[++k] = $1 }
	END { printf "%s %s ", v[1], k % 2 ? v[(k + 1) / 2] : \
	    (v[k / 2] + v[k / 2 + 1]) / 2 }'
	awk '{ split($2, kv, "="); print kv[2] }' "$1" | sort -n | awk '
	{ v[++k] = $1 }
	END { printf "%s\n", k % 2 ? v[(k + 1) / 2] : \
	    (v[k / 2] + v[k / 2 + 1]) / 2 }'
}

# One timing of "$@" run $runs times, for the sections that compare
# nothing.  usage: timed NAME OUTFILE COUNT UNIT command...
timed() {
	name=$1 out=$2 count=$3 unit=$4
	shift 4
	: >"$work/figs"
	i=0
	while [ $i -lt "$runs" ]; do
		once "$work/figs" "$out" "$@"
		i=$((i + 1))
	done
	report "$work/figs" "$name" "$count" "$unit"
}

# --- caseload check ----------------------------------------------------------
# A national-scale caseload (bench/gen_caseload.sh): 1,000,000 open cases
# over five profiles, three areas and 4,000 workers, checked as the nightly
# job would, beside the time Python's csv module takes merely to read the
# same file.  Targets: check and check --summary each at most 0.6 times
# that, under 64 MiB; --summary no slower with 4,000 workers than with 40.
# The jobs take turns, round after round, so a slow spell of the machine
# falls on all of them alike.
bench_check() {
	echo "== caseload check (1,000,000 open cases, 4,000 workers)"
	csv=$work/caseload-1m-4000w.csv
	csv40=$work/caseload-1m-40w.csv
	[ -s "$csv" ] || sh bench/gen_caseload.sh 1000000 4000 0 >"$csv" ||
	    return 1
	[ -s "$csv40" ] || sh bench/gen_caseload.sh 1000000 40 0 >"$csv40" ||
	    return 1
	echo "caseload: $(wc -c <"$csv" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
	python=$(command -v python3)
	if [ -z "$python" ]; then
		echo "python3 is not installed: no comparison with Python's" \
		    "csv module (install python3 to get one)"
	fi
	for j in python check summary summary40; do
		: >"$work/figs.$j"
	done
	i=0
	while [ $i -lt "$runs" ]; do
		[ -z "$python" ] || once "$work/figs.python" /dev/null \
		    "$python" -c 'import csv, sys
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        pass' "$csv"
		once "$work/figs.check" "$work/check.txt" "$cinplan" check \
		    --caseload "$csv" --as-of 2026-11-22
		once "$work/figs.summary" "$work/summary.txt" "$cinplan" \
		    check --caseload "$csv" --as-of 2026-11-22 --summary
		once "$work/figs.summary40" "$work/summary40.txt" "$cinplan" \
		    check --caseload "$csv40" --as-of 2026-11-22 --summary
		i=$((i + 1))
	done
	[ -z "$python" ] || report "$work/figs.python" \
	    "python3 csv.reader, reading only" 1000000 rows
	report "$work/figs.check" "check" 1000000 cases
	tail -n 1 "$work/check.txt"
	report "$work/figs.summary" "check --summary" 1000000 cases
	report "$work/figs.summary40" "check --summary, 40 workers" 1000000 \
	    cases
	echo "$(head -n 1 "$work/summary.txt")"
	# Wall time is what a user waits for; CPU time says the same on a
	# machine that other work slows, where wall times wander.
	if [ -n "$python" ]; then
		set -- $(walls "$work/figs.python")
		for j in check summary; do
			set -- "$1" "$2" "$3" $(walls "$work/figs.$j")
			echo "$j / python3 read: best $4 / $1 = $(ratio "$4" "$1")," \
			    "median $5 / $2 = $(ratio "$5" "$2"), cpu $6 / $3 =" \
			    "$(ratio "$6" "$3") (target: at most 0.60)"
			set -- "$1" "$2" "$3"
		done
	fi
	set -- $(walls "$work/figs.summary40") $(walls "$work/figs.summary")
	echo "--summary with 4,000 workers / with 40: median $5 / $2 =" \
	    "$(ratio "$5" "$2"), cpu $6 / $3 = $(ratio "$6" "$3")"
}

# usage: ratio A B
ratio() {
	echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0 ? $1 / $2 : 0) }'
}

# --- calendar export ---------------------------------------------------------
# 10,000 cases to one iCalendar file, first fresh, then replacing that file
# (as every night: the earlier export is read for SEQUENCE and the
# cancellations).  Target: at least 100,000 events a second, flat memory.
bench_export() {
	echo "== export (10,000 cases)"
	for n in 10000; do
		csv=$work/caseload-$n.csv
		[ -s "$csv" ] || sh bench/gen_caseload.sh $n >"$csv" || return 1
		rm -f "$work/export-$n.ics"
		for how in fresh replacing; do
			: >"$work/figs"
			once "$work/figs" /dev/null "$cinplan" export \
			    --caseload "$csv" --as-of 2026-11-22 \
			    -o "$work/export-$n.ics"
			ev=$(grep -c '^BEGIN:VEVENT' "$work/export-$n.ics")
			report "$work/figs" "export $n ($how)" "$ev" events
		done
	done
}

bench_calendar || failed=1
bench_check || failed=1
bench_export || failed=1

if [ $failed -ne 0 ]; then
	echo "bench/run.sh: a benchmark failed" >&2
	exit 1
fi
