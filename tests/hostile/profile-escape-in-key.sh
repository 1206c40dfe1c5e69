. ./lib/common.sh
# An unknown key made of terminal escape sequences: the message names the
# key, and must show it harmlessly, as the caseload reader shows bad cells
# ('?' for what is not printable ASCII).
printf '[profile]\nauthority = A\ndocument = d\nextends = england\n\033[31mRED\033[0m = x\n' >"$WORK/esc.ini"
cd "$WORK" && "$CINPLAN" profile check esc.ini 2>err
echo "status $?"
clean_err err
