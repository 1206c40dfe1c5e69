# Shell functions the hostile .sh cases share: each sources this file
# from tests/hostile, where the runner starts it.

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

# Every message line starts "cinplan: " and holds printable ASCII only:
# raw bytes of a hostile file must not reach a terminal.
clean_err() {	# file
	if LC_ALL=C grep -v '^cinplan: ' "$1" >/dev/null; then
		echo "a line without the cinplan: prefix"
	elif LC_ALL=C grep '[^ -~]' "$1" >/dev/null; then
		echo "a byte that is not printable ASCII"
	else
		echo "messages clean"
	fi
}
