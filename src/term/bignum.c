/* bignum.c — integer arithmetic on terms of any size (see bignum.h).
 * Works on sign + magnitude views of the operands with GMP's mpn_ layer;
 * results are computed in scratch limbs and copied, normalised, onto the
 * heap by bn_make, the one place that decides small vs. bignum. */
#include "bignum.h"
#include "../bif/bif.h"
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

_Static_assert(sizeof(mp_limb_t) == sizeof(UWord), "GMP limbs must be 64-bit");

/* ------------------------------------------------------------------ */
/* views and scratch space                                            */

/* An integer term seen as sign + magnitude. For a small, the magnitude
 * lives in `one`, so a view must not be copied once made. */
typedef struct {
    const UWord *d;
    size_t n;          /* limbs; the top one is non-zero; 0 for zero */
    bool neg;
    UWord one;
} BnView;

static void bn_view(Term t, BnView *v)
{
    if (is_small(t)) {
        SWord s = small_val(t);
        v->neg = s < 0;
        v->one = s < 0 ? (UWord)0 - (UWord)s : (UWord)s;
        v->d = &v->one;
        v->n = s != 0;
    } else {
        v->neg = big_sign(t);
        v->d = big_limbs(t);
        v->n = big_size(t);
    }
}

#define SCRATCH_STACK 40
typedef struct {
    UWord *w;
    UWord stack[SCRATCH_STACK];
} Scratch;

static UWord *scratch_get(Scratch *s, size_t n)
{
    if (n <= SCRATCH_STACK) {
        s->w = s->stack;
    } else {
        s->w = malloc(n * sizeof(UWord));
        if (!s->w) {
            fprintf(stderr, "girder: out of memory (bignum scratch of %zu limbs)\n", n);
            abort();
        }
    }
    return s->w;
}

static void scratch_put(Scratch *s)
{
    if (s->w != s->stack)
        free(s->w);
}

/* Normalise the magnitude {d, n} with a sign and put it on the heap: a small
 * when it fits, system_limit when it exceeds BN_MAX_LIMBS. */
static Term bn_make(Process *p, const UWord *d, size_t n, bool neg)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (n == 0)
        return make_small(0);
    if (n == 1) {
        if (!neg && d[0] <= (UWord)MAX_SMALL)
            return make_small((SWord)d[0]);
        if (neg && d[0] <= (UWord)MAX_SMALL + 1)
            return make_small(-(SWord)d[0]);
    }
    if (n > BN_MAX_LIMBS)
        return bif_error(p, AM(system_limit));
    Term *hp = proc_alloc(p, 1 + n);
    hp[0] = make_header(n, neg ? SUB_NEG_BIG : SUB_POS_BIG);
    memcpy(hp + 1, d, n * sizeof(UWord));
    return make_boxed(hp);
}

static int cmp_mag(const BnView *a, const BnView *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    if (a->n == 0)
        return 0;
    int c = mpn_cmp(a->d, b->d, a->n);
    return (c > 0) - (c < 0);
}

/* ------------------------------------------------------------------ */
/* construction                                                       */

Term bn_from_limbs(Process *p, const UWord *limbs, size_t n, bool negative)
{
    return bn_make(p, limbs, n, negative);
}

Term bn_from_sword(Process *p, SWord v)
{
    if (IS_SSMALL(v))
        return make_small(v);
    UWord m = v < 0 ? (UWord)0 - (UWord)v : (UWord)v;
    return bn_make(p, &m, 1, v < 0);
}

Term bn_from_uword(Process *p, UWord v)
{
    if (IS_USMALL(v))
        return make_small((SWord)v);
    return bn_make(p, &v, 1, false);
}

Term bn_from_double(Process *p, double d)
{
    d = trunc(d);
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return bn_from_sword(p, (SWord)d);
    bool neg = d < 0;
    int e;
    double m = frexp(fabs(d), &e);          /* |d| = m * 2^e, m in [0.5, 1) */
    UWord mant = (UWord)ldexp(m, 53);       /* exact: 53 significant bits */
    int shift = e - 53;                     /* > 0 since |d| >= 2^63 */
    UWord r[20] = {0};
    size_t limb = (size_t)shift / 64, bit = (size_t)shift % 64;
    r[limb] = mant << bit;
    if (bit)
        r[limb + 1] = mant >> (64 - bit);
    return bn_make(p, r, limb + 2, neg);
}

/* ------------------------------------------------------------------ */
/* add, subtract, multiply, divide                                    */

/* a + b where b's sign is taken to be `bneg` (so subtraction flips it). */
static Term add_views(Process *p, const BnView *a, const BnView *b, bool bneg)
{
    if (b->n == 0)
        return bn_make(p, a->d, a->n, a->neg);
    if (a->n == 0)
        return bn_make(p, b->d, b->n, bneg);
    Scratch s;
    Term res;
    if (a->neg == bneg) {
        const BnView *x = a, *y = b;
        if (x->n < y->n) {
            x = b;
            y = a;
        }
        UWord *r = scratch_get(&s, x->n + 1);
        r[x->n] = mpn_add(r, x->d, x->n, y->d, y->n);
        res = bn_make(p, r, x->n + 1, bneg);
    } else {
        int c = cmp_mag(a, b);
        if (c == 0)
            return make_small(0);
        const BnView *x = c > 0 ? a : b, *y = c > 0 ? b : a;
        bool neg = c > 0 ? a->neg : bneg;
        UWord *r = scratch_get(&s, x->n);
        mpn_sub(r, x->d, x->n, y->d, y->n);
        res = bn_make(p, r, x->n, neg);
    }
    scratch_put(&s);
    return res;
}

Term bn_add(Process *p, Term a, Term b)
{
    if (b == make_small(0))
        return a;
    if (a == make_small(0))
        return b;
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    return add_views(p, &va, &vb, vb.neg);
}

Term bn_sub(Process *p, Term a, Term b)
{
    if (b == make_small(0))
        return a;
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    return add_views(p, &va, &vb, !vb.neg);
}

Term bn_mul(Process *p, Term a, Term b)
{
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    if (va.n == 0 || vb.n == 0)
        return make_small(0);
    if (va.n + vb.n - 1 > BN_MAX_LIMBS)
        return bif_error(p, AM(system_limit));
    const BnView *x = &va, *y = &vb;
    if (x->n < y->n) {
        x = &vb;
        y = &va;
    }
    Scratch s;
    UWord *r = scratch_get(&s, x->n + y->n);
    if (x->d == y->d && x->n == y->n)
        mpn_sqr(r, x->d, x->n);
    else
        mpn_mul(r, x->d, x->n, y->d, y->n);
    Term res = bn_make(p, r, x->n + y->n, va.neg != vb.neg);
    scratch_put(&s);
    return res;
}

/* Truncating division: quotient (want_rem false) or remainder. */
static Term divide(Process *p, Term a, Term b, bool want_rem)
{
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    if (vb.n == 0)
        return bif_error(p, AM(badarith));
    if (va.n < vb.n)
        return want_rem ? a : make_small(0);
    size_t qn = va.n - vb.n + 1;
    Scratch s;
    UWord *q = scratch_get(&s, qn + vb.n);
    UWord *r = q + qn;
    mpn_tdiv_qr(q, r, 0, va.d, va.n, vb.d, vb.n);
    Term res = want_rem ? bn_make(p, r, vb.n, va.neg)
                        : bn_make(p, q, qn, va.neg != vb.neg);
    scratch_put(&s);
    return res;
}

Term bn_div(Process *p, Term a, Term b) { return divide(p, a, b, false); }
Term bn_rem(Process *p, Term a, Term b) { return divide(p, a, b, true); }

Term bn_neg(Process *p, Term a)
{
    BnView va;
    bn_view(a, &va);
    return bn_make(p, va.d, va.n, !va.neg);
}

Term bn_abs(Process *p, Term a)
{
    BnView va;
    bn_view(a, &va);
    if (!va.neg)
        return a;
    return bn_make(p, va.d, va.n, false);
}

/* ------------------------------------------------------------------ */
/* bitwise operations                                                 */

/* Write v in two's complement over n limbs (n > v->n). */
static void to_twos(const BnView *v, UWord *out, size_t n)
{
    if (v->n)
        memcpy(out, v->d, v->n * sizeof(UWord));
    memset(out + v->n, 0, (n - v->n) * sizeof(UWord));
    if (v->neg) {
        mpn_sub_1(out, out, n, 1);
        mpn_com(out, out, n);
    }
}

/* Turn n limbs of two's complement back into a term. */
static Term from_twos(Process *p, UWord *x, size_t n)
{
    bool neg = (x[n - 1] >> 63) != 0;
    if (neg) {
        mpn_com(x, x, n);
        mpn_add_1(x, x, n, 1);
    }
    return bn_make(p, x, n, neg);
}

enum { OP_AND, OP_OR, OP_XOR };

static Term bitwise(Process *p, Term a, Term b, int op)
{
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    Scratch s;
    UWord *x = scratch_get(&s, 2 * n), *y = x + n;
    to_twos(&va, x, n);
    to_twos(&vb, y, n);
    switch (op) {
    case OP_AND: mpn_and_n(x, x, y, n); break;
    case OP_OR:  mpn_ior_n(x, x, y, n); break;
    default:     mpn_xor_n(x, x, y, n); break;
    }
    Term res = from_twos(p, x, n);
    scratch_put(&s);
    return res;
}

Term bn_band(Process *p, Term a, Term b) { return bitwise(p, a, b, OP_AND); }
Term bn_bor(Process *p, Term a, Term b)  { return bitwise(p, a, b, OP_OR); }
Term bn_bxor(Process *p, Term a, Term b) { return bitwise(p, a, b, OP_XOR); }

/* bnot a == -a - 1 */
Term bn_bnot(Process *p, Term a)
{
    if (is_small(a))
        return make_small(~small_val(a));
    BnView va;
    bn_view(a, &va);
    Scratch s;
    UWord *r = scratch_get(&s, va.n + 1);
    Term res;
    if (!va.neg) {
        r[va.n] = mpn_add_1(r, va.d, va.n, 1);
        res = bn_make(p, r, va.n + 1, true);
    } else {
        mpn_sub_1(r, va.d, va.n, 1);
        res = bn_make(p, r, va.n, false);
    }
    scratch_put(&s);
    return res;
}

/* a * 2^count (count > 0) or floor(a / 2^-count) (count < 0). */
static Term shift(Process *p, Term a, SWord count)
{
    if (count == 0 || a == make_small(0))
        return a;
    if (is_small(a)) {
        SWord v = small_val(a);
        if (count < 0) {
            UWord t = (UWord)0 - (UWord)count;
            return make_small(t >= 63 ? (v < 0 ? -1 : 0) : v >> t);
        }
        if (count < 63) {
            SWord r = (SWord)((UWord)v << count);
            if ((r >> count) == v && IS_SSMALL(r))
                return make_small(r);
        }
    }
    BnView va;
    bn_view(a, &va);
    Scratch s;
    Term res;
    if (count > 0) {
        size_t limbs = (UWord)count / 64, bit = (UWord)count % 64;
        if (va.n + limbs > BN_MAX_LIMBS)
            return bif_error(p, AM(system_limit));
        size_t rn = va.n + limbs + 1;
        UWord *r = scratch_get(&s, rn);
        memset(r, 0, limbs * sizeof(UWord));
        if (bit) {
            r[rn - 1] = mpn_lshift(r + limbs, va.d, va.n, (unsigned)bit);
        } else {
            memcpy(r + limbs, va.d, va.n * sizeof(UWord));
            r[rn - 1] = 0;
        }
        res = bn_make(p, r, rn, va.neg);
    } else {
        UWord t = (UWord)0 - (UWord)count;
        UWord limbs = t / 64, bit = t % 64;
        if (limbs >= va.n)
            return make_small(va.neg ? -1 : 0);
        size_t rn = va.n - limbs;
        UWord *r = scratch_get(&s, rn + 1);
        bool dropped = false;
        for (size_t i = 0; i < limbs && !dropped; i++)
            dropped = va.d[i] != 0;
        if (bit) {
            dropped |= mpn_rshift(r, va.d + limbs, rn, (unsigned)bit) != 0;
        } else {
            memcpy(r, va.d + limbs, rn * sizeof(UWord));
        }
        r[rn] = 0;
        /* Rounding toward minus infinity: -m >> t == -((m >> t) + 1) when
         * any 1 bits were shifted out of m. */
        if (va.neg && dropped)
            r[rn] = mpn_add_1(r, r, rn, 1);
        res = bn_make(p, r, rn + 1, va.neg);
    }
    scratch_put(&s);
    return res;
}

Term bn_bsl(Process *p, Term a, Term b)
{
    if (is_small(b))
        return shift(p, a, small_val(b));
    if (big_sign(b))                        /* shift right by a huge count */
        return shift(p, a, MIN_SMALL);
    if (a == make_small(0))
        return a;
    return bif_error(p, AM(system_limit));
}

Term bn_bsr(Process *p, Term a, Term b)
{
    if (is_small(b))
        return shift(p, a, -small_val(b));
    if (!big_sign(b))
        return shift(p, a, MIN_SMALL);
    if (a == make_small(0))
        return a;
    return bif_error(p, AM(system_limit));
}

/* ------------------------------------------------------------------ */
/* comparison and conversion                                          */

int bn_compare(Term a, Term b)
{
    if (is_small(a) && is_small(b)) {
        SWord x = small_val(a), y = small_val(b);
        return (x > y) - (x < y);
    }
    BnView va, vb;
    bn_view(a, &va);
    bn_view(b, &vb);
    if (va.neg != vb.neg)
        return va.neg ? -1 : 1;
    int c = cmp_mag(&va, &vb);
    return va.neg ? -c : c;
}

bool bn_to_double(Term a, double *out)
{
    if (is_small(a)) {
        *out = (double)small_val(a);
        return true;
    }
    /* As ERTS: accumulate from the most significant limb, rounding at each
     * step, so the result (not always the correctly rounded one) is erl's. */
    const UWord *d = big_limbs(a);
    size_t n = big_size(a);
    double r = 0.0;
    while (n--) {
        r = r * 18446744073709551616.0 + (double)d[n];
        if (!isfinite(r))
            return false;
    }
    *out = big_sign(a) ? -r : r;
    return true;
}

bool term_to_sword(Term t, SWord *out)
{
    if (is_small(t)) {
        *out = small_val(t);
        return true;
    }
    if (!is_big(t) || big_size(t) != 1)
        return false;
    UWord m = big_limbs(t)[0];
    if (!big_sign(t)) {
        if (m > (UWord)INT64_MAX)
            return false;
        *out = (SWord)m;
    } else {
        if (m > (UWord)INT64_MAX + 1)
            return false;
        *out = (SWord)((UWord)0 - m);
    }
    return true;
}

bool term_to_uword(Term t, UWord *out)
{
    if (is_small(t)) {
        if (small_val(t) < 0)
            return false;
        *out = (UWord)small_val(t);
        return true;
    }
    if (!is_big(t) || big_sign(t) || big_size(t) != 1)
        return false;
    *out = big_limbs(t)[0];
    return true;
}

size_t bn_words(Term t)
{
    return is_big(t) ? 1 + big_size(t) : 0;
}

size_t bn_bit_length(Term a)
{
    BnView va;
    bn_view(a, &va);
    if (va.n == 0)
        return 0;
    return (va.n - 1) * 64 + (64 - (size_t)__builtin_clzll(va.d[va.n - 1]));
}

/* ------------------------------------------------------------------ */
/* text                                                               */

static const char DIGITS[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* log2(base) rounded down to a fraction that never overestimates, used to
 * bound digit counts from bit counts. */
static double log2_base(int base)
{
    return log2((double)base) * (1.0 - 1e-12);
}

size_t bn_chars_needed(Term a, int base)
{
    size_t bits = bn_bit_length(a);
    return 1 + (size_t)((double)bits / log2_base(base)) + 2;
}

size_t bn_to_chars(Term a, int base, char *buf, size_t cap)
{
    size_t need = bn_chars_needed(a, base);
    if (cap < need)
        return need;
    BnView va;
    bn_view(a, &va);
    size_t len = 0;
    if (va.neg)
        buf[len++] = '-';
    if (va.n <= 1) {
        char tmp[72];
        size_t k = 0;
        UWord m = va.n ? va.d[0] : 0;
        do {
            tmp[k++] = DIGITS[m % (UWord)base];
            m /= (UWord)base;
        } while (m);
        while (k)
            buf[len++] = tmp[--k];
        return len;
    }
    /* mpn_get_str clobbers its input and wants room for the largest value
     * of that many limbs plus one. */
    size_t room = (size_t)((double)(va.n * 64) / log2_base(base)) + 3;
    Scratch s;
    UWord *copy = scratch_get(&s, va.n + 1);
    memcpy(copy, va.d, va.n * sizeof(UWord));
    unsigned char *str = malloc(room);
    if (!str) {
        fprintf(stderr, "girder: out of memory (bignum text of %zu bytes)\n", room);
        abort();
    }
    size_t k = mpn_get_str(str, base, copy, (mp_size_t)va.n);
    size_t i = 0;
    while (i + 1 < k && str[i] == 0)
        i++;
    for (; i < k; i++)
        buf[len++] = DIGITS[str[i]];
    free(str);
    scratch_put(&s);
    return len;
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

Term bn_from_digits(Process *p, const char *s, size_t len, int base, bool negative)
{
    if (len == 0 || base < 2 || base > 36)
        return THE_NON_VALUE;
    for (size_t i = 0; i < len; i++)
        if (digit_value((unsigned char)s[i]) >= base)
            return THE_NON_VALUE;
    while (len > 1 && s[0] == '0') {
        s++;
        len--;
    }
    /* Fast path: up to 12 digits of any base fit in 63 bits. */
    if (len <= 12) {
        UWord v = 0;
        for (size_t i = 0; i < len; i++)
            v = v * (UWord)base + (UWord)digit_value((unsigned char)s[i]);
        return bn_from_sword(p, negative ? -(SWord)v : (SWord)v);
    }
    double bits = (double)len * log2((double)base);
    if (bits > (double)(BN_MAX_LIMBS + 1) * 64)
        return THE_NON_VALUE;
    size_t limbs = (size_t)(bits / 64) + 2;
    unsigned char *vals = malloc(len);
    if (!vals) {
        fprintf(stderr, "girder: out of memory (%zu digits)\n", len);
        abort();
    }
    for (size_t i = 0; i < len; i++)
        vals[i] = (unsigned char)digit_value((unsigned char)s[i]);
    Scratch sc;
    UWord *r = scratch_get(&sc, limbs);
    size_t rn = (size_t)mpn_set_str(r, vals, len, base);
    free(vals);
    Term res = rn > BN_MAX_LIMBS ? THE_NON_VALUE : bn_make(p, r, rn, negative);
    scratch_put(&sc);
    return res;
}

Term bn_from_chars(Process *p, const char *s, size_t len, int base)
{
    bool neg = false;
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
    }
    return bn_from_digits(p, s, len, base, neg);
}
