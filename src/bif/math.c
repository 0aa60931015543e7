/* math.c — the math module's BIFs (math:sin/1 ... math:fmod/2, and pi/0).
 * As ERTS: arguments may be integers or floats (badarg otherwise, badarith
 * for a bignum beyond the double range); a result that is inf or nan, or a
 * domain error reported through errno, raises badarith. */
#include "bif.h"
#include "../term/arith.h"
#include <errno.h>
#include <math.h>

/* A math argument as a double: 1 ok, 0 not a number (badarg), -1 a bignum
 * too large for a double (badarith). */
static int math_arg(Term t, double *d)
{
    if (!is_number(t))
        return 0;
    return arith_to_double(t, d) ? 1 : -1;
}

static Term math_result(Process *p, double r, bool check_errno)
{
    if (!isfinite(r) || (check_errno && errno != 0))
        BIF_BADARITH(p);
    return arith_make_float(p, r);
}

static Term math_1(Process *p, Term a, double (*fn)(double), bool check_errno)
{
    double x;
    int ok = math_arg(a, &x);
    if (ok == 0)
        BIF_BADARG(p);
    if (ok < 0)
        BIF_BADARITH(p);
    errno = 0;
    return math_result(p, fn(x), check_errno);
}

static Term math_2(Process *p, Term a, Term b, double (*fn)(double, double))
{
    double x, y;
    int ok = math_arg(a, &x);
    if (ok == 0)
        BIF_BADARG(p);
    if (ok < 0)
        BIF_BADARITH(p);
    ok = math_arg(b, &y);
    if (ok == 0)
        BIF_BADARG(p);
    if (ok < 0)
        BIF_BADARITH(p);
    return math_result(p, fn(x, y), false);
}

#define MATH1(name, fn, chk) \
    static Term bif_math_##name(Process *p, Term *a) { return math_1(p, a[0], fn, chk); } \
    BIF_DEF("math", #name, 1, bif_math_##name)
#define MATH2(name, fn) \
    static Term bif_math_##name(Process *p, Term *a) { return math_2(p, a[0], a[1], fn); } \
    BIF_DEF("math", #name, 2, bif_math_##name)

MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, true)
MATH1(acos, acos, true)
MATH1(atan, atan, false)
MATH1(sinh, sinh, false)
MATH1(cosh, cosh, false)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, atanh, false)
MATH1(exp, exp, false)
MATH1(log, log, false)
MATH1(log2, log2, false)
MATH1(log10, log10, false)
MATH1(sqrt, sqrt, false)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(ceil, ceil, false)
MATH1(floor, floor, false)
MATH2(atan2, atan2)
MATH2(pow, pow)
MATH2(fmod, fmod)

/* math:pi/0 is Erlang code in OTP's math.erl; the same constant here. */
static Term bif_math_pi(Process *p, Term *a)
{
    (void)a;
    return arith_make_float(p, M_PI);
}
BIF_DEF("math", "pi", 0, bif_math_pi)
