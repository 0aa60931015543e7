/* emu.h — the interpreter: running a process for one time slice, and the
 * operand encoding the loader produces for it.
 *
 * Instruction layout: word 0 is the address of the instruction's body
 * (computed goto), then the operands, resolved at load time:
 *   source/destination register:  x(N) = N << 3,  y(N) = (N << 3) | 4
 *   constant term (atom, integer, literal): the term itself (primary tag != 00)
 *   label: the code address (0 = no label: raise instead of jumping)
 *   unsigned numbers, float registers: the raw value
 *   list operand: a count word followed by the items
 *   import: Export*;  fun: FunEntry*
 */
#ifndef GIRDER_EMU_H
#define GIRDER_EMU_H

#include "../proc/process.h"

enum {
#define OP(name, num, arity) OPC_##name,
#include "ops.def"
#undef OP
    OPC__COUNT
};

typedef struct OpInfo {
    const char *name;
    uint16_t generic;          /* opcode in .beam files */
    uint8_t arity;
} OpInfo;

extern const OpInfo emu_ops[OPC__COUNT];
/* The body address of each instruction (filled by emu_init). */
extern const void *emu_op_addr[OPC__COUNT];

#define FLOAT_REGS 1024

#define REG_X(n) ((BeamInstr)(n) << 3)
#define REG_Y(n) (((BeamInstr)(n) << 3) | 4)

#ifdef GIRDER_OPCOUNT
/* Print the instruction and pair counts (the opcount build). */
void emu_opcount_report(void);
#endif

/* Fill emu_op_addr. */
void emu_init(void);

/* Why emu_run returned. */
/* RUN_GC: the process needs a collection of a large heap; its registers
 * are saved (p->arity live), p->i re-runs the heap test, p->gc_need words
 * are wanted: the scheduler has it collected on a GC thread (gc.h). */
typedef enum { RUN_YIELD, RUN_WAIT, RUN_EXIT, RUN_GC } RunResult;

/* Run p until its reductions run out, it waits in receive, or it exits.
 * `x` is the scheduler's register array. */
RunResult emu_run(Process *p, Term *x);

/* Code every process's first frame returns to (normal exit). */
extern const BeamInstr *emu_normal_exit_code;
/* Where a new process starts: calls p->initial_call with args in x. */
extern const BeamInstr *emu_spawn_entry;
/* Where a hibernating process waits (x0..x2 = M, F, Args). */
extern const BeamInstr *emu_hibernate_code;
/* Continuing here ends the process with p->pending_exit at once. */
extern const BeamInstr *emu_exit_pending_code;

#endif
