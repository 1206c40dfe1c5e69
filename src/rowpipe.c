/*
 * rowpipe.c: reading a caseload on a second thread, in batches.
 *
 * A ring of batches passes between the reader and the caller.  Each batch
 * holds its rows, and their strings in an arena of fixed size, so the rows
 * are handed to the caller where they lie: a batch ends early when its
 * arena could not take the largest row.  Nothing is allocated once the
 * ring is made.  Rejected rows travel in the batch too, so messages keep
 * file order.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "csv.h"
#include "rowpipe.h"
#include "xmalloc.h"

#define BATCH_ROWS	4096
#define NBATCHES	4
#define ARENA_SIZE	(1024 * 1024)
/* The most one row can need: five strings at the field limit, or a message. */
#define ROW_MAX		(5 * (CSV_MAX_FIELD + 1) > MSG_MAX ? \
			    5 * (CSV_MAX_FIELD + 1) : MSG_MAX)
#define MSG_MAX		512

#if ROW_MAX * 2 > ARENA_SIZE
#error "ARENA_SIZE holds too few rows"
#endif

struct slot {
	int		 rc;		/* 1 row, -1 rejected, -2 read error */
	struct case_row	 row;		/* strings in the batch's arena */
	const char	*msg;		/* the message, if rc < 0 */
};

struct batch {
	struct slot	 v[BATCH_ROWS];
	size_t		 n;
	int		 last;		/* no batch follows this one */
	char		*arena;		/* ARENA_SIZE */
	size_t		 used;
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

/* Copy n bytes into the batch's arena, which has room: see fill(). */
static char *
keep(struct batch *b, const char *s, size_t n)
{
	char	*at;

	at = b->arena + b->used;
	memcpy(at, s, n);
	b->used += n;
	return at;
}

/* Put row r into slot s, its strings into the arena. */
static void
put_row(struct batch *b, struct slot *s, const struct case_row *r)
{
	const char	*from = r->strings;
	char		*to;

	s->row = *r;
	to = keep(b, from, r->strings_len);
	s->row.strings = to;
#define REBASE(f) do {							\
	if (r->f != NULL)						\
		s->row.f = to + (r->f - from);				\
} while (0)
	REBASE(case_id);
	REBASE(profile);
	REBASE(area);
	REBASE(plan_type);
	REBASE(worker);
#undef REBASE
}

static void
fill(struct rowpipe *rp, struct batch *b)
{
	struct slot	*s;
	char		 err[MSG_MAX];
	int		 rc;

	b->n = 0;
	b->used = 0;
	b->last = 0;
	while (b->n < BATCH_ROWS && ARENA_SIZE - b->used >= ROW_MAX) {
		s = &b->v[b->n];
		rc = caseload_next(rp->cl, &s->row, err, sizeof(err));
		if (rc == 0) {
			b->last = 1;
			return;
		}
		s->rc = rc;
		b->n++;
		if (rc == 1) {
			put_row(b, s, &s->row);
			continue;
		}
		s->msg = keep(b, err, strlen(err) + 1);
		if (rc == -2) {
			b->last = 1;
			return;
		}
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
	size_t		 i;

	rp = xcalloc(1, sizeof(*rp));
	rp->cl = cl;
	for (i = 0; i < NBATCHES; i++)
		rp->b[i].arena = xmalloc(ARENA_SIZE);
	pthread_mutex_init(&rp->mu, NULL);
	pthread_cond_init(&rp->filled, NULL);
	pthread_cond_init(&rp->emptied, NULL);
	if (pthread_create(&rp->thread, NULL, reader, rp) != 0) {
		pthread_mutex_destroy(&rp->mu);
		pthread_cond_destroy(&rp->filled);
		pthread_cond_destroy(&rp->emptied);
		for (i = 0; i < NBATCHES; i++)
			free(rp->b[i].arena);
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
rowpipe_next(struct rowpipe *rp, const struct case_row **row, char *err,
    size_t errsz)
{
	struct slot	*s;

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
	s = &rp->cur->v[rp->pos++];
	if (s->rc < 0) {
		snprintf(err, errsz, "%s", s->msg);
		return s->rc;
	}
	*row = &s->row;
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
