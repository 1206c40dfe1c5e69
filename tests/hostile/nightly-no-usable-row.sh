# Issue 19 round two, 2: a night whose caseload has no usable row (here
# Excel saved it with every date as DD/MM/YYYY, so every row is rejected)
# must not replace the day's good report with an empty "0 overdue" one:
# check exits 2, and examples/nightly.sh keeps the first report, exits 2
# and names the log, which says why.
cd "$WORK" || exit 1
ex=$OLDPWD/../../examples/caseload.csv
CASELOAD=$ex REPORT_DIR=reports CINPLAN=$CINPLAN \
    sh "$OLDPWD/../../examples/nightly.sh" 2>/dev/null
case $? in
0|1|3) echo "first night: report written" ;;
*) echo "first night: failed" ;;
esac
cp reports/cinplan-check-*.csv good.csv
# Every ISO date turned into DD/MM/YYYY.
sed 's/\([0-9]\{4\}\)-\([0-9][0-9]\)-\([0-9][0-9]\)/\3\/\2\/\1/g' "$ex" >uk.csv
CASELOAD=uk.csv REPORT_DIR=reports CINPLAN=$CINPLAN \
    sh "$OLDPWD/../../examples/nightly.sh" 2>msg
echo "second night: status $?"
cmp -s reports/cinplan-check-*.csv good.csv && echo "report kept"
sed -n 's/.*(status \([0-9]*\)).*/said status \1/p' msg
tail -n 1 reports/cinplan-check-*.log
ls -A reports | sed 's/[0-9-]*\././'
