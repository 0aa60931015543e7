/* emu.c — the interpreter loop: one block per instruction of ops.def,
 * dispatched by computed goto. Hot state lives in locals: I (next
 * instruction), x (argument registers), FCALLS (reductions left, written
 * back to p->fcalls around calls that count or switch), and the stack
 * pointer E, written through to p->stop (see below). Helpers that are not
 * on hot paths live in emu_support.c. */
#include "emu.h"
#include "emu_support.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../term/map.h"
#include "../term/arith.h"
#include "../proc/gc.h"
#include "../proc/sched.h"
#include "../proc/catches.h"
#include "../proc/message.h"
#include "../bif/bif.h"
#include "bits.h"
#include "../code/module.h"
#include <math.h>
#include <stdlib.h>

const OpInfo emu_ops[OPC__COUNT] = {
#define OP(nm, num, ar) [OPC_##nm] = { #nm, num, ar },
#include "ops.def"
#undef OP
};
const void *emu_op_addr[OPC__COUNT];
static BeamInstr normal_exit_code[1];
static BeamInstr spawn_code[1];
static BeamInstr on_load_return_code[1];
static BeamInstr hibernate_code[1];
const BeamInstr *emu_hibernate_code = hibernate_code;
static BeamInstr exit_pending_code[1];
const BeamInstr *emu_exit_pending_code = exit_pending_code;
const BeamInstr *emu_normal_exit_code = normal_exit_code;
const BeamInstr *emu_spawn_entry = spawn_code;

/* Stack frames: a call pushes its return address; `allocate N` then
 * reserves y(0)..y(N-1) below it, so y(n) is E[n] and a frame reads
 * [y0 .. yN-1][return address]. Return addresses are the only words on the
 * stack with primary tag 00. */
#define SRC(w)  (((w) & 3) ? (Term)(w) : ((w) & 4) ? E[(w) >> 3] : x[(w) >> 3])
#define DST(w, v) do { Term v_ = (v); BeamInstr w_ = (w); \
        if (w_ & 4) E[w_ >> 3] = v_; else x[w_ >> 3] = v_; } while (0)
#define PUSH_CP(a) do { E_SET(E - 1); *E = (Term)(a); } while (0)
/* A call found its module's on_load function still to run: with the
 * caller's frame already set up as for the call itself, push the retry
 * term and a return into i_on_load_return, and run on_load. */
#define ENTER_ON_LOAD() do { p->fclass = EXC_NONE; TEST_HEAP_HERE(3, 0); \
        E_SET(E - 1); *E = p->fstash; p->fstash = NIL; PUSH_CP(on_load_return_code); \
        I = p->i; NEXT; } while (0)
#define LBL(w)  ((const BeamInstr *)(w))
/* Operands whose kind the loader fixed: x(N) is the word N * 8, y(N) is
 * N * 8 + 4 (emu.h), so both index by byte offset without a test. */
#define XR(w) (*(Term *)((char *)x + (w)))
#define YR(w) (*(Term *)((char *)E + (w) - 4))
#define IS_LIT(w) ((unsigned)(((w) & 3) != 0))  /* operand is a constant */
#ifdef GIRDER_OPCOUNT
/* Profiling build (make opcount): count executed instructions and adjacent
 * pairs, printed at exit; shows where specialisation and fusion pay. */
static void opcount_note(const void *addr);
#define NEXT    do { opcount_note((const void *)*I); goto *(const void *)*I; } while (0)
#else
#define NEXT    goto *(const void *)*I
#endif
#define JUMP(l) do { I = LBL(l); NEXT; } while (0)
/* The stack pointer: the local E, written through to p->stop at every
 * change (every allocation checks the heap top against p->stop, so it must
 * never be stale), and reloaded from it where C code may move the stack:
 * after a collection, catch unwinding and a BIF that replaces the stack
 * (EXC_JUMP). Nothing else writes p->stop while the process runs. */
#define E_SET(v) do { E = (v); p->stop = E; } while (0)
#define E_RELOAD() (E = p->stop)
#define POP_RETURN() do { I = (const BeamInstr *)*E; E_SET(E + 1); } while (0)

/* Jump to fail label f, or raise the pending exception if f is 0. */
/* A failing guard BIF with a fail label is no exception: forget what it
 * recorded, or a later error would show its frame. */
#define FAIL_OR_RAISE(f) do { if (f) { p->fclass = EXC_NONE; p->fbif = NULL; JUMP(f); } \
        goto handle_error; } while (0)
#define RAISE_ERROR(reason) do { p->fclass = EXC_ERROR; p->fvalue = (reason); p->fargs = THE_NON_VALUE; \
        p->fbif = NULL; goto handle_error; } while (0)

/* Make room for `need` heap words, collecting with `live` x registers.
 * Heap fragments (received messages, BIF overflow) are joined by a
 * collection once they outweigh the heap block: collecting at every
 * fragment made a message round trip cost a full copy of the live heap. */
#ifdef GIRDER_DEBUG
/* GIRDER_GC_STRESS=1 (debug and sanitizer builds): collect at every heap
 * test, so a term the collector misses shows up at once (make gcstress). */
#define GC_STRESS gc_stress_mode
#else
#define GC_STRESS 0
#endif
#define HEAP_TEST_FAILS(need) __builtin_expect((size_t)(E - p->htop) < (size_t)(need) + 1 || \
            (p->frag_words && p->frag_words > (size_t)(p->hend - p->heap)) || p->gc_requested || \
            GC_STRESS, 0)
/* TEST_HEAP comes first in its instruction (nothing before it has an
 * effect), so a collection long enough to hold up the scheduler leaves the
 * loop and re-runs the instruction afterwards (gc_offload). */
#define TEST_HEAP(need, live) do { \
        if (HEAP_TEST_FAILS(need)) { \
            if (gc_should_offload(p)) { \
                p->gc_need = (need); p->arity = (live); p->i = I; goto gc_offload; } \
            FCALLS -= gc_collect(p, (need), x, (live)); E_RELOAD(); } } while (0)
/* The same where the instruction cannot be re-run: always collect here. */
#define TEST_HEAP_HERE(need, live) do { \
        if (HEAP_TEST_FAILS(need)) { \
            FCALLS -= gc_collect(p, (need), x, (live)); E_RELOAD(); } } while (0)

#ifdef GIRDER_OPCOUNT
#include <stdio.h>
static uint64_t op_count[OPC__COUNT], pair_count[OPC__COUNT][OPC__COUNT];
static int op_prev = -1;
static void opcount_note(const void *addr)
{
    int op = -1;
    for (int i = 0; i < OPC__COUNT; i++)
        if (emu_op_addr[i] == addr) { op = i; break; }
    if (op < 0) return;
    op_count[op]++;
    if (op_prev >= 0) pair_count[op_prev][op]++;
    op_prev = op;
}
static int cmp_desc(const void *a, const void *b)
{
    uint64_t x = ((const uint64_t *)a)[0], y = ((const uint64_t *)b)[0];
    return x < y ? 1 : x > y ? -1 : 0;
}
void emu_opcount_report(void)
{
    static uint64_t rows[OPC__COUNT * OPC__COUNT][2];
    size_t n = 0;
    uint64_t total = 0;
    for (int i = 0; i < OPC__COUNT; i++) { total += op_count[i]; if (op_count[i]) { rows[n][0] = op_count[i]; rows[n][1] = (uint64_t)i; n++; } }
    qsort(rows, n, sizeof rows[0], cmp_desc);
    fprintf(stderr, "instructions: %llu\n", (unsigned long long)total);
    for (size_t i = 0; i < n && i < 40; i++)
        fprintf(stderr, "%6.2f%% %s\n", 100.0 * rows[i][0] / total, emu_ops[rows[i][1]].name);
    n = 0;
    for (int i = 0; i < OPC__COUNT; i++) for (int j = 0; j < OPC__COUNT; j++)
        if (pair_count[i][j]) { rows[n][0] = pair_count[i][j]; rows[n][1] = (uint64_t)(i * OPC__COUNT + j); n++; }
    qsort(rows, n, sizeof rows[0], cmp_desc);
    for (size_t i = 0; i < n && i < 40; i++)
        fprintf(stderr, "%6.2f%% %s + %s\n", 100.0 * rows[i][0] / total,
                emu_ops[rows[i][1] / OPC__COUNT].name, emu_ops[rows[i][1] % OPC__COUNT].name);
}
#endif

/* Arithmetic on floats without a BIF call: both operands numbers
 * (smalls converted as ERTS converts them), at least one a float; a
 * non-finite result is left to the BIF, which raises badarith. */
static inline bool number_operands(Term a, Term b, double *x, double *y)
{
    if (is_float(a)) *x = float_val(a);
    else if (is_small(a)) *x = (double)small_val(a);
    else return false;
    if (is_float(b)) *y = float_val(b);
    else if (is_small(b)) *y = (double)small_val(b);
    else return false;
    return true;
}
static inline bool float_operands(Term a, Term b, double *x, double *y)
{
    return (is_float(a) || is_float(b)) && number_operands(a, b, x, y);
}
#define FLOAT_RESULT(ok, expr) do { if (ok) { double r_ = (expr); if (isfinite(r_)) { \
        Term *hp_ = proc_alloc(p, FLOAT_WORDS); DST(I[6], make_float_at(hp_, r_)); \
        I += 7; NEXT; } } } while (0)

/* Enter a local function (each call instruction expands its own copy, so
 * that each has its own indirect jump for the branch predictor). */
#define LOCAL_CALL(ar_, lb_) do { if (--FCALLS <= 0) { p->i = LBL(lb_); \
        p->arity = (uint32_t)(ar_); goto yield; } JUMP(lb_); } while (0)

/* Reserve y(0)..y(n-1), set to [] (the stack is scanned for return
 * addresses and catches, so no stale word may stay there). */
#define ALLOCATE(n, live) do { UWord n_ = (n); TEST_HEAP(n_, (live)); E_SET(E - n_); \
        for (UWord i_ = 0; i_ < n_; i_++) E[i_] = NIL; } while (0)

void emu_init(void)
{

    emu_run(NULL, NULL);
    normal_exit_code[0] = (BeamInstr)emu_op_addr[OPC_i_normal_exit];
    spawn_code[0] = (BeamInstr)emu_op_addr[OPC_i_spawn_call];
    on_load_return_code[0] = (BeamInstr)emu_op_addr[OPC_i_on_load_return];
    hibernate_code[0] = (BeamInstr)emu_op_addr[OPC_i_hibernate];
    exit_pending_code[0] = (BeamInstr)emu_op_addr[OPC_i_exit_pending];
}

RunResult emu_run(Process *p, Term *x)
{
    if (!p) {
#define OP(nm, num, ar) emu_op_addr[OPC_##nm] = &&L_##nm;
#include "ops.def"
#undef OP
        return RUN_EXIT;
    }
    const BeamInstr *I;
    Term *E = p->stop;
    double fr[FLOAT_REGS];
    enum { CALL_BODY, CALL_TAIL, CALL_LAST } call_kind;
    bool map_exact;        /* float registers: never live across calls */
    int32_t FCALLS = p->fcalls;
    Term t1, t2, res;
    SWord prod;                /* i_times */
    double fa, fb;             /* float fast paths */
    I = p->i;
    for (uint32_t i = 0; i < p->arity; i++)
        x[i] = p->arg_reg[i];
    p->arity = 0;              /* arg_reg is stale from here on */
    NEXT;

/* ---------------------------------------------------------------- calls */
L_call:                                   /* Arity Label */
    PUSH_CP(I + 3);
    LOCAL_CALL(I[1], I[2]);
L_call_only:                              /* Arity Label */
    LOCAL_CALL(I[1], I[2]);
L_call_last:                              /* Arity Label Dealloc */
    E_SET(E + I[3]);
    LOCAL_CALL(I[1], I[2]);

L_call_ext:                               /* Arity Export */
    call_kind = CALL_BODY;
    goto do_call_ext;
L_call_ext_only:
    call_kind = CALL_TAIL;
    goto do_call_ext;
L_call_ext_last:                          /* Arity Export Dealloc */
    call_kind = CALL_LAST;
do_call_ext: {
    Export *ep = (Export *)I[2];
    uint32_t arity = (uint32_t)I[1];
    const BeamInstr *target = atomic_load(&ep->addr);
    if (ep->bif) {
        /* a BIF runs in the caller's frame: no return address is pushed */
        p->fcalls = FCALLS;
        p->i = I;                          /* where the BIF was called from */
        res = emu_call_bif(p, ep, x, arity);
        FCALLS = p->fcalls;
        if (is_non_value(res)) {
            if (p->fclass == EXC_ONLOAD) {
                if (call_kind == CALL_BODY) PUSH_CP(I + 3);
                else if (call_kind == CALL_LAST) E_SET(E + I[3]);
                ENTER_ON_LOAD();
            }
            if (p->fclass == EXC_JUMP) { p->fclass = EXC_NONE; I = p->i; p->arity = 0; E_RELOAD(); NEXT; }
            if (p->fclass != EXC_TRAP)
                goto handle_error;
            p->fclass = EXC_NONE;          /* the BIF continues in Erlang code */
            target = p->i;
            arity = p->arity;
            p->arity = 0;
            goto enter_target;
        }
        x[0] = res;
        if (call_kind == CALL_BODY) I += 3;
        else {
            if (call_kind == CALL_LAST) E_SET(E + I[3]);
            POP_RETURN();
        }
        /* a BIF that spent the budget (erlang:yield/0) switches out at once */
        if (FCALLS <= 0) { p->i = I; p->arity = 1; goto yield; }
        NEXT;
    }
    if (!target) {
        target = emu_resolve_export(p, ep, x, arity, call_kind != CALL_BODY);
        if (!target && p->fclass == EXC_ONLOAD) {
            if (call_kind == CALL_BODY) PUSH_CP(I + 3);
            else if (call_kind == CALL_LAST) E_SET(E + I[3]);
            ENTER_ON_LOAD();
        }
        if (!target)
            goto handle_error;
    }
enter_target:
    if (call_kind == CALL_BODY) PUSH_CP(I + 3);
    else if (call_kind == CALL_LAST) E_SET(E + I[3]);
    if (--FCALLS <= 0) {
        p->i = target;
        p->arity = arity;
        goto yield;
    }
    I = target;
    NEXT;
}

L_return:
    POP_RETURN();
    NEXT;

L_func_info:                              /* M F A: no clause matched */
    p->fclass = EXC_ERROR;
    p->fbif = NULL;
    p->fvalue = AM(function_clause);
    p->fargs = emu_args_list(p, x, (uint32_t)I[3]);
    goto handle_error_at_func;

L_i_normal_exit:
    p->fcalls = FCALLS;
    sched_exit(p, AM(normal));
    return RUN_EXIT;
L_i_exit_pending:                         /* an exit signal to oneself acted */
    p->fcalls = FCALLS;
    sched_exit(p, p->pending_exit);
    return RUN_EXIT;

L_i_spawn_call: {
    uint32_t arity = (uint32_t)small_val(p->initial_call[2]);
    const BeamInstr *target = emu_apply_target(p, p->initial_call[0], p->initial_call[1], x, arity);
    if (!target) {
        if (p->fclass == EXC_NONE) { POP_RETURN(); NEXT; }
        if (p->fclass == EXC_TRAP || p->fclass == EXC_JUMP) { p->fclass = EXC_NONE; I = p->i; p->arity = 0; E_RELOAD(); NEXT; }
        if (p->fclass == EXC_ONLOAD) ENTER_ON_LOAD();
        goto handle_error;
    }
    I = target;
    NEXT;
}

L_i_on_load_return: {                     /* x0: what on_load returned */
    Term retry = *E;
    E_SET(E + 1);
    uint32_t arity;
    const BeamInstr *target = emu_on_load_return(p, retry, x, &arity);
    if (!target)
        goto handle_error;
    I = target;
    NEXT;
}

L_i_hibernate:                            /* x0 M, x1 F, x2 Args; the stack is empty */
    if (msg_peek(p)) {
        uint32_t arity = 0;
        Term m = x[0], f = x[1];
        for (Term l = x[2]; is_list(l); l = CDR(list_val(l)))
            x[arity++] = CAR(list_val(l));
        const BeamInstr *target = emu_apply_target(p, m, f, x, arity);
        if (!target) {
            if (p->fclass == EXC_NONE) { POP_RETURN(); NEXT; }
            if (p->fclass == EXC_TRAP || p->fclass == EXC_JUMP) { p->fclass = EXC_NONE; I = p->i; p->arity = 0; E_RELOAD(); NEXT; }
            if (p->fclass == EXC_ONLOAD) ENTER_ON_LOAD();
            goto handle_error;
        }
        I = target;
        NEXT;
    }
    /* nothing to do yet: shrink to what is live and sleep */
    gc_collect_major(p, 0, x, 3);
    E_RELOAD();
    p->i = I;
    emu_save_regs(p, x, 3);
    p->fcalls = FCALLS;
    return RUN_WAIT;

L_int_code_end:
    RAISE_ERROR(AM(undef));

/* ------------------------------------------------------------ stack/heap */
L_allocate:                               /* StackNeed Live */
L_allocate_zero:
    ALLOCATE(I[1], I[2]);
    I += 3;
    NEXT;
L_allocate_heap:                          /* StackNeed HeapNeed Live */
L_allocate_heap_zero:
    TEST_HEAP(I[1] + I[2], I[3]);
    E_SET(E - I[1]);
    for (UWord i = 0; i < I[1]; i++) E[i] = NIL;
    I += 4;
    NEXT;
L_test_heap:                              /* HeapNeed Live */
    TEST_HEAP(I[1], I[2]);
    I += 3;
    NEXT;
L_init:                                   /* Y */
    DST(I[1], NIL);
    I += 2;
    NEXT;
L_init_yregs: {                           /* List of Y */
    UWord n = I[1];
    for (UWord i = 0; i < n; i++) DST(I[2 + i], NIL);
    I += 2 + n;
    NEXT;
}
L_deallocate:                             /* N */
    E_SET(E + I[1]);
    I += 2;
    NEXT;
L_trim:                                   /* N Remaining */
    E_SET(E + I[1]);
    I += 3;
    NEXT;

/* ------------------------------------------------------------------ moves */
L_move:
    DST(I[2], SRC(I[1]));
    I += 3;
    NEXT;
L_swap:
    t1 = SRC(I[1]);
    DST(I[1], SRC(I[2]));
    DST(I[2], t1);
    I += 3;
    NEXT;
L_get_list:                               /* Src Head Tail */
    t1 = SRC(I[1]);
    DST(I[2], CAR(list_val(t1)));
    DST(I[3], CDR(list_val(t1)));
    I += 4;
    NEXT;
L_get_hd:
    DST(I[2], CAR(list_val(SRC(I[1]))));
    I += 3;
    NEXT;
L_get_tl:
    DST(I[2], CDR(list_val(SRC(I[1]))));
    I += 3;
    NEXT;
L_get_tuple_element:                      /* Src Index Dst */
    DST(I[3], tuple_val(SRC(I[1]))[I[2] + 1]);
    I += 4;
    NEXT;
L_set_tuple_element:                      /* Value Tuple Index */
    tuple_val(SRC(I[2]))[I[3] + 1] = SRC(I[1]);
    I += 4;
    NEXT;
L_put_list: {                             /* Head Tail Dst */
    Term *hp = proc_alloc(p, 2);
    hp[0] = SRC(I[1]);
    hp[1] = SRC(I[2]);
    DST(I[3], make_list(hp));
    I += 4;
    NEXT;
}
L_put_tuple2: {                           /* Dst List */
    UWord n = I[2];
    Term *hp = proc_alloc(p, n + 1);
    hp[0] = make_arityval(n);
    for (UWord i = 0; i < n; i++) hp[i + 1] = SRC(I[3 + i]);
    DST(I[1], make_tuple(hp));
    I += 3 + n;
    NEXT;
}

/* ------------------------------------------------------------ type tests */
#define TYPE_TEST(name, cond) \
L_##name: t1 = SRC(I[2]); if (!(cond)) { JUMP(I[1]); } I += 3; NEXT;
TYPE_TEST(is_integer, is_integer(t1))
TYPE_TEST(is_float, is_float(t1))
TYPE_TEST(is_number, is_number(t1))
TYPE_TEST(is_atom, is_atom(t1))
TYPE_TEST(is_pid, is_pid(t1))
TYPE_TEST(is_reference, is_ref(t1))
TYPE_TEST(is_port, is_port(t1))
TYPE_TEST(is_nil, is_nil(t1))
TYPE_TEST(is_binary, emu_is_binary(t1))
TYPE_TEST(is_bitstr, is_bitstring(t1))
TYPE_TEST(is_list, is_list(t1) || is_nil(t1))
TYPE_TEST(is_nonempty_list, is_list(t1))
TYPE_TEST(is_tuple, is_tuple(t1))
TYPE_TEST(is_function, is_any_fun(t1))
TYPE_TEST(is_boolean, t1 == AM(true) || t1 == AM(false))
TYPE_TEST(is_map, is_map(t1))
L_is_function2:                           /* Fail Src Arity */
    t1 = SRC(I[2]);
    t2 = SRC(I[3]);
    if (!emu_is_function2(t1, t2)) JUMP(I[1]);
    I += 4;
    NEXT;
L_test_arity:                             /* Fail Src Arity */
    t1 = SRC(I[2]);
    if (!is_tuple(t1) || tuple_arity(t1) != I[3]) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_tagged_tuple:                        /* Fail Src Arity Atom */
    t1 = SRC(I[2]);
    if (!is_tuple(t1) || tuple_arity(t1) != I[3] || tuple_val(t1)[1] != (Term)I[4]) JUMP(I[1]);
    I += 5;
    NEXT;

/* ------------------------------------------------------------ comparisons */
L_is_eq_exact:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (t1 != t2 && (is_immed(t1) || is_immed(t2) || !term_eq_exact(t1, t2))) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_ne_exact:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (t1 == t2 || (!is_immed(t1) && !is_immed(t2) && term_eq_exact(t1, t2))) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_eq:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (t1 != t2 && term_compare(t1, t2) != 0) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_ne:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (t1 == t2 || term_compare(t1, t2) == 0) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_lt:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (is_small(t1) && is_small(t2) ? !((SWord)t1 < (SWord)t2) :
        is_float(t1) && is_float(t2) ? !(float_val(t1) < float_val(t2)) :
        term_compare(t1, t2) >= 0) JUMP(I[1]);
    I += 4;
    NEXT;
L_is_ge:
    t1 = SRC(I[2]); t2 = SRC(I[3]);
    if (is_small(t1) && is_small(t2) ? !((SWord)t1 >= (SWord)t2) :
        is_float(t1) && is_float(t2) ? !(float_val(t1) >= float_val(t2)) :
        term_compare(t1, t2) < 0) JUMP(I[1]);
    I += 4;
    NEXT;

/* -------------------------------------------------------------- branching */
L_jump:
    JUMP(I[1]);
L_select_val: {                           /* Src Fail N (Value Label)* */
    t1 = SRC(I[1]);
    UWord n = I[3];
    const BeamInstr *list = I + 4;
    for (UWord i = 0; i < n; i += 2)
        if (list[i] == t1 || (!is_immed(t1) && term_eq_exact((Term)list[i], t1)))
            JUMP(list[i + 1]);
    JUMP(I[2]);
}
L_select_tuple_arity: {                   /* Src Fail N (Arity Label)* */
    t1 = SRC(I[1]);
    if (!is_tuple(t1)) JUMP(I[2]);
    UWord arity = tuple_arity(t1), n = I[3];
    const BeamInstr *list = I + 4;
    for (UWord i = 0; i < n; i += 2)
        if (list[i] == arity) JUMP(list[i + 1]);
    JUMP(I[2]);
}

/* -------------------------------------------------------------- errors */
L_badmatch:
    t1 = SRC(I[1]);
    RAISE_ERROR(bif_tuple2(p, AM(badmatch), t1));
L_case_end:
    t1 = SRC(I[1]);
    RAISE_ERROR(bif_tuple2(p, AM(case_clause), t1));
L_try_case_end:
    t1 = SRC(I[1]);
    RAISE_ERROR(bif_tuple2(p, AM(try_clause), t1));
L_badrecord:
    t1 = SRC(I[1]);
    RAISE_ERROR(bif_tuple2(p, AM(badrecord), t1));
L_if_end:
    RAISE_ERROR(AM(if_clause));

/* ------------------------------------------------------------------ BIFs */
L_bif0: {                                 /* Bif Dst */
    Export *ep = (Export *)I[1];
    res = emu_guard_bif(p, ep, NULL, 0);
    if (is_non_value(res)) goto handle_error_bif0;
    DST(I[2], res);
    I += 3;
    NEXT;
handle_error_bif0:
    goto handle_error;
}
L_bif1: {                                 /* Fail Bif Arg Dst */
    Term args[1] = { SRC(I[3]) };
    res = emu_guard_bif(p, (Export *)I[2], args, 1);
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[4], res);
    I += 5;
    NEXT;
}
L_bif2: {                                 /* Fail Bif Arg1 Arg2 Dst */
    Term args[2] = { SRC(I[3]), SRC(I[4]) };
    res = emu_guard_bif(p, (Export *)I[2], args, 2);
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[5], res);
    I += 6;
    NEXT;
}
L_gc_bif1: {                              /* Fail Live Bif Arg Dst */
    Term args[1] = { SRC(I[4]) };
    res = emu_gc_bif(p, (Export *)I[3], args, 1, IS_LIT(I[4]));
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[5], res);
    I += 6;
    NEXT;
}
L_gc_bif2: {                              /* Fail Live Bif Arg1 Arg2 Dst */
    Term args[2] = { SRC(I[4]), SRC(I[5]) };
    res = emu_gc_bif(p, (Export *)I[3], args, 2, IS_LIT(I[4]) | IS_LIT(I[5]) << 1);
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[6], res);
    I += 7;
    NEXT;
}
/* gc_bif2 erlang:'+'/2 and '-'/2 on two smalls or floats: no call (the
 * tagged-word arithmetic is explained at i_plus_xc). */
L_i_plus:
    t1 = SRC(I[4]); t2 = SRC(I[5]);
    if (is_small(t1) && is_small(t2) &&
        !__builtin_add_overflow((SWord)t1, (SWord)(t2 & ~(Term)0xF), &prod)) {
        DST(I[6], (Term)prod); I += 7; NEXT;
    }
    FLOAT_RESULT(float_operands(t1, t2, &fa, &fb), fa + fb);
    goto L_gc_bif2;
L_i_minus:
    t1 = SRC(I[4]); t2 = SRC(I[5]);
    if (is_small(t1) && is_small(t2) &&
        !__builtin_sub_overflow((SWord)t1, (SWord)(t2 & ~(Term)0xF), &prod)) {
        DST(I[6], (Term)prod); I += 7; NEXT;
    }
    FLOAT_RESULT(float_operands(t1, t2, &fa, &fb), fa - fb);
    goto L_gc_bif2;
L_i_fdiv:                                 /* gc_bif2 '/' */
    t1 = SRC(I[4]); t2 = SRC(I[5]);
    FLOAT_RESULT(number_operands(t1, t2, &fa, &fb) && fb != 0.0, fa / fb);
    goto L_gc_bif2;
L_gc_bif3: {                              /* Fail Live Bif Arg1 Arg2 Arg3 Dst */
    Term args[3] = { SRC(I[4]), SRC(I[5]), SRC(I[6]) };
    res = emu_gc_bif(p, (Export *)I[3], args, 3, IS_LIT(I[4]) | IS_LIT(I[5]) << 1 | IS_LIT(I[6]) << 2);
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[7], res);
    I += 8;
    NEXT;
}

/* ------------------------------------------------------- funs and apply */
L_make_fun2: {                            /* FunEntry (free vars in x0..) */
    FunEntry *fe = (FunEntry *)I[1];
    DST(REG_X(0), emu_make_fun(p, fe, x));
    I += 2;
    NEXT;
}
L_make_fun3: {                            /* FunEntry Dst N FreeVars... */
    FunEntry *fe = (FunEntry *)I[1];
    UWord n = I[3];
    Term fv[256];
    for (UWord i = 0; i < n && i < 256; i++) fv[i] = SRC(I[4 + i]);
    DST(I[2], emu_make_fun(p, fe, fv));
    I += 4 + n;
    NEXT;
}
L_call_fun: {                             /* Arity: fun in x(Arity) */
    uint32_t arity = (uint32_t)I[1];
    t1 = x[arity];
    PUSH_CP(I + 2);
    goto do_call_fun;
L_call_fun2:                              /* Tag Arity Func */
    arity = (uint32_t)I[2];
    t1 = SRC(I[3]);
    PUSH_CP(I + 4);
do_call_fun:
    p->fcalls = FCALLS;
    const BeamInstr *target = emu_fun_target(p, t1, x, arity);
    FCALLS = p->fcalls;
    if (!target) {
        if (p->fclass == EXC_NONE) {      /* a BIF export ran to completion */
            POP_RETURN();
            NEXT;
        }
        if (p->fclass == EXC_TRAP || p->fclass == EXC_JUMP) { p->fclass = EXC_NONE; I = p->i; p->arity = 0; E_RELOAD(); NEXT; }
        if (p->fclass == EXC_ONLOAD) ENTER_ON_LOAD();
        goto handle_error;
    }
    if (--FCALLS <= 0) {
        p->i = target;
        p->arity = arity + (is_fun(t1) ? fun_num_free(t1) : 0);
        goto yield;
    }
    I = target;
    NEXT;
}
L_apply: {                                /* Arity: M F in x(Arity), x(Arity+1) */
    uint32_t arity = (uint32_t)I[1];
    PUSH_CP(I + 2);
    goto do_apply;
L_apply_last:                             /* Arity Dealloc */
    arity = (uint32_t)I[1];
    E_SET(E + I[2]);
do_apply:
    p->fcalls = FCALLS;
    const BeamInstr *target = emu_apply_target(p, x[arity], x[arity + 1], x, arity);
    FCALLS = p->fcalls;
    if (!target) {
        if (p->fclass == EXC_NONE) { POP_RETURN(); NEXT; }
        if (p->fclass == EXC_TRAP || p->fclass == EXC_JUMP) { p->fclass = EXC_NONE; I = p->i; p->arity = 0; E_RELOAD(); NEXT; }
        if (p->fclass == EXC_ONLOAD) ENTER_ON_LOAD();
        goto handle_error;
    }
    if (--FCALLS <= 0) { p->i = target; p->arity = arity; goto yield; }
    I = target;
    NEXT;
}

/* ------------------------------------------------------------- exceptions */
L_catch:                                  /* Y CatchTerm */
L_try:
    DST(I[1], (Term)I[2]);
    p->catches++;
    I += 3;
    NEXT;
L_catch_end:                              /* Y */
    DST(I[1], NIL);
    p->catches--;
    if (is_non_value(x[0])) {
        x[0] = emu_catch_value(p, x[1], x[2], x[3]);
    }
    I += 2;
    NEXT;
L_try_end:                                /* Y */
    DST(I[1], NIL);
    p->catches--;
    I += 2;
    NEXT;
L_try_case:                               /* Y */
    DST(I[1], NIL);
    p->catches--;
    x[0] = x[1];
    x[1] = x[2];
    x[2] = x[3];
    I += 2;
    NEXT;
L_raise:                                  /* Trace Value */
    t1 = SRC(I[1]);
    t2 = SRC(I[2]);
    emu_reraise(p, t1, t2);
    goto handle_error_keep_trace;
L_build_stacktrace:
    x[0] = emu_build_stacktrace(p, x[0]);
    I += 1;
    NEXT;
L_raw_raise:                              /* x0 class, x1 reason, x2 trace */
    if (!emu_raw_raise(p, x[0], x[1], x[2])) {
        x[0] = AM(badarg);
        I += 1;
        NEXT;
    }
    goto handle_error_keep_trace;

/* --------------------------------------------------------------- messages */
L_send:
    p->fcalls = FCALLS;
    res = msg_send(p, x[0], x[1]);
    FCALLS = p->fcalls;
    if (is_non_value(res)) goto handle_error;
    x[0] = res;
    I += 1;
    NEXT;
L_loop_rec: {                             /* Fail Dst */
    Message *m = msg_peek(p);
    if (!m) JUMP(I[1]);
    DST(I[2], m->term);
    I += 3;
    NEXT;
}
L_loop_rec_end:                           /* Label */
    msg_skip(p);
    JUMP(I[1]);
L_remove_message:
    msg_remove(p);
    I += 1;
    NEXT;
L_timeout:
    msg_timeout(p);
    I += 1;
    NEXT;
L_wait:                                   /* Label */
    p->i = LBL(I[1]);
    p->timeout_at = -1;
    goto wait;
L_wait_timeout: {                         /* Label Timeout */
    t1 = SRC(I[2]);
    int r = msg_set_timeout(p, t1);
    if (r < 0) {                           /* the next receive starts afresh */
        msg_timeout(p);
        RAISE_ERROR(AM(timeout_value));
    }
    if (r == 0) { I += 3; NEXT; }          /* already expired: fall to timeout */
    p->i = LBL(I[1]);
    goto wait;
}
L_recv_marker_reserve:                    /* Dst */
    DST(I[1], msg_marker_reserve(p));
    I += 2;
    NEXT;
L_recv_marker_bind:                       /* Marker Ref */
    msg_marker_bind(p, SRC(I[1]), SRC(I[2]));
    I += 3;
    NEXT;
L_recv_marker_clear:                      /* Ref */
    msg_marker_clear(p, SRC(I[1]));
    I += 2;
    NEXT;
L_recv_marker_use:                        /* Ref */
    msg_marker_use(p, SRC(I[1]));
    I += 2;
    NEXT;
L_recv_mark:
L_recv_set:
    I += 2;
    NEXT;

/* ----------------------------------------------------------------- floats */
/* Float registers live in the process's fr array. */
L_fclearerror:
    I += 1;
    NEXT;
L_fcheckerror:
    I += 2;
    NEXT;
L_fmove:                                  /* never emitted: split by the loader */
L_i_fmove_from_fr: {                      /* Fr Dst */
    Term *hp = proc_alloc(p, FLOAT_WORDS);
    DST(I[2], make_float_at(hp, fr[I[1]]));
    I += 3;
    NEXT;
}
L_i_fmove_to_fr:                          /* Src Fr */
    fr[I[2]] = float_val(SRC(I[1]));
    I += 3;
    NEXT;
L_fconv: {                                /* Src FrDst */
    t1 = SRC(I[1]);
    double d;
    if (!arith_to_double(t1, &d)) RAISE_ERROR(AM(badarith));
    fr[I[2]] = d;
    I += 3;
    NEXT;
}
#define FLOAT_OP(name, expr) \
L_##name: { double a = fr[I[2]], b = fr[I[3]]; double r = (expr); \
    if (!isfinite(r)) { RAISE_ERROR(AM(badarith)); } fr[I[4]] = r; I += 5; NEXT; }
FLOAT_OP(fadd, a + b)
FLOAT_OP(fsub, a - b)
FLOAT_OP(fmul, a * b)
FLOAT_OP(fdiv, a / b)
L_fnegate:
    fr[I[3]] = -fr[I[2]];
    I += 4;
    NEXT;

/* ------------------------------------------------------------------- maps */
L_put_map_assoc:                          /* Fail Src Dst Live List */
    map_exact = false;
    goto do_put_map;
L_put_map_exact:
    map_exact = true;
do_put_map: {
    bool exact = map_exact;
    t1 = SRC(I[2]);
    UWord n = I[5];
    res = emu_put_map(p, t1, exact, I + 6, n, x, E);
    if (is_non_value(res)) FAIL_OR_RAISE(I[1]);
    DST(I[3], res);
    I += 6 + n;
    NEXT;
}
L_has_map_fields: {                       /* Fail Src List */
    t1 = SRC(I[2]);
    UWord n = I[3];
    if (!is_map(t1)) JUMP(I[1]);
    for (UWord i = 0; i < n; i++)
        if (is_non_value(map_get(t1, SRC(I[4 + i])))) JUMP(I[1]);
    I += 4 + n;
    NEXT;
}
L_get_map_elements: {                     /* Fail Src List(Key Dst)* */
    t1 = SRC(I[2]);
    UWord n = I[3];
    if (!is_map(t1)) JUMP(I[1]);
    for (UWord i = 0; i < n; i += 2) {
        Term v = map_get(t1, SRC(I[4 + i]));
        if (is_non_value(v)) JUMP(I[1]);
        DST(I[5 + i], v);
    }
    I += 4 + n;
    NEXT;
}

/* ------------------------------------------------------------ bit syntax */
#define BS_OP(name) L_##name: { const BeamInstr *next_ = emu_bs_##name(p, I, x, &res); \
    if (!next_) { goto handle_error; } I = next_; NEXT; }
/* Matching on byte boundaries, inline; anything else goes through the
 * runtime in bits.c (emu_bits.c decodes the same operands). */
L_bs_get_integer2: {                      /* Fail Ctx Live Size Unit Flags Dst */
    t1 = SRC(I[2]);
    t2 = SRC(I[4]);
    if (is_small(t2) && !(I[6] & BITS_F_SIGNED)) {
        UWord n = (UWord)small_val(t2) * I[5];
        Term *m = ms_val(t1);
        UWord pos = m[MS_POS];
        if (n - 1 < 32 && ((pos | n) & 7) == 0 && m[MS_END] - pos >= n) {
            const uint8_t *b = bin_orig_bytes(m[MS_ORIG]) + pos / 8;
            UWord v = 0;
            if (I[6] & (BITS_F_LITTLE | BITS_F_NATIVE))
                for (UWord k = n / 8; k-- > 0;) v = v << 8 | b[k];
            else
                for (UWord k = 0; k < n / 8; k++) v = v << 8 | b[k];
            m[MS_POS] = pos + n;
            DST(I[7], make_small(v));
            I += 8;
            NEXT;
        }
    }
    const BeamInstr *next_ = emu_bs_bs_get_integer2(p, I, x, &res);
    if (!next_) goto handle_error;
    I = next_;
    NEXT;
}
L_bs_test_tail2:                          /* Fail Ctx Bits */
    if (ms_remaining(SRC(I[2])) != I[3]) JUMP(I[1]);
    I += 4;
    NEXT;
L_bs_test_unit:                           /* Fail Ctx Unit */
    if (ms_remaining(SRC(I[2])) % I[3] != 0) JUMP(I[1]);
    I += 4;
    NEXT;
L_bs_get_position:                        /* Ctx Dst Live */
    DST(I[2], bits_get_position(SRC(I[1])));
    I += 4;
    NEXT;
L_bs_set_position:                        /* Ctx Pos */
    bits_set_position(SRC(I[1]), SRC(I[2]));
    I += 3;
    NEXT;
BS_OP(bs_put_integer)
BS_OP(bs_put_binary)
BS_OP(bs_put_float)
BS_OP(bs_put_string)
BS_OP(bs_init2)
BS_OP(bs_add)
BS_OP(bs_get_float2)
BS_OP(bs_get_binary2)
BS_OP(bs_skip_bits2)
BS_OP(bs_match_string)
BS_OP(bs_init_writable)
BS_OP(bs_append)
BS_OP(bs_private_append)
BS_OP(bs_init_bits)
BS_OP(bs_get_utf8)
BS_OP(bs_skip_utf8)
BS_OP(bs_get_utf16)
BS_OP(bs_skip_utf16)
BS_OP(bs_get_utf32)
BS_OP(bs_skip_utf32)
BS_OP(bs_utf8_size)
BS_OP(bs_put_utf8)
BS_OP(bs_utf16_size)
BS_OP(bs_put_utf16)
BS_OP(bs_put_utf32)
BS_OP(bs_get_tail)
BS_OP(bs_start_match3)
BS_OP(bs_start_match4)
BS_OP(bs_create_bin)

/* ------------------------------------------- load-time specialisations */
/* Operand words keep the generic encoding (emu.h); what the loader knows
 * is the kind, so XR/YR index without testing it: an x word is N * 8, a
 * y word N * 8 + 4. A specialised body may fall back to the generic one
 * (same layout) for its slow path. */
#define MOVE_OP(k, get, put) L_i_move_##k: put(I[2]) = get(I[1]); I += 3; NEXT;
MOVE_OP(xx, XR, XR)
MOVE_OP(xy, XR, YR)
MOVE_OP(yx, YR, XR)
MOVE_OP(yy, YR, YR)
MOVE_OP(cx, (Term), XR)
MOVE_OP(cy, (Term), YR)
L_i_get_tuple_element_xx:                 /* Src Index Dst */
    XR(I[3]) = tuple_val(XR(I[1]))[I[2] + 1];
    I += 4;
    NEXT;
L_i_get_tuple_element_yx:
    XR(I[3]) = tuple_val(YR(I[1]))[I[2] + 1];
    I += 4;
    NEXT;
L_i_get_tuple_element_xy:
    YR(I[3]) = tuple_val(XR(I[1]))[I[2] + 1];
    I += 4;
    NEXT;
L_i_get_list_xxx: {                       /* Src Head Tail */
    const Term *c = list_val(XR(I[1]));
    t1 = CAR(c); t2 = CDR(c);
    XR(I[2]) = t1; XR(I[3]) = t2;
    I += 4;
    NEXT;
}
L_i_get_list_xxy: {
    const Term *c = list_val(XR(I[1]));
    t1 = CAR(c); t2 = CDR(c);
    XR(I[2]) = t1; YR(I[3]) = t2;
    I += 4;
    NEXT;
}
L_i_get_list_xyx: {
    const Term *c = list_val(XR(I[1]));
    t1 = CAR(c); t2 = CDR(c);
    YR(I[2]) = t1; XR(I[3]) = t2;
    I += 4;
    NEXT;
}
L_i_get_tuple_element2_xx: {              /* Src Index Dst1 Dst2 */
    const Term *tp = tuple_val(XR(I[1])) + I[2] + 1;
    t1 = tp[0]; t2 = tp[1];
    XR(I[3]) = t1; XR(I[4]) = t2;
    I += 5;
    NEXT;
}
L_i_select_val_imm: {                     /* Src Fail N (Value Label)*: immediates */
    t1 = SRC(I[1]);
    UWord n = I[3];
    const BeamInstr *list = I + 4;
    for (UWord i = 0; i < n; i += 2)
        if (list[i] == t1) JUMP(list[i + 1]);
    JUMP(I[2]);
}
L_i_select_val_bin: {                     /* ... values sorted as words */
    t1 = SRC(I[1]);
    const BeamInstr *list = I + 4;
    UWord lo = 0, hi = I[3] / 2;
    while (lo < hi) {
        UWord mid = (lo + hi) / 2;
        if (list[2 * mid] == t1) JUMP(list[2 * mid + 1]);
        if (list[2 * mid] < t1) lo = mid + 1; else hi = mid;
    }
    JUMP(I[2]);
}
L_i_nonempty_get_list_xxx: {              /* Fail Src Head Tail */
    t1 = XR(I[2]);
    if (!is_list(t1)) JUMP(I[1]);
    const Term *c = list_val(t1);
    t1 = CAR(c); t2 = CDR(c);
    XR(I[3]) = t1; XR(I[4]) = t2;
    I += 5;
    NEXT;
}
L_i_is_nonempty_list_x:
    if (!is_list(XR(I[2]))) JUMP(I[1]);
    I += 3;
    NEXT;
L_i_is_nil_x:
    if (XR(I[2]) != NIL) JUMP(I[1]);
    I += 3;
    NEXT;
L_i_is_tuple_x:
    if (!is_tuple(XR(I[2]))) JUMP(I[1]);
    I += 3;
    NEXT;
L_i_test_arity_x:                         /* Fail Src Arity */
    t1 = XR(I[2]);
    if (!is_boxed(t1) || boxed_header(t1) != make_arityval(I[3])) JUMP(I[1]);
    I += 4;
    NEXT;
L_i_is_tagged_tuple_x:                    /* Fail Src Arity Atom */
    t1 = XR(I[2]);
    if (!is_boxed(t1) || boxed_header(t1) != make_arityval(I[3]) ||
        tuple_val(t1)[1] != (Term)I[4]) JUMP(I[1]);
    I += 5;
    NEXT;
/* exact (in)equality with an immediate: equal terms are the same word */
L_i_is_eq_exact_xc:
    if (XR(I[2]) != (Term)I[3]) JUMP(I[1]);
    I += 4;
    NEXT;
L_i_is_ne_exact_xc:
    if (XR(I[2]) == (Term)I[3]) JUMP(I[1]);
    I += 4;
    NEXT;
L_i_is_eq_exact_yc:
    if (YR(I[2]) != (Term)I[3]) JUMP(I[1]);
    I += 4;
    NEXT;
L_i_is_eq_exact_xx:
    t1 = XR(I[2]); t2 = XR(I[3]);
    if (t1 != t2 && (is_immed(t1) || is_immed(t2) || !term_eq_exact(t1, t2))) JUMP(I[1]);
    I += 4;
    NEXT;
/* < and >= on two smalls compare the words (same tag); otherwise the
 * generic body decides */
#define CMP_OP(name, ga, gb, generic, op) L_i_##name: t1 = ga(I[2]); t2 = gb(I[3]); \
    if (!(is_small(t1) && is_small(t2))) goto L_##generic; \
    if (!((SWord)t1 op (SWord)t2)) { JUMP(I[1]); } I += 4; NEXT;
CMP_OP(is_lt_xx, XR, XR, is_lt, <)
CMP_OP(is_lt_xc, XR, (Term), is_lt, <)
CMP_OP(is_lt_cx, (Term), XR, is_lt, <)
CMP_OP(is_ge_xx, XR, XR, is_ge, >=)
CMP_OP(is_ge_xc, XR, (Term), is_ge, >=)
CMP_OP(is_ge_cx, (Term), XR, is_ge, >=)
L_i_put_list_xxx: {                       /* Head Tail Dst */
    Term *hp = proc_alloc(p, 2);
    hp[0] = XR(I[1]);
    hp[1] = XR(I[2]);
    XR(I[3]) = make_list(hp);
    I += 4;
    NEXT;
}
L_i_put_list_xnx: {
    Term *hp = proc_alloc(p, 2);
    hp[0] = XR(I[1]);
    hp[1] = NIL;
    XR(I[3]) = make_list(hp);
    I += 4;
    NEXT;
}
L_i_put_list_yxx: {
    Term *hp = proc_alloc(p, 2);
    hp[0] = YR(I[1]);
    hp[1] = XR(I[2]);
    XR(I[3]) = make_list(hp);
    I += 4;
    NEXT;
}
/* gc_bif2 '+' / '-' of an x register and a small literal */
/* A small is its value shifted left by 4 with tag 0xF in the low bits: adding
 * the other operand's untagged word keeps the tag, and the 64-bit sum
 * overflows exactly when the 60-bit one does. */
L_i_plus_xc:                              /* ... Dst: an x register */
    t1 = XR(I[4]);
    if (is_small(t1) && !__builtin_add_overflow((SWord)t1, (SWord)(I[5] & ~(BeamInstr)0xF), &prod)) {
        XR(I[6]) = (Term)prod; I += 7; NEXT;
    }
    goto L_i_plus;
L_i_minus_xc:
    t1 = XR(I[4]);
    if (is_small(t1) && !__builtin_sub_overflow((SWord)t1, (SWord)(I[5] & ~(BeamInstr)0xF), &prod)) {
        XR(I[6]) = (Term)prod; I += 7; NEXT;
    }
    goto L_i_minus;
/* more gc_bif2 operators with an inline path for two smalls; anything
 * else (bignums, floats, errors) goes through the BIF */
#define SMALL_OP2(name, ok, expr) L_i_##name: t1 = SRC(I[4]); t2 = SRC(I[5]); \
    if (is_small(t1) && is_small(t2)) { SWord a = small_val(t1), b = small_val(t2); \
        (void)a; (void)b; if (ok) { SWord r = (expr); \
            if (IS_SSMALL(r)) { DST(I[6], make_small(r)); I += 7; NEXT; } } } \
    goto L_gc_bif2;
L_i_times:
    t1 = SRC(I[4]); t2 = SRC(I[5]);
    if (is_small(t1) && is_small(t2) &&
        !__builtin_mul_overflow(small_val(t1), small_val(t2), &prod) && IS_SSMALL(prod)) {
        DST(I[6], make_small(prod)); I += 7; NEXT;
    }
    FLOAT_RESULT(float_operands(t1, t2, &fa, &fb), fa * fb);
    goto L_gc_bif2;
SMALL_OP2(band, 1, a & b)
SMALL_OP2(bor, 1, a | b)
SMALL_OP2(bxor, 1, a ^ b)
SMALL_OP2(rem, b != 0, a % b)
SMALL_OP2(div, b != 0 && !(a == MIN_SMALL && b == -1), a / b)
SMALL_OP2(bsr, b >= 0 && b < 64, a >> b)
SMALL_OP2(bsl, b >= 0 && b < 60 && a >= 0 && a < ((SWord)1 << (59 - b)), a << b)

/* ------------------------------------------------------ inline guard BIFs */
L_i_element:                              /* Fail Bif Index Tuple Dst */
    t1 = SRC(I[3]); t2 = SRC(I[4]);
    if (is_small(t1) && is_tuple(t2) && (UWord)small_val(t1) - 1 < tuple_arity(t2)) {
        DST(I[5], tuple_val(t2)[small_val(t1)]);
        I += 6;
        NEXT;
    }
    goto L_bif2;
L_i_map_get:                              /* Fail Bif Key Map Dst */
    t1 = SRC(I[3]); t2 = SRC(I[4]);
    if (is_map(t2) && is_value(res = map_get(t2, t1))) {
        DST(I[5], res);
        I += 6;
        NEXT;
    }
    goto L_bif2;
L_i_is_map_key:
    t1 = SRC(I[3]); t2 = SRC(I[4]);
    if (!is_map(t2)) goto L_bif2;
    DST(I[5], is_value(map_get(t2, t1)) ? AM(true) : AM(false));
    I += 6;
    NEXT;
L_i_hd:                                   /* Fail Bif Arg Dst */
    t1 = SRC(I[3]);
    if (!is_list(t1)) goto L_bif1;
    DST(I[4], CAR(list_val(t1)));
    I += 5;
    NEXT;
L_i_tl:
    t1 = SRC(I[3]);
    if (!is_list(t1)) goto L_bif1;
    DST(I[4], CDR(list_val(t1)));
    I += 5;
    NEXT;
L_i_tuple_size:                           /* Fail Live Bif Arg Dst */
    t1 = SRC(I[4]);
    if (!is_tuple(t1)) goto L_gc_bif1;
    DST(I[5], make_small(tuple_arity(t1)));
    I += 6;
    NEXT;
L_i_map_size:
    t1 = SRC(I[4]);
    if (!is_map(t1)) goto L_gc_bif1;
    DST(I[5], make_small((SWord)map_size(t1)));
    I += 6;
    NEXT;
L_i_length: {
    SWord n = 0;
    for (t1 = SRC(I[4]); is_list(t1); t1 = CDR(list_val(t1)))
        n++;
    if (t1 != NIL) goto L_gc_bif1;
    DST(I[5], make_small(n));
    I += 6;
    NEXT;
}
L_i_byte_size:
    t1 = SRC(I[4]);
    if (!is_bitstring(t1)) goto L_gc_bif1;
    DST(I[5], make_small((SWord)bin_byte_size(t1)));
    I += 6;
    NEXT;

/* ----------------------------------------------------------- fused pairs */
/* Each does the first instruction's work and then the second's, whose
 * operands follow the first's (no opcode word between them). Bodies are
 * expanded, not shared by goto, so each keeps its own dispatch jump. */
L_i_deallocate_return:                    /* N */
    E_SET(E + I[1]);
    POP_RETURN();
    NEXT;
#define MOVE_RETURN(k, get) L_i_move_return_##k: XR(I[2]) = get(I[1]); \
    POP_RETURN(); NEXT;
MOVE_RETURN(xx, XR)
MOVE_RETURN(yx, YR)
MOVE_RETURN(cx, (Term))
#define MOVE_CALL(k, get) L_i_move_call_##k: XR(I[2]) = get(I[1]); \
    PUSH_CP(I + 5); LOCAL_CALL(I[3], I[4]);
MOVE_CALL(xx, XR)
MOVE_CALL(yx, YR)
MOVE_CALL(cx, (Term))
#define MOVE_CALL_LAST(k, get) L_i_move_call_last_##k: XR(I[2]) = get(I[1]); \
    E_SET(E + I[5]); LOCAL_CALL(I[3], I[4]);
MOVE_CALL_LAST(xx, XR)
MOVE_CALL_LAST(yx, YR)
#define MOVE_CALL_ONLY(k, get) L_i_move_call_only_##k: XR(I[2]) = get(I[1]); \
    LOCAL_CALL(I[3], I[4]);
MOVE_CALL_ONLY(xx, XR)
MOVE_CALL_ONLY(yx, YR)
#define MOVE2(k, get1, put1, get2, put2) L_i_move2_##k: put1(I[2]) = get1(I[1]); \
    put2(I[4]) = get2(I[3]); I += 5; NEXT;
MOVE2(xyxy, XR, YR, XR, YR)
MOVE2(yxyx, YR, XR, YR, XR)
MOVE2(xxxx, XR, XR, XR, XR)
MOVE2(yxxx, YR, XR, XR, XR)
MOVE2(xyxx, XR, YR, XR, XR)
#define TEST_HEAP_PUT_LIST(k, head, tail) L_i_test_heap_put_list_##k: { \
    TEST_HEAP(I[1], I[2]); Term *hp = proc_alloc(p, 2); hp[0] = head; hp[1] = tail; \
    XR(I[5]) = make_list(hp); I += 6; NEXT; }
TEST_HEAP_PUT_LIST(xxx, XR(I[3]), XR(I[4]))
TEST_HEAP_PUT_LIST(xnx, XR(I[3]), NIL)
TEST_HEAP_PUT_LIST(yxx, YR(I[3]), XR(I[4]))
L_i_is_nonempty_list_allocate_x:          /* Fail Src StackNeed Live */
    if (!is_list(XR(I[2]))) JUMP(I[1]);
    ALLOCATE(I[3], I[4]);
    I += 5;
    NEXT;
L_i_get_list_xyx_call: {                  /* Src Hd Tl Arity Label */
    const Term *c = list_val(XR(I[1]));
    t1 = CAR(c); t2 = CDR(c);
    YR(I[2]) = t1; XR(I[3]) = t2;
    PUSH_CP(I + 6);
    LOCAL_CALL(I[4], I[5]);
}
L_i_allocate_move_xy:                     /* Need Live S D */
    ALLOCATE(I[1], I[2]);
    YR(I[4]) = XR(I[3]);
    I += 5;
    NEXT;

/* ------------------------------------------------------------------ misc */
L_label:                                  /* these four are consumed by the loader */
L_line:
L_on_load:
L_nif_start:
    RAISE_ERROR(AM(undef));

/* ---------------------------------------------------- leaving the loop */
yield:
    /* p->i and p->arity are set */
    emu_save_regs(p, x, p->arity);
    p->fcalls = FCALLS;
    return RUN_YIELD;
wait:
    p->arity = 0;
    p->fcalls = FCALLS;
    return RUN_WAIT;
gc_offload:
    /* p->i, p->arity and p->gc_need are set */
    emu_save_regs(p, x, p->arity);
    p->fcalls = FCALLS;
    return RUN_GC;

/* ------------------------------------------------------- raising errors */
handle_error_at_func:
    /* function_clause: the current function is the one whose func_info
     * we are at; I points at it */
    emu_build_trace(p, I, true);
    goto unwind;
handle_error:
    emu_build_trace(p, I, false);
    goto unwind;
handle_error_keep_trace:
unwind: {
    const BeamInstr *handler = emu_find_catch(p);
    E_RELOAD();
    if (!handler) {
        p->fcalls = FCALLS;
        sched_exit_exception(p);
        return RUN_EXIT;
    }
    x[0] = THE_NON_VALUE;
    x[1] = emu_class_atom(p->fclass);
    x[2] = p->fvalue;
    x[3] = p->fstash;
    p->fclass = EXC_NONE;
    I = handler;
    NEXT;
}
}
