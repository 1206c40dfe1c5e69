#!/bin/sh
# cinplan-nightly, installed: "make install DESTDIR=" into a scratch
# directory, then each run under cron's bare environment,
# env -i PATH=/usr/bin:/bin, with a settings file, checking the exit
# status and the files it leaves: the dated report, its log, the calendar,
# and that a failed run (a failing caseload command, a full disk) leaves
# the last good report and calendar as they were.
#
# usage: sh tests/nightly.test.sh ./cinplan	(from the repository top)
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(pwd)
make=${MAKE:-make}
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL nightly: $*"; fail=$((fail + 1)); }

touch "$tmp/before"
if ! $make -s install DESTDIR="$tmp/root" >"$tmp/make.log" 2>&1; then
	echo "FAIL nightly: make install DESTDIR=... failed:"
	sed 's/^/  /' "$tmp/make.log"
	exit 1
fi
# make install builds nothing: as root it would leave root's files here.
new=$(find "$top" -newer "$tmp/before" ! -path '*/.git*' | head -3)
[ -z "$new" ] && ok || bad "make install wrote into the tree: $new"
job=$(find "$tmp/root" -path '*/bin/cinplan-nightly')
if [ ! -x "$job" ] || [ ! -x "${job%-nightly}" ]; then
	echo "FAIL nightly: no bin/cinplan and bin/cinplan-nightly installed"
	exit 1
fi

reports=$tmp/reports
today=$(date +%Y-%m-%d)
report=$reports/cinplan-check-$today.csv
log=$reports/cinplan-check-$today.log
ics=$reports/cinplan.ics

# nightly CONF: run the installed job as cron would; status in $st,
# standard error in $tmp/stderr.
nightly() {
	(cd / && exec env -i PATH=/usr/bin:/bin "$job" -c "$1") \
	    >"$tmp/stdout" 2>"$tmp/stderr"
	st=$?
	[ ! -s "$tmp/stdout" ] || bad "$1: wrote to standard output:" \
	    "$(cat "$tmp/stdout")"
}

want_status() {	# WANT WHAT
	if [ "$st" -eq "$1" ]; then
		ok
	else
		bad "$2: exit status $st, want $1; stderr: $(cat "$tmp/stderr")"
	fi
}

no_temporaries() {	# WHAT
	left=$(find "$reports" -name '.cinplan*' | tr '\n' ' ')
	[ -z "$left" ] && ok || bad "$1: temporary files left: $left"
}

# ---- a caseload file, something overdue ----------------------------------------

cat >"$tmp/a.conf" <<EOF
# the shipped example caseload
caseload = $top/examples/caseload.csv
report_dir = $reports
command = echo "\$CINPLAN_STATUS \$CINPLAN_REPORT \$CINPLAN_CALENDAR" >$tmp/told
EOF
nightly "$tmp/a.conf"
want_status 1 "example caseload"
# What the job keeps is what cinplan check says of the same caseload today.
(cd / && env -i PATH=/usr/bin:/bin "${job%-nightly}" check --format csv \
    --caseload "$top/examples/caseload.csv" --as-of "$today" --within 5) \
    >"$tmp/want.csv" 2>/dev/null
if [ -f "$report" ] && cmp -s "$report" "$tmp/want.csv"; then
	ok
else
	bad "example caseload: $report is not cinplan check's findings"
fi
head -n 1 "$ics" 2>/dev/null | grep -q '^BEGIN:VCALENDAR' && ok ||
    bad "example caseload: no calendar at $ics"
[ -f "$log" ] && ok || bad "example caseload: no log at $log"
grep -q "cinplan: overdue items as of $today: see $report" "$tmp/stderr" &&
    ok || bad "example caseload: no summary line on standard error"
[ "$(cat "$tmp/told" 2>/dev/null)" = "1 $report $ics" ] && ok ||
    bad "example caseload: the command was told '$(cat "$tmp/told")'"
mode=$(ls -l "$report" | cut -c1-10)
[ "$mode" = "-rw-r-----" ] && ok || bad "report mode $mode, want -rw-r-----"
no_temporaries "example caseload"

# ---- a failed caseload command leaves the good run's files --------------------

cp "$report" "$tmp/good.csv"
cp "$ics" "$tmp/good.ics"
cat >"$tmp/b.conf" <<EOF
caseload_command = echo 'the case system is down' >&2; exit 4
report_dir = $reports
EOF
nightly "$tmp/b.conf"
want_status 2 "failing caseload command"
cmp -s "$report" "$tmp/good.csv" && cmp -s "$ics" "$tmp/good.ics" && ok ||
    bad "failing caseload command: the report or calendar was replaced"
grep -q 'the case system is down' "$log" &&
    grep -q 'the caseload command failed (status 4)' "$log" && ok ||
    bad "failing caseload command: the log does not say why: $(cat "$log")"
no_temporaries "failing caseload command"

# ---- a write failure: files limited to 4 blocks, as on a full disk --------

(ulimit -f 4 && nightly "$tmp/a.conf" && echo "$st" >"$tmp/st")
st=$(cat "$tmp/st" 2>/dev/null || echo none)
want_status 2 "write failure"
cmp -s "$report" "$tmp/good.csv" && cmp -s "$ics" "$tmp/good.ics" && ok ||
    bad "write failure: the report or calendar was replaced"
grep -q 'failed (status 153)' "$log" && ok ||
    bad "write failure: the log does not say what failed: $(cat "$log")"
no_temporaries "write failure"

# ---- a command's caseload with UK dates and a column mapping ---------------

ll=$top/examples/liquidlogic
cat >"$tmp/c.conf" <<EOF
caseload_command = cat '$ll/open-cin-cases.csv'
dates = uk
columns = $ll/columns.ini
profile = torbay
within = 10
report_dir = $reports
calendar = $tmp/ll.ics
EOF
nightly "$tmp/c.conf"
(cd / && env -i PATH=/usr/bin:/bin "${job%-nightly}" check --format csv \
    --dates uk --columns "$ll/columns.ini" --profile torbay --within 10 \
    --as-of "$today" "$ll/open-cin-cases.csv") >"$tmp/want.csv" 2>/dev/null
want=$?
want_status "$want" "Liquidlogic export"
cmp -s "$report" "$tmp/want.csv" && ok ||
    bad "Liquidlogic export: the report is not check's with the same options"
grep -q '^BEGIN:VCALENDAR' "$tmp/ll.ics" 2>/dev/null && ok ||
    bad "Liquidlogic export: no calendar at calendar = $tmp/ll.ics"

# ---- nothing overdue: silence, and status 0 --------------------------------

printf 'case_id,profile,referral,closed\nX1,torbay,2026-01-05,2026-03-01\n' \
    >"$tmp/closed.csv"
cat >"$tmp/d.conf" <<EOF
caseload = $tmp/closed.csv
report_dir = $reports
calendar = none
EOF
nightly "$tmp/d.conf"
want_status 0 "all closed"
[ ! -s "$tmp/stderr" ] && ok || bad "all closed: said $(cat "$tmp/stderr")"

# ---- rejected rows: status 3, the report still written ----------------------

# One row rejected, one usable (its assessment not yet due): status 3.
printf 'case_id,profile,referral\nX1,torbay,2026-02-30\nX2,torbay,%s\n' \
    "$(date +%Y-%m-%d)" >"$tmp/bad.csv"
sed "s|$tmp/closed.csv|$tmp/bad.csv|" "$tmp/d.conf" >"$tmp/e.conf"
rm -f "$report"
nightly "$tmp/e.conf"
want_status 3 "rejected row"
[ -f "$report" ] && grep -q "bad.csv:2:" "$log" && ok ||
    bad "rejected row: no report, or the log does not name the row"

# ---- settings that are wrong: status 2, file and line, nothing run ---------

conf_error() {	# WANT-MESSAGE LINES...
	want=$1
	shift
	printf '%s\n' "$@" >"$tmp/x.conf"
	rm -rf "$tmp/xr"
	nightly "$tmp/x.conf"
	want_status 2 "settings '$*'"
	grep -qF "cinplan-nightly: $tmp/x.conf$want" "$tmp/stderr" && ok ||
	    bad "settings '$*': said '$(cat "$tmp/stderr")', want '$want'"
	[ ! -e "$tmp/xr" ] && ok || bad "settings '$*': ran anyway"
}
conf_error ":2: unknown setting 'caseloda'" "report_dir = $tmp/xr" \
    "caseloda = /x.csv"
conf_error ":3: dates is set twice (first on line 2)" \
    "caseload = /x.csv" "dates = uk" "dates = iso"
conf_error ":1: dates: 'gb' is not iso or uk" "dates = gb" \
    "caseload = /x.csv" "report_dir = $tmp/xr"
conf_error ":1: caseload: 'x.csv' is not an absolute path" \
    "caseload = x.csv" "report_dir = $tmp/xr"
conf_error ":2: within: 'five' is not a number of working days" \
    "caseload = /x.csv" "within = five" "report_dir = $tmp/xr"
conf_error ": set caseload (a CSV file) or caseload_command" \
    "# nothing" "report_dir = $tmp/xr"
conf_error ":1: expected NAME = VALUE" "caseload /x.csv"
nightly "$tmp/no-such.conf"
want_status 2 "missing settings file"
grep -q "no-such.conf: cannot read the settings" "$tmp/stderr" && ok ||
    bad "missing settings file: said '$(cat "$tmp/stderr")'"

# ---- make uninstall takes what install put, and no local file --------------

etc=$(find "$tmp/root" -type d -path '*/etc/cinplan')
echo "caseload = /srv/x.csv" >"$etc/nightly.conf"
if $make -s uninstall DESTDIR="$tmp/root" >"$tmp/make.log" 2>&1; then
	left=$(cd "$tmp/root" && find . ! -type d | tr '\n' ' ')
	[ "$left" = "./${etc#"$tmp/root/"}/nightly.conf " ] && ok ||
	    bad "make uninstall left: $left"
else
	bad "make uninstall failed: $(cat "$tmp/make.log")"
fi

echo "nightly: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
