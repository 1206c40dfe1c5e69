# --review may be given at most 1000 times (cinplan(1) LIMITS): 1001
# distinct dates (days 1 to 28 of each month from January 2026) are
# refused.
set -- $(awk 'BEGIN {
	for (n = 0; n < 1001; n++)
		printf "--review %04d-%02d-%02d\n", 2026 + int(n / 336),
		    int(n % 336 / 28) + 1, n % 28 + 1
}')
"$CINPLAN" schedule --profile torbay --first-meeting 2025-12-31 "$@" \
    --as-of 2026-11-22 >/dev/null
