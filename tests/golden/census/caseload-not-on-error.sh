# A file that stops being well-formed writes no caseload and leaves an
# old one as it was.
echo old >"$WORK/open.csv"
"$CINPLAN" census ../../data/census/broken.xml --format csv \
    --to-caseload "$WORK/open.csv" --profile england --as-of 1971-02-01 \
    2>"$WORK/err"
echo "exit $?"
sed "s|$WORK|WORK|" "$WORK/err"
cat "$WORK/open.csv"
ls -a "$WORK"
