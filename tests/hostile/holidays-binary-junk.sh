# 4096 bytes of binary junk from a fixed seed, made here rather than
# committed: a 16-bit linear congruential generator in awk (exact in any
# awk's doubles), written out with printf's octal escapes.
junk() {	# seed bytes
	awk -v seed="$1" -v n="$2" 'BEGIN {
		x = seed
		for (i = 0; i < n; i++) {
			x = (x * 75 + 74) % 65537
			printf "\\%03o", x % 256
			if (i % 64 == 63)
				printf "\n"
		}
		printf "\n"
	}' | while IFS= read -r l; do printf "$l"; done
}
# 4 KB of binary junk as holiday data: the file holds NUL bytes and is
# refused as a whole before any line is read.
junk 3 4096 >"$WORK/junk"
cd "$WORK" && "$CINPLAN" holidays 2026 --holidays junk
