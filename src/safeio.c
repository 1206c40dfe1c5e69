/*
 * safeio.c: write to a temporary file, then rename it into place.
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
	int		 fd;

	memset(so, 0, sizeof(*so));
	if (path == NULL || strcmp(path, "-") == 0) {
		so->f = stdout_f;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
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
	(void)fchmod(fd, 0644);
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
