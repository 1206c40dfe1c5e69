# Found by fuzz_ics: libical 3.0 counts the CR of a line's end towards the
# 75 octets when it folds, so a property whose last folded piece is 74
# octets is folded once more, between its CR and LF: the line ends CR CR
# LF and is followed by a line of one space ended by a bare LF.  Here the
# UID is 73 octets (a 42-character case reference and
# ".torbay.first-meeting.1@cinplan"), folded after "UID:".  Every line
# must end in CR LF and hold no other CR.
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --as-of 2026-11-22 \
    --until 2026-12-31 --format ics \
    --case-id AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA >"$WORK/a.ics"
echo "status $?"
echo "lines not ending in CR LF: $(grep -c -v "$(printf '\r')\$" "$WORK/a.ics")"
echo "lines with a CR inside: $(grep -c "$(printf '\r').*$(printf '\r')" "$WORK/a.ics")"
