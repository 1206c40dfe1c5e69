# Ten profiles, each extending the next, the last england: more than the
# 8 levels of extends the loader follows (EXTENDS_MAX in src/profile.c),
# so the deepest it reaches is refused and each profile above it in turn.
mkdir "$WORK/rules"
i=1
while [ $i -le 10 ]; do
	if [ $i -eq 10 ]; then base=england; else base=d$((i + 1)); fi
	printf '[profile]\nauthority = D%d\ndocument = d\nextends = %s\n' \
	    $i $base >"$WORK/rules/d$i.ini"
	i=$((i + 1))
done
cd "$WORK" && "$CINPLAN" profile check rules/d1.ini --rules rules
