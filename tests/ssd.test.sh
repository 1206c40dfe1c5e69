#!/bin/sh
# The Standard Safeguarding Dataset view, sql/ssd/cinplan_caseload.pgsql,
# on a real PostgreSQL server, and the SQL Server view through a T-SQL
# parser (no SQL Server runs here).
#
# A throwaway server: initdb in a temporary directory, listening on a Unix
# socket in that directory only (listen_addresses is empty), run as the
# unprivileged "postgres" user when the tests run as root, since
# PostgreSQL refuses to run as root.  It is stopped and the directory
# removed whatever the outcome.  The SSD tables (tests/ssd/tables.sql)
# are loaded with thirty children (tests/ssd/fixture.sql), and check's
# findings over the view are compared with tests/ssd/expected.csv, worked
# out by hand.
#
# usage: sh tests/ssd.test.sh ./cinplan
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/tests/ssd
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Debian keeps the server programs out of PATH.
pgbin=
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n); do
	[ -x "$d/initdb" ] && pgbin=$d
done
if [ -z "$pgbin" ]; then
	echo "FAIL ssd: no PostgreSQL server (tools/deps.sh installs postgresql)"
	echo "ssd: 0 passed, 1 failed"
	exit 1
fi

# Under /tmp: the server user must reach it, and a socket path is short.
tmp=$(mktemp -d /tmp/cinplan-ssd.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$tmp"
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi
started=0
cleanup() {
	if [ $started -eq 1 ]; then
		as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m immediate -w stop \
		    >/dev/null 2>&1
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if ! as_pg "$pgbin/initdb" -D "$tmp/data" -A trust -E UTF8 --locale=C \
    --no-sync >"$tmp/initdb.log" 2>&1; then
	cat "$tmp/initdb.log"
	echo "FAIL ssd: initdb"
	echo "ssd: 0 passed, 1 failed"
	exit 1
fi
started=1
if ! as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$tmp' -c fsync=off" \
    start >/dev/null 2>&1; then
	cat "$tmp/server.log"
	echo "FAIL ssd: the server did not start"
	echo "ssd: 0 passed, 1 failed"
	exit 1
fi

# psql as the server's user, on the socket only; the SQL on stdin, so the
# files need not be readable by that user.
sql() {
	as_pg "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -d postgres "$@"
}

if cat "$dir/tables.sql" "$dir/fixture.sql" \
    "$top/sql/ssd/cinplan_caseload.pgsql" | sql >"$tmp/load.log" 2>&1; then
	ok
else
	cat "$tmp/load.log"
	bad "ssd: loading the tables, the fixture or the view"
fi

# The nightly check as the README gives it, the profile given with
# --profile and the rows on standard input, in case order so that the
# findings come in a known order.
sql --csv -c 'select * from cinplan_caseload order by case_id' \
    >"$tmp/caseload.csv" 2>"$tmp/psql.err" || bad "ssd: psql: $(cat "$tmp/psql.err")"
LC_ALL=C "$bin" check --profile doncaster --as-of 2026-11-23 --format csv \
    - <"$tmp/caseload.csv" >"$tmp/out.csv" 2>"$tmp/err"
st=$?
# 3, not 1: findings are overdue, but reviews could not be checked.
[ $st -eq 3 ] && ok || bad "ssd: check exited $st, want 3 (reviews not checked)"

awk -F, 'NR > 1 { print $1 "," $4 "," $5 "," $6 "," $7 "," $8 "," $10 }' \
    "$tmp/out.csv" >"$tmp/got"
grep -v '^#' "$dir/expected.csv" >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/got"; then
	ok
else
	bad "ssd: findings differ (- expected, + got):"
	diff -u "$tmp/want" "$tmp/got" | sed 1,2d
	cat "$tmp/err"
fi

# Reviews cannot be checked (the SSD has no CIN review table): each case
# with a plan started says so, and nothing is rejected.
for c in P06/R06 P07/R07 P11/R11 P14/R14 P22/R22 P23/R23 P24/R24 P26/R26; do
	grep -q "$c: reviews not checked" "$tmp/err" ||
	    bad "ssd: $c: no 'reviews not checked' on standard error"
done
n=$(grep -c 'reviews not checked' "$tmp/err")
[ "$n" -eq 8 ] && ok || bad "ssd: $n 'reviews not checked' lines, want 8"

# 27 rows: 32 referrals less 4 closed and 1 of a child on a CP plan; of
# them P08 (plan ended) and P18 (no further action) are closed.
LC_ALL=C "$bin" check --profile doncaster --as-of 2026-11-23 - \
    <"$tmp/caseload.csv" 2>/dev/null | tail -n 1 >"$tmp/last"
want='14 overdue, 8 due within 5 working days, in 25 open cases (2 closed, 0 rows rejected, 8 cases whose reviews could not be checked) as of 2026-11-23'
if grep -qF "$want" "$tmp/last"; then
	ok
else
	bad "ssd: closing line: $(cat "$tmp/last"), want: $want"
fi

# The SQL Server view parses as T-SQL, all of it: the parser used
# (sqlglot 10) does not know CREATE OR ALTER and would keep such a
# statement as an unparsed command, so it is given CREATE VIEW.
if /usr/bin/python3 -c 'import sys, sqlglot
from sqlglot import exp
s = open(sys.argv[1]).read().replace("CREATE OR ALTER VIEW", "CREATE VIEW")
t = sqlglot.parse(s, read="tsql", error_level=sqlglot.ErrorLevel.RAISE)
t = [x for x in t if x is not None]
assert len(t) == 1 and isinstance(t[0], exp.Create), "not one CREATE VIEW"
assert isinstance(t[0].expression, exp.Select), "the view is not a SELECT"
' "$top/sql/ssd/cinplan_caseload.tsql" 2>"$tmp/tsql.err"; then
	ok
else
	bad "ssd: cinplan_caseload.tsql does not parse as T-SQL:"
	cat "$tmp/tsql.err"
fi
# and uses none of PostgreSQL's own syntax.
if sed 's/--.*//' "$top/sql/ssd/cinplan_caseload.tsql" |
    grep -nE '::|\|\||LIMIT|LATERAL|NULLS (FIRST|LAST)|CURRENT_DATE|ILIKE'; then
	bad "ssd: cinplan_caseload.tsql has PostgreSQL syntax (above)"
else
	ok
fi

echo "ssd: $pass passed, $fail failed"
[ $fail -eq 0 ]
