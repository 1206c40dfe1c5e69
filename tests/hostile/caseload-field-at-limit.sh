# A field of exactly 65536 bytes is allowed: both rows are open cases.
{
	printf 'case_id,profile,worker,referral\nA1,torbay,'
	awk 'BEGIN { for (i = 0; i < 65536; i++) printf "w" }'
	printf ',2026-11-01\nA2,torbay,Sam,2026-11-01\n'
} >"$WORK/limit.csv"
cd "$WORK" && "$CINPLAN" check --caseload limit.csv --as-of 2026-11-22
