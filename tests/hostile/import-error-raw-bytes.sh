# Found by fuzz_holidays: jansson's error text quotes the JSON near the
# error ("near '...'") byte for byte, and the import passes it on: an
# escape sequence in the file (clear the screen) reaches the terminal, and
# a line break after a stray backslash splits the message in two.  Each
# message must be one line of printable text.
for f in json-escape-in-error json-newline-in-error; do
	"$CINPLAN" holidays --import in/$f.json >/dev/null 2>"$WORK/err"
	echo "$f: status $?, $(wc -l <"$WORK/err") line(s)"
	if LC_ALL=C grep '[^ -~]' "$WORK/err" >/dev/null; then
		echo "$f: a byte that is not printable ASCII"
	else
		echo "$f: message clean"
	fi
done
