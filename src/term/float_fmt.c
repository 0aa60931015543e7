/* float_fmt.c — float formatting and parsing as erl does it (float_fmt.h).
 * Shortest digits: the smallest count n whose nearest n-digit decimal (or,
 * next to a power of two where the rounding interval is lopsided, the
 * n-digit decimal on the other side) reads back as the same double, found by
 * binary search with the C library's exact printf/strtod; then laid out with
 * the plain/exponent rule of OTP's modified Ryu printer. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* strtod_l */
#endif
#include "float_fmt.h"
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* strtod in the "C" locale whatever setlocale has done. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static double c_strtod(const char *s, char **end)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale ? strtod_l(s, end, c_locale) : strtod(s, end);
}

/* ------------------------------------------------------------------ */
/* shortest round-trip digits                                         */

/* Decimal digits d[0..n) (no point) with value 0.d * 10^(exp10+1), i.e.
 * d[0] is the 10^exp10 digit. */
typedef struct {
    char d[24];
    int n;
    int exp10;
} Digits;

/* Parse printf's "%.*e" output "D.DDDe[+-]XX" into g. */
static void split_e(const char *s, Digits *g)
{
    g->n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            g->d[g->n++] = *s;
    g->exp10 = *s ? atoi(s + 1) : 0;
}

static bool reads_back(const Digits *g, double x)
{
    char s[48];
    int k = 0;
    s[k++] = g->d[0];
    s[k++] = '.';
    for (int i = 1; i < g->n; i++)
        s[k++] = g->d[i];
    if (g->n == 1)
        s[k++] = '0';
    snprintf(s + k, sizeof s - (size_t)k, "e%d", g->exp10);
    return c_strtod(s, NULL) == x;
}

/* g += one unit in the last place (up) or -= one (down), keeping n digits. */
static void step_digits(Digits *g, bool up)
{
    int i = g->n - 1;
    if (up) {
        while (i >= 0 && g->d[i] == '9')
            g->d[i--] = '0';
        if (i >= 0) {
            g->d[i]++;
        } else {                       /* 99..9 -> 100..0, one decade up */
            g->d[0] = '1';
            g->exp10++;
        }
    } else {
        while (i >= 0 && g->d[i] == '0')
            g->d[i--] = '9';
        g->d[i]--;                     /* d[0] >= 1, so i >= 0 here */
        if (g->d[0] == '0') {          /* 100..0 -> 99..9, one decade down */
            memset(g->d, '9', (size_t)g->n);
            g->exp10--;
        }
    }
}

/* Is there an n-digit decimal that reads back as x (x > 0, finite)? If so
 * the one nearest x is left in g. */
static bool digits_of_length(double x, int n, bool lopsided, Digits *g)
{
    char s[48];
    snprintf(s, sizeof s, "%.*e", n - 1, x);
    double back = c_strtod(s, NULL);
    split_e(s, g);
    if (back == x)
        return true;
    if (!lopsided)
        return false;
    step_digits(g, back < x);
    return reads_back(g, x);
}

static void shortest_digits(double x, Digits *g)
{
    uint64_t bits;
    memcpy(&bits, &x, 8);
    uint64_t frac = bits & ((1ull << 52) - 1);
    unsigned bexp = (unsigned)(bits >> 52) & 0x7FF;

    /* Integers in [1, 2^53) are printed exactly (as OTP's Ryu does). */
    if (x >= 1.0 && x < 9007199254740992.0 && x == floor(x)) {
        uint64_t v = (uint64_t)x;
        char t[24];
        int k = 0;
        while (v) {
            t[k++] = (char)('0' + v % 10);
            v /= 10;
        }
        g->n = k;
        for (int i = 0; i < k; i++)
            g->d[i] = t[k - 1 - i];
        g->exp10 = k - 1;
    } else {
        bool lopsided = frac == 0 && bexp > 1;
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (digits_of_length(x, mid, lopsided, g))
                hi = mid;
            else
                lo = mid + 1;
        }
        digits_of_length(x, lo, lopsided, g);
    }
    while (g->n > 1 && g->d[g->n - 1] == '0')
        g->n--;
}

/* Lay out digits the way OTP's float_to_list(F,[short]) does: plain
 * notation for moderate exponents, else d.ddde[-]X. */
static size_t layout_short(const Digits *g, bool neg, char *buf)
{
    int olen = g->n;
    int e = g->exp10 - (olen - 1);     /* exponent of the last digit */
    int lower, upper;
    if (olen == 1) {
        lower = -4;
        upper = 2;
    } else {
        lower = -(olen + 2);
        upper = g->exp10 >= 10 ? 2 : 1;
    }
    uint64_t mant = 0;
    for (int i = 0; i < olen; i++)
        mant = mant * 10 + (uint64_t)(g->d[i] - '0');
    bool fixed = lower <= e && e <= upper;
    /* Plain notation would suggest more precision than a double has. */
    if (fixed && ((e == 0 && mant >= (1ull << 53)) ||
                  (e == 1 && mant > (1ull << 52) / 5) ||
                  (e == 2 && mant > (1ull << 51) / 25)))
        fixed = false;

    size_t k = 0;
    if (neg)
        buf[k++] = '-';
    if (fixed) {
        int whole = olen + e;
        if (e >= 0) {
            memcpy(buf + k, g->d, (size_t)olen);
            k += (size_t)olen;
            memset(buf + k, '0', (size_t)e);
            k += (size_t)e;
            buf[k++] = '.';
            buf[k++] = '0';
        } else if (whole > 0) {
            memcpy(buf + k, g->d, (size_t)whole);
            k += (size_t)whole;
            buf[k++] = '.';
            memcpy(buf + k, g->d + whole, (size_t)(olen - whole));
            k += (size_t)(olen - whole);
        } else {
            buf[k++] = '0';
            buf[k++] = '.';
            memset(buf + k, '0', (size_t)-whole);
            k += (size_t)-whole;
            memcpy(buf + k, g->d, (size_t)olen);
            k += (size_t)olen;
        }
        return k;
    }
    buf[k++] = g->d[0];
    buf[k++] = '.';
    if (olen == 1) {
        buf[k++] = '0';
    } else {
        memcpy(buf + k, g->d + 1, (size_t)(olen - 1));
        k += (size_t)(olen - 1);
    }
    buf[k++] = 'e';
    char ex[8];
    int el = snprintf(ex, sizeof ex, "%d", g->exp10);
    memcpy(buf + k, ex, (size_t)el);
    return k + (size_t)el;
}

size_t float_fmt_shortest(double d, char *buf)
{
    bool neg = signbit(d) != 0;
    if (isnan(d)) {
        memcpy(buf, "NaN", 3);
        return 3;
    }
    size_t k = 0;
    if (neg)
        buf[k++] = '-';
    if (isinf(d)) {
        memcpy(buf + k, "Infinity", 8);
        return k + 8;
    }
    if (d == 0.0) {
        memcpy(buf + k, "0.0", 3);
        return k + 3;
    }
    Digits g;
    shortest_digits(fabs(d), &g);
    return layout_short(&g, neg, buf);
}

/* ------------------------------------------------------------------ */
/* fixed and scientific                                               */

int float_fmt_scientific(double d, int decimals, char *buf, size_t cap)
{
    /* "%.Ne" needs more than N + 5 characters: don't ask printf to build
     * a huge string only to find it does not fit. */
    if (decimals >= 0 && (size_t)decimals + 6 >= cap)
        return -1;
    int len = snprintf(buf, cap, "%.*e", decimals, d);
    if (len < 0 || (size_t)len >= cap)
        return -1;
    char *c = strchr(buf, ',');               /* a non-C locale's point */
    if (c)
        *c = '.';
    return len;
}

/* Drop trailing zeros, keeping one digit after a '.' (ERTS's compact; note
 * it also strips an integer's zeros when there is no point at all). */
static int strip_zeros(char *buf, int len)
{
    while (len > 1 && buf[len - 1] == '0')
        len--;
    if (buf[len - 1] == '.')
        len++;
    buf[len] = '\0';
    return len;
}

int float_fmt_fixed(double d, int decimals, bool compact, char *buf, size_t cap)
{
    static const double p10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
        1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18
    };
    if (decimals < 0)
        return -1;
    bool neg = signbit(d) != 0;
    double a = fabs(d);
    if (a > 9007199254740992.0 || decimals >= 19) {
        /* Large values and precisions go through printf. */
        if ((size_t)decimals + 2 >= cap)
            return -1;
        int len = snprintf(buf, cap, "%.*f", decimals, d);
        if (len < 0 || (size_t)len >= cap)
            return -1;
        char *c = strchr(buf, ',');
        if (c)
            *c = '.';
        return compact ? strip_zeros(buf, len) : len;
    }
    /* ERTS's own rounding: the fraction scaled by 10^decimals and rounded
     * half away from zero in double arithmetic. */
    uint64_t ip, fp = 0;
    if (decimals) {
        double iflo = floor(a);
        double fr = round((a - iflo) * p10[decimals]);
        ip = (uint64_t)iflo;
        fp = (uint64_t)fr;
        if (fr >= p10[decimals]) {
            ip++;
            fp = 0;
        }
    } else {
        ip = (uint64_t)lround(a);
    }
    char tmp[64];
    int len;
    if (decimals)
        len = snprintf(tmp, sizeof tmp, "%s%llu.%0*llu", neg ? "-" : "",
                       (unsigned long long)ip, decimals, (unsigned long long)fp);
    else
        len = snprintf(tmp, sizeof tmp, "%s%llu", neg ? "-" : "", (unsigned long long)ip);
    if ((size_t)len >= cap)
        return -1;
    memcpy(buf, tmp, (size_t)len + 1);
    return compact && decimals ? strip_zeros(buf, len) : len;
}

/* ------------------------------------------------------------------ */
/* parsing                                                            */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool float_fmt_parse(const char *s, size_t len, double *out)
{
    const char *nul = memchr(s, '\0', len);
    if (nul)
        len = (size_t)(nul - s);
    size_t i = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    if (i >= len || !is_digit(s[i]))
        return false;
    while (i < len && is_digit(s[i]))
        i++;
    if (i >= len || (s[i] != '.' && s[i] != ','))
        return false;
    size_t point = i++;
    if (i >= len || !is_digit(s[i]))
        return false;
    while (i < len && is_digit(s[i]))
        i++;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || !is_digit(s[i]))
            return false;
        while (i < len && is_digit(s[i]))
            i++;
    }
    if (i != len)
        return false;
    char small[128];
    char *b = len < sizeof small ? small : malloc(len + 1);
    if (!b)
        return false;
    memcpy(b, s, len);
    b[len] = '\0';
    b[point] = '.';
    double v = c_strtod(b, NULL);
    if (b != small)
        free(b);
    if (!isfinite(v))
        return false;
    *out = v;
    return true;
}
