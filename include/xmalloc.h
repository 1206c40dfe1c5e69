/*
 * xmalloc.h: allocation that cannot fail.  Running out of memory is fatal
 * here and nowhere else, so no caller checks.
 */
#ifndef CINPLAN_XMALLOC_H
#define CINPLAN_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* printf into a new string; the caller frees it. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
