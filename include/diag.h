/*
 * diag.h: diagnostics with a place and a severity (mandoc's model).  Every
 * reader of input reports through a struct diags its caller gives it: the
 * profile loader, the caseload reader, the holiday data and GOV.UK readers,
 * the column mapping reader, and the census command for the census
 * reader's faults.  The command decides the exit status from the worst
 * level seen (plus its own findings).
 *
 * A struct diags either collects the messages, for a checker that sorts
 * them before printing (profile check), or, with out set, prints each at
 * once and keeps only the counts and the worst level, so that a reader of
 * a million rows never holds its messages.  Messages less severe than min
 * are counted only, neither kept nor printed: "schedule --case-id" sets
 * min to DIAG_FATAL, since the other rows' faults are not its news.
 *
 *	struct diags	 ds = { .out = stderr };
 *
 * is a stream; an all-zero one collects.
 */
#ifndef CINPLAN_DIAG_H
#define CINPLAN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_level {
	DIAG_OK = 0,
	DIAG_WARNING,	/* said; nothing is left out */
	DIAG_ERROR,	/* what it is about is left out; reading goes on */
	DIAG_FATAL	/* the input is read no further */
};

struct diag {
	enum diag_level	 level;
	char		*file;		/* may be NULL */
	long		 line;		/* 0: no line */
	char		*msg;
};

struct diags {
	FILE		*out;		/* NULL: collect in v; else print */
	enum diag_level	 min;		/* less severe: counted only */
	struct diag	*v;		/* collected, in the order said */
	size_t		 n, cap;
	enum diag_level	 worst;		/* of all, counted only or not */
	unsigned long	 nerr;		/* DIAG_ERROR and DIAG_FATAL */
	unsigned long	 nwarn;
};

/*
 * Report a message: print it to ds->out as "cinplan: FILE:LINE:
 * [warning: ]MSG", or keep a copy of everything; either way count it.
 * file may be NULL and line 0.
 */
void	diag_add(struct diags *, enum diag_level, const char *file, long line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	diag_vadd(struct diags *, enum diag_level, const char *file,
	    long line, const char *fmt, va_list)
	    __attribute__((format(printf, 5, 0)));
/* Print the collected messages, in the same form, to err. */
void	diag_print(const struct diags *, FILE *err);
/*
 * Free the collected messages and reset the counts; out and min stay.
 * The struct itself is the caller's.
 */
void	diag_clear(struct diags *);

#endif
