/* emu_bits.c — the interpreter's bit-syntax instructions: decode operands
 * and call the runtime in bits.c. */
#include "emu_support.h"
#include "bits.h"
#include "../term/atom.h"
#include "../bif/bif.h"

/* Until an instruction is wired, it raises a clear error naming it. */
#define BS_TODO(name) const BeamInstr *emu_bs_##name(Process *p, const BeamInstr *I, Term *x, Term *res) \
    { (void)I; (void)x; (void)res; bif_error2(p, atom_from_cstr("girder_unimplemented"), atom_from_cstr(#name)); return NULL; }
BS_TODO(bs_put_integer) BS_TODO(bs_put_binary) BS_TODO(bs_put_float) BS_TODO(bs_put_string)
BS_TODO(bs_init2) BS_TODO(bs_add) BS_TODO(bs_get_integer2) BS_TODO(bs_get_float2)
BS_TODO(bs_get_binary2) BS_TODO(bs_skip_bits2) BS_TODO(bs_test_tail2) BS_TODO(bs_test_unit)
BS_TODO(bs_match_string) BS_TODO(bs_init_writable) BS_TODO(bs_append) BS_TODO(bs_private_append)
BS_TODO(bs_init_bits) BS_TODO(bs_get_utf8) BS_TODO(bs_skip_utf8) BS_TODO(bs_get_utf16)
BS_TODO(bs_skip_utf16) BS_TODO(bs_get_utf32) BS_TODO(bs_skip_utf32) BS_TODO(bs_utf8_size)
BS_TODO(bs_put_utf8) BS_TODO(bs_utf16_size) BS_TODO(bs_put_utf16) BS_TODO(bs_put_utf32)
BS_TODO(bs_get_tail) BS_TODO(bs_start_match3) BS_TODO(bs_get_position) BS_TODO(bs_set_position)
BS_TODO(bs_start_match4) BS_TODO(bs_create_bin)
