#!/bin/sh
# Text that fits a terminal.  On a terminal (here tmux, 80 columns wide) or
# with --width N, schedule, check and check --summary fit the width: every
# line at most N columns, each item still on its own line with its due
# date, and each source, moved to a numbered note, listed under the
# table.  Written to a pipe or a file, the output is the fixed layout
# scripts read, byte for byte, whatever the terminal.
#
# usage: sh tests/width.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
cl=$top/examples/caseload.csv
pass=0
fail=0
tmp=$(mktemp -d)
sock=$tmp/tmux.sock
cleanup() {
	tmux -S "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
run() { LC_ALL=C.UTF-8 NO_COLOR=1 CINPLAN_RULES= "$bin" "$@"; }

# widest FILE: the most columns any line takes.
widest() {
	/usr/bin/python3 -c 'import sys
print(max([len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"
}

case_args="schedule --caseload $cl --case-id BW-W-0107 --as-of 2026-11-22"

# fits NAME N FILE: every line of FILE within N columns.
fits() {
	w=$(widest "$3")
	[ "$w" -le "$2" ] && ok || bad "$1: a line of $w columns, over $2"
}

# --width N: the schedule fits; every item's due date from the JSON is at
# the start of a line; every source from the JSON is a numbered note.
for n in 80 60; do
	run $case_args --width $n >"$tmp/narrow"
	fits "schedule --width $n" $n "$tmp/narrow"
	run $case_args --format json >"$tmp/json"
	/usr/bin/python3 - "$tmp/json" "$tmp/narrow" <<'PY' && ok || bad "schedule --width $n: items or sources lost"
import json, re, sys
items = json.load(open(sys.argv[1]))["items"]
text = open(sys.argv[2], encoding="utf-8").read()
lines = text.splitlines()
rows = [l for l in lines if re.match(r"^[ ~] \w{3} \d{4}-\d\d-\d\d  ", l)]
assert len(rows) == len(items), (len(rows), len(items))
for it, row in zip(items, rows):
    assert row[6:16] == it["due"], (row, it["due"])
notes = dict(re.findall(r"^  \[(\d+)\] (.*)$", text, re.M))
used = set(re.findall(r"\[(\d+)\]", "\n".join(rows)))
assert used <= set(notes), (used, notes)
srcs = {it["source"] for it in items}
# A long source may wrap under its note: compare with spaces closed up.
listed = " ".join(text.split("Sources in the procedure:")[1].split())
for s in srcs:
    assert s in listed, s
PY
done

run check "$cl" --as-of 2026-11-22 --width 60 >"$tmp/check"
fits "check --width 60" 60 "$tmp/check"
run check "$cl" --as-of 2026-11-22 --format csv >"$tmp/check.csv"
n=$(($(wc -l <"$tmp/check.csv") - 1))
got=$(grep -c '^overdue \|^due-soon ' "$tmp/check")
[ "$got" -eq "$n" ] && ok || bad "check --width 60: $got findings, want $n"
run check "$cl" --as-of 2026-11-22 --summary --width 60 >"$tmp/summary"
fits "check --summary --width 60" 60 "$tmp/summary"
grep -q '^  reviews up to date *3/6 *50.0%' "$tmp/summary" && ok ||
    bad "check --summary --width 60: the figures for all cases"

# A pipe or a file: the fixed layout, whatever --width's default.
run $case_args >"$tmp/fixed"
run $case_args --width 0 >"$tmp/zero"
cmp -s "$tmp/fixed" "$tmp/zero" && ok || bad "--width 0 is not the fixed layout"
grep -q '  SOURCE$' "$tmp/fixed" && ok || bad "piped schedule has no SOURCE column"
run $case_args --width 80 --format json >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '--width goes with the text format' "$tmp/err" &&
    ok || bad "--width with json is not a usage error"

# A real terminal of 80 columns: the width comes from the terminal.
if ! command -v tmux >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		bad "tmux is missing (tools/deps.sh installs it)"
	else
		echo "width: SKIP the terminal test: tmux is not installed"
	fi
else
	for what in "$case_args" "check $cl --as-of 2026-11-22" \
	    "check $cl --as-of 2026-11-22 --summary"; do
		rm -f "$tmp/done"
		tmux -S "$sock" -f /dev/null new-session -d -x 80 -y 300 \
		    "LC_ALL=C.UTF-8 NO_COLOR=1 CINPLAN_RULES= $bin $what; touch $tmp/done; sleep 60"
		i=0
		while [ ! -e "$tmp/done" ] && [ $i -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		# -J joins a line the terminal wrapped: one longer than 80
		# columns shows as such.
		tmux -S "$sock" capture-pane -p -J -S 0 -E 299 >"$tmp/pane"
		tmux -S "$sock" kill-server >/dev/null 2>&1
		[ -s "$tmp/pane" ] || { bad "tmux: nothing captured: $what"; continue; }
		fits "on an 80-column terminal: ${what%% *}" 80 "$tmp/pane"
		run $what >"$tmp/piped"
		w=$(widest "$tmp/piped")
		[ "$w" -gt 80 ] && ok || bad "piped: $what is only $w columns"
	done
fi

echo "width: $pass passed, $fail failed"
[ $fail -eq 0 ]
