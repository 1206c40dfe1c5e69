# --to-caseload FILE: the file is written whole, and the report still goes
# to standard output.
"$CINPLAN" census ../../data/census/cin-census-sample-2022.xml --format csv \
    --to-caseload "$WORK/open.csv" --profile england --as-of 1971-02-01 \
    2>"$WORK/err"
echo "exit $?"
sed "s|$WORK|WORK|" "$WORK/err"
cat "$WORK/open.csv"
