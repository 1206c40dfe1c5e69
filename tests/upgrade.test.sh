#!/bin/sh
# A server's own change survives a reinstall and an upgrade.  The tree is
# copied, built and installed under a scratch PREFIX (so its system layer
# is PREFIX/etc/cinplan/rules); a local torbay.ini there extends the
# shipped Torbay and changes one rule, visits every 2 weeks instead of 4
# (4.3).  Then: reinstall; "upgrade" (a new release whose Torbay review
# has a new label, rebuilt and installed over the old); uninstall.  The
# local file must stay, its rule must keep applying, and the upgraded
# rule must come through from below it.
#
# usage: sh tests/upgrade.test.sh ./cinplan
set -u
top=$(pwd)
make=${MAKE:-make}
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL upgrade: $*"; fail=$((fail + 1)); }

prefix=$tmp/prefix
src=$tmp/src
mkdir "$src"
(cd "$top" && tar cf - Makefile src include rules man dist tools \
    completion examples) | (cd "$src" && tar xf -)

# build: make and install the copy under PREFIX, as an administrator would.
build() {
	if ! (cd "$src" && $make -s PREFIX="$prefix" CFLAGS=-O0 &&
	    $make -s install PREFIX="$prefix") >"$tmp/make.log" 2>&1; then
		echo "FAIL upgrade: $1: make or make install failed:"
		sed 's/^/  /' "$tmp/make.log"
		exit 1
	fi
}

# due KIND SEQ: the due date of that item of the test case, from the
# installed cinplan.  First meeting Thu 10 Sep 2026, as of that day.
sched() {
	env -i PATH=/usr/bin:/bin HOME="$tmp" "$prefix/bin/cinplan" schedule \
	    --profile torbay --first-meeting 2026-09-10 --as-of 2026-09-10 \
	    --until 2026-12-31 --format csv 2>"$tmp/err"
}
due() {
	sched | awk -F, -v k="$1" -v n="$2" '$5 == k && $6 == n { print $7 }'
}
label() {
	sched | awk -F, -v k="$1" -v n="$2" '$5 == k && $6 == n { print $13 }'
}

build "first install"
# Shipped Torbay (4.3): a visit at least every 4 weeks: Thu 8 Oct.
[ "$(due visit 1)" = 2026-10-08 ] && ok ||
    bad "shipped: visit 1 due $(due visit 1), want 2026-10-08"

etc=$prefix/etc/cinplan/rules
mkdir -p "$etc"
cat >"$etc/torbay.ini" <<'INI'
; This council's own standard: visits every 2 weeks.
[profile]
extends = torbay

[rule:visit]
kind = visit
every = 2 weeks
label = "Social worker visit"
source = "Local practice standard"
quote = "Children in need are visited at least every 2 weeks."
INI
cp "$etc/torbay.ini" "$tmp/local.ini"

check_local() {
	# 2 weeks after Thu 10 Sep: Thu 24 Sep; the reviews are Torbay's
	# (4.2: 6 weeks after the first meeting, Thu 22 Oct).
	[ "$(due visit 1)" = 2026-09-24 ] && ok ||
	    bad "$1: visit 1 due $(due visit 1), want 2026-09-24"
	[ "$(due review 1)" = 2026-10-22 ] && ok ||
	    bad "$1: review 1 due $(due review 1), want 2026-10-22"
	cmp -s "$etc/torbay.ini" "$tmp/local.ini" && ok ||
	    bad "$1: the local torbay.ini was changed or removed"
	[ ! -s "$tmp/err" ] && ok || bad "$1: $(cat "$tmp/err")"
}
check_local "override"

build "reinstall"
check_local "after a reinstall"

# A new release: Torbay's review is relabelled.  The local file does not
# mention reviews, so the new label must show through it.
sed 's/^label = "Child in Need review"$/label = "Child in Need review meeting"/' \
    "$src/rules/torbay.ini" >"$tmp/t.ini" && mv "$tmp/t.ini" "$src/rules/torbay.ini"
grep -q 'review meeting' "$src/rules/torbay.ini" ||
    bad "the test could not make its upgrade"
build "upgrade"
check_local "after an upgrade"
case $(label review 1) in
"Child in Need review meeting 1"*) ok ;;
*) bad "after an upgrade: review 1 is '$(label review 1)', not the new label" ;;
esac

(cd "$src" && $make -s uninstall PREFIX="$prefix") >"$tmp/make.log" 2>&1 ||
    bad "make uninstall failed: $(cat "$tmp/make.log")"
cmp -s "$etc/torbay.ini" "$tmp/local.ini" && ok ||
    bad "make uninstall removed the local torbay.ini"
[ ! -e "$prefix/bin/cinplan" ] && ok || bad "make uninstall left bin/cinplan"

echo "upgrade: $pass passed, $fail failed"
[ $fail -eq 0 ]
