/* ets.c — the ets module's BIFs for tables and objects: new, delete,
 * insert, lookup, update_counter/element, take, traversal, info, rename,
 * give_away, setopts, safe_fixtable, whereis, all. The select family and
 * match specifications are in ets_select.c; the tables themselves in
 * src/ets/. Every error is a plain badarg (erl's error_info is not
 * reproduced). */
#include "bif.h"
#include "../ets/ets.h"
#include "../proc/sched.h"
#include "../proc/message.h"
#include "../term/arith.h"
#include "../term/compare.h"
#include "../term/ref.h"
#include "../term/bignum.h"
#include <time.h>
#include <stdlib.h>

/* Look up a table for an operation needing read or write access. */
static EtsTable *get_table(Process *p, Term id, bool write_access, bool write_lock)
{
    EtsTable *t = ets_table_get(id, write_lock);
    if (!t)
        return NULL;
    if (write_access ? !ets_may_write(t, p) : !ets_may_read(t, p)) {
        ets_table_put(t, write_lock);
        return NULL;
    }
    return t;
}

#define GET_OR_BADARG(t, p, id, wa, wl) \
    EtsTable *t = get_table(p, id, wa, wl); \
    if (!t) BIF_BADARG(p)

/* ---- ets:new/2 ---- */

typedef struct {
    uint8_t type, access, wc;
    uint32_t keypos;
    bool named, compressed, read_conc;
    int decentralized_opt;       /* -1: not given */
    bool decentralized;
    Term heir, heir_data;
} NewOpts;

static bool parse_tuple_opt(NewOpts *o, Term val)
{
    Term *tp = tuple_val(val);
    if (tuple_arity(val) == 3 && tp[1] == AM(heir) && is_internal_pid(tp[2])) {
        o->heir = tp[2];
        o->heir_data = tp[3];
        return true;
    }
    if (tuple_arity(val) != 2)
        return false;
    Term k = tp[1], v = tp[2];
    if (k == AM(keypos) && is_small(v) && small_val(v) > 0) {
        o->keypos = (uint32_t)small_val(v);
    } else if (k == AM(write_concurrency)) {
        if (v == AM(auto)) {
            o->decentralized = true;
            o->wc = ETS_WC_AUTO;
        } else if (v == AM(true)) {
            if (o->type != ETS_ORDERED_SET)
                o->decentralized = false;
            o->wc = ETS_WC_TRUE;
        } else if (v == AM(false)) {
            o->wc = ETS_WC_FALSE;
        } else {
            return false;    /* {debug_hash_fixed_number_of_locks, N}: not supported */
        }
    } else if (k == AM(read_concurrency) && (v == AM(true) || v == AM(false))) {
        o->read_conc = v == AM(true);
    } else if (k == AM(heir) && v == AM(none)) {
        o->heir = AM(none);
    } else if (k == AM(decentralized_counters) && (v == AM(true) || v == AM(false))) {
        o->decentralized_opt = v == AM(true);
    } else {
        return false;
    }
    return true;
}

static bool parse_new_opts(NewOpts *o, Term list)
{
    *o = (NewOpts){ .type = ETS_SET, .access = ETS_PROTECTED, .keypos = 1,
                    .decentralized_opt = -1, .heir = AM(none), .heir_data = AM(undefined) };
    for (; is_list(list); list = CDR(list_val(list))) {
        Term v = CAR(list_val(list));
        if (v == AM(bag)) o->type = ETS_BAG;
        else if (v == AM(duplicate_bag)) o->type = ETS_DUPLICATE_BAG;
        else if (v == AM(ordered_set)) { o->type = ETS_ORDERED_SET; o->decentralized = true; }
        else if (v == AM(set)) o->type = ETS_SET;
        else if (v == AM(public)) o->access = ETS_PUBLIC;
        else if (v == AM(private)) o->access = ETS_PRIVATE;
        else if (v == AM(protected)) o->access = ETS_PROTECTED;
        else if (v == AM(named_table)) o->named = true;
        else if (v == AM(compressed)) o->compressed = true;
        else if (!is_tuple(v) || !parse_tuple_opt(o, v)) return false;
    }
    if (list != NIL)
        return false;
    if (o->decentralized_opt != -1)
        o->decentralized = o->decentralized_opt;
    return true;
}

static Term bif_ets_new_2(Process *p, Term *a)
{
    NewOpts o;
    if (!is_atom(a[0]) || !(is_list(a[1]) || a[1] == NIL) || !parse_new_opts(&o, a[1]))
        BIF_BADARG(p);
    bool fine = o.wc != ETS_WC_FALSE && o.access != ETS_PRIVATE;
    EtsTable proto = { .name = a[0], .type = o.type, .access = o.access, .keypos = o.keypos,
                       .named = o.named, .wc = fine ? o.wc : ETS_WC_FALSE,
                       .read_conc = o.read_conc && o.access != ETS_PRIVATE,
                       .decentralized = fine && o.decentralized, .compressed = o.compressed };
    EtsTable *t = ets_table_create(p, &proto, o.heir, o.heir_data);
    if (!t)
        BIF_BADARG(p);
    Term ret = o.named ? a[0] : ets_make_tid(p, t);
    ets_table_unref(t);
    return ret;
}
BIF_DEF("ets", "new", 2, bif_ets_new_2)

/* ---- delete, rename, ownership ---- */

static Term bif_ets_delete_1(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    ets_table_delete(t);
    ets_table_put(t, true);
    return AM(true);
}
BIF_DEF("ets", "delete", 1, bif_ets_delete_1)

static Term bif_ets_rename_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    if (!is_atom(a[1]) || !ets_table_rename(t, a[1])) {
        ets_table_put(t, true);
        BIF_BADARG(p);
    }
    Term ret = t->named ? a[1] : a[0];
    ets_table_put(t, true);
    return ret;
}
BIF_DEF("ets", "rename", 2, bif_ets_rename_2)

static Term bif_ets_give_away_3(Process *p, Term *a)
{
    Process *to = sched_lookup(a[1]);
    GET_OR_BADARG(t, p, a[0], true, true);
    if (!to || t->owner != p->id || a[1] == p->id) {
        ets_table_put(t, true);
        BIF_BADARG(p);
    }
    ets_table_give_away(t, p, to, a[2]);
    ets_table_put(t, true);
    return AM(true);
}
BIF_DEF("ets", "give_away", 3, bif_ets_give_away_3)

static Term bif_ets_setopts_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term cell[2] = { a[1], NIL };
    Term l = is_tuple(a[1]) ? make_list(cell) : a[1];
    Term heir = THE_NON_VALUE, data = THE_NON_VALUE;
    int access = -1;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (!is_tuple(o) || tuple_arity(o) < 2)
            goto bad;
        Term *tp = tuple_val(o);
        if (tp[1] == AM(heir)) {
            if (is_value(heir))
                goto bad;
            heir = tp[2];
            if (tuple_arity(o) == 2 && heir == AM(none))
                data = AM(undefined);
            else if (tuple_arity(o) == 3 && is_internal_pid(heir))
                data = tp[3];
            else
                goto bad;
        } else if (tp[1] == AM(protection)) {
            if (tuple_arity(o) != 2 || access != -1)
                goto bad;
            if (tp[2] == AM(private)) access = ETS_PRIVATE;
            else if (tp[2] == AM(protected)) access = ETS_PROTECTED;
            else if (tp[2] == AM(public)) access = ETS_PUBLIC;
            else goto bad;
        } else {
            goto bad;
        }
    }
    if (l != NIL || t->owner != p->id)
        goto bad;
    if (is_value(data))
        ets_table_set_heir(t, p, heir, data);
    if (access != -1)
        t->access = (uint8_t)access;
    ets_table_put(t, true);
    return AM(true);
bad:
    ets_table_put(t, true);
    BIF_BADARG(p);
}
BIF_DEF("ets", "setopts", 2, bif_ets_setopts_2)

static Term bif_ets_safe_fixtable_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], false, true);
    if (a[1] == AM(true)) {
        ets_fix(t, p->id);
    } else if (a[1] == AM(false)) {
        ets_unfix(t, p->id);
    } else {
        ets_table_put(t, true);
        BIF_BADARG(p);
    }
    ets_table_put(t, true);
    return AM(true);
}
BIF_DEF("ets", "safe_fixtable", 2, bif_ets_safe_fixtable_2)

static Term bif_ets_whereis_1(Process *p, Term *a)
{
    if (!is_atom(a[0]))
        BIF_BADARG(p);
    EtsTable *t = ets_table_get(a[0], false);
    if (!t)
        return AM(undefined);
    Term r = ets_make_tid(p, t);
    ets_table_put(t, false);
    return r;
}
BIF_DEF("ets", "whereis", 1, bif_ets_whereis_1)

/* ets:all/0 calls this, then waits for one {Ref, Tables} message per
 * scheduler, as many as erlang:system_info(schedulers) says. */
static Term bif_ets_internal_request_all_0(Process *p, Term *a)
{
    (void)a;
    Term ref = ref_make(p);
    long n = 1;
    const BifDef *si = bif_lookup(AM(erlang), atom_from_cstr("system_info"), 1);
    if (si) {
        Term arg = AM(schedulers);
        Term r = si->fn(p, &arg);
        if (is_small(r) && small_val(r) > 0)
            n = small_val(r);
        p->fclass = EXC_NONE;
    }
    for (long i = 0; i < n; i++) {
        Term tabs = i == 0 ? ets_all_tables(p) : NIL;
        msg_deliver(p, bif_tuple2(p, ref, tabs));
    }
    return ref;
}
BIF_DEF("ets", "internal_request_all", 0, bif_ets_internal_request_all_0)

/* ---- insert ---- */

static bool valid_object(const EtsTable *t, Term o)
{
    return is_tuple(o) && tuple_arity(o) >= t->keypos;
}

static Term do_insert(Process *p, Term *a, bool is_new)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term arg = a[1];
    if (arg == NIL) {
        ets_table_put(t, true);
        return AM(true);
    }
    if (is_list(arg) && CDR(list_val(arg)) == NIL)
        arg = CAR(list_val(arg));
    if (!is_list(arg)) {
        if (!valid_object(t, arg)) {
            ets_table_put(t, true);
            BIF_BADARG(p);
        }
        int r = ets_put(t, ets_obj_new(arg), is_new);
        ets_table_put(t, true);
        return r == ETS_OK ? AM(true) : AM(false);
    }
    size_t n = 0;
    Term l;
    for (l = arg; is_list(l); l = CDR(list_val(l)), n++)
        if (!valid_object(t, CAR(list_val(l))))
            break;
    if (l != NIL) {
        ets_table_put(t, true);
        BIF_BADARG(p);
    }
    if (is_new) {
        for (l = arg; is_list(l); l = CDR(list_val(l)))
            if (ets_member(t, tuple_val(CAR(list_val(l)))[t->keypos])) {
                ets_table_put(t, true);
                return AM(false);
            }
    }
    /* ERTS inserts a list in order when it can do so without yielding;
     * otherwise (always for bags) it copies the objects first and inserts
     * them in reverse. erl's budget is twice girder's. */
    bool reverse = t->type == ETS_BAG || (long)n > (long)p->fcalls * 2;
    EtsObj **objs = malloc(n * sizeof(EtsObj *));
    size_t i = 0;
    for (l = arg; is_list(l); l = CDR(list_val(l)))
        objs[i++] = ets_obj_new(CAR(list_val(l)));
    for (i = 0; i < n; i++)
        ets_put(t, objs[reverse ? n - 1 - i : i], false);
    free(objs);
    p->fcalls -= (int32_t)(n / 4);
    ets_table_put(t, true);
    return AM(true);
}

static Term bif_ets_insert_2(Process *p, Term *a) { return do_insert(p, a, false); }
BIF_DEF("ets", "insert", 2, bif_ets_insert_2)
static Term bif_ets_insert_new_2(Process *p, Term *a) { return do_insert(p, a, true); }
BIF_DEF("ets", "insert_new", 2, bif_ets_insert_new_2)

/* ---- lookups ---- */

static Term bif_ets_lookup_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    Term r = ets_lookup(p, t, a[1]);
    ets_table_put(t, false);
    return r;
}
BIF_DEF("ets", "lookup", 2, bif_ets_lookup_2)

static Term bif_ets_member_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    bool r = ets_member(t, a[1]);
    ets_table_put(t, false);
    return r ? AM(true) : AM(false);
}
BIF_DEF("ets", "member", 2, bif_ets_member_2)

static Term bif_ets_lookup_element_3(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    Term r;
    if (!is_small(a[2]) || small_val(a[2]) < 1 ||
        ets_lookup_element(p, t, a[1], (UWord)small_val(a[2]), &r) != ETS_OK) {
        ets_table_put(t, false);
        BIF_BADARG(p);
    }
    ets_table_put(t, false);
    return r;
}
BIF_DEF("ets", "lookup_element", 3, bif_ets_lookup_element_3)

static Term bif_ets_take_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term r = ets_take(p, t, a[1]);
    ets_table_put(t, true);
    return r;
}
BIF_DEF("ets", "take", 2, bif_ets_take_2)

static Term bif_ets_delete_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    ets_erase(t, a[1]);
    ets_table_put(t, true);
    return AM(true);
}
BIF_DEF("ets", "delete", 2, bif_ets_delete_2)

static Term bif_ets_delete_object_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    if (!valid_object(t, a[1])) {
        ets_table_put(t, true);
        BIF_BADARG(p);
    }
    ets_erase_object(t, a[1]);
    ets_table_put(t, true);
    return AM(true);
}
BIF_DEF("ets", "delete_object", 2, bif_ets_delete_object_2)

static Term bif_ets_internal_delete_all_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    if (a[1] != AM(undefined)) {
        /* erl: the number held over a trap, returned as it is */
        ets_table_put(t, true);
        return a[1];
    }
    Term n = bn_from_uword(p, t->nitems);
    ets_delete_all(t);
    ets_table_put(t, true);
    return n;
}
BIF_DEF("ets", "internal_delete_all", 2, bif_ets_internal_delete_all_2)

/* ---- traversal ---- */

static Term first_last(Process *p, Term *a, bool last)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    Term r = ets_first(p, t, last);
    ets_table_put(t, false);
    return r;
}
static Term bif_ets_first_1(Process *p, Term *a) { return first_last(p, a, false); }
BIF_DEF("ets", "first", 1, bif_ets_first_1)
static Term bif_ets_last_1(Process *p, Term *a) { return first_last(p, a, true); }
BIF_DEF("ets", "last", 1, bif_ets_last_1)

static Term next_prev(Process *p, Term *a, bool prev)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    Term r = ets_next(p, t, a[1], prev);
    ets_table_put(t, false);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
static Term bif_ets_next_2(Process *p, Term *a) { return next_prev(p, a, false); }
BIF_DEF("ets", "next", 2, bif_ets_next_2)
static Term bif_ets_prev_2(Process *p, Term *a) { return next_prev(p, a, true); }
BIF_DEF("ets", "prev", 2, bif_ets_prev_2)

static Term bif_ets_slot_2(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], false, false);
    Term r = ets_slot(p, t, a[1]);
    ets_table_put(t, false);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("ets", "slot", 2, bif_ets_slot_2)

/* ---- update_counter, update_element ---- */

/* Validate one {Pos, Incr} / {Pos, Incr, Threshold, SetValue} against the
 * object; false means badarg. */
static bool valid_upop(const EtsTable *t, Term op, Term cur)
{
    if (!is_tuple(op))
        return false;
    Term *tp = tuple_val(op);
    UWord ar = tuple_arity(op);
    if (ar == 4) {
        if (!is_integer(tp[3]) || !is_integer(tp[4]))
            return false;
    } else if (ar != 2) {
        return false;
    }
    if (!is_small(tp[1]) || !is_integer(tp[2]))
        return false;
    SWord pos = small_val(tp[1]);
    if (pos == (SWord)t->keypos || pos < 1 || (UWord)pos > tuple_arity(cur))
        return false;
    return is_integer(tuple_val(cur)[pos]);
}

static Term do_update_counter(Process *p, EtsTable *t, Term key, Term ops, Term dflt)
{
    if (t->type != ETS_SET && t->type != ETS_ORDERED_SET)
        return THE_NON_VALUE;
    Term cell[2], incr_op[3];
    bool want_list = false;
    if (is_integer(ops)) {
        incr_op[0] = make_arityval(2);
        incr_op[1] = make_small(t->keypos + 1);
        incr_op[2] = ops;
        cell[0] = make_tuple(incr_op);
        cell[1] = NIL;
        ops = make_list(cell);
    } else if (is_tuple(ops)) {
        cell[0] = ops;
        cell[1] = NIL;
        ops = make_list(cell);
    } else {
        want_list = true;
    }
    EtsHandle h;
    if (!ets_handle_find(t, key, dflt, &h))
        return THE_NON_VALUE;
    /* the working copy: the object's top-level tuple on p's heap */
    Term obj = ets_obj_term(h.obj);
    size_t ar = tuple_arity(obj);
    Term *w = proc_alloc(p, ar + 1);
    memcpy(w, tuple_val(obj), (ar + 1) * sizeof(Term));
    Term work = make_tuple(w);
    Term l;
    for (l = ops; is_list(l); l = CDR(list_val(l)))
        if (!valid_upop(t, CAR(list_val(l)), work))
            break;
    if (l != NIL) {
        ets_handle_done(t, &h, false);
        return THE_NON_VALUE;
    }
    Term results = NIL, *tail = &results, last = NIL;
    bool all_small = true;
    for (l = ops; is_list(l); l = CDR(list_val(l))) {
        Term *tp = tuple_val(CAR(list_val(l)));
        SWord pos = small_val(tp[1]);
        Term nv = arith_plus(p, w[pos], tp[2]);
        if (is_non_value(nv)) {
            ets_handle_done(t, &h, false);
            return THE_NON_VALUE;
        }
        if (tuple_arity(CAR(list_val(l))) == 4) {
            bool neg = term_compare(tp[2], make_small(0)) < 0;
            int c = term_compare(nv, tp[3]);
            if (neg ? c < 0 : c > 0)
                nv = tp[4];
        }
        if (!is_small(nv) || !is_immed(ets_obj_elem(h.obj, pos)))
            all_small = false;
        w[pos] = nv;
        last = nv;
        if (want_list) {
            Term *hp = proc_alloc(p, 2);
            *tail = make_cons_at(hp, nv, NIL);
            tail = &hp[1];
        }
    }
    if (all_small) {
        for (size_t i = 1; i <= ar; i++)       /* immediates: write in place */
            if (is_small(w[i]))
                h.obj->mem[i] = w[i];
    } else {
        ets_handle_replace(t, &h, work);
    }
    ets_handle_done(t, &h, true);
    return want_list ? results : last;
}

static Term bif_ets_update_counter_3(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term r = do_update_counter(p, t, a[1], a[2], THE_NON_VALUE);
    ets_table_put(t, true);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("ets", "update_counter", 3, bif_ets_update_counter_3)

static Term bif_ets_update_counter_4(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term r = THE_NON_VALUE;
    if (valid_object(t, a[3]))
        r = do_update_counter(p, t, a[1], a[2], a[3]);
    ets_table_put(t, true);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("ets", "update_counter", 4, bif_ets_update_counter_4)

static Term bif_ets_update_element_3(Process *p, Term *a)
{
    GET_OR_BADARG(t, p, a[0], true, true);
    Term r = THE_NON_VALUE;
    EtsHandle h;
    Term cell[2] = { a[2], NIL };
    Term ops = is_tuple(a[2]) ? make_list(cell) : a[2];
    if (t->type != ETS_SET && t->type != ETS_ORDERED_SET)
        goto out;
    if (!ets_handle_find(t, a[1], THE_NON_VALUE, &h)) {
        r = AM(false);
        goto out;
    }
    UWord ar = ets_obj_arity(h.obj);
    Term l;
    bool all_immed = true;
    for (l = ops; is_list(l); l = CDR(list_val(l))) {
        Term pv = CAR(list_val(l));
        if (!is_tuple(pv) || tuple_arity(pv) != 2 || !is_small(tuple_val(pv)[1]))
            break;
        SWord pos = small_val(tuple_val(pv)[1]);
        if (pos == (SWord)t->keypos || pos < 1 || (UWord)pos > ar)
            break;
        if (!is_immed(tuple_val(pv)[2]) || !is_immed(ets_obj_elem(h.obj, pos)))
            all_immed = false;
    }
    if (l != NIL)
        goto out;
    if (all_immed) {
        for (l = ops; is_list(l); l = CDR(list_val(l)))
            h.obj->mem[small_val(tuple_val(CAR(list_val(l)))[1])] = tuple_val(CAR(list_val(l)))[2];
    } else {
        Term *w = proc_alloc(p, ar + 1);
        memcpy(w, tuple_val(ets_obj_term(h.obj)), (ar + 1) * sizeof(Term));
        for (l = ops; is_list(l); l = CDR(list_val(l)))
            w[small_val(tuple_val(CAR(list_val(l)))[1])] = tuple_val(CAR(list_val(l)))[2];
        ets_handle_replace(t, &h, make_tuple(w));
    }
    r = AM(true);
out:
    ets_table_put(t, true);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("ets", "update_element", 3, bif_ets_update_element_3)

/* ---- info ---- */

static Term type_atom(const EtsTable *t)
{
    static const int tags[] = { ATOM_IDX_set, ATOM_IDX_bag, ATOM_IDX_duplicate_bag, ATOM_IDX_ordered_set };
    return make_atom(tags[t->type]);
}

static Term access_atom(const EtsTable *t)
{
    return t->access == ETS_PUBLIC ? AM(public) : t->access == ETS_PRIVATE ? AM(private) : AM(protected);
}

static Term safe_fixed(Process *p, const EtsTable *t, bool monotonic)
{
    if (!ets_is_fixed(t) || !t->fixes)
        return AM(false);
    Term list = NIL;
    for (EtsFix *f = t->fixes; f; f = f->next) {
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, bif_tuple2(p, f->pid, make_small(f->count)), list);
    }
    Term time;
    if (monotonic) {
        time = bn_from_sword(p, t->fix_mono_ns);
    } else {
        int64_t us = t->fix_sys_ns / 1000;
        time = bif_tuple3(p, make_small(us / 1000000000000LL),
                          make_small((us / 1000000) % 1000000), make_small(us % 1000000));
    }
    return bif_tuple2(p, time, list);
}

static Term info_item(Process *p, const EtsTable *t, Term what)
{
    if (what == AM(size)) return bn_from_uword(p, t->nitems);
    if (what == AM(type)) return type_atom(t);
    if (what == AM(memory)) return bn_from_uword(p, ets_memory_words(t));
    if (what == AM(owner)) return t->owner;
    if (what == AM(heir)) return t->heir;
    if (what == AM(protection)) return access_atom(t);
    if (what == AM(write_concurrency))
        return t->wc == ETS_WC_AUTO ? AM(auto) : t->wc == ETS_WC_TRUE ? AM(true) : AM(false);
    if (what == AM(read_concurrency)) return t->read_conc ? AM(true) : AM(false);
    if (what == AM(name)) return t->name;
    if (what == AM(keypos)) return make_small(t->keypos);
    if (what == AM(node)) return AM(nonode_at_nohost);
    if (what == AM(named_table)) return t->named ? AM(true) : AM(false);
    if (what == AM(compressed)) return t->compressed ? AM(true) : AM(false);
    if (what == AM(id)) return ets_make_tid(p, t);
    if (what == AM(decentralized_counters)) return t->decentralized ? AM(true) : AM(false);
    if (what == AM(fixed)) return ets_is_fixed(t) ? AM(true) : AM(false);
    if (what == AM(safe_fixed)) return safe_fixed(p, t, false);
    if (what == AM(safe_fixed_monotonic_time)) return safe_fixed(p, t, true);
    return THE_NON_VALUE;
}

/* The table for info: undefined (NULL, *missing) for an unknown ref or
 * name; badarg for anything else. */
static EtsTable *info_table(Term id, bool *bad)
{
    *bad = !is_atom(id) && !ets_is_tid(id);
    return *bad ? NULL : ets_table_get(id, false);
}

static Term bif_ets_info_1(Process *p, Term *a)
{
    static const int fields[] = { ATOM_IDX_protection, ATOM_IDX_keypos, ATOM_IDX_type,
        ATOM_IDX_named_table, ATOM_IDX_node, ATOM_IDX_size, ATOM_IDX_name, ATOM_IDX_heir,
        ATOM_IDX_owner, ATOM_IDX_memory, ATOM_IDX_compressed, ATOM_IDX_write_concurrency,
        ATOM_IDX_read_concurrency, ATOM_IDX_decentralized_counters, ATOM_IDX_id };
    bool bad;
    EtsTable *t = info_table(a[0], &bad);
    if (bad)
        BIF_BADARG(p);
    if (!t)
        return AM(undefined);
    Term list = NIL;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        Term k = make_atom(fields[i]);
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, bif_tuple2(p, k, info_item(p, t, k)), list);
    }
    ets_table_put(t, false);
    return list;
}
BIF_DEF("ets", "info", 1, bif_ets_info_1)

static Term bif_ets_info_2(Process *p, Term *a)
{
    bool bad;
    EtsTable *t = info_table(a[0], &bad);
    if (bad)
        BIF_BADARG(p);
    if (!t)
        return AM(undefined);
    Term r = info_item(p, t, a[1]);
    ets_table_put(t, false);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("ets", "info", 2, bif_ets_info_2)
