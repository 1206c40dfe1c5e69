# A title with a line break must not inject a line into the data file
# written: the break becomes a space and "add 2026-07-01" never starts a
# line.  (2026 is the only year the JSON covers, so the rules' 2026
# holidays it leaves out become remove lines, given --allow-missing; the
# changes shown on standard error are not compared.)
"$CINPLAN" holidays --import in/json-newline-title.json --allow-missing \
    2>/dev/null | grep 2026
