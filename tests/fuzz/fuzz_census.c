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

static void
on_fault(void *arg, const struct census_fault *f)
{
	char	 buf[512];
	size_t	 n;

	(*(size_t *)arg)++;
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
	size_t				 nfaults, i, j, guard;
	long				 line, days;
	int				 fd, rv, timely;

	fd = fuzz_memfd(data, size);
	nfaults = 0;
	r = census_open(fd, "fuzz.xml", on_fault, &nfaults);
	for (guard = 0; ; guard++) {
		FUZZ_CHECK(guard <= size + 1, "more children than bytes");
		rv = census_next(r, &c);
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
