. ./lib/common.sh
# A profile of binary junk is refused with exit 2, and however many
# messages it earns, none may carry the junk's raw bytes (escape
# sequences, invalid UTF-8) to the terminal.
junk 1 4096 >"$WORK/junk.ini"
cd "$WORK" && "$CINPLAN" profile check junk.ini 2>err
echo "status $?"
clean_err err
