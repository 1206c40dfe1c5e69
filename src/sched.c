/*
 * sched.c: the rules engine.  Facts in, schedule items out; no I/O.
 *
 * The order of work follows the chain of anchors: the assessment (from the
 * referral), the first meeting (from the assessment, the decision, the
 * review conference or the date of residence), which is the plan start;
 * then the reviews and visits that roll from it, the items derived from
 * each meeting, review or visit, and the milestones.  An anchor that was
 * not given is projected from its own due date, and everything computed
 * from a projected date is marked projected.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "profile.h"
#include "sched.h"
#include "xmalloc.h"

/* A date and whether it was given or projected. */
struct when {
	int	 date;		/* DATE_NONE: not known */
	int	 projected;
};

/* One meeting, review or visit in a chain, for the rules derived from it. */
struct occ {
	enum kind	 kind;		/* KIND_FIRST_MEETING, _REVIEW, _VISIT */
	unsigned	 seq;
	unsigned	 after;		/* seq 0: place after the last recorded */
	struct when	 at;		/* held, or due if not held */
	int		 held;
};

/*
 * The rules that apply to one profile, plan type and area, indexed for the
 * kinds wanted.
 */
struct sched_rules {
	unsigned long		 serial;	/* the profile's */
	enum plan_type		 plan;
	int			 area;
	unsigned		 kinds;		/* sched_opts.kinds */
	const struct rule	*chosen[SCHED_MAX_RULES]; /* most specific
						   per slot */
	size_t			 n;
	int			 overflow;	/* more rules than that */
	const struct rule	*by_kind[KIND_COUNT];	/* first of each kind */
	const struct rule	*ahead[2][8];	/* wanted, falling before each
						   review (0) or visit (1) */
	size_t			 nahead[2];
	/* In the order chosen: */
	const struct rule	*derived[SCHED_MAX_RULES]; /* wanted, from each
						   meeting, review or visit */
	size_t			 nderived;
	const struct rule	*notset[SCHED_MAX_RULES]; /* noted as not set */
	size_t			 nnotset;
	const struct rule	*final[KIND_COUNT]; /* KC_RECUR: the rule of
						   the chain's final occurrence */
	const struct rule	*oneoffs[SCHED_MAX_RULES]; /* wanted one-offs
						   other than the steps:
						   milestones, plan of work */
	size_t			 noneoffs;
};

struct sched_cache {
	struct occ		*occ;
	size_t			 occcap;
	struct sched_rules	 memo[16];
	size_t			 nextmemo;
	size_t			 lastmemo;	/* + 1; 0: none */
	struct sched_rules	 local;		/* a profile not loaded */
};

struct engine {
	const struct profile	*p;
	const struct calendar	*cal;
	const struct facts	*f;
	const struct sched_opts	*o;
	struct schedule		*s;
	struct sched_cache	*c;
	struct sched_error	*e;
	size_t			 max;
	const struct sched_rules *rs;
	int			 need_occ;	/* a derived rule is wanted */
	size_t			 nocc;		/* in c->occ: meetings and
						   visits */
	/*
	 * How many of f->done[k] are used, from when bit k of started is
	 * set: a case uses few kinds, and clearing the array for every case
	 * cost more than its dates.
	 */
	size_t			 ndone[KIND_COUNT];
	unsigned		 started;	/* 1u << enum kind */
};

void
facts_init(struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->referral = f->assessment = f->plan_decision = DATE_NONE;
	f->rcpc = f->residence = f->first_meeting = DATE_NONE;
	f->supervision_order = f->allocated = DATE_NONE;
	f->step_down_decision = DATE_NONE;
	f->plan_type = PLAN_STANDARD;
	f->area = -1;
}

const char *
status_name(enum status st)
{
	switch (st) {
	case ST_DONE:
		return "done";
	case ST_LATE:
		return "late";
	case ST_OVERDUE:
		return "overdue";
	case ST_DUE_SOON:
		return "due-soon";
	case ST_UPCOMING:
		return "upcoming";
	case ST_REACHED:
		return "reached";
	case ST_UNRECORDED:
		return "unrecorded";
	}
	return "?";
}

void
sched_free(struct schedule *s)
{
	free(s->items);
	free(s->notes);
	memset(s, 0, sizeof(*s));
}

struct sched_cache *
sched_cache_new(void)
{
	return xcalloc(1, sizeof(struct sched_cache));
}

void
sched_cache_free(struct sched_cache *c)
{
	if (c == NULL)
		return;
	free(c->occ);
	free(c);
}

static int fail(struct engine *, enum sched_err, enum kind, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail(struct engine *en, enum sched_err code, enum kind kind, const char *fmt,
    ...)
{
	va_list	 ap;

	en->e->code = code;
	en->e->kind = kind;
	va_start(ap, fmt);
	vsnprintf(en->e->msg, sizeof(en->e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * date + span.  Deadlines in calendar units that land on a non-working day
 * move back to the working day before (roll); milestones and a window's
 * earliest end do not.
 */
static int
apply(const struct calendar *cal, int date, const struct span *sp, int roll)
{
	int	 r;

	if (date == DATE_NONE)
		return DATE_NONE;
	switch (sp->unit) {
	case UNIT_WORKDAYS:
		return cal_add(cal, date, sp->n, &r) == 0 ? r : DATE_NONE;
	case UNIT_DAYS:
		r = date_add_days(date, sp->n);
		break;
	case UNIT_WEEKS:
		r = date_add_days(date, 7L * sp->n);
		break;
	case UNIT_MONTHS:
		r = date_add_months(date, sp->n);
		break;
	default:
		return DATE_NONE;
	}
	if (r != DATE_NONE && roll) {
		r = cal_roll_back(cal, r);
		/* Never back before what it counts from. */
		if (r < date && sp->n > 0)
			r = date;
	}
	return r;
}

/*
 * Whether the case records kind k (convention 12): the plan's own steps
 * always; another kind once one occurrence of it is given.
 */
static int
tracked(const struct engine *en, enum kind k)
{
	return kind_info(k)->tracked || en->f->ndone[k] > 0 ||
	    (en->f->tracked & (1u << k)) != 0;
}

static enum status
status_of(const struct engine *en, enum kind k, int due, int held)
{
	if (held != DATE_NONE)
		return held <= due ? ST_DONE : ST_LATE;
	/* Milestones are markers, never deadlines (convention 11). */
	if (k == KIND_MILESTONE)
		return due < en->o->as_of ? ST_REACHED : ST_UPCOMING;
	if (due < en->o->as_of)
		return tracked(en, k) ? ST_OVERDUE : ST_UNRECORDED;
	if (cal_between(en->cal, en->o->as_of, due) <= en->o->within)
		return ST_DUE_SOON;
	return ST_UPCOMING;
}

static int
wanted(const struct engine *en, enum kind k)
{
	return en->o->kinds == 0 || (en->o->kinds & (1u << k)) != 0;
}

/*
 * Add an item unless it lies past the horizon (held items and milestones,
 * the markers of the plan's life, always count).
 */
static int
emit(struct engine *en, const struct rule *r, unsigned seq, unsigned after,
    int due, int earliest, int held, int projected)
{
	struct schedule	*s = en->s;
	struct item	*it;

	if (!wanted(en, r->kind) || (held == DATE_NONE &&
	    r->kind != KIND_MILESTONE && due > en->o->until))
		return 0;
	if (s->n == en->max)
		return fail(en, SE_LIMIT, r->kind, "more than %zu schedule"
		    " items: give an earlier --until", en->max);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->items = xreallocarray(s->items, s->cap, sizeof(*s->items));
	}
	it = &s->items[s->n++];
	it->kind = r->kind;
	it->seq = seq;
	it->after = seq == 0 ? after : 0;
	it->due = due;
	it->earliest = earliest;
	it->held = held;
	it->projected = projected;
	it->status = status_of(en, r->kind, due, held);
	it->flagged = 0;
	it->also = DATE_NONE;
	it->rule = r;
	return 0;
}

static void
note(struct engine *en, enum note_why why, const struct rule *r,
    enum kind kind, enum anchor anchor)
{
	struct schedule	*s = en->s;
	struct note	*n;
	size_t		 i;

	if (!wanted(en, kind))
		return;
	for (i = 0; i < s->nnotes; i++)
		if (s->notes[i].why == why && s->notes[i].kind == kind &&
		    s->notes[i].rule == r)
			return;
	if (s->nnotes == s->notecap) {
		s->notecap = s->notecap ? s->notecap * 2 : 8;
		s->notes = xreallocarray(s->notes, s->notecap,
		    sizeof(*s->notes));
	}
	n = &s->notes[s->nnotes++];
	n->why = why;
	n->kind = kind;
	n->anchor = anchor;
	n->rule = r;
}

static int
specificity(const struct rule *r)
{
	return (r->plan_types != 0) + (r->areas != 0);
}

static int
same_slot(const struct rule *a, const struct rule *b)
{
	if (a->kind != b->kind || a->final != b->final)
		return 0;
	if (a->kind != KIND_MILESTONE)
		return 1;
	return a->name != NULL && b->name != NULL &&
	    strcmp(a->name, b->name) == 0;
}

/* Of the rules that apply to this case, the most specific per slot. */
static void
choose_rules(const struct engine *en, struct sched_rules *rs)
{
	const struct rule	*r;
	size_t			 i, j;

	for (i = 0; i < en->p->nrules; i++) {
		r = &en->p->rules[i];
		if (r->plan_types != 0 &&
		    (r->plan_types & (1u << en->f->plan_type)) == 0)
			continue;
		if (r->areas != 0 && (en->f->area < 0 ||
		    (r->areas & (1u << en->f->area)) == 0))
			continue;
		for (j = 0; j < rs->n; j++)
			if (same_slot(rs->chosen[j], r))
				break;
		if (j < rs->n) {
			if (specificity(r) > specificity(rs->chosen[j]))
				rs->chosen[j] = r;
		} else if (rs->n < SCHED_MAX_RULES)
			rs->chosen[rs->n++] = r;
		else
			rs->overflow = 1;
	}
}

/*
 * Index the chosen rules: the rule of each kind; the wanted rules that
 * fall before a review or a visit (notices, written updates), which decide
 * how far past the horizon a chain must be followed; and, in the order
 * chosen, the wanted rules derived from each meeting, review or visit, the
 * rules set out as not set, and the wanted one-offs (milestones, the plan
 * of work).
 */
static void
index_rules(struct sched_rules *rs)
{
	const struct rule	*r;
	size_t			 i, w;
	int			 want;

	for (i = 0; i < rs->n; i++) {
		r = rs->chosen[i];
		want = rs->kinds == 0 || (rs->kinds & (1u << r->kind)) != 0;
		if (r->final) {
			if (!r->not_set)
				rs->final[r->kind] = r;
			continue;
		}
		if (rs->by_kind[r->kind] == NULL)
			rs->by_kind[r->kind] = r;
		/* Steps and chains note their own. */
		if (r->not_set && (kind_info(r->kind)->class == KC_ONEOFF ||
		    kind_info(r->kind)->class == KC_PEROCC))
			rs->notset[rs->nnotset++] = r;
		if (r->not_set || !want)
			continue;
		if (kind_info(r->kind)->class == KC_ONEOFF) {
			rs->oneoffs[rs->noneoffs++] = r;
			continue;
		}
		if (kind_info(r->kind)->class == KC_PEROCC)
			rs->derived[rs->nderived++] = r;
		if (r->offset.n >= 0)
			continue;
		if (r->anchor == ANCHOR_MEETING || r->anchor == ANCHOR_REVIEW)
			w = 0;
		else if (r->anchor == ANCHOR_VISIT)
			w = 1;
		else
			continue;
		if (rs->nahead[w] < 8)
			rs->ahead[w][rs->nahead[w]++] = r;
	}
}

/*
 * The rules for this case: remembered in the cache per profile, plan type,
 * area and kinds wanted, or chosen into its local for a profile built by
 * hand.
 */
static const struct sched_rules *
pick_rules(const struct engine *en)
{
	struct sched_cache	*s = en->c;
	struct sched_rules	*rs;
	size_t			 i;

#define SAME(rs) ((rs)->serial == en->p->serial &&			\
	    (rs)->plan == en->f->plan_type && (rs)->area == en->f->area &&	\
	    (rs)->kinds == en->o->kinds)
	if (en->p->serial == 0)
		rs = &s->local;
	else {
		if (s->lastmemo != 0 && SAME(&s->memo[s->lastmemo - 1]))
			return &s->memo[s->lastmemo - 1];
		for (i = 0; i < 16; i++) {
			rs = &s->memo[i];
			if (SAME(rs)) {
				s->lastmemo = i + 1;
				return rs;
			}
		}
		s->lastmemo = s->nextmemo % 16 + 1;
		rs = &s->memo[s->nextmemo++ % 16];
	}
#undef SAME
	memset(rs, 0, sizeof(*rs));
	rs->serial = en->p->serial;
	rs->plan = en->f->plan_type;
	rs->area = en->f->area;
	rs->kinds = en->o->kinds;
	choose_rules(en, rs);
	index_rules(rs);
	return rs;
}

static const struct rule *
rule_of(const struct engine *en, enum kind k)
{
	return en->rs->by_kind[k];
}

/* The date of a one-off anchor, given what is known so far. */
static struct when
anchor_when(const struct engine *en, enum anchor a, struct when assess,
    struct when start)
{
	const struct facts	*f = en->f;
	struct when		 w = { DATE_NONE, 0 };

	switch (a) {
	case ANCHOR_REFERRAL:
		w.date = f->referral;
		break;
	case ANCHOR_ASSESSMENT:
		w = assess;
		break;
	case ANCHOR_PLAN_DECISION:
		/* Convention 14: the decision, by plan type. */
		if (f->plan_decision != DATE_NONE)
			w.date = f->plan_decision;
		else if (f->plan_type == PLAN_STEP_DOWN_CP)
			w.date = f->rcpc;
		else if (f->plan_type == PLAN_SUPERVISION_ORDER)
			w.date = f->supervision_order;
		else
			w = assess;
		break;
	case ANCHOR_RCPC:
		w.date = f->rcpc;
		break;
	case ANCHOR_RESIDENCE:
		w.date = f->residence;
		break;
	case ANCHOR_SUPERVISION_ORDER:
		w.date = f->supervision_order;
		break;
	case ANCHOR_ALLOCATED:
		w.date = f->allocated;
		break;
	case ANCHOR_STEP_DOWN_DECISION:
		w.date = f->step_down_decision;
		break;
	case ANCHOR_PLAN_START:
		w = start;
		break;
	default:
		break;
	}
	return w;
}

/* The fact that stands for an anchor when it is missing. */
static enum anchor
missing_fact(const struct engine *en, enum anchor a)
{
	/* A step-down's or an order's decision is its own fact. */
	if (a == ANCHOR_PLAN_DECISION &&
	    (en->f->plan_type == PLAN_STEP_DOWN_CP ||
	    en->f->plan_type == PLAN_SUPERVISION_ORDER))
		return a;
	if ((a == ANCHOR_ASSESSMENT || a == ANCHOR_PLAN_DECISION) &&
	    en->f->referral == DATE_NONE && en->f->assessment == DATE_NONE)
		return a == ANCHOR_PLAN_DECISION ? ANCHOR_PLAN_DECISION :
		    ANCHOR_ASSESSMENT;
	return a;
}

static int	emit_also(struct engine *, const struct rule *, int, int, int,
		    int);

/*
 * A one-off item: assessment or first meeting.  *out is when it happened
 * (held) or is due (projected) for what is computed from it.
 */
static int
one_off(struct engine *en, enum kind k, int held, struct when assess,
    struct when start, struct when *out)
{
	const struct rule	*r;
	struct when		 a;
	int			 due;

	out->date = held;
	out->projected = 0;
	if ((r = rule_of(en, k)) == NULL)
		return 0;
	if (r->not_set) {
		note(en, NOTE_NOT_SET, r, k, ANCHOR_NONE);
		return 0;
	}
	a = anchor_when(en, r->anchor, assess, start);
	if (a.date == DATE_NONE) {
		note(en, NOTE_NO_ANCHOR, r, k, missing_fact(en, r->anchor));
		return 0;
	}
	/* The procedure in force on the day the count starts. */
	if (rule_at(r, a.date) == NULL) {
		note(en, NOTE_NOT_SET, r, k, ANCHOR_NONE);
		return 0;
	}
	r = rule_at(r, a.date);
	if ((due = apply(en->cal, a.date, &r->offset, 1)) == DATE_NONE)
		return fail(en, SE_RANGE, k, "the %s due date is outside the"
		    " supported range 1970-01-01 to 2199-12-31", kind_name(k));
	if (held == DATE_NONE) {
		/* Missed: assumed to happen today (convention 10). */
		out->date = due < en->o->as_of ? en->o->as_of : due;
		out->projected = 1;
	}
	return emit_also(en, r, a.date, due, held, a.projected);
}

/* A one-off item, with its rule's second figure if it has one. */
static int
emit_also(struct engine *en, const struct rule *r, int from, int due,
    int held, int projected)
{
	size_t	 n = en->s->n;

	if (emit(en, r, 1, 0, due, DATE_NONE, held, projected) == -1)
		return -1;
	if (en->s->n > n && r->has_also)
		en->s->items[n].also = apply(en->cal, from, &r->also, 1);
	return 0;
}

/* The next held date of kind k given one by one, or DATE_NONE. */
static int
next_done(struct engine *en, enum kind k)
{
	if ((en->started & 1u << k) == 0) {
		en->started |= 1u << k;
		en->ndone[k] = 0;
	}
	if (en->ndone[k] < en->f->ndone[k])
		return en->f->done[k][en->ndone[k]++];
	return DATE_NONE;
}

static void
add_occ(struct engine *en, enum kind k, unsigned seq, unsigned after,
    struct when at, int held)
{
	struct sched_cache	*c = en->c;

	if (!en->need_occ)
		return;
	if (en->nocc == c->occcap) {
		c->occcap = c->occcap ? c->occcap * 2 : 32;
		c->occ = xreallocarray(c->occ, c->occcap, sizeof(*c->occ));
	}
	c->occ[en->nocc].kind = k;
	c->occ[en->nocc].seq = seq;
	c->occ[en->nocc].after = after;
	c->occ[en->nocc].at = at;
	c->occ[en->nocc].held = held;
	en->nocc++;
}

/* How far before its anchor the earliest derived item of kind k can fall. */
static int
lookahead(const struct engine *en, enum kind k, int due)
{
	const struct rule	*r;
	size_t			 i, w;
	int			 d, least;

	least = due;
	if (k != KIND_REVIEW && k != KIND_VISIT)
		return least;
	w = k == KIND_VISIT;
	for (i = 0; i < en->rs->nahead[w]; i++) {
		if ((r = rule_at(en->rs->ahead[w][i], due)) == NULL)
			continue;
		d = apply(en->cal, due, &r->offset, 1);
		if (d != DATE_NONE && d < least)
			least = d;
	}
	return least;
}

/*
 * A rolling chain: reviews, visits or updated assessments from the chain's
 * start, each due one interval after the previous one held (or, if it was
 * not held, after its due date; after as-of when that has passed, since a
 * missed occurrence can now happen no earlier: convention 10).  Held
 * occurrences past the horizon still count; projection stops at the
 * horizon, but goes one step further while an item derived from a later
 * occurrence (a notice before a review) could fall inside it, and on to the
 * rule's flag date.  A final rule (the review after a step-down decision)
 * ends the chain: no regular occurrence is projected after its fact, and
 * the first held on or after that date is the final one.
 */
static int
chain(struct engine *en, enum kind k, struct when start, const int *held,
    size_t nheld, size_t base, int unnumbered)
{
	const struct rule	*r, *rv, *fr, *fin;
	const struct span	*iv;
	struct when		 prev, at, fa;
	size_t			 ord, hi, first;
	long			 dist, best;
	int			 due, raw, earliest, h, reduce_from, emitted;
	int			 stop, flag_at, flag_past, flagged, past;
	unsigned		 seq, after;

	if ((r = rule_of(en, k)) == NULL)
		return 0;
	if (r->not_set) {
		note(en, NOTE_NOT_SET, r, k, ANCHOR_NONE);
		return 0;
	}
	if (r->nevery == 0)
		return 0;
	if (start.date == DATE_NONE) {
		note(en, NOTE_NO_ANCHOR, r, k, kind_info(k)->start);
		return 0;
	}
	stop = DATE_NONE;
	fa.date = DATE_NONE;
	fa.projected = 0;
	if ((fin = en->rs->final[k]) != NULL) {
		fa = anchor_when(en, fin->anchor, start, start);
		stop = fa.date;
	}
	/* The flag is the one of the procedure in force at the start. */
	fr = rule_at(r, start.date) != NULL ? rule_at(r, start.date) : r;
	flag_at = fr->flag != NULL ?
	    apply(en->cal, start.date, &fr->flag_at, 0) : DATE_NONE;
	flag_past = 0;
	flagged = -1;
	best = 0;
	first = en->s->n;
	prev = start;
	for (ord = base + 1, hi = 0;; ord++) {
		if (ord > en->max + base + nheld)
			return fail(en, SE_LIMIT, k, "more than %zu %s"
			    " occurrences: give an earlier --until", en->max,
			    kind_name(k));
		/*
		 * Each interval is the procedure's in force on the day it
		 * starts: a review set at a meeting held under the old
		 * procedure keeps the old interval.
		 */
		if ((rv = rule_at(r, prev.date)) == NULL) {
			note(en, NOTE_NOT_SET, r, k, ANCHOR_NONE);
			break;
		}
		iv = &rv->every[ord - 1 < rv->nevery ? ord - 1 :
		    rv->nevery - 1];
		reduce_from = DATE_NONE;
		if (rv->has_reduce && (en->f->flags & rv->reduce_when) != 0)
			reduce_from = apply(en->cal, start.date,
			    &rv->reduce_after, 0);
		if (reduce_from != DATE_NONE && prev.date >= reduce_from)
			iv = &rv->reduce_to;
		raw = apply(en->cal, prev.date, iv, 0);
		due = raw == DATE_NONE || iv->unit == UNIT_WORKDAYS ? raw :
		    cal_roll_back(en->cal, raw);
		earliest = rv->has_earliest ?
		    apply(en->cal, prev.date, &rv->earliest, 0) : DATE_NONE;
		h = hi < nheld ? held[hi] : DATE_NONE;
		if (stop != DATE_NONE && h != DATE_NONE && h >= stop)
			h = DATE_NONE;		/* the final one */
		if (h == DATE_NONE && stop != DATE_NONE &&
		    (due == DATE_NONE || due > stop))
			break;
		past = due == DATE_NONE || (due > en->o->until &&
		    lookahead(en, k, due) > en->o->until);
		if (h == DATE_NONE && past && (flag_at == DATE_NONE ||
		    flag_past || due == DATE_NONE))
			break;
		/* Past the last held one, projected from a projection. */
		if (h == DATE_NONE && prev.projected && en->o->proven)
			break;
		/*
		 * Unnumbered: the first held one is the last recorded; those
		 * after it are the next, the one after that, and so on.
		 */
		seq = unnumbered ? 0 : (unsigned)ord;
		after = unnumbered ? (unsigned)(ord - 1) : 0;
		emitted = !(base > 0 && ord == base + 1) &&
		    !(unnumbered && hi == 0 && h != DATE_NONE);
		if (flag_at != DATE_NONE && due != DATE_NONE) {
			dist = due > flag_at ? (long)due - flag_at :
			    (long)flag_at - due;
			if (flagged == -1 || dist < best) {
				best = dist;
				flagged = emitted && (h != DATE_NONE ||
				    due <= en->o->until) &&
				    wanted(en, k) ? (int)(en->s->n - first) :
				    -2;
			}
			if (due > flag_at)
				flag_past = 1;
		}
		if (emitted && due != DATE_NONE &&
		    emit(en, rv, seq, after, due, earliest, h,
		    prev.projected) == -1)
			return -1;
		if (h != DATE_NONE) {
			add_occ(en, k, seq, after, (struct when){ h, 0 }, 1);
			prev.date = h;
			prev.projected = 0;
			hi++;
			continue;
		}
		/* Missed: assumed to happen today (convention 10). */
		at.date = due < en->o->as_of ? en->o->as_of : due;
		at.projected = 1;
		add_occ(en, k, seq, after, at, 0);
		/*
		 * A deadline moved back onto the one before (weekly visits
		 * over a week's closure) would never advance: count the next
		 * from the day before it was moved.
		 */
		if (due < en->o->as_of)
			prev.date = en->o->as_of;
		else
			prev.date = due > prev.date ? due : raw;
		prev.projected = 1;
	}
	/*
	 * Only when every occurrence up to past the flag date was counted
	 * from known dates: not when the earlier ones are unknown (a
	 * caseload's last review of several), nor when the chain stopped
	 * before the flag date.
	 */
	if (flagged >= 0 && flag_past && base == 0 && !unnumbered)
		en->s->items[first + (size_t)flagged].flagged = 1;
	if (stop == DATE_NONE)
		return 0;
	/* The final occurrence. */
	if (rule_at(fin, stop) != NULL)
		fin = rule_at(fin, stop);
	if ((due = apply(en->cal, stop, &fin->offset, 1)) == DATE_NONE)
		return fail(en, SE_RANGE, k, "the final %s due date is outside"
		    " the supported range 1970-01-01 to 2199-12-31",
		    kind_name(k));
	h = hi < nheld ? held[hi++] : DATE_NONE;
	if (hi < nheld)
		return fail(en, SE_FACT, k, "more than one %s is held after"
		    " the %s", kind_name(k), anchor_name(fin->anchor));
	seq = unnumbered ? 0 : (unsigned)ord;
	after = unnumbered ? (unsigned)(ord - 1) : 0;
	if (emit(en, fin, seq, after, due, DATE_NONE, h, fa.projected) == -1)
		return -1;
	at.date = h != DATE_NONE ? h : due < en->o->as_of ? en->o->as_of : due;
	at.projected = h == DATE_NONE;
	add_occ(en, k, seq, after, at, h != DATE_NONE);
	return 0;
}

/* Whether occurrence oc is one that anchor a counts from. */
static int
occ_is(const struct occ *oc, enum anchor a)
{
	switch (a) {
	case ANCHOR_MEETING:
		return oc->kind == KIND_FIRST_MEETING ||
		    oc->kind == KIND_REVIEW;
	case ANCHOR_REVIEW:
		return oc->kind == KIND_REVIEW;
	case ANCHOR_VISIT:
		return oc->kind == KIND_VISIT;
	case ANCHOR_ASSESSMENT_UPDATE:
		return oc->kind == KIND_ASSESSMENT_UPDATE;
	case ANCHOR_FAILED_VISIT:
		return oc->kind == KIND_REVISIT;
	default:
		return 0;
	}
}

/* The first visit held on or after date d, or DATE_NONE. */
static int
visit_from(const struct engine *en, int d)
{
	size_t	 i;

	for (i = 0; i < en->f->nvisits; i++)
		if (en->f->visits[i] >= d)
			return en->f->visits[i];
	return DATE_NONE;
}

/*
 * Items derived from each meeting, review, visit, updated assessment or
 * failed visit (minutes, notices, plan updates, revisits...).  Held dates
 * given one by one go to the occurrences in order; a single latest date
 * (a caseload's minutes_sent) belongs to the latest held occurrence, and
 * then what came before it is not shown, since the caseload cannot say.
 */
static int
derived(struct engine *en, const struct rule *r)
{
	const struct rule	*rv;
	const struct occ	*oc;
	size_t			 i, from;
	unsigned		 seq;
	int			 due, h, latest;

	latest = (en->f->done_latest & (1u << r->kind)) != 0;
	from = 0;
	if (latest)
		for (i = 0; i < en->nocc; i++)
			if (occ_is(&en->c->occ[i], r->anchor) &&
			    en->c->occ[i].held)
				from = i;
	seq = 0;
	for (i = from; i < en->nocc; i++) {
		oc = &en->c->occ[i];
		if (!occ_is(oc, r->anchor))
			continue;
		if (r->only_unheld && oc->held)
			continue;
		/*
		 * Per-meeting items number the meetings (1 is the initial
		 * meeting's); any other takes its anchor's number.
		 */
		if (r->anchor == ANCHOR_MEETING)
			seq = oc->kind == KIND_FIRST_MEETING ? 1 : oc->seq + 1;
		else
			seq = oc->seq;
		if (oc->seq == 0 && oc->kind != KIND_FIRST_MEETING)
			seq = 0;
		if ((rv = rule_at(r, oc->at.date)) == NULL) {
			note(en, NOTE_NOT_SET, r, r->kind, ANCHOR_NONE);
			continue;
		}
		if ((due = apply(en->cal, oc->at.date, &rv->offset, 1)) ==
		    DATE_NONE)
			continue;
		if (r->kind == KIND_REVISIT)
			h = visit_from(en, oc->at.date);
		else if (latest) {
			h = DATE_NONE;
			if (oc->held && en->f->ndone[r->kind] > 0 &&
			    en->f->done[r->kind][0] >= oc->at.date)
				h = en->f->done[r->kind][0];
		} else
			h = next_done(en, r->kind);
		if (emit(en, rv, seq, oc->after, due, DATE_NONE, h,
		    oc->at.projected) == -1)
			return -1;
	}
	return 0;
}

/*
 * One-offs other than the plan's own steps: milestones (markers, never
 * moved) and the plan of work.
 */
static int
oneoffs(struct engine *en, struct when assess, struct when start)
{
	const struct rule	*r;
	struct when		 a;
	size_t			 i;
	int			 d;

	for (i = 0; i < en->rs->noneoffs; i++) {
		r = en->rs->oneoffs[i];
		a = anchor_when(en, r->anchor, assess, start);
		if (a.date == DATE_NONE) {
			note(en, NOTE_NO_ANCHOR, r, r->kind,
			    missing_fact(en, r->anchor));
			continue;
		}
		if (rule_at(r, a.date) == NULL) {
			note(en, NOTE_NOT_SET, r, r->kind, ANCHOR_NONE);
			continue;
		}
		r = rule_at(r, a.date);
		if ((d = apply(en->cal, a.date, &r->offset,
		    r->kind != KIND_MILESTONE)) == DATE_NONE)
			continue;
		if (emit_also(en, r, a.date, d, next_done(en, r->kind),
		    a.projected) == -1)
			return -1;
	}
	return 0;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct item	*x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->kind != y->kind)
		return kind_info(x->kind)->rank - kind_info(y->kind)->rank;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	/* Milestones on one day: in the profile's order. */
	return (x->rule > y->rule) - (x->rule < y->rule);
}

/*
 * A case has tens of items, mostly in order already: insertion sort beats
 * qsort's set-up there, and is stable.  An item already after the one
 * before it is left where it is.
 */
static void
sort_items(struct item *v, size_t n)
{
	struct item	 x;
	size_t		 i, j;

	if (n > 64) {
		qsort(v, n, sizeof(*v), cmp_item);
		return;
	}
	for (i = 1; i < n; i++) {
		if (cmp_item(&v[i - 1], &v[i]) <= 0)
			continue;
		x = v[i];
		for (j = i; j > 0 && cmp_item(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static int
check_order(struct engine *en, enum kind k, const int *v, size_t n, int start)
{
	char	 d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0 && v[i] < v[i - 1])
			return fail(en, SE_ORDER, k,
			    "%s dates must be given in order", kind_name(k));
		if (i > 0 && v[i] == v[i - 1])
			return fail(en, SE_ORDER, k,
			    "the same %s date is given twice", kind_name(k));
		if (start != DATE_NONE && v[i] < start)
			return fail(en, SE_ORDER, k,
			    "%s %s is before the first meeting %s",
			    kind_name(k), date_format(v[i], d1),
			    date_format(start, d2));
	}
	return 0;
}

/* Given dates of one kind: none after as-of (convention 15). */
static int
not_after(struct engine *en, const char *what, const int *v, size_t n)
{
	char	 d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i] != DATE_NONE && v[i] > en->o->as_of)
			return fail(en, SE_FACT, KIND_ASSESSMENT, "%s %s is"
			    " after the as-of date %s: a fact must have"
			    " happened", what, date_format(v[i], d1),
			    date_format(en->o->as_of, d2));
	return 0;
}

/*
 * Convention 15: facts must be possible.  Nothing held after as-of, no
 * assessment before the referral, no first meeting before what it counts
 * from; reviews and visits are held to the plan start by check_order.
 */
static int
check_facts(struct engine *en)
{
	const struct facts	*f = en->f;
	static const struct {
		size_t		 off;
		const char	*name;
	} one[] = {
#define F(m, n)	{ offsetof(struct facts, m), n }
		F(referral, "referral"),
		F(assessment, "assessment-completed"),
		F(plan_decision, "plan-decision"),
		F(rcpc, "rcpc"),
		F(residence, "residence"),
		F(first_meeting, "first-meeting"),
		F(supervision_order, "supervision-order"),
		F(allocated, "allocated"),
		F(step_down_decision, "step-down-decision"),
#undef F
	};
	const struct rule	*r;
	const int		*v;
	struct when		 a, assess;
	char			 d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t			 i;
	int			 k;

	for (i = 0; en->o->possible && i < sizeof(one) / sizeof(one[0]); i++) {
		v = (const int *)(const void *)((const char *)f + one[i].off);
		if (*v > en->o->as_of && not_after(en, one[i].name, v, 1) == -1)
			return -1;
	}
	if (en->o->possible && (
	    not_after(en, "review", f->reviews, f->nreviews) == -1 ||
	    not_after(en, "visit", f->visits, f->nvisits) == -1 ||
	    not_after(en, "failed-visit", f->failed_visits,
	    f->nfailed_visits) == -1))
		return -1;
	for (k = 0; en->o->possible && k < KIND_COUNT; k++)
		if (f->ndone[k] > 0 &&
		    not_after(en, kind_info((enum kind)k)->fact != NULL ?
		    kind_info((enum kind)k)->fact : kind_name((enum kind)k),
		    f->done[k], f->ndone[k]) == -1)
			return -1;
	if (f->referral != DATE_NONE && f->assessment != DATE_NONE &&
	    f->assessment < f->referral)
		return fail(en, SE_FACT, KIND_ASSESSMENT, "assessment-completed"
		    " %s is before the referral %s",
		    date_format(f->assessment, d1),
		    date_format(f->referral, d2));
	if (f->first_meeting != DATE_NONE &&
	    (r = rule_of(en, KIND_FIRST_MEETING)) != NULL && !r->not_set) {
		assess.date = f->assessment;
		assess.projected = 0;
		a = anchor_when(en, r->anchor, assess, assess);
		if (a.date != DATE_NONE && f->first_meeting < a.date)
			return fail(en, SE_FACT, KIND_FIRST_MEETING,
			    "first-meeting %s is before the %s %s it follows",
			    date_format(f->first_meeting, d1),
			    anchor_name(missing_fact(en, r->anchor)),
			    date_format(a.date, d2));
	}
	return 0;
}

static int
build(const struct profile *p, const struct calendar *cal,
    const struct facts *f, const struct sched_opts *o, struct sched_cache *c,
    struct schedule *s, struct sched_error *e)
{
	struct engine		 en;
	struct when		 assess, start, none = { DATE_NONE, 0 };
	const struct rule	*r;
	size_t			 i;
	unsigned		 mseq;
	int			 rc, nostart;

	e->code = SE_OK;
	e->anchor = ANCHOR_NONE;
	e->kind = KIND_ASSESSMENT;
	e->msg[0] = '\0';
	/* Every field but ndone (see started). */
	en.p = p;
	en.cal = cal;
	en.f = f;
	en.o = o;
	en.s = s;
	en.c = c;
	en.e = e;
	en.max = o->max_items ? o->max_items : SCHED_MAX_ITEMS;
	en.rs = NULL;
	en.need_occ = 0;
	en.nocc = 0;
	en.started = 0;
	s->n = 0;
	s->nnotes = 0;
	rc = -1;

	if (p->area_required && f->area < 0) {
		e->code = SE_NEED_AREA;
		snprintf(e->msg, sizeof(e->msg), "%s needs an area", p->id);
		return -1;
	}
	en.rs = pick_rules(&en);
	if (en.rs->overflow) {
		e->code = SE_LIMIT;
		snprintf(e->msg, sizeof(e->msg), "more than %d rules apply to"
		    " one case", SCHED_MAX_RULES);
		return -1;
	}
	en.need_occ = en.rs->nderived > 0;
	if (check_facts(&en) == -1)
		goto out;

	/* The assessment, and the date it completes (held or projected). */
	if (one_off(&en, KIND_ASSESSMENT, f->assessment, none, none,
	    &assess) == -1)
		goto out;
	if (assess.date == DATE_NONE)
		assess.date = f->assessment;

	/*
	 * The first meeting is the plan start.  Where the procedure sets no
	 * timescale for it (short breaks), only the given date starts the
	 * plan; without it, what counts from the plan start is noted.
	 */
	if (one_off(&en, KIND_FIRST_MEETING, f->first_meeting, assess, none,
	    &start) == -1)
		goto out;
	r = rule_of(&en, KIND_FIRST_MEETING);
	nostart = start.date == DATE_NONE && r != NULL && r->not_set;
	if (start.date == DATE_NONE && !nostart) {
		e->code = SE_NEED_FACT;
		e->kind = KIND_FIRST_MEETING;
		e->anchor = r != NULL ? missing_fact(&en, r->anchor) :
		    ANCHOR_PLAN_START;
		snprintf(e->msg, sizeof(e->msg), "nothing to count the first"
		    " meeting from");
		goto out;
	}
	if (check_order(&en, KIND_REVIEW, f->reviews, f->nreviews,
	    f->first_meeting) == -1 ||
	    check_order(&en, KIND_VISIT, f->visits, f->nvisits,
	    f->visits_unnumbered ? DATE_NONE : f->first_meeting) == -1)
		goto out;

	en.nocc = 0;
	if (!nostart)
		add_occ(&en, KIND_FIRST_MEETING, 1, 0, start,
		    f->first_meeting != DATE_NONE);
	if (f->reviews_unknown) {
		if ((r = rule_of(&en, KIND_REVIEW)) != NULL && !r->not_set)
			note(&en, NOTE_UNKNOWN_COUNT, r, KIND_REVIEW,
			    ANCHOR_NONE);
	} else if (chain(&en, KIND_REVIEW, start, f->reviews, f->nreviews,
	    f->review_base, 0) == -1)
		goto out;
	if (chain(&en, KIND_VISIT, start, f->visits, f->nvisits, 0,
	    f->visits_unnumbered) == -1)
		goto out;
	/* Updated assessments roll from the assessment's completion. */
	if (rule_of(&en, KIND_ASSESSMENT_UPDATE) != NULL) {
		if (chain(&en, KIND_ASSESSMENT_UPDATE, assess,
		    f->done[KIND_ASSESSMENT_UPDATE],
		    f->ndone[KIND_ASSESSMENT_UPDATE], 0,
		    (f->done_latest & (1u << KIND_ASSESSMENT_UPDATE)) != 0) ==
		    -1)
			goto out;
	} else
		for (i = 0; i < f->ndone[KIND_ASSESSMENT_UPDATE]; i++)
			add_occ(&en, KIND_ASSESSMENT_UPDATE, (unsigned)i + 1, 0,
			    (struct when){ f->done[KIND_ASSESSMENT_UPDATE][i],
			    0 }, 1);
	for (i = 0; i < f->nfailed_visits; i++)
		add_occ(&en, KIND_REVISIT, (unsigned)i + 1, 0,
		    (struct when){ f->failed_visits[i], 0 }, 1);
	for (i = 0; i < en.rs->nnotset; i++)
		note(&en, NOTE_NOT_SET, en.rs->notset[i], en.rs->notset[i]->kind,
		    ANCHOR_NONE);
	for (i = 0; i < en.rs->nderived; i++)
		if (derived(&en, en.rs->derived[i]) == -1)
			goto out;
	if (oneoffs(&en, assess, start) == -1)
		goto out;

	sort_items(s->items, s->n);
	/* Milestones are numbered in date order. */
	for (mseq = 0, i = 0; i < s->n; i++)
		if (s->items[i].kind == KIND_MILESTONE)
			s->items[i].seq = ++mseq;
	rc = 0;
out:
	return rc;
}

int
sched_build(const struct profile *p, const struct calendar *cal,
    const struct facts *f, const struct sched_opts *o,
    struct sched_cache *cache, struct schedule *s, struct sched_error *e)
{
	struct sched_cache	*own;
	int			 rc;

	own = NULL;
	if (cache == NULL)
		cache = own = sched_cache_new();
	rc = build(p, cal, f, o, cache, s, e);
	sched_cache_free(own);
	return rc;
}
