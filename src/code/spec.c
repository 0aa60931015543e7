/* spec.c — the specialisation rules (see spec.h and docs/performance.md).
 * A generic instruction reads each source operand with a run-time test of
 * its kind (x register, y register or constant); when the loader knows
 * the kinds, these rules pick a body that skips the test, and fuse a few
 * adjacent pairs the profiles showed hot. Operand layouts never change, so
 * every specialised body can fall back to its generic one. */
#include "spec.h"
#include "module.h"
#include "../term/atom.h"
#include <stdlib.h>
#include <string.h>

static bool is_x(BeamInstr w) { return (w & 7) == 0; }
static bool is_y(BeamInstr w) { return (w & 7) == 4; }
static bool is_const(BeamInstr w) { return (w & 3) != 0; }
static bool is_imm_const(BeamInstr w) { return is_const(w) && is_immed((Term)w); }
static bool is_small_const(BeamInstr w) { return is_const(w) && is_small((Term)w); }

static int spec_move(const BeamInstr *o)
{
    static const int tab[3][2] = {
        { OPC_i_move_xx, OPC_i_move_xy },
        { OPC_i_move_yx, OPC_i_move_yy },
        { OPC_i_move_cx, OPC_i_move_cy },
    };
    int s = is_x(o[0]) ? 0 : is_y(o[0]) ? 1 : 2;
    return tab[s][is_y(o[1])];
}

/* gc_bif2 operators with an inline small-integer path */
static int spec_gc_bif2(const BeamInstr *o)
{
    const Export *ep = (const Export *)o[2];
    if (ep->module != AM(erlang) || ep->arity != 2)
        return OPC_gc_bif2;
    Term f = ep->function;
    if (f == AM(times)) return OPC_i_times;
    if (f == AM(slash)) return OPC_i_fdiv;
    if (f == AM(band)) return OPC_i_band;
    if (f == AM(bor)) return OPC_i_bor;
    if (f == AM(bxor)) return OPC_i_bxor;
    if (f == AM(rem)) return OPC_i_rem;
    if (f == AM(div)) return OPC_i_div;
    if (f == AM(bsr)) return OPC_i_bsr;
    if (f == AM(bsl)) return OPC_i_bsl;
    return OPC_gc_bif2;
}

/* Guard BIFs with an inline body: erlang:Name/Arity as loaded by
 * instruction `generic`. */
static const struct { const char *name; unsigned arity; int generic, inline_op; } inline_bifs[] = {
    { "element", 2, OPC_bif2, OPC_i_element },
    { "map_get", 2, OPC_bif2, OPC_i_map_get },
    { "is_map_key", 2, OPC_bif2, OPC_i_is_map_key },
    { "hd", 1, OPC_bif1, OPC_i_hd },
    { "tl", 1, OPC_bif1, OPC_i_tl },
    { "tuple_size", 1, OPC_gc_bif1, OPC_i_tuple_size },
    { "map_size", 1, OPC_gc_bif1, OPC_i_map_size },
    { "length", 1, OPC_gc_bif1, OPC_i_length },
    { "byte_size", 1, OPC_gc_bif1, OPC_i_byte_size },
};

static int spec_guard_bif(int opc, const Export *ep)
{
    if (ep->module != AM(erlang))
        return opc;
    const char *name = atom_text(ep->function);
    for (size_t i = 0; i < sizeof inline_bifs / sizeof inline_bifs[0]; i++)
        if (inline_bifs[i].generic == opc && inline_bifs[i].arity == ep->arity &&
            strcmp(inline_bifs[i].name, name) == 0)
            return inline_bifs[i].inline_op;
    return opc;
}

/* is_lt / is_ge: (x, x), (x, small), (small, x) */
static int spec_cmp(int opc, const BeamInstr *o)
{
    bool lt = opc == OPC_is_lt;
    if (is_x(o[1]) && is_x(o[2])) return lt ? OPC_i_is_lt_xx : OPC_i_is_ge_xx;
    if (is_x(o[1]) && is_small_const(o[2])) return lt ? OPC_i_is_lt_xc : OPC_i_is_ge_xc;
    if (is_small_const(o[1]) && is_x(o[2])) return lt ? OPC_i_is_lt_cx : OPC_i_is_ge_cx;
    return opc;
}

static int spec_put_list(const BeamInstr *o)
{
    if (!is_x(o[2]))
        return OPC_put_list;
    if (is_x(o[0]) && is_x(o[1])) return OPC_i_put_list_xxx;
    if (is_x(o[0]) && o[1] == NIL) return OPC_i_put_list_xnx;
    if (is_y(o[0]) && is_x(o[1])) return OPC_i_put_list_yxx;
    return OPC_put_list;
}

static int cmp_pair(const void *a, const void *b)
{
    BeamInstr x = *(const BeamInstr *)a, y = *(const BeamInstr *)b;
    return x < y ? -1 : x > y;
}

/* select_val Src Fail N (Value Label)*: all-immediate values compare as
 * words; a long list is sorted for a binary search (the pairs' label words
 * stay at label positions, so the loader's fixups still hold) */
static int spec_select_val(BeamInstr *o)
{
    UWord n = o[2];
    for (UWord i = 0; i < n; i += 2)
        if (!is_imm_const(o[3 + i]))
            return OPC_select_val;
    if (n < 2 * 8)
        return OPC_i_select_val_imm;
    qsort(o + 3, n / 2, 2 * sizeof(BeamInstr), cmp_pair);
    return OPC_i_select_val_bin;
}

int spec_select(int opc, BeamInstr *o)
{
    switch (opc) {
    case OPC_move:
        return spec_move(o);
    case OPC_get_tuple_element:
        if (is_x(o[0]) && is_x(o[2])) return OPC_i_get_tuple_element_xx;
        if (is_y(o[0]) && is_x(o[2])) return OPC_i_get_tuple_element_yx;
        if (is_x(o[0]) && is_y(o[2])) return OPC_i_get_tuple_element_xy;
        return opc;
    case OPC_get_list:
        if (is_x(o[0]) && is_x(o[1]) && is_x(o[2])) return OPC_i_get_list_xxx;
        if (is_x(o[0]) && is_x(o[1]) && is_y(o[2])) return OPC_i_get_list_xxy;
        if (is_x(o[0]) && is_y(o[1]) && is_x(o[2])) return OPC_i_get_list_xyx;
        return opc;
    case OPC_is_nonempty_list:
        return is_x(o[1]) ? OPC_i_is_nonempty_list_x : opc;
    case OPC_is_nil:
        return is_x(o[1]) ? OPC_i_is_nil_x : opc;
    case OPC_is_tuple:
        return is_x(o[1]) ? OPC_i_is_tuple_x : opc;
    case OPC_test_arity:
        return is_x(o[1]) ? OPC_i_test_arity_x : opc;
    case OPC_is_tagged_tuple:
        return is_x(o[1]) ? OPC_i_is_tagged_tuple_x : opc;
    case OPC_is_eq_exact:
        if (is_x(o[1]) && is_imm_const(o[2])) return OPC_i_is_eq_exact_xc;
        if (is_y(o[1]) && is_imm_const(o[2])) return OPC_i_is_eq_exact_yc;
        if (is_x(o[1]) && is_x(o[2])) return OPC_i_is_eq_exact_xx;
        return opc;
    case OPC_is_ne_exact:
        return is_x(o[1]) && is_imm_const(o[2]) ? OPC_i_is_ne_exact_xc : opc;
    case OPC_is_lt: case OPC_is_ge:
        return spec_cmp(opc, o);
    case OPC_put_list:
        return spec_put_list(o);
    case OPC_i_plus:
        return is_x(o[3]) && is_small_const(o[4]) && is_x(o[5]) ? OPC_i_plus_xc : opc;
    case OPC_i_minus:
        return is_x(o[3]) && is_small_const(o[4]) && is_x(o[5]) ? OPC_i_minus_xc : opc;
    case OPC_gc_bif2:
        return spec_gc_bif2(o);
    case OPC_select_val:
        return spec_select_val(o);
    case OPC_bif1: case OPC_bif2:
        return spec_guard_bif(opc, (const Export *)o[1]);
    case OPC_gc_bif1:
        return spec_guard_bif(opc, (const Export *)o[2]);
    default:
        return opc;
    }
}

/* Pairs fused by dropping B's opcode word: A's body runs, then B's. */
static const struct { int a, b, fused; } then_pairs[] = {
    { OPC_deallocate, OPC_return, OPC_i_deallocate_return },
    { OPC_i_move_xx, OPC_return, OPC_i_move_return_xx },
    { OPC_i_move_yx, OPC_return, OPC_i_move_return_yx },
    { OPC_i_move_cx, OPC_return, OPC_i_move_return_cx },
    { OPC_i_move_xx, OPC_call, OPC_i_move_call_xx },
    { OPC_i_move_yx, OPC_call, OPC_i_move_call_yx },
    { OPC_i_move_cx, OPC_call, OPC_i_move_call_cx },
    { OPC_i_move_xx, OPC_call_last, OPC_i_move_call_last_xx },
    { OPC_i_move_yx, OPC_call_last, OPC_i_move_call_last_yx },
    { OPC_i_move_xx, OPC_call_only, OPC_i_move_call_only_xx },
    { OPC_i_move_yx, OPC_call_only, OPC_i_move_call_only_yx },
    { OPC_test_heap, OPC_i_put_list_xxx, OPC_i_test_heap_put_list_xxx },
    { OPC_test_heap, OPC_i_put_list_xnx, OPC_i_test_heap_put_list_xnx },
    { OPC_test_heap, OPC_i_put_list_yxx, OPC_i_test_heap_put_list_yxx },
    { OPC_i_move_xy, OPC_i_move_xy, OPC_i_move2_xyxy },
    { OPC_i_move_yx, OPC_i_move_yx, OPC_i_move2_yxyx },
    { OPC_i_move_xx, OPC_i_move_xx, OPC_i_move2_xxxx },
    { OPC_i_move_yx, OPC_i_move_xx, OPC_i_move2_yxxx },
    { OPC_i_move_xy, OPC_i_move_xx, OPC_i_move2_xyxx },
    { OPC_allocate, OPC_i_move_xy, OPC_i_allocate_move_xy },
    { OPC_i_is_nonempty_list_x, OPC_allocate, OPC_i_is_nonempty_list_allocate_x },
    { OPC_i_is_nonempty_list_x, OPC_allocate_zero, OPC_i_is_nonempty_list_allocate_x },
    { OPC_i_get_list_xyx, OPC_call, OPC_i_get_list_xyx_call },
    { OPC_allocate_zero, OPC_i_move_xy, OPC_i_allocate_move_xy },
};

bool spec_fuse(int a_opc, const BeamInstr *a, size_t a_len, int b_opc, const BeamInstr *b,
               SpecFuse *out)
{
    for (size_t i = 0; i < sizeof then_pairs / sizeof then_pairs[0]; i++)
        if (then_pairs[i].a == a_opc && then_pairs[i].b == b_opc) {
            *out = (SpecFuse){ then_pairs[i].fused, a_len, 1 };
            return true;
        }
    /* is_tuple + test_arity / is_tagged_tuple on the same register and
     * label: the second test includes the first */
    if ((a_opc == OPC_is_tuple || a_opc == OPC_i_is_tuple_x) &&
        (b_opc == OPC_test_arity || b_opc == OPC_i_test_arity_x ||
         b_opc == OPC_is_tagged_tuple || b_opc == OPC_i_is_tagged_tuple_x) &&
        a[1] == b[1] && a[2] == b[2]) {
        *out = (SpecFuse){ b_opc, 0, a_len };
        return true;
    }
    /* is_tuple + select_tuple_arity (Src Fail ...): the same */
    if ((a_opc == OPC_is_tuple || a_opc == OPC_i_is_tuple_x) && b_opc == OPC_select_tuple_arity &&
        a[1] == b[2] && a[2] == b[1]) {
        *out = (SpecFuse){ b_opc, 0, a_len };
        return true;
    }
    /* two get_tuple_element of neighbouring elements of the same x
     * register, unless the first overwrites that register */
    if (a_opc == OPC_i_get_tuple_element_xx && b_opc == OPC_i_get_tuple_element_xx &&
        a[1] == b[1] && b[2] == a[2] + 1 && a[3] != a[1]) {
        *out = (SpecFuse){ OPC_i_get_tuple_element2_xx, a_len, 3 };
        return true;
    }
    /* is_nonempty_list + get_list of the same x register */
    if (a_opc == OPC_i_is_nonempty_list_x && b_opc == OPC_i_get_list_xxx && a[2] == b[1]) {
        *out = (SpecFuse){ OPC_i_nonempty_get_list_xxx, a_len, 2 };
        return true;
    }
    return false;
}
