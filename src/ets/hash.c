/* hash.c — set, bag and duplicate_bag tables, laid out exactly as ERTS's
 * erl_db_hash.c lays them out, so that iteration order (first/next,
 * tab2list, select, slot) is erl's: the same hash (ERTS's MAKE_HASH), the
 * same linear-hashing growth and shrinking (one bucket split per step, at
 * most five steps per operation), the same chain order, the same iteration
 * stride (the lock count of write_concurrency tables), and the same
 * pseudo-deletion while a table is fixed. Select traversals (and their
 * continuations and chunking) follow match_traverse step by step,
 * including the points where ERTS would trap. */
#include "ets.h"
#include "../term/atom.h"
#include "../term/hash.h"
#include "../term/compare.h"
#include "../bif/bif.h"
#include <stdlib.h>
#include <stdio.h>

#define FIRST_SEGSZ 256
#define EXT_SEGSZ 2048
#define MAX_ITERATIONS 1000       /* ERTS's MAX_SELECT_*_ITERATIONS */

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "girder: out of memory (ets)\n");
        abort();
    }
    return q;
}

/* ---- hashing and placement ---- */

uint32_t ets_hash_value(Term key)
{
    return is_atom(key) ? hash_atom(key) : hash_internal(key, 0);
}

static uint32_t hash_to_ix(const EtsHash *h, uint32_t hval)
{
    uint32_t ix = hval & h->szm;
    if (ix >= h->nactive)
        ix &= h->szm >> 1;
    return ix;
}

static bool has_key(const EtsTable *t, const EtsObj *b, Term key, uint32_t hval)
{
    return b->u.h.hvalue == hval && term_eq_exact(key, ets_key_of(t, b));
}

static bool has_live_key(const EtsTable *t, const EtsObj *b, Term key, uint32_t hval)
{
    return !b->u.h.pseudo_deleted && has_key(t, b, key, hval);
}

/* Iteration visits slots 0, nlocks, 2*nlocks, ..., then 1, 1+nlocks, ...
 * (ERTS walks all slots of one lock before the next). 0 means done. */
static long next_slot(const EtsHash *h, long ix)
{
    ix += h->nlocks;
    if (ix < (long)h->nactive)
        return ix;
    return (ix + 1) & (long)(h->nlocks - 1);
}

/* ---- item counters (ERTS's centralized or per-lock counters) ---- */

static void add_items(EtsTable *t, uint32_t hval, long n)
{
    t->nitems += n;
    if (t->u.hash.decentralized)
        t->u.hash.lock_items[hval % ETS_HASH_NLOCK_CTRS] += n;
}

static long items_estimate(const EtsTable *t, uint32_t hval)
{
    if (t->u.hash.decentralized)
        return (long)t->u.hash.lock_items[hval % ETS_HASH_NLOCK_CTRS] * ETS_HASH_NLOCK_CTRS;
    return (long)t->nitems;
}

/* ---- segments, growing and shrinking ---- */

static void calc_shrink_limit(EtsHash *h)
{
    bool enough = !(h->decentralized && h->nslots < 100 * ETS_HASH_NLOCK_CTRS);
    uint32_t need = h->nlocks + EXT_SEGSZ;
    if (need < FIRST_SEGSZ + 2 * EXT_SEGSZ)
        need = FIRST_SEGSZ + 2 * EXT_SEGSZ;
    h->shrink_limit = (enough && h->nslots >= need) ? (h->nslots - EXT_SEGSZ) / 2 : 0;
}

static void alloc_seg(EtsHash *h)
{
    h->buckets = xrealloc(h->buckets, (h->nslots + EXT_SEGSZ) * sizeof(EtsObj *));
    memset(h->buckets + h->nslots, 0, EXT_SEGSZ * sizeof(EtsObj *));
    h->nslots += EXT_SEGSZ;
    calc_shrink_limit(h);
}

static void create(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    free(h->buckets);
    h->nslots = h->nactive = FIRST_SEGSZ;
    h->szm = FIRST_SEGSZ - 1;
    h->buckets = calloc(FIRST_SEGSZ, sizeof(EtsObj *));
    h->shrink_limit = 0;
    h->has_pseudo = false;
    memset(h->lock_items, 0, sizeof h->lock_items);
}

void ets_hash_init(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    bool fine = t->wc != ETS_WC_FALSE && t->access != ETS_PRIVATE;
    h->buckets = NULL;
    /* ERTS: 64 locks (DB_HASH_LOCK_CNT, or the auto default); the first
     * segment (256 slots) is always at least that large */
    h->nlocks = fine ? 64 : 1;
    h->decentralized = fine && t->decentralized;
    create(t);
}

/* Split one bucket per step while the table is over-full (ERTS's grow). */
static void grow(EtsTable *t, long nitems)
{
    EtsHash *h = &t->u.hash;
    int loop_limit = 5;
    do {
        uint32_t nactive = h->nactive;
        if (nitems <= (long)nactive || ets_is_fixed(t))
            return;
        if (nactive == h->nslots)
            alloc_seg(h);
        uint32_t szm = h->szm, from_ix;
        if (nactive <= szm) {
            from_ix = nactive & (szm >> 1);
        } else {
            from_ix = 0;
            szm = (szm << 1) | 1;
        }
        uint32_t to_ix = nactive;
        h->nactive = ++nactive;
        if (from_ix == 0)
            h->szm = szm;
        /* stable partition of the from-bucket on the new mask bit */
        EtsObj **from = &h->buckets[from_ix], **to = &h->buckets[to_ix];
        for (EtsObj *p = *from; p; p = p->u.h.next) {
            if ((p->u.h.hvalue & szm) != from_ix) {
                *to = p;
                to = &p->u.h.next;
            } else {
                *from = p;
                from = &p->u.h.next;
            }
        }
        *from = NULL;
        *to = NULL;
    } while (--loop_limit && nitems > (long)h->nactive);
}

/* Join the top bucket into its buddy while the table is under-full. */
static void shrink(EtsTable *t, long nitems)
{
    EtsHash *h = &t->u.hash;
    int loop_limit = 5;
    do {
        if (!(nitems < (long)h->shrink_limit) || ets_is_fixed(t))
            return;
        uint32_t src_ix = h->nactive - 1;
        uint32_t low_szm = h->szm >> 1;
        uint32_t dst_ix = src_ix & low_szm;
        EtsObj *src = h->buckets[src_ix];
        h->buckets[src_ix] = NULL;
        h->nactive = src_ix;
        if (dst_ix == 0)
            h->szm = low_szm;
        if (h->nslots - src_ix >= EXT_SEGSZ) {
            h->nslots -= EXT_SEGSZ;
            calc_shrink_limit(h);
        }
        if (src) {
            /* src's objects go first, then dst's (purging pseudo-deleted) */
            EtsObj *tail = h->buckets[dst_ix];
            EtsObj **bp = &h->buckets[dst_ix];
            *bp = src;
            while (*bp) {
                if ((*bp)->u.h.pseudo_deleted) {
                    EtsObj *d = *bp;
                    *bp = d->u.h.next;
                    t->words -= d->words;
                    ets_obj_free(d);
                } else {
                    bp = &(*bp)->u.h.next;
                }
            }
            *bp = tail;
        }
    } while (--loop_limit && nitems < (long)h->shrink_limit);
}

static void try_shrink(EtsTable *t, long nitems)
{
    if (nitems < (long)t->u.hash.shrink_limit && !ets_is_fixed(t))
        shrink(t, nitems);
}

static void free_obj(EtsTable *t, EtsObj *o)
{
    t->words -= o->words;
    ets_obj_free(o);
}

static void free_list(EtsTable *t, EtsObj *o)
{
    while (o) {
        EtsObj *n = o->u.h.next;
        free_obj(t, o);
        o = n;
    }
}

static void pseudo_delete(EtsTable *t, EtsObj *o)
{
    o->u.h.pseudo_deleted = 1;
    t->u.hash.has_pseudo = true;
}

/* ---- insert ---- */

int ets_hash_put(EtsTable *t, EtsObj *o, bool key_clash_fail)
{
    EtsHash *h = &t->u.hash;
    Term key = ets_key_of(t, o);
    uint32_t hval = ets_hash_value(key);
    o->u.h.hvalue = hval;
    o->u.h.pseudo_deleted = 0;
    EtsObj **bp = &h->buckets[hash_to_ix(h, hval)], *b = *bp;
    while (b && !has_key(t, b, key, hval)) {
        bp = &b->u.h.next;
        b = b->u.h.next;
    }
    if (b) {
        if (t->type == ETS_SET) {
            if (b->u.h.pseudo_deleted)
                add_items(t, hval, 1);
            else if (key_clash_fail) {
                ets_obj_free(o);
                return ETS_BADKEY;
            }
            o->u.h.next = b->u.h.next;
            *bp = o;
            t->words += o->words;
            free_obj(t, b);
            return ETS_OK;
        }
        if (key_clash_fail) {
            for (EtsObj *q = b; q && has_key(t, q, key, hval); q = q->u.h.next)
                if (!q->u.h.pseudo_deleted) {
                    ets_obj_free(o);
                    return ETS_BADKEY;
                }
        } else if (t->type == ETS_BAG) {
            Term ot = ets_obj_term(o);
            EtsObj **qp = bp;
            for (EtsObj *q = b; q && has_key(t, q, key, hval); qp = &q->u.h.next, q = q->u.h.next) {
                if (term_eq_exact(ot, ets_obj_term(q))) {
                    if (q->u.h.pseudo_deleted) {
                        add_items(t, hval, 1);
                        q->u.h.pseudo_deleted = 0;
                        if (q != b) {      /* keep key insertion order */
                            *qp = q->u.h.next;
                            q->u.h.next = b;
                            *bp = q;
                        }
                    }
                    ets_obj_free(o);
                    return ETS_OK;
                }
            }
        }
    }
    o->u.h.next = b;
    *bp = o;
    t->words += o->words;
    add_items(t, hval, 1);
    long nitems = items_estimate(t, hval);
    if (nitems > (long)h->nactive && !ets_is_fixed(t))
        grow(t, nitems);
    return ETS_OK;
}

/* ---- lookups ---- */

static EtsObj *find_live(EtsTable *t, Term key, uint32_t hval)
{
    EtsHash *h = &t->u.hash;
    for (EtsObj *b = h->buckets[hash_to_ix(h, hval)]; b; b = b->u.h.next)
        if (has_live_key(t, b, key, hval))
            return b;
    return NULL;
}

bool ets_hash_member(EtsTable *t, Term key)
{
    return find_live(t, key, ets_hash_value(key)) != NULL;
}

/* The live objects from b up to (not including) end, as a list built by
 * consing (so in reverse chain order, as ERTS's build_term_list). */
static Term build_list(Process *p, EtsObj *b, EtsObj *end)
{
    Term list = NIL;
    for (; b != end; b = b->u.h.next) {
        if (b->u.h.pseudo_deleted)
            continue;
        Term c = ets_copy_out(p, ets_obj_term(b));
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, c, list);
    }
    return list;
}

/* The end of the run of objects with b's key (b included). */
static EtsObj *key_run_end(EtsTable *t, EtsObj *b, Term key, uint32_t hval)
{
    EtsObj *e = b->u.h.next;
    if (t->type != ETS_SET)
        while (e && has_key(t, e, key, hval))
            e = e->u.h.next;
    return e;
}

Term ets_hash_lookup(Process *p, EtsTable *t, Term key)
{
    uint32_t hval = ets_hash_value(key);
    EtsObj *b = find_live(t, key, hval);
    return b ? build_list(p, b, key_run_end(t, b, key, hval)) : NIL;
}

int ets_hash_lookup_element(Process *p, EtsTable *t, Term key, UWord pos, Term *ret)
{
    uint32_t hval = ets_hash_value(key);
    EtsObj *b = find_live(t, key, hval);
    if (!b)
        return ETS_BADKEY;
    if (pos > ets_obj_arity(b))
        return ETS_BADITEM;
    if (t->type == ETS_SET) {
        *ret = ets_copy_out(p, ets_obj_elem(b, pos));
        return ETS_OK;
    }
    EtsObj *end = key_run_end(t, b, key, hval);
    for (EtsObj *q = b->u.h.next; q != end; q = q->u.h.next)
        if (pos > ets_obj_arity(q) && !q->u.h.pseudo_deleted)
            return ETS_BADITEM;
    Term list = NIL;
    for (EtsObj *q = b; q != end; q = q->u.h.next) {
        if (q->u.h.pseudo_deleted)
            continue;
        Term c = ets_copy_out(p, ets_obj_elem(q, pos));
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, c, list);
    }
    *ret = list;
    return ETS_OK;
}

/* ---- deletes ---- */

static void after_delete(EtsTable *t, uint32_t hval, long diff)
{
    if (diff) {
        add_items(t, hval, diff);
        try_shrink(t, items_estimate(t, hval));
    }
}

void ets_hash_erase(EtsTable *t, Term key)
{
    EtsHash *h = &t->u.hash;
    uint32_t hval = ets_hash_value(key);
    EtsObj **bp = &h->buckets[hash_to_ix(h, hval)], *b = *bp, *free_us = NULL;
    long diff = 0;
    while (b) {
        if (has_live_key(t, b, key, hval)) {
            --diff;
            if (diff == -1 && ets_is_fixed(t)) {
                pseudo_delete(t, b);    /* one placeholder keeps the key's place */
            } else {
                EtsObj *next = b->u.h.next;
                b->u.h.next = free_us;
                free_us = b;
                b = *bp = next;
                continue;
            }
        } else if (diff && !b->u.h.pseudo_deleted) {
            break;
        }
        bp = &b->u.h.next;
        b = b->u.h.next;
    }
    free_list(t, free_us);
    after_delete(t, hval, diff);
}

void ets_hash_erase_object(EtsTable *t, Term object)
{
    EtsHash *h = &t->u.hash;
    Term key = tuple_val(object)[t->keypos];
    uint32_t hval = ets_hash_value(key);
    EtsObj **bp = &h->buckets[hash_to_ix(h, hval)], *b = *bp, *free_us = NULL;
    long diff = 0, nkeys = 0;
    while (b) {
        if (has_live_key(t, b, key, hval)) {
            ++nkeys;
            if (term_eq_exact(object, ets_obj_term(b))) {
                --diff;
                if (nkeys == 1 && ets_is_fixed(t)) {
                    pseudo_delete(t, b);
                    bp = &b->u.h.next;
                    b = b->u.h.next;
                } else {
                    EtsObj *next = b->u.h.next;
                    b->u.h.next = free_us;
                    free_us = b;
                    b = *bp = next;
                }
                if (t->type == ETS_DUPLICATE_BAG)
                    continue;
                break;
            }
        } else if (diff && !b->u.h.pseudo_deleted) {
            break;
        }
        bp = &b->u.h.next;
        b = b->u.h.next;
    }
    free_list(t, free_us);
    after_delete(t, hval, diff);
}

Term ets_hash_take(Process *p, EtsTable *t, Term key)
{
    EtsHash *h = &t->u.hash;
    uint32_t hval = ets_hash_value(key);
    EtsObj **bp = &h->buckets[hash_to_ix(h, hval)], *b, *free_us = NULL;
    Term ret = NIL;
    long diff = 0;
    for (b = *bp; b; bp = &b->u.h.next, b = b->u.h.next) {
        if (!has_live_key(t, b, key, hval))
            continue;
        EtsObj *end = key_run_end(t, b, key, hval);
        ret = build_list(p, b, end);
        while (b != end) {
            --diff;
            if (diff == -1 && ets_is_fixed(t)) {
                bp = &b->u.h.next;
                pseudo_delete(t, b);
                b = b->u.h.next;
            } else {
                EtsObj *next = b->u.h.next;
                b->u.h.next = free_us;
                free_us = b;
                b = *bp = next;
            }
        }
        break;
    }
    free_list(t, free_us);
    after_delete(t, hval, diff);
    return ret;
}

/* ---- traversal: first / next / slot ---- */

/* The first live object at or after `list` in slot *ix, continuing with
 * the following slots; NULL at the end (ERTS's next_live). */
static EtsObj *next_live(const EtsHash *h, long *ix, EtsObj *list)
{
    for (; list; list = list->u.h.next)
        if (!list->u.h.pseudo_deleted)
            return list;
    long i = *ix;
    while ((i = next_slot(h, i)) != 0) {
        for (list = h->buckets[i]; list; list = list->u.h.next)
            if (!list->u.h.pseudo_deleted) {
                *ix = i;
                return list;
            }
    }
    return NULL;
}

static Term eot(void) { return AM(end_of_table); }

Term ets_hash_first(Process *p, EtsTable *t)
{
    long ix = 0;
    EtsObj *b = next_live(&t->u.hash, &ix, t->u.hash.buckets[0]);
    return b ? ets_copy_out(p, ets_key_of(t, b)) : eot();
}

Term ets_hash_next(Process *p, EtsTable *t, Term key)
{
    EtsHash *h = &t->u.hash;
    uint32_t hval = ets_hash_value(key);
    long ix = hash_to_ix(h, hval);
    EtsObj *b = h->buckets[ix];
    while (b && !has_key(t, b, key, hval))
        b = b->u.h.next;
    if (!b)
        return THE_NON_VALUE;
    b = next_live(h, &ix, b->u.h.next);
    if (t->type != ETS_SET)
        while (b && has_key(t, b, key, hval))
            b = next_live(h, &ix, b->u.h.next);
    return b ? ets_copy_out(p, ets_key_of(t, b)) : eot();
}

Term ets_hash_slot(Process *p, EtsTable *t, Term slot)
{
    if (!is_small(slot) || small_val(slot) < 0)
        return THE_NON_VALUE;
    SWord s = small_val(slot);
    if (s < (SWord)t->u.hash.nactive)
        return build_list(p, t->u.hash.buckets[s], NULL);
    return s == (SWord)t->u.hash.nactive ? eot() : THE_NON_VALUE;
}

/* ---- whole-table operations ---- */

void ets_hash_free_all(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    for (uint32_t i = 0; i < h->nactive; i++) {
        free_list(t, h->buckets[i]);
        h->buckets[i] = NULL;
    }
    free(h->buckets);
    h->buckets = NULL;
    h->nactive = h->nslots = 0;
}

void ets_hash_delete_all(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    if (ets_is_fixed(t)) {
        /* mark everything; ERTS resets the table's item count but not the
         * per-lock estimates */
        for (uint32_t i = 0; i < h->nactive; i++)
            for (EtsObj *b = h->buckets[i]; b; b = b->u.h.next)
                pseudo_delete(t, b);
        t->nitems = 0;
        return;
    }
    for (uint32_t i = 0; i < h->nactive; i++)
        free_list(t, h->buckets[i]);
    create(t);
    t->nitems = 0;
}

/* Remove pseudo-deleted objects (the last fixation went away). */
void ets_hash_purge(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    if (!h->has_pseudo)
        return;
    for (uint32_t i = 0; i < h->nactive; i++) {
        EtsObj **bp = &h->buckets[i];
        while (*bp) {
            EtsObj *b = *bp;
            if (b->u.h.pseudo_deleted) {
                *bp = b->u.h.next;
                free_obj(t, b);
            } else {
                bp = &b->u.h.next;
            }
        }
    }
    h->has_pseudo = false;
}

/* ---- update handles (update_counter, update_element) ---- */

bool ets_hash_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *hd)
{
    EtsHash *h = &t->u.hash;
    uint32_t hval = ets_hash_value(key);
    EtsObj **bp = &h->buckets[hash_to_ix(h, hval)], *b = *bp;
    while (b) {
        if (has_key(t, b, key, hval)) {
            if (!b->u.h.pseudo_deleted) {
                *hd = (EtsHandle){ bp, b, false, false };
                return true;
            }
            break;
        }
        bp = &b->u.h.next;
        b = *bp;
    }
    if (is_non_value(dflt))
        return false;
    /* insert a copy of the default object with the key put in */
    size_t n = tuple_arity(dflt);
    Term tmp[n + 1];
    memcpy(tmp, tuple_val(dflt), (n + 1) * sizeof(Term));
    tmp[t->keypos] = key;
    EtsObj *o = ets_obj_new(make_tuple(tmp));
    o->u.h.hvalue = hval;
    o->u.h.pseudo_deleted = 0;
    t->words += o->words;
    if (!b) {
        o->u.h.next = NULL;
        *bp = o;
        *hd = (EtsHandle){ bp, o, true, false };
    } else {
        /* reuse the pseudo-deleted object's place */
        o->u.h.next = b->u.h.next;
        *bp = o;
        free_obj(t, b);
        add_items(t, hval, 1);
        *hd = (EtsHandle){ bp, o, true, true };
    }
    return true;
}

void ets_hash_handle_done(EtsTable *t, EtsHandle *hd, bool ok)
{
    if (!hd->is_new)
        return;
    EtsObj *b = *hd->where;
    bool reused = hd->reused;
    uint32_t hval = b->u.h.hvalue;
    if (!ok) {
        if (ets_is_fixed(t)) {
            pseudo_delete(t, b);
        } else {
            *hd->where = b->u.h.next;
            free_obj(t, b);
        }
        if (reused)
            add_items(t, hval, -1);
        try_shrink(t, items_estimate(t, hval));
        return;
    }
    if (!reused) {
        add_items(t, hval, 1);
        long nitems = items_estimate(t, hval);
        if (nitems > (long)t->u.hash.nactive && !ets_is_fixed(t))
            grow(t, nitems);
    }
}

/* ---- select traversals (ERTS's match_traverse) ---- */

typedef struct {
    EtsSelect *s;
    EtsHash *h;
    long got;
    long iterations_left;
    bool trapped;          /* ERTS would have trapped (and resumed) */
    bool fixed_by_me;      /* select_delete: our own fixation */
    Term match_list;       /* LIST mode: results, newest first */
    EtsObj *free_us;       /* DELETE mode: unlinked objects */
    /* key given: the buckets to search */
    bool key_given, something_can_match;
    uint32_t nlists, lists_cap;
    uint32_t *lists;
} Trav;

/* The head's key if the head is a tuple with a fully bound key. */
static Term head_key(const EtsTable *t, Term head)
{
    if (!is_tuple(head) || tuple_arity(head) < t->keypos)
        return THE_NON_VALUE;
    return tuple_val(head)[t->keypos];
}

/* analyze_pattern: is the key bound in every clause, and which buckets
 * can hold matches. False for a malformed match spec (badarg). */
static bool analyze(Trav *tr)
{
    EtsSelect *s = tr->s;
    EtsTable *t = s->t;
    tr->key_given = true;
    tr->something_can_match = false;
    Term l;
    for (l = s->ms_term; is_list(l); l = CDR(list_val(l))) {
        Term c = CAR(list_val(l));
        if (!is_tuple(c) || tuple_arity(c) != 3)
            return false;
        Term head = tuple_val(c)[1];
        if (!tr->key_given)
            continue;
        if (head == AM(ms_underscore) || ets_is_variable(head)) {
            tr->key_given = false;
            tr->something_can_match = true;
            continue;
        }
        Term key = head_key(t, head);
        if (is_non_value(key))
            continue;
        if (ets_has_variable(key)) {
            tr->key_given = false;
            tr->something_can_match = true;
            continue;
        }
        uint32_t hval = ets_hash_value(key);
        uint32_t ix = hash_to_ix(tr->h, hval);
        /* a table without fine locking checks that the key exists */
        if (tr->h->nlocks == 1 && !find_live(t, key, hval))
            continue;
        uint32_t j;
        for (j = 0; j < tr->nlists && tr->lists[j] != ix; j++)
            ;
        if (j == tr->nlists) {
            if (tr->nlists == tr->lists_cap) {
                tr->lists_cap = tr->lists_cap ? 2 * tr->lists_cap : 8;
                tr->lists = xrealloc(tr->lists, tr->lists_cap * sizeof(uint32_t));
            }
            tr->lists[tr->nlists++] = ix;
        }
        tr->something_can_match = true;
    }
    if (l != NIL)
        return false;
    if (s->mode == ETS_SEL_REPLACE && !ets_ms_keeps_key(s->ms_term, t->keypos))
        return false;
    return true;
}

/* One object: run the match spec and act on the result. Returns true if
 * the callback advanced *cur itself (the object was unlinked/replaced). */
static bool on_object(Trav *tr, long slot_ix, EtsObj ***curp)
{
    (void)slot_ix;
    EtsSelect *s = tr->s;
    EtsTable *t = s->t;
    EtsObj **cur = *curp, *o = *cur;
    Term obj = ets_obj_term(o);
    s->visited++;
    switch (s->mode) {
    case ETS_SEL_LIST: {
        Term r = ets_ms_run(s->ms, s->p, obj);
        if (is_value(r)) {
            Term *hp = proc_alloc(s->p, 2);
            tr->match_list = make_cons_at(hp, r, tr->match_list);
            tr->got++;
        }
        return false;
    }
    case ETS_SEL_COUNT:
        if (ets_ms_run_tmp(s->ms, s->p, obj) == AM(true))
            tr->got++;
        return false;
    case ETS_SEL_DELETE: {
        if (ets_ms_run_tmp(s->ms, s->p, obj) != AM(true))
            return false;
        tr->got++;
        add_items(t, o->u.h.hvalue, -1);
        if (t->fix_count > (tr->fixed_by_me ? 1 : 0)) {
            pseudo_delete(t, o);
            return false;
        }
        *cur = o->u.h.next;
        o->u.h.next = tr->free_us;
        tr->free_us = o;
        return true;
    }
    case ETS_SEL_REPLACE: {
        Term r = ets_ms_run_tmp(s->ms, s->p, obj);
        if (is_non_value(r))
            return false;
        tr->got++;
        EtsObj *n = ets_obj_new(r);
        n->u.h.next = o->u.h.next;
        n->u.h.hvalue = o->u.h.hvalue;
        n->u.h.pseudo_deleted = 0;
        *cur = n;
        t->words += n->words;
        free_obj(t, o);
        *curp = &n->u.h.next;
        return true;
    }
    }
    return false;
}

/* Where ERTS traps: continue after a fresh budget. A select_delete on a
 * table others may write is fixed from here on. */
static void emulate_trap(Trav *tr)
{
    tr->trapped = true;
    tr->iterations_left = MAX_ITERATIONS;
    EtsSelect *s = tr->s;
    if (!s->safe && (s->mode == ETS_SEL_DELETE || s->mode == ETS_SEL_REPLACE) && !tr->fixed_by_me) {
        s->t->fix_count++;
        tr->fixed_by_me = true;
    }
}

static Term mk_small(long n) { return make_small(n); }

static Term tuple2(Process *p, Term a, Term b) { return bif_tuple2(p, a, b); }

/* The end of a LIST traversal: the result, chunk and continuation. */
static Term list_loop_ended(Trav *tr, long slot_ix, bool continued)
{
    EtsSelect *s = tr->s;
    Process *p = s->p;
    if (!s->chunk)
        return tr->match_list;
    if (!continued && !tr->trapped && tr->iterations_left == MAX_ITERATIONS)
        return eot();                       /* nothing was examined */
    Term rest = NIL;
    long rest_size = 0, got = tr->got;
    if (got > s->chunk) {
        if (!continued && !tr->trapped) {
            /* split: the newest (got - chunk) results stay for later */
            Term tmp = tr->match_list;
            rest = tr->match_list;
            while (got-- > s->chunk + 1) {
                tmp = CDR(list_val(tmp));
                ++rest_size;
            }
            ++rest_size;
            tr->match_list = CDR(list_val(tmp));
            CDR(list_val(tmp)) = NIL;
        } else {
            /* continuation: the leftover is taken in reverse */
            while (got-- > s->chunk) {
                Term *hp = proc_alloc(p, 2);
                rest = make_cons_at(hp, CAR(list_val(tr->match_list)), rest);
                tr->match_list = CDR(list_val(tr->match_list));
                ++rest_size;
            }
        }
    }
    if (rest != NIL || slot_ix >= 0) {
        Term tid = s->tid;
        if (is_atom(tid))
            tid = ets_make_tid(p, s->t);
        Term *hp = proc_alloc(p, 7);
        hp[0] = make_arityval(6);
        hp[1] = tid;
        hp[2] = mk_small(slot_ix);
        hp[3] = mk_small(s->chunk);
        hp[4] = s->ms_term;
        hp[5] = rest;
        hp[6] = mk_small(rest_size);
        return tuple2(p, tr->match_list, make_tuple(hp));
    }
    if (tr->match_list != NIL)
        return tuple2(p, tr->match_list, eot());
    return eot();
}

static Term loop_ended(Trav *tr, long slot_ix, bool continued)
{
    EtsSelect *s = tr->s;
    EtsTable *t = s->t;
    switch (s->mode) {
    case ETS_SEL_LIST:
        return list_loop_ended(tr, slot_ix, continued);
    case ETS_SEL_DELETE:
        free_list(t, tr->free_us);
        tr->free_us = NULL;
        if (tr->got)
            try_shrink(t, t->u.hash.decentralized
                       ? (long)t->u.hash.lock_items[0] * ETS_HASH_NLOCK_CTRS : (long)t->nitems);
        break;
    default:
        break;
    }
    return make_small(tr->got);    /* counts stay far below MAX_SMALL */
}

/* The traversal loop, from *cur in slot_ix (shared by first calls and
 * continuations). */
static Term traverse(Trav *tr, long slot_ix, EtsObj **cur, uint32_t list_pos, bool continued)
{
    EtsSelect *s = tr->s;
    EtsHash *h = tr->h;
    for (;;) {
        if (*cur) {
            if (!(*cur)->u.h.pseudo_deleted) {
                bool advanced = on_object(tr, slot_ix, &cur);
                --tr->iterations_left;
                if (advanced)
                    continue;
            }
            cur = &(*cur)->u.h.next;
        } else if (tr->key_given) {
            if (list_pos == tr->nlists)
                return loop_ended(tr, -1, continued);
            slot_ix = tr->lists[list_pos++];
            cur = &h->buckets[slot_ix];
        } else {
            if ((slot_ix = next_slot(h, slot_ix)) == 0) {
                slot_ix = -1;
                break;
            }
            if (s->chunk && tr->got >= s->chunk)
                break;
            if (tr->iterations_left <= 0) {
                emulate_trap(tr);
                continued = true;
            }
            cur = &h->buckets[slot_ix];
        }
    }
    return loop_ended(tr, slot_ix, continued);
}

static Term finish(Trav *tr, Term r)
{
    if (tr->fixed_by_me) {
        EtsTable *t = tr->s->t;
        if (--t->fix_count == 0)
            ets_after_unfix(t);
    }
    free(tr->lists);
    return r;
}

Term ets_hash_select(EtsSelect *s)
{
    Trav tr = { .s = s, .h = &s->t->u.hash, .iterations_left = MAX_ITERATIONS,
                .match_list = NIL };
    if (!analyze(&tr))
        return finish(&tr, THE_NON_VALUE);
    /* a fine-locked table written by others is fixed for the call */
    if (!s->safe && s->t->u.hash.nlocks > 1 && s->mode == ETS_SEL_DELETE) {
        s->t->fix_count++;
        tr.fixed_by_me = true;
    }
    if (!tr.something_can_match) {
        if (s->mode == ETS_SEL_LIST)
            return finish(&tr, s->chunk ? eot() : NIL);
        return finish(&tr, make_small(0));
    }
    long slot_ix;
    EtsObj **cur;
    uint32_t list_pos = 0;
    if (!tr.key_given) {
        slot_ix = 0;
        while (!tr.h->buckets[slot_ix]) {
            slot_ix = next_slot(tr.h, slot_ix);
            if (slot_ix == 0)
                return finish(&tr, loop_ended(&tr, 0, false));
        }
        cur = &tr.h->buckets[slot_ix];
    } else {
        slot_ix = tr.lists[list_pos++];
        cur = &tr.h->buckets[slot_ix];
    }
    return finish(&tr, traverse(&tr, slot_ix, cur, list_pos, false));
}

/* ets:select/1 with {Tid, SlotIx, ChunkSize, MS, Rest, RestSize}. */
Term ets_hash_select_continue(EtsSelect *s, Term cont)
{
    Term *tp = tuple_val(cont);
    if (tuple_arity(cont) != 6 || !is_small(tp[2]) || !is_small(tp[3]) ||
        !(is_list(tp[5]) || tp[5] == NIL) || !is_small(tp[6]))
        return THE_NON_VALUE;
    long chunk = small_val(tp[3]);
    long got = small_val(tp[6]);
    long slot_ix = small_val(tp[2]);
    if (chunk < 0 || got < 0)
        return THE_NON_VALUE;
    EtsMs *ms = ets_ms_resolve(tp[4]);
    if (!ms)
        return THE_NON_VALUE;
    s->ms = ms;
    s->ms_term = tp[4];
    s->chunk = chunk;
    s->tid = tp[1];
    Trav tr = { .s = s, .h = &s->t->u.hash, .iterations_left = MAX_ITERATIONS,
                .match_list = tp[5], .got = got };
    if (slot_ix < 0 || (chunk && got >= chunk))
        return finish(&tr, loop_ended(&tr, slot_ix, true));
    if (slot_ix >= (long)tr.h->nactive)
        return finish(&tr, THE_NON_VALUE);
    return finish(&tr, traverse(&tr, slot_ix, &tr.h->buckets[slot_ix], 0, true));
}
