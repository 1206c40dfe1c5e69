# --import with -o: nothing on standard output, the data file written whole
# (the same text as import-govuk.out).
"$CINPLAN" holidays --import govuk-2022-2023.json -o "$WORK/holidays" || exit
cat "$WORK/holidays"
