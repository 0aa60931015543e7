/* erlang_core.c — the core BIFs of module erlang: type tests, tuples, list
 * primitives, exceptions, apply, the process dictionary, and what a
 * process asks about itself. Numbers, binaries, comparison, maps and the
 * external format have files of their own. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../term/ref.h"
#include "../term/binary.h"
#include "../emu/emu_support.h"
#include "../term/print.h"
#include "../code/module.h"
#include "../proc/sched.h"
#include "../proc/message.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Length of a proper list, or -1. */
static SWord list_length(Term t)
{
    SWord n = 0;
    while (is_list(t)) {
        n++;
        t = CDR(list_val(t));
    }
    return is_nil(t) ? n : -1;
}

/* ---------------------------------------------------------- type tests */
#define TYPE_BIF(name, cond) \
    static Term bif_##name(Process *p, Term *a) { (void)p; Term t = a[0]; return (cond) ? AM(true) : AM(false); } \
    GUARD_BIF_DEF("erlang", #name, 1, bif_##name)
TYPE_BIF(is_atom, is_atom(t))
TYPE_BIF(is_integer, is_integer(t))
TYPE_BIF(is_float, is_float(t))
TYPE_BIF(is_number, is_number(t))
TYPE_BIF(is_list, is_list(t) || is_nil(t))
TYPE_BIF(is_tuple, is_tuple(t))
TYPE_BIF(is_pid, is_pid(t))
TYPE_BIF(is_port, is_port(t))
TYPE_BIF(is_reference, is_ref(t))
TYPE_BIF(is_binary, emu_is_binary(t))
TYPE_BIF(is_bitstring, is_bitstring(t))
TYPE_BIF(is_boolean, t == AM(true) || t == AM(false))
TYPE_BIF(is_function, is_any_fun(t))
TYPE_BIF(is_map, is_map(t))

static Term bif_is_function_2(Process *p, Term *a)
{
    if (!is_small(a[1]) || small_val(a[1]) < 0)
        BIF_BADARG(p);
    return emu_is_function2(a[0], a[1]) ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "is_function", 2, bif_is_function_2)

static Term bif_is_record_2(Process *p, Term *a)
{
    if (!is_atom(a[1])) BIF_BADARG(p);
    return is_tuple(a[0]) && tuple_arity(a[0]) >= 1 && tuple_elem(a[0], 1) == a[1] ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "is_record", 2, bif_is_record_2)

static Term bif_is_record_3(Process *p, Term *a)
{
    if (!is_atom(a[1]) || !is_small(a[2]) || small_val(a[2]) < 0) BIF_BADARG(p);
    return is_tuple(a[0]) && tuple_arity(a[0]) == (UWord)small_val(a[2]) && tuple_arity(a[0]) >= 1 &&
           tuple_elem(a[0], 1) == a[1] ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "is_record", 3, bif_is_record_3)

/* ------------------------------------------------------------- tuples */
static Term bif_element(Process *p, Term *a)
{
    if (!is_small(a[0]) || !is_tuple(a[1])) BIF_BADARG(p);
    SWord i = small_val(a[0]);
    if (i < 1 || (UWord)i > tuple_arity(a[1])) BIF_BADARG(p);
    return tuple_elem(a[1], i);
}
GUARD_BIF_DEF("erlang", "element", 2, bif_element)

static Term bif_setelement(Process *p, Term *a)
{
    if (!is_small(a[0]) || !is_tuple(a[1])) BIF_BADARG(p);
    SWord i = small_val(a[0]);
    UWord n = tuple_arity(a[1]);
    if (i < 1 || (UWord)i > n) BIF_BADARG(p);
    Term *hp = proc_alloc(p, n + 1);
    memcpy(hp, tuple_val(a[1]), (n + 1) * sizeof(Term));
    hp[i] = a[2];
    return make_tuple(hp);
}
BIF_DEF("erlang", "setelement", 3, bif_setelement)

static Term bif_tuple_size(Process *p, Term *a)
{
    if (!is_tuple(a[0])) BIF_BADARG(p);
    return make_small(tuple_arity(a[0]));
}
GUARD_BIF_DEF("erlang", "tuple_size", 1, bif_tuple_size)

static Term bif_size(Process *p, Term *a)
{
    if (is_tuple(a[0])) return make_small(tuple_arity(a[0]));
    if (is_bitstring(a[0])) {
        const uint8_t *b; size_t off, bits;
        bin_view(a[0], &b, &off, &bits);
        return make_small(bits / 8);
    }
    BIF_BADARG(p);
}
GUARD_BIF_DEF("erlang", "size", 1, bif_size)

static Term bif_make_tuple_2(Process *p, Term *a)
{
    if (!is_small(a[0]) || small_val(a[0]) < 0) BIF_BADARG(p);
    SWord n = small_val(a[0]);
    if (n > (1 << 24)) BIF_BADARG(p);
    Term *hp = proc_alloc(p, (size_t)n + 1);
    hp[0] = make_arityval(n);
    for (SWord i = 1; i <= n; i++) hp[i] = a[1];
    return make_tuple(hp);
}
BIF_DEF("erlang", "make_tuple", 2, bif_make_tuple_2)

static Term bif_make_tuple_3(Process *p, Term *a)
{
    if (!is_small(a[0]) || small_val(a[0]) < 0 || small_val(a[0]) > (1 << 24)) BIF_BADARG(p);
    SWord n = small_val(a[0]);
    Term *hp = proc_alloc(p, (size_t)n + 1);
    hp[0] = make_arityval(n);
    for (SWord i = 1; i <= n; i++) hp[i] = a[1];
    for (Term l = a[2]; !is_nil(l); l = CDR(list_val(l))) {
        if (!is_list(l)) BIF_BADARG(p);
        Term e = CAR(list_val(l));
        if (!is_tuple(e) || tuple_arity(e) != 2 || !is_small(tuple_elem(e, 1))) BIF_BADARG(p);
        SWord i = small_val(tuple_elem(e, 1));
        if (i < 1 || i > n) BIF_BADARG(p);
        hp[i] = tuple_elem(e, 2);
    }
    return make_tuple(hp);
}
BIF_DEF("erlang", "make_tuple", 3, bif_make_tuple_3)

static Term bif_append_element(Process *p, Term *a)
{
    if (!is_tuple(a[0])) BIF_BADARG(p);
    UWord n = tuple_arity(a[0]);
    Term *hp = proc_alloc(p, n + 2);
    memcpy(hp, tuple_val(a[0]), (n + 1) * sizeof(Term));
    hp[0] = make_arityval(n + 1);
    hp[n + 1] = a[1];
    return make_tuple(hp);
}
BIF_DEF("erlang", "append_element", 2, bif_append_element)

static Term bif_insert_element(Process *p, Term *a)
{
    if (!is_small(a[0]) || !is_tuple(a[1])) BIF_BADARG(p);
    UWord n = tuple_arity(a[1]);
    SWord i = small_val(a[0]);
    if (i < 1 || (UWord)i > n + 1) BIF_BADARG(p);
    Term *hp = proc_alloc(p, n + 2);
    Term *src = tuple_val(a[1]);
    hp[0] = make_arityval(n + 1);
    for (SWord k = 1; k < i; k++) hp[k] = src[k];
    hp[i] = a[2];
    for (UWord k = (UWord)i; k <= n; k++) hp[k + 1] = src[k];
    return make_tuple(hp);
}
BIF_DEF("erlang", "insert_element", 3, bif_insert_element)

static Term bif_delete_element(Process *p, Term *a)
{
    if (!is_small(a[0]) || !is_tuple(a[1])) BIF_BADARG(p);
    UWord n = tuple_arity(a[1]);
    SWord i = small_val(a[0]);
    if (i < 1 || (UWord)i > n) BIF_BADARG(p);
    Term *hp = proc_alloc(p, n);
    Term *src = tuple_val(a[1]);
    hp[0] = make_arityval(n - 1);
    for (SWord k = 1, j = 1; (UWord)k <= n; k++)
        if (k != i) hp[j++] = src[k];
    return make_tuple(hp);
}
BIF_DEF("erlang", "delete_element", 2, bif_delete_element)

static Term bif_tuple_to_list(Process *p, Term *a)
{
    if (!is_tuple(a[0])) BIF_BADARG(p);
    UWord n = tuple_arity(a[0]);
    Term *hp = proc_alloc(p, 2 * n);
    Term list = NIL;
    for (UWord i = n; i > 0; i--)
        list = make_cons_at(hp + 2 * (i - 1), tuple_elem(a[0], i), list);
    return list;
}
BIF_DEF("erlang", "tuple_to_list", 1, bif_tuple_to_list)

static Term bif_list_to_tuple(Process *p, Term *a)
{
    SWord n = list_length(a[0]);
    if (n < 0) BIF_BADARG(p);
    Term *hp = proc_alloc(p, (size_t)n + 1);
    hp[0] = make_arityval(n);
    SWord i = 1;
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l)))
        hp[i++] = CAR(list_val(l));
    return make_tuple(hp);
}
BIF_DEF("erlang", "list_to_tuple", 1, bif_list_to_tuple)

/* -------------------------------------------------------------- lists */
static Term bif_length(Process *p, Term *a)
{
    SWord n = list_length(a[0]);
    if (n < 0) BIF_BADARG(p);
    return make_small(n);
}
GUARD_BIF_DEF("erlang", "length", 1, bif_length)

static Term bif_hd(Process *p, Term *a)
{
    if (!is_list(a[0])) BIF_BADARG(p);
    return CAR(list_val(a[0]));
}
GUARD_BIF_DEF("erlang", "hd", 1, bif_hd)

static Term bif_tl(Process *p, Term *a)
{
    if (!is_list(a[0])) BIF_BADARG(p);
    return CDR(list_val(a[0]));
}
GUARD_BIF_DEF("erlang", "tl", 1, bif_tl)

/* A ++ B: copies A. */
static Term append(Process *p, Term a, Term b)
{
    SWord n = list_length(a);
    if (n < 0) BIF_BADARG(p);
    if (n == 0) return b;
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    Term result = make_list(hp);
    for (Term l = a; is_list(l); l = CDR(list_val(l))) {
        hp[0] = CAR(list_val(l));
        hp[1] = make_list(hp + 2);
        hp += 2;
    }
    hp[-1] = b;
    return result;
}

static Term bif_append_2(Process *p, Term *a) { return append(p, a[0], a[1]); }
BIF_DEF("erlang", "++", 2, bif_append_2)
BIF_DEF("erlang", "append", 2, bif_append_2)
BIF_DEF("lists", "append", 2, bif_append_2)

/* A -- B: for each element of B, remove its first occurrence in A.
 * B becomes a sorted multiset (value, count), so the whole job is
 * O((|A| + |B|) log |B|) instead of |A| * |B|. */
typedef struct { Term v; SWord n; } Counted;

static int cmp_exact(const void *x, const void *y)
{
    return term_compare_exact(*(const Term *)x, *(const Term *)y);
}

static Term bif_subtract_2(Process *p, Term *a)
{
    SWord na = list_length(a[0]), nb = list_length(a[1]);
    if (na < 0 || nb < 0) BIF_BADARG(p);
    if (na == 0 || nb == 0) return a[0];
    Term *bs = malloc((size_t)nb * sizeof(Term));
    SWord i = 0;
    for (Term l = a[1]; is_list(l); l = CDR(list_val(l))) bs[i++] = CAR(list_val(l));
    qsort(bs, (size_t)nb, sizeof(Term), cmp_exact);
    Counted *set = malloc((size_t)nb * sizeof(Counted));
    SWord ns = 0;
    for (i = 0; i < nb; i++) {
        if (ns && term_compare_exact(set[ns - 1].v, bs[i]) == 0) set[ns - 1].n++;
        else set[ns++] = (Counted){ bs[i], 1 };
    }
    free(bs);
    Term *keep = malloc((size_t)na * sizeof(Term));
    SWord nk = 0;
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l))) {
        Term e = CAR(list_val(l));
        SWord lo = 0, hi = ns;
        bool removed = false;
        while (lo < hi) {
            SWord mid = (lo + hi) / 2;
            int c = term_compare_exact(set[mid].v, e);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid;
            else { if (set[mid].n > 0) { set[mid].n--; removed = true; } break; }
        }
        if (!removed) keep[nk++] = e;
    }
    free(set);
    Term *hp = proc_alloc(p, 2 * (size_t)nk);
    Term list = NIL;
    for (SWord k = nk; k-- > 0;) { list = make_cons_at(hp, keep[k], list); hp += 2; }
    free(keep);
    return list;
}
BIF_DEF("erlang", "--", 2, bif_subtract_2)
BIF_DEF("lists", "subtract", 2, bif_subtract_2)

static Term bif_lists_reverse_2(Process *p, Term *a)
{
    SWord n = 0;
    Term l = a[0];
    for (; is_list(l); l = CDR(list_val(l))) n++;
    if (!is_nil(l)) BIF_BADARG(p);
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    Term acc = a[1];
    for (l = a[0]; is_list(l); l = CDR(list_val(l))) {
        acc = make_cons_at(hp, CAR(list_val(l)), acc);
        hp += 2;
    }
    return acc;
}
BIF_DEF("lists", "reverse", 2, bif_lists_reverse_2)

static Term bif_lists_member(Process *p, Term *a)
{
    Term l = a[1];
    for (; is_list(l); l = CDR(list_val(l))) {
        Term e = CAR(list_val(l));
        if (e == a[0] || term_eq_exact(e, a[0])) return AM(true);
    }
    if (!is_nil(l)) BIF_BADARG(p);
    return AM(false);
}
BIF_DEF("lists", "member", 2, bif_lists_member)

static Term keyfind(Process *p, Term *a, bool *found)
{
    *found = false;
    if (!is_small(a[1]) || small_val(a[1]) < 1) return bif_error(p, AM(badarg));
    UWord pos = (UWord)small_val(a[1]);
    Term l = a[2];
    for (; is_list(l); l = CDR(list_val(l))) {
        Term e = CAR(list_val(l));
        if (is_tuple(e) && tuple_arity(e) >= pos) {
            Term k = tuple_elem(e, pos);
            /* "compares equal": ==, so {5} matches {5.0} */
            bool eq = k == a[0] || (!(is_immed(k) && is_immed(a[0])) && term_compare(k, a[0]) == 0);
            if (eq) { *found = true; return e; }
        }
    }
    if (!is_nil(l)) return bif_error(p, AM(badarg));
    return AM(false);
}

static Term bif_lists_keyfind(Process *p, Term *a) { bool f; return keyfind(p, a, &f); }
BIF_DEF("lists", "keyfind", 3, bif_lists_keyfind)

static Term bif_lists_keymember(Process *p, Term *a)
{
    bool f;
    Term r = keyfind(p, a, &f);
    if (is_non_value(r)) return r;
    return f ? AM(true) : AM(false);
}
BIF_DEF("lists", "keymember", 3, bif_lists_keymember)

static Term bif_lists_keysearch(Process *p, Term *a)
{
    bool f;
    Term r = keyfind(p, a, &f);
    if (is_non_value(r) || !f) return r;
    return bif_tuple2(p, atom_from_cstr("value"), r);
}
BIF_DEF("lists", "keysearch", 3, bif_lists_keysearch)

/* --------------------------------------------------------- exceptions */
static Term bif_error_1(Process *p, Term *a) { return bif_raise(p, EXC_ERROR, a[0]); }
BIF_DEF_FLAGS("erlang", "error", 1, bif_error_1, BIF_RAISES)

/* error(Reason, Args): Args replaces the arity in the first frame only
 * when it is a list (erl shows the arity for `none` or anything else). */
static Term bif_error_2(Process *p, Term *a)
{
    bif_raise(p, EXC_ERROR, a[0]);
    if (is_list(a[1]) || is_nil(a[1]))
        p->fargs = a[1];
    return THE_NON_VALUE;
}
BIF_DEF_FLAGS("erlang", "error", 2, bif_error_2, BIF_RAISES)

/* error(Reason, Args, Options): Options may carry {error_info, Map},
 * which goes into the first frame's location. */
static Term bif_error_3(Process *p, Term *a)
{
    Term l = a[2];
    Term info = NIL;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (is_tuple(o) && tuple_arity(o) == 2 && tuple_elem(o, 1) == AM(error_info) && is_map(tuple_elem(o, 2)))
            info = tuple_elem(o, 2);
    }
    if (!is_nil(l)) BIF_BADARG(p);
    bif_raise(p, EXC_ERROR, a[0]);
    if (is_list(a[1]) || is_nil(a[1]))
        p->fargs = a[1];
    p->ferror_info = info;
    return THE_NON_VALUE;
}
BIF_DEF_FLAGS("erlang", "error", 3, bif_error_3, BIF_RAISES)

static Term bif_exit_1(Process *p, Term *a) { return bif_raise(p, EXC_EXIT, a[0]); }
BIF_DEF_FLAGS("erlang", "exit", 1, bif_exit_1, BIF_RAISES)

static Term bif_throw_1(Process *p, Term *a) { return bif_raise(p, EXC_THROW, a[0]); }
BIF_DEF_FLAGS("erlang", "throw", 1, bif_throw_1, BIF_RAISES)

static Term bif_nif_error_1(Process *p, Term *a) { return bif_raise(p, EXC_ERROR, a[0]); }
BIF_DEF_FLAGS("erlang", "nif_error", 1, bif_nif_error_1, BIF_RAISES)

/* A stack trace as erlang:raise/3 accepts it: a proper list of
 * {M,F,ArityOrArgs} or {M,F,ArityOrArgs,Location}; 3-tuples get an empty
 * location, as ERTS does. THE_NON_VALUE if malformed. */
static Term checked_trace(Process *p, Term t)
{
    SWord n = list_length(t);
    if (n < 0) return THE_NON_VALUE;
    Term out = NIL, *items = malloc(((size_t)n + 1) * sizeof(Term));
    SWord i = 0;
    for (Term l = t; is_list(l); l = CDR(list_val(l))) {
        Term e = CAR(list_val(l));
        bool ok = is_tuple(e) && (tuple_arity(e) == 3 || tuple_arity(e) == 4) &&
                  is_atom(tuple_elem(e, 1)) && is_atom(tuple_elem(e, 2)) &&
                  ((is_small(tuple_elem(e, 3)) && small_val(tuple_elem(e, 3)) >= 0) ||
                   list_length(tuple_elem(e, 3)) >= 0) &&
                  (tuple_arity(e) == 3 || list_length(tuple_elem(e, 4)) >= 0);
        if (!ok) { free(items); return THE_NON_VALUE; }
        if (tuple_arity(e) == 3) {
            Term *hp = proc_alloc(p, 5);
            hp[0] = make_arityval(4); hp[1] = tuple_elem(e, 1); hp[2] = tuple_elem(e, 2);
            hp[3] = tuple_elem(e, 3); hp[4] = NIL;
            e = make_tuple(hp);
        }
        items[i++] = e;
    }
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    for (SWord k = n; k-- > 0;) { out = make_cons_at(hp, items[k], out); hp += 2; }
    free(items);
    return out;
}

/* raise(Class, Reason, Stacktrace): with a bad class or trace erl does not
 * raise but returns badarg. */
static Term bif_raise_3(Process *p, Term *a)
{
    uint32_t cls = a[0] == AM(error) ? EXC_ERROR : a[0] == AM(exit) ? EXC_EXIT : a[0] == AM(throw) ? EXC_THROW : 0;
    Term trace = cls ? checked_trace(p, a[2]) : THE_NON_VALUE;
    if (is_non_value(trace))
        return AM(badarg);
    bif_raise(p, cls, a[1]);
    p->fstash = trace;
    p->fkeep_trace = true;
    return THE_NON_VALUE;
}
BIF_DEF_FLAGS("erlang", "raise", 3, bif_raise_3, BIF_RAISES)

/* ------------------------------------------------------------- apply */
static Term apply_args(Process *p, Term *x, Term args, uint32_t *arity)
{
    (void)p;
    SWord n = list_length(args);
    if (n < 0 || n > MAX_X_REGS - 8) return THE_NON_VALUE;
    uint32_t i = 0;
    for (Term l = args; is_list(l); l = CDR(list_val(l)))
        x[i++] = CAR(list_val(l));
    *arity = (uint32_t)n;
    return AM(ok);
}

/* Continue in the callee: returns THE_NON_VALUE with EXC_TRAP (p->i set),
 * or the result of a BIF, or an exception. */
static Term trap_to(Process *p, const BeamInstr *target, Term *x, uint32_t arity)
{
    if (!target)
        return p->fclass == EXC_NONE ? x[0] : THE_NON_VALUE;
    p->i = target;
    p->arity = arity;
    p->fclass = EXC_TRAP;
    return THE_NON_VALUE;
}

static Term bif_apply_3(Process *p, Term *x)
{
    Term m = x[0], f = x[1], args = x[2];
    uint32_t arity;
    if (!is_atom(m) || !is_atom(f) || list_length(args) < 0) {
        emu_apply_badarg(p, m, f, args);
        return THE_NON_VALUE;
    }
    if (is_non_value(apply_args(p, x, args, &arity))) BIF_BADARG(p);
    return trap_to(p, emu_apply_target(p, m, f, x, arity), x, arity);
}
BIF_DEF_FLAGS("erlang", "apply", 3, bif_apply_3, BIF_RAISES)

static Term bif_apply_2(Process *p, Term *x)
{
    Term fun = x[0], args = x[1];
    uint32_t arity;
    if (list_length(args) < 0) {
        bif_error(p, AM(badarg));
        p->fbif = export_get(AM(erlang), AM(apply), 2);
        Term *hp = proc_alloc(p, 4);
        p->fargs = make_cons_at(hp, fun, make_cons_at(hp + 2, args, NIL));
        p->fskip_current = false;
        return THE_NON_VALUE;
    }
    if (is_non_value(apply_args(p, x, args, &arity))) BIF_BADARG(p);
    const BeamInstr *target = emu_fun_target(p, fun, x, arity);
    if (!target && p->fclass != EXC_NONE && p->fclass != EXC_TRAP && p->fclass != EXC_ONLOAD)
        p->fdup_current = true;    /* erl: the call to the fun already left the caller's frame */
    return trap_to(p, target, x, arity);
}
BIF_DEF_FLAGS("erlang", "apply", 2, bif_apply_2, BIF_RAISES)

/* --------------------------------------------------- process dictionary */
static Term dict_find(Term dict, Term key)
{
    for (Term l = dict; is_list(l); l = CDR(list_val(l))) {
        Term kv = CAR(list_val(l));
        if (tuple_elem(kv, 1) == key || term_eq_exact(tuple_elem(kv, 1), key))
            return kv;
    }
    return THE_NON_VALUE;
}

static Term dict_without(Process *p, Term dict, Term key)
{
    /* rebuild the list without key (dictionaries are small in practice) */
    Term out = NIL;
    SWord n = list_length(dict);
    Term *items = malloc(((size_t)n + 1) * sizeof(Term));
    SWord k = 0;
    for (Term l = dict; is_list(l); l = CDR(list_val(l))) {
        Term kv = CAR(list_val(l));
        if (!(tuple_elem(kv, 1) == key || term_eq_exact(tuple_elem(kv, 1), key)))
            items[k++] = kv;
    }
    Term *hp = proc_alloc(p, 2 * (size_t)k);
    for (SWord i = k; i-- > 0;) { out = make_cons_at(hp, items[i], out); hp += 2; }
    free(items);
    return out;
}

static Term bif_put(Process *p, Term *a)
{
    Term old = dict_find(p->dictionary, a[0]);
    Term prev = is_value(old) ? tuple_elem(old, 2) : AM(undefined);
    Term rest = is_value(old) ? dict_without(p, p->dictionary, a[0]) : p->dictionary;
    Term kv = bif_tuple2(p, a[0], a[1]);
    Term *hp = proc_alloc(p, 2);
    p->dictionary = make_cons_at(hp, kv, rest);
    return prev;
}
BIF_DEF("erlang", "put", 2, bif_put)

static Term bif_get_1(Process *p, Term *a)
{
    Term kv = dict_find(p->dictionary, a[0]);
    return is_value(kv) ? tuple_elem(kv, 2) : AM(undefined);
}
BIF_DEF("erlang", "get", 1, bif_get_1)

static Term bif_get_0(Process *p, Term *a) { (void)a; return p->dictionary; }
BIF_DEF("erlang", "get", 0, bif_get_0)

static Term bif_get_keys_0(Process *p, Term *a)
{
    (void)a;
    Term out = NIL;
    for (Term l = p->dictionary; is_list(l); l = CDR(list_val(l))) {
        Term *hp = proc_alloc(p, 2);
        out = make_cons_at(hp, tuple_elem(CAR(list_val(l)), 1), out);
    }
    return out;
}
BIF_DEF("erlang", "get_keys", 0, bif_get_keys_0)

static Term bif_get_keys_1(Process *p, Term *a)
{
    Term out = NIL;
    for (Term l = p->dictionary; is_list(l); l = CDR(list_val(l))) {
        Term kv = CAR(list_val(l));
        if (term_eq_exact(tuple_elem(kv, 2), a[0])) {
            Term *hp = proc_alloc(p, 2);
            out = make_cons_at(hp, tuple_elem(kv, 1), out);
        }
    }
    return out;
}
BIF_DEF("erlang", "get_keys", 1, bif_get_keys_1)

static Term bif_erase_1(Process *p, Term *a)
{
    Term kv = dict_find(p->dictionary, a[0]);
    if (is_non_value(kv)) return AM(undefined);
    p->dictionary = dict_without(p, p->dictionary, a[0]);
    return tuple_elem(kv, 2);
}
BIF_DEF("erlang", "erase", 1, bif_erase_1)

static Term bif_erase_0(Process *p, Term *a)
{
    (void)a;
    Term d = p->dictionary;
    p->dictionary = NIL;
    return d;
}
BIF_DEF("erlang", "erase", 0, bif_erase_0)

/* ------------------------------------------------------- self and refs */
static Term bif_self(Process *p, Term *a) { (void)a; return p->id; }
GUARD_BIF_DEF("erlang", "self", 0, bif_self)

static Term bif_node_0(Process *p, Term *a) { (void)p; (void)a; return AM(nonode_at_nohost); }
GUARD_BIF_DEF("erlang", "node", 0, bif_node_0)

static Term bif_node_1(Process *p, Term *a)
{
    if (is_internal_pid(a[0]) || is_internal_port(a[0]) || is_internal_ref(a[0])) return AM(nonode_at_nohost);
    if (is_external_pid(a[0]) || is_external_port(a[0]) || is_external_ref(a[0])) return boxed_val(a[0])[1];
    BIF_BADARG(p);
}
GUARD_BIF_DEF("erlang", "node", 1, bif_node_1)

static Term bif_make_ref(Process *p, Term *a) { (void)a; return ref_make(p); }
BIF_DEF("erlang", "make_ref", 0, bif_make_ref)

/* ------------------------------------------------------------- halt */
static void flush_and_exit(int status)
{
#ifdef GIRDER_OPCOUNT
    emu_opcount_report();
#endif
    fflush(stdout);
    fflush(stderr);
    _exit(status);
}

static Term halt_with(Process *p, Term status)
{
    if (is_small(status) && small_val(status) >= 0) {
        flush_and_exit((int)(small_val(status) & 0xFF));
    }
    if (status == AM(abort))
        abort();
    /* a string: printed to stderr, exit status 1 (erl also writes a crash
     * dump, which girder does not: docs/differences.md) */
    SWord n = list_length(status);
    if (n < 0) BIF_BADARG(p);
    for (Term l = status; is_list(l); l = CDR(list_val(l))) {
        Term c = CAR(list_val(l));
        if (!is_small(c)) BIF_BADARG(p);
    }
    for (Term l = status; is_list(l); l = CDR(list_val(l)))
        fputc((int)small_val(CAR(list_val(l))), stderr);
    fputc('\n', stderr);
    flush_and_exit(1);
    return AM(ok);
}

static Term bif_halt_0(Process *p, Term *a) { (void)a; return halt_with(p, make_small(0)); }
BIF_DEF("erlang", "halt", 0, bif_halt_0)
static Term bif_halt_1(Process *p, Term *a) { return halt_with(p, a[0]); }
BIF_DEF("erlang", "halt", 1, bif_halt_1)
static Term bif_halt_2(Process *p, Term *a) { return halt_with(p, a[0]); }
BIF_DEF("erlang", "halt", 2, bif_halt_2)

/* --------------------------------------------------------- code info */
static Term bif_function_exported(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2])) BIF_BADARG(p);
    Export *e = export_find(a[0], a[1], (uint32_t)small_val(a[2]));
    return e && (atomic_load(&e->addr) || e->bif) ? AM(true) : AM(false);
}
BIF_DEF("erlang", "function_exported", 3, bif_function_exported)

static Term bif_module_loaded(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    return module_find(a[0]) ? AM(true) : AM(false);
}
BIF_DEF("erlang", "module_loaded", 1, bif_module_loaded)

static Term exports_list(Process *p, Module *m)
{
    Term list = NIL;
    for (uint32_t i = m->export_count; i-- > 0;) {
        Export *e = m->exports[i];
        Term t = bif_tuple2(p, e->function, make_small(e->arity));
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, t, list);
    }
    return list;
}

static Term functions_list(Process *p, Module *m)
{
    Term list = NIL;
    for (uint32_t i = m->func_count; i-- > 0;) {
        Term t = bif_tuple2(p, m->funcs[i].name, make_small(m->funcs[i].arity));
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, t, list);
    }
    return list;
}

static Term module_info_item(Process *p, Module *m, Term item)
{
    if (item == AM(module)) return m->name;
    if (item == AM(exports)) return exports_list(p, m);
    if (item == AM(functions)) return functions_list(p, m);
    if (item == AM(attributes)) return m->attributes;
    if (item == AM(compile)) return m->compile_info;
    if (item == AM(md5)) return bin_new(p, m->md5, 16);
    if (item == AM(nifs)) return NIL;
    if (item == AM(native_addresses)) return NIL;
    return THE_NON_VALUE;
}

static Term bif_get_module_info_1(Process *p, Term *a)
{
    Module *m = is_atom(a[0]) ? module_find(a[0]) : NULL;
    if (!m) BIF_BADARG(p);
    static const char *items[] = { "module", "exports", "attributes", "compile", "md5" };
    Term vals[5];
    for (int i = 0; i < 5; i++)
        vals[i] = bif_tuple2(p, atom_from_cstr(items[i]), module_info_item(p, m, atom_from_cstr(items[i])));
    Term list = NIL;
    for (int i = 5; i-- > 0;) {
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, vals[i], list);
    }
    return list;
}
BIF_DEF("erlang", "get_module_info", 1, bif_get_module_info_1)

static Term bif_get_module_info_2(Process *p, Term *a)
{
    Module *m = is_atom(a[0]) ? module_find(a[0]) : NULL;
    if (!m) BIF_BADARG(p);
    Term r = module_info_item(p, m, a[1]);
    if (is_non_value(r)) BIF_BADARG(p);
    return r;
}
BIF_DEF("erlang", "get_module_info", 2, bif_get_module_info_2)

static Term bif_display(Process *p, Term *a);
BIF_DEF("erlang", "display", 1, bif_display)

/* erlang:display/1 prints the term in ~w form followed by a newline. */
static Term bif_display(Process *p, Term *a)
{
    char *s = term_display_string(a[0]);
    fputs(s, stdout);
    fputs("\r\n", stdout);             /* erl's display ends lines so */
    fflush(stdout);
    free(s);
    (void)p;
    return AM(true);
}

/* ---------------------------------------------------------- booleans */
static bool is_bool(Term t) { return t == AM(true) || t == AM(false); }

static Term bif_not(Process *p, Term *a)
{
    if (!is_bool(a[0])) BIF_BADARG(p);
    return a[0] == AM(true) ? AM(false) : AM(true);
}
GUARD_BIF_DEF("erlang", "not", 1, bif_not)

static Term bif_and(Process *p, Term *a)
{
    if (!is_bool(a[0]) || !is_bool(a[1])) BIF_BADARG(p);
    return a[0] == AM(true) && a[1] == AM(true) ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "and", 2, bif_and)

static Term bif_or(Process *p, Term *a)
{
    if (!is_bool(a[0]) || !is_bool(a[1])) BIF_BADARG(p);
    return a[0] == AM(true) || a[1] == AM(true) ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "or", 2, bif_or)

static Term bif_xor(Process *p, Term *a)
{
    if (!is_bool(a[0]) || !is_bool(a[1])) BIF_BADARG(p);
    return (a[0] == AM(true)) != (a[1] == AM(true)) ? AM(true) : AM(false);
}
GUARD_BIF_DEF("erlang", "xor", 2, bif_xor)

/* girder:display_string(Term): the text erlang:display/1 would print, as
 * a charlist (used by init's fatal messages, which must not depend on
 * io_lib). */
static Term bif_display_string(Process *p, Term *a)
{
    char *s = term_display_string(a[0]);
    Term l = bif_charlist(p, s);
    free(s);
    return l;
}
BIF_DEF("girder", "display_string", 1, bif_display_string)
