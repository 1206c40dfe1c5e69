/*
 * text.h: small text helpers shared by the modules.
 */
#ifndef CINPLAN_TEXT_H
#define CINPLAN_TEXT_H

#include <stddef.h>

/*
 * Levenshtein distance between two NUL-terminated strings, bytewise;
 * SIZE_MAX when either is longer than 62 bytes.
 */
size_t		 text_edit_distance(const char *a, const char *b);

/*
 * Whether two names are close enough to suggest one for the other: equal
 * or one containing the other once both are lower-cased and reduced to
 * their letters and digits ("Referral Date" and "referral"), or within
 * two edits and a third of their length of each other.
 */
int		 text_alike(const char *a, const char *b);

#endif
