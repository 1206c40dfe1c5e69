/*
 * rpath.c: finding profiles and holiday data on the rules path.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rpath.h"
#include "xmalloc.h"

#ifndef CINPLAN_DATADIR
#define CINPLAN_DATADIR "/usr/local/share/cinplan"
#endif
#ifndef CINPLAN_SYSCONFDIR
#define CINPLAN_SYSCONFDIR "/etc"
#endif

/* Profiles and data files are small; anything larger is not one. */
#define RFILE_MAX	(4 * 1024 * 1024)

/*
 * A directory named twice (--rules and $CINPLAN_RULES the same) is one
 * layer, so that a file extending its own id does not find itself.
 */
static void
add_dir(struct rpath *rp, const char *dir, const char *layer)
{
	size_t	 i;

	if (dir == NULL || *dir == '\0' || rp->ndirs == RPATH_MAXDIRS)
		return;
	for (i = 0; i < rp->ndirs; i++)
		if (strcmp(rp->dirs[i], dir) == 0)
			return;
	rp->layers[rp->ndirs] = layer;
	rp->dirs[rp->ndirs++] = xstrdup(dir);
}

void
rpath_init(struct rpath *rp, const char *opt_dir)
{
	const char	*xdg, *home;
	char		*p;

	memset(rp, 0, sizeof(*rp));
	add_dir(rp, opt_dir, "--rules");
	add_dir(rp, getenv("CINPLAN_RULES"), "CINPLAN_RULES");
	if ((xdg = getenv("XDG_CONFIG_HOME")) != NULL && *xdg == '/') {
		p = xasprintf("%s/cinplan/rules", xdg);
		add_dir(rp, p, "user");
		free(p);
	} else if ((home = getenv("HOME")) != NULL && *home == '/') {
		p = xasprintf("%s/.config/cinplan/rules", home);
		add_dir(rp, p, "user");
		free(p);
	}
	add_dir(rp, CINPLAN_SYSCONFDIR "/cinplan/rules", "system");
	add_dir(rp, CINPLAN_DATADIR "/rules", "package");
	rp->builtin = 1;
}

const char *
rpath_layer_name(const struct rpath *rp, size_t layer)
{
	if (layer == RPATH_NOLAYER)
		return "named file";
	if (layer >= rp->ndirs)
		return "built-in";
	return rp->layers[layer] != NULL ? rp->layers[layer] : "directory";
}

size_t
rpath_layer_of(const struct rpath *rp, const char *path, const char *name)
{
	struct stat	 a, b;
	size_t		 i;
	char		*p;
	int		 same;

	if (stat(path, &a) == -1)
		return RPATH_NOLAYER;
	for (i = 0; i < rp->ndirs; i++) {
		p = xasprintf("%s/%s", rp->dirs[i], name);
		same = stat(p, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino;
		free(p);
		if (same)
			return i;
	}
	return RPATH_NOLAYER;
}

void
rpath_free(struct rpath *rp)
{
	size_t	 i;

	for (i = 0; i < rp->ndirs; i++)
		free(rp->dirs[i]);
	rp->ndirs = 0;
}

int
rfile_read_path(const char *path, struct rfile *out, char *err, size_t errsz)
{
	struct stat	 st;
	ssize_t		 r;
	size_t		 len;
	char		*buf;
	int		 fd;

	memset(out, 0, sizeof(*out));
	/*
	 * Not blocking: opening a FIFO would wait for a writer for ever,
	 * before its type could be looked at.  (A regular file ignores it.)
	 */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: %s", path,
		    S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return -1;
	}
	if (st.st_size > RFILE_MAX) {
		snprintf(err, errsz, "%s: larger than %d bytes", path, RFILE_MAX);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	len = 0;
	while ((r = read(fd, buf + len, (size_t)st.st_size - len)) > 0)
		len += (size_t)r;
	if (r == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		free(buf);
		close(fd);
		return -1;
	}
	close(fd);
	buf[len] = '\0';
	out->name = xstrdup(path);
	out->text = buf;
	out->len = len;
	out->layer = RPATH_NOLAYER;
	return 0;
}

int
rpath_read(const struct rpath *rp, const char *name, struct rfile *out,
    char *err, size_t errsz)
{
	return rpath_read_below(rp, name, 0, out, err, errsz);
}

int
rpath_read_below(const struct rpath *rp, const char *name, size_t first,
    struct rfile *out, char *err, size_t errsz)
{
	size_t	 i;
	char	*path;
	int	 rc;

	memset(out, 0, sizeof(*out));
	if (strchr(name, '/') != NULL || name[0] == '.' || name[0] == '\0')
		return 1;
	for (i = first; i < rp->ndirs; i++) {
		path = xasprintf("%s/%s", rp->dirs[i], name);
		rc = rfile_read_path(path, out, err, errsz);
		free(path);
		if (rc == 0)
			out->layer = i;
		if (rc != 1)
			return rc;
	}
	if (!rp->builtin || first > rp->ndirs)
		return 1;
	for (i = 0; i < builtin_rules_count; i++) {
		if (strcmp(builtin_rules[i].name, name) != 0)
			continue;
		out->name = xasprintf("(built-in)/%s", name);
		out->text = xstrndup(builtin_rules[i].text, builtin_rules[i].len);
		out->len = builtin_rules[i].len;
		out->builtin = 1;
		out->layer = rp->ndirs;
		return 0;
	}
	return 1;
}

void
rfile_free(struct rfile *f)
{
	if (f == NULL)
		return;
	free(f->name);
	free(f->text);
	memset(f, 0, sizeof(*f));
}

static int
is_profile_name(const char *name, size_t *stem)
{
	size_t	 len;

	len = strlen(name);
	if (len <= 4 || name[0] == '.' || strcmp(name + len - 4, ".ini") != 0)
		return 0;
	*stem = len - 4;
	return 1;
}

static void
add_id(char ***ids, size_t *n, const char *name, size_t stem)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strlen((*ids)[i]) == stem &&
		    strncmp((*ids)[i], name, stem) == 0)
			return;
	*ids = xreallocarray(*ids, *n + 1, sizeof(**ids));
	(*ids)[(*n)++] = xstrndup(name, stem);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
rpath_list_ids(const struct rpath *rp, char ***ids)
{
	struct dirent	*de;
	DIR		*d;
	size_t		 i, n, stem;

	*ids = NULL;
	n = 0;
	for (i = 0; i < rp->ndirs; i++) {
		if ((d = opendir(rp->dirs[i])) == NULL)
			continue;
		while ((de = readdir(d)) != NULL)
			if (is_profile_name(de->d_name, &stem))
				add_id(ids, &n, de->d_name, stem);
		closedir(d);
	}
	if (rp->builtin)
		for (i = 0; i < builtin_rules_count; i++)
			if (is_profile_name(builtin_rules[i].name, &stem))
				add_id(ids, &n, builtin_rules[i].name, stem);
	if (n > 1)
		qsort(*ids, n, sizeof(**ids), cmp_str);
	return n;
}

void
rpath_free_ids(char **ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}
