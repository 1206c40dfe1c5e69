/*
 * strtab.c: a set of strings, each numbered in the order first added.
 *
 * The strings lie one after another in one block, NUL-terminated, found
 * by their offsets.  An open-addressing table of slots points into them:
 * a slot holds a string's number and 32 bits of its hash, so that a probe
 * looks at another string's bytes only when those bits match, and then
 * compares them all.  The table is kept at most half full.  A string's
 * slot is chosen by the low bits of the same 32, so growing the table
 * walks the slots in order and never reads the strings again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"
#include "xmalloc.h"

struct slot {
	uint32_t	 tag;		/* the hash's low 32 bits */
	uint32_t	 n;		/* the string's number + 1; 0: empty */
};

struct strtab {
	char		*s;		/* the strings */
	size_t		 used, cap;
	size_t		*off;		/* string i is at s + off[i] */
	size_t		 n, ncap;
	struct slot	*slot;
	size_t		 mask;		/* slots - 1, slots a power of two */
};

/*
 * Eight bytes at a time, with a final mix so every bit counts.  The last
 * few bytes are shifted into a word: copied into one through memory, they
 * would be read back before the copy had landed.
 */
uint64_t
strtab_hash(const char *s, size_t len)
{
	uint64_t	 h, w;
	size_t		 i;

	h = 0x9e3779b97f4a7c15ULL ^ (len * 0xff51afd7ed558ccdULL);
	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
		h ^= h >> 31;
	}
	if (len > 0) {
		for (w = 0, i = 0; i < len; i++)
			w |= (uint64_t)(unsigned char)s[i] << (8 * i);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

struct strtab *
strtab_new(void)
{
	struct strtab	*t;

	t = xcalloc(1, sizeof(*t));
	t->mask = 15;
	t->slot = xcalloc(t->mask + 1, sizeof(*t->slot));
	return t;
}

void
strtab_free(struct strtab *t)
{
	if (t == NULL)
		return;
	free(t->s);
	free(t->off);
	free(t->slot);
	free(t);
}

size_t
strtab_count(const struct strtab *t)
{
	return t->n;
}

const char *
strtab_str(const struct strtab *t, size_t i, size_t *len)
{
	if (len != NULL)
		*len = (i + 1 < t->n ? t->off[i + 1] : t->used) - t->off[i] - 1;
	return t->s + t->off[i];
}

/* The slot holding the len bytes at s (hashed to h), or the empty one
 * where they would go. */
static size_t
probe(const struct strtab *t, const char *s, size_t len, uint64_t h)
{
	const struct slot	*sl;
	const char		*p;
	size_t			 i, plen;

	for (i = (uint32_t)h & t->mask;; i = (i + 1) & t->mask) {
		sl = &t->slot[i];
		if (sl->n == 0)
			return i;
		if (sl->tag != (uint32_t)h)
			continue;
		p = strtab_str(t, sl->n - 1, &plen);
		if (plen == len && memcmp(p, s, len) == 0)
			return i;
	}
}

/* Twice the slots, each string moved by the bits it keeps of its hash. */
static void
grow(struct strtab *t)
{
	struct slot	*old;
	size_t		 i, j, oldn;

	old = t->slot;
	oldn = t->mask + 1;
	t->mask = t->mask * 2 + 1;
	t->slot = xcalloc(t->mask + 1, sizeof(*t->slot));
	for (i = 0; i < oldn; i++) {
		if (old[i].n == 0)
			continue;
		for (j = old[i].tag & t->mask; t->slot[j].n != 0;
		    j = (j + 1) & t->mask)
			continue;
		t->slot[j] = old[i];
	}
	free(old);
}

size_t
strtab_find(const struct strtab *t, const char *s, size_t len)
{
	size_t	 i;

	i = probe(t, s, len, strtab_hash(s, len));
	return t->slot[i].n == 0 ? STRTAB_NONE : t->slot[i].n - 1;
}

size_t
strtab_add(struct strtab *t, const char *s, size_t len, int *added)
{
	uint64_t	 h;
	size_t		 i;

	h = strtab_hash(s, len);
	i = probe(t, s, len, h);
	if (added != NULL)
		*added = t->slot[i].n == 0;
	if (t->slot[i].n != 0)
		return t->slot[i].n - 1;

	/* A slot's number is 32 bits: more strings is out of memory. */
	if (t->n >= UINT32_MAX - 1)
		(void)xreallocarray(NULL, SIZE_MAX, SIZE_MAX);
	if (2 * (t->n + 1) > t->mask + 1) {
		grow(t);
		i = probe(t, s, len, h);
	}
	if (len + 1 > t->cap - t->used) {
		while (len + 1 > t->cap - t->used)
			t->cap = t->cap ? t->cap * 2 : 4096;
		t->s = xreallocarray(t->s, t->cap, 1);
	}
	if (t->n == t->ncap) {
		t->ncap = t->ncap ? t->ncap * 2 : 64;
		t->off = xreallocarray(t->off, t->ncap, sizeof(*t->off));
	}
	memcpy(t->s + t->used, s, len);
	t->s[t->used + len] = '\0';
	t->off[t->n] = t->used;
	t->used += len + 1;
	t->slot[i].tag = (uint32_t)h;
	t->slot[i].n = (uint32_t)(++t->n);
	return t->n - 1;
}
