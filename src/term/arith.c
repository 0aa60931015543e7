/* arith.c — the generic arithmetic operators (see arith.h).
 * Each operator tries small integers first, then floats (any float operand
 * makes the operation a float one), then bignums; every failure path raises
 * badarith except sizes beyond BN_MAX_LIMBS, which raise system_limit. */
#include "arith.h"
#include "bignum.h"
#include "../bif/bif.h"
#include <math.h>

bool arith_to_double(Term t, double *out)
{
    if (is_small(t)) {
        *out = (double)small_val(t);
        return true;
    }
    if (is_float(t)) {
        *out = float_val(t);
        return true;
    }
    if (is_big(t))
        return bn_to_double(t, out);
    return false;
}

Term arith_make_float(Process *p, double d)
{
    return make_float_at(proc_alloc(p, FLOAT_WORDS), d);
}

/* A machine integer as a term, the small case inline. */
static inline Term int_result(Process *p, SWord v)
{
    return IS_SSMALL(v) ? make_small(v) : bn_from_sword(p, v);
}

static Term badarith(Process *p)
{
    return bif_error(p, AM(badarith));
}

/* The float result of an operation, or badarith if it is inf or nan. */
static Term float_result(Process *p, double d)
{
    if (!isfinite(d))
        return badarith(p);
    return arith_make_float(p, d);
}

enum { F_PLUS, F_MINUS, F_TIMES, F_DIV };

/* Both operands as doubles for a float operation; false (badarith) if one is
 * not a number or is a bignum out of the double range. */
static Term float_op(Process *p, Term a, Term b, int op)
{
    double x, y;
    if (!arith_to_double(a, &x) || !arith_to_double(b, &y))
        return badarith(p);
    switch (op) {
    case F_PLUS:  return float_result(p, x + y);
    case F_MINUS: return float_result(p, x - y);
    case F_TIMES: return float_result(p, x * y);
    default:      return float_result(p, x / y);
    }
}

Term arith_plus(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b))
        return int_result(p, small_val(a) + small_val(b));
    if (is_integer(a) && is_integer(b))
        return bn_add(p, a, b);
    return float_op(p, a, b, F_PLUS);
}

Term arith_minus(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b))
        return int_result(p, small_val(a) - small_val(b));
    if (is_integer(a) && is_integer(b))
        return bn_sub(p, a, b);
    return float_op(p, a, b, F_MINUS);
}

Term arith_times(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b)) {
        SWord r;
        if (!__builtin_mul_overflow(small_val(a), small_val(b), &r))
            return int_result(p, r);
        return bn_mul(p, a, b);
    }
    if (is_integer(a) && is_integer(b))
        return bn_mul(p, a, b);
    return float_op(p, a, b, F_TIMES);
}

Term arith_fdiv(Process *p, Term a, Term b)
{
    return float_op(p, a, b, F_DIV);
}

Term arith_intdiv(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b)) {
        SWord y = small_val(b);
        if (y == 0)
            return badarith(p);
        return int_result(p, small_val(a) / y);
    }
    if (is_integer(a) && is_integer(b))
        return bn_div(p, a, b);
    return badarith(p);
}

Term arith_rem(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b)) {
        SWord y = small_val(b);
        if (y == 0)
            return badarith(p);
        return make_small(small_val(a) % y);
    }
    if (is_integer(a) && is_integer(b))
        return bn_rem(p, a, b);
    return badarith(p);
}

Term arith_band(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b))
        return a & b;                       /* the tag bits survive */
    if (is_integer(a) && is_integer(b))
        return bn_band(p, a, b);
    return badarith(p);
}

Term arith_bor(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b))
        return a | b;
    if (is_integer(a) && is_integer(b))
        return bn_bor(p, a, b);
    return badarith(p);
}

Term arith_bxor(Process *p, Term a, Term b)
{
    if (is_small(a) && is_small(b))
        return make_small(small_val(a) ^ small_val(b));
    if (is_integer(a) && is_integer(b))
        return bn_bxor(p, a, b);
    return badarith(p);
}

Term arith_bsl(Process *p, Term a, Term b)
{
    if (is_integer(a) && is_integer(b))
        return bn_bsl(p, a, b);
    return badarith(p);
}

Term arith_bsr(Process *p, Term a, Term b)
{
    if (is_integer(a) && is_integer(b))
        return bn_bsr(p, a, b);
    return badarith(p);
}

Term arith_bnot(Process *p, Term a)
{
    if (is_small(a))
        return make_small(~small_val(a));
    if (is_big(a))
        return bn_bnot(p, a);
    return badarith(p);
}

Term arith_neg(Process *p, Term a)
{
    if (is_small(a))
        return int_result(p, -small_val(a));
    if (is_big(a))
        return bn_neg(p, a);
    if (is_float(a))
        return arith_make_float(p, -float_val(a));
    return badarith(p);
}

Term arith_uplus(Process *p, Term a)
{
    if (is_number(a))
        return a;
    return badarith(p);
}
