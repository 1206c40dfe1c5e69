. ./lib/common.sh
# 4 KB of binary junk as a caseload: its first line is taken as the
# header, which has neither required column, so nothing is read.
junk 7 4096 >"$WORK/junk.csv"
cd "$WORK" && "$CINPLAN" check --caseload junk.csv --as-of 2026-11-22
