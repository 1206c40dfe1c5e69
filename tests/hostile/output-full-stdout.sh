# Issue 19, 1 and 4: writing a caseload, a calendar or holiday data to a
# full standard output fails with status 2 and one message saying so: no
# empty "cinplan: " line, no message twice.
"$CINPLAN" census ../../examples/census-sample.xml --as-of 1971-01-01 \
    --to-caseload - --profile torbay >/dev/full 2>"$WORK/err"
echo "census status $?"
grep -v 'child\|episode' "$WORK/err" >&2
"$CINPLAN" export --caseload ../../examples/caseload.csv --as-of 2026-11-22 \
    -o - >/dev/full
echo "export status $?"
"$CINPLAN" holidays --import ../golden/holidays/govuk-2022-2023.json >/dev/full
echo "import status $?"
