# Issue 19 round two, 2: a night whose caseload has no usable row (here
# Excel saved it with every date as DD/MM/YYYY, so every row is rejected)
# must not replace the day's good report with an empty "0 overdue" one:
# check exits 2, and the nightly job keeps the first report, exits 2 and
# names the log, which says why.  (examples/nightly.sh runs the job,
# dist/cinplan-nightly.sh, from the tree.)
cd "$WORK" || exit 1
examples=$(cd "$OLDPWD/../../examples" && pwd)
printf 'caseload = %s\nreport_dir = %s\ncalendar = none\n' \
    "$examples/caseload.csv" "$WORK/reports" >nightly.conf
CINPLAN=$CINPLAN sh "$examples/nightly.sh" -c nightly.conf 2>/dev/null
# The findings depend on the day it runs: 0, 1 or 3 all write a report.
case $? in
0|1|3) echo "first night: report written" ;;
*) echo "first night: failed" ;;
esac
cp reports/cinplan-check-*.csv good.csv
# Every ISO date turned into DD/MM/YYYY.
sed 's/\([0-9]\{4\}\)-\([0-9][0-9]\)-\([0-9][0-9]\)/\3\/\2\/\1/g' \
    "$examples/caseload.csv" >uk.csv
printf 'caseload = %s\nreport_dir = %s\ncalendar = none\n' \
    "$WORK/uk.csv" "$WORK/reports" >nightly.conf
CINPLAN=$CINPLAN sh "$examples/nightly.sh" -c nightly.conf 2>msg
echo "second night: status $?"
cmp -s reports/cinplan-check-*.csv good.csv && echo "report kept"
sed -n 's/.*(status \([0-9]*\)).*/said status \1/p' msg
grep "no usable row" reports/cinplan-check-*.log | sed "s|$WORK/||"
ls -A reports | sed 's/[0-9-]*\././'
