/*
 * bench_cal.c: throughput of working-day arithmetic.
 *
 * usage: bench_cal [HOLIDAYS_FILE [QUERIES]]
 *
 * Builds the real calendar (rules/holidays by default: run from the top of
 * the source tree, as "make bench" does) and times QUERIES (default 100
 * million) cal_add and cal_between calls on pseudo-random input: day 0
 * anywhere in 2000-2099 with N in -200..200 for cal_add, and two dates in
 * 2000-2099 at most 280 calendar days apart for cal_between.  The inputs
 * are drawn in advance into a block of 2^20 queries that is cycled, so the
 * timed loop measures the calendar and not the random number generator.
 * Every result goes into a checksum that is printed, so the compiler cannot
 * drop the calls; a failed cal_add (none is expected) is counted and makes
 * the exit status 1.
 */
#include <sys/resource.h>

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cal.h"
#include "date.h"
#include "diag.h"
#include "rpath.h"

#define BLOCK		(1u << 20)	/* queries drawn in advance */
#define MAX_N		200		/* cal_add: N in [-MAX_N, MAX_N] */
#define MAX_SPAN	280		/* cal_between: |d2 - d1| in days */

struct query {
	int32_t	 date;
	int32_t	 arg;		/* N for cal_add, d2 for cal_between */
};

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t
next_random(uint64_t *s)
{
	uint64_t	 z;

	z = (*s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi] (the modulo bias is immaterial here). */
static int
uniform(uint64_t *s, int lo, int hi)
{
	return lo + (int)(next_random(s) % (uint64_t)(hi - lo + 1));
}

static double
now(void)
{
	struct timespec	 ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1) {
		perror("bench_cal: clock_gettime");
		exit(2);
	}
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
report(const char *what, uint64_t n, double secs)
{
	printf("%s: %.1f million queries/s (%" PRIu64 " queries, %.3f s)\n",
	    what, (double)n / secs / 1e6, n, secs);
}

int
main(int argc, char *argv[])
{
	struct rusage	 ru;
	struct diags	 ds;
	struct rfile	 f;
	struct hol_data	*hd;
	struct calendar	*cal;
	struct query	*q;
	const char	*path;
	char		 err[512], *end;
	uint64_t	 seed, sum, fails, queries, i;
	double		 t0, t_add, t_between, t_build;
	int		 first, last, r;
	uint32_t	 j;

	path = argc > 1 ? argv[1] : "rules/holidays";
	queries = 100000000;
	if (argc > 2) {
		errno = 0;
		queries = strtoull(argv[2], &end, 10);
		if (*argv[2] == '\0' || *end != '\0' || errno != 0 ||
		    queries == 0) {
			fprintf(stderr, "bench_cal: QUERIES: '%s' is not a"
			    " positive whole number\n", argv[2]);
			return 2;
		}
	}
	if (argc > 3) {
		fprintf(stderr, "usage: bench_cal [HOLIDAYS_FILE [QUERIES]]\n");
		return 2;
	}

	r = rfile_read_path(path, &f, err, sizeof(err));
	if (r == 1) {
		fprintf(stderr, "bench_cal: %s: no such file (run from the"
		    " top of the source tree)\n", path);
		return 2;
	}
	if (r == -1) {
		fprintf(stderr, "bench_cal: %s\n", err);
		return 2;
	}
	memset(&ds, 0, sizeof(ds));
	ds.out = stderr;
	if ((hd = hol_data_parse(f.text, f.len, f.name, &ds)) == NULL)
		return 2;
	rfile_free(&f);
	t0 = now();
	cal = cal_new(hd, NULL, 0);
	t_build = now() - t0;
	printf("calendar: %s, 1970-01-01 to 2199-12-31, built in %.2f ms\n",
	    path, t_build * 1e3);

	first = date_from_ymd(2000, 1, 1);
	last = date_from_ymd(2099, 12, 31);
	if ((q = malloc(BLOCK * sizeof(*q))) == NULL) {
		perror("bench_cal");
		return 2;
	}
	sum = 0;
	fails = 0;

	seed = 1;
	for (j = 0; j < BLOCK; j++) {
		q[j].date = uniform(&seed, first, last);
		q[j].arg = uniform(&seed, -MAX_N, MAX_N);
	}
	t0 = now();
	for (i = 0, j = 0; i < queries; i++) {
		if (cal_add(cal, q[j].date, q[j].arg, &r) == -1)
			fails++;
		else
			sum += (uint64_t)r;
		j = (j + 1) & (BLOCK - 1);
	}
	t_add = now() - t0;
	report("workdays add", queries, t_add);

	seed = 2;
	for (j = 0; j < BLOCK; j++) {
		q[j].date = uniform(&seed, first, last);
		q[j].arg = q[j].date + uniform(&seed, -MAX_SPAN, MAX_SPAN);
	}
	t0 = now();
	for (i = 0, j = 0; i < queries; i++) {
		sum += (uint64_t)cal_between(cal, q[j].date, q[j].arg);
		j = (j + 1) & (BLOCK - 1);
	}
	t_between = now() - t0;
	report("workdays between", queries, t_between);

	printf("checksum: %016" PRIx64 "\n", sum);
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		printf("peak memory: %.1f MiB (ru_maxrss)\n",
		    (double)ru.ru_maxrss / 1024.0);
	free(q);
	cal_free(cal);
	hol_data_free(hd);
	if (fails != 0) {
		fprintf(stderr, "bench_cal: %" PRIu64 " cal_add calls failed"
		    "\n", fails);
		return 1;
	}
	return 0;
}
