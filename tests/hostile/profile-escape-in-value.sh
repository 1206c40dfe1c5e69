# A profile whose authority holds terminal escape sequences (set the
# window title, clear the screen) passes "profile check" as ok and is
# printed raw by "profiles" and "profile show".  Text from a profile must
# reach a terminal harmless: refused on loading (as the caseload refuses
# control characters in its text cells) or shown without them.
"$CINPLAN" profiles --rules in >"$WORK/out" 2>&1
"$CINPLAN" profile show escape-value --rules in >>"$WORK/out" 2>&1
if LC_ALL=C grep "$(printf '\033')" "$WORK/out" >/dev/null; then
	echo "escape sequences printed"
else
	echo "no escape sequence printed"
fi
