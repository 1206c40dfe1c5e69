/*
 * csv.h: a streaming RFC 4180 reader and a spreadsheet-safe field writer.
 *
 * The reader takes quoted fields, embedded commas, newlines and doubled
 * quotes, CRLF or LF line ends, and a UTF-8 byte-order mark at the start.
 * It reads in large blocks and keeps one record at a time, so memory does
 * not grow with the file.  A malformed record is reported with the line it
 * starts on and skipped to its end, so the caller can go on to the next.
 */
#ifndef CINPLAN_CSV_H
#define CINPLAN_CSV_H

#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_FIELD	65536	/* bytes in one field */
#define CSV_MAX_FIELDS	1024	/* fields in one record */
#define CSV_MAX_RECORD	(16 * 1024 * 1024) /* bytes in one record, raw */

struct csv_reader;

struct csv_record {
	size_t		  n;		/* number of fields */
	char		**field;	/* NUL-terminated, unquoted; borrowed,
					   but the caller may change a
					   field's bytes, up to its NUL */
	const size_t	 *len;		/* lengths, since a field may hold NUL */
	long		  line;		/* physical line the record starts on */
};

/*
 * Read from fd (not closed).  name is used in messages.  Returns NULL
 * never; free with csv_close().
 */
struct csv_reader	*csv_open(int fd, const char *name);
void			 csv_close(struct csv_reader *);

/*
 * The next record: 1 and *rec filled (valid until the next call), 0 at end
 * of input, -1 for a bad record with err set to a reason without place
 * (rec->line says where), after which reading may go on, or -2 for a read
 * error (errno-style reason in err), after which it may not.
 */
int	csv_next(struct csv_reader *, struct csv_record *rec,
	    char *err, size_t errsz);

/*
 * Write one field to out, quoted if it needs to be.  With neutralise, a
 * field that a spreadsheet would run as a formula gets a leading
 * apostrophe: one starting with =, +, -, @ or their full-width forms, after
 * any blanks (space, tab, CR, LF, no-break or ideographic space), or with a
 * tab, CR or LF.
 */
void	csv_write_field(FILE *out, const char *s, int neutralise);
/*
 * The same into dst, which has room for CSV_FIELD_MAX(strlen(s)) bytes;
 * returns the bytes written (no NUL).
 */
#define CSV_FIELD_MAX(len)	(2 * (len) + 3)
size_t	csv_format_field(char *dst, const char *s, int neutralise);

#endif
