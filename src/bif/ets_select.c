/* ets_select.c — the ets BIFs that run match specifications: select,
 * select_reverse, match, match_object (with chunks and continuations),
 * select_count, select_delete, select_replace, match_spec_compile,
 * match_spec_run_r, is_compiled_ms, and erlang:match_spec_test/3 (the
 * table dialect; the trace dialect is not supported). */
#include "bif.h"
#include "../ets/ets.h"

static EtsTable *get_table(Process *p, Term id, bool write)
{
    EtsTable *t = ets_table_get(id, write);
    if (!t)
        return NULL;
    if (write ? !ets_may_write(t, p) : !ets_may_read(t, p)) {
        ets_table_put(t, write);
        return NULL;
    }
    return t;
}

/* ERTS's ITER_SAFE: an ordered_set, or a table only its owner (the
 * caller) may write. */
static bool iter_safe(const EtsTable *t, const Process *p)
{
    return !ets_is_hash(t) || (t->access != ETS_PUBLIC && t->owner == p->id);
}

/* One reduction per object examined, as erl (which then yields). */
static void charge(Process *p, long visited)
{
    if (visited > p->fcalls)
        visited = p->fcalls > 0 ? p->fcalls : 0;
    p->fcalls -= (int32_t)visited;
}

static Term do_select(Process *p, Term tab, Term ms, long chunk, bool reverse, int mode)
{
    bool write = mode == ETS_SEL_DELETE || mode == ETS_SEL_REPLACE;
    EtsTable *t = get_table(p, tab, write);
    if (!t)
        BIF_BADARG(p);
    if (mode == ETS_SEL_REPLACE && t->type == ETS_BAG) {
        ets_table_put(t, write);
        BIF_BADARG(p);
    }
    EtsMs *m = (is_list(ms) || ms == NIL) ? ets_ms_resolve(ms) : NULL;
    if (!m) {
        ets_table_put(t, write);
        BIF_BADARG(p);
    }
    EtsSelect s = { .p = p, .t = t, .tid = tab, .ms_term = ms, .ms = m, .mode = mode,
                    .chunk = chunk, .reverse = reverse, .safe = iter_safe(t, p) };
    Term r = ets_is_hash(t) ? ets_hash_select(&s) : ets_tree_select(&s);
    ets_table_put(t, write);
    charge(p, s.visited);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}

static bool chunk_size(Term c, long *out)
{
    if (!is_small(c) || small_val(c) <= 0)
        return false;
    *out = small_val(c);
    return true;
}

/* [{Pattern, [], [Body]}] for match (Body '$$') and match_object ('$_'). */
static Term pattern_ms(Process *p, Term pattern, Term body)
{
    Term *hp = proc_alloc(p, 2 + 4 + 2);
    Term b = make_cons_at(hp, body, NIL);
    hp[2] = make_arityval(3);
    hp[3] = pattern;
    hp[4] = NIL;
    hp[5] = b;
    return make_cons_at(hp + 6, make_tuple(hp + 2), NIL);
}

/* select/1, select_reverse/1, match/1, match_object/1. */
static Term do_continue(Process *p, Term cont)
{
    if (!is_tuple(cont)) {
        if (cont == AM(end_of_table))
            return cont;
        BIF_BADARG(p);
    }
    if (tuple_arity(cont) < 1)
        BIF_BADARG(p);
    EtsTable *t = get_table(p, tuple_val(cont)[1], false);
    if (!t)
        BIF_BADARG(p);
    EtsSelect s = { .p = p, .t = t, .mode = ETS_SEL_LIST, .safe = iter_safe(t, p) };
    Term r = ets_is_hash(t) ? ets_hash_select_continue(&s, cont) : ets_tree_select_continue(&s, cont);
    ets_table_put(t, false);
    charge(p, s.visited);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}

static Term bif_select_1(Process *p, Term *a) { return do_continue(p, a[0]); }
BIF_DEF("ets", "select", 1, bif_select_1)
BIF_DEF("ets", "select_reverse", 1, bif_select_1)
BIF_DEF("ets", "match", 1, bif_select_1)
BIF_DEF("ets", "match_object", 1, bif_select_1)

static Term bif_select_2(Process *p, Term *a)
{
    return do_select(p, a[0], a[1], 0, false, ETS_SEL_LIST);
}
BIF_DEF("ets", "select", 2, bif_select_2)

static Term bif_select_reverse_2(Process *p, Term *a)
{
    return do_select(p, a[0], a[1], 0, true, ETS_SEL_LIST);
}
BIF_DEF("ets", "select_reverse", 2, bif_select_reverse_2)

static Term select_chunked(Process *p, Term tab, Term ms, Term chunk, bool reverse)
{
    long n;
    EtsTable *t = get_table(p, tab, false);
    if (!t)
        BIF_BADARG(p);
    ets_table_put(t, false);
    if (!chunk_size(chunk, &n))
        BIF_BADARG(p);
    return do_select(p, tab, ms, n, reverse, ETS_SEL_LIST);
}

static Term bif_select_3(Process *p, Term *a) { return select_chunked(p, a[0], a[1], a[2], false); }
BIF_DEF("ets", "select", 3, bif_select_3)

static Term bif_select_reverse_3(Process *p, Term *a) { return select_chunked(p, a[0], a[1], a[2], true); }
BIF_DEF("ets", "select_reverse", 3, bif_select_reverse_3)

static Term bif_match_2(Process *p, Term *a)
{
    return do_select(p, a[0], pattern_ms(p, a[1], AM(ms_bindings)), 0, false, ETS_SEL_LIST);
}
BIF_DEF("ets", "match", 2, bif_match_2)

static Term bif_match_3(Process *p, Term *a)
{
    return select_chunked(p, a[0], pattern_ms(p, a[1], AM(ms_bindings)), a[2], false);
}
BIF_DEF("ets", "match", 3, bif_match_3)

static Term bif_match_object_2(Process *p, Term *a)
{
    return do_select(p, a[0], pattern_ms(p, a[1], AM(ms_object)), 0, false, ETS_SEL_LIST);
}
BIF_DEF("ets", "match_object", 2, bif_match_object_2)

static Term bif_match_object_3(Process *p, Term *a)
{
    return select_chunked(p, a[0], pattern_ms(p, a[1], AM(ms_object)), a[2], false);
}
BIF_DEF("ets", "match_object", 3, bif_match_object_3)

static Term bif_select_count_2(Process *p, Term *a)
{
    return do_select(p, a[0], a[1], 0, false, ETS_SEL_COUNT);
}
BIF_DEF("ets", "select_count", 2, bif_select_count_2)

static Term bif_internal_select_delete_2(Process *p, Term *a)
{
    return do_select(p, a[0], a[1], 0, false, ETS_SEL_DELETE);
}
BIF_DEF("ets", "internal_select_delete", 2, bif_internal_select_delete_2)

static Term bif_select_replace_2(Process *p, Term *a)
{
    return do_select(p, a[0], a[1], 0, false, ETS_SEL_REPLACE);
}
BIF_DEF("ets", "select_replace", 2, bif_select_replace_2)

/* ---- compiled match specs ---- */

static Term bif_match_spec_compile_1(Process *p, Term *a)
{
    bool sys_limit = false;
    Term r = ets_ms_compile_ref(p, a[0], &sys_limit);
    if (is_non_value(r))
        return bif_error(p, sys_limit ? AM(system_limit) : AM(badarg));
    return r;
}
BIF_DEF("ets", "match_spec_compile", 1, bif_match_spec_compile_1)

static Term bif_is_compiled_ms_1(Process *p, Term *a)
{
    (void)p;
    return ets_ms_from_ref(a[0]) ? AM(true) : AM(false);
}
BIF_DEF("ets", "is_compiled_ms", 1, bif_is_compiled_ms_1)

static Term bif_match_spec_run_r_3(Process *p, Term *a)
{
    if (!(is_list(a[0]) || a[0] == NIL))
        BIF_BADARG(p);
    EtsMs *ms = ets_ms_from_ref(a[1]);
    if (!ms)
        BIF_BADARG(p);
    Term acc = a[2], l;
    for (l = a[0]; is_list(l); l = CDR(list_val(l))) {
        Term r = ets_ms_run(ms, p, CAR(list_val(l)));
        if (is_value(r)) {
            Term *hp = proc_alloc(p, 2);
            acc = make_cons_at(hp, r, acc);
        }
    }
    if (l != NIL)
        BIF_BADARG(p);
    return acc;
}
BIF_DEF("ets", "match_spec_run_r", 3, bif_match_spec_run_r_3)

static Term bif_match_spec_test_3(Process *p, Term *a)
{
    if (a[2] == AM(trace))
        return bif_error(p, AM(notsup));
    if (a[2] != AM(table))
        BIF_BADARG(p);
    bool failed;
    Term lint = ets_ms_lint(p, a[1], &failed);
    if (failed)
        return bif_tuple2(p, AM(error), lint);
    EtsMs *ms = ets_ms_compile(a[1], NULL);
    if (!ms)
        return bif_tuple2(p, AM(error), lint);
    Term r = ets_ms_run(ms, p, a[0]);
    ets_ms_free(ms);
    if (is_non_value(r))
        r = AM(false);
    Term *hp = proc_alloc(p, 5);
    hp[0] = make_arityval(4);
    hp[1] = AM(ok);
    hp[2] = r;
    hp[3] = NIL;
    hp[4] = lint;
    return make_tuple(hp);
}
BIF_DEF("erlang", "match_spec_test", 3, bif_match_spec_test_3)
