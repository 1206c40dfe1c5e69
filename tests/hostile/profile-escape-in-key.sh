# Every message line starts "cinplan: " and holds printable ASCII only:
# raw bytes of a hostile file must not reach a terminal.
clean_err() {	# file
	if LC_ALL=C grep -v '^cinplan: ' "$1" >/dev/null; then
		echo "a line without the cinplan: prefix"
	elif LC_ALL=C grep '[^ -~]' "$1" >/dev/null; then
		echo "a byte that is not printable ASCII"
	else
		echo "messages clean"
	fi
}
# An unknown key made of terminal escape sequences: the message names the
# key, and must show it harmlessly, as the caseload reader shows bad cells
# ('?' for what is not printable ASCII).
printf '[profile]\nauthority = A\ndocument = d\nextends = england\n\033[31mRED\033[0m = x\n' >"$WORK/esc.ini"
cd "$WORK" && "$CINPLAN" profile check esc.ini 2>err
echo "status $?"
clean_err err
