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
/*
 * n bytes aligned to align (a power of two), not cleared: big buffers are
 * touched only as they are used.  Free with free().
 */
void	*xmalloc_aligned(size_t align, size_t n);
/*
 * Resize an array of oldn elements of sz bytes (NULL and 0 at first) to n,
 * for arrays that may grow to many megabytes; free it with xbigfree(),
 * giving its size.
 */
void	*xbigarray(void *, size_t, size_t, size_t);
void	 xbigfree(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* printf into a new string; the caller frees it. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
