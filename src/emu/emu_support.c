/* emu_support.c — out-of-line helpers of the interpreter (see
 * emu_support.h): calling BIFs, resolving exports and funs, building stack
 * traces in BEAM's form, unwinding to catches, map updates. */
#include "emu_support.h"
#include "../term/atom.h"
#include "../term/map.h"
#include "../term/binary.h"
#include "../proc/catches.h"
#include "../bif/bif.h"
#include "../code/module.h"
#include "../term/print.h"
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

static Term src_word(BeamInstr w, const Term *x, const Term *E)
{
    if (w & 3) return (Term)w;
    return (w & 4) ? E[w >> 3] : x[w >> 3];
}

Term emu_args_list(Process *p, const Term *x, uint32_t n)
{
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    Term list = NIL;
    for (uint32_t i = n; i-- > 0;)
        list = make_cons_at(hp + 2 * i, x[i], list);
    return list;
}

static void note_bif_failure(Process *p, Export *ep, const Term *args, uint32_t n)
{
    if (p->fclass == EXC_TRAP || p->fclass == EXC_ONLOAD || p->fclass == EXC_JUMP ||
        (ep->bif_flags & BIF_RAISES))
        return;
    p->fbif = ep;
    p->fargs = emu_args_list(p, args, n);
    p->fskip_current = false;
}

Term emu_call_bif(Process *p, Export *ep, Term *x, uint32_t arity)
{
    p->fbif = NULL;
    Term r = ((BifFn)ep->bif)(p, x);
    if (is_non_value(r))
        note_bif_failure(p, ep, x, arity);
    return r;
}

Term emu_guard_bif(Process *p, Export *ep, Term *args, uint32_t n)
{
    if (!ep->bif) {
        p->fclass = EXC_ERROR;
        p->fvalue = AM(undef);
        p->fbif = ep;
        p->fargs = emu_args_list(p, args, n);
        p->fskip_current = false;
        return THE_NON_VALUE;
    }
    p->fbif = NULL;
    Term r = ((BifFn)ep->bif)(p, args);
    if (is_non_value(r))
        note_bif_failure(p, ep, args, n);
    return r;
}

/* erl (OTP 25, JIT) compiles some operator forms inline, and their errors
 * show no erlang:Op frame in the stack trace: '/' and unary '+' always,
 * '+' with a literal operand, '-' with a literal right operand (checked
 * one by one against erl: tests/erl/exc_stacktrace*). literals: bit i set
 * if argument i was a constant in the code. */
static bool inlined_operator(const Export *ep, unsigned literals)
{
    if (ep->module != AM(erlang))
        return false;
    if (ep->function == AM(slash) && ep->arity == 2) return true;
    if (ep->function == AM(plus) && ep->arity == 1) return true;
    if (ep->function == AM(plus) && ep->arity == 2) return literals != 0;
    if (ep->function == AM(minus) && ep->arity == 2) return (literals & 2) != 0;
    return false;
}

Term emu_gc_bif(Process *p, Export *ep, Term *args, uint32_t n, unsigned literals)
{
    /* BIFs never collect: fragments are joined at the next safe point */
    Term r = emu_guard_bif(p, ep, args, n);
    if (is_non_value(r) && inlined_operator(ep, literals)) {
        p->fbif = NULL;
        p->fargs = THE_NON_VALUE;
    }
    return r;
}

static Term raise_undef(Process *p, Export *ep, const Term *x, uint32_t arity, bool tail)
{
    p->fclass = EXC_ERROR;
    p->fvalue = AM(undef);
    p->fbif = ep;
    p->fargs = emu_args_list(p, x, arity);
    p->fskip_current = tail;
    return THE_NON_VALUE;
}

const BeamInstr *emu_resolve_export(Process *p, Export *ep, Term *x, uint32_t arity, bool tail)
{
    char err[512];
    const BeamInstr *a = atomic_load(&ep->addr);
    Module *m = a ? NULL : module_find(ep->module);
    if (!a && !m) {
        m = code_ensure_loaded(ep->module, err, sizeof err);
        if (!m && !strstr(err, "not found"))
            fprintf(stderr, "girder: loading %s failed: %s\n", atom_text(ep->module), err);
        a = atomic_load(&ep->addr);
    }
    if (!a && m && m->on_load_pending && m->on_load) {
        /* Run the on_load function in this process first; the call is
         * retried afterwards (emu_on_load_return). The retry term
         * {fun M:F/A, Args} travels in p->fstash. */
        Term *hp = proc_alloc(p, EXPORT_FUN_WORDS);
        hp[0] = make_header(1, SUB_EXPORT);
        hp[1] = (Term)ep;
        Term retry = bif_tuple2(p, make_boxed(hp), emu_args_list(p, x, arity));
        p->fstash = retry;
        m->on_load_pending = false;        /* one runner only */
        p->i = m->on_load;
        p->fclass = EXC_ONLOAD;
        return NULL;
    }
    if (!a && ep->bif)
        return NULL;           /* caller handles BIFs first; not reached */
    if (!a)
        raise_undef(p, ep, x, arity, tail);
    return a;
}

const BeamInstr *emu_on_load_return(Process *p, Term retry, Term *x, uint32_t *arity)
{
    Export *ep = export_of(tuple_elem(retry, 1));
    Module *m = module_find(ep->module);
    bool ok = x[0] == AM(ok);
    if (!ok) {
        char *s = term_display_string(x[0]);
        fprintf(stderr, "=ERROR REPORT====\nThe on_load function for module %s returned:\n%s\n\n",
                atom_text(ep->module), s);
        free(s);
    }
    if (m)
        module_on_load_done(m, ok);
    uint32_t n = 0;
    for (Term l = tuple_elem(retry, 2); is_list(l); l = CDR(list_val(l)))
        x[n++] = CAR(list_val(l));
    *arity = n;
    const BeamInstr *a = atomic_load(&ep->addr);
    if (!a)
        raise_undef(p, ep, x, n, true);
    return a;
}

bool emu_is_binary(Term t)
{
    return is_bitstring(t) && bin_is_binary(t);
}

bool emu_is_function2(Term f, Term arity)
{
    if (!is_small(arity) || small_val(arity) < 0)
        return false;
    if (is_fun(f))
        return fun_entry_of(f)->arity == (uint32_t)small_val(arity);
    if (is_export(f))
        return export_of(f)->arity == (uint32_t)small_val(arity);
    return false;
}

Term emu_make_fun(Process *p, FunEntry *fe, const Term *fv)
{
    uint32_t n = fe->num_free;
    Term *hp = proc_alloc(p, 4 + (size_t)n);
    hp[0] = FUN_HEADER(n);
    hp[1] = (Term)fe;
    hp[2] = n;
    hp[3] = p->id;
    for (uint32_t i = 0; i < n; i++)
        hp[4 + i] = fv[i];
    return make_boxed(hp);
}

static const BeamInstr *call_export(Process *p, Export *ep, Term *x, uint32_t arity)
{
    if (ep->bif) {
        Term r = emu_call_bif(p, ep, x, arity);
        if (is_non_value(r))
            return NULL;       /* exception or trap */
        x[0] = r;
        p->fclass = EXC_NONE;
        return NULL;
    }
    const BeamInstr *a = atomic_load(&ep->addr);
    if (!a)
        a = emu_resolve_export(p, ep, x, arity, true);
    return a;
}

const BeamInstr *emu_fun_target(Process *p, Term fun, Term *x, uint32_t arity)
{
    p->fclass = EXC_NONE;
    if (is_fun(fun)) {
        FunEntry *fe = fun_entry_of(fun);
        if (fe->arity != arity) {
            Term args = emu_args_list(p, x, arity);
            bif_error2(p, AM(badarity), bif_tuple2(p, fun, args));
            return NULL;
        }
        uint32_t nfree = fun_num_free(fun);
        for (uint32_t i = 0; i < nfree; i++)
            x[arity + i] = fun_free_vars(fun)[i];
        const BeamInstr *a = atomic_load(&fe->addr);
        if (!a) {
            char err[512];
            code_ensure_loaded(fe->module, err, sizeof err);
            a = atomic_load(&fe->addr);
        }
        if (!a) {
            Export *ep = export_get(fe->module, is_atom(fe->function) ? fe->function : AM(undefined), arity);
            raise_undef(p, ep, x, arity, true);
        }
        return a;
    }
    if (is_export(fun)) {
        Export *ep = export_of(fun);
        if (ep->arity != arity) {
            Term args = emu_args_list(p, x, arity);
            bif_error2(p, AM(badarity), bif_tuple2(p, fun, args));
            return NULL;
        }
        return call_export(p, ep, x, arity);
    }
    bif_error2(p, AM(badfun), fun);
    return NULL;
}

/* badarg from erlang:apply/3, with its frame {erlang,apply,[M,F,Args]}. */
void emu_apply_badarg(Process *p, Term m, Term f, Term args)
{
    bif_error(p, AM(badarg));
    p->fbif = export_get(AM(erlang), AM(apply), 3);
    Term *hp = proc_alloc(p, 6);
    p->fargs = make_cons_at(hp, m, make_cons_at(hp + 2, f, make_cons_at(hp + 4, args, NIL)));
    p->fskip_current = false;
}

const BeamInstr *emu_apply_target(Process *p, Term m, Term f, Term *x, uint32_t arity)
{
    p->fclass = EXC_NONE;
    if (!is_atom(m) || !is_atom(f)) {
        emu_apply_badarg(p, m, f, emu_args_list(p, x, arity));
        return NULL;
    }
    return call_export(p, export_get(m, f, arity), x, arity);
}

/* ---------------------------------------------------------- exceptions */

Term emu_class_atom(uint32_t cls)
{
    switch (cls) {
    case EXC_ERROR: return AM(error);
    case EXC_EXIT: return AM(exit);
    case EXC_THROW: return AM(throw);
    default: return AM(error);
    }
}

static uint32_t class_of_atom(Term a)
{
    if (a == AM(error)) return EXC_ERROR;
    if (a == AM(exit)) return EXC_EXIT;
    if (a == AM(throw)) return EXC_THROW;
    return EXC_NONE;
}

/* The "raw" stack trace handed to catch handlers in x(3)/x(2):
 * {Class, TraceList}. Only build_stacktrace and raise look inside. */
static bool is_raw_trace(Term t)
{
    return is_tuple(t) && tuple_arity(t) == 2 && is_atom(tuple_elem(t, 1)) &&
           class_of_atom(tuple_elem(t, 1)) != EXC_NONE;
}

Term emu_catch_value(Process *p, Term cls, Term reason, Term raw)
{
    if (cls == AM(throw))
        return reason;
    if (cls == AM(error)) {
        Term trace = is_raw_trace(raw) ? tuple_elem(raw, 2) : NIL;
        return bif_tuple2(p, AM(EXIT), bif_tuple2(p, reason, trace));
    }
    return bif_tuple2(p, AM(EXIT), reason);
}

void emu_reraise(Process *p, Term raw, Term value)
{
    p->fvalue = value;
    p->fargs = THE_NON_VALUE;
    p->fbif = NULL;
    if (is_raw_trace(raw)) {
        p->fclass = class_of_atom(tuple_elem(raw, 1));
        p->fstash = tuple_elem(raw, 2);
    } else {
        p->fclass = EXC_ERROR;
        p->fstash = NIL;
    }
}

Term emu_build_stacktrace(Process *p, Term raw)
{
    (void)p;
    return is_raw_trace(raw) ? tuple_elem(raw, 2) : NIL;
}

bool emu_raw_raise(Process *p, Term cls, Term reason, Term raw)
{
    uint32_t c = class_of_atom(cls);
    if (c == EXC_NONE)
        return false;
    p->fclass = c;
    p->fvalue = reason;
    p->fbif = NULL;
    p->fstash = is_raw_trace(raw) ? tuple_elem(raw, 2) : NIL;
    return true;
}

bool emu_mfa_of(const BeamInstr *pc, Term *m, Term *f, uint32_t *a)
{
    Module *mod = module_of_code(pc);
    if (!mod)
        return false;
    const FuncRange *fr = module_func_of(mod, pc);
    if (!fr)
        return false;
    *m = mod->name;
    *f = fr->name;
    *a = fr->arity;
    return true;
}

/* [{file,F},{line,L} | tail] for pc, or tail if pc has no line. */
static Term location(Process *p, const BeamInstr *pc, Term tail)
{
    Module *mod = module_of_code(pc);
    Term file;
    uint32_t line;
    if (!mod || !module_line_of(mod, pc, &file, &line))
        return tail;
    Term *hp = proc_alloc(p, 3 + 3 + 4);
    Term lt = make_tuple(hp);
    hp[0] = make_arityval(2); hp[1] = AM(line); hp[2] = make_small(line);
    Term ft = make_tuple(hp + 3);
    hp[3] = make_arityval(2); hp[4] = AM(file); hp[5] = file;
    Term l = make_cons_at(hp + 6, lt, tail);
    return make_cons_at(hp + 8, ft, l);
}

static Term frame(Process *p, Term m, Term f, Term arity_or_args, Term loc)
{
    Term *hp = proc_alloc(p, 5);
    hp[0] = make_arityval(4); hp[1] = m; hp[2] = f; hp[3] = arity_or_args; hp[4] = loc;
    return make_tuple(hp);
}

static Term error_info_location(Process *p)
{
    /* [{error_info, #{module => erl_erts_errors}}] as OTP 25's erlang BIFs */
    Term key = AM(module), val = atom_from_cstr("erl_erts_errors");
    Term map = map_new_from_kvs(p, &key, &val, 1);
    Term t = bif_tuple2(p, AM(error_info), map);
    Term *hp = proc_alloc(p, 2);
    return make_cons_at(hp, t, NIL);
}

void emu_build_trace(Process *p, const BeamInstr *I, bool at_func_info)
{
    if (p->fkeep_trace) {
        p->fkeep_trace = false;
        return;
    }
    Term frames[STACKTRACE_DEPTH_MAX + 2];
    int n = 0, depth = bif_backtrace_depth();
    Term m, f;
    uint32_t a;
    if (depth > STACKTRACE_DEPTH_MAX)
        depth = STACKTRACE_DEPTH_MAX;
    if (p->fbif) {
        Export *ep = p->fbif;
        Term loc = (ep->module == AM(erlang) && ep->bif && p->fvalue != AM(undef)) ? error_info_location(p) : NIL;
        frames[n++] = frame(p, ep->module, ep->function, p->fargs, loc);
    }
    if (!(p->fbif && p->fskip_current) && emu_mfa_of(I, &m, &f, &a)) {
        Term arity_or_args = (!p->fbif && is_value(p->fargs)) ? p->fargs : make_small(a);
        Term tail = NIL;
        if (!p->fbif && is_map(p->ferror_info)) {
            /* error/3: {error_info, Map} follows file and line */
            Term *hp = proc_alloc(p, 2);
            tail = make_cons_at(hp, bif_tuple2(p, AM(error_info), p->ferror_info), NIL);
        }
        frames[n++] = frame(p, m, f, arity_or_args, location(p, I, tail));
        if (p->fdup_current)
            frames[n++] = frame(p, m, f, make_small(a), location(p, I, NIL));
    }
    p->fdup_current = false;
    p->ferror_info = NIL;
    (void)at_func_info;
    for (Term *sp = p->stop; sp < p->hend && n < depth; sp++) {
        if (!is_header(*sp) || *sp == (Term)emu_normal_exit_code)
            continue;
        const BeamInstr *ret = (const BeamInstr *)*sp;
        if (emu_mfa_of(ret, &m, &f, &a))
            frames[n++] = frame(p, m, f, make_small(a), location(p, ret - 1, NIL));
    }
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    Term list = NIL;
    for (int i = n; i-- > 0;)
        list = make_cons_at(hp + 2 * i, frames[i], list);
    p->fstash = list;
    p->fbif = NULL;
}

Term emu_current_stacktrace(Process *p, Process *q, int depth)
{
    const BeamInstr *I = q->i;
    Term frames[STACKTRACE_DEPTH_MAX];
    int n = 0;
    Term m, f;
    uint32_t a;
    if (depth > STACKTRACE_DEPTH_MAX)
        depth = STACKTRACE_DEPTH_MAX;
    if (I && n < depth && emu_mfa_of(I, &m, &f, &a))
        frames[n++] = frame(p, m, f, make_small(a), location(p, I, NIL));
    for (Term *sp = q->stop; sp < q->hend && n < depth; sp++) {
        if (!is_header(*sp) || *sp == (Term)emu_normal_exit_code)
            continue;
        const BeamInstr *ret = (const BeamInstr *)*sp;
        if (emu_mfa_of(ret, &m, &f, &a))
            frames[n++] = frame(p, m, f, make_small(a), location(p, ret - 1, NIL));
    }
    Term *hp = proc_alloc(p, 2 * (size_t)n);
    Term list = NIL;
    for (int i = n; i-- > 0;)
        list = make_cons_at(hp + 2 * i, frames[i], list);
    return list;
}

const BeamInstr *emu_find_catch(Process *p)
{
    if (p->catches <= 0)
        return NULL;
    Term *prev = p->stop;
    for (Term *sp = p->stop; sp < p->hend; sp++) {
        Term w = *sp;
        if (is_catch(w)) {
            p->stop = prev;
            *sp = NIL;                 /* try_case / catch_end count it down */
            /* the raw trace for the handler */
            p->fstash = bif_tuple2(p, emu_class_atom(p->fclass), p->fstash);
            return catch_handler(catch_val(w));
        }
        if (is_header(w))
            prev = sp + 1;
    }
    return NULL;
}

void emu_save_regs(Process *p, const Term *x, uint32_t n)
{
    if (n > p->arg_reg_cap) {
        free(p->arg_reg);
        p->arg_reg_cap = n < 8 ? 8 : n;
        p->arg_reg = malloc(p->arg_reg_cap * sizeof(Term));
    }
    memcpy(p->arg_reg, x, n * sizeof(Term));
    p->arity = n;
}

Term emu_put_map(Process *p, Term map, bool exact, const BeamInstr *list, UWord n,
                 const Term *x, const Term *E)
{
    if (!is_map(map))
        return bif_error2(p, AM(badmap), map);
    size_t pairs = n / 2;
    Term keys[pairs ? pairs : 1], vals[pairs ? pairs : 1];
    for (size_t i = 0; i < pairs; i++) {
        keys[i] = src_word(list[2 * i], x, E);
        vals[i] = src_word(list[2 * i + 1], x, E);
    }
    if (!exact)
        return map_put_many(p, map, keys, vals, pairs);
    Term bad = NIL;
    Term r = map_update_many(p, map, keys, vals, pairs, &bad);
    if (is_non_value(r))
        return bif_error2(p, AM(badkey), bad);
    return r;
}
