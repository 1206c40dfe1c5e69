/*
 * rowpipe.c: reading a caseload on a second thread, in batches.
 *
 * A ring of batches passes between the reader and the caller.  Each batch
 * holds copies of its rows and their strings in an arena of its own, so a
 * batch is filled and drained without allocation once the arena has grown
 * to size.  Rejected rows travel in the batch too, so messages keep file
 * order.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "rowpipe.h"
#include "xmalloc.h"

#define BATCH_ROWS	2048
#define NBATCHES	4

/* The strings of a row, kept in the batch's arena as offsets + 1. */
enum { S_CASE_ID, S_PROFILE, S_AREA, S_PLAN_TYPE, S_WORKER, S_COUNT };

struct slot {
	int		 rc;		/* 1 row, -1 rejected, -2 read error */
	struct case_row	 row;		/* string pointers not used here */
	size_t		 str[S_COUNT];	/* 0: NULL */
	size_t		 msg;		/* the message, if rc < 0 */
};

struct batch {
	struct slot	 v[BATCH_ROWS];
	size_t		 n;
	int		 last;		/* no batch follows this one */
	char		*arena;
	size_t		 used, cap;
};

struct rowpipe {
	struct caseload	*cl;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 filled, emptied;
	struct batch	 b[NBATCHES];
	size_t		 nfull;		/* batches ready for the caller */
	size_t		 head;		/* next batch the caller takes */
	size_t		 tail;		/* next batch the reader fills */
	int		 stop;		/* the caller has gone */
	struct batch	*cur;		/* batch the caller is reading */
	size_t		 pos;
};

/* Copy a string into the batch; returns its offset + 1 (0 for NULL). */
static size_t
keep(struct batch *b, const char *s)
{
	size_t	 len, at;

	if (s == NULL)
		return 0;
	len = strlen(s) + 1;
	if (b->used + len > b->cap) {
		while (b->used + len > b->cap)
			b->cap = b->cap ? b->cap * 2 : 65536;
		b->arena = xreallocarray(b->arena, b->cap, 1);
	}
	at = b->used;
	memcpy(b->arena + at, s, len);
	b->used += len;
	return at + 1;
}

static const char *
taken(const struct batch *b, size_t off)
{
	return off == 0 ? NULL : b->arena + off - 1;
}

static void
fill(struct rowpipe *rp, struct batch *b)
{
	struct slot	*s;
	char		 err[512];
	int		 rc;

	b->n = 0;
	b->used = 0;
	b->last = 0;
	while (b->n < BATCH_ROWS) {
		s = &b->v[b->n];
		rc = caseload_next(rp->cl, &s->row, err, sizeof(err));
		if (rc == 0) {
			b->last = 1;
			return;
		}
		s->rc = rc;
		b->n++;
		if (rc < 0) {
			s->msg = keep(b, err);
			if (rc == -2) {
				b->last = 1;
				return;
			}
			continue;
		}
		/* Offsets, since the arena may move as it grows. */
		s->str[S_CASE_ID] = keep(b, s->row.case_id);
		s->str[S_PROFILE] = keep(b, s->row.profile);
		s->str[S_AREA] = keep(b, s->row.area);
		s->str[S_PLAN_TYPE] = keep(b, s->row.plan_type);
		s->str[S_WORKER] = keep(b, s->row.worker);
	}
}

static void *
reader(void *arg)
{
	struct rowpipe	*rp = arg;
	struct batch	*b;
	int		 last;

	for (;;) {
		pthread_mutex_lock(&rp->mu);
		while (rp->nfull == NBATCHES && !rp->stop)
			pthread_cond_wait(&rp->emptied, &rp->mu);
		if (rp->stop) {
			pthread_mutex_unlock(&rp->mu);
			return NULL;
		}
		b = &rp->b[rp->tail];
		pthread_mutex_unlock(&rp->mu);

		fill(rp, b);
		last = b->last;

		pthread_mutex_lock(&rp->mu);
		rp->tail = (rp->tail + 1) % NBATCHES;
		rp->nfull++;
		pthread_cond_signal(&rp->filled);
		pthread_mutex_unlock(&rp->mu);
		if (last)
			return NULL;
	}
}

struct rowpipe *
rowpipe_start(struct caseload *cl)
{
	struct rowpipe	*rp;

	rp = xcalloc(1, sizeof(*rp));
	rp->cl = cl;
	pthread_mutex_init(&rp->mu, NULL);
	pthread_cond_init(&rp->filled, NULL);
	pthread_cond_init(&rp->emptied, NULL);
	if (pthread_create(&rp->thread, NULL, reader, rp) != 0) {
		pthread_mutex_destroy(&rp->mu);
		pthread_cond_destroy(&rp->filled);
		pthread_cond_destroy(&rp->emptied);
		free(rp);
		return NULL;
	}
	return rp;
}

/* Hand the batch being read back to the reader. */
static void
give_back(struct rowpipe *rp)
{
	if (rp->cur == NULL)
		return;
	pthread_mutex_lock(&rp->mu);
	rp->head = (rp->head + 1) % NBATCHES;
	rp->nfull--;
	pthread_cond_signal(&rp->emptied);
	pthread_mutex_unlock(&rp->mu);
	rp->cur = NULL;
}

int
rowpipe_next(struct rowpipe *rp, struct case_row *row, char *err,
    size_t errsz)
{
	struct slot	*s;
	struct batch	*b;

	for (;;) {
		if (rp->cur != NULL && rp->pos < rp->cur->n)
			break;
		if (rp->cur != NULL && rp->cur->last)
			return 0;
		give_back(rp);
		pthread_mutex_lock(&rp->mu);
		while (rp->nfull == 0)
			pthread_cond_wait(&rp->filled, &rp->mu);
		rp->cur = &rp->b[rp->head];
		pthread_mutex_unlock(&rp->mu);
		rp->pos = 0;
	}
	b = rp->cur;
	s = &b->v[rp->pos++];
	if (s->rc < 0) {
		snprintf(err, errsz, "%s", taken(b, s->msg));
		return s->rc;
	}
	*row = s->row;
	row->case_id = taken(b, s->str[S_CASE_ID]);
	row->profile = taken(b, s->str[S_PROFILE]);
	row->area = taken(b, s->str[S_AREA]);
	row->plan_type = taken(b, s->str[S_PLAN_TYPE]);
	row->worker = taken(b, s->str[S_WORKER]);
	return 1;
}

void
rowpipe_stop(struct rowpipe *rp)
{
	size_t	 i;

	if (rp == NULL)
		return;
	pthread_mutex_lock(&rp->mu);
	rp->stop = 1;
	pthread_cond_broadcast(&rp->emptied);
	pthread_mutex_unlock(&rp->mu);
	pthread_join(rp->thread, NULL);
	pthread_mutex_destroy(&rp->mu);
	pthread_cond_destroy(&rp->filled);
	pthread_cond_destroy(&rp->emptied);
	for (i = 0; i < NBATCHES; i++)
		free(rp->b[i].arena);
	free(rp);
}
