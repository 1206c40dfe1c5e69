# A 100 KB line in a profile: iniparser reads lines into 1024 bytes, so
# cinplan refuses any line over 1022 (cinplan-profile(5)) rather than let
# iniparser split it into two; authority, on that line, is then missing.
{
	printf '[profile]\nauthority = '
	awk 'BEGIN { for (i = 0; i < 102400; i++) printf "x" }'
	printf '\ndocument = d\nextends = england\n'
} >"$WORK/long.ini"
cd "$WORK" && "$CINPLAN" profile check long.ini
