/* erlang_num.c — the erlang module's number BIFs: the arithmetic operators,
 * abs/float/trunc/round/ceil/floor, and conversions between numbers and
 * text (integer_to_list, list_to_integer, float_to_list, ... and their
 * binary forms). Semantics, including erl's quirks, are noted per BIF. */
#include "bif.h"
#include "../term/arith.h"
#include "../term/bignum.h"
#include "../term/float_fmt.h"
#include "../term/binary.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ */
/* operators: erlang:'+'/2 and friends (guard BIFs in ERTS)          */

static Term bif_plus_2(Process *p, Term *a)   { return arith_plus(p, a[0], a[1]); }
static Term bif_minus_2(Process *p, Term *a)  { return arith_minus(p, a[0], a[1]); }
static Term bif_times_2(Process *p, Term *a)  { return arith_times(p, a[0], a[1]); }
static Term bif_fdiv_2(Process *p, Term *a)   { return arith_fdiv(p, a[0], a[1]); }
static Term bif_intdiv_2(Process *p, Term *a) { return arith_intdiv(p, a[0], a[1]); }
static Term bif_rem_2(Process *p, Term *a)    { return arith_rem(p, a[0], a[1]); }
static Term bif_band_2(Process *p, Term *a)   { return arith_band(p, a[0], a[1]); }
static Term bif_bor_2(Process *p, Term *a)    { return arith_bor(p, a[0], a[1]); }
static Term bif_bxor_2(Process *p, Term *a)   { return arith_bxor(p, a[0], a[1]); }
static Term bif_bsl_2(Process *p, Term *a)    { return arith_bsl(p, a[0], a[1]); }
static Term bif_bsr_2(Process *p, Term *a)    { return arith_bsr(p, a[0], a[1]); }
static Term bif_bnot_1(Process *p, Term *a)   { return arith_bnot(p, a[0]); }
static Term bif_uminus_1(Process *p, Term *a) { return arith_neg(p, a[0]); }
static Term bif_uplus_1(Process *p, Term *a)  { return arith_uplus(p, a[0]); }

GUARD_BIF_DEF("erlang", "+", 2, bif_plus_2)
GUARD_BIF_DEF("erlang", "-", 2, bif_minus_2)
GUARD_BIF_DEF("erlang", "*", 2, bif_times_2)
GUARD_BIF_DEF("erlang", "/", 2, bif_fdiv_2)
GUARD_BIF_DEF("erlang", "div", 2, bif_intdiv_2)
GUARD_BIF_DEF("erlang", "rem", 2, bif_rem_2)
GUARD_BIF_DEF("erlang", "band", 2, bif_band_2)
GUARD_BIF_DEF("erlang", "bor", 2, bif_bor_2)
GUARD_BIF_DEF("erlang", "bxor", 2, bif_bxor_2)
GUARD_BIF_DEF("erlang", "bsl", 2, bif_bsl_2)
GUARD_BIF_DEF("erlang", "bsr", 2, bif_bsr_2)
GUARD_BIF_DEF("erlang", "bnot", 1, bif_bnot_1)
GUARD_BIF_DEF("erlang", "-", 1, bif_uminus_1)
GUARD_BIF_DEF("erlang", "+", 1, bif_uplus_1)

/* ------------------------------------------------------------------ */
/* abs, float, trunc, round, ceil, floor (badarg on non-numbers)      */

static Term bif_abs_1(Process *p, Term *args)
{
    Term a = args[0];
    if (is_integer(a))
        return bn_abs(p, a);
    if (is_float(a)) {
        double d = float_val(a);
        return d < 0.0 ? arith_make_float(p, fabs(d)) : a;
    }
    BIF_BADARG(p);
}

static Term bif_float_1(Process *p, Term *args)
{
    Term a = args[0];
    double d;
    if (is_float(a))
        return a;
    if (!is_integer(a) || !arith_to_double(a, &d))
        BIF_BADARG(p);
    return arith_make_float(p, d);
}

enum { R_TRUNC, R_ROUND, R_CEIL, R_FLOOR };

static Term rounding(Process *p, Term a, int how)
{
    if (is_integer(a))
        return a;
    if (!is_float(a))
        BIF_BADARG(p);
    double d = float_val(a);
    switch (how) {
    case R_TRUNC: d = trunc(d); break;
    case R_ROUND: d = round(d); break;
    case R_CEIL:  d = ceil(d); break;
    default:      d = floor(d); break;
    }
    return bn_from_double(p, d);
}

static Term bif_trunc_1(Process *p, Term *a) { return rounding(p, a[0], R_TRUNC); }
static Term bif_round_1(Process *p, Term *a) { return rounding(p, a[0], R_ROUND); }
static Term bif_ceil_1(Process *p, Term *a)  { return rounding(p, a[0], R_CEIL); }
static Term bif_floor_1(Process *p, Term *a) { return rounding(p, a[0], R_FLOOR); }

GUARD_BIF_DEF("erlang", "abs", 1, bif_abs_1)
GUARD_BIF_DEF("erlang", "float", 1, bif_float_1)
GUARD_BIF_DEF("erlang", "trunc", 1, bif_trunc_1)
GUARD_BIF_DEF("erlang", "round", 1, bif_round_1)
GUARD_BIF_DEF("erlang", "ceil", 1, bif_ceil_1)
GUARD_BIF_DEF("erlang", "floor", 1, bif_floor_1)

/* ------------------------------------------------------------------ */
/* helpers: character lists and binaries                              */

static void *xmalloc(size_t n)
{
    void *m = malloc(n ? n : 1);
    if (!m) {
        fprintf(stderr, "girder: out of memory (%zu bytes)\n", n);
        abort();
    }
    return m;
}

/* A list of the characters s[0..len) (each 0..255). */
static Term chars_to_list(Process *p, const char *s, size_t len)
{
    Term *hp = proc_alloc(p, 2 * len);
    Term list = NIL;
    for (size_t i = len; i-- > 0;)
        list = make_cons_at(hp + 2 * i, make_small((unsigned char)s[i]), list);
    return list;
}

/* Length of a proper list, or -1. */
static long list_length(Term l)
{
    long n = 0;
    while (is_list(l)) {
        n++;
        l = CDR(list_val(l));
    }
    return is_nil(l) ? n : -1;
}

static bool get_base(Term t, int *base)
{
    if (!is_small(t) || small_val(t) < 2 || small_val(t) > 36)
        return false;
    *base = (int)small_val(t);
    return true;
}

/* ------------------------------------------------------------------ */
/* integer_to_list / integer_to_binary                                */

/* The text of integer a in base; *len set; free with free() unless it is
 * the caller's `small` buffer. */
static char *integer_text(Term a, int base, char *small, size_t small_cap, size_t *len)
{
    size_t need = bn_chars_needed(a, base);
    char *buf = need <= small_cap ? small : xmalloc(need);
    *len = bn_to_chars(a, base, buf, need);
    return buf;
}

static Term integer_to(Process *p, Term a, Term base_t, bool binary)
{
    int base = 10;
    if (!is_integer(a) || (is_value(base_t) && !get_base(base_t, &base)))
        BIF_BADARG(p);
    char small[80];
    size_t len;
    char *s = integer_text(a, base, small, sizeof small, &len);
    Term r = binary ? bin_new(p, s, len) : chars_to_list(p, s, len);
    if (s != small)
        free(s);
    return r;
}

static Term bif_integer_to_list_1(Process *p, Term *a)   { return integer_to(p, a[0], THE_NON_VALUE, false); }
static Term bif_integer_to_list_2(Process *p, Term *a)   { return integer_to(p, a[0], a[1], false); }
static Term bif_integer_to_binary_1(Process *p, Term *a) { return integer_to(p, a[0], THE_NON_VALUE, true); }
static Term bif_integer_to_binary_2(Process *p, Term *a) { return integer_to(p, a[0], a[1], true); }

BIF_DEF("erlang", "integer_to_list", 1, bif_integer_to_list_1)
BIF_DEF("erlang", "integer_to_list", 2, bif_integer_to_list_2)
BIF_DEF("erlang", "integer_to_binary", 1, bif_integer_to_binary_1)
BIF_DEF("erlang", "integer_to_binary", 2, bif_integer_to_binary_2)

/* ------------------------------------------------------------------ */
/* list_to_integer / binary_to_integer                                */

/* ERTS quirks kept: a leading sign must be exactly $- or $+, but each digit
 * element is truncated to its low 8 bits, so [16#131] reads as "1". */
static Term list_to_int(Process *p, Term list, int base)
{
    long n = list_length(list);
    if (n <= 0)
        BIF_BADARG(p);
    bool neg = false;
    Term head = CAR(list_val(list));
    if (head == make_small('-') || head == make_small('+')) {
        neg = head == make_small('-');
        list = CDR(list_val(list));
        n--;
    }
    char small[64];
    char *buf = (size_t)n <= sizeof small ? small : xmalloc((size_t)n);
    size_t k = 0;
    for (; is_list(list); list = CDR(list_val(list))) {
        Term c = CAR(list_val(list));
        if (!is_small(c))
            break;
        buf[k++] = (char)(unsigned char)small_val(c);
    }
    Term r = is_nil(list) ? bn_from_digits(p, buf, k, base, neg) : THE_NON_VALUE;
    if (buf != small)
        free(buf);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}

static Term bif_list_to_integer_1(Process *p, Term *a)
{
    return list_to_int(p, a[0], 10);
}

static Term bif_list_to_integer_2(Process *p, Term *a)
{
    int base;
    if (!get_base(a[1], &base))
        BIF_BADARG(p);
    return list_to_int(p, a[0], base);
}

static Term binary_to_int(Process *p, Term bin, int base)
{
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bin_bytes(bin, &len, &tmp);
    if (!s)
        BIF_BADARG(p);
    Term t = bn_from_chars(p, (const char *)s, len, base);
    free(tmp);
    if (is_non_value(t))
        BIF_BADARG(p);
    return t;
}

static Term bif_binary_to_integer_1(Process *p, Term *a)
{
    return binary_to_int(p, a[0], 10);
}

static Term bif_binary_to_integer_2(Process *p, Term *a)
{
    int base;
    if (!get_base(a[1], &base))
        BIF_BADARG(p);
    return binary_to_int(p, a[0], base);
}

BIF_DEF("erlang", "list_to_integer", 1, bif_list_to_integer_1)
BIF_DEF("erlang", "list_to_integer", 2, bif_list_to_integer_2)
BIF_DEF("erlang", "binary_to_integer", 1, bif_binary_to_integer_1)
BIF_DEF("erlang", "binary_to_integer", 2, bif_binary_to_integer_2)

/* ------------------------------------------------------------------ */
/* float_to_list / float_to_binary                                    */

/* Format float f with float_to_list/2's option list into buf
 * (FLOAT_FMT_BUF bytes); the length, or -1 for badarg. Options are read in
 * order, later ones winning: {decimals,N}, {scientific,N}, short, compact.
 * N is truncated to a C int, as ERTS does. */
static int format_float(Term f, Term opts, char *buf)
{
    enum { LEGACY, SHORT, FIXED, SCI } fmt = LEGACY;
    int decimals = 20;
    bool compact = false;
    if (!is_float(f))
        return -1;
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (o == AM(compact)) {
            compact = true;
        } else if (o == AM(short)) {
            fmt = SHORT;
        } else if (is_tuple(o) && tuple_arity(o) == 2 && is_small(tuple_elem(o, 2)) &&
                   (tuple_elem(o, 1) == AM(decimals) || tuple_elem(o, 1) == AM(scientific))) {
            decimals = (int)small_val(tuple_elem(o, 2));
            fmt = tuple_elem(o, 1) == AM(decimals) ? FIXED : SCI;
        } else {
            return -1;
        }
    }
    if (!is_nil(opts))
        return -1;
    double d = float_val(f);
    switch (fmt) {
    case SHORT: return (int)float_fmt_shortest(d, buf);
    case FIXED: return float_fmt_fixed(d, decimals, compact, buf, FLOAT_FMT_BUF);
    default:    return float_fmt_scientific(d, decimals, buf, FLOAT_FMT_BUF);
    }
}

static Term float_to(Process *p, Term f, Term opts, bool binary)
{
    char buf[FLOAT_FMT_BUF];
    int len = format_float(f, opts, buf);
    if (len <= 0)
        BIF_BADARG(p);
    return binary ? bin_new(p, buf, (size_t)len) : chars_to_list(p, buf, (size_t)len);
}

static Term bif_float_to_list_1(Process *p, Term *a)   { return float_to(p, a[0], NIL, false); }
static Term bif_float_to_list_2(Process *p, Term *a)   { return float_to(p, a[0], a[1], false); }
static Term bif_float_to_binary_1(Process *p, Term *a) { return float_to(p, a[0], NIL, true); }
static Term bif_float_to_binary_2(Process *p, Term *a) { return float_to(p, a[0], a[1], true); }

BIF_DEF("erlang", "float_to_list", 1, bif_float_to_list_1)
BIF_DEF("erlang", "float_to_list", 2, bif_float_to_list_2)
BIF_DEF("erlang", "float_to_binary", 1, bif_float_to_binary_1)
BIF_DEF("erlang", "float_to_binary", 2, bif_float_to_binary_2)

/* ------------------------------------------------------------------ */
/* list_to_float / binary_to_float                                    */

static Term parsed_float(Process *p, const char *s, size_t len)
{
    double d;
    if (!float_fmt_parse(s, len, &d))
        BIF_BADARG(p);
    return arith_make_float(p, d);
}

/* The list must be a proper list of bytes (0..255). */
static Term bif_list_to_float_1(Process *p, Term *args)
{
    Term list = args[0];
    long n = list_length(list);
    if (n < 0)
        BIF_BADARG(p);
    char small[128];
    char *buf = (size_t)n <= sizeof small ? small : xmalloc((size_t)n);
    size_t k = 0;
    for (; is_list(list); list = CDR(list_val(list))) {
        Term c = CAR(list_val(list));
        if (!is_small(c) || small_val(c) < 0 || small_val(c) > 255)
            break;
        buf[k++] = (char)small_val(c);
    }
    Term r = is_nil(list) ? parsed_float(p, buf, k) : bif_error(p, AM(badarg));
    if (buf != small)
        free(buf);
    return r;
}

static Term bif_binary_to_float_1(Process *p, Term *args)
{
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bin_bytes(args[0], &len, &tmp);
    if (!s)
        BIF_BADARG(p);
    Term r = parsed_float(p, (const char *)s, len);
    free(tmp);
    return r;
}

BIF_DEF("erlang", "list_to_float", 1, bif_list_to_float_1)
BIF_DEF("erlang", "binary_to_float", 1, bif_binary_to_float_1)
