/*
 * xmalloc.c: the one place where running out of memory ends the program.
 */
#if defined(__linux__)
#define _GNU_SOURCE		/* mremap(), before any header */
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/mman.h>
#if defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
#define BIG_MAP
#endif
#endif

#include "xmalloc.h"

/*
 * Not through stdio: this may be the caseload reader's thread while the
 * main thread holds the lock of stderr (see walk() in cmd_caseload.c).
 */
static void
oom(void)
{
	static const char	 msg[] = "cinplan: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(2);
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		oom();
	return p;
}

void *
xmalloc_aligned(size_t align, size_t n)
{
	void	*p;

	if (align < sizeof(void *))
		align = sizeof(void *);
	if (posix_memalign(&p, align, n == 0 ? 1 : n) != 0)
		oom();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t sz)
{
	void	*p;

	if (sz != 0 && n > SIZE_MAX / sz)
		oom();
	if ((p = realloc(old, n * sz == 0 ? 1 : n * sz)) == NULL)
		oom();
	return p;
}

/*
 * Big arrays (one entry per caseload row) are mapped, not allocated: on
 * Linux they grow by moving page tables (mremap), never by copying, and
 * are advised onto huge pages, since filling one 4 KiB page at a time
 * costs a page fault each, which on a virtual machine is dearer than the
 * work done for the rows that fill it.
 */
#ifdef BIG_MAP
static size_t
big_bytes(size_t n, size_t sz)
{
	size_t	 bytes, page;

	if (sz != 0 && n > SIZE_MAX / sz)
		oom();
	page = (size_t)sysconf(_SC_PAGESIZE);
	bytes = n * sz == 0 ? 1 : n * sz;
	if (bytes > SIZE_MAX - page)
		oom();
	return (bytes + page - 1) / page * page;
}
#endif

void *
xbigarray(void *old, size_t oldn, size_t n, size_t sz)
{
#ifdef BIG_MAP
	void	*p;
	size_t	 bytes;

	bytes = big_bytes(n, sz);
	if (old == NULL)
		p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	else
		p = mremap(old, big_bytes(oldn, sz), bytes, MREMAP_MAYMOVE);
	if (p == MAP_FAILED)
		oom();
	(void)madvise(p, bytes, MADV_HUGEPAGE);	/* advice: may be refused */
	return p;
#else
	(void)oldn;
	return xreallocarray(old, n, sz);
#endif
}

void
xbigfree(void *p, size_t n, size_t sz)
{
	if (p == NULL)
		return;
#ifdef BIG_MAP
	(void)munmap(p, big_bytes(n, sz));
#else
	(void)n;
	(void)sz;
	free(p);
#endif
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
