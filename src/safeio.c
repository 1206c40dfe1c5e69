/*
 * safeio.c: write to a temporary file, then rename it into place; and the
 * one rule for temporary files.
 *
 * The file that appears has the permissions a new file would get from
 * open(2) with mode 0666 and the user's umask, or, when it replaces one,
 * that file's permissions and, where the user may set it, its group: a
 * calendar of case references kept private stays private.
 *
 * An output file's temporary copy lives beside it (a rename across file
 * systems is no rename), under a name of its own length ".cinplan-XXXXXX"
 * so that any name the file system takes for the output can be written.
 * Scratch files live in $TMPDIR, or /tmp when it is unset or unusable.
 * Either kind is removed if the program is stopped by SIGINT, SIGTERM or
 * SIGHUP while it exists.
 */
#include <sys/stat.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/memfd.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safeio.h"
#include "xmalloc.h"

/* ---- removal on a signal ------------------------------------------------ */

#define NTRACKED	4

static char *volatile	 tracked[NTRACKED];	/* borrowed paths */
static const int	 stop_sigs[] = { SIGINT, SIGTERM, SIGHUP };
#define NSTOP		(sizeof(stop_sigs) / sizeof(stop_sigs[0]))
static struct sigaction	 old_act[NSTOP];
static int		 installed;

/* Remove the files, then die of the signal as if we had not caught it. */
static void
on_stop(int sig)
{
	size_t	 i;
	char	*p;

	for (i = 0; i < NTRACKED; i++)
		if ((p = tracked[i]) != NULL)
			(void)unlink(p);
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);
}

static void
install(void)
{
	struct sigaction	 sa;
	size_t			 i;

	if (installed)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NSTOP; i++)
		sigaddset(&sa.sa_mask, stop_sigs[i]);
	for (i = 0; i < NSTOP; i++) {
		if (sigaction(stop_sigs[i], NULL, &old_act[i]) == -1)
			continue;
		/* A signal ignored when we started (nohup, "&") stays so. */
		if (old_act[i].sa_handler == SIG_IGN)
			continue;
		(void)sigaction(stop_sigs[i], &sa, NULL);
	}
	installed = 1;
}

static void
track(char *path)
{
	size_t	 i;

	install();
	for (i = 0; i < NTRACKED; i++)
		if (tracked[i] == NULL) {
			tracked[i] = path;
			return;
		}
}

static void
untrack(const char *path)
{
	size_t	 i;

	for (i = 0; i < NTRACKED; i++)
		if (tracked[i] == path)
			tracked[i] = NULL;
}

/* ---- scratch files ------------------------------------------------------- */

int
safe_scratch_named(char **path, char *err, size_t errsz)
{
	const char	*dir;
	int		 fd;

	if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
		dir = "/tmp";
	*path = xasprintf("%s/cinplan-XXXXXX", dir);
	if ((fd = mkstemp(*path)) == -1 && strcmp(dir, "/tmp") != 0) {
		/* A stale TMPDIR should not stop the program. */
		free(*path);
		dir = "/tmp";
		*path = xasprintf("%s/cinplan-XXXXXX", dir);
		fd = mkstemp(*path);
	}
	if (fd == -1) {
		snprintf(err, errsz, "cannot make a temporary file in %s: %s",
		    dir, strerror(errno));
		free(*path);
		*path = NULL;
		return -1;
	}
	track(*path);
	return fd;
}

void
safe_scratch_done(char *path)
{
	if (path == NULL)
		return;
	(void)unlink(path);
	untrack(path);
	free(path);
}

FILE *
safe_scratch(char *err, size_t errsz)
{
	FILE	*f;
	char	*path;
	int	 fd;

	if ((fd = safe_scratch_named(&path, err, errsz)) == -1)
		return NULL;
	/* Gone from the directory at once: nothing to clean up later. */
	safe_scratch_done(path);
	if ((f = fdopen(fd, "w+")) == NULL) {
		snprintf(err, errsz, "a temporary file: %s", strerror(errno));
		close(fd);
	}
	return f;
}

/* ---- output files -------------------------------------------------------- */

int
safe_same_file(int fd, const char *path)
{
	struct stat	 a, b;

	if (path == NULL || strcmp(path, "-") == 0 || fd == -1)
		return 0;
	if (fstat(fd, &a) == -1 || stat(path, &b) == -1)
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
safe_open(struct safe_out *so, const char *path, FILE *stdout_f, char *err,
    size_t errsz)
{
	struct stat	 st;
	const char	*slash;
	mode_t		 mask, mode;
	int		 fd, old;

	memset(so, 0, sizeof(*so));
	if (path == NULL || strcmp(path, "-") == 0) {
		so->f = stdout_f;
		return 0;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/*
		 * Renaming over a link would replace the link, not the file
		 * it names, and following it would write wherever it
		 * points: neither is what was asked.
		 */
		snprintf(err, errsz, "%s: is a symbolic link; give the file it"
		    " points to", path);
		return -1;
	}
	if ((old = stat(path, &st) == 0) && !S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: not a regular file", path);
		return -1;
	}
	slash = strrchr(path, '/');
	so->tmp = slash ? xasprintf("%.*s/.cinplan-XXXXXX",
	    (int)(slash - path), path) : xstrdup(".cinplan-XXXXXX");
	if ((fd = mkstemp(so->tmp)) == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		free(so->tmp);
		so->tmp = NULL;
		return -1;
	}
	track(so->tmp);
	if (old) {
		if (fchown(fd, (uid_t)-1, st.st_gid) == -1) {
			/* Not the owner, maybe not a member: the group is
			 * ours, as for a new file. */
		}
		mode = st.st_mode & 0777;
	} else {
		mask = umask(0);
		(void)umask(mask);
		mode = 0666 & ~mask;
	}
	(void)fchmod(fd, mode);
	if ((so->f = fdopen(fd, "w")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(so->tmp);
		untrack(so->tmp);
		free(so->tmp);
		so->tmp = NULL;
		return -1;
	}
	/* A whole authority's calendar is hundreds of megabytes: stdio's
	   4 KiB writes made a third of export's time system calls. */
	so->buf = xmalloc(SAFE_BUFSIZ);
	(void)setvbuf(so->f, so->buf, _IOFBF, SAFE_BUFSIZ);
	so->path = xstrdup(path);
	return 0;
}

int
safe_commit(struct safe_out *so, char *err, size_t errsz)
{
	int	 rc;

	if (so->path == NULL) {
		if (fflush(so->f) == EOF || ferror(so->f)) {
			snprintf(err, errsz, "writing output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	rc = 0;
	if (fflush(so->f) == EOF || ferror(so->f) || fsync(fileno(so->f)) == -1) {
		snprintf(err, errsz, "%s: %s", so->path, strerror(errno));
		rc = -1;
	}
	if (fclose(so->f) == EOF && rc == 0) {
		snprintf(err, errsz, "%s: %s", so->path, strerror(errno));
		rc = -1;
	}
	so->f = NULL;
	free(so->buf);
	so->buf = NULL;
	if (rc == 0 && rename(so->tmp, so->path) == -1) {
		snprintf(err, errsz, "%s: %s", so->path, strerror(errno));
		rc = -1;
	}
	if (rc == -1)
		unlink(so->tmp);
	untrack(so->tmp);
	free(so->tmp);
	free(so->path);
	so->tmp = so->path = NULL;
	return rc;
}

void
safe_abort(struct safe_out *so)
{
	if (so->path == NULL)
		return;
	if (so->f != NULL)
		fclose(so->f);
	free(so->buf);
	unlink(so->tmp);
	untrack(so->tmp);
	free(so->tmp);
	free(so->path);
	memset(so, 0, sizeof(*so));
}

/* ---- files in memory ------------------------------------------------------ */

int
safe_memfile(const char *text, size_t len, char *name)
{
#if defined(__linux__) && defined(SYS_memfd_create)
	ssize_t	 w;
	int	 fd;

	if ((fd = (int)syscall(SYS_memfd_create, "cinplan",
	    MFD_CLOEXEC)) == -1)
		return -1;
	snprintf(name, SAFE_MEMFILE_NAME, "/dev/fd/%d", fd);
	while (len > 0) {
		if ((w = write(fd, text, len)) == -1) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		text += w;
		len -= (size_t)w;
	}
	/* Opened by name, it must be there: /dev/fd may not be mounted. */
	if (access(name, R_OK) == -1) {
		close(fd);
		return -1;
	}
	return fd;
#else
	(void)text;
	(void)len;
	(void)name;
	return -1;
#endif
}
