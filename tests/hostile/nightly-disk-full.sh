# Issue 19, 1: the nightly job must never replace a good report with a
# partial one.  The first night writes the day's report; on the second the
# report cannot be written (cinplan's standard output is a full disk): the
# check exits 2 whatever it found, and the job keeps the first report as
# it was, exits 2 and names the log.  (examples/nightly.sh runs the job,
# dist/cinplan-nightly.sh, from the tree.)
cd "$WORK" || exit 1
cat >full-cinplan <<EOS
#!/bin/sh
exec "$CINPLAN" "\$@" >/dev/full
EOS
chmod +x full-cinplan
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
echo "cinplan = $WORK/full-cinplan" >>nightly.conf
sh "$examples/nightly.sh" -c nightly.conf 2>msg
echo "second night: status $?"
cmp -s reports/cinplan-check-*.csv good.csv && echo "report kept"
sed -n 's/.*(status \([0-9]*\)).*/said status \1/p' msg
cat reports/cinplan-check-*.log
ls -A reports | sed 's/[0-9-]*\././'
