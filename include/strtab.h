/*
 * strtab.h: a set of strings, each numbered in the order first added.
 *
 * A string is found by its bytes: a hash says where to look, and only an
 * equal string is a match, so two different strings are never taken for
 * one.  The table keeps its own copy of each string.  Numbers run from 0
 * without gaps, so a caller keeps what it knows of each string (a count,
 * the line it was first seen on) in an array of its own, indexed by them.
 */
#ifndef CINPLAN_STRTAB_H
#define CINPLAN_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#define STRTAB_NONE	((size_t)-1)

struct strtab;

/* An empty table; free it with strtab_free(). */
struct strtab	*strtab_new(void);
/* NULL is a no-op. */
void		 strtab_free(struct strtab *);

/*
 * The number of the len bytes at s (any bytes, NUL included), added as
 * the next number if the table does not hold them yet; *added (if not
 * NULL) says which.  s is copied, not kept.
 */
size_t		 strtab_add(struct strtab *, const char *s, size_t len,
		    int *added);
/* The number of the len bytes at s, or STRTAB_NONE. */
size_t		 strtab_find(const struct strtab *, const char *s, size_t len);
/* How many strings the table holds. */
size_t		 strtab_count(const struct strtab *);
/*
 * String number i, NUL-terminated, and its length in *len (if not NULL).
 * The table owns it; it is valid until the next strtab_add().
 */
const char	*strtab_str(const struct strtab *, size_t i, size_t *len);
/*
 * The hash the table finds strings by, for a caller that groups strings
 * itself (by sorting): equal bytes, equal hash.
 */
uint64_t	 strtab_hash(const char *s, size_t len);

#endif
