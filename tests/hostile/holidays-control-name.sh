# A holiday data file whose name holds an escape sequence (clear the
# screen): "holidays" prints it raw.  Names from the data file (or from
# GOV.UK's JSON, through --import) must reach a terminal harmless:
# refused with the line named, or shown without the control characters.
"$CINPLAN" holidays 2026 --holidays in/hol-control >"$WORK/out" 2>&1
if LC_ALL=C grep "$(printf '\033')" "$WORK/out" >/dev/null; then
	echo "escape sequences printed"
else
	echo "no escape sequence printed"
fi
