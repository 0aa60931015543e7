/* tree.c — ordered_set tables: an AVL tree of objects ordered by key in
 * the arithmetic term order (keys 1 and 1.0 are the same key, as in ERTS).
 * Owns insertion, deletion, ordered traversal (first/next/prev/last, slot)
 * and the select family with erl's chunking and continuation format
 * ({Tid, LastKey, EndCondition, ChunkSize, MS, Acc, Reverse, Got}). The
 * tree's depth is logarithmic, so its recursive helpers are bounded. */
#include "ets.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../bif/bif.h"
#include <stdlib.h>

#define MAX_DEPTH 128       /* AVL height bound for any realistic size */

static int ht(const EtsObj *n) { return n ? n->u.t.height : 0; }

static void fix_height(EtsObj *n)
{
    int l = ht(n->u.t.link[0]), r = ht(n->u.t.link[1]);
    n->u.t.height = 1 + (l > r ? l : r);
}

/* Rotate so that n's child on side `dir` becomes the subtree root. */
static EtsObj *rotate(EtsObj *n, int dir)
{
    EtsObj *c = n->u.t.link[dir];
    n->u.t.link[dir] = c->u.t.link[!dir];
    c->u.t.link[!dir] = n;
    fix_height(n);
    fix_height(c);
    return c;
}

static EtsObj *rebalance(EtsObj *n)
{
    fix_height(n);
    int bf = ht(n->u.t.link[1]) - ht(n->u.t.link[0]);
    if (bf > 1 || bf < -1) {
        int dir = bf > 1;                 /* the heavy side */
        EtsObj *c = n->u.t.link[dir];
        if (ht(c->u.t.link[!dir]) > ht(c->u.t.link[dir]))
            n->u.t.link[dir] = rotate(c, !dir);
        return rotate(n, dir);
    }
    return n;
}

static int cmp_key(const EtsTable *t, Term key, const EtsObj *n)
{
    Term k = ets_key_of(t, n);
    if (is_small(key) && is_small(k))
        return (small_val(key) > small_val(k)) - (small_val(key) < small_val(k));
    return term_compare(key, k);
}

/* ---- insert ---- */

static void take_place(EtsObj *o, const EtsObj *old)
{
    o->u.t.link[0] = old->u.t.link[0];
    o->u.t.link[1] = old->u.t.link[1];
    o->u.t.height = old->u.t.height;
}

/* Insert into the subtree at *slot. Returns ETS_OK or ETS_BADKEY. */
static int insert(EtsTable *t, EtsObj **slot, EtsObj *o, Term key, bool clash_fail)
{
    EtsObj *n = *slot;
    if (!n) {
        o->u.t.link[0] = o->u.t.link[1] = NULL;
        o->u.t.height = 1;
        *slot = o;
        t->nitems++;
        t->words += o->words;
        return ETS_OK;
    }
    int c = cmp_key(t, key, n);
    if (c == 0) {
        if (clash_fail)
            return ETS_BADKEY;
        take_place(o, n);
        *slot = o;
        t->words += o->words;
        t->words -= n->words;
        ets_obj_free(n);
        return ETS_OK;
    }
    int r = insert(t, &n->u.t.link[c > 0], o, key, clash_fail);
    if (r == ETS_OK)
        *slot = rebalance(n);
    return r;
}

int ets_tree_put(EtsTable *t, EtsObj *o, bool key_clash_fail)
{
    int r = insert(t, &t->u.tree.root, o, ets_key_of(t, o), key_clash_fail);
    if (r != ETS_OK)
        ets_obj_free(o);
    return r;
}

EtsObj *ets_tree_find(EtsTable *t, Term key)
{
    EtsObj *n = t->u.tree.root;
    while (n) {
        int c = cmp_key(t, key, n);
        if (c == 0)
            return n;
        n = n->u.t.link[c > 0];
    }
    return NULL;
}

/* ---- delete ---- */

/* Unlink the smallest node of the subtree at *slot into *min. */
static EtsObj *remove_min(EtsObj *n, EtsObj **min)
{
    if (!n->u.t.link[0]) {
        *min = n;
        return n->u.t.link[1];
    }
    n->u.t.link[0] = remove_min(n->u.t.link[0], min);
    return rebalance(n);
}

/* Remove the node with key from the subtree; the node goes to *out. */
static EtsObj *remove_key(EtsTable *t, EtsObj *n, Term key, EtsObj **out)
{
    if (!n)
        return NULL;
    int c = cmp_key(t, key, n);
    if (c != 0) {
        n->u.t.link[c > 0] = remove_key(t, n->u.t.link[c > 0], key, out);
        return rebalance(n);
    }
    *out = n;
    EtsObj *l = n->u.t.link[0], *r = n->u.t.link[1];
    if (!r)
        return l;
    EtsObj *m;
    r = remove_min(r, &m);
    m->u.t.link[0] = l;
    m->u.t.link[1] = r;
    return rebalance(m);
}

static void drop(EtsTable *t, EtsObj *o)
{
    t->nitems--;
    t->words -= o->words;
    ets_obj_free(o);
}

void ets_tree_erase(EtsTable *t, Term key)
{
    EtsObj *o = NULL;
    t->u.tree.root = remove_key(t, t->u.tree.root, key, &o);
    if (o)
        drop(t, o);
}

void ets_tree_erase_object(EtsTable *t, Term object)
{
    Term key = tuple_val(object)[t->keypos];
    EtsObj *o = ets_tree_find(t, key);
    if (o && term_eq_exact(object, ets_obj_term(o)))
        ets_tree_erase(t, key);
}

static void free_subtree(EtsTable *t, EtsObj *n)
{
    while (n) {
        EtsObj *r = n->u.t.link[1];
        free_subtree(t, n->u.t.link[0]);
        drop(t, n);
        n = r;
    }
}

void ets_tree_free_all(EtsTable *t)
{
    free_subtree(t, t->u.tree.root);
    t->u.tree.root = NULL;
}

/* ---- ordered traversal ---- */

EtsObj *ets_tree_next(EtsTable *t, Term key, bool prev)
{
    int dir = prev ? 0 : 1;
    EtsObj *n = t->u.tree.root, *best = NULL;
    if (is_non_value(key)) {
        while (n && n->u.t.link[!dir])
            n = n->u.t.link[!dir];
        return n;
    }
    while (n) {
        int c = cmp_key(t, key, n);
        if (prev ? c > 0 : c < 0) {
            best = n;
            n = n->u.t.link[!dir];
        } else {
            n = n->u.t.link[dir];
        }
    }
    return best;
}

static size_t count_nodes(const EtsObj *n)
{
    size_t c = 0;
    while (n) {
        c += 1 + count_nodes(n->u.t.link[0]);
        n = n->u.t.link[1];
    }
    return c;
}

/* The n-th object in key order (0-based), or NULL. */
EtsObj *ets_tree_nth(EtsTable *t, size_t n)
{
    EtsObj *x = t->u.tree.root;
    while (x) {
        size_t l = count_nodes(x->u.t.link[0]);
        if (n == l)
            return x;
        if (n < l) {
            x = x->u.t.link[0];
        } else {
            n -= l + 1;
            x = x->u.t.link[1];
        }
    }
    return NULL;
}

/* An in-order cursor with an explicit stack of ancestors. */
typedef struct {
    EtsObj *stack[MAX_DEPTH];
    int depth;
    int dir;            /* 1: ascending, 0: descending */
} Cursor;

/* Position before the first object strictly after `key` in direction dir
 * (key THE_NON_VALUE: before the first object). */
static void cursor_init(Cursor *c, const EtsTable *t, Term key, int dir)
{
    c->depth = 0;
    c->dir = dir;
    EtsObj *n = t->u.tree.root;
    while (n) {
        bool after = is_non_value(key) || (dir ? cmp_key(t, key, n) < 0 : cmp_key(t, key, n) > 0);
        if (after) {
            c->stack[c->depth++] = n;
            n = n->u.t.link[!dir];
        } else {
            n = n->u.t.link[dir];
        }
    }
}

static EtsObj *cursor_next(Cursor *c)
{
    if (c->depth == 0)
        return NULL;
    EtsObj *n = c->stack[--c->depth];
    for (EtsObj *x = n->u.t.link[c->dir]; x; x = x->u.t.link[!c->dir])
        c->stack[c->depth++] = x;
    return n;
}

/* ---- update handles ---- */

static EtsObj **find_slot(EtsTable *t, Term key)
{
    EtsObj **slot = &t->u.tree.root;
    while (*slot) {
        int c = cmp_key(t, key, *slot);
        if (c == 0)
            return slot;
        slot = &(*slot)->u.t.link[c > 0];
    }
    return NULL;
}

bool ets_tree_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *h)
{
    EtsObj **slot = find_slot(t, key);
    if (slot) {
        *h = (EtsHandle){ slot, *slot, false, false };
        return true;
    }
    if (is_non_value(dflt))
        return false;
    size_t n = tuple_arity(dflt);
    Term tmp[n + 1];
    memcpy(tmp, tuple_val(dflt), (n + 1) * sizeof(Term));
    tmp[t->keypos] = key;
    EtsObj *o = ets_obj_new(make_tuple(tmp));
    ets_tree_put(t, o, false);
    slot = find_slot(t, key);
    *h = (EtsHandle){ slot, *slot, true, false };
    return true;
}

void ets_tree_handle_done(EtsTable *t, EtsHandle *h, bool ok)
{
    if (h->is_new && !ok)
        ets_tree_erase(t, ets_key_of(t, *h->where));
}

void ets_tree_replace(EtsTable *t, EtsObj *old, EtsObj *o)
{
    EtsObj **slot = find_slot(t, ets_key_of(t, old));
    take_place(o, old);
    *slot = o;
    t->words += o->words;
    t->words -= old->words;
    ets_obj_free(old);
}

/* ---- select ---- */

enum { KEY_UNBOUND, KEY_PARTLY, KEY_BOUND, KEY_IMPOSSIBLE };

typedef struct {
    EtsSelect *s;
    Term acc;
    long got;
    EtsObj *last;          /* the last object visited */
    EtsObj **victims;      /* DELETE: objects to remove; REPLACE: old, new pairs */
    size_t nvictims, cap;
} Sel;

/* ERTS's key_boundness over all clauses; false for a malformed spec. */
static bool analyze(EtsSelect *s, int *bound, Term *key)
{
    EtsTable *t = s->t;
    Term us = AM(ms_underscore);
    Term least = THE_NON_VALUE, most = THE_NON_VALUE;
    int b = KEY_IMPOSSIBLE;
    Term l;
    for (l = s->ms_term; is_list(l); l = CDR(list_val(l))) {
        Term c = CAR(list_val(l));
        if (!is_tuple(c) || tuple_arity(c) != 3)
            return false;
        Term head = tuple_val(c)[1];
        int cb;
        if (head == us || ets_is_variable(head)) {
            cb = KEY_UNBOUND;
        } else if (!is_tuple(head) || tuple_arity(head) < t->keypos) {
            cb = KEY_IMPOSSIBLE;
        } else {
            Term k = tuple_val(head)[t->keypos];
            if (!ets_has_variable(k)) {
                cb = KEY_BOUND;
                /* several different bound keys make the key partly bound */
                if (is_non_value(least) || term_compare(k, least) < 0)
                    least = k;
                if (is_non_value(most) || term_compare(k, most) > 0)
                    most = k;
            } else if (k != us && !ets_is_variable(k) && !ets_has_map(k)) {
                cb = KEY_PARTLY;
            } else {
                cb = KEY_UNBOUND;
            }
        }
        if (cb < b)
            b = cb;
    }
    if (l != NIL)
        return false;
    if (s->mode == ETS_SEL_REPLACE && !ets_ms_keeps_key(s->ms_term, t->keypos))
        return false;
    if (b == KEY_BOUND && term_compare(least, most) != 0)
        b = KEY_PARTLY;
    *bound = b;
    *key = least;
    return true;
}

static void add_victim(Sel *sl, EtsObj *o)
{
    if (sl->nvictims == sl->cap) {
        sl->cap = sl->cap ? 2 * sl->cap : 16;
        sl->victims = realloc(sl->victims, sl->cap * sizeof(EtsObj *));
    }
    sl->victims[sl->nvictims++] = o;
}

/* Visit one object; false stops the traversal (chunk full). */
static bool visit(Sel *sl, EtsObj *o)
{
    EtsSelect *s = sl->s;
    Term obj = ets_obj_term(o);
    sl->last = o;
    s->visited++;
    switch (s->mode) {
    case ETS_SEL_LIST: {
        Term r = ets_ms_run(s->ms, s->p, obj);
        if (is_value(r)) {
            Term *hp = proc_alloc(s->p, 2);
            sl->acc = make_cons_at(hp, r, sl->acc);
            sl->got++;
        }
        return !(s->chunk && sl->got == s->chunk);
    }
    case ETS_SEL_COUNT:
        if (ets_ms_run_tmp(s->ms, s->p, obj) == AM(true))
            sl->got++;
        return true;
    case ETS_SEL_DELETE:
        if (ets_ms_run_tmp(s->ms, s->p, obj) == AM(true)) {
            sl->got++;
            add_victim(sl, o);
        }
        return true;
    case ETS_SEL_REPLACE: {
        Term r = ets_ms_run_tmp(s->ms, s->p, obj);
        if (is_value(r)) {
            sl->got++;
            add_victim(sl, o);
            add_victim(sl, ets_obj_new(r));
        }
        return true;
    }
    }
    return true;
}

/* Walk from after `from` in direction dir (1 ascending). */
static void walk(Sel *sl, Term from, int dir)
{
    Cursor c;
    cursor_init(&c, sl->s->t, from, dir);
    EtsObj *o;
    while ((o = cursor_next(&c)))
        if (!visit(sl, o))
            break;
}

static Term reverse_list(Process *p, Term l)
{
    Term r = NIL;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term *hp = proc_alloc(p, 2);
        r = make_cons_at(hp, CAR(list_val(l)), r);
    }
    return r;
}

static Term make_cont(Sel *sl, Term tid, Term end_cond, Term ms, bool reverse)
{
    EtsSelect *s = sl->s;
    Process *p = s->p;
    Term key = ets_copy_out(p, ets_key_of(s->t, sl->last));
    if (is_atom(tid))
        tid = ets_make_tid(p, s->t);
    Term *hp = proc_alloc(p, 9);
    hp[0] = make_arityval(8);
    hp[1] = tid;
    hp[2] = key;
    hp[3] = end_cond;
    hp[4] = make_small(s->chunk);
    hp[5] = ms;
    hp[6] = NIL;
    hp[7] = make_small(reverse ? 1 : 0);
    hp[8] = make_small(0);
    return make_tuple(hp);
}

/* The chunked result once a walk has stopped. */
static Term chunk_result(Sel *sl, Term tid, Term end_cond, Term ms, bool reverse)
{
    EtsSelect *s = sl->s;
    Term eot = AM(end_of_table);
    if (sl->got < s->chunk || !sl->last) {
        if (!sl->got)
            return eot;
        return bif_tuple2(s->p, reverse_list(s->p, sl->acc), eot);
    }
    Term cont = make_cont(sl, tid, end_cond, ms, reverse);
    return bif_tuple2(s->p, reverse_list(s->p, sl->acc), cont);
}

/* Apply collected deletions / replacements; the result for count modes. */
static Term finish(Sel *sl)
{
    EtsSelect *s = sl->s;
    EtsTable *t = s->t;
    if (s->mode == ETS_SEL_DELETE) {
        for (size_t i = 0; i < sl->nvictims; i++)
            ets_tree_erase(t, ets_key_of(t, sl->victims[i]));
    } else if (s->mode == ETS_SEL_REPLACE) {
        for (size_t i = 0; i < sl->nvictims; i += 2)
            ets_tree_replace(t, sl->victims[i], sl->victims[i + 1]);
    }
    free(sl->victims);
    if (s->mode == ETS_SEL_LIST)
        return sl->acc;
    return make_small(sl->got);
}

Term ets_tree_select(EtsSelect *s)
{
    Sel sl = { .s = s, .acc = NIL };
    int bound;
    Term key = THE_NON_VALUE;
    if (!analyze(s, &bound, &key))
        return THE_NON_VALUE;
    if (bound == KEY_IMPOSSIBLE) {
        if (s->mode == ETS_SEL_LIST && s->chunk)
            return AM(end_of_table);
        return finish(&sl);
    }
    if (bound == KEY_BOUND) {
        EtsObj *o = ets_tree_find(s->t, key);
        if (o)
            visit(&sl, o);
        if (s->mode == ETS_SEL_LIST && s->chunk) {
            Term eot = AM(end_of_table);
            return sl.acc != NIL ? bif_tuple2(s->p, sl.acc, eot) : eot;
        }
        return finish(&sl);
    }
    if (s->mode == ETS_SEL_LIST && s->chunk) {
        walk(&sl, THE_NON_VALUE, s->reverse ? 0 : 1);
        return chunk_result(&sl, s->tid, NIL, s->ms_term, s->reverse);
    }
    /* whole-table: the result list is built by consing, so walk backwards
     * for ascending results (forwards for select_reverse) */
    walk(&sl, THE_NON_VALUE, s->reverse ? 1 : 0);
    return finish(&sl);
}

/* ets:select/1 on {Tid, LastKey, EndCond, ChunkSize, MS, Acc, Reverse, Got}. */
Term ets_tree_select_continue(EtsSelect *s, Term cont)
{
    Term *tp = tuple_val(cont);
    if (tuple_arity(cont) != 8 || !is_small(tp[4]) || !(is_list(tp[6]) || tp[6] == NIL) ||
        !is_small(tp[7]) || !is_small(tp[8]))
        return THE_NON_VALUE;
    EtsMs *ms = ets_ms_resolve(tp[5]);
    if (!ms)
        return THE_NON_VALUE;
    s->ms = ms;
    s->ms_term = tp[5];
    s->chunk = small_val(tp[4]);
    bool reverse = small_val(tp[7]) != 0;
    Sel sl = { .s = s, .acc = tp[6], .got = small_val(tp[8]) };
    if (s->chunk) {
        walk(&sl, tp[2], reverse ? 0 : 1);
        return chunk_result(&sl, tp[1], tp[3], tp[5], reverse);
    }
    walk(&sl, tp[2], reverse ? 1 : 0);
    return finish(&sl);
}
