/*
 * fuzz_census.c: the census reader on the bytes as an XML file.
 *
 * Every child is read to the end (or to the point the file stops being
 * readable), every fault is put into words, and what the reader hands out
 * must be usable: dates in range or DATE_NONE, a child id that is
 * printable, an error with a reason, and assessment timeliness computed
 * for every authorised assessment the way cinplan census does.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cal.h"
#include "census.h"
#include "date.h"

#include "fuzz.h"

static struct calendar	*cal;

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cal = cal_new(NULL, NULL, 0);
	return 0;
}

static int
in_range(int d)
{
	return d >= DATE_MIN && d <= DATE_MAX;
}

/*
 * One Child's faults arrive together at its end: at most CENSUS_MAX_FAULTS
 * warnings and as many errors, in line order, and at most one CF_MORE
 * for the rest.
 */
struct seen {
	size_t		 nfaults;
	size_t		 warnings, errors, more;
	long		 last;		/* line of the last fault in a child */
};

static void
new_child(struct seen *s)
{
	s->warnings = s->errors = s->more = 0;
	s->last = 0;
}

static void
on_fault(void *arg, const struct census_fault *f)
{
	struct seen	*s = arg;
	char		 buf[512];
	size_t		 n;

	s->nfaults++;
	if (f->kind == CF_MORE) {
		FUZZ_CHECK(++s->more == 1, "CF_MORE twice for one child");
		FUZZ_CHECK(f->more_warnings + f->more_errors > 0,
		    "CF_MORE of nothing");
		new_child(s);
	} else if (f->in_child) {
		FUZZ_CHECK(f->line >= s->last, "fault at line %ld after %ld",
		    f->line, s->last);
		s->last = f->line;
		if (census_fault_is_warning(f))
			FUZZ_CHECK(++s->warnings <= CENSUS_MAX_FAULTS,
			    "%zu warnings kept for one child", s->warnings);
		else
			FUZZ_CHECK(++s->errors <= CENSUS_MAX_FAULTS,
			    "%zu errors kept for one child", s->errors);
	}
	FUZZ_CHECK(f->line >= 0, "fault at line %ld", f->line);
	census_fault_text(f, buf, sizeof(buf));
	n = strlen(buf);
	FUZZ_CHECK(n > 0 && n < sizeof(buf), "fault text of %zu bytes", n);
	FUZZ_CHECK(strchr(buf, '\n') == NULL && strchr(buf, '\r') == NULL,
	    "fault text with a line break: '%s'", buf);
	(void)census_fault_is_warning(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct census_child	*c;
	const struct census_episode	*e;
	const struct census_assessment	*a;
	const struct census_header	*h;
	struct census_reader		*r;
	const char			*why, *q;
	struct seen			 seen;
	size_t				 i, j, guard;
	long				 line, days;
	int				 fd, rv, timely;

	fd = fuzz_memfd(data, size);
	memset(&seen, 0, sizeof(seen));
	r = census_open(fd, "fuzz.xml", on_fault, &seen);
	for (guard = 0; ; guard++) {
		FUZZ_CHECK(guard <= size + 1, "more children than bytes");
		rv = census_next(r, &c);
		new_child(&seen);
		FUZZ_CHECK(rv >= -1 && rv <= 1, "census_next returned %d", rv);
		if (rv <= 0)
			break;
		if (c->id != NULL)
			for (q = c->id; *q != '\0'; q++)
				FUZZ_CHECK((unsigned char)*q >= 0x20 &&
				    *q != 0x7f, "child id byte 0x%02x",
				    (unsigned char)*q);
		for (i = 0; i < c->ne; i++) {
			e = &c->e[i];
			FUZZ_CHECK(e->referral == DATE_NONE ||
			    in_range(e->referral), "referral %d", e->referral);
			FUZZ_CHECK(e->closure == DATE_NONE ||
			    in_range(e->closure), "closure %d", e->closure);
			for (j = 0; j < e->np; j++)
				FUZZ_CHECK((e->p[j].start == DATE_NONE ||
				    in_range(e->p[j].start)) &&
				    (e->p[j].end == DATE_NONE ||
				    in_range(e->p[j].end)), "plan %zu", j);
			for (j = 0; j < e->na; j++) {
				a = &e->a[j];
				if (a->bad)
					continue;
				FUZZ_CHECK(a->authorised == DATE_NONE ||
				    in_range(a->authorised), "authorised %d",
				    a->authorised);
				if (e->referral == DATE_NONE ||
				    a->authorised == DATE_NONE)
					continue;
				FUZZ_CHECK(a->authorised >= e->referral,
				    "authorised %d before referral %d",
				    a->authorised, e->referral);
				timely = census_timely(cal, e->referral,
				    a->authorised, &days);
				FUZZ_CHECK(days >= 0 && timely == (days <=
				    CENSUS_LIMIT), "%ld days, timely %d", days,
				    timely);
			}
		}
	}
	if (rv == -1) {
		why = census_error(r, &line);
		FUZZ_CHECK(why != NULL && why[0] != '\0' && line >= 0,
		    "an error without a reason");
		FUZZ_CHECK(strchr(why, '\n') == NULL, "error '%s'", why);
	}
	h = census_header(r);
	FUZZ_CHECK(h->reference_date == DATE_NONE ||
	    in_range(h->reference_date), "reference date %d",
	    h->reference_date);
	(void)census_root_seen(r);
	census_close(r);
	close(fd);
	return 0;
}
