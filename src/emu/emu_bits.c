/* emu_bits.c — the interpreter's bit-syntax instructions: decode each
 * instruction's operands (emu.h encoding) and call the runtime in bits.c.
 * Each returns the next instruction, the fail label on a mismatch, or NULL
 * with an exception set. The old construction family (bs_init2, bs_put_*)
 * writes through one BitsWriter per thread: no safe point can come between
 * a bs_init and its last bs_put. */
#include "emu_support.h"
#include "bits.h"
#include "../term/atom.h"
#include "../bif/bif.h"

#define E (p->stop)
#define SRC(w)  (((w) & 3) ? (Term)(w) : ((w) & 4) ? E[(w) >> 3] : x[(w) >> 3])
#define DST(w, v) do { Term v_ = (v); BeamInstr w_ = (w); \
        if (w_ & 4) E[w_ >> 3] = v_; else x[w_ >> 3] = v_; } while (0)
#define LBL(w)  ((const BeamInstr *)(w))
#define OP(name) const BeamInstr *emu_bs_##name(Process *p, const BeamInstr *I, Term *x, Term *res)
/* A failed test: jump to the fail label. */
#define MISMATCH(f) return LBL(f)
/* A failed construction: jump if there is a label, else raise. */
#define FAILED(f) return (f) ? LBL(f) : NULL

static _Thread_local BitsWriter writer;

/* ------------------------------------------------------------ matching */

static const BeamInstr *start_match(Process *p, BeamInstr fail, Term src, BeamInstr dst, Term *x, const BeamInstr *next)
{
    Term ms = bits_start_match(p, src);
    if (is_non_value(ms)) {
        if (is_atom((Term)fail) || !fail) {
            bif_error(p, AM(badarg));
            return NULL;
        }
        return LBL(fail);
    }
    DST(dst, ms);
    return next;
}

OP(bs_start_match4) { (void)res; return start_match(p, I[1], SRC(I[3]), I[4], x, I + 5); }
OP(bs_start_match3) { (void)res; return start_match(p, I[1], SRC(I[2]), I[4], x, I + 5); }

OP(bs_get_tail) { (void)res; DST(I[2], bits_get_tail(p, SRC(I[1]))); return I + 4; }

/* Fail Ctx Live Size Unit Flags Dst */
OP(bs_get_integer2)
{
    Term out;
    /* a segment too large for any integer is a mismatch (as ERTS), not a
     * value */
    if (!bits_get_integer(p, SRC(I[2]), SRC(I[4]), (unsigned)I[5], (unsigned)I[6], &out) || is_non_value(out)) {
        p->fclass = EXC_NONE;
        MISMATCH(I[1]);
    }
    *res = out;
    DST(I[7], out);
    return I + 8;
}
OP(bs_get_float2)
{
    Term out;
    if (!bits_get_float(p, SRC(I[2]), SRC(I[4]), (unsigned)I[5], (unsigned)I[6], &out)) MISMATCH(I[1]);
    *res = out;
    DST(I[7], out);
    return I + 8;
}
OP(bs_get_binary2)
{
    Term out;
    if (!bits_get_binary(p, SRC(I[2]), SRC(I[4]), (unsigned)I[5], &out)) MISMATCH(I[1]);
    *res = out;
    DST(I[7], out);
    return I + 8;
}
/* Fail Ctx Size Unit Flags */
OP(bs_skip_bits2)
{
    (void)res; (void)p;
    if (!bits_skip_bits(SRC(I[2]), SRC(I[3]), (unsigned)I[4])) MISMATCH(I[1]);
    return I + 6;
}
/* Fail Ctx Bits Bytes* */
OP(bs_match_string)
{
    (void)res; (void)p;
    if (!bits_match_string(SRC(I[2]), (const uint8_t *)I[4], (size_t)I[3])) MISMATCH(I[1]);
    return I + 5;
}
/* Fail Ctx Live Flags Dst */
OP(bs_get_utf8)
{
    Term out;
    (void)p;
    if (!bits_get_utf8(SRC(I[2]), &out)) MISMATCH(I[1]);
    *res = out;
    DST(I[5], out);
    return I + 6;
}
OP(bs_get_utf16)
{
    Term out;
    (void)p;
    if (!bits_get_utf16(SRC(I[2]), (unsigned)I[4], &out)) MISMATCH(I[1]);
    *res = out;
    DST(I[5], out);
    return I + 6;
}
OP(bs_get_utf32)
{
    Term out;
    (void)p;
    if (!bits_get_utf32(SRC(I[2]), (unsigned)I[4], &out)) MISMATCH(I[1]);
    *res = out;
    DST(I[5], out);
    return I + 6;
}
/* Fail Ctx Live Flags */
OP(bs_skip_utf8) { (void)res; (void)p; if (!bits_skip_utf8(SRC(I[2]))) MISMATCH(I[1]); return I + 5; }
OP(bs_skip_utf16) { (void)res; (void)p; if (!bits_skip_utf16(SRC(I[2]), (unsigned)I[4])) MISMATCH(I[1]); return I + 5; }
OP(bs_skip_utf32) { (void)res; (void)p; if (!bits_skip_utf32(SRC(I[2]), (unsigned)I[4])) MISMATCH(I[1]); return I + 5; }

/* --------------------------------------------------------- construction */

static int segment_type(Term a)
{
    static Term names[9];
    static const char *const text[9] = { "integer", "float", "binary", "append", "private_append",
                                         "utf8", "utf16", "utf32", "string" };
    static const int types[9] = { BITS_SEG_INTEGER, BITS_SEG_FLOAT, BITS_SEG_BINARY, BITS_SEG_APPEND,
                                  BITS_SEG_PRIVATE_APPEND, BITS_SEG_UTF8, BITS_SEG_UTF16, BITS_SEG_UTF32,
                                  BITS_SEG_STRING };
    if (!names[0])
        for (int i = 0; i < 9; i++)
            names[i] = atom_from_cstr(text[i]);
    for (int i = 0; i < 9; i++)
        if (names[i] == a)
            return types[i];
    return -1;
}

static unsigned flag_bits(Term list)
{
    unsigned f = 0;
    for (; is_list(list); list = CDR(list_val(list))) {
        Term a = CAR(list_val(list));
        if (a == AM(little)) f |= BITS_F_LITTLE;
        else if (a == AM(native)) f |= BITS_F_NATIVE | BITS_F_LITTLE;
        else if (a == AM(signed)) f |= BITS_F_SIGNED;
    }
    return f;
}

/* Fail Alloc Live Unit Dst N (Type Seg Unit Flags Src Size)* */
OP(bs_create_bin)
{
    (void)res;
    UWord n = I[6];
    size_t nseg = n / 6;
    BitsSegment segs[nseg ? nseg : 1];
    const BeamInstr *s = I + 7;
    for (size_t i = 0; i < nseg; i++, s += 6) {
        BitsSegment *g = &segs[i];
        g->type = segment_type((Term)s[0]);
        g->unit = (unsigned)s[2];
        g->flags = is_list((Term)s[3]) ? flag_bits((Term)s[3]) : 0;
        g->str = NULL;
        if (g->type == BITS_SEG_STRING) {
            g->str = (const uint8_t *)s[4];
            g->value = NIL;
            g->size = SRC(s[5]);
        } else {
            g->value = SRC(s[4]);
            g->size = SRC(s[5]);
        }
    }
    Term bin = bits_create_bin(p, segs, nseg);
    if (is_non_value(bin)) FAILED(I[1]);
    DST(I[5], bin);
    return I + 7 + n;
}

/* Fail Size Words Regs Flags Dst */
OP(bs_init2)
{
    (void)res;
    Term b = bits_init(p, &writer, SRC(I[2]));
    if (is_non_value(b)) FAILED(I[1]);
    DST(I[6], b);
    return I + 7;
}
OP(bs_init_bits)
{
    (void)res;
    Term b = bits_init_bits(p, &writer, SRC(I[2]));
    if (is_non_value(b)) FAILED(I[1]);
    DST(I[6], b);
    return I + 7;
}
/* Fail Src1 Src2 Unit Dst */
OP(bs_add)
{
    (void)res;
    Term r = bits_add(p, SRC(I[2]), SRC(I[3]), (unsigned)I[4]);
    if (is_non_value(r)) FAILED(I[1]);
    DST(I[5], r);
    return I + 6;
}
/* Fail Size Unit Flags Src */
OP(bs_put_integer)
{
    (void)res;
    if (!bits_put_integer(p, &writer, SRC(I[5]), SRC(I[2]), (unsigned)I[3], (unsigned)I[4])) FAILED(I[1]);
    return I + 6;
}
OP(bs_put_float)
{
    (void)res;
    if (!bits_put_float(p, &writer, SRC(I[5]), SRC(I[2]), (unsigned)I[3], (unsigned)I[4])) FAILED(I[1]);
    return I + 6;
}
OP(bs_put_binary)
{
    (void)res;
    if (!bits_put_binary(p, &writer, SRC(I[5]), SRC(I[2]), (unsigned)I[3])) FAILED(I[1]);
    return I + 6;
}
/* Len Bytes* */
OP(bs_put_string)
{
    (void)res; (void)p; (void)x;
    bits_put_string(&writer, (const uint8_t *)I[2], (size_t)I[1]);
    return I + 3;
}
OP(bs_init_writable)
{
    (void)res;
    Term b = bits_init_writable(p, x[0]);
    if (is_non_value(b)) return NULL;
    x[0] = b;
    return I + 1;
}
/* Fail Size Extra Live Unit Bin Flags Dst */
OP(bs_append)
{
    (void)res;
    Term b = bits_append(p, &writer, SRC(I[6]), SRC(I[2]), (unsigned)I[5]);
    if (is_non_value(b)) FAILED(I[1]);
    DST(I[8], b);
    return I + 9;
}
/* Fail Size Unit Bin Flags Dst */
OP(bs_private_append)
{
    (void)res;
    Term b = bits_private_append(p, &writer, SRC(I[4]), SRC(I[2]), (unsigned)I[3]);
    if (is_non_value(b)) FAILED(I[1]);
    DST(I[6], b);
    return I + 7;
}
/* Fail Src Dst */
OP(bs_utf8_size) { (void)res; (void)p; DST(I[3], bits_utf8_size(SRC(I[2]))); return I + 4; }
OP(bs_utf16_size) { (void)res; (void)p; DST(I[3], bits_utf16_size(SRC(I[2]))); return I + 4; }
/* Fail Flags Src */
OP(bs_put_utf8)
{
    (void)res;
    if (!bits_put_utf8(p, &writer, SRC(I[3]))) FAILED(I[1]);
    return I + 4;
}
OP(bs_put_utf16)
{
    (void)res;
    if (!bits_put_utf16(p, &writer, SRC(I[3]), (unsigned)I[2])) FAILED(I[1]);
    return I + 4;
}
OP(bs_put_utf32)
{
    (void)res;
    if (!bits_put_utf32(p, &writer, SRC(I[3]), (unsigned)I[2])) FAILED(I[1]);
    return I + 4;
}
