/* test_ets.c — unit tests of ETS internals: the AVL tree's invariants
 * under random inserts and deletes, the hash table's placement invariants
 * through growth and shrinking, and match-spec compilation and runs. */
#include "unit.h"
#include "../../src/ets/ets.h"
#include "../../src/ets/ms.h"
#include "../../src/term/atom.h"
#include "../../src/term/compare.h"
#include <stdlib.h>

static Term tup2(Process *p, Term a, Term b)
{
    Term *hp = proc_alloc(p, 3);
    hp[0] = make_arityval(2);
    hp[1] = a;
    hp[2] = b;
    return make_tuple(hp);
}

static Term list(Process *p, const Term *items, size_t n)
{
    Term l = NIL;
    while (n > 0) {
        Term *hp = proc_alloc(p, 2);
        l = make_cons_at(hp, items[--n], l);
    }
    return l;
}

/* ---- tree ---- */

static int check_avl(const EtsObj *n, Term *prev, size_t *count)
{
    if (!n)
        return 0;
    int l = check_avl(n->u.t.link[0], prev, count);
    Term k = n->mem[1];
    if (is_value(*prev))
        CHECK(term_compare(*prev, k) < 0);
    *prev = k;
    (*count)++;
    int r = check_avl(n->u.t.link[1], prev, count);
    CHECK(l - r <= 1 && r - l <= 1);
    int h = 1 + (l > r ? l : r);
    CHECK(n->u.t.height == h);
    return h;
}

static void test_tree(Process *p)
{
    EtsTable t = { .type = ETS_ORDERED_SET, .keypos = 1 };
    static bool present[2000];
    size_t live = 0;
    srand(7);
    for (int i = 0; i < 20000; i++) {
        int k = rand() % 2000;
        if (rand() % 3) {
            int r = ets_tree_put(&t, ets_obj_new(tup2(p, make_small(k), make_small(i))), false);
            CHECK(r == ETS_OK);
            if (!present[k]) { present[k] = true; live++; }
        } else {
            ets_tree_erase(&t, make_small(k));
            if (present[k]) { present[k] = false; live--; }
        }
        p->htop = p->heap;
    }
    Term prev = THE_NON_VALUE;
    size_t count = 0;
    check_avl(t.u.tree.root, &prev, &count);
    CHECK(count == live);
    CHECK(t.nitems == live);
    /* next/prev/nth agree with the reference */
    size_t idx = 0;
    for (int k = 0; k < 2000; k++) {
        CHECK((ets_tree_find(&t, make_small(k)) != NULL) == present[k]);
        if (!present[k])
            continue;
        EtsObj *o = ets_tree_nth(&t, idx++);
        CHECK(o && o->mem[1] == make_small(k));
        EtsObj *nx = ets_tree_next(&t, make_small(k), false);
        int j = k + 1;
        while (j < 2000 && !present[j]) j++;
        CHECK(j == 2000 ? nx == NULL : (nx && nx->mem[1] == make_small(j)));
    }
    /* 1.0 finds key 1 (arithmetic equality) */
    if (present[1])
        CHECK(ets_tree_find(&t, make_float_at(proc_alloc(p, 2), 1.0)) != NULL);
    CHECK(ets_tree_put(&t, ets_obj_new(tup2(p, make_small(5000), NIL)), true) == ETS_OK);
    CHECK(ets_tree_put(&t, ets_obj_new(tup2(p, make_small(5000), NIL)), true) == ETS_BADKEY);
    ets_tree_free_all(&t);
    CHECK(t.nitems == 0 && t.words == 0);
}

/* ---- hash ---- */

static void check_hash(EtsTable *t)
{
    EtsHash *h = &t->u.hash;
    size_t live = 0;
    for (uint32_t i = 0; i < h->nactive; i++)
        for (EtsObj *o = h->buckets[i]; o; o = o->u.h.next) {
            uint32_t ix = o->u.h.hvalue & h->szm;
            if (ix >= h->nactive)
                ix &= h->szm >> 1;
            CHECK(ix == i);
            CHECK(o->u.h.hvalue == ets_hash_value(o->mem[1]));
            live += !o->u.h.pseudo_deleted;
        }
    CHECK(live == t->nitems);
    CHECK(h->nactive <= h->nslots && h->nactive > h->szm >> 1 && h->nactive <= h->szm + 1);
}

static void test_hash(Process *p)
{
    EtsTable t = { .type = ETS_SET, .keypos = 1, .access = ETS_PROTECTED };
    ets_hash_init(&t);
    for (int i = 0; i < 20000; i++) {
        ets_hash_put(&t, ets_obj_new(tup2(p, make_small(i), make_small(i))), false);
        p->htop = p->heap;
    }
    CHECK(t.nitems == 20000);
    CHECK(t.u.hash.nactive >= 20000 - 5);
    check_hash(&t);
    for (int i = 0; i < 20000; i += 2)
        ets_hash_erase(&t, make_small(i));
    for (int i = 1; i < 19000; i += 2)
        ets_hash_erase(&t, make_small(i));
    check_hash(&t);
    CHECK(t.nitems == 500);
    CHECK(ets_hash_member(&t, make_small(19001)) && !ets_hash_member(&t, make_small(19000)));
    /* a fixed table keeps placeholders and does not grow */
    t.fix_count = 1;
    uint32_t nact = t.u.hash.nactive;
    ets_hash_erase(&t, make_small(19001));
    for (int i = 100000; i < 110000; i++) {
        ets_hash_put(&t, ets_obj_new(tup2(p, make_small(i), NIL)), false);
        p->htop = p->heap;
    }
    CHECK(t.u.hash.nactive == nact);
    CHECK(t.u.hash.has_pseudo);
    check_hash(&t);
    t.fix_count = 0;
    ets_hash_purge(&t);
    check_hash(&t);
    ets_hash_free_all(&t);
    CHECK(t.words == 0);
}

/* ---- match specs ---- */

static Term ms1(Process *p, Term head, Term guard, Term body)
{
    Term parts[3] = { head, guard, body };
    Term *hp = proc_alloc(p, 4);
    hp[0] = make_arityval(3);
    memcpy(hp + 1, parts, sizeof parts);
    Term cl = make_tuple(hp);
    return list(p, &cl, 1);
}

static void test_ms(Process *p)
{
    Term v1 = atom_from_cstr("$1"), v2 = atom_from_cstr("$2");
    /* [{{'$1','$2'}, [{'>', '$2', 1}], [{{'$2','$1'}}]}] */
    Term gt[3] = { atom_from_cstr(">"), v2, make_small(1) };
    Term *hp = proc_alloc(p, 4);
    hp[0] = make_arityval(3);
    memcpy(hp + 1, gt, sizeof gt);
    Term guard = list(p, (Term[]){ make_tuple(hp) }, 1);
    Term inner = tup2(p, v2, v1);
    hp = proc_alloc(p, 2);
    hp[0] = make_arityval(1);
    hp[1] = inner;
    Term body = list(p, (Term[]){ make_tuple(hp) }, 1);
    Term spec = ms1(p, tup2(p, v1, v2), guard, body);
    bool lim = false;
    EtsMs *ms = ets_ms_compile(spec, &lim);
    CHECK(ms != NULL && !lim);
    Term r = ets_ms_run(ms, p, tup2(p, AM(ok), make_small(5)));
    CHECK(is_tuple(r) && tuple_val(r)[1] == make_small(5) && tuple_val(r)[2] == AM(ok));
    CHECK(is_non_value(ets_ms_run(ms, p, tup2(p, AM(ok), make_small(1)))));
    CHECK(is_non_value(ets_ms_run(ms, p, AM(ok))));
    ets_ms_free(ms);
    /* an unbound variable in the body is an error, reported by lint */
    Term bad = ms1(p, v1, NIL, list(p, (Term[]){ v2 }, 1));
    CHECK(ets_ms_compile(bad, NULL) == NULL);
    bool failed = false;
    Term errs = ets_ms_lint(p, bad, &failed);
    CHECK(failed && is_list(errs) && CDR(list_val(errs)) == NIL);
    /* '$$' lists the bindings in variable order */
    Term v10 = atom_from_cstr("$10");
    Term all = ms1(p, tup2(p, v10, v2), NIL, list(p, (Term[]){ atom_from_cstr("$$") }, 1));
    ms = ets_ms_compile(all, NULL);
    r = ets_ms_run(ms, p, tup2(p, AM(true), AM(false)));
    CHECK(is_list(r) && CAR(list_val(r)) == AM(false));
    ets_ms_free(ms);
    CHECK(ets_is_variable(v10) && !ets_is_variable(atom_from_cstr("$01")) &&
          ets_is_variable(atom_from_cstr("$0")) && !ets_is_variable(atom_from_cstr("$")));
}

int main(void)
{
    atom_init();
    bif_init();
    Process *p = proc_alloc_bare(100000);
    test_tree(p);
    test_hash(p);
    p->htop = p->heap;
    test_ms(p);
    proc_free_heap_frags(p);
    ets_ms_scratch_reset(ets_ms_scratch());
    proc_free_bare(ets_ms_scratch());
    proc_free_bare(p);
    return UNIT_DONE();
}
