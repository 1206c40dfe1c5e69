# Issue 19 round two, 1: help and the version written to a full disk are
# output cut short too: status 2, one message (cinplan(1) EXIT STATUS).
"$CINPLAN" --help >/dev/full
echo "help status $?"
"$CINPLAN" --version >/dev/full
echo "version status $?"
"$CINPLAN" check --help >/dev/full
echo "check --help status $?"
