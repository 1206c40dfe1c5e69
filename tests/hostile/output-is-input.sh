# Issue 19, 4: an output that is the input being read is refused before
# anything is written, and the input is left as it was: census's
# --to-caseload naming the return itself, export's -o naming the
# caseload (also through another name for the same file).
cd "$WORK" || exit 1
cp "$OLDPWD/../../examples/census-sample.xml" census.xml
cp "$OLDPWD/../../examples/caseload.csv" caseload.csv
cp census.xml census.before
cp caseload.csv caseload.before
ln caseload.csv other-name.csv
"$CINPLAN" census census.xml --to-caseload census.xml --profile torbay
echo "census status $?"
"$CINPLAN" export --caseload caseload.csv --as-of 2026-11-22 -o caseload.csv
echo "export status $?"
"$CINPLAN" export --caseload caseload.csv --as-of 2026-11-22 \
    -o ./other-name.csv
echo "export status $?"
cmp census.xml census.before && cmp caseload.csv caseload.before &&
    echo "inputs unchanged"
