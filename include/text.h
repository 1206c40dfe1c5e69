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

/*
 * Why s[0..len) cannot be used as text, or NULL: it must be valid UTF-8
 * (shortest form, no surrogates, at most U+10FFFF) without control
 * characters (C0, DEL, C1); allow may let through tabs (TEXT_TAB), or
 * tabs and line breaks (TEXT_BREAKS).  The reason is a static string:
 * "not valid UTF-8", "contains a control character", "contains a line
 * break" or "contains a tab".
 */
/*
 * The length of the UTF-8 sequence at s[0..len), 1 to 4, or 0 if it is not
 * one (overlong, a surrogate, past U+10FFFF, or cut short); ASCII is 1.
 * For a NUL-terminated s, len may be strnlen(s, 4).
 */
size_t		 text_utf8_len(const char *s, size_t len);
/*
 * s[0..len) quoted for a message, into buf[sz]: at most max bytes of it
 * (and sz - 4), never cutting a UTF-8 sequence, then "..." if there was
 * more, or if cut says s[0..len) is itself only the start of the value;
 * each control character (C0, DEL, C1) and each byte that is not UTF-8
 * as '?', so a value cannot reach the terminal as anything but text.
 * Returns buf.
 */
const char	*text_shown(const char *s, size_t len, int cut, size_t max,
		    char *buf, size_t sz);
/* Whether the n-byte sequence at s is a C1 control, U+0080 to U+009F. */
int		 text_is_c1(const char *s, size_t n);

#define TEXT_TAB	0x01
#define TEXT_BREAKS	0x02
const char	*text_unusable(const char *s, size_t len, int allow);

#endif
