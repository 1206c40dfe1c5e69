#!/bin/sh
# nightly.sh: the nightly Child in Need check, for cron.
#
# Runs "cinplan check" over a caseload as of today and keeps the findings
# as a dated CSV report, with what cinplan said on standard error (rejected
# rows, and any error) in a log beside it:
#
#	$REPORT_DIR/cinplan-check-YYYY-MM-DD.csv
#	$REPORT_DIR/cinplan-check-YYYY-MM-DD.log
#
# Both are written to temporary files in REPORT_DIR and renamed into place,
# so a reader never sees half a report; after an error only the log is
# replaced.  The script exits with cinplan's status, so that cron or a
# monitoring system can alert on it:
#
#	0  nothing overdue
#	1  something is overdue
#	2  usage, profile or data error (see the log)
#	3  rows were rejected, or case references repeated (see the log); the
#	   report still lists findings
#
# It prints nothing when all is well, and one line naming the report or
# the log when not, which cron mails to the job's owner.  As-of is today's
# date in the local time zone (set TZ=Europe/London in the crontab if the
# machine runs on UTC).
#
# Settings, from the environment:
#
#	CASELOAD    the caseload CSV file (required)
#	REPORT_DIR  where reports go (default: ./reports); created if missing
#	CINPLAN     the cinplan program (default: cinplan, found on PATH)
#	WITHIN      report items due within this many working days (default: 5)
#
# Example crontab line (06:30, Monday to Friday):
#
#	30 6 * * 1-5  CASELOAD=/srv/cin/caseload.csv REPORT_DIR=/srv/cin/reports /usr/local/bin/cinplan-nightly
#
# The report holds case references and worker names; keep REPORT_DIR
# readable only by those who may see the caseload.

set -u

CINPLAN=${CINPLAN:-cinplan}
REPORT_DIR=${REPORT_DIR:-reports}
WITHIN=${WITHIN:-5}

if [ -z "${CASELOAD:-}" ]; then
	echo "nightly.sh: set CASELOAD to the caseload CSV file" >&2
	exit 2
fi

umask 027
if ! mkdir -p "$REPORT_DIR"; then
	echo "nightly.sh: cannot create $REPORT_DIR" >&2
	exit 2
fi

# One date for the file names and the check, even across midnight.
today=$(date +%Y-%m-%d) || exit 2
report=$REPORT_DIR/cinplan-check-$today.csv
log=$REPORT_DIR/cinplan-check-$today.log

tmp_report=$(mktemp "$REPORT_DIR/.cinplan-check.XXXXXX") || exit 2
tmp_log=$(mktemp "$REPORT_DIR/.cinplan-check.XXXXXX") || {
	rm -f "$tmp_report"
	exit 2
}
trap 'rm -f "$tmp_report" "$tmp_log"' EXIT
trap 'exit 2' HUP INT TERM

"$CINPLAN" check --caseload "$CASELOAD" --as-of "$today" \
    --within "$WITHIN" --format csv >"$tmp_report" 2>"$tmp_log"
status=$?

# mktemp makes files private to the owner; let the group read reports.
chmod 640 "$tmp_report" "$tmp_log" || exit 2
# After an error (status 2) the findings may be incomplete: keep the log,
# and leave any earlier report of the day as it was.
case $status in
0|1|3)	mv -f "$tmp_report" "$report" || exit 2 ;;
esac
mv -f "$tmp_log" "$log" || exit 2

case $status in
0)	;;
1)	echo "cinplan: overdue items as of $today: see $report" >&2 ;;
3)	echo "cinplan: caseload rows rejected or repeated as of $today: see $log and $report" >&2 ;;
*)	echo "cinplan: the check failed (status $status): see $log" >&2 ;;
esac
exit "$status"
