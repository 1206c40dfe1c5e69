#!/bin/sh
# cinplan-nightly: the nightly Child in Need check, for cron or a systemd
# timer.  See cinplan-nightly(8).
#
# Reads its settings from SYSCONFDIR/cinplan/nightly.conf (or -c FILE),
# runs "cinplan check" and "cinplan export" over the caseload as of today
# with the cinplan installed beside it, and keeps, in the report directory:
#
#	cinplan-check-YYYY-MM-DD.csv	the day's findings
#	cinplan-check-YYYY-MM-DD.log	what cinplan said (rejected rows, errors)
#	cinplan.ics			the latest calendar (or where
#					"calendar" says)
#
# Each is written to a temporary file first and moved into place only
# when the whole run has succeeded, so a failed run never replaces a good
# report or calendar with a partial one; its log says what went wrong.
#
# Exit status: cinplan check's (0 nothing overdue, 1 something overdue,
# 3 rows rejected, repeated or unchecked), or 2 when anything failed: the
# settings, the caseload, cinplan itself, a write, or sending the report.
set -u

PROG=cinplan-nightly
# Set by make install; an uninstalled copy reads /etc.
sysconfdir=@SYSCONFDIR@
case $sysconfdir in
@*) sysconfdir=/etc ;;
esac

fail() {
	echo "$PROG: $*" >&2
	exit 2
}

usage() {
	echo "usage: $PROG [-c FILE]" >&2
	exit 2
}

conf=$sysconfdir/cinplan/nightly.conf
while getopts c:h opt; do
	case $opt in
	c)	conf=$OPTARG ;;
	h)	echo "usage: $PROG [-c FILE]"
		exit 0 ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

# ---- settings: NAME = VALUE lines, # comments ------------------------------

caseload='' caseload_command='' dates='' columns='' profile='' within=5
report_dir=/var/lib/cinplan calendar='' mail_to='' command=''
notify=problems timezone='' cinplan=''

[ -f "$conf" ] && [ -r "$conf" ] ||
    fail "$conf: cannot read the settings (see cinplan-nightly(8))"
n=0
while IFS= read -r line || [ -n "$line" ]; do
	n=$((n + 1))
	line=${line%"${line##*[![:space:]]}"}
	line=${line#"${line%%[![:space:]]*}"}
	case $line in
	''|'#'*) continue ;;
	*=*)	;;
	*)	fail "$conf:$n: expected NAME = VALUE" ;;
	esac
	key=${line%%=*}
	key=${key%"${key##*[![:space:]]}"}
	val=${line#*=}
	val=${val#"${val%%[![:space:]]*}"}
	case $key in
	caseload|caseload_command|dates|columns|profile|within|report_dir|\
	calendar|mail_to|command|notify|timezone|cinplan)
		;;
	*)	fail "$conf:$n: unknown setting '$key'" ;;
	esac
	# $key is one of the names above, so eval sees only them.
	eval "first=\${line_$key:-}"
	[ -z "$first" ] || fail "$conf:$n: $key is set twice (first on line $first)"
	eval "line_$key=\$n; $key=\$val"
done <"$conf"

where() {	# NAME: "FILE:LINE: NAME" for a setting given, else "FILE: NAME"
	eval "l=\${line_$1:-}"
	if [ -n "$l" ]; then
		echo "$conf:$l: $1"
	else
		echo "$conf: $1"
	fi
}

absolute() {	# NAME VALUE: an empty value, or an absolute path
	case $2 in
	''|/*)	;;
	*)	fail "$(where "$1"): '$2' is not an absolute path" ;;
	esac
}

if [ -n "$caseload" ] && [ -n "$caseload_command" ]; then
	fail "$conf: caseload (line $line_caseload) and caseload_command" \
	    "(line $line_caseload_command): set one, not both"
fi
[ -n "$caseload" ] || [ -n "$caseload_command" ] ||
    fail "$conf: set caseload (a CSV file) or caseload_command"
absolute caseload "$caseload"
absolute columns "$columns"
absolute report_dir "$report_dir"
[ "$calendar" = none ] || absolute calendar "$calendar"
[ -n "$report_dir" ] || fail "$(where report_dir): empty"
case $dates in
''|iso|uk) ;;
*)	fail "$(where dates): '$dates' is not iso or uk" ;;
esac
case $within in
''|*[!0-9]*) fail "$(where within): '$within' is not a number of working days" ;;
esac
case $notify in
problems|always) ;;
*)	fail "$(where notify): '$notify' is not problems or always" ;;
esac
if [ -n "$timezone" ]; then
	[ -f "/usr/share/zoneinfo/$timezone" ] ||
	    fail "$(where timezone): '$timezone' is not a known time zone"
	TZ=$timezone
	export TZ
fi
if [ -n "$mail_to" ] && ! command -v mail >/dev/null 2>&1; then
	fail "$(where mail_to): no mail command on PATH ($PATH)"
fi

# The cinplan installed beside this script, unless told otherwise.
if [ -z "$cinplan" ]; then
	cinplan=${CINPLAN:-$(dirname -- "$0")/cinplan}
fi
[ -x "$cinplan" ] || fail "$cinplan: no cinplan program there" \
    "(set cinplan in $conf)"
[ -n "$calendar" ] || calendar=$report_dir/cinplan.ics

# ---- the run -----------------------------------------------------------------

umask 027
mkdir -p -- "$report_dir" || fail "$report_dir: cannot create it"
# One date for the file names and the check, even across midnight.
today=$(date +%Y-%m-%d) || fail "cannot read today's date"
report=$report_dir/cinplan-check-$today.csv
log=$report_dir/cinplan-check-$today.log

tmp=$(mktemp -d "$report_dir/.cinplan-nightly.XXXXXX") ||
    fail "$report_dir: cannot write there"
tmp_ics=''
trap 'rm -rf "$tmp"; [ -z "$tmp_ics" ] || rm -f "$tmp_ics"' EXIT
trap 'exit 2' HUP INT TERM

# The options check and export share.
set -- --as-of "$today"
[ -z "$dates" ] || set -- "$@" --dates "$dates"
[ -z "$columns" ] || set -- "$@" --columns "$columns"
[ -z "$profile" ] || set -- "$@" --profile "$profile"

: >"$tmp/log" || fail "$report_dir: cannot write there"
failed=''
source=$caseload
if [ -n "$caseload_command" ]; then
	source=$tmp/caseload.csv
	sh -c "$caseload_command" >"$source" 2>>"$tmp/log"
	st=$?
	[ $st -eq 0 ] ||
	    failed="the caseload command failed (status $st)"
fi

status=2
if [ -z "$failed" ]; then
	"$cinplan" check --caseload "$source" --within "$within" \
	    --format csv "$@" >"$tmp/report.csv" 2>>"$tmp/log"
	status=$?
	case $status in
	0|1|3)	;;
	*)	failed="the check failed (status $status)" ;;
	esac
fi

# The calendar: export reads the one in place for its sequence numbers
# and cancellations, so it starts from a copy of it, beside it.
if [ -z "$failed" ] && [ "$calendar" != none ]; then
	if tmp_ics=$(mktemp "$(dirname -- "$calendar")/.cinplan-nightly.XXXXXX") &&
	    { [ ! -f "$calendar" ] || cp -- "$calendar" "$tmp_ics"; }; then
		"$cinplan" export --caseload "$source" "$@" \
		    -o "$tmp_ics" 2>>"$tmp/log"
		st=$?
		case $st in
		0|3)	;;
		*)	failed="the calendar export failed (status $st)" ;;
		esac
	else
		failed="$(dirname -- "$calendar"): cannot write the calendar there"
	fi
fi

# Into place, the report and calendar only after a whole run.
if [ -z "$failed" ]; then
	chmod 640 "$tmp/report.csv" &&
	    mv -f "$tmp/report.csv" "$report" ||
	    failed="$report: cannot put the report in place"
fi
if [ -z "$failed" ] && [ "$calendar" != none ]; then
	chmod 640 "$tmp_ics" && mv -f "$tmp_ics" "$calendar" ||
	    failed="$calendar: cannot put the calendar in place"
fi
if [ -n "$failed" ]; then
	echo "$PROG: $failed; the report and calendar of the last good run are kept" >>"$tmp/log"
elif [ "$calendar" != none ]; then
	echo "$PROG: report $report, calendar $calendar" >>"$tmp/log"
else
	echo "$PROG: report $report" >>"$tmp/log"
fi
chmod 640 "$tmp/log" && mv -f "$tmp/log" "$log" || {
	echo "$PROG: $log: cannot put the log in place" >&2
	failed=${failed:-"the log could not be kept"}
}

if [ -n "$failed" ]; then
	status=2
	summary="cinplan: $failed as of $today: see $log"
else
	case $status in
	0)	summary="cinplan: nothing overdue as of $today: $report" ;;
	1)	summary="cinplan: overdue items as of $today: see $report" ;;
	*)	summary="cinplan: caseload rows rejected, repeated or unchecked as of $today: see $log and $report" ;;
	esac
fi

# ---- telling someone ---------------------------------------------------------

if [ "$status" -ne 0 ] || [ "$notify" = always ]; then
	if [ -n "$mail_to" ]; then
		{
			echo "$summary"
			echo
			cat -- "$log"
			if [ -f "$report" ] && [ -z "$failed" ]; then
				echo
				cat -- "$report"
			fi
		} | mail -s "$summary" "$mail_to" ||
		    { echo "$PROG: mail to $mail_to failed" >&2; status=2; }
	fi
	if [ -n "$command" ]; then
		CINPLAN_STATUS=$status CINPLAN_DATE=$today CINPLAN_REPORT=$report \
		    CINPLAN_LOG=$log CINPLAN_CALENDAR=$calendar \
		    CINPLAN_SUMMARY=$summary sh -c "$command" </dev/null
		st=$?
		if [ $st -ne 0 ]; then
			echo "$PROG: $(where command): failed (status $st)" >&2
			status=2
		fi
	fi
fi
[ "$status" -eq 0 ] || echo "$summary" >&2
exit "$status"
