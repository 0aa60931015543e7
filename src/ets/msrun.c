/* msrun.c — running compiled match specifications (ms.h), the per-thread
 * scratch heap results are built on, compiled specs as refs
 * (ets:match_spec_compile/1), and a per-thread cache of compiled specs for
 * select calls and continuations.
 * Semantics follow ERTS's db_prog_match: a failing guard (false, a
 * non-boolean, or a function that raises) moves on to the next clause; in
 * a body a raising function or a non-boolean and/or yields 'EXIT'. */
#include "ms.h"
#include "../proc/copy.h"
#include "../term/atom.h"
#include "../term/hash.h"
#include "../term/map.h"
#include "../term/ref.h"
#include "../term/compare.h"
#include "../term/binary.h"
#include <stdlib.h>
#include <stdio.h>
#include <stdatomic.h>

/* ---- scratch ---- */

static __thread Process *scratch;

Process *ets_ms_scratch(void)
{
    if (!scratch)
        scratch = proc_alloc_bare(2048);
    return scratch;
}

void ets_ms_scratch_reset(Process *s)
{
    proc_free_heap_frags(s);
    s->htop = s->heap;
    bin_offheap_release_list(s->off_heap);
    s->off_heap = NULL;
    s->fclass = EXC_NONE;
}

/* ---- the interpreter ---- */

#define SMALL_STACK 256

/* and/or over n values: THE_NON_VALUE if one is not a boolean. */
static Term bool_op(bool is_and, const Term *v, UWord n)
{
    bool any = false;
    for (UWord i = 0; i < n; i++) {
        if (v[i] != AM(true) && v[i] != AM(false))
            return THE_NON_VALUE;
        if (v[i] == (is_and ? AM(false) : AM(true)))
            any = true;
    }
    return (is_and ? !any : any) ? AM(true) : AM(false);
}

/* A map from key/value pairs k1 v1 k2 v2 ... (a later key wins). */
static Term build_map(Process *s, const Term *kv, UWord n)
{
    Term ks[n ? n : 1], vs[n ? n : 1];
    for (UWord i = 0; i < n; i++) {
        ks[i] = kv[2 * i];
        vs[i] = kv[2 * i + 1];
    }
    return map_new_from_kvs(s, ks, vs, n);
}

/* '$$': the bound variables slots[0..n) as a list. */
static Term bindings(Process *s, const Term *vars, const UWord *slots, UWord n)
{
    Term l = NIL;
    for (UWord i = n; i-- > 0;) {
        Term *hp = proc_alloc(s, 2);
        l = make_cons_at(hp, vars[slots[i]], l);
    }
    return l;
}

/* A map pattern: t must hold every key; push the values (the first key's
 * value on top). */
static bool match_map(Term t, const UWord *keys, UWord n, Term *mst, size_t *msp)
{
    if (!is_map(t) || map_size(t) < n)
        return false;
    for (UWord i = n; i-- > 0;) {
        Term v = map_get(t, keys[i]);
        if (is_non_value(v))
            return false;
        mst[(*msp)++] = v;
    }
    return true;
}

/* Match a clause's head (its M_* ops, from *pcp) against obj, binding
 * vars; *pcp is left at the first op after the head. */
static bool match_head(const UWord **pcp, Term obj, Term *vars, Term *mst)
{
    const UWord *pc = *pcp;
    size_t msp = 0;
    Term t;
    UWord n;
    mst[msp++] = obj;
    for (;;) {
        switch (*pc++) {
        case M_TUPLE:
            n = *pc++;
            t = mst[--msp];
            if (!is_tuple(t) || tuple_arity(t) != n)
                return false;
            for (UWord i = n; i >= 1; i--)
                mst[msp++] = tuple_val(t)[i];
            break;
        case M_CONS:
            t = mst[--msp];
            if (!is_list(t))
                return false;
            mst[msp++] = CDR(list_val(t));
            mst[msp++] = CAR(list_val(t));
            break;
        case M_MAP:
            n = *pc++;
            if (!match_map(mst[--msp], pc, n, mst, &msp))
                return false;
            pc += n;
            break;
        case M_BIND:
            vars[*pc++] = mst[--msp];
            break;
        case M_CMP:
            t = mst[--msp];
            if (!term_eq_exact(vars[*pc++], t))
                return false;
            break;
        case M_EQ:
            if (mst[--msp] != *pc++)
                return false;
            break;
        case M_EQ_FLOAT: {
            t = mst[--msp];
            UWord bits = *pc++;
            if (!is_float(t) || memcmp(boxed_val(t) + 1, &bits, 8) != 0)
                return false;
            break;
        }
        case M_EQ_TERM:
            if (!term_eq_exact(*pc++, mst[--msp]))
                return false;
            break;
        case M_SKIP:
            msp--;
            break;
        default:
            *pcp = pc - 1;
            return true;
        }
    }
}

static Term run(const EtsMs *ms, Process *caller, Process *s, Term obj,
                Term *vars, Term *mst, Term *est)
{
    const UWord *code = ms->code, *pc = code;
    UWord fail_label = 0;
    size_t esp = 0;
    bool catching = false;
    Term ret = AM(true), t;
    UWord n;
    for (;;) {
        switch (*pc++) {
        case MS_TRY:
            fail_label = *pc++;
            esp = 0;
            catching = false;
            if (!match_head(&pc, obj, vars, mst))
                goto fail;
            break;
        case MS_FAIL:
            return THE_NON_VALUE;
        case E_PUSHC:
            est[esp++] = *pc++;
            break;
        case E_PUSHV:
            est[esp++] = vars[*pc++];
            break;
        case E_OBJ:
            est[esp++] = obj;
            break;
        case E_BINDINGS:
            n = *pc++;
            est[esp++] = bindings(s, vars, pc, n);
            pc += n;
            break;
        case E_CONS: {
            Term *hp = proc_alloc(s, 2);
            esp--;
            est[esp - 1] = make_cons_at(hp, est[esp - 1], est[esp]);
            break;
        }
        case E_TUPLE: {
            n = *pc++;
            Term *hp = proc_alloc(s, n + 1);
            hp[0] = make_arityval(n);
            esp -= n;
            memcpy(hp + 1, est + esp, n * sizeof(Term));
            est[esp++] = make_tuple(hp);
            break;
        }
        case E_MAP:
            n = *pc++;
            esp -= 2 * n;
            est[esp] = build_map(s, est + esp, n);
            esp++;
            break;
        case E_CALL: {
            BifFn fn = (BifFn)pc[0];
            n = pc[1];
            pc += 2;
            esp -= n;
            t = fn(s, est + esp);
            if (is_non_value(t)) {
                s->fclass = EXC_NONE;
                if (!catching)
                    goto fail;
                t = AM(EXIT);
            }
            est[esp++] = t;
            break;
        }
        case E_AND:
        case E_OR:
            n = *pc++;
            esp -= n;
            t = bool_op(pc[-2] == E_AND, est + esp, n);
            if (is_non_value(t)) {
                if (!catching)
                    goto fail;
                t = AM(EXIT);
            }
            est[esp++] = t;
            break;
        case E_ANDALSO:
        case E_ORELSE: {
            Term stop = pc[-1] == E_ANDALSO ? AM(false) : AM(true);
            Term go = pc[-1] == E_ANDALSO ? AM(true) : AM(false);
            n = *pc++;
            t = est[--esp];
            if (t == stop) {
                est[esp++] = t;
                pc += n;
            } else if (t != go) {
                if (!catching)
                    goto fail;
                est[esp++] = AM(EXIT);
                pc += n;
            }
            break;
        }
        case E_JUMP:
            n = *pc++;
            pc += n;
            break;
        case E_SELF:
            est[esp++] = caller->id;
            break;
        case E_TRUE:
            if (est[--esp] != AM(true))
                goto fail;
            break;
        case E_CATCH:
            catching = true;
            break;
        case E_WASTE:
            esp--;
            break;
        case E_RETURN:
            ret = est[--esp];
            break;
        case E_HALT:
            return ret;
        default:
            fprintf(stderr, "girder: bad match program opcode\n");
            abort();
        }
        continue;
    fail:
        pc = code + fail_label;
    }
}

static Term run_tmp(EtsMs *ms, Process *p, Term obj, Process *s)
{
    ets_ms_scratch_reset(s);
    Term vb[SMALL_STACK], mb[SMALL_STACK], eb[SMALL_STACK];
    Term *vars = ms->nvars <= SMALL_STACK ? vb : malloc(ms->nvars * sizeof(Term));
    Term *mst = ms->mstack <= SMALL_STACK ? mb : malloc(ms->mstack * sizeof(Term));
    Term *est = ms->estack <= SMALL_STACK ? eb : malloc(ms->estack * sizeof(Term));
    Term r = run(ms, p, s, obj, vars, mst, est);
    if (vars != vb) free(vars);
    if (mst != mb) free(mst);
    if (est != eb) free(est);
    return r;
}

Term ets_ms_run_tmp(EtsMs *ms, Process *p, Term obj)
{
    return run_tmp(ms, p, obj, ets_ms_scratch());
}

Term ets_ms_run(EtsMs *ms, Process *p, Term obj)
{
    Process *s = ets_ms_scratch();
    Term r = run_tmp(ms, p, obj, s);
    if (is_value(r))
        r = ets_copy_out(p, r);
    return r;
}

/* ---- compiled specs as refs ----
 * match_spec_compile/1 returns a ref naming an entry of a global table of
 * compiled programs; specs are shared by equal source terms, and entries
 * live as long as the VM (a ref cannot tell when it dies). */

#define MS_MARK 0xE7600000u
#define MS_MARK_MASK 0xFFF00000u

typedef struct {
    Term src;                   /* copy of the source spec */
    Term *mem;
    OffHeapHeader *off_heap;
    uint32_t hash;
    EtsMs *ms;
} MsEntry;

static pthread_mutex_t reg_mtx = PTHREAD_MUTEX_INITIALIZER;
static MsEntry *reg;
static size_t reg_n, reg_cap;
static _Atomic uint32_t ref_counter;

static void entry_fill(MsEntry *e, Term src, uint32_t h, EtsMs *ms)
{
    size_t w = copy_size(src);
    e->mem = malloc((w + 1) * sizeof(Term));
    e->off_heap = NULL;
    e->src = copy_term(src, e->mem, &e->off_heap);
    e->hash = h;
    e->ms = ms;
}

static void entry_free(MsEntry *e)
{
    ets_ms_free(e->ms);
    bin_offheap_release_list(e->off_heap);
    free(e->mem);
    e->ms = NULL;
}

Term ets_ms_compile_ref(Process *p, Term src, bool *sys_limit)
{
    uint32_t h = hash_make_hash2(src);
    size_t idx;
    pthread_mutex_lock(&reg_mtx);
    for (idx = 0; idx < reg_n; idx++)
        if (reg[idx].hash == h && term_eq_exact(reg[idx].src, src))
            break;
    if (idx == reg_n) {
        pthread_mutex_unlock(&reg_mtx);
        EtsMs *ms = ets_ms_compile_opt(src, false, sys_limit);
        if (!ms)
            return THE_NON_VALUE;
        pthread_mutex_lock(&reg_mtx);
        if (reg_n == reg_cap) {
            reg_cap = reg_cap ? 2 * reg_cap : 16;
            reg = realloc(reg, reg_cap * sizeof(MsEntry));
        }
        idx = reg_n++;
        entry_fill(&reg[idx], src, h, ms);
    }
    pthread_mutex_unlock(&reg_mtx);
    uint32_t k = atomic_fetch_add(&ref_counter, 1);
    Term *hp = proc_alloc(p, REF_WORDS);
    hp[0] = REF_HEADER;
    hp[1] = (idx & 0x3FFFF) | ((UWord)k << 32);
    hp[2] = MS_MARK | ((idx >> 18) & 0xFFFFF);
    return make_boxed(hp);
}

EtsMs *ets_ms_from_ref(Term ref)
{
    if (!is_internal_ref(ref) || header_arity(boxed_header(ref)) != REF_WORDS - 1)
        return NULL;
    Term *r = boxed_val(ref);
    if ((r[2] & MS_MARK_MASK) != MS_MARK)
        return NULL;
    size_t idx = (r[1] & 0x3FFFF) | ((size_t)(r[2] & 0xFFFFF) << 18);
    pthread_mutex_lock(&reg_mtx);
    EtsMs *ms = idx < reg_n ? reg[idx].ms : NULL;
    pthread_mutex_unlock(&reg_mtx);
    return ms;
}

/* ---- the per-thread cache for select ---- */

#define CACHE_SIZE 16
static __thread MsEntry cache[CACHE_SIZE];
static __thread uint64_t cache_use[CACHE_SIZE];
static __thread uint64_t cache_clock;

EtsMs *ets_ms_resolve(Term src)
{
    EtsMs *ms = ets_ms_from_ref(src);
    if (ms)
        return ms;
    uint32_t h = hash_make_hash2(src);
    size_t victim = 0;
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        if (cache[i].ms && cache[i].hash == h && term_eq_exact(cache[i].src, src)) {
            cache_use[i] = ++cache_clock;
            return cache[i].ms;
        }
        if (cache_use[i] < cache_use[victim])
            victim = i;
    }
    ms = ets_ms_compile_opt(src, true, NULL);
    if (!ms)
        return NULL;
    if (cache[victim].ms)
        entry_free(&cache[victim]);
    entry_fill(&cache[victim], src, h, ms);
    cache_use[victim] = ++cache_clock;
    return ms;
}
