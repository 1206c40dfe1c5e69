/*
 * rpath.h: where profiles and the holiday data file are found.
 *
 * The path is a stack of layers, top first: --rules DIR, $CINPLAN_RULES,
 * the user's $XDG_CONFIG_HOME/cinplan/rules (or ~/.config/...), the
 * system's SYSCONFDIR/cinplan/rules, the package's DATADIR/rules, and
 * finally the copy built into the binary, so an uninstalled ./cinplan works
 * from any directory.  Each file is looked up on its own, first match wins;
 * a profile that extends its own id finds it in the layers below its own,
 * so one layer may change one rule of the layer underneath.
 */
#ifndef CINPLAN_RPATH_H
#define CINPLAN_RPATH_H

#include <stddef.h>

#define RPATH_MAXDIRS	5

struct rpath {
	char		*dirs[RPATH_MAXDIRS];	/* owned; searched in order */
	const char	*layers[RPATH_MAXDIRS];	/* each one's name, static;
						   NULL: "directory" */
	size_t		 ndirs;
	int		 builtin;		/* also search the built-in
						   copy, the layer after the
						   last directory */
};

struct rfile {
	char	*name;		/* path, or "(built-in)/NAME": for messages */
	char	*text;		/* NUL-terminated contents */
	size_t	 len;
	int	 builtin;
	size_t	 layer;		/* where it was found: index into dirs, ndirs
				   for the built-in copy, RPATH_NOLAYER for a
				   file named outside the path */
};

#define RPATH_NOLAYER	((size_t)-1)

/* Fill rp from the option (may be NULL) and the environment. */
void	rpath_init(struct rpath *rp, const char *opt_dir);
void	rpath_free(struct rpath *rp);

/*
 * Find and read file name (e.g. "torbay.ini", "holidays").  Returns 0 and
 * fills out (free with rfile_free), 1 if not found anywhere, or -1 with
 * err set if a file was found but could not be read.
 */
int	rpath_read(const struct rpath *, const char *name, struct rfile *out,
	    char *err, size_t errsz);
/* The same, searching only from layer first down. */
int	rpath_read_below(const struct rpath *, const char *name, size_t first,
	    struct rfile *out, char *err, size_t errsz);
/*
 * The layer whose file name is the file at path (the same file, however
 * named), or RPATH_NOLAYER.
 */
size_t	rpath_layer_of(const struct rpath *, const char *path,
	    const char *name);
/* A layer's name ("system", "built-in", ...); static storage. */
const char *rpath_layer_name(const struct rpath *, size_t layer);
/* Read one named file (not searched). Same returns as rpath_read. */
int	rfile_read_path(const char *path, struct rfile *out, char *err,
	    size_t errsz);
void	rfile_free(struct rfile *);

/*
 * The profile ids (file names ending in ".ini", without it) visible on the
 * path, each once, sorted.  *ids is an array of owned strings; free with
 * rpath_free_ids().  Returns the count.
 */
size_t	rpath_list_ids(const struct rpath *, char ***ids);
void	rpath_free_ids(char **ids, size_t n);

/* The built-in copies: generated at build time from rules/. */
struct builtin_file {
	const char	*name;
	const char	*text;
	size_t		 len;
};
extern const struct builtin_file builtin_rules[];
extern const size_t builtin_rules_count;

#endif
