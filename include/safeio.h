/*
 * safeio.h: output files that appear whole or not at all.
 *
 * "-o FILE" is written to a temporary file in the same directory and
 * renamed into place, so a calendar subscribed to the file never reads half
 * of it, and a failure leaves the old file as it was.  A symbolic link is
 * refused rather than replaced.  Temporary files of either kind are
 * removed if the program is stopped by SIGINT, SIGTERM or SIGHUP.
 */
#ifndef CINPLAN_SAFEIO_H
#define CINPLAN_SAFEIO_H

#include <stdio.h>

/* The stdio buffer for large files read or written whole. */
#define SAFE_BUFSIZ	(64 * 1024)

struct safe_out {
	FILE	*f;		/* write here */
	char	*path;		/* final name, or NULL for standard output */
	char	*tmp;		/* temporary name */
	char	*buf;		/* f's buffer, SAFE_BUFSIZ bytes */
};

/*
 * Open path for writing ("-" or NULL: use stdout_f).  Returns 0, or -1 with
 * err set.
 */
int	safe_open(struct safe_out *, const char *path, FILE *stdout_f,
	    char *err, size_t errsz);
/*
 * Flush, sync and rename into place; -1 with err set on any failure
 * (standard output: "writing output: why").
 */
int	safe_commit(struct safe_out *, char *err, size_t errsz);
/* Throw the temporary file away. */
void	safe_abort(struct safe_out *);

/* Is path (which may not exist) the file open on fd?  "-" never is. */
int	safe_same_file(int fd, const char *path);

/*
 * Scratch files, all in $TMPDIR (or /tmp): safe_scratch() returns one open
 * for reading and writing, already unlinked, or NULL with err set.
 * safe_scratch_named() returns a descriptor and the file's name in *path
 * (for a library that reads only named files), or -1 with err set; give
 * the name to safe_scratch_done() to remove the file and free the name.
 */
FILE	*safe_scratch(char *err, size_t errsz);
int	 safe_scratch_named(char **path, char *err, size_t errsz);
void	 safe_scratch_done(char *path);

/*
 * Text for a library that reads only named files, without writing it to
 * disk: a file in memory holding text, its name ("/dev/fd/N") in
 * name[SAFE_MEMFILE_NAME].  Returns its descriptor, to close when the
 * library is done, or -1 where there is no such file (then use a scratch
 * file).
 */
#define SAFE_MEMFILE_NAME	32
int	 safe_memfile(const char *text, size_t len, char *name);

#endif
