# A field of 65537 bytes, one over the limit (cinplan-caseload(5)
# LIMITS): that row is refused at the line it starts on, and the next row
# (line 3) is read and counted as an open case.
{
	printf 'case_id,profile,worker,referral\nA1,torbay,'
	awk 'BEGIN { for (i = 0; i < 65537; i++) printf "w" }'
	printf ',2026-11-01\nA2,torbay,Sam,2026-11-01\n'
} >"$WORK/big.csv"
cd "$WORK" && "$CINPLAN" check --caseload big.csv --as-of 2026-11-22
