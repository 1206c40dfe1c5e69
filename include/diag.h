/*
 * diag.h: diagnostics with a place and a severity, collected rather than
 * printed, so a checker can report every problem and the command decides
 * the exit status from the worst one seen (mandoc's model).
 */
#ifndef CINPLAN_DIAG_H
#define CINPLAN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_level {
	DIAG_OK = 0,
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	enum diag_level	 level;
	char		*file;		/* may be NULL */
	int		 line;		/* 0: no line */
	char		*msg;
};

struct diags {
	struct diag	*v;
	size_t		 n, cap;
	enum diag_level	 worst;
};

/* Append a message; file may be NULL and line 0.  Copies everything. */
void	diag_add(struct diags *, enum diag_level, const char *file, int line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Print each as "cinplan: FILE:LINE: [warning: ]MSG" to err. */
void	diag_print(const struct diags *, FILE *err);
/*
 * Print one at once, in the same form, for a reader that streams (a
 * caseload, a census return) and counts what it says instead of keeping
 * it; file may be NULL and line 0.
 */
void	diag_say(FILE *err, enum diag_level, const char *file, long line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	diag_vsay(FILE *err, enum diag_level, const char *file, long line,
	    const char *fmt, va_list) __attribute__((format(printf, 5, 0)));
/* Free the messages and reset to empty; the struct itself is the caller's. */
void	diag_clear(struct diags *);

#endif
