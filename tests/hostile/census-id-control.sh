# Found by fuzz_census: an LAchildID holding DEL, a C1 control (U+009B,
# CSI) and a line feed (&#10;) is kept as it is, and census --to-caseload
# writes a caseload that check then refuses ("case_id: contains a control
# character").  The census reader must refuse such an id as the caseload
# does, so the child is reported and left out; here that shows as the
# caseload written holding no row that check refuses, and census exiting
# 3 (a value of the return rejected, cinplan(1) EXIT STATUS).
cd "$WORK" || exit 1
"$CINPLAN" census "$OLDPWD/in/census-id-control.xml" --as-of 1971-01-01 \
    --to-caseload out.csv --profile torbay >/dev/null 2>&1
echo "census status $?"
"$CINPLAN" check --caseload out.csv --as-of 1971-01-01 >/dev/null 2>err
echo "check status $?"
echo "check messages: $(wc -l <err)"
cat err
