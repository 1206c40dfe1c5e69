/*
 * rowpipe.h: a caseload read on a second thread.
 *
 * Parsing a caseload and computing its schedules take about the same time,
 * so the nightly check reads and parses on one core while the other
 * computes.  Rows come over in batches, in file order, with the same
 * returns as caseload_next(); memory stays a few batches, whatever the
 * size of the caseload.
 */
#ifndef CINPLAN_ROWPIPE_H
#define CINPLAN_ROWPIPE_H

#include <stddef.h>

struct caseload;
struct case_row;
struct rowpipe;

/*
 * Start reading cl (opened, header read) on a thread of its own; cl must
 * not be touched again until rowpipe_stop().  Returns NULL if no thread
 * could be started: the caller then reads cl itself.
 */
struct rowpipe	*rowpipe_start(struct caseload *cl);
/*
 * The next row, as caseload_next() returns it, but in place: 1 with *row
 * pointing at it (valid until the next call), 0 at end, -1 for an
 * unusable row (err set; go on), -2 for a read error (err set; stop).
 */
int		 rowpipe_next(struct rowpipe *, const struct case_row **row,
		    char *err, size_t errsz);
/* Stop the reader, wait for it and free everything; NULL is a no-op. */
void		 rowpipe_stop(struct rowpipe *);

#endif
