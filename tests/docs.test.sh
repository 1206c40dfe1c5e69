#!/bin/sh
# The documentation, held to the program.
#
# (a) README.md: in every fenced block, each line "$ ./cinplan ..." is run
#     and its standard output must be the lines shown after it, up to the
#     next line starting with "$ " or the end of the block.  Trailing blanks
#     on a line are ignored (editors strip them); standard error and the
#     exit status are not compared.  Other "$ " lines (make, curl, ...) and
#     lines without a prompt are instructions, not run.
# (b) man/cinplan.1, EXAMPLES: each line of a .Dl or .Bd -literal display
#     that starts with "$ cinplan " or "cinplan " is run.  Convention: it
#     must exit 0, unless the prose between the previous example command
#     and this one says "exits with status N" (the words may run over a
#     line break).  In a .Bd -literal display, lines after a command up to
#     the next "$ " line or .Ed, if there are any, are its standard output.
# (c) SYNOPSIS, as mandoc renders it, says what "cinplan --help" and each
#     "cinplan COMMAND --help" print: the same usage lines with the same
#     words in the same order; and every option of every usage is in it.
# (d) "make install" for a PREFIX other than the one ./cinplan was built
#     for refuses and installs nothing; a staged "make install DESTDIR=..."
#     puts the binary, rules, manuals and completion in place; the staged
#     binary lists the shipped profiles from another directory (it looks
#     in PREFIX/share/..., without DESTDIR, so it uses its built-in copy);
#     "make uninstall" with the same variables leaves no file behind.
# (e) The shipped shell files parse, and the bash completion offers every
#     option of every usage.
#
# Commands in (a) and (b) run in a scratch directory laid out like the
# repository top (./cinplan, examples/ and rules/ linked in, cinplan on
# PATH), so files they write land there, with LC_ALL=C TZ=UTC NO_COLOR=1,
# HOME an empty directory, and CINPLAN_RULES, XDG_CONFIG_HOME and
# SOURCE_DATE_EPOCH unset.
#
# usage: sh tests/docs.test.sh ./cinplan	(from the repository top)
set -u
bin=${1:-./cinplan}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(pwd)
man=$top/man/cinplan.1
if [ ! -f "$top/README.md" ] || [ ! -f "$man" ] || [ ! -x "$bin" ]; then
	echo "docs: run from the repository top as: sh tests/docs.test.sh ./cinplan"
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

mkdir "$tmp/top" "$tmp/home" "$tmp/bin" "$tmp/readme" "$tmp/ex"
ln -s "$bin" "$tmp/top/cinplan"
ln -s "$bin" "$tmp/bin/cinplan"
ln -s "$top/examples" "$tmp/top/examples"
ln -s "$top/rules" "$tmp/top/rules"

# run CMDLINE OUTFILE: run a shell command line as described above.
run() {
	(
		cd "$tmp/top" || exit 125
		unset CINPLAN_RULES XDG_CONFIG_HOME SOURCE_DATE_EPOCH
		LC_ALL=C TZ=UTC NO_COLOR=1 HOME=$tmp/home PATH=$tmp/bin:$PATH
		export LC_ALL TZ NO_COLOR HOME PATH
		exec sh -c "$1"
	) >"$2" 2>"$tmp/stderr" </dev/null
}

# same GOT WANT: equal but for trailing blanks.
same() {
	sed 's/[[:space:]]*$//' "$1" >"$tmp/same.got"
	sed 's/[[:space:]]*$//' "$2" >"$tmp/same.want"
	cmp -s "$tmp/same.got" "$tmp/same.want"
}

show_diff() {
	echo "  (- shown in the documentation, + printed)"
	diff -u "$tmp/same.want" "$tmp/same.got" | sed -n '3,40s/^/  /p'
}

# ---- (a) README.md and examples/README.md ---------------------------------

for doc in README.md examples/README.md; do
rm -rf "$tmp/readme"
mkdir -p "$tmp/readme"
awk -v dir="$tmp/readme" '
/^```/ { inb = !inb; cur = 0; next }
!inb { next }
/^\$ / {
	cur = 0
	if (substr($0, 1, 12) == "$ ./cinplan ") {
		cur = ++n
		print substr($0, 3) > (dir "/" n ".cmd")
		close(dir "/" n ".cmd")
		print NR > (dir "/" n ".line")
		close(dir "/" n ".line")
		printf "" > (dir "/" n ".want")
	}
	next
}
cur { print > (dir "/" cur ".want") }
' "$top/$doc"

i=1
while [ -f "$tmp/readme/$i.cmd" ]; do
	cmd=$(cat "$tmp/readme/$i.cmd")
	where="$doc:$(cat "$tmp/readme/$i.line")"
	run "$cmd" "$tmp/out"
	st=$?
	if [ $st -gt 3 ]; then
		bad "$where: exit status $st: $cmd"
		sed 's/^/  /' "$tmp/stderr"
	elif same "$tmp/out" "$tmp/readme/$i.want"; then
		ok
	else
		bad "$where: output differs: $cmd"
		show_diff
	fi
	i=$((i + 1))
done
if [ $i -eq 1 ]; then
	bad "$doc: no '\$ ./cinplan' examples found"
fi
done

# ---- (b) the manual's EXAMPLES ---------------------------------------------

awk -v dir="$tmp/ex" '
function unescape(s,   r, k) {
	gsub(/\\&/, "", s)
	gsub(/\\-/, "-", s)
	r = ""
	while ((k = index(s, "\\e")) > 0) {
		r = r substr(s, 1, k - 1) "\\"
		s = substr(s, k + 2)
	}
	return r s
}
function example(line, indisp,   want, m) {
	if (line ~ /^\$ cinplan / || line ~ /^cinplan /) {
		sub(/^\$ /, "", line)
		want = 0
		if (match(prose, /exits with status [0-9]+/)) {
			m = substr(prose, RSTART, RLENGTH)
			sub(/.* /, "", m)
			want = m
		}
		prose = ""
		n++
		print unescape(line) > (dir "/" n ".cmd")
		close(dir "/" n ".cmd")
		print want > (dir "/" n ".status")
		close(dir "/" n ".status")
		print NR > (dir "/" n ".line")
		close(dir "/" n ".line")
		printf "" > (dir "/" n ".want")
		cur = indisp ? n : 0
	} else if (line ~ /^\$ /)
		cur = 0
	else if (cur)
		print unescape(line) > (dir "/" cur ".want")
}
/^\.Sh / { inex = ($0 == ".Sh EXAMPLES"); disp = 0; cur = 0; next }
!inex { next }
/^\.Bd -literal/ { disp = 1; cur = 0; next }
/^\.Ed/ { disp = 0; cur = 0; next }
/^\.Dl / { example(substr($0, 5), 0); next }
/^\.\\"/ { next }
/^[.\047]/ { next }
disp { example($0, 1); next }
{ prose = prose " " $0 }
' "$man"

i=1
while [ -f "$tmp/ex/$i.cmd" ]; do
	cmd=$(cat "$tmp/ex/$i.cmd")
	want=$(cat "$tmp/ex/$i.status")
	where="man/cinplan.1:$(cat "$tmp/ex/$i.line")"
	run "$cmd" "$tmp/out"
	st=$?
	if [ "$st" -ne "$want" ]; then
		bad "$where: exit status $st, the manual says $want: $cmd"
		sed 's/^/  /' "$tmp/stderr"
	elif [ -s "$tmp/ex/$i.want" ] && ! same "$tmp/out" "$tmp/ex/$i.want"; then
		bad "$where: output differs: $cmd"
		show_diff
	else
		ok
	fi
	i=$((i + 1))
done
if [ $i -eq 1 ]; then
	bad "man/cinplan.1: no examples found in EXAMPLES"
fi

# ---- (c) SYNOPSIS and --help -----------------------------------------------

# Usage lines, one a line, words separated by one blank: a line "usage:
# cinplan ..." or "       cinplan ..." starts one, a tab continues it.
usages() {
	awk '
	/^(usage: |       )cinplan / {
		if (u != "") print u
		u = $0
		sub(/^(usage: |       )/, "", u)
		next
	}
	/^\t/ && u != "" { u = u " " $0; next }
	{ if (u != "") print u; u = "" }
	END { if (u != "") print u }
	' | awk '{ $1 = $1; print }'
}

# One word of usage lines a line: blanks, brackets and bars split them.
words() {
	awk '{ gsub(/[][ |]/, "\n"); print }'
}

# The words of usage lines that are options.
options() {
	words | grep -E '^--?[a-z]' | sort -u
}

if "$bin" --help >"$tmp/help" 2>"$tmp/stderr"; then
	ok
else
	bad "cinplan --help exits non-zero"
fi
usages <"$tmp/help" >"$tmp/help.usages"
commands=$(awk 'NR > 2 { print $2 }' "$tmp/help.usages" | awk '!seen[$0]++')
if [ -z "$commands" ]; then
	bad "cinplan --help lists no commands"
fi

: >"$tmp/expected"
for c in $commands; do
	if "$bin" "$c" --help >"$tmp/chelp" 2>"$tmp/stderr" &&
	    usages <"$tmp/chelp" | grep . >"$tmp/c.usages"; then
		:
	else
		# The command's own --help is not working yet (its usage is
		# still in the table): compare what cinplan --help says.
		echo "note: 'cinplan $c --help' failed; using 'cinplan --help'"
		awk -v c="$c" 'NR > 2 && $2 == c' "$tmp/help.usages" \
		    >"$tmp/c.usages"
	fi
	cat "$tmp/c.usages" >>"$tmp/expected"
	# Every option of the command's usage appears in the SYNOPSIS.
	options <"$tmp/c.usages" >"$tmp/c.options"
	echo "$c" >>"$tmp/c.options"
	mandoc -Tascii "$man" 2>/dev/null | sed "s/.$(printf '\b')//g" |
	    awk '/^SYNOPSIS/ { s = 1; next } /^[A-Z]/ { s = 0 } s' \
	    >"$tmp/synopsis"
	missing=""
	while read -r w; do
		words <"$tmp/synopsis" | grep -qx -- "$w" ||
		    missing="$missing $w"
	done <"$tmp/c.options"
	if [ -n "$missing" ]; then
		bad "SYNOPSIS lacks, for '$c':$missing"
	else
		ok
	fi
done
sed -n 2p "$tmp/help.usages" >>"$tmp/expected"

mandoc -Tascii "$man" 2>/dev/null | sed "s/.$(printf '\b')//g" | awk '
/^SYNOPSIS/ { s = 1; next }
/^[A-Z]/ { s = 0 }
!s { next }
/^     cinplan/ { if (u != "") print u; u = $0; next }
/^      / && u != "" { u = u " " $0; next }
{ if (u != "") print u; u = "" }
END { if (u != "") print u }
' | awk '{ $1 = $1; print }' >"$tmp/man.usages"
if cmp -s "$tmp/expected" "$tmp/man.usages"; then
	ok
else
	bad "SYNOPSIS differs from the usage printed by --help"
	echo "  (- --help, + SYNOPSIS)"
	diff -u "$tmp/expected" "$tmp/man.usages" | sed -n '3,$s/^/  /p'
fi
# And the SYNOPSIS has no option that --help does not know.
options <"$tmp/man.usages" >"$tmp/man.options"
options <"$tmp/help.usages" >"$tmp/help.options"
extra=$(comm -23 "$tmp/man.options" "$tmp/help.options" | tr '\n' ' ')
if [ -n "$extra" ]; then
	bad "SYNOPSIS has options --help does not: $extra"
else
	ok
fi

# ---- (d) staged install and uninstall ------------------------------------

stage=$tmp/stage
make=${MAKE:-make}
if $make -s install DESTDIR="$stage" PREFIX=/nowhere >"$tmp/make.log" 2>&1 ||
    [ -e "$stage" ] || ! grep -q "run 'make PREFIX=/nowhere'" \
    "$tmp/make.log"; then
	bad "make install PREFIX=/nowhere did not refuse a binary built for" \
	    "another PREFIX: $(cat "$tmp/make.log")"
else
	ok
fi
# The PREFIX ./cinplan was built for: the make's own, or one given to it.
if $make -s install DESTDIR="$stage" >"$tmp/make.log" 2>&1; then
	ok
	missing=""
	p=$(cd "$stage" && find . -path '*/bin/cinplan' | sed 's|^\.||')
	p=${p%/bin/cinplan}
	[ -x "$stage$p/bin/cinplan" ] || missing="$missing $p/bin/cinplan"
	for r in "$top"/rules/*.ini "$top/rules/holidays"; do
		f=$p/share/cinplan/rules/${r##*/}
		[ -f "$stage$f" ] || missing="$missing $f"
	done
	for m in "$top"/man/*.[1-8]; do
		f=$p/share/man/man${m##*.}/${m##*/}
		[ -f "$stage$f" ] || missing="$missing $f"
	done
	f=$p/share/bash-completion/completions/cinplan
	[ -f "$stage$f" ] || missing="$missing $f"
	if [ -n "$missing" ]; then
		bad "make install did not install:$missing"
	else
		ok
	fi
	(
		cd "$tmp/home" || exit 125
		unset CINPLAN_RULES XDG_CONFIG_HOME
		HOME=$tmp/home LC_ALL=C
		export HOME LC_ALL
		exec "$stage$p/bin/cinplan" profiles
	) >"$tmp/profiles" 2>"$tmp/stderr"
	st=$?
	cut -f1 "$tmp/profiles" >"$tmp/ids.got"
	for r in "$top"/rules/*.ini; do
		r=${r##*/}
		echo "${r%.ini}"
	done | sort >"$tmp/ids.want"
	if [ $st -eq 0 ] && cmp -s "$tmp/ids.got" "$tmp/ids.want"; then
		ok
	else
		bad "the installed cinplan profiles (exit status $st) lists" \
		    "$(tr '\n' ' ' <"$tmp/ids.got")instead of" \
		    "$(tr '\n' ' ' <"$tmp/ids.want")"
		sed 's/^/  /' "$tmp/stderr"
	fi
	if $make -s uninstall DESTDIR="$stage" >"$tmp/make.log" 2>&1; then
		left=$(cd "$stage" && find . ! -type d | sed 's/^\.//' |
		    tr '\n' ' ')
		if [ -n "$left" ]; then
			bad "make uninstall left: $left"
		else
			ok
		fi
	else
		bad "make uninstall failed"
		sed 's/^/  /' "$tmp/make.log"
	fi
else
	bad "make install DESTDIR=... failed"
	sed 's/^/  /' "$tmp/make.log"
fi

# ---- (e) shell files -------------------------------------------------------

for f in examples/nightly.sh dist/cinplan-nightly.sh; do
	if sh -n "$top/$f"; then
		ok
	else
		bad "$f does not parse"
	fi
done
comp=$top/completion/cinplan.bash
if [ ! -f "$comp" ]; then
	bad "completion/cinplan.bash is missing"
else
	if command -v bash >/dev/null 2>&1; then
		if bash -n "$comp"; then
			ok
		else
			bad "completion/cinplan.bash does not parse"
		fi
	fi
	missing=""
	for w in $(options <"$tmp/help.usages") $commands; do
		grep -Eq -- "(^|[[:space:]\"])$w([[:space:]\")|]|\$)" "$comp" ||
		    missing="$missing $w"
	done
	if [ -n "$missing" ]; then
		bad "completion/cinplan.bash does not offer:$missing"
	else
		ok
	fi
fi

echo "docs: $pass passed, $fail failed"
[ $fail -eq 0 ]
