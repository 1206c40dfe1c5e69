# -o files: a new one gets the permissions the umask leaves of 0666, as
# any file a program creates; one replaced keeps its permissions and its
# group.  With umask 077 a calendar of case references is the user's
# alone.
cp small.csv "$WORK/" && cd "$WORK" || exit 125
perms() {
	ls -ln "$1" | cut -c 1-10
}
export_to() {
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
	    --as-of 2026-11-25 --until 2026-12-04 -o "$1" 2>/dev/null
	echo "-o $1 (umask $(umask)): status $?, $(perms "$1")"
}
umask 077
export_to private.ics
umask 022
export_to shared.ics
umask 027
export_to team.ics
# Replaced: the old file's permissions, whatever the umask.
umask 022
chmod 600 private.ics
export_to private.ics
chmod 640 shared.ics
export_to shared.ics
umask 077
chmod 644 team.ics
export_to team.ics
# And its group, when it can be set (by root here, or a member of it):
# where no other group can be given, there is nothing to lose.
gid=$(ls -ln team.ics | awk '{ print $4 }')
for g in $(id -G) 1 2; do
	[ "$g" != "$gid" ] && chgrp "$g" team.ics 2>/dev/null && break
done
before=$(ls -ln team.ics | awk '{ print $4 }')
export_to team.ics >/dev/null
after=$(ls -ln team.ics | awk '{ print $4 }')
[ "$before" = "$after" ] && echo "group kept" || echo "group $before became $after"
ls -a | grep -v '^\.\.*$'
