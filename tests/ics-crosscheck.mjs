// ics-crosscheck.mjs: read cinplan's .ics output with Mozilla's ical.js (the
// parser behind Thunderbird), a second opinion beside libical, which wrote it.
//
//   node tests/ics-crosscheck.mjs ICAL_JS [--prefix TEXT] FILE.ics ...
//
// ICAL_JS is the path of ical.js's dist/ical.js.  --prefix says what the
// SUMMARY of every event of the next file must start with, unescaped: it
// proves that commas, semicolons and quotes in a case reference survive.
// Prints one line per file; exits 1 if any check fails.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [icalPath, ...args] = process.argv.slice(2);
if (!icalPath || args.length === 0) {
	console.error("usage: ics-crosscheck.mjs ICAL_JS [--prefix TEXT] FILE...");
	process.exit(2);
}
const ICAL = (await import(pathToFileURL(resolve(icalPath)).href)).default;

let failed = 0;

function checkFile(file, prefix) {
	const problems = [];
	const bad = (msg) => problems.push(msg);
	const bytes = readFileSync(file);

	// Octets first: valid UTF-8, CRLF only, lines of at most 75 octets.
	let text;
	try {
		text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		bad("not valid UTF-8");
		text = bytes.toString("utf8");
	}
	let start = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d))
			bad(`bare LF at octet ${i}`);
		if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)
			bad(`bare CR at octet ${i}`);
		if (bytes[i] === 0x0a) {
			if (i - 1 - start > 75)
				bad(`line of ${i - 1 - start} octets at octet ${start}`);
			start = i + 1;
		}
	}
	if (start !== bytes.length)
		bad("does not end with CRLF");

	let cal;
	try {
		cal = new ICAL.Component(ICAL.parse(text));
	} catch (e) {
		bad(`ical.js cannot parse it: ${e.message}`);
		return report(file, 0, problems);
	}
	if (cal.name !== "vcalendar")
		bad(`top component is ${cal.name}`);
	if (cal.getFirstPropertyValue("version") !== "2.0")
		bad("VERSION is not 2.0");
	if (!cal.getFirstPropertyValue("prodid"))
		bad("no PRODID");

	const events = cal.getAllSubcomponents("vevent");
	const uids = new Set();
	for (const ev of events) {
		const uid = ev.getFirstPropertyValue("uid");
		const where = uid ? `event ${uid}` : "an event";
		if (!uid)
			bad(`${where}: no UID`);
		else if (uids.has(uid))
			bad(`${where}: UID not unique`);
		uids.add(uid);

		const stamp = ev.getFirstProperty("dtstamp");
		if (!stamp || stamp.type !== "date-time" ||
		    stamp.getFirstValue().zone !== ICAL.Timezone.utcTimezone)
			bad(`${where}: DTSTAMP missing or not a UTC date-time`);

		const dtstart = ev.getFirstProperty("dtstart");
		const dtend = ev.getFirstProperty("dtend");
		if (!dtstart || dtstart.type !== "date") {
			bad(`${where}: DTSTART missing or not a DATE`);
		} else if (!dtend || dtend.type !== "date") {
			bad(`${where}: DTEND missing or not a DATE`);
		} else {
			const next = dtstart.getFirstValue().clone();
			next.adjust(1, 0, 0, 0);
			if (next.compare(dtend.getFirstValue()) !== 0)
				bad(`${where}: DTEND ${dtend.getFirstValue()} is not ` +
				    `the day after DTSTART ${dtstart.getFirstValue()}`);
		}

		const summary = ev.getFirstPropertyValue("summary");
		if (!summary)
			bad(`${where}: no SUMMARY`);
		else if (prefix !== undefined && !summary.startsWith(prefix))
			bad(`${where}: SUMMARY ${JSON.stringify(summary)} does not ` +
			    `start with ${JSON.stringify(prefix)}`);
		if (!ev.getFirstPropertyValue("description"))
			bad(`${where}: no DESCRIPTION`);

		const cats = ev.getAllProperties("categories")
		    .flatMap((p) => p.getValues());
		if (!cats.includes("cinplan") || cats.length !== 2)
			bad(`${where}: CATEGORIES ${JSON.stringify(cats)}`);
		if (ev.getFirstPropertyValue("transp") !== "TRANSPARENT")
			bad(`${where}: not TRANSP:TRANSPARENT`);
		const seq = ev.getFirstPropertyValue("sequence");
		if (!Number.isInteger(seq) || seq < 0)
			bad(`${where}: SEQUENCE ${seq}`);
		for (const al of ev.getAllSubcomponents("valarm")) {
			const trig = al.getFirstPropertyValue("trigger");
			if (!(trig instanceof ICAL.Duration) ||
			    trig.toSeconds() > 0 ||
			    al.getFirstPropertyValue("description") !== summary)
				bad(`${where}: bad VALARM`);
		}
		// Nothing from the data may have become a property of its own.
		for (const p of ev.getAllProperties())
			if (!["uid", "dtstamp", "dtstart", "dtend", "sequence",
			    "summary", "description", "categories", "transp",
			    "status"].includes(p.name))
				bad(`${where}: unexpected property ${p.name}`);
	}
	return report(file, events.length, problems);
}

function report(file, n, problems) {
	if (problems.length === 0) {
		console.log(`${file}: ${n} events ok`);
		return;
	}
	failed++;
	for (const p of problems.slice(0, 20))
		console.log(`${file}: ${p}`);
	if (problems.length > 20)
		console.log(`${file}: ... and ${problems.length - 20} more`);
}

let prefix;
for (let i = 0; i < args.length; i++) {
	if (args[i] === "--prefix") {
		prefix = args[++i];
		continue;
	}
	checkFile(args[i], prefix);
	prefix = undefined;
}
process.exit(failed ? 1 : 0);
