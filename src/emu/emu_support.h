/* emu_support.h — the interpreter's out-of-line helpers: BIF calls, export
 * resolution, funs and apply, exceptions and stack traces, map updates.
 * Each is called with the process's E written back (p->stop). */
#ifndef GIRDER_EMU_SUPPORT_H
#define GIRDER_EMU_SUPPORT_H

#include "emu.h"
#include "../term/fun.h"

/* Call a BIF reached through call_ext with args in x. On error the
 * exception is set (and the BIF remembered for the first trace frame). */
Term emu_call_bif(Process *p, Export *ep, Term *x, uint32_t arity);
Term emu_guard_bif(Process *p, Export *ep, Term *args, uint32_t n);
/* literals: bit i set if argument i is a constant operand */
Term emu_gc_bif(Process *p, Export *ep, Term *args, uint32_t n, unsigned literals);
/* Load the module of an undefined export; NULL with `undef` raised if the
 * function still does not exist. */
const BeamInstr *emu_resolve_export(Process *p, Export *ep, Term *x, uint32_t arity, bool tail);
Term emu_args_list(Process *p, const Term *x, uint32_t n);
/* The on_load function returned (its result in x[0]): publish or drop the
 * module, put the retried call's arguments in x, and return its target
 * (NULL with undef raised if the module failed to load). */
const BeamInstr *emu_on_load_return(Process *p, Term retry, Term *x, uint32_t *arity);
bool emu_is_binary(Term t);
bool emu_is_function2(Term f, Term arity);
Term emu_make_fun(Process *p, FunEntry *fe, const Term *free_vars);
/* Where calling `fun` with x[0..arity) goes. NULL: either an exception is
 * set, or (fclass EXC_NONE) a BIF already ran and x[0] holds its result,
 * or (EXC_TRAP) continue at p->i. */
const BeamInstr *emu_fun_target(Process *p, Term fun, Term *x, uint32_t arity);
const BeamInstr *emu_apply_target(Process *p, Term m, Term f, Term *x, uint32_t arity);
void emu_apply_badarg(Process *p, Term m, Term f, Term args);

Term emu_class_atom(uint32_t cls);
Term emu_catch_value(Process *p, Term cls, Term reason, Term trace);
void emu_reraise(Process *p, Term trace, Term value);
Term emu_build_stacktrace(Process *p, Term raw);
bool emu_raw_raise(Process *p, Term cls, Term reason, Term trace);
/* Build p->fstash (the stack trace) for the exception in p. */
void emu_build_trace(Process *p, const BeamInstr *I, bool at_func_info);
/* Unwind to the innermost catch: returns its handler and sets p->stop, or
 * NULL if there is none. */
const BeamInstr *emu_find_catch(Process *p);
void emu_save_regs(Process *p, const Term *x, uint32_t n);
Term emu_put_map(Process *p, Term map, bool exact, const BeamInstr *list, UWord n,
                 const Term *x, const Term *E);
/* The MFA of the function containing pc, for process_info etc. */
bool emu_mfa_of(const BeamInstr *pc, Term *m, Term *f, uint32_t *a);

/* Bit syntax instructions (emu_bits.c): each returns the next instruction,
 * or NULL with an exception set. */
#define BS_DECL(name) const BeamInstr *emu_bs_##name(Process *p, const BeamInstr *I, Term *x, Term *res);
BS_DECL(bs_put_integer) BS_DECL(bs_put_binary) BS_DECL(bs_put_float) BS_DECL(bs_put_string)
BS_DECL(bs_init2) BS_DECL(bs_add) BS_DECL(bs_get_integer2) BS_DECL(bs_get_float2)
BS_DECL(bs_get_binary2) BS_DECL(bs_skip_bits2)
BS_DECL(bs_match_string) BS_DECL(bs_init_writable) BS_DECL(bs_append) BS_DECL(bs_private_append)
BS_DECL(bs_init_bits) BS_DECL(bs_get_utf8) BS_DECL(bs_skip_utf8) BS_DECL(bs_get_utf16)
BS_DECL(bs_skip_utf16) BS_DECL(bs_get_utf32) BS_DECL(bs_skip_utf32) BS_DECL(bs_utf8_size)
BS_DECL(bs_put_utf8) BS_DECL(bs_utf16_size) BS_DECL(bs_put_utf16) BS_DECL(bs_put_utf32)
BS_DECL(bs_get_tail) BS_DECL(bs_start_match3)
BS_DECL(bs_start_match4) BS_DECL(bs_create_bin)
#undef BS_DECL

#define STACKTRACE_DEPTH 8
#define STACKTRACE_DEPTH_MAX 64
/* The frames of q's stack (its current function, at q->i, first), at most
 * depth, as process_info(Q, current_stacktrace) shows them; built on p's
 * heap. */
Term emu_current_stacktrace(Process *p, Process *q, int depth);

#endif
