/* matchspec.c — compiling match specifications (the table dialect of
 * ERTS's erl_db_util.c): validation with erl's exact error texts (for
 * erlang:match_spec_test/3 and ets:test_ms/2), and translation into the
 * program format of ms.h. The checks follow ERTS's compiler rule by rule:
 * which expressions are constants, which tuples are calls, which special
 * forms and functions exist, when a lint run keeps going after an error
 * and when it stops. */
#include "ms.h"
#include "../proc/copy.h"
#include "../term/atom.h"
#include "../term/map.h"
#include "../term/print.h"
#include "../term/binary.h"
#include "../term/compare.h"
#include "../emu/emu_support.h"
#include <stdlib.h>
#include <stdio.h>
#include <stdarg.h>

#define MAX_NESTING 10000        /* deeper guard/body terms: system_limit */

/* ---- guard functions ---- */

static Term t_bool(bool b) { return b ? AM(true) : AM(false); }
static Term f_is_atom(Process *p, Term *a) { (void)p; return t_bool(is_atom(a[0])); }
static Term f_is_float(Process *p, Term *a) { (void)p; return t_bool(is_float(a[0])); }
static Term f_is_integer(Process *p, Term *a) { (void)p; return t_bool(is_integer(a[0])); }
static Term f_is_list(Process *p, Term *a) { (void)p; return t_bool(is_list(a[0]) || is_nil(a[0])); }
static Term f_is_number(Process *p, Term *a) { (void)p; return t_bool(is_number(a[0])); }
static Term f_is_pid(Process *p, Term *a) { (void)p; return t_bool(is_pid(a[0])); }
static Term f_is_port(Process *p, Term *a) { (void)p; return t_bool(is_port(a[0])); }
static Term f_is_reference(Process *p, Term *a) { (void)p; return t_bool(is_ref(a[0])); }
static Term f_is_tuple(Process *p, Term *a) { (void)p; return t_bool(is_tuple(a[0])); }
static Term f_is_map(Process *p, Term *a) { (void)p; return t_bool(is_map(a[0])); }
static Term f_is_binary(Process *p, Term *a) { (void)p; return t_bool(emu_is_binary(a[0])); }
static Term f_is_function(Process *p, Term *a) { (void)p; return t_bool(is_any_fun(a[0])); }

typedef struct {
    const char *name;
    uint32_t arity;
    BifFn local;          /* implemented here, or NULL: erlang:name/arity */
    bool trace_only;      /* get_tcw/set_tcw: not in the table dialect */
    Term atom;
    BifFn fn;
} GuardFn;

static GuardFn guard_fns[] = {
    { "is_atom", 1, f_is_atom, false, 0, 0 }, { "is_float", 1, f_is_float, false, 0, 0 },
    { "is_integer", 1, f_is_integer, false, 0, 0 }, { "is_list", 1, f_is_list, false, 0, 0 },
    { "is_number", 1, f_is_number, false, 0, 0 }, { "is_pid", 1, f_is_pid, false, 0, 0 },
    { "is_port", 1, f_is_port, false, 0, 0 }, { "is_reference", 1, f_is_reference, false, 0, 0 },
    { "is_tuple", 1, f_is_tuple, false, 0, 0 }, { "is_map", 1, f_is_map, false, 0, 0 },
    { "is_binary", 1, f_is_binary, false, 0, 0 }, { "is_function", 1, f_is_function, false, 0, 0 },
    { "is_record", 3, NULL, false, 0, 0 }, { "abs", 1, NULL, false, 0, 0 },
    { "element", 2, NULL, false, 0, 0 }, { "hd", 1, NULL, false, 0, 0 },
    { "length", 1, NULL, false, 0, 0 }, { "node", 1, NULL, false, 0, 0 },
    { "node", 0, NULL, false, 0, 0 }, { "round", 1, NULL, false, 0, 0 },
    { "size", 1, NULL, false, 0, 0 }, { "map_size", 1, NULL, false, 0, 0 },
    { "map_get", 2, NULL, false, 0, 0 }, { "is_map_key", 2, NULL, false, 0, 0 },
    { "bit_size", 1, NULL, false, 0, 0 }, { "byte_size", 1, NULL, false, 0, 0 },
    { "binary_part", 2, NULL, false, 0, 0 }, { "binary_part", 3, NULL, false, 0, 0 },
    { "tl", 1, NULL, false, 0, 0 }, { "trunc", 1, NULL, false, 0, 0 },
    { "float", 1, NULL, false, 0, 0 }, { "+", 1, NULL, false, 0, 0 },
    { "-", 1, NULL, false, 0, 0 }, { "+", 2, NULL, false, 0, 0 },
    { "-", 2, NULL, false, 0, 0 }, { "*", 2, NULL, false, 0, 0 },
    { "/", 2, NULL, false, 0, 0 }, { "div", 2, NULL, false, 0, 0 },
    { "rem", 2, NULL, false, 0, 0 }, { "band", 2, NULL, false, 0, 0 },
    { "bor", 2, NULL, false, 0, 0 }, { "bxor", 2, NULL, false, 0, 0 },
    { "bnot", 1, NULL, false, 0, 0 }, { "bsl", 2, NULL, false, 0, 0 },
    { "bsr", 2, NULL, false, 0, 0 }, { ">", 2, NULL, false, 0, 0 },
    { ">=", 2, NULL, false, 0, 0 }, { "<", 2, NULL, false, 0, 0 },
    { "=<", 2, NULL, false, 0, 0 }, { "=:=", 2, NULL, false, 0, 0 },
    { "==", 2, NULL, false, 0, 0 }, { "=/=", 2, NULL, false, 0, 0 },
    { "/=", 2, NULL, false, 0, 0 }, { "not", 1, NULL, false, 0, 0 },
    { "xor", 2, NULL, false, 0, 0 },
    { "get_tcw", 0, NULL, true, 0, 0 }, { "set_tcw", 1, NULL, true, 0, 0 },
};
#define NGUARD (sizeof guard_fns / sizeof guard_fns[0])

static pthread_once_t guard_once = PTHREAD_ONCE_INIT;

static void guard_init(void)
{
    Term erlang = atom_from_cstr("erlang");
    for (size_t i = 0; i < NGUARD; i++) {
        GuardFn *g = &guard_fns[i];
        g->atom = atom_from_cstr(g->name);
        if (g->local) {
            g->fn = g->local;
        } else if (!g->trace_only) {
            const BifDef *d = bif_lookup(erlang, g->atom, g->arity);
            g->fn = d ? d->fn : NULL;
        }
    }
}

static const GuardFn *guard_lookup(Term name, uint32_t arity)
{
    pthread_once(&guard_once, guard_init);
    for (size_t i = 0; i < NGUARD; i++)
        if (guard_fns[i].atom == name && guard_fns[i].arity == arity)
            return &guard_fns[i];
    return NULL;
}

/* ---- variables ---- */

/* ERTS's db_is_variable: '$0' or '$' followed by digits without a leading
 * zero, as a C int (a number that overflows to a negative is no
 * variable). -1 if t is not a variable. */
static long var_number(Term t)
{
    if (!is_atom(t))
        return -1;
    const Atom *a = atom_get(t);
    const uint8_t *b = a->text;
    size_t n = a->len;
    if (n < 2 || b[0] != '$')
        return -1;
    if (b[1] == '0')
        return n == 2 ? 0 : -1;
    uint32_t v = 0;
    for (size_t i = 1; i < n; i++) {
        if (b[i] < '0' || b[i] > '9')
            return -1;
        v = v * 10 + (uint32_t)(b[i] - '0');
    }
    return (int32_t)v < 0 ? -1 : (long)(int32_t)v;
}

bool ets_is_variable(Term t) { return var_number(t) >= 0; }

static Term am_underscore(void) { return AM(ms_underscore); }

/* Contains a variable or '_' (ERTS's db_has_variable); iterative. */
bool ets_has_variable(Term t)
{
    Term us = am_underscore();
    size_t n = 0, cap = 32;
    Term *st = malloc(cap * sizeof(Term));
    st[n++] = t;
    bool found = false;
    while (n && !found) {
        t = st[--n];
        for (;;) {
            if (is_list(t)) {
                if (n + 1 >= cap)
                    st = realloc(st, (cap *= 2) * sizeof(Term));
                st[n++] = CAR(list_val(t));
                t = CDR(list_val(t));
                continue;
            }
            if (is_tuple(t) || is_map(t)) {
                /* every word after the header of a map is a term too */
                size_t ar = header_arity(boxed_header(t));
                if (n + ar >= cap)
                    st = realloc(st, (cap = cap * 2 + ar) * sizeof(Term));
                Term *e = boxed_val(t);
                for (size_t i = 1; i <= ar; i++)
                    if (!is_small(e[i]))
                        st[n++] = e[i];
            } else if (is_atom(t) && (t == us || var_number(t) >= 0)) {
                found = true;
            }
            break;
        }
    }
    free(st);
    return found;
}

bool ets_has_map(Term t)
{
    size_t n = 0, cap = 32;
    Term *st = malloc(cap * sizeof(Term));
    st[n++] = t;
    bool found = false;
    while (n && !found) {
        t = st[--n];
        while (is_list(t)) {
            if (n + 1 >= cap)
                st = realloc(st, (cap *= 2) * sizeof(Term));
            st[n++] = CAR(list_val(t));
            t = CDR(list_val(t));
        }
        if (is_map(t)) {
            found = true;
        } else if (is_tuple(t)) {
            size_t ar = tuple_arity(t);
            if (n + ar >= cap)
                st = realloc(st, (cap = cap * 2 + ar) * sizeof(Term));
            for (size_t i = 1; i <= ar; i++)
                st[n++] = tuple_val(t)[i];
        }
    }
    free(st);
    return found;
}

/* ---- the compiler state ---- */

typedef struct {
    EtsMs *ms;
    size_t cap;
    long *vars;               /* distinct head variable numbers, sorted */
    size_t nvars;
    bool *bound;              /* per slot, in the current clause */
    bool in_guard;
    int depth;
    long cur, max;            /* evaluation stack depth */
    /* errors */
    bool lint;
    bool failed;              /* an error (compile: stop; lint: recorded) */
    bool sys_limit;
    char **msgs;
    size_t nmsgs;
} Comp;

static void emit(Comp *c, UWord w)
{
    EtsMs *ms = c->ms;
    if (ms->ncode == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        ms->code = realloc(ms->code, c->cap * sizeof(UWord));
    }
    ms->code[ms->ncode++] = w;
}

static void stack_adj(Comp *c, long d)
{
    c->cur += d;
    if (c->cur > c->max)
        c->max = c->cur;
}

/* Record an error (lint) — the caller then treats the expression as
 * non-constant and goes on, as ERTS does. */
static void error(Comp *c, const char *fmt, ...)
{
    c->failed = true;
    if (!c->lint)
        return;
    char buf[100];                 /* ERTS's DMC_ERR_STR_LEN: longer texts are cut */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    c->msgs = realloc(c->msgs, (c->nmsgs + 1) * sizeof(char *));
    c->msgs[c->nmsgs++] = strdup(buf);
}

/* An error message with a term printed as ERTS's %T does. */
static void term_error(Comp *c, const char *before, Term t, const char *after)
{
    if (!c->lint) {
        c->failed = true;
        return;
    }
    char *s = term_display_string(t);
    char msg[100];
    snprintf(msg, sizeof msg, "%s%s%s", before, s, after);
    error(c, "%s", msg);
    free(s);
}

/* Copy a term into the program's constant blocks. */
static Term keep(Comp *c, Term t)
{
    if (is_immed(t))
        return t;
    size_t w = copy_size(t);
    MsBlock *b = malloc(sizeof(MsBlock) + w * sizeof(Term));
    b->words = w;
    b->next = c->ms->blocks;
    c->ms->blocks = b;
    return copy_term(t, b->mem, &c->ms->off_heap);
}

static long slot_of(Comp *c, long num)
{
    size_t lo = 0, hi = c->nvars;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->vars[mid] < num)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < c->nvars && c->vars[lo] == num) ? (long)lo : -1;
}

/* ---- heads ---- */

static void collect_vars(Comp *c, Term head)
{
    size_t n = 0, cap = 32;
    Term *st = malloc(cap * sizeof(Term));
    st[n++] = head;
    while (n) {
        Term t = st[--n];
        while (is_list(t)) {
            if (n + 1 >= cap)
                st = realloc(st, (cap *= 2) * sizeof(Term));
            st[n++] = CAR(list_val(t));
            t = CDR(list_val(t));
        }
        if (is_tuple(t) || is_map(t)) {
            size_t ar = header_arity(boxed_header(t));
            if (n + ar >= cap)
                st = realloc(st, (cap = cap * 2 + ar) * sizeof(Term));
            for (size_t i = 1; i <= ar; i++)
                if (!is_small(boxed_val(t)[i]))
                    st[n++] = boxed_val(t)[i];
        } else {
            long v = var_number(t);
            if (v >= 0 && slot_of(c, v) < 0) {
                c->vars = realloc(c->vars, (c->nvars + 1) * sizeof(long));
                size_t i = c->nvars++;
                while (i > 0 && c->vars[i - 1] > v) {
                    c->vars[i] = c->vars[i - 1];
                    i--;
                }
                c->vars[i] = v;
            }
        }
    }
    free(st);
}

/* The pattern in preorder; false if the clause cannot be compiled at all
 * (a variable or '_' as a map key). */
static bool compile_head(Comp *c, Term head)
{
    Term us = am_underscore();
    size_t n = 0, cap = 32;
    Term *st = malloc(cap * sizeof(Term));
    long depth = 1, maxd = 1;
    st[n++] = head;
    bool ok = true;
    while (n && ok) {
        Term t = st[--n];
        long pushed = 0;
        if (n + 2 >= cap)
            st = realloc(st, (cap *= 2) * sizeof(Term));
        if (is_list(t)) {
            emit(c, M_CONS);
            st[n++] = CDR(list_val(t));
            st[n++] = CAR(list_val(t));
            pushed = 2;
        } else if (is_tuple(t)) {
            size_t ar = tuple_arity(t);
            emit(c, M_TUPLE);
            emit(c, ar);
            if (n + ar >= cap)
                st = realloc(st, (cap = cap * 2 + ar) * sizeof(Term));
            for (size_t i = ar; i >= 1; i--)
                st[n++] = tuple_val(t)[i];
            pushed = (long)ar;
        } else if (is_map(t)) {
            size_t sz = map_size(t);
            Term keys[sz ? sz : 1], vals[sz ? sz : 1];
            MapIter it;
            map_iter_init(&it, t);
            size_t k = 0;
            while (k < sz && map_iter_next(&it, &keys[k], &vals[k]))
                k++;
            for (size_t i = 0; i < k && ok; i++) {
                if (var_number(keys[i]) >= 0) {
                    error(c, "Variable found in map key.");
                    ok = false;
                } else if (keys[i] == us) {
                    error(c, "Underscore found in map key.");
                    ok = false;
                }
            }
            if (!ok)
                break;
            emit(c, M_MAP);
            emit(c, k);
            for (size_t i = 0; i < k; i++)
                emit(c, keep(c, keys[i]));
            if (n + k >= cap)
                st = realloc(st, (cap = cap * 2 + k) * sizeof(Term));
            for (size_t i = k; i-- > 0;)
                st[n++] = vals[i];
            pushed = (long)k;
        } else if (is_immed(t)) {
            long v = var_number(t);
            if (v >= 0) {
                long s = slot_of(c, v);
                emit(c, c->bound[s] ? M_CMP : M_BIND);
                emit(c, (UWord)s);
                c->bound[s] = true;
            } else if (t == us) {
                emit(c, M_SKIP);
            } else {
                emit(c, M_EQ);
                emit(c, t);
            }
        } else if (is_float(t)) {
            uint64_t bits;
            double d = float_val(t);
            memcpy(&bits, &d, 8);
            emit(c, M_EQ_FLOAT);
            emit(c, bits);
        } else {
            emit(c, M_EQ_TERM);
            emit(c, keep(c, t));
        }
        depth += pushed - 1;
        if (depth > maxd)
            maxd = depth;
    }
    free(st);
    if ((uint32_t)maxd > c->ms->mstack)
        c->ms->mstack = (uint32_t)maxd;
    return ok;
}

/* ---- guards and bodies ---- */

static bool is_call_tuple(Term t)
{
    Term *p = tuple_val(t);
    return tuple_arity(t) >= 1 && is_atom(p[1]) && var_number(p[1]) < 0;
}

/* An expression that evaluates to itself (after {{..}} and {const, X}
 * conversion): ERTS's "constant" result of dmc_expr. */
static bool is_const(Comp *c, Term t, int depth)
{
    if (depth > MAX_NESTING)
        return false;
    while (is_list(t)) {
        if (!is_const(c, CAR(list_val(t)), depth + 1))
            return false;
        t = CDR(list_val(t));
    }
    if (is_map(t)) {
        MapIter it;
        Term k, v;
        map_iter_init(&it, t);
        while (map_iter_next(&it, &k, &v))
            if (!is_const(c, k, depth + 1) || !is_const(c, v, depth + 1))
                return false;
        return true;
    }
    if (is_tuple(t)) {
        Term *p = tuple_val(t);
        size_t ar = tuple_arity(t);
        if (ar == 1 && is_tuple(p[1])) {
            for (size_t i = 1; i <= tuple_arity(p[1]); i++)
                if (!is_const(c, tuple_val(p[1])[i], depth + 1))
                    return false;
            return true;
        }
        return ar == 2 && p[1] == AM(ms_const);
    }
    if (is_atom(t))
        return var_number(t) < 0 && t != AM(ms_object) && t != AM(ms_bindings);
    return true;
}

/* The value of a constant expression, built on p's heap. */
static Term convert(Process *p, Term t)
{
    if (is_list(t)) {
        size_t n = 0;
        Term x;
        for (x = t; is_list(x); x = CDR(list_val(x)))
            n++;
        Term tail = convert(p, x);
        Term *items = malloc(n * sizeof(Term));
        n = 0;
        for (x = t; is_list(x); x = CDR(list_val(x)))
            items[n++] = convert(p, CAR(list_val(x)));
        while (n > 0) {
            Term *hp = proc_alloc(p, 2);
            tail = make_cons_at(hp, items[--n], tail);
        }
        free(items);
        return tail;
    }
    if (is_tuple(t)) {
        Term *e = tuple_val(t);
        if (tuple_arity(t) == 2)          /* {const, X} */
            return e[2];
        Term in = e[1];
        size_t n = tuple_arity(in);
        Term *hp = proc_alloc(p, n + 1);
        hp[0] = make_arityval(n);
        for (size_t i = 1; i <= n; i++)
            hp[i] = convert(p, tuple_val(in)[i]);
        return make_tuple(hp);
    }
    if (is_map(t)) {
        size_t n = map_size(t), i = 0;
        Term *ks = malloc((n + 1) * sizeof(Term)), *vs = malloc((n + 1) * sizeof(Term));
        MapIter it;
        Term k, v;
        map_iter_init(&it, t);
        while (map_iter_next(&it, &k, &v)) {
            ks[i] = convert(p, k);
            vs[i] = convert(p, v);
            i++;
        }
        Term m = map_new_from_kvs(p, ks, vs, i);
        free(ks);
        free(vs);
        return m;
    }
    return t;
}

static void push_const(Comp *c, Term t)
{
    Process *s = ets_ms_scratch();
    Term v = keep(c, convert(s, t));
    ets_ms_scratch_reset(s);
    emit(c, E_PUSHC);
    emit(c, v);
    stack_adj(c, 1);
}

static void expr(Comp *c, Term t, int depth);

static void args(Comp *c, Term *p, size_t from, size_t to, int depth)
{
    for (size_t i = from; i <= to; i++)
        expr(c, p[i], depth + 1);
}

/* {andalso, A1..An} / {orelse, ...}: each but the last jumps to the end
 * on false (true); the last one's value is the result. */
static void short_circuit(Comp *c, Term *p, size_t ar, UWord op, int depth)
{
    size_t fix[ar];
    size_t nfix = 0;
    for (size_t i = 2; i <= ar; i++) {
        expr(c, p[i], depth + 1);
        emit(c, i == ar ? E_JUMP : op);
        fix[nfix++] = c->ms->ncode;
        emit(c, 0);
        stack_adj(c, -1);
    }
    stack_adj(c, 1);
    size_t end = c->ms->ncode;
    for (size_t i = 0; i < nfix; i++)
        c->ms->code[fix[i]] = end - (fix[i] + 1);
}

static bool is_trace_form(const char *name)
{
    static const char *forms[] = { "is_seq_trace", "get_seq_token", "process_dump",
        "enable_trace", "disable_trace", "trace", "caller", "caller_line", "silent" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (!strcmp(name, forms[i]))
            return true;
    return false;
}

static void call(Comp *c, Term t, int depth)
{
    Term *p = tuple_val(t);
    size_t ar = tuple_arity(t);
    const char *name = atom_text(p[1]);
    if (!strcmp(name, "const")) {
        term_error(c, "Special form 'const' called with more than one argument in ", t, ".");
    } else if (!strcmp(name, "and") || !strcmp(name, "or")) {
        if (ar < 2) {
            char pre[64];
            snprintf(pre, sizeof pre, "Special form '%s' called without arguments in ", name);
            term_error(c, pre, t, ".");
            return;
        }
        args(c, p, 2, ar, depth);
        emit(c, name[0] == 'a' ? E_AND : E_OR);
        emit(c, ar - 1);
        stack_adj(c, -(long)(ar - 2));
    } else if (!strcmp(name, "andalso") || !strcmp(name, "andthen") || !strcmp(name, "orelse")) {
        bool is_or = name[0] == 'o';
        if (ar < 2) {
            term_error(c, is_or ? "Special form 'orelse' called without arguments in "
                                : "Special form 'andalso' called without arguments in ", t, ".");
            return;
        }
        short_circuit(c, p, ar, is_or ? E_ORELSE : E_ANDALSO, depth);
    } else if (!strcmp(name, "self")) {
        if (ar != 1) {
            term_error(c, "Special form 'self' called with arguments in ", t, ".");
            return;
        }
        emit(c, E_SELF);
        stack_adj(c, 1);
    } else if (!strcmp(name, "message") || !strcmp(name, "return_trace") ||
               !strcmp(name, "exception_trace") || !strcmp(name, "display") ||
               is_trace_form(name)) {
        error(c, "Special form '%s' used in wrong dialect.", name);
    } else if (!strcmp(name, "set_seq_token")) {
        error(c, "Special form 'set_seq_trace' used in wrong dialect.");
    } else {
        const GuardFn *g = guard_lookup(p[1], (uint32_t)(ar - 1));
        if (!g) {
            char post[64];
            snprintf(post, sizeof post, "/%d does_not_exist.", (int)(ar - 1));
            term_error(c, "Function ", p[1], post);
            return;
        }
        if (g->trace_only || !g->fn) {
            char post[80];
            snprintf(post, sizeof post, "/%d cannot be called in this context.", (int)(ar - 1));
            term_error(c, "Function ", p[1], post);
            return;
        }
        args(c, p, 2, ar, depth);
        emit(c, E_CALL);
        emit(c, (UWord)g->fn);
        emit(c, ar - 1);
        stack_adj(c, 1 - (long)(ar - 1));
    }
}

static void variable(Comp *c, Term t)
{
    long v = var_number(t);
    long s = slot_of(c, v);
    if (s < 0 || !c->bound[s]) {
        error(c, "Variable $%ld is unbound.", v);
        return;
    }
    emit(c, E_PUSHV);
    emit(c, (UWord)s);
    stack_adj(c, 1);
}

static void bindings(Comp *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nvars; i++)
        n += c->bound[i];
    emit(c, E_BINDINGS);
    emit(c, n);
    for (size_t i = 0; i < c->nvars; i++)
        if (c->bound[i])
            emit(c, i);
    stack_adj(c, 1);
}

static void expr(Comp *c, Term t, int depth)
{
    if (depth > MAX_NESTING) {
        c->sys_limit = true;
        term_error(c, "Excessive nesting; system limit reached near: ", t, "");
        return;
    }
    if (is_const(c, t, depth)) {
        push_const(c, t);
        return;
    }
    if (is_list(t)) {
        size_t n = 0;
        for (; is_list(t); t = CDR(list_val(t)), n++)
            expr(c, CAR(list_val(t)), depth + 1);
        expr(c, t, depth + 1);
        for (size_t i = 0; i < n; i++) {
            emit(c, E_CONS);
            stack_adj(c, -1);
        }
        return;
    }
    if (is_map(t)) {
        size_t n = 0;
        MapIter it;
        Term k, v;
        map_iter_init(&it, t);
        while (map_iter_next(&it, &k, &v)) {
            expr(c, k, depth + 1);
            expr(c, v, depth + 1);
            n++;
        }
        emit(c, E_MAP);
        emit(c, n);
        stack_adj(c, 1 - 2 * (long)n);
        return;
    }
    if (is_tuple(t)) {
        Term *p = tuple_val(t);
        if (tuple_arity(t) == 1 && is_tuple(p[1])) {
            size_t n = tuple_arity(p[1]);
            args(c, tuple_val(p[1]), 1, n, depth);
            emit(c, E_TUPLE);
            emit(c, n);
            stack_adj(c, 1 - (long)n);
        } else if (is_call_tuple(t)) {
            call(c, t, depth);
        } else {
            term_error(c, "", t, " is neither a function call, nor a tuple (tuples are written {{ ... }}).");
        }
        return;
    }
    if (var_number(t) >= 0) {
        variable(c, t);
    } else if (t == AM(ms_object)) {
        emit(c, E_OBJ);
        stack_adj(c, 1);
    } else if (t == AM(ms_bindings)) {
        bindings(c);
    }
}

/* A guard or body list (ERTS's compile_guard_expr). */
static void guard_list(Comp *c, Term l)
{
    if (l == NIL)
        return;
    if (!is_list(l)) {
        error(c, "Match expression is not a list.");
        return;
    }
    if (!c->in_guard)
        emit(c, E_CATCH);
    size_t last = 0;
    for (; is_list(l); l = CDR(list_val(l))) {
        expr(c, CAR(list_val(l)), 0);
        last = c->ms->ncode;
        emit(c, c->in_guard ? E_TRUE : E_WASTE);
        stack_adj(c, -1);
    }
    if (l != NIL) {
        error(c, "Match expression is not a proper list.");
        return;
    }
    if (!c->in_guard)
        c->ms->code[last] = E_RETURN;
}

/* One clause; false stops the compilation. */
static bool clause(Comp *c, Term head, Term guard, Term body)
{
    memset(c->bound, 0, c->nvars * sizeof(bool));
    emit(c, MS_TRY);
    size_t label = c->ms->ncode;
    emit(c, 0);
    if (!compile_head(c, head))
        return false;
    c->cur = 0;
    c->in_guard = true;
    guard_list(c, guard);
    c->in_guard = false;
    if (!is_list(body)) {
        error(c, "Body clause does not return anything.");
        return false;
    }
    guard_list(c, body);
    if (c->failed)
        return false;
    emit(c, E_HALT);
    c->ms->code[label] = c->ms->ncode;
    return true;
}

void ets_ms_free(EtsMs *ms)
{
    if (!ms)
        return;
    while (ms->blocks) {
        MsBlock *b = ms->blocks;
        ms->blocks = b->next;
        free(b);
    }
    bin_offheap_release_list(ms->off_heap);
    free(ms->code);
    free(ms);
}

/* Compile ms. With lint, errors are collected in c->msgs. allow_empty:
 * [] is a valid (empty) spec, as for select; match_spec_compile and
 * match_spec_test want a non-empty list. */
static EtsMs *compile(Comp *c, Term msl, bool allow_empty)
{
    c->ms = calloc(1, sizeof(EtsMs));
    Term l;
    if (!(is_list(msl) || (allow_empty && msl == NIL))) {
        error(c, "Match programs are not in a list.");
        goto fail;
    }
    for (l = msl; is_list(l); l = CDR(list_val(l)))
        ;
    if (l != NIL) {
        error(c, "Match programs are not in a proper list.");
        goto fail;
    }
    for (l = msl; is_list(l); l = CDR(list_val(l))) {
        Term cl = CAR(list_val(l));
        if (!is_tuple(cl) || tuple_arity(cl) != 3) {
            error(c, "Match program part is not a tuple of arity 3.");
            goto fail;
        }
        collect_vars(c, tuple_val(cl)[1]);
    }
    c->bound = calloc(c->nvars + 1, sizeof(bool));
    c->ms->nvars = (uint32_t)c->nvars;
    for (l = msl; is_list(l); l = CDR(list_val(l))) {
        Term *cl = tuple_val(CAR(list_val(l)));
        if (!clause(c, cl[1], cl[2], cl[3]))
            goto fail;
        if ((uint32_t)c->max > c->ms->estack)
            c->ms->estack = (uint32_t)c->max;
    }
    emit(c, MS_FAIL);
    free(c->bound);
    free(c->vars);
    return c->ms;
fail:
    c->failed = true;
    free(c->bound);
    free(c->vars);
    ets_ms_free(c->ms);
    return NULL;
}

EtsMs *ets_ms_compile_opt(Term ms, bool allow_empty, bool *sys_limit)
{
    Comp c = { 0 };
    EtsMs *r = compile(&c, ms, allow_empty);
    if (sys_limit)
        *sys_limit = c.sys_limit;
    return r;
}

EtsMs *ets_ms_compile(Term ms, bool *sys_limit)
{
    return ets_ms_compile_opt(ms, false, sys_limit);
}

Term ets_ms_lint(Process *p, Term ms, bool *failed)
{
    Comp c = { .lint = true };
    EtsMs *r = compile(&c, ms, false);
    ets_ms_free(r);
    *failed = c.failed;
    Term list = NIL;
    for (size_t i = c.nmsgs; i-- > 0;) {
        const char *s = c.msgs[i];
        size_t n = strlen(s);
        Term str = NIL;
        Term *hp = proc_alloc(p, 2 * n + 3 + 2);
        for (size_t j = n; j-- > 0;) {
            str = make_cons_at(hp, make_small((uint8_t)s[j]), str);
            hp += 2;
        }
        hp[0] = make_arityval(2);
        hp[1] = AM(error);
        hp[2] = str;
        list = make_cons_at(hp + 3, make_tuple(hp), list);
        free(c.msgs[i]);
    }
    free(c.msgs);
    return list;
}

/* ---- select_replace's static check (ERTS's db_match_keeps_key) ---- */

/* Does the constructing term b build exactly the term the pattern a
 * matched? */
static bool eq_body(Term a, Term b, bool const_mode, int depth)
{
    if (depth > MAX_NESTING)
        return false;
    if (is_list(b)) {
        if (!is_list(a))
            return false;
        return eq_body(CAR(list_val(a)), CAR(list_val(b)), const_mode, depth + 1) &&
               eq_body(CDR(list_val(a)), CDR(list_val(b)), const_mode, depth + 1);
    }
    if (is_tuple(b)) {
        if (!const_mode) {
            Term *bp = tuple_val(b);
            if (tuple_arity(b) == 1 && is_tuple(bp[1]))
                b = bp[1];
            else if (tuple_arity(b) == 2 && bp[1] == AM(ms_const))
                return eq_body(a, bp[2], true, depth + 1);
            else
                return false;
        }
        if (!is_tuple(a) || tuple_arity(a) != tuple_arity(b))
            return false;
        for (size_t i = 1; i <= tuple_arity(a); i++)
            if (!eq_body(tuple_val(a)[i], tuple_val(b)[i], const_mode, depth + 1))
                return false;
        return true;
    }
    if (is_map(b))
        return false;
    if (is_immed(b))
        return a == b && a != am_underscore() && a != AM(ms_bindings) &&
               a != AM(ms_object) && !(const_mode && var_number(a) >= 0);
    return term_eq_exact(a, b);
}

static bool clause_keeps_key(uint32_t keypos, Term match, Term body)
{
    if (!is_list(body) || CDR(list_val(body)) != NIL)
        return false;
    Term single = CAR(list_val(body));
    if (single == AM(ms_object))
        return true;
    if (!is_tuple(single) || !is_tuple(match) || tuple_arity(match) < keypos)
        return false;
    Term mkey = tuple_val(match)[keypos];
    Term *st = tuple_val(single), sub;
    bool const_mode;
    if (tuple_arity(single) == 2 && st[1] == AM(ms_const)) {
        sub = st[2];
        const_mode = true;
    } else if (tuple_arity(single) == 1) {
        sub = st[1];
        const_mode = false;
    } else {
        return false;
    }
    if (!is_tuple(sub) || tuple_arity(sub) < keypos)
        return false;
    Term skey = tuple_val(sub)[keypos];
    if (eq_body(mkey, skey, const_mode, 0))
        return true;
    if (const_mode || !is_tuple(skey))
        return false;
    Term *k = tuple_val(skey);
    return tuple_arity(skey) == 3 && k[1] == AM(element) &&
           k[3] == AM(ms_object) && k[2] == make_small(keypos);
}

bool ets_ms_keeps_key(Term ms, uint32_t keypos)
{
    for (; is_list(ms); ms = CDR(list_val(ms))) {
        Term cl = CAR(list_val(ms));
        if (!is_tuple(cl) || tuple_arity(cl) != 3)
            return false;
        if (!clause_keeps_key(keypos, tuple_val(cl)[1], tuple_val(cl)[3]))
            return false;
    }
    return true;
}
