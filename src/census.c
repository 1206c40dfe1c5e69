/*
 * census.c: the DfE Children in Need census return, streamed with
 * libxml2's xmlTextReader (this file is the only one that includes
 * libxml2).
 *
 * The reader walks the document node by node, keeping a stack of the
 * open elements and one Child at a time.  Every element is looked up in
 * a table taken from the CIN census schema: its type (date, yes/no) and
 * the parent the schema puts it in.  Elements not in the table, or not
 * where the table says, are reported as warnings and skipped whole.
 *
 * Line numbers come from the node, not from the parser, which reads a
 * block ahead.  libxml2 keeps an element's line in 16 bits; past line
 * 65535 the line of the text node read just before the element is used:
 * with XML_PARSE_BIG_LINES a text node keeps its full line (where its
 * first block ends), and the white space between two tags ends on the
 * second tag's line.
 *
 * What cannot be read on (not well-formed XML, an entity loop) stops the
 * reading at once; libxml2 gives no nodes after its error, nor the few
 * hundred bytes it had parsed ahead of the last node it gave.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include "cal.h"
#include "census.h"
#include "date.h"
#include "text.h"
#include "xmalloc.h"

#define VALUE_MAX	1024	/* bytes of an element's text kept */
#define SHOWN_MAX	64	/* bytes of a value quoted in a message */

/* What cinplan does with an element. */
enum eid {
	E_NONE,			/* above the root; no second parent */
	E_OTHER,		/* a leaf read only to check its type */
	E_MESSAGE,
	E_HEADER,
	E_COLLDETAILS,
	E_COLLECTION,
	E_YEAR,
	E_REFDATE,
	E_SOURCE,
	E_CHILDREN,
	E_CHILD,
	E_CHILDIDS,
	E_LACHILDID,
	E_CHILDCHARS,
	E_DISABILITIES,
	E_CIN,
	E_REFERRAL,
	E_CLOSURE,
	E_ASSESS,
	E_ASTART,
	E_AAUTH,
	E_FACTORS,
	E_PLANDATES,
	E_PLANSTART,
	E_PLANEND,
	E_SECTION47,
	E_CPP,
	E_REVIEWS
};

enum etype {
	T_NODE,			/* holds elements */
	T_TEXT,			/* text, not checked */
	T_DATE,			/* xs:date */
	T_BOOL			/* yesnotype */
};

struct elem {
	const char	*name;
	enum eid	 id;
	enum etype	 type;
	enum eid	 parent, parent2;
};

/* Every element of CIN_schema_2024.xsd, sorted by name (strcmp). */
static const struct elem elems[] = {
	{ "AssessmentActualStartDate", E_ASTART, T_DATE, E_ASSESS, E_NONE },
	{ "AssessmentAuthorisationDate", E_AAUTH, T_DATE, E_ASSESS, E_NONE },
	{ "AssessmentFactors", E_OTHER, T_TEXT, E_FACTORS, E_NONE },
	{ "AssessmentInternalReviewDate", E_OTHER, T_DATE, E_ASSESS, E_NONE },
	{ "Assessments", E_ASSESS, T_NODE, E_CIN, E_NONE },
	{ "CINPlanDates", E_PLANDATES, T_NODE, E_CIN, E_NONE },
	{ "CINPlanEndDate", E_PLANEND, T_DATE, E_PLANDATES, E_NONE },
	{ "CINPlanStartDate", E_PLANSTART, T_DATE, E_PLANDATES, E_NONE },
	{ "CINclosureDate", E_CLOSURE, T_DATE, E_CIN, E_NONE },
	{ "CINdetails", E_CIN, T_NODE, E_CHILD, E_NONE },
	{ "CINreferralDate", E_REFERRAL, T_DATE, E_CIN, E_NONE },
	{ "CPPendDate", E_OTHER, T_DATE, E_CPP, E_NONE },
	{ "CPPreviewDate", E_OTHER, T_DATE, E_REVIEWS, E_NONE },
	{ "CPPstartDate", E_OTHER, T_DATE, E_CPP, E_NONE },
	{ "Child", E_CHILD, T_NODE, E_CHILDREN, E_NONE },
	{ "ChildCharacteristics", E_CHILDCHARS, T_NODE, E_CHILD, E_NONE },
	{ "ChildIdentifiers", E_CHILDIDS, T_NODE, E_CHILD, E_NONE },
	{ "ChildProtectionPlans", E_CPP, T_NODE, E_CIN, E_NONE },
	{ "Children", E_CHILDREN, T_NODE, E_MESSAGE, E_NONE },
	{ "Collection", E_COLLECTION, T_TEXT, E_COLLDETAILS, E_NONE },
	{ "CollectionDetails", E_COLLDETAILS, T_NODE, E_HEADER, E_NONE },
	{ "DateOfInitialCPC", E_OTHER, T_DATE, E_CIN, E_SECTION47 },
	{ "DateTime", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "Disabilities", E_DISABILITIES, T_NODE, E_CHILDCHARS, E_NONE },
	{ "Disability", E_OTHER, T_TEXT, E_DISABILITIES, E_NONE },
	{ "Ethnicity", E_OTHER, T_TEXT, E_CHILDCHARS, E_NONE },
	{ "ExpectedPersonBirthDate", E_OTHER, T_DATE, E_CHILDIDS, E_NONE },
	{ "FactorsIdentifiedAtAssessment", E_FACTORS, T_NODE, E_ASSESS,
	  E_NONE },
	{ "FormerUPN", E_OTHER, T_TEXT, E_CHILDIDS, E_NONE },
	{ "GenderCurrent", E_OTHER, T_TEXT, E_CHILDIDS, E_NONE },
	{ "Header", E_HEADER, T_NODE, E_MESSAGE, E_NONE },
	{ "ICPCnotRequired", E_OTHER, T_BOOL, E_SECTION47, E_NONE },
	{ "InitialCPCtarget", E_OTHER, T_DATE, E_SECTION47, E_NONE },
	{ "InitialCategoryOfAbuse", E_OTHER, T_TEXT, E_CPP, E_NONE },
	{ "LAchildID", E_LACHILDID, T_TEXT, E_CHILDIDS, E_NONE },
	{ "LEA", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "LatestCategoryOfAbuse", E_OTHER, T_TEXT, E_CPP, E_NONE },
	{ "Message", E_MESSAGE, T_NODE, E_NONE, E_NONE },
	{ "NumberOfPreviousCPP", E_OTHER, T_TEXT, E_CPP, E_NONE },
	{ "PersonBirthDate", E_OTHER, T_DATE, E_CHILDIDS, E_NONE },
	{ "PersonDeathDate", E_OTHER, T_DATE, E_CHILDIDS, E_NONE },
	{ "PrimaryNeedCode", E_OTHER, T_TEXT, E_CIN, E_NONE },
	{ "ReasonForClosure", E_OTHER, T_TEXT, E_CIN, E_NONE },
	{ "ReferenceDate", E_REFDATE, T_DATE, E_COLLDETAILS, E_NONE },
	{ "ReferralNFA", E_OTHER, T_BOOL, E_CIN, E_NONE },
	{ "ReferralSource", E_OTHER, T_TEXT, E_CIN, E_NONE },
	{ "Release", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "Reviews", E_REVIEWS, T_NODE, E_CPP, E_NONE },
	{ "S47ActualStartDate", E_OTHER, T_DATE, E_SECTION47, E_NONE },
	{ "Section47", E_SECTION47, T_NODE, E_CIN, E_NONE },
	{ "SerialNo", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "SoftwareCode", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "Source", E_SOURCE, T_NODE, E_HEADER, E_NONE },
	{ "SourceLevel", E_OTHER, T_TEXT, E_SOURCE, E_NONE },
	{ "UPN", E_OTHER, T_TEXT, E_CHILDIDS, E_NONE },
	{ "UPNunknown", E_OTHER, T_TEXT, E_CHILDIDS, E_NONE },
	{ "Year", E_YEAR, T_TEXT, E_COLLDETAILS, E_NONE },
};
#define NELEMS	(sizeof(elems) / sizeof(elems[0]))

/* Bits of census_*.seen: which once-only elements have been read. */
#define SEEN_ID		0x01
#define SEEN_REFERRAL	0x02
#define SEEN_CLOSURE	0x04
#define SEEN_START	0x08
#define SEEN_AUTH	0x10
#define SEEN_END	0x20

/* An open element. */
struct frame {
	const struct elem	*e;
	long			 line;
};

/* A fault held until its child ends, when the child's id is known. */
struct pending {
	struct census_fault	 f;
	size_t			 seq;		/* order of arrival */
	char			*element;	/* owned copies */
	char			*value;
	char			*parent;
};

/* The parts of an assessment and an episode only the reader needs. */
struct a_state {
	unsigned		 seen;
	long			 auth_line;
};

struct e_state {
	unsigned		 seen;
	int			 referral_bad;
	struct a_state		*as;		/* one per assessment */
	unsigned		*ps;		/* seen bits, one per plan */
	size_t			 acap, pcap;
};

/* Where the attribute watch is in the markup (see watch()). */
enum wstate {
	W_TEXT,
	W_LT,			/* after '<' */
	W_TAG,			/* in a start tag */
	W_TAGQ,			/* in a quoted attribute value */
	W_SKIP,			/* end tag: to '>' */
	W_PI,			/* <? ... ?> */
	W_BANG,			/* after "<!" */
	W_COMMENT,		/* <!-- ... --> */
	W_CDATA,		/* <![ ... ]]> */
	W_DECL,			/* <!DOCTYPE ...>, with its [...] */
	W_DECLQ
};

struct census_reader {
	xmlTextReaderPtr	 xr;
	int			 fd;
	enum wstate		 ws;
	int			 wq;		/* the quote being matched */
	int			 wprev, wprev2;	/* the bytes before */
	int			 wdepth;	/* '[' in a declaration */
	unsigned		 wattrs;	/* '=' in this start tag */
	long			 wline;
	census_fault_fn		 fault_fn;
	void			*fault_arg;

	struct frame		*stack;
	size_t			 depth, stackcap;
	int			 have_node;	/* current node not handled */
	int			 root_seen;
	long			 last_text_line;

	char			 value[VALUE_MAX + 1];
	size_t			 vlen;
	int			 vlong;		/* more than VALUE_MAX bytes */
	int			 vent;		/* holds an entity reference */

	/* the child being read */
	int			 in_child;
	struct census_child	 child;
	unsigned		 child_seen;
	int			 child_bad;
	char			*id;
	size_t			 ecap;
	struct e_state		*es;
	struct pending		*pend;
	size_t			 npend, pendcap;
	unsigned long		 pend_warnings;	/* in pend */
	unsigned long		 pend_errors;
	unsigned long		 more_warnings;	/* past CENSUS_MAX_FAULTS */
	unsigned long		 more_errors;
	int			 vnested;	/* the value holds an element */

	struct census_header	 hdr;
	char			*collection, *year;
	unsigned		 hdr_seen;

	/* a fatal error */
	int			 failed;
	long			 err_line;
	char			 err[512];
};

/* ---- small helpers ---------------------------------------------------- */

static int
is_xml_space(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Trim XML white space from both ends of s[0..*len). */
static const char *
trim(const char *s, size_t *len)
{
	while (*len > 0 && is_xml_space((unsigned char)*s)) {
		s++;
		(*len)--;
	}
	while (*len > 0 && is_xml_space((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

/*
 * A bounded, printable copy of s[0..len) for a message (text_shown);
 * longer: the reader kept only part of the value.  The caller frees.
 */
static char *
shown(const char *s, size_t len, int longer)
{
	char	*buf;

	buf = xmalloc(SHOWN_MAX + 4);
	text_shown(s, len, longer, SHOWN_MAX, buf, SHOWN_MAX + 4);
	return buf;
}

static int
elem_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct elem *)e)->name);
}

static const struct elem *
elem_find(const char *name)
{
	return bsearch(name, elems, NELEMS, sizeof(elems[0]), elem_cmp);
}

/*
 * An xs:date's lexical form as cinplan takes it: YYYY-MM-DD, optionally
 * followed by a time zone (Z, +hh:mm, -hh:mm), which does not change the
 * day written.  Returns the length of the date part, or 0.
 */
static size_t
date_part(const char *s, size_t len)
{
	const char	*z;
	size_t		 i, zl;

	if (len < 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' :
		    (s[i] < '0' || s[i] > '9'))
			return 0;
	z = s + 10;
	zl = len - 10;
	if (zl == 0 || (zl == 1 && z[0] == 'Z'))
		return 10;
	if (zl == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':' &&
	    z[1] >= '0' && z[1] <= '1' && z[2] >= '0' && z[2] <= '9' &&
	    z[4] >= '0' && z[4] <= '5' && z[5] >= '0' && z[5] <= '9' &&
	    ((z[1] - '0') * 10 + (z[2] - '0')) * 60 +
	    (z[4] - '0') * 10 + (z[5] - '0') <= 14 * 60)
		return 10;
	return 0;
}

/* Is s[0..len) a real calendar day of any year from 0001? */
static int
any_date(const char *s, size_t len)
{
	int	 y, m, d;

	if (date_part(s, len) == 0)
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

/* ---- faults ------------------------------------------------------------ */

int
census_fault_is_warning(const struct census_fault *f)
{
	return f->kind == CF_UNKNOWN || f->kind == CF_MISPLACED ||
	    (f->kind == CF_MORE && f->more_errors == 0);
}

char *
census_fault_text(const struct census_fault *f, char *buf, size_t sz)
{
	char	 d[DATE_STRLEN], *id, *p;
	size_t	 n;

	if (sz == 0)
		return buf;
	buf[0] = '\0';
	if (f->in_child) {
		if (f->child != NULL) {
			id = shown(f->child, strlen(f->child), 0);
			snprintf(buf, sz, "child %s: ", id);
			free(id);
		} else
			snprintf(buf, sz, "child (no LAchildID): ");
	}
	n = strlen(buf);
	p = buf + n;
	sz -= n;
	switch (f->kind) {
	case CF_BAD_DATE:
		snprintf(p, sz, "%s: '%s' is not a valid date%s", f->element,
		    f->value, f->out_of_range ? " (outside the supported"
		    " range 1970-01-01 to 2199-12-31)" : "");
		break;
	case CF_BAD_BOOL:
		snprintf(p, sz, "%s: '%s' is not a valid boolean (true,"
		    " false, 1 or 0)", f->element, f->value);
		break;
	case CF_MISSING:
		snprintf(p, sz, "%s: missing from %s", f->element, f->parent);
		break;
	case CF_EMPTY:
		snprintf(p, sz, "%s: empty", f->element);
		break;
	case CF_TOO_LONG:
		snprintf(p, sz, "%s: '%s' is too long (over %d bytes)",
		    f->element, f->value, VALUE_MAX);
		break;
	case CF_ENTITY:
		snprintf(p, sz, "%s: '%s' holds an entity reference, which"
		    " cinplan does not expand", f->element, f->value);
		break;
	case CF_CONTROL:
		snprintf(p, sz, "%s: holds a control character", f->element);
		break;
	case CF_REPEATED:
		snprintf(p, sz, "%s: '%s' is a second %s in one %s",
		    f->element, f->value, f->element, f->parent);
		break;
	case CF_BEFORE_REFERRAL:
		snprintf(p, sz, "%s: '%s' is before the CINreferralDate %s",
		    f->element, f->value, date_format(f->referral, d));
		break;
	case CF_NESTED:
		snprintf(p, sz, "%s: holds an element <%s>, where only a"
		    " value may be", f->element, f->value);
		break;
	case CF_UNKNOWN:
		snprintf(p, sz, "%s: unknown element, ignored", f->element);
		break;
	case CF_MORE:
		snprintf(p, sz, "%lu more fault%s in this child (%lu of them"
		    " warnings), not reported one by one", f->more_warnings +
		    f->more_errors, f->more_warnings + f->more_errors == 1 ?
		    "" : "s", f->more_warnings);
		break;
	case CF_MISPLACED:
		snprintf(p, sz, "%s: not expected inside %s, ignored",
		    f->element, f->parent);
		break;
	}
	return buf;
}

/* A fault being put together; fault_put() sends or keeps it. */
static struct pending
fault_new(enum census_fault_kind kind, long line, const char *element,
    const char *parent)
{
	struct pending	 p;

	memset(&p, 0, sizeof(p));
	p.f.kind = kind;
	p.f.line = line;
	p.element = xstrdup(element);
	p.parent = parent != NULL ? xstrdup(parent) : NULL;
	return p;
}

static void
pending_free(struct pending *p)
{
	free(p->element);
	free(p->value);
	free(p->parent);
}

/*
 * Inside a child a fault waits for the child's end (and its id);
 * elsewhere it is reported at once.
 */
static void
fault_put(struct census_reader *r, struct pending *p)
{
	p->f.in_child = r->in_child;
	if (!r->in_child) {
		p->f.element = p->element;
		p->f.value = p->value;
		p->f.parent = p->parent;
		if (r->fault_fn != NULL)
			r->fault_fn(r->fault_arg, &p->f);
		pending_free(p);
		return;
	}
	/*
	 * A child of a million unknown elements is no reason to hold them;
	 * warnings and errors are kept apart, so the one does not crowd out
	 * the other.
	 */
	if (census_fault_is_warning(&p->f) ? r->pend_warnings++ >=
	    CENSUS_MAX_FAULTS : r->pend_errors++ >= CENSUS_MAX_FAULTS) {
		if (census_fault_is_warning(&p->f))
			r->more_warnings++;
		else
			r->more_errors++;
		pending_free(p);
		return;
	}
	if (r->npend == r->pendcap) {
		r->pendcap = r->pendcap ? r->pendcap * 2 : 16;
		r->pend = xreallocarray(r->pend, r->pendcap, sizeof(*r->pend));
	}
	p->seq = r->npend;
	r->pend[r->npend++] = *p;
}

/* A fault about the value just read. */
static void
value_fault(struct census_reader *r, enum census_fault_kind kind,
    const struct frame *fr, const char *parent, int out_of_range)
{
	struct pending	 p;
	const char	*s;
	size_t		 len;

	len = r->vlen;
	s = trim(r->value, &len);
	p = fault_new(kind, fr->line, fr->e->name, parent);
	p.value = shown(s, len, r->vlong);
	p.f.out_of_range = out_of_range;
	fault_put(r, &p);
}

/* Line order, then order of arrival. */
static int
cmp_pending(const void *a, const void *b)
{
	const struct pending	*pa = a, *pb = b;

	if (pa->f.line != pb->f.line)
		return pa->f.line < pb->f.line ? -1 : 1;
	return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

/* Report the child's faults in line order, then forget them. */
static void
flush_faults(struct census_reader *r)
{
	struct census_fault	 more;
	size_t			 i;

	/* qsort() may not be given NULL, even for nothing. */
	if (r->npend > 1)
		qsort(r->pend, r->npend, sizeof(*r->pend), cmp_pending);
	for (i = 0; i < r->npend; i++) {
		r->pend[i].f.child = r->id;
		r->pend[i].f.element = r->pend[i].element;
		r->pend[i].f.value = r->pend[i].value;
		r->pend[i].f.parent = r->pend[i].parent;
		if (r->fault_fn != NULL)
			r->fault_fn(r->fault_arg, &r->pend[i].f);
		pending_free(&r->pend[i]);
	}
	r->npend = 0;
	if (r->more_warnings + r->more_errors > 0) {
		memset(&more, 0, sizeof(more));
		more.kind = CF_MORE;
		more.line = r->child.line;
		more.child = r->id;
		more.in_child = 1;
		more.element = "Child";
		more.more_warnings = r->more_warnings;
		more.more_errors = r->more_errors;
		if (r->fault_fn != NULL)
			r->fault_fn(r->fault_arg, &more);
	}
	r->more_warnings = r->more_errors = 0;
	r->pend_warnings = r->pend_errors = 0;
}

/* ---- libxml2 ----------------------------------------------------------- */

static void
fail(struct census_reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct census_reader *r, long line, const char *fmt, ...)
{
	va_list	 ap;

	if (r->failed)
		return;
	r->failed = 1;
	r->err_line = line;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
}

/* Any error stops the reading; warnings are libxml2's own business. */
static void
xml_error(void *arg, xmlErrorPtr e)
{
	struct census_reader	*r = arg;
	char			*p;
	size_t			 n;

	if (e == NULL || e->level < XML_ERR_ERROR || r->failed)
		return;
	fail(r, e->line, "XML error: %s", e->message != NULL ? e->message :
	    "unknown error");
	for (p = r->err; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	n = strlen(r->err);
	while (n > 0 && r->err[n - 1] == ' ')
		r->err[--n] = '\0';
}

/*
 * libxml2 reports some errors (encodings among them) through its global
 * generic handler rather than the reader's: route them to the same place,
 * never raw to standard error.
 */
static void	generic_error(void *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
generic_error(void *arg, const char *fmt, ...)
{
	struct census_reader	*r = arg;
	char			 buf[512], *p;
	va_list			 ap;

	if (r == NULL || r->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (p = buf; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	fail(r, 0, "XML error: %s", buf);
}

/* Never fetch anything from outside the file being read. */
static xmlParserInputPtr
no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	return NULL;
}

/* The current node's line (see the comment at the top). */
static long
node_line(struct census_reader *r)
{
	xmlNodePtr	 n;
	long		 l;

	n = xmlTextReaderCurrentNode(r->xr);
	if (n == NULL)
		return r->last_text_line;
	if (n->type == XML_ELEMENT_NODE && n->line >= 65535 &&
	    r->last_text_line >= 65535)
		return r->last_text_line;
	l = xmlGetLineNo(n);
	return l > 0 ? l : r->last_text_line;
}

/* ---- the attribute watch ------------------------------------------------- */

/*
 * libxml2 2.9 checks a start tag's attributes for repeats pairwise: 80,000
 * of them take seconds, all before the reader sees the element.  The
 * census has no attributes, so the bytes are watched on their way in and
 * a start tag with more than CENSUS_MAX_ATTRS '=' signs (outside quoted
 * values) stops the reading there.  Returns 0, or -1 after fail().
 */
static int
watch(struct census_reader *r, const unsigned char *b, size_t n)
{
	enum wstate	 ws = r->ws;
	size_t		 i;
	int		 c;

	for (i = 0; i < n; i++) {
		c = b[i];
		if (c == '\n')
			r->wline++;
		switch (ws) {
		case W_TEXT:
			if (c == '<')
				ws = W_LT;
			break;
		case W_LT:
			r->wattrs = 0;
			ws = c == '/' ? W_SKIP : c == '?' ? W_PI :
			    c == '!' ? W_BANG : W_TAG;
			break;
		case W_TAG:
			if (c == '"' || c == '\'') {
				r->wq = c;
				ws = W_TAGQ;
			} else if (c == '>')
				ws = W_TEXT;
			else if (c == '=' && ++r->wattrs > CENSUS_MAX_ATTRS) {
				fail(r, r->wline, "a start tag with more than"
				    " %d attributes (the census has none)",
				    CENSUS_MAX_ATTRS);
				r->ws = ws;
				return -1;
			}
			break;
		case W_TAGQ:
			if (c == r->wq)
				ws = W_TAG;
			break;
		case W_SKIP:
			if (c == '>')
				ws = W_TEXT;
			break;
		case W_PI:
			if (c == '>' && r->wprev == '?')
				ws = W_TEXT;
			break;
		case W_BANG:
			if (c == '-')
				ws = W_COMMENT;
			else if (c == '[')
				ws = W_CDATA;
			else {
				r->wdepth = 0;
				ws = W_DECL;
			}
			break;
		case W_COMMENT:
			if (c == '>' && r->wprev == '-' && r->wprev2 == '-')
				ws = W_TEXT;
			break;
		case W_CDATA:
			if (c == '>' && r->wprev == ']' && r->wprev2 == ']')
				ws = W_TEXT;
			break;
		case W_DECL:
			if (c == '"' || c == '\'') {
				r->wq = c;
				ws = W_DECLQ;
			} else if (c == '[')
				r->wdepth++;
			else if (c == ']' && r->wdepth > 0)
				r->wdepth--;
			else if (c == '>' && r->wdepth == 0)
				ws = W_TEXT;
			break;
		case W_DECLQ:
			if (c == r->wq)
				ws = W_DECL;
			break;
		}
		r->wprev2 = r->wprev;
		r->wprev = c;
	}
	r->ws = ws;
	return 0;
}

static int
io_read(void *arg, char *buf, int len)
{
	struct census_reader	*r = arg;
	ssize_t			 n;

	if (r->failed)
		return -1;
	do
		n = read(r->fd, buf, (size_t)len);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		fail(r, r->wline, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (watch(r, (const unsigned char *)buf, (size_t)n) == -1)
		return -1;
	return (int)n;
}

static int
io_close(void *arg)
{
	return 0;
}

/* ---- the reader --------------------------------------------------------- */

struct census_reader *
census_open(int fd, const char *name, census_fault_fn fn, void *arg)
{
	struct census_reader	*r;

	r = xcalloc(1, sizeof(*r));
	r->fault_fn = fn;
	r->fault_arg = arg;
	r->hdr.reference_date = DATE_NONE;
	/* Belt and braces: the options below never ask for a load. */
	xmlSetExternalEntityLoader(no_entities);
	/*
	 * Not XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID or XINCLUDE: no
	 * DTD and no external entity is read, and entity references stay
	 * references.  Not XML_PARSE_HUGE: libxml2's limits on depth, text
	 * size and entity expansion stay on.
	 */
	r->fd = fd;
	r->wline = 1;
	r->xr = xmlReaderForIO(io_read, io_close, r, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
	if (r->xr == NULL)
		fail(r, 0, "cannot start the XML reader");
	else
		xmlTextReaderSetStructuredErrorHandler(r->xr, xml_error, r);
	xmlSetGenericErrorFunc(r, generic_error);
	return r;
}

static void
child_clear(struct census_reader *r)
{
	size_t	 i;

	for (i = 0; i < r->npend; i++)
		pending_free(&r->pend[i]);
	r->npend = 0;
	r->more_warnings = r->more_errors = 0;
	r->pend_warnings = r->pend_errors = 0;
	free(r->id);
	r->id = NULL;
	r->child.id = NULL;
	r->child.ne = 0;
	r->child_seen = 0;
	r->child_bad = 0;
}

void
census_close(struct census_reader *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	xmlSetGenericErrorFunc(NULL, NULL);
	child_clear(r);
	for (i = 0; i < r->ecap; i++) {
		free(r->child.e[i].a);
		free(r->child.e[i].p);
		free(r->es[i].as);
		free(r->es[i].ps);
	}
	free(r->child.e);
	free(r->es);
	free(r->pend);
	free(r->stack);
	free(r->collection);
	free(r->year);
	if (r->xr != NULL)
		xmlFreeTextReader(r->xr);
	free(r);
}

int
census_root_seen(const struct census_reader *r)
{
	return r->root_seen;
}

const struct census_header *
census_header(const struct census_reader *r)
{
	return &r->hdr;
}

const char *
census_error(const struct census_reader *r, long *line)
{
	if (line != NULL)
		*line = r->err_line;
	return r->err;
}

int
census_timely(const struct calendar *cal, int referral, int authorised,
    long *days)
{
	*days = cal_between(cal, referral, authorised);
	return *days <= CENSUS_LIMIT;
}

/* The innermost episode, assessment and plan: the stack guarantees them. */
static struct census_episode *
cur_ep(struct census_reader *r)
{
	return &r->child.e[r->child.ne - 1];
}

static struct e_state *
cur_es(struct census_reader *r)
{
	return &r->es[r->child.ne - 1];
}

static void
new_episode(struct census_reader *r, long line)
{
	struct census_episode	*ep;
	struct e_state		*es;
	size_t			 old;

	if (r->child.ne == r->ecap) {
		old = r->ecap;
		r->ecap = r->ecap ? r->ecap * 2 : 4;
		r->child.e = xreallocarray(r->child.e, r->ecap,
		    sizeof(*r->child.e));
		r->es = xreallocarray(r->es, r->ecap, sizeof(*r->es));
		memset(r->child.e + old, 0, (r->ecap - old) *
		    sizeof(*r->child.e));
		memset(r->es + old, 0, (r->ecap - old) * sizeof(*r->es));
	}
	ep = &r->child.e[r->child.ne];
	es = &r->es[r->child.ne];
	r->child.ne++;
	ep->line = line;
	ep->referral = DATE_NONE;
	ep->closure = DATE_NONE;
	ep->bad = 0;
	ep->na = 0;
	ep->np = 0;
	es->seen = 0;
	es->referral_bad = 0;
}

static void
new_assessment(struct census_reader *r, long line)
{
	struct census_episode	 *ep = cur_ep(r);
	struct e_state		 *es = cur_es(r);
	struct census_assessment *a;

	if (ep->na == es->acap) {
		es->acap = es->acap ? es->acap * 2 : 4;
		ep->a = xreallocarray(ep->a, es->acap, sizeof(*ep->a));
		es->as = xreallocarray(es->as, es->acap, sizeof(*es->as));
	}
	a = &ep->a[ep->na];
	a->line = line;
	a->started = DATE_NONE;
	a->authorised = DATE_NONE;
	a->bad = 0;
	es->as[ep->na].seen = 0;
	es->as[ep->na].auth_line = line;
	ep->na++;
}

static void
new_plan(struct census_reader *r, long line)
{
	struct census_episode	*ep = cur_ep(r);
	struct e_state		*es = cur_es(r);
	struct census_plan	*p;

	if (ep->np == es->pcap) {
		es->pcap = es->pcap ? es->pcap * 2 : 4;
		ep->p = xreallocarray(ep->p, es->pcap, sizeof(*ep->p));
		es->ps = xreallocarray(es->ps, es->pcap, sizeof(*es->ps));
	}
	es->ps[ep->np] = 0;
	p = &ep->p[ep->np++];
	p->line = line;
	p->start = DATE_NONE;
	p->end = DATE_NONE;
}

/*
 * A date cinplan computes with: 0 and *out, or -1 after reporting it.
 * *seen and bit catch a second one in the same parent.
 */
static int
used_date(struct census_reader *r, const struct frame *fr, unsigned *seen,
    unsigned bit, const char *parent, int *out)
{
	const char	*s, *why;
	size_t		 len, n;

	if (*seen & bit) {
		value_fault(r, CF_REPEATED, fr, parent, 0);
		return -1;
	}
	*seen |= bit;
	len = r->vlen;
	s = trim(r->value, &len);
	if (r->vlong || (n = date_part(s, len)) == 0 ||
	    date_parse(s, n, out, &why) == -1) {
		value_fault(r, CF_BAD_DATE, fr, NULL,
		    !r->vlong && any_date(s, len));
		return -1;
	}
	return 0;
}

/* Text that is just stored: bounded and printable. */
static char *
keep_text(struct census_reader *r)
{
	const char	*s;
	size_t		 len;

	len = r->vlen;
	s = trim(r->value, &len);
	return shown(s, len, r->vlong);
}

static int
is_bool(const char *s, size_t len)
{
	static const char *const ok[] = {
		"true", "false", "TRUE", "FALSE", "0", "1"
	};
	size_t	 i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strlen(ok[i]) == len && memcmp(ok[i], s, len) == 0)
			return 1;
	return 0;
}

/*
 * A value already reported (CF_NESTED): what a bad value of the element
 * leaves out, and the element counted as seen.
 */
static void
leaf_bad(struct census_reader *r, const struct frame *fr)
{
	struct census_episode	*ep;
	struct e_state		*es;

	switch (fr->e->id) {
	case E_LACHILDID:
		r->child_seen |= SEEN_ID;
		r->child_bad = 1;
		break;
	case E_REFERRAL:
		cur_es(r)->seen |= SEEN_REFERRAL;
		cur_es(r)->referral_bad = 1;
		break;
	case E_CLOSURE:
		cur_es(r)->seen |= SEEN_CLOSURE;
		cur_ep(r)->bad = 1;
		break;
	case E_ASTART:
	case E_AAUTH:
		ep = cur_ep(r);
		es = cur_es(r);
		es->as[ep->na - 1].seen |= fr->e->id == E_ASTART ?
		    SEEN_START : SEEN_AUTH;
		ep->a[ep->na - 1].bad = 1;
		break;
	case E_PLANSTART:
	case E_PLANEND:
		ep = cur_ep(r);
		cur_es(r)->ps[ep->np - 1] |= fr->e->id == E_PLANSTART ?
		    SEEN_START : SEEN_END;
		ep->bad = 1;
		break;
	case E_REFDATE:
		r->hdr_seen |= SEEN_REFERRAL;
		break;
	default:
		break;
	}
}

/* The end of an element holding text: check it, and keep what is used. */
static void
leaf_end(struct census_reader *r, const struct frame *fr)
{
	struct census_episode	*ep;
	struct e_state		*es;
	struct pending		 p;
	const char		*s;
	size_t			 len, i;
	int			 d;

	if (r->vnested) {
		leaf_bad(r, fr);
		return;
	}
	len = r->vlen;
	s = trim(r->value, &len);
	switch (fr->e->id) {
	case E_LACHILDID:
		if (r->child_seen & SEEN_ID) {
			value_fault(r, CF_REPEATED, fr, "ChildIdentifiers", 0);
			r->child_bad = 1;
		} else if (len == 0) {
			p = fault_new(CF_EMPTY, fr->line, "LAchildID", NULL);
			fault_put(r, &p);
			r->child_bad = 1;
		} else if (r->vlong) {
			value_fault(r, CF_TOO_LONG, fr, NULL, 0);
			r->child_bad = 1;
		} else if (r->vent) {
			value_fault(r, CF_ENTITY, fr, NULL, 0);
			r->child_bad = 1;
		} else if (text_unusable(s, len, 0) != NULL) {
			/* It would reach terminals, CSV and calendars. */
			p = fault_new(CF_CONTROL, fr->line, "LAchildID", NULL);
			fault_put(r, &p);
			r->child_bad = 1;
		} else
			r->id = xstrndup(s, len);
		r->child_seen |= SEEN_ID;
		return;
	case E_REFERRAL:
		ep = cur_ep(r);
		es = cur_es(r);
		if (used_date(r, fr, &es->seen, SEEN_REFERRAL, "CINdetails",
		    &d) == 0)
			ep->referral = d;
		else
			es->referral_bad = 1;
		return;
	case E_CLOSURE:
		ep = cur_ep(r);
		if (used_date(r, fr, &cur_es(r)->seen, SEEN_CLOSURE,
		    "CINdetails", &d) == 0)
			ep->closure = d;
		else
			ep->bad = 1;
		return;
	case E_ASTART:
	case E_AAUTH:
		ep = cur_ep(r);
		es = cur_es(r);
		i = ep->na - 1;
		if (used_date(r, fr, &es->as[i].seen, fr->e->id == E_ASTART ?
		    SEEN_START : SEEN_AUTH, "Assessments", &d) == -1)
			ep->a[i].bad = 1;
		else if (fr->e->id == E_ASTART)
			ep->a[i].started = d;
		else {
			ep->a[i].authorised = d;
			es->as[i].auth_line = fr->line;
		}
		return;
	case E_PLANSTART:
	case E_PLANEND:
		ep = cur_ep(r);
		i = ep->np - 1;
		if (used_date(r, fr, &cur_es(r)->ps[i], fr->e->id ==
		    E_PLANSTART ? SEEN_START : SEEN_END, "CINPlanDates",
		    &d) == -1)
			ep->bad = 1;
		else if (fr->e->id == E_PLANSTART)
			ep->p[i].start = d;
		else
			ep->p[i].end = d;
		return;
	case E_REFDATE:
		if (used_date(r, fr, &r->hdr_seen, SEEN_REFERRAL,
		    "CollectionDetails", &d) == 0)
			r->hdr.reference_date = d;
		return;
	case E_COLLECTION:
		free(r->collection);
		r->hdr.collection = r->collection = keep_text(r);
		return;
	case E_YEAR:
		free(r->year);
		r->hdr.year = r->year = keep_text(r);
		return;
	default:
		break;
	}
	if (fr->e->type == T_DATE && (r->vlong || !any_date(s, len)))
		value_fault(r, CF_BAD_DATE, fr, NULL, 0);
	else if (fr->e->type == T_BOOL && (r->vlong || !is_bool(s, len)))
		value_fault(r, CF_BAD_BOOL, fr, NULL, 0);
}

static void
missing(struct census_reader *r, long line, const char *element,
    const char *parent)
{
	struct pending	 p;

	p = fault_new(CF_MISSING, line, element, parent);
	fault_put(r, &p);
}

/* The end of a CINdetails: what the episode's dates decide. */
static void
episode_end(struct census_reader *r, const struct frame *fr)
{
	struct census_episode	*ep = cur_ep(r);
	struct e_state		*es = cur_es(r);
	struct pending		 p;
	char			 d[DATE_STRLEN];
	size_t			 i;

	if (!(es->seen & SEEN_REFERRAL))
		missing(r, fr->line, "CINreferralDate", "CINdetails");
	if (ep->referral == DATE_NONE || es->referral_bad) {
		/* Nothing (or no one thing) to time the assessments from. */
		ep->bad = 1;
		for (i = 0; i < ep->na; i++)
			ep->a[i].bad = 1;
		return;
	}
	for (i = 0; i < ep->na; i++) {
		if (ep->a[i].bad || ep->a[i].authorised == DATE_NONE ||
		    ep->a[i].authorised >= ep->referral)
			continue;
		p = fault_new(CF_BEFORE_REFERRAL, es->as[i].auth_line,
		    "AssessmentAuthorisationDate", NULL);
		p.value = xstrdup(date_format(ep->a[i].authorised, d));
		p.f.referral = ep->referral;
		fault_put(r, &p);
		ep->a[i].bad = 1;
	}
}

/* ---- walking the document ----------------------------------------------- */

static void
push(struct census_reader *r, const struct elem *e, long line)
{
	if (r->depth == r->stackcap) {
		r->stackcap = r->stackcap ? r->stackcap * 2 : 32;
		r->stack = xreallocarray(r->stack, r->stackcap,
		    sizeof(*r->stack));
	}
	r->stack[r->depth].e = e;
	r->stack[r->depth].line = line;
	r->depth++;
}

/* Skip the current element and everything in it. */
static int
skip(struct census_reader *r)
{
	int	 rc;

	rc = xmlTextReaderNext(r->xr);
	if (rc == 1)
		r->have_node = 1;
	return rc == -1 ? -1 : 0;
}

/* The end of the innermost element: 1 if a child is complete. */
static int
end_element(struct census_reader *r)
{
	struct frame	 fr;

	fr = r->stack[--r->depth];
	if (fr.e->type != T_NODE) {
		leaf_end(r, &fr);
		return 0;
	}
	switch (fr.e->id) {
	case E_ASSESS:
		if (!(cur_es(r)->as[cur_ep(r)->na - 1].seen & SEEN_START)) {
			missing(r, fr.line, "AssessmentActualStartDate",
			    "Assessments");
			cur_ep(r)->a[cur_ep(r)->na - 1].bad = 1;
		}
		return 0;
	case E_PLANDATES:
		if (!(cur_es(r)->ps[cur_ep(r)->np - 1] & SEEN_START)) {
			missing(r, fr.line, "CINPlanStartDate",
			    "CINPlanDates");
			cur_ep(r)->bad = 1;
		}
		return 0;
	case E_CIN:
		episode_end(r, &fr);
		return 0;
	case E_CHILD:
		if (!(r->child_seen & SEEN_ID)) {
			missing(r, fr.line, "LAchildID", "ChildIdentifiers");
			r->child_bad = 1;
		}
		if (r->child_bad) {
			/* Messages still name a child by its first id. */
			r->child.id = NULL;
		} else
			r->child.id = r->id;
		flush_faults(r);
		r->in_child = 0;
		return 1;
	default:
		return 0;
	}
}

/* A start tag: 1 if it completed a child (<Child/>), -1 to stop. */
static int
start_element(struct census_reader *r)
{
	const struct elem	*e;
	const struct frame	*top;
	struct pending		 p;
	const char		*name;
	long			 line;
	int			 empty;

	name = (const char *)xmlTextReaderConstLocalName(r->xr);
	if (name == NULL)
		name = "";
	empty = xmlTextReaderIsEmptyElement(r->xr) == 1;
	line = node_line(r);
	top = r->depth > 0 ? &r->stack[r->depth - 1] : NULL;
	e = elem_find(name);
	if (top == NULL) {
		if (e == NULL || e->id != E_MESSAGE) {
			fail(r, line, "not a CIN census return: the root"
			    " element is <%.64s>, not <Message>", name);
			return -1;
		}
		r->root_seen = 1;
	} else if (top->e->type != T_NODE) {
		/* Markup in a value: the text around it is no value. */
		if (!r->vnested) {
			p = fault_new(CF_NESTED, line, top->e->name, NULL);
			p.value = shown(name, strlen(name), 0);
			fault_put(r, &p);
			r->vnested = 1;
		}
		return skip(r);
	} else if (e == NULL || (e->parent != top->e->id &&
	    e->parent2 != top->e->id)) {
		p = fault_new(e == NULL ? CF_UNKNOWN : CF_MISPLACED, line,
		    name, top->e->name);
		fault_put(r, &p);
		return skip(r);
	}
	push(r, e, line);
	r->vlen = 0;
	r->vlong = 0;
	r->vent = 0;
	r->vnested = 0;
	switch (e->id) {
	case E_CHILD:
		child_clear(r);
		r->in_child = 1;
		r->child.line = line;
		break;
	case E_CIN:
		new_episode(r, line);
		break;
	case E_ASSESS:
		new_assessment(r, line);
		break;
	case E_PLANDATES:
		new_plan(r, line);
		break;
	default:
		break;
	}
	return empty ? end_element(r) : 0;
}

static void
add_text(struct census_reader *r, const char *s, size_t len)
{
	size_t	 room;

	room = VALUE_MAX - r->vlen;
	if (len > room) {
		len = room;
		r->vlong = 1;
	}
	memcpy(r->value + r->vlen, s, len);
	r->vlen += len;
	r->value[r->vlen] = '\0';
}

int
census_next(struct census_reader *r, const struct census_child **out)
{
	const char	*s;
	int		 rc, type, collect;

	for (;;) {
		if (r->failed)
			break;
		if (r->have_node) {
			r->have_node = 0;
			rc = 1;
		} else
			rc = xmlTextReaderRead(r->xr);
		if (r->failed || rc == -1)
			break;
		if (rc == 0) {
			if (!r->root_seen)
				fail(r, 1, "no root element");
			if (r->failed)
				break;
			return 0;
		}
		collect = r->depth > 0 && r->stack[r->depth - 1].e->type !=
		    T_NODE;
		type = xmlTextReaderNodeType(r->xr);
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			rc = start_element(r);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			rc = r->depth > 0 ? end_element(r) : 0;
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			r->last_text_line = node_line(r);
			if (collect && (s = (const char *)
			    xmlTextReaderConstValue(r->xr)) != NULL)
				add_text(r, s, strlen(s));
			rc = 0;
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
			/* Left unexpanded: the value shows it. */
			if (collect && (s = (const char *)
			    xmlTextReaderConstName(r->xr)) != NULL) {
				r->vent = 1;
				add_text(r, "&", 1);
				add_text(r, s, strlen(s));
				add_text(r, ";", 1);
			}
			rc = 0;
			break;
		default:
			rc = 0;
			break;
		}
		if (rc == -1 || r->failed)
			break;
		if (rc == 1) {
			*out = &r->child;
			return 1;
		}
	}
	if (!r->failed)
		fail(r, xmlTextReaderGetParserLineNumber(r->xr),
		    "XML error: the reader stopped without saying why");
	/* What was found in a child cut short is still reported. */
	if (r->in_child) {
		flush_faults(r);
		r->in_child = 0;
	}
	return -1;
}
