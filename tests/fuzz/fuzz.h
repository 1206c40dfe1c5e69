/*
 * fuzz.h: what the libFuzzer harnesses share: a file descriptor holding
 * the fuzzer's bytes, a scratch directory, and a check that stops the run
 * with a message when a property does not hold.
 */
#ifndef CINPLAN_FUZZ_H
#define CINPLAN_FUZZ_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* A property the code must keep, whatever it is fed: abort if not. */
#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: property failed: %s: ",		\
		    __FILE__, __LINE__, #cond);				\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/*
 * A memory file holding data[0..size), positioned at its start; the
 * caller closes it.  Aborts if the kernel will not make one, since a
 * harness that silently tested nothing would be worse.
 */
static inline int
fuzz_memfd(const void *data, size_t size)
{
	const char	*p = data;
	ssize_t		 w;
	int		 fd;

	if ((fd = memfd_create("fuzz", 0)) == -1) {
		perror("memfd_create");
		abort();
	}
	while (size > 0) {
		if ((w = write(fd, p, size)) == -1) {
			if (errno == EINTR)
				continue;
			perror("write");
			abort();
		}
		p += w;
		size -= (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) == -1) {
		perror("lseek");
		abort();
	}
	return fd;
}

/*
 * A private scratch directory, in memory where there is one (/dev/shm),
 * made once per process; TMPDIR points there too, so the profile loader's
 * temporary copies land in it.  Returns its path (static storage).
 */
static inline const char *
fuzz_scratch(void)
{
	static char	 dir[64];
	const char	*base;

	if (dir[0] != '\0')
		return dir;
	base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof(dir), "%s/cinplan-fuzz-XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
	setenv("TMPDIR", dir, 1);
	return dir;
}

#endif
