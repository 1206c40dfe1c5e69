/*
 * safeio.c: write to a temporary file, then rename it into place.
 *
 * The file that appears has the permissions a new file would get from
 * open(2) with mode 0666 and the user's umask, or, when it replaces one,
 * that file's permissions and, where the user may set it, its group: a
 * calendar of case references kept private stays private.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safeio.h"
#include "xmalloc.h"

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
	if ((old = stat(path, &st) == 0) && !S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: not a regular file", path);
		return -1;
	}
	slash = strrchr(path, '/');
	so->tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path),
	    path, slash + 1) : xasprintf(".%s.XXXXXX", path);
	if ((fd = mkstemp(so->tmp)) == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		free(so->tmp);
		so->tmp = NULL;
		return -1;
	}
	if (old) {
		/* Not the owner, maybe not a member: then the group is ours. */
		(void)fchown(fd, (uid_t)-1, st.st_gid);
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
		free(so->tmp);
		so->tmp = NULL;
		return -1;
	}
	so->path = xstrdup(path);
	return 0;
}

int
safe_commit(struct safe_out *so, char *err, size_t errsz)
{
	int	 rc;

	if (so->path == NULL)
		return fflush(so->f) == EOF ? -1 : 0;
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
	if (rc == 0 && rename(so->tmp, so->path) == -1) {
		snprintf(err, errsz, "%s: %s", so->path, strerror(errno));
		rc = -1;
	}
	if (rc == -1)
		unlink(so->tmp);
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
	unlink(so->tmp);
	free(so->tmp);
	free(so->path);
	memset(so, 0, sizeof(*so));
}
