. ./lib/common.sh
# 4 KB of binary junk as holiday data: the file holds NUL bytes and is
# refused as a whole before any line is read.
junk 3 4096 >"$WORK/junk"
cd "$WORK" && "$CINPLAN" holidays 2026 --holidays junk
