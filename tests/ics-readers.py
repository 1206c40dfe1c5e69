# Read cinplan calendars with Python's icalendar (Debian's
# python3-icalendar) and print one line an event, sorted:
#   [FILE] UID DTSTART DTEND SEQUENCE STATUS ALARMS
# and "BAD: ..." for anything a calendar should not hold: DTEND not the
# day after DTSTART, "(provisional)" in a title whose STATUS is not
# TENTATIVE or the other way round, a cancelled event without
# "Cancelled: " or with an alarm, an alarm not DAYS days before, a
# description without "as of AS-OF" or with a status word in the title.
#
# usage: /usr/bin/python3 ics-readers.py AS-OF DAYS [--name] FILE...
import datetime
import os
import sys

import icalendar

as_of, days = sys.argv[1], int(sys.argv[2])
args = sys.argv[3:]
named = args[:1] == ["--name"]
if named:
    args = args[1:]
out = []
for path in args:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("uid"))
        start = ev.decoded("dtstart")
        end = ev.decoded("dtend")
        seq = int(ev.get("sequence", 0))
        status = str(ev.get("status", "-"))
        title = str(ev.get("summary"))
        desc = str(ev.get("description"))
        alarms = ev.walk("VALARM")
        bad = []
        if isinstance(start, datetime.datetime) or \
                end != start + datetime.timedelta(days=1):
            bad.append("not one whole day")
        if status == "CANCELLED":
            if not title.startswith("Cancelled: ") or alarms:
                bad.append("cancelled with a live title or an alarm")
        else:
            if title.endswith("(provisional)") != (status == "TENTATIVE"):
                bad.append("provisional title and STATUS disagree")
            if "as of " + as_of not in desc:
                bad.append("no 'as of %s' in the description" % as_of)
        for w in ("[", "overdue", "held", "due-soon", "upcoming"):
            if w in title:
                bad.append("a status in the title")
        for a in alarms:
            if a.decoded("trigger") != datetime.timedelta(days=-days):
                bad.append("an alarm not %d days before" % days)
        if bad:
            out.append("BAD: %s %s: %s" % (path, uid, "; ".join(bad)))
        line = "%s %s %s %d %s %d" % (uid, start.strftime("%Y%m%d"),
                                      end.strftime("%Y%m%d"), seq, status,
                                      len(alarms))
        if named:
            line = os.path.basename(path) + " " + line
        out.append(line)
for line in sorted(out):
    print(line)
