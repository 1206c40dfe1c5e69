/*
 * fuzz_holidays.c: the holiday data file parser, and GOV.UK's JSON
 * importer, on arbitrary bytes.
 *
 * Data that parses must make a calendar whose holidays are all in range,
 * sorted and counted alike by both calls of hol_list, and must survive a
 * round trip: what hol_data_write writes parses again to the same
 * holidays and announced year.  The same bytes go to hol_import_govuk,
 * whose output, when it succeeds, must itself be a data file that parses,
 * announced to at least the year the data in use said, and that
 * hol_check_govuk finds up to date with the same bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "diag.h"
#include "xmalloc.h"

#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static size_t
list(const struct hol_data *hd, struct holiday **out)
{
	size_t	 n, n2, i;

	n = hol_list(hd, DATE_MIN, DATE_MAX, NULL, 0);
	*out = xreallocarray(NULL, n + 1, sizeof(**out));
	n2 = hol_list(hd, DATE_MIN, DATE_MAX, *out, n);
	FUZZ_CHECK(n == n2, "hol_list counted %zu then %zu", n, n2);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK((*out)[i].date >= DATE_MIN &&
		    (*out)[i].date <= DATE_MAX && (*out)[i].name != NULL,
		    "holiday %zu on %d", i, (*out)[i].date);
		FUZZ_CHECK(i == 0 || (*out)[i - 1].date < (*out)[i].date,
		    "holidays %zu and %zu out of order or repeated", i - 1, i);
	}
	return n;
}

/*
 * A refusal: one fatal message, on one line, naming name (as its file,
 * or at its start when the place is in the message); then ds is emptied.
 */
static void
refused(struct diags *ds, const char *name)
{
	const struct diag	*d;

	FUZZ_CHECK(ds->n == 1 && ds->worst == DIAG_FATAL, "%zu messages,"
	    " level %d, want one fatal", ds->n, ds->worst);
	d = &ds->v[0];
	FUZZ_CHECK((d->file != NULL ? strcmp(d->file, name) == 0 :
	    strncmp(d->msg, name, strlen(name)) == 0) &&
	    strchr(d->msg, '\n') == NULL, "bad message '%s: %s'",
	    d->file ? d->file : "(null)", d->msg);
	diag_clear(ds);
}

/* Data read: nothing said. */
static void
quiet(const struct diags *ds, const char *what, const char *text)
{
	FUZZ_CHECK(ds->n == 0 && ds->worst == DIAG_OK, "%s: '%s'\n%s", what,
	    ds->n > 0 ? ds->v[0].msg : "", text);
}

static void
roundtrip(const struct hol_data *hd)
{
	struct hol_data	*hd2;
	struct holiday	*a, *b;
	struct diags	 ds;
	char		*buf;
	size_t		 blen, na, nb, i;
	FILE		*f;

	buf = NULL;
	blen = 0;
	f = open_memstream(&buf, &blen);
	FUZZ_CHECK(f != NULL, "open_memstream");
	hol_data_write(hd, f);
	FUZZ_CHECK(fclose(f) == 0, "fclose");
	memset(&ds, 0, sizeof(ds));
	hd2 = hol_data_parse(buf, blen, "written", &ds);
	quiet(&ds, "written data does not parse", buf);
	FUZZ_CHECK(hd2 != NULL, "written data does not parse:\n%s", buf);
	na = list(hd, &a);
	nb = list(hd2, &b);
	FUZZ_CHECK(na == nb, "%zu holidays, %zu after a round trip", na, nb);
	FUZZ_CHECK(hol_data_announced(hd) == hol_data_announced(hd2),
	    "announced %d, %d after a round trip", hol_data_announced(hd),
	    hol_data_announced(hd2));
	for (i = 0; i < na; i++)
		FUZZ_CHECK(a[i].date == b[i].date, "holiday %zu moved", i);
	free(a);
	free(b);
	hol_data_free(hd2);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hol_data	*hd, *hd2;
	struct calendar	*cal;
	struct diags	 ds;
	char		*buf, *chg, *p, *said;
	size_t		 blen, clen, slen;
	FILE		*f, *cf, *vf;
	int		 d;

	memset(&ds, 0, sizeof(ds));
	hd = hol_data_parse((const char *)data, size, "fuzz", &ds);
	if (hd == NULL)
		refused(&ds, "fuzz");
	else {
		quiet(&ds, "data read with a message", "");
		roundtrip(hd);
		/* A calendar's tables cost milliseconds under ASan: build
		 * one for a sixteenth of the inputs. */
		if (size > 0 && data[size - 1] % 16 == 0) {
			cal = cal_new(hd, NULL, 0);
			FUZZ_CHECK(cal_add(cal, date_from_ymd(2026, 1, 1), 20,
			    &d) == 0 && d > date_from_ymd(2026, 1, 1),
			    "cal_add");
			cal_free(cal);
		}
	}

	/* The same bytes as GOV.UK's JSON, with the parsed data as old. */
	buf = NULL;
	blen = 0;
	f = open_memstream(&buf, &blen);
	FUZZ_CHECK(f != NULL, "open_memstream");
	chg = NULL;
	clen = 0;
	cf = open_memstream(&chg, &clen);
	FUZZ_CHECK(cf != NULL, "open_memstream");
	/* Odd sizes take a feed that leaves out standard holidays. */
	if (hol_import_govuk((const char *)data, size, "fuzz.json", hd,
	    size % 2 ? HOL_ALLOW_MISSING : 0, f, cf, &ds) == 0) {
		quiet(&ds, "imported with a message", "");
		FUZZ_CHECK(fclose(f) == 0, "fclose");
		hd2 = hol_data_parse(buf, blen, "imported", &ds);
		quiet(&ds, "imported data does not parse", buf);
		FUZZ_CHECK(hd2 != NULL, "imported data does not parse:\n%s",
		    buf);
		/* Announced to at least what the data in use said, and the
		 * import is up to date with the feed it came from. */
		FUZZ_CHECK(hol_data_announced(hd2) >= hol_data_announced(hd) &&
		    hol_data_announced(hd2) != 0, "announced %d after %d",
		    hol_data_announced(hd2), hol_data_announced(hd));
		vf = open_memstream(&said, &slen);
		FUZZ_CHECK(vf != NULL, "open_memstream");
		FUZZ_CHECK(hol_check_govuk((const char *)data, size,
		    "fuzz.json", hd2, "imported", size % 2 ?
		    HOL_ALLOW_MISSING : 0, vf, &ds) == 0,
		    "the import is behind its own feed");
		quiet(&ds, "checked with a message", "");
		FUZZ_CHECK(fclose(vf) == 0, "fclose");
		free(said);
		hol_data_free(hd2);
		FUZZ_CHECK(fclose(cf) == 0, "fclose");
		/* Every line of the changes is a message. */
		for (p = chg; p < chg + clen; p = strchr(p, '\n') + 1)
			FUZZ_CHECK(strncmp(p, "cinplan: fuzz.json: ", 20) == 0 &&
			    strchr(p, '\n') != NULL, "bad change line '%s'", p);
	} else {
		FUZZ_CHECK(fclose(cf) == 0, "fclose");
		FUZZ_CHECK(fclose(f) == 0, "fclose");
		refused(&ds, "fuzz.json");
	}
	free(buf);
	free(chg);
	hol_data_free(hd);
	return 0;
}
