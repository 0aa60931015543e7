/* spec.h — load-time specialisation: which internal instruction replaces a
 * generic one given its operand kinds, and which adjacent pairs fuse. The
 * rules live in spec.c; loader.c applies them as it emits code. */
#ifndef GIRDER_SPEC_H
#define GIRDER_SPEC_H

#include "../emu/emu.h"

/* The instruction to run for generic instruction `opc` whose operand words
 * (emu.h encoding, labels still as label numbers) are ops[]: a specialised
 * opcode with the same operand layout, or opc itself. May reorder the
 * (value, label) pairs of a select_val. */
int spec_select(int opc, BeamInstr *ops);

/* How two adjacent instructions A (opcode a_opc, words a[0..]) and B fuse:
 * the fused instruction starts where A did, has opcode `opc`, and is what
 * remains after deleting del_n words at offset del_at from A's start. */
typedef struct {
    int opc;
    size_t del_at, del_n;
} SpecFuse;

bool spec_fuse(int a_opc, const BeamInstr *a, size_t a_len, int b_opc, const BeamInstr *b,
               SpecFuse *out);

#endif
