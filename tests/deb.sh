#!/bin/sh
# The Debian package, as built by "make deb", unpacked into a scratch
# root with dpkg -x (the real system is not touched, and no maintainer
# script runs), then used from there: cinplan --version, every worked
# example in tests/worked against the packaged binary and the packaged
# profiles and holiday data, and the packaged nightly job under cron's
# bare environment.  Also: what is a conffile, and that the timer is not
# enabled.  The scratch root is removed afterwards.
#
# usage: sh tests/deb.sh obj/deb/cinplan_VERSION_ARCH.deb	(from the top)
set -u
deb=$1
top=$(pwd)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL deb: $*"; fail=$((fail + 1)); }

if [ ! -f "$deb" ]; then
	echo "deb: $deb: no such package (run make deb)" >&2
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
root=$tmp/root

dpkg-deb -x "$deb" "$root" || exit 2
version=$(dpkg-deb -f "$deb" Version)

got=$("$root/usr/bin/cinplan" --version 2>&1)
case $got in
*"$version"*) ok ;;
*)	bad "cinplan --version says '$got', the package is $version" ;;
esac

# The settings directory is the administrator's: conffiles, so an upgrade
# keeps their edits.
dpkg-deb --ctrl-tarfile "$deb" | tar -xOf - ./conffiles | sort >"$tmp/conffiles"
printf '/etc/cinplan/README\n/etc/cinplan/nightly.conf\n' >"$tmp/want"
cmp -s "$tmp/conffiles" "$tmp/want" && ok ||
    bad "conffiles are: $(tr '\n' ' ' <"$tmp/conffiles")"

# The timer is shipped, not switched on.
for u in cinplan-nightly.service cinplan-nightly.timer; do
	[ -f "$root/lib/systemd/system/$u" ] && ok || bad "no $u"
done
grep -qx 'ExecStart=/usr/bin/cinplan-nightly -c /etc/cinplan/nightly.conf' \
    "$root/lib/systemd/system/cinplan-nightly.service" && ok ||
    bad "the service does not run /usr/bin/cinplan-nightly with /etc's settings"
[ ! -e "$root/etc/systemd" ] && ok || bad "the package enables a unit"
for m in man1/cinplan.1 man5/cinplan-caseload.5 man5/cinplan-profile.5 \
    man8/cinplan-nightly.8; do
	[ -f "$root/usr/share/man/$m.gz" ] && ok || bad "no manual $m"
done

# The worked examples, through the packaged binary with the packaged
# rules (not its built-in copy).
cat >"$tmp/cinplan" <<EOF
#!/bin/sh
cmd=\$1
shift
exec "$root/usr/bin/cinplan" "\$cmd" --rules "$root/usr/share/cinplan/rules" "\$@"
EOF
chmod 755 "$tmp/cinplan"
"$tmp/cinplan" profile show torbay 2>&1 |
    grep -q "file: $root/usr/share/cinplan/rules/torbay.ini" && ok ||
    bad "the packaged binary does not read the packaged torbay.ini"
if sh tests/worked.test.sh "$tmp/cinplan" >"$tmp/worked" 2>&1; then
	ok
else
	bad "the worked examples, packaged:"
	sed 's/^/  /' "$tmp/worked"
fi

# The nightly job, from the package, as cron runs it.
cat >"$tmp/nightly.conf" <<EOF
caseload = $top/examples/caseload.csv
report_dir = $tmp/reports
EOF
(cd / && env -i PATH=/usr/bin:/bin "$root/usr/bin/cinplan-nightly" \
    -c "$tmp/nightly.conf") >"$tmp/out" 2>&1
st=$?
[ $st -eq 1 ] && ok || bad "cinplan-nightly exited $st, want 1: $(cat "$tmp/out")"
today=$(date +%Y-%m-%d)
[ -s "$tmp/reports/cinplan-check-$today.csv" ] &&
    [ -s "$tmp/reports/cinplan.ics" ] && ok ||
    bad "cinplan-nightly left no report or calendar"

rm -rf "$root"
[ ! -e "$root" ] && ok || bad "the scratch root could not be removed"
echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
