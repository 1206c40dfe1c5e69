/*
 * rowpipe.c: reading a caseload on a second thread, in batches.
 *
 * A ring of batches passes between the reader and the caller.  Each batch
 * holds its rows, and their strings in an arena of fixed size, so the rows
 * are handed to the caller where they lie; a batch ends early when its
 * arena could not take the largest row.  Nothing is allocated once the
 * ring is made.  Rejected rows travel in the batch too, so messages keep
 * file order.
 *
 * A row is made in the reader's own memory and then published: copied
 * into the batch with stores that go around the cache (SSE2), in whole
 * 16-byte units.  Stored through the cache, each line of a batch would
 * first have to be taken back from the other core, which still holds it
 * from the last round of the ring, and the reader waited for that line by
 * line: it doubled the time the reader takes.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "caseload.h"
#include "rowpipe.h"
#include "xmalloc.h"

#define BATCH_ROWS	4096
#define NBATCHES	4
#define ARENA_SIZE	(1024 * 1024)
#define UNIT		16		/* what publish() copies in */
#define ROUND(n)	(((n) + UNIT - 1) & ~(size_t)(UNIT - 1))
/* The most one row can take of an arena: its strings, or a message. */
#define MSG_MAX		512
#define ROW_MAX		ROUND(CASELOAD_STRINGS_MAX > MSG_MAX ? \
			    CASELOAD_STRINGS_MAX : MSG_MAX)

_Static_assert(ROW_MAX * 2 <= ARENA_SIZE, "ARENA_SIZE holds too few rows");

/* Two cache lines, aligned to them. */
struct slot {
	struct case_row	 row;		/* strings in the batch's arena */
	const char	*msg;		/* the message, if rc < 0 */
	int		 rc;		/* 1 row, -1 rejected, -2 read error */
} __attribute__((aligned(128)));

struct batch {
	struct slot	 v[BATCH_ROWS];
	size_t		 n;
	int		 last;		/* no batch follows this one */
	char		*arena;		/* ARENA_SIZE, UNIT aligned */
	size_t		 used;		/* a multiple of UNIT */
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
	/* The caller's alone, apart from the reader's: no line is shared. */
	struct batch	*cur __attribute__((aligned(64))); /* being read */
	size_t		 pos;
	char		*own __attribute__((aligned(64))); /* the reader's:
						   a row's strings, ROW_MAX */
};

/*
 * Copy n bytes, a multiple of UNIT, between UNIT-aligned places, for the
 * other core to read; published() must follow before it may.
 */
static void
publish(void *dst, const void *src, size_t n)
{
#ifdef __SSE2__
	__m128i		*d = dst;
	const __m128i	*s = src;
	size_t		 i;

	for (i = 0; i < n / UNIT; i++)
		_mm_stream_si128(d + i, _mm_load_si128(s + i));
#else
	memcpy(dst, src, n);
#endif
}

/* Order what publish() wrote before what follows (the batch's hand-over). */
static void
published(void)
{
#ifdef __SSE2__
	_mm_sfence();
#endif
}

/*
 * Fill b.  Its count and arena use are kept in locals and stored once,
 * at the end: the caller reads the batch before it in the ring, which may
 * share a cache line with them.
 */
static void
fill(struct rowpipe *rp, struct batch *b)
{
	struct slot	 made;
	char		 err[MSG_MAX] __attribute__((aligned(UNIT)));
	char		*to, *arena = b->arena;
	size_t		 n, used;
	int		 rc;

	b->last = 0;
	for (n = 0, used = 0; n < BATCH_ROWS && ARENA_SIZE - used >= ROW_MAX;) {
		rc = caseload_next_in(rp->cl, &made.row, rp->own, err,
		    sizeof(err));
		if (rc == 0) {
			b->last = 1;
			break;
		}
		made.rc = rc;
		made.msg = NULL;
		to = arena + used;
		if (rc == 1) {
			/* The strings move: the row points where they go. */
			publish(to, rp->own, ROUND(made.row.strings_len));
			used += ROUND(made.row.strings_len);
#define REBASE(f) do {							\
	if (made.row.f != NULL)						\
		made.row.f = to + (made.row.f - rp->own);		\
} while (0)
			REBASE(case_id);
			REBASE(profile);
			REBASE(area);
			REBASE(plan_type);
			REBASE(worker);
			REBASE(strings);
#undef REBASE
		} else {
			publish(to, err, ROUND(strlen(err) + 1));
			used += ROUND(strlen(err) + 1);
			made.msg = to;
		}
		publish(&b->v[n++], &made, sizeof(made));
		if (rc == -2) {
			b->last = 1;
			break;
		}
	}
	b->n = n;
	b->used = used;
}

static void *
reader(void *arg)
{
	struct rowpipe	*rp = arg;
	struct batch	*b;
	int		 last;

	for (;;) {
		/*
		 * A full ring waits until half of it is free: each wake-up
		 * is a system call and a switch, dear on a virtual machine.
		 */
		pthread_mutex_lock(&rp->mu);
		if (rp->nfull == NBATCHES)
			while (rp->nfull > NBATCHES / 2 && !rp->stop)
				pthread_cond_wait(&rp->emptied, &rp->mu);
		if (rp->stop) {
			pthread_mutex_unlock(&rp->mu);
			return NULL;
		}
		b = &rp->b[rp->tail];
		pthread_mutex_unlock(&rp->mu);

		fill(rp, b);
		published();
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

	/* Megabytes of slots: not cleared, so touched only as used. */
	rp = xmalloc_aligned(_Alignof(struct rowpipe), sizeof(*rp));
	rp->cl = cl;
	rp->nfull = rp->head = rp->tail = 0;
	rp->stop = 0;
	rp->cur = NULL;
	rp->pos = 0;
	rp->own = xmalloc_aligned(UNIT, ROW_MAX);
	for (i = 0; i < NBATCHES; i++) {
		rp->b[i].n = rp->b[i].used = 0;
		rp->b[i].last = 0;
		rp->b[i].arena = xmalloc_aligned(UNIT, ARENA_SIZE);
	}
	pthread_mutex_init(&rp->mu, NULL);
	pthread_cond_init(&rp->filled, NULL);
	pthread_cond_init(&rp->emptied, NULL);
	if (pthread_create(&rp->thread, NULL, reader, rp) != 0) {
		pthread_mutex_destroy(&rp->mu);
		pthread_cond_destroy(&rp->filled);
		pthread_cond_destroy(&rp->emptied);
		for (i = 0; i < NBATCHES; i++)
			free(rp->b[i].arena);
		free(rp->own);
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
	if (--rp->nfull == NBATCHES / 2)
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
	free(rp->own);
	free(rp);
}
