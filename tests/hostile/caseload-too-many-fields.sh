# 1100 fields in a row, over the 1024 a row may hold; the header has 4
# and so the next row is read normally.
{
	printf 'case_id,profile,worker,referral\n'
	awk 'BEGIN { printf "A1,torbay"; for (i = 0; i < 1100; i++) printf ","; printf "\n" }'
	printf 'A2,torbay,Sam,2026-11-01\n'
} >"$WORK/wide.csv"
cd "$WORK" && "$CINPLAN" check --caseload wide.csv --as-of 2026-11-22
