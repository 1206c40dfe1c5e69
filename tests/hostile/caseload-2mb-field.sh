# A 2 MiB quoted field holding 1001 line breaks: refused as too long,
# discarded as it is read (never held whole), and the rows after it are
# read with their own physical lines: A3's bad date is reported at line
# 1005 (1 header, A1 from line 2 to 1003, A2 on 1004).
{
	printf 'case_id,profile,worker,referral\nA1,torbay,"'
	awk 'BEGIN { for (i = 0; i < 2097152; i++) printf (i % 2097 == 0 ? "\n" : "w") }'
	printf '",2026-11-01\nA2,torbay,Sam,2026-11-01\nA3,torbay,Sam,2026-11-31\n'
} >"$WORK/huge.csv"
cd "$WORK" && "$CINPLAN" check --caseload huge.csv --as-of 2026-11-22
