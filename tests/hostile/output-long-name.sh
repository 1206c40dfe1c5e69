# Issue 19, 4: an output file name of 254 bytes (most file systems take
# 255) is written: the temporary file beside it has a short name of its
# own, not the output's name with more added.
cd "$WORK" || exit 1
name=$(printf '%0250d' 0).ics
"$CINPLAN" export --caseload "$OLDPWD/../../examples/caseload.csv" \
    --as-of 2026-11-22 -o "$name" 2>/dev/null
echo "status $?"
head -n 1 "$name" | tr -d '\r'
ls -A | wc -l
