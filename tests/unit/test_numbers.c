/* test_numbers.c — bignums, arithmetic, float text and the number BIFs,
 * checked against values taken from erl (OTP 25). Explicit cases first;
 * then bulk groups whose lines ("op a b result") are hashed and compared
 * with the hash of the same lines printed by erl (generator at the end of
 * this file; NUMBERS_DUMP=group prints a group's lines here to diff). */
#include "unit.h"
#include "term/atom.h"
#include "term/arith.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/float_fmt.h"
#include "bif/bif.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static Process *P;

/* ------------------------------------------------------------------ */
/* helpers                                                            */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}
static void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* An integer, float or atom from its erl text. */
static Term num(const char *s)
{
    Term t = bn_from_chars(P, s, strlen(s), 10);
    double d;
    if (is_value(t))
        return t;
    if (float_fmt_parse(s, strlen(s), &d))
        return arith_make_float(P, d);
    return atom_from_cstr(s);
}

/* erl's text for a result: integers in decimal, floats in short form,
 * character lists and binaries as their text, exceptions as "!reason". */
static void show(Buf *b, Term t)
{
    if (is_non_value(t)) {
        buf_puts(b, "!");
        buf_puts(b, atom_text(P->fvalue));
    } else if (is_integer(t)) {
        size_t n = bn_chars_needed(t, 10);
        char *s = malloc(n);
        buf_put(b, s, bn_to_chars(t, 10, s, n));
        free(s);
    } else if (is_float(t)) {
        char s[FLOAT_FMT_SHORT_MAX];
        buf_put(b, s, float_fmt_shortest(float_val(t), s));
    } else if (is_list(t) || is_nil(t)) {
        for (; is_list(t); t = CDR(list_val(t))) {
            char c = (char)small_val(CAR(list_val(t)));
            buf_put(b, &c, 1);
        }
    } else if (is_bitstring(t)) {
        size_t len;
        uint8_t *tmp;
        const uint8_t *s = bin_bytes(t, &len, &tmp);
        buf_put(b, (const char *)s, len);
        free(tmp);
    } else if (is_atom(t)) {
        buf_puts(b, atom_text(t));
    } else {
        buf_puts(b, "?");
    }
}

static const char *show_s(Term t)
{
    static Buf b;
    b.len = 0;
    show(&b, t);
    if (!b.s)
        buf_put(&b, "", 0);
    return b.s;
}

static Term call(const char *mod, const char *name, int arity, Term *args)
{
    const BifDef *d = bif_lookup(atom_from_cstr(mod), atom_from_cstr(name), (uint32_t)arity);
    if (!d) {
        fprintf(stderr, "no BIF %s:%s/%d\n", mod, name, arity);
        unit_failures++;
        return make_small(0);
    }
    return d->fn(P, args);
}
static Term call1(const char *m, const char *f, Term a) { return call(m, f, 1, &a); }
static Term call2(const char *m, const char *f, Term a, Term b)
{
    Term v[2] = { a, b };
    return call(m, f, 2, v);
}

static Term str_list(const char *s, size_t n)
{
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(proc_alloc(P, 2), make_small((unsigned char)s[i]), l);
    return l;
}
static Term cstr_list(const char *s) { return str_list(s, strlen(s)); }

static void check_eq(const char *what, const char *got, const char *want, int line)
{
    if (strcmp(got, want) != 0) {
        unit_failures++;
        fprintf(stderr, "test_numbers.c:%d: %s: got \"%s\", want \"%s\"\n", line, what, got, want);
    }
}
#define EQ(what, term, want) check_eq(what, show_s(term), want, __LINE__)

/* Heap hygiene between cases: drop fragments and refc binaries. */
static void reset_heap(void)
{
    bin_offheap_release_list(P->off_heap);
    P->off_heap = NULL;
    proc_free_heap_frags(P);
    P->htop = P->heap;
}

/* ------------------------------------------------------------------ */
/* explicit cases (expected values from erl)                          */

static const struct { const char *op, *a, *b, *want; } ARITH[] = {
    { "+", "576460752303423487", "1", "576460752303423488" },
    { "-", "-576460752303423488", "1", "-576460752303423489" },
    { "+", "-576460752303423489", "1", "-576460752303423488" },
    { "*", "4294967296", "4294967296", "18446744073709551616" },
    { "*", "-9223372036854775808", "-9223372036854775808", "85070591730234615865843651857942052864" },
    { "-", "18446744073709551616", "1", "18446744073709551615" },
    { "div", "-576460752303423488", "-1", "576460752303423488" },
    { "rem", "-576460752303423488", "-1", "0" },
    { "div", "-7", "2", "-3" },
    { "rem", "-7", "2", "-1" },
    { "rem", "7", "-2", "1" },
    { "div", "1", "0", "!badarith" },
    { "div", "340282366920938463463374607431768211457", "18446744073709551616", "18446744073709551616" },
    { "rem", "-340282366920938463463374607431768211457", "18446744073709551616", "-1" },
    { "band", "-1", "18446744073709551616", "18446744073709551616" },
    { "band", "-18446744073709551616", "18446744073709551615", "0" },
    { "bor", "-18446744073709551616", "1", "-18446744073709551615" },
    { "bxor", "-1", "340282366920938463463374607431768211457", "-340282366920938463463374607431768211458" },
    { "bsl", "1", "64", "18446744073709551616" },
    { "bsl", "-1", "59", "-576460752303423488" },
    { "bsl", "1", "59", "576460752303423488" },
    { "bsr", "-18446744073709551617", "64", "-2" },
    { "bsr", "-18446744073709551616", "64", "-1" },
    { "bsl", "1", "18446744073709551616", "!system_limit" },
    { "bsl", "0", "18446744073709551616", "0" },
    { "bsr", "-5", "18446744073709551616", "-1" },
    { "bsl", "-5", "-18446744073709551616", "-1" },
    { "bsl", "1", "33554367", "" },           /* the largest bignum: checked below */
    { "bsl", "1", "33554368", "!system_limit" },
    { "bsl", "1.0", "1", "!badarith" },
    { "+", "1.5", "a", "!badarith" },
    { "/", "1", "0", "!badarith" },
    { "/", "1", "-0.0", "!badarith" },
    { "*", "1.0e308", "10", "!badarith" },
    { "+", "-0.0", "0", "0.0" },
    { "*", "-0.0", "1", "-0.0" },
    { "-", "0", "0.0", "0.0" },
};

static Term arith_op(const char *op, Term a, Term b)
{
    static const struct { const char *name; Term (*fn)(Process *, Term, Term); } T[] = {
        { "+", arith_plus }, { "-", arith_minus }, { "*", arith_times }, { "/", arith_fdiv },
        { "div", arith_intdiv }, { "rem", arith_rem }, { "band", arith_band },
        { "bor", arith_bor }, { "bxor", arith_bxor }, { "bsl", arith_bsl }, { "bsr", arith_bsr },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (strcmp(T[i].name, op) == 0)
            return T[i].fn(P, a, b);
    return THE_NON_VALUE;
}

static void test_explicit_arith(void)
{
    for (size_t i = 0; i < sizeof ARITH / sizeof ARITH[0]; i++) {
        Term r = arith_op(ARITH[i].op, num(ARITH[i].a), num(ARITH[i].b));
        if (!ARITH[i].want[0]) {
            CHECK(is_big(r) && big_size(r) == BN_MAX_LIMBS && bn_bit_length(r) == 33554368);
        } else {
            char what[64];
            snprintf(what, sizeof what, "%s %s", ARITH[i].op, ARITH[i].a);
            check_eq(what, show_s(r), ARITH[i].want, __LINE__);
        }
        reset_heap();
    }
    /* results past the largest bignum (erl: system_limit) */
    Term x = arith_bsl(P, make_small(1), make_small(33554367));
    EQ("max*2", arith_times(P, x, make_small(2)), "!system_limit");
    EQ("max+max", arith_plus(P, x, x), "!system_limit");
    EQ("-max-max", arith_minus(P, arith_neg(P, x), x), "!system_limit");
    EQ("max*max", arith_times(P, x, x), "!system_limit");
    CHECK(bn_bit_length(arith_bnot(P, x)) == 33554368);
    CHECK(bn_bit_length(arith_bor(P, x, arith_minus(P, x, make_small(1)))) == 33554368);
    reset_heap();
    /* normalisation: results that fit are smalls */
    Term big = num("576460752303423488");
    CHECK(is_big(big));
    CHECK(is_small(arith_minus(P, big, make_small(1))));
    Term negmin = arith_neg(P, num("-576460752303423488"));
    CHECK(is_big(negmin) && bn_compare(negmin, big) == 0);
    CHECK(is_small(num("-576460752303423488")));
    CHECK(is_small(arith_band(P, num("-1"), num("255"))));
    /* unary */
    EQ("bnot", arith_bnot(P, num("18446744073709551615")), "-18446744073709551616");
    EQ("bnot", arith_bnot(P, num("-18446744073709551616")), "18446744073709551615");
    EQ("neg", arith_neg(P, num("-576460752303423488")), "576460752303423488");
    EQ("neg", arith_neg(P, num("0.0")), "-0.0");
    EQ("neg", arith_neg(P, AM(ok)), "!badarith");
    EQ("uplus", arith_uplus(P, AM(ok)), "!badarith");
    CHECK(arith_uplus(P, make_small(5)) == make_small(5));
    reset_heap();
}

static void test_bignum_api(void)
{
    SWord s;
    UWord u;
    CHECK(term_to_sword(num("-9223372036854775808"), &s) && s == INT64_MIN);
    CHECK(!term_to_sword(num("9223372036854775808"), &s));
    CHECK(term_to_sword(num("9223372036854775807"), &s) && s == INT64_MAX);
    CHECK(term_to_uword(num("18446744073709551615"), &u) && u == UINT64_MAX);
    CHECK(!term_to_uword(num("18446744073709551616"), &u));
    CHECK(!term_to_uword(num("-1"), &u));
    CHECK(bn_words(num("18446744073709551616")) == 3);
    CHECK(bn_words(make_small(3)) == 0);
    CHECK(bn_compare(num("-18446744073709551616"), num("-18446744073709551615")) < 0);
    CHECK(bn_compare(num("18446744073709551616"), make_small(-1)) > 0);
    CHECK(bn_compare(num("340282366920938463463374607431768211457"),
                     num("340282366920938463463374607431768211457")) == 0);
    CHECK(bn_from_sword(P, INT64_MIN) != THE_NON_VALUE);
    EQ("from_sword", bn_from_sword(P, INT64_MIN), "-9223372036854775808");
    EQ("from_uword", bn_from_uword(P, UINT64_MAX), "18446744073709551615");
    UWord limbs[3] = { 5, 0, 0 };
    CHECK(bn_from_limbs(P, limbs, 3, true) == make_small(-5));
    EQ("from_double", bn_from_double(P, -1.0e20), "-100000000000000000000");
    EQ("from_double", bn_from_double(P, 1.7976931348623157e308),
       "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368");
    EQ("from_double", bn_from_double(P, -0.9), "0");
    /* text in every base, round trip, and erl's spelling */
    char buf[300];
    Term x = num("-1606938044258990275541962092341162602522202993782792835289031");
    for (int base = 2; base <= 36; base++) {
        size_t n = bn_to_chars(x, base, buf, sizeof buf);
        CHECK(n < sizeof buf);
        CHECK(bn_compare(bn_from_chars(P, buf, n, base), x) == 0);
    }
    CHECK(bn_to_chars(x, 2, buf, 10) > 10);   /* too small: bound returned */
    size_t n = bn_to_chars(num("-1180591620717411303424"), 36, buf, sizeof buf);
    check_eq("base36", (buf[n] = 0, buf), "-6X5KXTVUWILUKG", __LINE__);
    CHECK(is_non_value(bn_from_chars(P, "12a", 3, 10)));
    CHECK(is_non_value(bn_from_chars(P, "-", 1, 10)));
    CHECK(is_non_value(bn_from_chars(P, "", 0, 10)));
    CHECK(is_non_value(bn_from_chars(P, "+-1", 3, 10)));
    EQ("from_chars", bn_from_chars(P, "-0000000000000000000000000000000012", 35, 10), "-12");
    EQ("from_chars", bn_from_chars(P, "zZ", 2, 36), "1295");
    reset_heap();
}

static void test_integer_bifs(void)
{
    EQ("i2l", call2("erlang", "integer_to_list", make_small(-255), make_small(16)), "-FF");
    EQ("i2l", call2("erlang", "integer_to_list", make_small(255), make_small(37)), "!badarg");
    EQ("i2l", call1("erlang", "integer_to_list", num("1.0")), "!badarg");
    EQ("i2b", call2("erlang", "integer_to_binary", num("-1180591620717411303424"), make_small(36)),
       "-6X5KXTVUWILUKG");
    EQ("i2b", call1("erlang", "integer_to_binary", num("-1606938044258990275541962092341162602522202993782792835289031")),
       "-1606938044258990275541962092341162602522202993782792835289031");
    Term l = make_cons_at(proc_alloc(P, 2), make_small(0x131), NIL);
    EQ("l2i truncates", call1("erlang", "list_to_integer", l), "1");
    l = make_cons_at(proc_alloc(P, 2), make_small('1'), NIL);
    l = make_cons_at(proc_alloc(P, 2), make_small(0x12D), l);
    EQ("l2i exact sign", call1("erlang", "list_to_integer", l), "!badarg");
    l = make_cons_at(proc_alloc(P, 2), make_small(-207), NIL);
    l = make_cons_at(proc_alloc(P, 2), make_small(0x139), l);
    l = make_cons_at(proc_alloc(P, 2), make_small('1'), l);
    EQ("l2i truncates", call2("erlang", "list_to_integer", l, make_small(16)), "401");
    EQ("l2i", call1("erlang", "list_to_integer", cstr_list("+")), "!badarg");
    EQ("l2i", call1("erlang", "list_to_integer", cstr_list("-")), "!badarg");
    EQ("l2i", call1("erlang", "list_to_integer", NIL), "!badarg");
    EQ("l2i", call1("erlang", "list_to_integer", cstr_list("+-1")), "!badarg");
    EQ("l2i", call1("erlang", "list_to_integer", cstr_list("007")), "7");
    EQ("l2i", call1("erlang", "list_to_integer", cstr_list("-98765432109876543210987654321")),
       "-98765432109876543210987654321");
    EQ("l2i", call2("erlang", "list_to_integer", cstr_list("ff"), make_small(16)), "255");
    EQ("l2i", call2("erlang", "list_to_integer", cstr_list("1"), make_small(1)), "!badarg");
    l = make_cons_at(proc_alloc(P, 2), make_small('2'), AM(ok));
    l = make_cons_at(proc_alloc(P, 2), make_small('1'), l);
    EQ("l2i improper", call1("erlang", "list_to_integer", l), "!badarg");
    EQ("b2i", call1("erlang", "binary_to_integer", bin_new(P, "-0", 2)), "0");
    EQ("b2i", call1("erlang", "binary_to_integer", bin_new(P, "+", 1)), "!badarg");
    EQ("b2i", call1("erlang", "binary_to_integer", bin_new(P, "", 0)), "!badarg");
    EQ("b2i", call1("erlang", "binary_to_integer", bin_new(P, "1 ", 2)), "!badarg");
    EQ("b2i", call1("erlang", "binary_to_integer", AM(ok)), "!badarg");
    EQ("b2i", call2("erlang", "binary_to_integer", bin_new(P, "-zz", 3), make_small(36)), "-1295");
    /* a refc binary (over 64 bytes) and a sub binary of it */
    char digits[100];
    memset(digits, '9', sizeof digits);
    Term big = bin_new(P, digits, sizeof digits);
    Term r = call1("erlang", "binary_to_integer", big);
    CHECK(is_big(r) && bn_chars_needed(r, 10) >= 100);
    Term sub = bin_make_sub(P, big, 8 * 90, 8 * 3);
    EQ("b2i sub", call1("erlang", "binary_to_integer", sub), "999");
    Term odd = bin_make_sub(P, big, 8 * 90, 8 * 3 - 1);
    EQ("b2i bits", call1("erlang", "binary_to_integer", odd), "!badarg");
    reset_heap();
}

static void test_guard_bifs(void)
{
    EQ("abs", call1("erlang", "abs", num("-576460752303423488")), "576460752303423488");
    EQ("abs", call1("erlang", "abs", num("-0.0")), "-0.0");   /* erl keeps the sign */
    EQ("abs", call1("erlang", "abs", AM(ok)), "!badarg");
    EQ("float", call1("erlang", "float", AM(ok)), "!badarg");
    EQ("round", call1("erlang", "round", num("-2.5")), "-3");
    EQ("trunc", call1("erlang", "trunc", num("1.0e20")), "100000000000000000000");
    CHECK(bif_lookup(AM(erlang), atom_from_cstr("floor"), 1)->flags & BIF_GUARD);
    CHECK(bif_lookup(AM(erlang), atom_from_cstr("+"), 2)->flags & BIF_GUARD);
    CHECK(!(bif_lookup(AM(erlang), atom_from_cstr("float_to_list"), 1)->flags & BIF_GUARD));
    reset_heap();
}

static const struct { double d; const char *want; } SHORT[] = {
    { 0.1, "0.1" }, { 1.0e20, "1.0e20" }, { 1.0e-5, "1.0e-5" }, { 1.0e-4, "0.0001" },
    { 100.0, "100.0" }, { 1000.0, "1.0e3" }, { 12345678900.0, "12345678900.0" },
    { 9007199254740991.0, "9007199254740991.0" }, { 9007199254740992.0, "9.007199254740992e15" },
    { 0.0, "0.0" }, { -0.0, "-0.0" }, { 1.0, "1.0" }, { -1.5, "-1.5" },
    { 5.0e-324, "5.0e-324" }, { 1.7976931348623157e308, "1.7976931348623157e308" },
    { 123456.789, "123456.789" }, { 0.001234, "0.001234" },
};

static const struct { const char *in, *want; } PARSE[] = {
    { "1", "!badarg" }, { "1e5", "!badarg" }, { "1.0e5", "1.0e5" }, { "1,5", "1.5" },
    { "+1.5", "1.5" }, { "1.5E+05", "1.5e5" }, { ".5", "!badarg" }, { "1.e5", "!badarg" },
    { "1.0e400", "!badarg" }, { "1.0e-400", "0.0" }, { "1.0e-320", "1.0e-320" },
    { " 1.0", "!badarg" }, { "1.0 ", "!badarg" }, { "-0.0", "-0.0" }, { "1.5e-0005", "1.5e-5" },
    { "00001.5e+0005", "1.5e5" }, { "1.0e", "!badarg" }, { "", "!badarg" },
};

static void test_float_text(void)
{
    char b[FLOAT_FMT_BUF];
    for (size_t i = 0; i < sizeof SHORT / sizeof SHORT[0]; i++) {
        size_t n = float_fmt_shortest(SHORT[i].d, b);
        b[n] = 0;
        check_eq("short", b, SHORT[i].want, __LINE__);
    }
    for (size_t i = 0; i < sizeof PARSE / sizeof PARSE[0]; i++) {
        EQ(PARSE[i].in, call1("erlang", "list_to_float", cstr_list(PARSE[i].in)), PARSE[i].want);
        EQ(PARSE[i].in, call1("erlang", "binary_to_float",
                              bin_new(P, PARSE[i].in, strlen(PARSE[i].in))), PARSE[i].want);
    }
    /* the text ends at a NUL, as erl's C string does */
    EQ("nul", call1("erlang", "binary_to_float", bin_new(P, "1.0\0x", 5)), "1.0");
    EQ("l2f 256", call1("erlang", "list_to_float",
                        make_cons_at(proc_alloc(P, 2), make_small(256), NIL)), "!badarg");

    Term one = num("1.0"), opt;
#define OPTS1(a) make_cons_at(proc_alloc(P, 2), (a), NIL)
#define OPTS2(a, b) make_cons_at(proc_alloc(P, 2), (a), OPTS1(b))
#define TUP(k, v) bif_tuple2(P, (k), (v))
    EQ("f2l/1", call1("erlang", "float_to_list", one), "1.00000000000000000000e+00");
    EQ("f2l/1", call1("erlang", "float_to_list", num("-0.0")), "-0.00000000000000000000e+00");
    EQ("f2b/1", call1("erlang", "float_to_binary", one), "1.00000000000000000000e+00");
    opt = OPTS1(TUP(AM(decimals), make_small(253)));
    Term r = call2("erlang", "float_to_list", one, opt);
    CHECK(is_list(r) && strlen(show_s(r)) == 255);
    opt = OPTS1(TUP(AM(decimals), make_small(254)));
    EQ("dec 254", call2("erlang", "float_to_list", one, opt), "!badarg");
    opt = OPTS1(TUP(AM(decimals), make_small(100000000)));
    EQ("dec huge", call2("erlang", "float_to_list", one, opt), "!badarg");
    opt = OPTS1(TUP(AM(decimals), make_small(0)));
    EQ("1e300", call2("erlang", "float_to_list", num("1.0e300"), opt), "!badarg");
    opt = OPTS1(TUP(AM(scientific), make_small(-1)));
    EQ("sci -1", call2("erlang", "float_to_list", num("1.5"), opt), "1.500000e+00");
    opt = OPTS1(TUP(AM(scientific), num("4294967299")));
    EQ("sci int", call2("erlang", "float_to_list", num("1.5"), opt), "1.500e+00");
    opt = OPTS1(TUP(AM(scientific), make_small(250)));
    EQ("sci 250", call2("erlang", "float_to_list", num("1.5"), opt), "!badarg");
    opt = OPTS1(TUP(AM(decimals), make_small(-1)));
    EQ("dec -1", call2("erlang", "float_to_list", num("1.5"), opt), "!badarg");
    opt = OPTS1(AM(compact));
    EQ("compact", call2("erlang", "float_to_list", num("1.5"), opt), "1.50000000000000000000e+00");
    opt = OPTS2(TUP(AM(decimals), make_small(3)), AM(compact));
    EQ("dec compact", call2("erlang", "float_to_list", one, opt), "1.0");
    opt = OPTS2(TUP(AM(decimals), make_small(0)), AM(compact));
    EQ("quirk", call2("erlang", "float_to_list", num("1.0e20"), opt), "1");
    opt = OPTS2(TUP(AM(decimals), make_small(3)), AM(short));
    EQ("last wins", call2("erlang", "float_to_list", one, opt), "1.0");
    opt = OPTS2(AM(short), TUP(AM(decimals), make_small(3)));
    EQ("last wins", call2("erlang", "float_to_list", one, opt), "1.000");
    opt = make_cons_at(proc_alloc(P, 2), AM(short), AM(ok));
    EQ("improper", call2("erlang", "float_to_list", one, opt), "!badarg");
    opt = OPTS1(TUP(AM(ok), make_small(1)));
    EQ("bad opt", call2("erlang", "float_to_list", one, opt), "!badarg");
    EQ("not float", call2("erlang", "float_to_list", make_small(1), NIL), "!badarg");
    opt = OPTS1(TUP(AM(decimals), make_small(2)));
    EQ("0.125", call2("erlang", "float_to_list", num("0.125"), opt), "0.13");
    opt = OPTS1(TUP(AM(decimals), make_small(30)));
    EQ("printf path", call2("erlang", "float_to_binary", num("-1.0e-10"), opt),
       "-0.000000000100000000000000003643");
    EQ("pi", call("math", "pi", 0, NULL), "3.141592653589793");
#undef OPTS1
#undef OPTS2
#undef TUP
    reset_heap();
}

/* ------------------------------------------------------------------ */
/* bulk groups, hashed                                                */

static uint64_t rnd_next(uint64_t s)
{
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
}

static double bits_double(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static uint64_t double_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

typedef struct {
    const char *name;
    uint64_t hash;
    size_t count;
    bool dump;
    Buf line;
} Group;

static void group_start(Group *g, const char *name)
{
    const char *d = getenv("NUMBERS_DUMP");
    g->name = name;
    g->hash = 14695981039346656037ull;
    g->count = 0;
    g->dump = d && strcmp(d, name) == 0;
    g->line.len = 0;
}

/* Line parts: words separated by single spaces. */
static void part_s(Group *g, const char *s)
{
    if (g->line.len)
        buf_put(&g->line, " ", 1);
    buf_puts(&g->line, s);
}
static void part_t(Group *g, Term t)
{
    if (g->line.len)
        buf_put(&g->line, " ", 1);
    show(&g->line, t);
}
static void part_u(Group *g, uint64_t v)
{
    char s[24];
    snprintf(s, sizeof s, "%llu", (unsigned long long)v);
    part_s(g, s);
}

static void line_end(Group *g)
{
    buf_put(&g->line, "\n", 1);
    for (size_t i = 0; i < g->line.len; i++)
        g->hash = (g->hash ^ (unsigned char)g->line.s[i]) * 1099511628211ull;
    if (g->dump)
        fputs(g->line.s, stdout);
    g->count++;
    g->line.len = 0;
    reset_heap();
}

static void group_end(Group *g, uint64_t want_hash, size_t want_count)
{
    if (g->hash != want_hash || g->count != want_count) {
        unit_failures++;
        fprintf(stderr, "group %s: hash %llX count %zu, erl has %llX %zu "
                "(NUMBERS_DUMP=%s prints the lines to diff with the generator's)\n",
                g->name, (unsigned long long)g->hash, g->count,
                (unsigned long long)want_hash, want_count, g->name);
    }
    free(g->line.s);
    g->line.s = NULL;
    g->line.cap = 0;
}

static const char *const VALS[] = {
    "0", "1", "-1", "7", "-7", "255", "576460752303423487", "-576460752303423488",
    "576460752303423488", "-576460752303423489", "1152921504606846976",
    "9223372036854775807", "-9223372036854775808", "18446744073709551615",
    "18446744073709551616", "-18446744073709551616",
    "340282366920938463463374607431768211457", "-340282366920938463463374607431768211456",
    "255211775190703847597530955573826158592", "717897987691852588770249",
    "-1606938044258990275541962092341162602522202993782792835289031",
    "1.5", "-0.0", "2.0e300", "1.0e-300", "-3.25",
};
#define NVALS (sizeof VALS / sizeof VALS[0])

static const char *const SHIFTS[] = {
    "0", "1", "3", "58", "59", "60", "63", "64", "65", "127", "128", "200", "-1", "-3", "-59",
    "-63", "-64", "-65", "-128", "-200", "576460752303423487", "-576460752303423488",
    "18446744073709551616", "-18446744073709551616", "1.0",
};

static const char *const UNARY_EXTRA[] = {
    "2.5", "-2.5", "0.49999999999999994", "1.0e20", "-1.0e20", "4503599627370497.0",
    "1.7976931348623157e308", "-123.75",
    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
    "18446744073709551616", "18446744093036904449", "a",
};
#define NEXTRA (sizeof UNARY_EXTRA / sizeof UNARY_EXTRA[0])

static const char *unary_val(size_t i) { return i < NVALS ? VALS[i] : UNARY_EXTRA[i - NVALS]; }

static void bulk_arith(void)
{
    static const char *const OPS[] = { "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor" };
    static const char *const FN[] = { "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor" };
    Group g = {0};
    group_start(&g, "arith");
    for (size_t o = 0; o < 9; o++)
        for (size_t i = 0; i < NVALS; i++)
            for (size_t j = 0; j < NVALS; j++) {
                part_s(&g, OPS[o]);
                part_s(&g, VALS[i]);
                part_s(&g, VALS[j]);
                part_t(&g, call2("erlang", FN[o], num(VALS[i]), num(VALS[j])));
                line_end(&g);
            }
    group_end(&g, 0xA23F8AD1B9A1A10Bull, 6084);

    group_start(&g, "shift");
    for (int o = 0; o < 2; o++)
        for (size_t i = 0; i < NVALS; i++)
            for (size_t j = 0; j < sizeof SHIFTS / sizeof SHIFTS[0]; j++) {
                part_s(&g, o ? "bsr" : "bsl");
                part_s(&g, VALS[i]);
                part_s(&g, SHIFTS[j]);
                part_t(&g, call2("erlang", o ? "bsr" : "bsl", num(VALS[i]), num(SHIFTS[j])));
                line_end(&g);
            }
    group_end(&g, 0xC3AA24C511349F89ull, 1300);

    static const char *const UN[] = { "bnot", "neg", "plus", "abs", "float", "trunc", "round",
                                      "ceil", "floor" };
    static const char *const UNF[] = { "bnot", "-", "+", "abs", "float", "trunc", "round",
                                       "ceil", "floor" };
    group_start(&g, "unary");
    for (size_t o = 0; o < 9; o++)
        for (size_t i = 0; i < NVALS + NEXTRA; i++) {
            part_s(&g, UN[o]);
            part_s(&g, unary_val(i));
            part_t(&g, call1("erlang", UNF[o], num(unary_val(i))));
            line_end(&g);
        }
    group_end(&g, 0xE4D4097483BF3D1Aull, 351);

    group_start(&g, "text");
    for (size_t i = 0; i < NVALS + NEXTRA; i++) {
        Term x = num(unary_val(i));
        if (!is_integer(x))
            continue;
        for (int base = 2; base <= 36; base++) {
            part_s(&g, unary_val(i));
            part_u(&g, (uint64_t)base);
            Term r = call2("erlang", "integer_to_list", num(unary_val(i)), make_small(base));
            part_t(&g, r);
            Term back = call2("erlang", "list_to_integer", r, make_small(base));
            CHECK(bn_compare(back, num(unary_val(i))) == 0);
            line_end(&g);
        }
    }
    group_end(&g, 0xF1E20A3870A9B60Bull, 875);
}

static void bulk_double(void)
{
    Group g = {0};
    group_start(&g, "double");
    uint64_t r = 99;
    UWord limbs[17];
    for (int k = 0; k < 400; k++) {
        r = rnd_next(r);
        size_t n = 1 + r % 17;
        uint64_t s = r;
        for (size_t i = 0; i < n; i++) {
            s = rnd_next(s);
            limbs[n - 1 - i] = s;
        }
        Term x = bn_from_limbs(P, limbs, n, r & 1);
        part_t(&g, x);
        part_t(&g, call1("erlang", "float", x));
        line_end(&g);
    }
    group_end(&g, 0x714E620648E425ABull, 400);
}

static void short_line(Group *g, double d)
{
    char b[FLOAT_FMT_SHORT_MAX];
    size_t n = float_fmt_shortest(d, b);
    b[n] = 0;
    part_s(g, b);
    /* the text must read back as the same double */
    double back;
    CHECK(float_fmt_parse(b, n, &back) && double_bits(back) == double_bits(d));
    line_end(g);
}

static void bulk_short(void)
{
    Group g = {0};
    group_start(&g, "short");
    uint64_t r = 12345;
    for (int k = 0; k < 8000; k++) {
        r = rnd_next(r);
        if (((r >> 52) & 0x7FF) == 0x7FF)
            continue;
        part_u(&g, r);
        short_line(&g, bits_double(r));
    }
    uint64_t pow2[2046 + 52];
    size_t np = 0;
    for (uint64_t k = 1; k <= 2046; k++)
        pow2[np++] = k << 52;
    for (uint64_t k = 0; k <= 51; k++)
        pow2[np++] = 1ull << k;
    for (size_t i = 0; i < np; i++) {
        part_u(&g, pow2[i]);
        short_line(&g, bits_double(pow2[i]));
    }
    for (size_t i = 0; i < np; i++) {
        if (pow2[i] % 3)
            continue;
        part_u(&g, pow2[i] | (1ull << 63));
        short_line(&g, bits_double(pow2[i] | (1ull << 63)));
    }
    r = 777;
    for (int k = 0; k < 3000; k++) {
        r = rnd_next(r);
        int digits = 1 + (int)(r % 17);
        uint64_t p10 = 1;
        for (int i = 0; i < digits; i++)
            p10 *= 10;
        char s[64];
        int n = snprintf(s, sizeof s, "%llu.0e%d", (unsigned long long)((r >> 8) % p10),
                         (int)((r >> 40) % 640) - 330);
        double d;
        part_s(&g, s);
        if (float_fmt_parse(s, (size_t)n, &d)) {
            short_line(&g, d);
        } else {
            part_s(&g, "!badarg");
            line_end(&g);
        }
    }
    group_end(&g, 0x7C523D8809876E90ull, 13777);
}

static size_t fixed_values(uint64_t *out)
{
    static const double extra[] = {
        0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 1.0e15 + 0.5, 9007199254740993.0,
        123456789012345678.0, 0.0, -0.0, 1.0e-7, 0.1, 0.7, 99.995, 4.35, 1.0e22,
    };
    size_t n = 0;
    uint64_t r = 4242;
    for (int k = 0; k < 300; k++) {
        r = rnd_next(r);
        uint64_t e = 1023 + r % 70 - 30;
        out[n++] = (r & ((1ull << 52) - 1)) | (e << 52) | ((r & 1) << 63);
    }
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        out[n++] = double_bits(extra[i]);
    return n;
}

static void bulk_fixed(void)
{
    uint64_t fs[400];
    size_t nf = fixed_values(fs);
    Group g = {0};
    group_start(&g, "fixed");
    for (size_t i = 0; i < nf; i++)
        for (int d = 0; d <= 20; d++)
            for (int c = 0; c < 2; c++) {
                part_u(&g, fs[i]);
                part_u(&g, (uint64_t)d);
                part_s(&g, c ? "c" : "-");
                Term opts = make_cons_at(proc_alloc(P, 2), bif_tuple2(P, AM(decimals), make_small(d)),
                                         c ? make_cons_at(proc_alloc(P, 2), AM(compact), NIL) : NIL);
                Term f = arith_make_float(P, bits_double(fs[i]));
                part_t(&g, call2("erlang", "float_to_list", f, opts));
                line_end(&g);
            }
    group_end(&g, 0xFABDA0A12211DF09ull, 13398);

    group_start(&g, "sci");
    for (size_t i = 0; i < nf; i++)
        for (int d = 0; d <= 22; d += 3) {
            part_u(&g, fs[i]);
            part_u(&g, (uint64_t)d);
            Term opts = make_cons_at(proc_alloc(P, 2), bif_tuple2(P, AM(scientific), make_small(d)), NIL);
            Term f = arith_make_float(P, bits_double(fs[i]));
            part_t(&g, call2("erlang", "float_to_list", f, opts));
            part_t(&g, call1("erlang", "float_to_list", f));
            line_end(&g);
        }
    group_end(&g, 0x6066597A0D29E44Cull, 2552);
}

static void bulk_math(void)
{
    static const char *const F1[] = { "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                                      "tanh", "asinh", "acosh", "atanh", "exp", "log", "log2",
                                      "log10", "sqrt", "erf", "erfc", "ceil", "floor" };
    static const char *const F2[] = { "atan2", "pow", "fmod" };
    static const char *const XS[] = {
        "0", "1", "-1", "2", "0.5", "-0.5", "-0.0", "710", "-1000", "1.0e300", "-1.0e300",
        "18446744073709551616", "1.5707963267948966", "a",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
    };
    size_t nx = sizeof XS / sizeof XS[0];
    Group g = {0};
    group_start(&g, "math");
    for (size_t f = 0; f < sizeof F1 / sizeof F1[0]; f++)
        for (size_t i = 0; i < nx; i++) {
            part_s(&g, F1[f]);
            part_s(&g, XS[i]);
            part_t(&g, call1("math", F1[f], num(XS[i])));
            line_end(&g);
        }
    for (size_t f = 0; f < 3; f++)
        for (size_t i = 0; i < nx; i++)
            for (size_t j = 0; j < nx; j++) {
                part_s(&g, F2[f]);
                part_s(&g, XS[i]);
                part_s(&g, XS[j]);
                part_t(&g, call2("math", F2[f], num(XS[i]), num(XS[j])));
                line_end(&g);
            }
    group_end(&g, 0xDD91EB15E33055E2ull, 990);
}

int main(void)
{
    atom_init();
    bif_init();
    P = proc_alloc_bare(1000);
    test_explicit_arith();
    test_bignum_api();
    test_integer_bifs();
    test_guard_bifs();
    test_float_text();
    bulk_arith();
    bulk_double();
    bulk_short();
    bulk_fixed();
    bulk_math();
    reset_heap();
    proc_free_bare(P);
    return UNIT_DONE();
}

/* The generator of the bulk groups' hashes and counts: save as numgen.erl,
 * then `erlc numgen.erl && erl -noshell -run numgen main -s init stop`
 * prints "group hash count" for each group, and
 * `erl -noshell -run numgen main GROUP -s init stop` prints one group's lines
 * (compare with NUMBERS_DUMP=GROUP ./test_numbers).

-module(numgen).
-export([main/0, main/1]).
main() -> main([]).
%% erl -noshell -pa . -run numgen main [GROUP] -s init stop
%% Without GROUP: prints "GROUP HASH COUNT" per group; with GROUP: its lines.

-define(M64, 16#FFFFFFFFFFFFFFFF).

vals() ->
    ["0", "1", "-1", "7", "-7", "255", "576460752303423487", "-576460752303423488",
     "576460752303423488", "-576460752303423489", "1152921504606846976",
     "9223372036854775807", "-9223372036854775808", "18446744073709551615",
     "18446744073709551616", "-18446744073709551616",
     "340282366920938463463374607431768211457", "-340282366920938463463374607431768211456",
     "255211775190703847597530955573826158592", "717897987691852588770249",
     "-1606938044258990275541962092341162602522202993782792835289031",
     "1.5", "-0.0", "2.0e300", "1.0e-300", "-3.25"].
shift_counts() ->
    ["0", "1", "3", "58", "59", "60", "63", "64", "65", "127", "128", "200", "-1", "-3", "-59",
     "-63", "-64", "-65", "-128", "-200", "576460752303423487", "-576460752303423488",
     "18446744073709551616", "-18446744073709551616", "1.0"].
unary_extra() ->
    ["2.5", "-2.5", "0.49999999999999994", "1.0e20", "-1.0e20", "4503599627370497.0",
     "1.7976931348623157e308", "-123.75",
     "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
     "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
     "18446744073709551616", "18446744093036904449", "a"].

num(S) ->
    try list_to_integer(S) catch _:_ ->
        try list_to_float(S) catch _:_ -> list_to_atom(S) end end.

show(X) when is_integer(X) -> integer_to_list(X);
show(X) when is_float(X) -> float_to_list(X, [short]);
show(X) when is_list(X) -> X;
show(X) when is_binary(X) -> binary_to_list(X).

res(F) -> try show(F()) catch error:R -> "!" ++ atom_to_list(R) end.

%% xorshift64, as in test_numbers.c
next(S0) ->
    S1 = S0 bxor ((S0 bsl 13) band ?M64),
    S2 = S1 bxor (S1 bsr 7),
    (S2 bxor ((S2 bsl 17) band ?M64)).

randoms(0, _S, Acc) -> lists:reverse(Acc);
randoms(N, S, Acc) -> S1 = next(S), randoms(N - 1, S1, [S1 | Acc]).
randoms(N, Seed) -> randoms(N, Seed, []).

bits_to_float(B) -> <<F/float>> = <<B:64>>, F.
finite(B) -> (B bsr 52) band 16#7FF =/= 16#7FF.

line(Parts) -> lists:join(" ", Parts).

group(arith) ->
    Ops = [{"+", fun erlang:'+'/2}, {"-", fun erlang:'-'/2}, {"*", fun erlang:'*'/2},
           {"/", fun erlang:'/'/2}, {"div", fun erlang:'div'/2}, {"rem", fun erlang:'rem'/2},
           {"band", fun erlang:'band'/2}, {"bor", fun erlang:'bor'/2}, {"bxor", fun erlang:'bxor'/2}],
    [line([N, A, B, res(fun() -> F(num(A), num(B)) end)]) || {N, F} <- Ops, A <- vals(), B <- vals()];
group(shift) ->
    Ops = [{"bsl", fun erlang:'bsl'/2}, {"bsr", fun erlang:'bsr'/2}],
    [line([N, A, B, res(fun() -> F(num(A), num(B)) end)]) || {N, F} <- Ops, A <- vals(), B <- shift_counts()];
group(unary) ->
    Ops = [{"bnot", fun erlang:'bnot'/1}, {"neg", fun erlang:'-'/1}, {"plus", fun erlang:'+'/1},
           {"abs", fun erlang:abs/1}, {"float", fun erlang:float/1}, {"trunc", fun erlang:trunc/1},
           {"round", fun erlang:round/1}, {"ceil", fun erlang:ceil/1}, {"floor", fun erlang:floor/1}],
    [line([N, A, res(fun() -> F(num(A)) end)]) || {N, F} <- Ops, A <- vals() ++ unary_extra()];
group(text) ->
    Xs = [X || X <- vals() ++ unary_extra(), is_integer(num(X))],
    [line([X, integer_to_list(B), res(fun() -> integer_to_list(num(X), B) end)])
     || X <- Xs, B <- lists:seq(2, 36)];
group(double) ->
    %% float/1 of bignums of 1..17 random limbs (ERTS's limb-by-limb rounding)
    Rs = randoms(400, 99),
    [begin
         N = 1 + (R rem 17),
         X0 = lists:foldl(fun(L, Acc) -> (Acc bsl 64) bor L end, 0, randoms(N, R)),
         X = case R band 1 of 0 -> X0; 1 -> -X0 end,
         line([integer_to_list(X), res(fun() -> float(X) end)])
     end || R <- Rs];
group(short) ->
    Rand = [B || B <- randoms(8000, 12345), finite(B)],
    Pow2 = [K bsl 52 || K <- lists:seq(1, 2046)] ++ [1 bsl K || K <- lists:seq(0, 51)],
    Bits = Rand ++ Pow2 ++ [B bor (1 bsl 63) || B <- Pow2, B rem 3 =:= 0],
    Dec = [begin
               Digits = 1 + (R rem 17),
               M = (R bsr 8) rem pow10(Digits),
               E = ((R bsr 40) rem 640) - 330,
               integer_to_list(M) ++ ".0e" ++ integer_to_list(E)
           end || R <- randoms(3000, 777)],
    [line([integer_to_list(B), res(fun() -> float_to_list(bits_to_float(B), [short]) end)])
     || B <- Bits] ++
    [line([S, res(fun() -> float_to_list(list_to_float(S), [short]) end)]) || S <- Dec];
group(fixed) ->
    Fs = fixed_values(),
    [line([integer_to_list(B), integer_to_list(D), C,
           res(fun() -> float_to_list(bits_to_float(B), [{decimals, D}] ++ opt(C)) end)])
     || B <- Fs, D <- lists:seq(0, 20), C <- ["-", "c"]];
group(sci) ->
    Fs = fixed_values(),
    [line([integer_to_list(B), integer_to_list(D),
           res(fun() -> float_to_list(bits_to_float(B), [{scientific, D}]) end),
           res(fun() -> float_to_list(bits_to_float(B)) end)])
     || B <- Fs, D <- lists:seq(0, 22, 3)];
group(math) ->
    F1 = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, log,
          log2, log10, sqrt, erf, erfc, ceil, floor],
    F2 = [atan2, pow, fmod],
    Xs = ["0", "1", "-1", "2", "0.5", "-0.5", "-0.0", "710", "-1000", "1.0e300", "-1.0e300",
          "18446744073709551616", "1.5707963267948966", "a",
          "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"],
    [line([atom_to_list(F), X, res(fun() -> math:F(num(X)) end)]) || F <- F1, X <- Xs] ++
    [line([atom_to_list(F), X, Y, res(fun() -> math:F(num(X), num(Y)) end)])
     || F <- F2, X <- Xs, Y <- Xs].

opt("-") -> [];
opt("c") -> [compact].

fixed_values() ->
    Rs = randoms(300, 4242),
    [begin
         Exp = 1023 + (R rem 70) - 30,
         (R band ((1 bsl 52) - 1)) bor (Exp bsl 52) bor ((R band 1) bsl 63)
     end || R <- Rs] ++
    [begin <<B:64>> = <<F/float>>, B end
     || F <- [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 1.0e15 + 0.5, 9007199254740993.0,
              123456789012345678.0, 0.0, -0.0, 1.0e-7, 0.1, 0.7, 99.995, 4.35, 1.0e22]].

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).

fnv([], H) -> H;
fnv([C | T], H) -> fnv(T, ((H bxor C) * 1099511628211) band ?M64).

hash(Lines) ->
    lists:foldl(fun(L, H) -> fnv(unicode:characters_to_list(L) ++ "\n", H) end,
                14695981039346656037, Lines).

groups() -> [arith, shift, unary, text, double, short, fixed, sci, math].

main([]) ->
    [begin
         Ls = group(G),
         io:format("~s ~.16B ~p~n", [G, hash(Ls), length(Ls)])
     end || G <- groups()];
main([G]) ->
    [io:format("~s~n", [L]) || L <- group(list_to_atom(G))].
*/
