/* test_binary.c — unit tests of binaries, the bit-syntax runtime and the
 * binary BIFs (erlang, binary, unicode modules). Expected values were
 * produced by erl (OTP 25): tests/unit/gen_binary_cases.erl prints the
 * table below. Terms are written in erl's ~w syntax and parsed here. */
#include "unit.h"
#include "../../src/term/binary.h"
#include "../../src/emu/bits.h"
#include "../../src/bif/bif.h"
#include "../../src/term/bignum.h"
#include <stdlib.h>
#include <stdio.h>
#include <ctype.h>

/* ---- a bn_from_limbs for building this test alone (bignum.c wins when
 *      linked in) ---- */
__attribute__((weak)) Term bn_from_limbs(Process *p, const UWord *limbs, size_t n, bool negative)
{
    while (n > 0 && limbs[n - 1] == 0)
        n--;
    if (n == 0)
        return make_small(0);
    if (n == 1 && limbs[0] <= (UWord)MAX_SMALL)
        return make_small(negative ? -(SWord)limbs[0] : (SWord)limbs[0]);
    if (n == 1 && negative && limbs[0] == (UWord)MAX_SMALL + 1)
        return make_small(MIN_SMALL);
    Term *hp = proc_alloc(p, n + 1);
    hp[0] = make_header(n, negative ? SUB_NEG_BIG : SUB_POS_BIG);
    memcpy(hp + 1, limbs, n * sizeof(UWord));
    return make_boxed(hp);
}

static Process *P;

/* ================= a reader for erl's ~w syntax ================= */

typedef struct { const char *s; } Rd;

static void skip_ws(Rd *r) { while (isspace((unsigned char)*r->s)) r->s++; }

static Term parse(Rd *r);

/* Decimal digits to an integer term (any size). */
static Term parse_int(Rd *r)
{
    bool neg = false;
    if (*r->s == '-') { neg = true; r->s++; }
    UWord limbs[64] = {0};
    size_t n = 1;
    while (isdigit((unsigned char)*r->s)) {
        unsigned __int128 carry = (unsigned)(*r->s++ - '0');
        for (size_t i = 0; i < n; i++) {
            unsigned __int128 x = (unsigned __int128)limbs[i] * 10 + carry;
            limbs[i] = (UWord)x;
            carry = x >> 64;
        }
        if (carry)
            limbs[n++] = (UWord)carry;
    }
    return bn_from_limbs(P, limbs, n, neg);
}

static Term parse_list_tail(Rd *r, char close)
{
    Term items[4096];
    size_t n = 0;
    Term tail = NIL;
    skip_ws(r);
    if (*r->s == close) { r->s++; return NIL; }
    for (;;) {
        items[n++] = parse(r);
        skip_ws(r);
        if (*r->s == ',') { r->s++; continue; }
        if (*r->s == '|') { r->s++; tail = parse(r); skip_ws(r); }
        r->s++;            /* close */
        break;
    }
    Term *hp = proc_alloc(P, 2 * n);
    for (size_t i = n; i-- > 0;)
        tail = make_cons_at(hp + 2 * i, items[i], tail);
    return tail;
}

static Term parse_binary(Rd *r)
{
    uint8_t buf[8192];
    size_t bits = 0;
    memset(buf, 0, sizeof buf);
    skip_ws(r);
    while (*r->s != '>') {
        skip_ws(r);
        if (*r->s == '"') {
            r->s++;
            while (*r->s != '"') { buf[bits / 8] = (uint8_t)*r->s++; bits += 8; }
            r->s++;
        } else {
            Term v = parse_int(r);
            size_t size = 8;
            if (*r->s == ':') { r->s++; size = (size_t)small_val(parse_int(r)); }
            bits_write_integer(buf, bits, v, size, 0);
            bits += size;
        }
        skip_ws(r);
        if (*r->s == ',') r->s++;
        skip_ws(r);
    }
    r->s += 2;
    Term b = bin_new(P, buf, (bits + 7) / 8);
    return (bits & 7) ? bin_sub(P, b, 0, bits) : b;
}

static Term parse(Rd *r)
{
    skip_ws(r);
    char c = *r->s;
    if (c == '[') { r->s++; return parse_list_tail(r, ']'); }
    if (c == '{') {
        r->s++;
        Term l = parse_list_tail(r, '}');
        size_t n = 0;
        for (Term t = l; is_list(t); t = CDR(list_val(t))) n++;
        Term *hp = proc_alloc(P, n + 1);
        hp[0] = make_arityval(n);
        size_t i = 1;
        for (Term t = l; is_list(t); t = CDR(list_val(t))) hp[i++] = CAR(list_val(t));
        return make_tuple(hp);
    }
    if (c == '<' && r->s[1] == '<') { r->s += 2; return parse_binary(r); }
    if (c == '"') {
        r->s++;
        const char *e = strchr(r->s, '"');
        Term l = NIL;
        Term *hp = proc_alloc(P, 2 * (size_t)(e - r->s));
        for (const char *q = e; q-- > r->s;)
            l = make_cons_at(hp + 2 * (q - r->s), make_small((uint8_t)*q), l);
        r->s = e + 1;
        return l;
    }
    if (c == '-' || isdigit((unsigned char)c)) {
        const char *q = r->s + (c == '-');
        while (isdigit((unsigned char)*q)) q++;
        if (*q == '.' && isdigit((unsigned char)q[1])) {
            char *end;
            double d = strtod(r->s, &end);
            r->s = end;
            return make_float_at(proc_alloc(P, FLOAT_WORDS), d);
        }
        return parse_int(r);
    }
    if (c == '\'') {
        char buf[1024];
        size_t n = 0;
        r->s++;
        while (*r->s != '\'') {
            if (*r->s == '\\') r->s++;
            buf[n++] = *r->s++;
        }
        r->s++;
        return atom_put(buf, n);
    }
    const char *st = r->s;
    while (isalnum((unsigned char)*r->s) || *r->s == '_' || *r->s == '@') r->s++;
    return atom_put(st, (size_t)(r->s - st));
}

static Term T(const char *s) { Rd r = { s }; return parse(&r); }

/* ================= a printer in erl's ~w syntax ================= */

typedef struct { char *b; size_t n, cap; } Out;

static void put(Out *o, const char *s, size_t len)
{
    if (o->n + len + 1 > o->cap) {
        o->cap = (o->n + len + 1) * 2;
        o->b = realloc(o->b, o->cap);
    }
    memcpy(o->b + o->n, s, len);
    o->n += len;
    o->b[o->n] = 0;
}
static void puts_(Out *o, const char *s) { put(o, s, strlen(s)); }

static void print_big(Out *o, Term t)
{
    size_t n = big_size(t);
    UWord *l = malloc(n * sizeof(UWord));
    memcpy(l, big_limbs(t), n * sizeof(UWord));
    char digits[20000];
    size_t nd = 0;
    while (n > 0) {
        unsigned __int128 rem = 0;
        for (size_t i = n; i-- > 0;) {
            unsigned __int128 cur = (rem << 64) | l[i];
            l[i] = (UWord)(cur / 10);
            rem = cur % 10;
        }
        digits[nd++] = (char)('0' + (int)rem);
        while (n > 0 && l[n - 1] == 0) n--;
    }
    free(l);
    if (big_sign(t)) puts_(o, "-");
    while (nd > 0) put(o, &digits[--nd], 1);
}

static void print(Out *o, Term t)
{
    char buf[64];
    if (is_small(t)) { snprintf(buf, sizeof buf, "%lld", (long long)small_val(t)); puts_(o, buf); return; }
    if (is_atom(t)) {
        const char *s = atom_text(t);
        bool plain = islower((unsigned char)s[0]);
        for (const char *q = s; *q; q++)
            if (!isalnum((unsigned char)*q) && *q != '_' && *q != '@') plain = false;
        if (plain) { puts_(o, s); return; }
        puts_(o, "'");
        for (const char *q = s; *q; q++) {
            if (*q == '\'' || *q == '\\') puts_(o, "\\");
            put(o, q, 1);
        }
        puts_(o, "'");
        return;
    }
    if (is_nil(t)) { puts_(o, "[]"); return; }
    if (is_list(t)) {
        puts_(o, "[");
        for (;;) {
            print(o, CAR(list_val(t)));
            t = CDR(list_val(t));
            if (is_list(t)) { puts_(o, ","); continue; }
            if (!is_nil(t)) { puts_(o, "|"); print(o, t); }
            break;
        }
        puts_(o, "]");
        return;
    }
    if (is_tuple(t)) {
        puts_(o, "{");
        for (size_t i = 1; i <= tuple_arity(t); i++) {
            if (i > 1) puts_(o, ",");
            print(o, tuple_elem(t, i));
        }
        puts_(o, "}");
        return;
    }
    if (is_big(t)) { print_big(o, t); return; }
    if (is_float(t)) { snprintf(buf, sizeof buf, "%.17g", float_val(t)); puts_(o, buf); return; }
    if (is_bitstring(t)) {
        const uint8_t *base;
        size_t off, bits;
        bin_view(t, &base, &off, &bits);
        puts_(o, "<<");
        size_t i = 0;
        for (; i + 8 <= bits; i += 8) {
            snprintf(buf, sizeof buf, "%s%u", i ? "," : "", bin_fetch_bits(base, off + i, 8));
            puts_(o, buf);
        }
        if (i < bits) {
            unsigned k = (unsigned)(bits - i);
            snprintf(buf, sizeof buf, "%s%u:%u", i ? "," : "", bin_fetch_bits(base, off + i, k) >> (8 - k), k);
            puts_(o, buf);
        }
        puts_(o, ">>");
        return;
    }
    puts_(o, "?");
}

static char *show(Term t)
{
    Out o = { NULL, 0, 0 };
    print(&o, t);
    return o.b;
}

/* Check that term t prints as expected (erl's ~w). */
#define CHECK_TERM(t, expected) check_term_at(__FILE__, __LINE__, (t), (expected))
static void check_term_at(const char *file, int line, Term t, const char *expected)
{
    char *s = is_value(t) ? show(t) : strdup("THE_NON_VALUE");
    if (strcmp(s, expected) != 0) {
        unit_failures++;
        fprintf(stderr, "%s:%d: got %s, expected %s\n", file, line, s, expected);
    }
    free(s);
}

/* Call M:F with the args of list `args` and compare with erl's {ok,R} or
 * {error,Reason}. */
static void check_call(const char *m, const char *f, const char *args, const char *expected)
{
    Term argv[8];
    uint32_t n = 0;
    for (Term l = T(args); is_list(l); l = CDR(list_val(l)))
        argv[n++] = CAR(list_val(l));
    const BifDef *d = bif_lookup(atom_from_cstr(m), atom_from_cstr(f), n);
    if (!d) {
        unit_failures++;
        fprintf(stderr, "no BIF %s:%s/%u\n", m, f, n);
        return;
    }
    P->fclass = EXC_NONE;
    Term r = d->fn(P, argv);
    Term got = is_value(r) ? bif_tuple2(P, AM(ok), r)
                           : bif_tuple2(P, P->fclass == EXC_ERROR ? AM(error) : AM(exit), P->fvalue);
    char *s = show(got);
    if (strcmp(s, expected) != 0) {
        unit_failures++;
        fprintf(stderr, "%s:%s(%s): got %s, expected %s\n", m, f, args, s, expected);
    }
    free(s);
}

typedef struct { const char *m, *f, *args, *expected; } Case;

static const Case cases[] = {
#include "binary_cases.inc"
};

/* ================= bit syntax ================= */

static BitsSegment seg(int type, unsigned flags, unsigned unit, Term value, Term size)
{
    BitsSegment s = { type, flags, unit, value, size, NULL };
    return s;
}

static Term build(const BitsSegment *s, size_t n)
{
    P->fclass = EXC_NONE;
    return bits_create_bin(P, s, n);
}

static const char *exc(void) { return P->fvalue == AM(badarg) ? "badarg" : P->fvalue == AM(system_limit) ? "system_limit" : "?"; }

static void test_construct(void)
{
    /* <<X:8, Y:16/little-signed, Z/binary, 1.5/float, "abc", X/utf8, Y/utf16, Z:3/bits>> */
    Term z = T("<<1,2,3>>");
    const uint8_t str[] = { 63, 248, 0, 0, 0, 0, 0, 0, 97, 98, 99 };
    BitsSegment s[] = {
        seg(BITS_SEG_INTEGER, 0, 1, make_small(200), make_small(8)),
        seg(BITS_SEG_INTEGER, BITS_F_LITTLE | BITS_F_SIGNED, 1, make_small(-2), make_small(16)),
        seg(BITS_SEG_BINARY, 0, 8, z, AM(all)),
        seg(BITS_SEG_STRING, 0, 8, NIL, make_small(11)),
        seg(BITS_SEG_UTF8, 0, 0, make_small(200), AM(undefined)),
        seg(BITS_SEG_UTF16, 0, 0, make_small(-2), AM(undefined)),
    };
    s[3].str = str;
    Term b = build(s, 6);
    CHECK(is_non_value(b) && P->fvalue == AM(badarg));      /* -2/utf16 */
    s[5].value = make_small(0x1F600);
    b = build(s, 6);
    CHECK_TERM(b, "<<200,254,255,1,2,3,63,248,0,0,0,0,0,0,97,98,99,195,136,216,61,222,0>>");

    /* bitstrings, integers of every size and endianness */
    struct { long long v; unsigned size, flags; const char *want; } ints[] = {
        { 0xABC, 12, BITS_F_LITTLE, "<<188,10:4>>" },
        { 0xABCDE, 20, BITS_F_LITTLE, "<<222,188,10:4>>" },
        { -1, 12, BITS_F_LITTLE, "<<255,15:4>>" },
        { 5, 3, BITS_F_LITTLE, "<<5:3>>" },
        { 0x1FF, 9, BITS_F_LITTLE, "<<255,1:1>>" },
        { 0xABC, 12, 0, "<<171,12:4>>" },
        { -5, 7, 0, "<<123:7>>" },
        { 1000, 8, 0, "<<232>>" },
        { 0x0102030405060708, 64, 0, "<<1,2,3,4,5,6,7,8>>" },
        { 0x0102030405060708, 64, BITS_F_LITTLE, "<<8,7,6,5,4,3,2,1>>" },
        { -1, 70, 0, "<<255,255,255,255,255,255,255,255,63:6>>" },
        { -2, 70, BITS_F_LITTLE, "<<254,255,255,255,255,255,255,255,63:6>>" },
        { 0x123456789, 36, 0, "<<18,52,86,120,9:4>>" },
        { 0x123, 0, 0, "<<>>" },
        { 7, 67, 0, "<<0,0,0,0,0,0,0,0,7:3>>" },
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        BitsSegment g = seg(BITS_SEG_INTEGER, ints[i].flags, 1, make_small(ints[i].v), make_small(ints[i].size));
        CHECK_TERM(build(&g, 1), ints[i].want);
    }
    /* unaligned: <<1:3, X:13, 1.5:32/float, 3:5/little>> */
    BitsSegment u[] = {
        seg(BITS_SEG_INTEGER, 0, 1, make_small(1), make_small(3)),
        seg(BITS_SEG_INTEGER, 0, 1, make_small(4660), make_small(13)),
        seg(BITS_SEG_FLOAT, 0, 1, T("1.5"), make_small(32)),
        seg(BITS_SEG_INTEGER, BITS_F_LITTLE, 1, make_small(3), make_small(5)),
    };
    CHECK_TERM(build(u, 4), "<<50,52,63,192,0,0,3:5>>");

    /* bignum values: <<(1 bsl 100 + 5):104>>, <<(-(1 bsl 100)):104/little>> */
    Term big = T("1267650600228229401496703205381");
    BitsSegment bg = seg(BITS_SEG_INTEGER, 0, 1, big, make_small(104));
    CHECK_TERM(build(&bg, 1), "<<16,0,0,0,0,0,0,0,0,0,0,0,5>>");
    bg = seg(BITS_SEG_INTEGER, BITS_F_LITTLE, 1, T("-1267650600228229401496703205376"), make_small(104));
    CHECK_TERM(build(&bg, 1), "<<0,0,0,0,0,0,0,0,0,0,0,0,240>>");
    bg = seg(BITS_SEG_INTEGER, 0, 1, big, make_small(50));       /* truncated */
    CHECK_TERM(build(&bg, 1), "<<0,0,0,0,0,1,1:2>>");
    bg = seg(BITS_SEG_INTEGER, 0, 1, T("-1267650600228229401496703205381"), make_small(101));
    CHECK_TERM(build(&bg, 1), "<<127,255,255,255,255,255,255,255,255,255,255,255,27:5>>");

    /* floats */
    struct { const char *v; unsigned size, flags; const char *want; } fl[] = {
        { "1.0e300", 32, 0, "<<127,128,0,0>>" },
        { "65504.0", 16, 0, "<<123,255>>" },
        { "65520.0", 16, 0, "<<124,0>>" },
        { "1.0e-8", 16, 0, "<<0,0>>" },
        { "1.0e-5", 16, 0, "<<0,168>>" },
        { "3", 16, 0, "<<66,0>>" },
        { "1.5", 32, BITS_F_LITTLE, "<<0,0,192,63>>" },
        { "-2.5", 64, 0, "<<192,4,0,0,0,0,0,0>>" },
        { "1606938044258990275541962092341162602522202993782792835301376", 32, 0, "<<127,128,0,0>>" },
        { "1.0009765625", 16, 0, "<<60,1>>" },
    };
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++) {
        BitsSegment g = seg(BITS_SEG_FLOAT, fl[i].flags, 1, T(fl[i].v), make_small(fl[i].size));
        CHECK_TERM(build(&g, 1), fl[i].want);
    }
    /* 1 + 2^-11 + 2^-40 rounds up in one step to half precision (as erl) */
    BitsSegment h = seg(BITS_SEG_FLOAT, 0, 1, T("1.0"), make_small(16));
    h.value = make_float_at(proc_alloc(P, FLOAT_WORDS), 1.0 + 1.0 / 2048 + 1.0 / 1099511627776.0);
    CHECK_TERM(build(&h, 1), "<<60,1>>");

    /* errors */
    struct { BitsSegment s; const char *reason; } bad[] = {
        { seg(BITS_SEG_FLOAT, 0, 1, T("1.5"), make_small(8)), "badarg" },
        { seg(BITS_SEG_FLOAT, 0, 1, T("1.5"), make_small(0)), "badarg" },
        { seg(BITS_SEG_FLOAT, 0, 1, T("foo"), make_small(64)), "badarg" },
        { seg(BITS_SEG_INTEGER, 0, 1, T("1.5"), make_small(8)), "badarg" },
        { seg(BITS_SEG_INTEGER, 0, 1, make_small(1), make_small(-1)), "badarg" },
        { seg(BITS_SEG_INTEGER, 0, 1, make_small(1), T("foo")), "badarg" },
        { seg(BITS_SEG_INTEGER, 0, 1, make_small(1), T("1267650600228229401496703205381")), "system_limit" },
        { seg(BITS_SEG_INTEGER, 0, 1, make_small(1), T("-1267650600228229401496703205381")), "badarg" },
        { seg(BITS_SEG_INTEGER, 0, 256, make_small(1), make_small((SWord)1 << 56)), "system_limit" },
        { seg(BITS_SEG_BINARY, 0, 8, T("<<1:3>>"), AM(all)), "badarg" },
        { seg(BITS_SEG_BINARY, 0, 8, T("foo"), AM(all)), "badarg" },
        { seg(BITS_SEG_BINARY, 0, 8, T("<<1,2>>"), make_small(3)), "badarg" },
        { seg(BITS_SEG_UTF8, 0, 0, make_small(0xD800), AM(undefined)), "badarg" },
        { seg(BITS_SEG_UTF8, 0, 0, make_small(0x110000), AM(undefined)), "badarg" },
        { seg(BITS_SEG_UTF32, 0, 0, make_small(-1), AM(undefined)), "badarg" },
        { seg(BITS_SEG_FLOAT, 0, 1, T("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"), make_small(64)), "badarg" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Term r = build(&bad[i].s, 1);
        if (is_value(r) || strcmp(exc(), bad[i].reason) != 0) {
            unit_failures++;
            fprintf(stderr, "bad segment %zu: got %s\n", i, is_value(r) ? show(r) : exc());
        }
    }
    /* size errors come before value errors: <<(foo):8, 1:(1 bsl 70)>> */
    BitsSegment order[] = {
        seg(BITS_SEG_INTEGER, 0, 1, T("foo"), make_small(8)),
        seg(BITS_SEG_INTEGER, 0, 1, make_small(1), T("1180591620717411303424")),
    };
    CHECK(is_non_value(build(order, 2)) && P->fvalue == AM(system_limit));
    /* <<B:2/binary>> takes a prefix; <<B/bits>> of a bitstring */
    BitsSegment pre[] = {
        seg(BITS_SEG_BINARY, 0, 8, T("<<1,2,3>>"), make_small(2)),
        seg(BITS_SEG_BINARY, 0, 1, T("<<5:3>>"), AM(all)),
    };
    CHECK_TERM(build(pre, 2), "<<1,2,5:3>>");
    /* a large result is a refc binary */
    BitsSegment lg[] = { seg(BITS_SEG_INTEGER, 0, 8, make_small(-1), make_small(100)) };
    Term l = build(lg, 1);
    CHECK(is_refc_bin(l) && bin_byte_size(l) == 100);
}

static void test_append(void)
{
    /* <<Acc/binary, X:8>> in a loop: in place after the first copy */
    Term acc = T("<<>>");
    for (int i = 0; i < 300; i++) {
        BitsSegment s[] = {
            seg(BITS_SEG_APPEND, 0, 8, acc, AM(all)),
            seg(BITS_SEG_INTEGER, 0, 1, make_small(i & 255), make_small(8)),
        };
        Term old = acc;
        acc = build(s, 2);
        CHECK(is_value(acc));
        if (i > 0)
            CHECK(!(boxed_val(old)[SUB_FLAGS] & SUB_F_WRITABLE));
    }
    CHECK(bin_byte_size(acc) == 300);
    const uint8_t *base;
    size_t off, bits;
    bin_view(acc, &base, &off, &bits);
    bool ok = true;
    for (int i = 0; i < 300; i++)
        ok = ok && base[i] == (i & 255);
    CHECK(ok);
    Binary *b = refc_binary_of(bin_orig_of(acc));
    CHECK(b->size == 512);                  /* 256, then grown to 2*256 */

    /* appending twice to the same value copies the second time */
    BitsSegment s1[] = { seg(BITS_SEG_APPEND, 0, 8, acc, AM(all)), seg(BITS_SEG_INTEGER, 0, 1, make_small(1), make_small(8)) };
    BitsSegment s2[] = { seg(BITS_SEG_APPEND, 0, 8, acc, AM(all)), seg(BITS_SEG_INTEGER, 0, 1, make_small(2), make_small(8)) };
    Term a1 = build(s1, 2), a2 = build(s2, 2);
    const uint8_t *b1, *b2;
    size_t o1, o2, n1, n2;
    bin_view(a1, &b1, &o1, &n1);
    bin_view(a2, &b2, &o2, &n2);
    CHECK(n1 == 301 * 8 && n2 == 301 * 8 && b1[300] == 1 && b2[300] == 2 && b1 != b2);

    /* unit check of the appended-to binary: <<Bits/binary, ...>> */
    BitsSegment bu[] = { seg(BITS_SEG_APPEND, 0, 8, T("<<1:3>>"), AM(all)), seg(BITS_SEG_INTEGER, 0, 1, make_small(1), make_small(8)) };
    CHECK(is_non_value(build(bu, 2)) && P->fvalue == AM(badarg));
    bu[0].unit = 1;
    CHECK_TERM(build(bu, 2), "<<32,1:3>>");
    /* zero bits appended still checks the other segments' values */
    BitsSegment z0[] = { seg(BITS_SEG_APPEND, 0, 8, T("<<1>>"), AM(all)), seg(BITS_SEG_INTEGER, 0, 1, T("foo"), make_small(0)) };
    CHECK(is_non_value(build(z0, 2)));
    z0[1].value = make_small(3);
    CHECK_TERM(build(z0, 2), "<<1>>");

    /* private append on a writable binary (binary comprehension) */
    Term w = bits_init_writable(P, make_small(4));
    BitsSegment first[] = {
        seg(BITS_SEG_PRIVATE_APPEND, 0, 1, w, AM(all)),
        seg(BITS_SEG_INTEGER, 0, 1, make_small(0x0102), make_small(16)),
    };
    CHECK(build(first, 2) == w);
    /* a match state over it survives the reallocations of later appends
     * (no raw pointers are kept) */
    Term ms = bits_start_match(P, w);
    for (int i = 0; i < 1000; i++) {
        BitsSegment s[] = {
            seg(BITS_SEG_PRIVATE_APPEND, 0, 1, w, AM(all)),
            seg(BITS_SEG_INTEGER, 0, 1, make_small(i), make_small(16)),
        };
        CHECK(build(s, 2) == w);
    }
    CHECK(bin_bit_size(w) == 16 * 1001);
    bin_view(w, &base, &off, &bits);
    CHECK(base[2 * 1000] == 999 >> 8 && base[2 * 1000 + 1] == (999 & 255));
    Term v;
    CHECK(bits_get_integer_n(P, ms, 16, 0, &v) && v == make_small(0x0102));
    CHECK(ms_remaining(ms) == 0);
}

/* ---- matching ---- */

static Term ms_of(const char *bin) { return bits_start_match(P, T(bin)); }

static void test_match(void)
{
    Term x, y, z, w;
    /* <<_:3, X:13/little, Y/utf8, R/bits>> = <<1,2,3,4,5>> */
    Term ms = ms_of("<<1,2,3,4,5>>");
    CHECK(bits_start_match(P, ms) == ms);
    CHECK(bits_skip_bits_n(ms, 3) && bits_get_integer_n(P, ms, 13, BITS_F_LITTLE, &x) && bits_get_utf8(ms, &y));
    CHECK_TERM(bif_tuple3(P, x, y, bits_get_tail(P, ms)), "{520,3,<<4,5>>}");

    ms = ms_of("<<225,212,255,135,128,0,128,0,108,0,238,27,133>>");
    CHECK(bits_skip_bits_n(ms, 1) && bits_get_utf8(ms, &x) && bits_get_utf16(ms, BITS_F_LITTLE, &y)
          && bits_get_utf32(ms, 0, &z) && bits_get_utf16(ms, 0, &w));
    Term *hp = proc_alloc(P, 6);
    hp[0] = make_arityval(5); hp[1] = x; hp[2] = y; hp[3] = z; hp[4] = w; hp[5] = bits_get_tail(P, ms);
    CHECK_TERM(make_tuple(hp), "{233,4095,65536,66615,<<5:7>>}");

    ms = ms_of("<<124,39,230,32,2:4>>");
    CHECK(bits_skip_bits_n(ms, 2) && bits_get_utf8(ms, &x) && x == make_small(128512) && bits_test_tail(ms, 2));
    ms = ms_of("<<15,5,4,6,253,254,20,0:5>>");
    CHECK(bits_skip_bits_n(ms, 5) && bits_get_utf8(ms, &x) && bits_get_utf8(ms, &y) && bits_get_utf8(ms, &z));
    CHECK_TERM(bif_tuple3(P, x, y, z), "{2048,2047,128}");
    CHECK(bits_test_tail(ms, 0));
    /* invalid UTF-8/16/32 fails without moving */
    const char *bad8[] = { "<<192,128>>", "<<224,128,128>>", "<<237,160,128>>", "<<244,144,128,128>>", "<<15,0,0:4>>" };
    for (size_t i = 0; i < 5; i++) {
        ms = ms_of(bad8[i]);
        if (i == 4) bits_skip_bits_n(ms, 5);
        size_t before = ms_remaining(ms);
        CHECK(!bits_get_utf8(ms, &x) && ms_remaining(ms) == before);
    }
    ms = ms_of("<<240,159,152,128>>");
    CHECK(bits_get_utf8(ms, &x) && x == make_small(0x1F600));
    ms = ms_of("<<222,0,216,61>>");
    CHECK(!bits_get_utf16(ms, 0, &x));
    ms = ms_of("<<0,0,17,0>>");
    CHECK(!bits_get_utf32(ms, BITS_F_LITTLE, &x) && ms_remaining(ms) == 32);
    ms = ms_of("<<255,255,16,0>>");
    CHECK(bits_get_utf32(ms, BITS_F_LITTLE, &x) && x == make_small(0x10FFFF));

    /* binaries with units; ints with units and sign */
    ms = ms_of("<<1,2,3,4>>");
    CHECK(bits_get_binary(P, ms, make_small(4), 3, &x));
    CHECK_TERM(bif_tuple2(P, x, bits_get_tail(P, ms)), "{<<1,0:4>>,<<32,48,4:4>>}");
    ms = ms_of("<<200,1,2>>");
    CHECK(bits_get_integer(P, ms, make_small(3), 5, BITS_F_SIGNED, &x));
    CHECK_TERM(bif_tuple2(P, x, bits_get_tail(P, ms)), "{-7168,<<129,0:1>>}");
    ms = ms_of("<<255,1,2,3,4,5,6>>");
    CHECK(bits_get_integer_n(P, ms, 7, 0, &x) && bits_get_integer_n(P, ms, 9, BITS_F_LITTLE, &y)
          && bits_get_integer_n(P, ms, 17, BITS_F_LITTLE | BITS_F_SIGNED, &z));
    CHECK_TERM(bif_tuple3(P, x, y, z), "{127,384,770}");
    CHECK_TERM(bits_get_tail(P, ms), "<<8,10,6:7>>");
    ms = ms_of("<<1,2,3,4,5,6,7,200,1,2,3,4,5,6,7,200>>");
    CHECK(bits_get_integer_n(P, ms, 64, BITS_F_LITTLE | BITS_F_SIGNED, &x) && bits_get_integer_n(P, ms, 64, BITS_F_LITTLE, &y));
    CHECK_TERM(bif_tuple2(P, x, y), "{-4033248322675080703,14413495751034470913}");
    /* sizes around the small limit */
    struct { unsigned n, f; const char *want; } lim[] = {
        { 64, BITS_F_SIGNED, "-9223372036854775808" }, { 64, 0, "9223372036854775808" },
        { 60, BITS_F_SIGNED, "-576460752303423488" }, { 60, 0, "576460752303423488" },
        { 59, BITS_F_SIGNED, "-288230376151711744" },
    };
    for (size_t i = 0; i < 5; i++) {
        ms = ms_of("<<128,0,0,0,0,0,0,0>>");
        CHECK(bits_get_integer_n(P, ms, lim[i].n, lim[i].f, &x));
        CHECK_TERM(x, lim[i].want);
    }
    /* bignum-sized fields */
    const char *b18 = "<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18>>";
    ms = ms_of(b18);
    CHECK(bits_get_integer_n(P, ms, 130, BITS_F_LITTLE, &x));
    CHECK_TERM(bif_tuple2(P, x, bits_get_tail(P, ms)), "{21345817372864405881847059188222722561,<<68,18:6>>}");
    ms = ms_of(b18);
    CHECK(bits_get_integer_n(P, ms, 130, 0, &x));
    CHECK_TERM(x, "5358695020792633396178325228913966144");
    ms = ms_of("<<255,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18>>");
    CHECK(bits_skip_bits_n(ms, 1) && bits_get_integer_n(P, ms, 130, BITS_F_SIGNED, &x));
    CHECK_TERM(bif_tuple2(P, x, bits_get_tail(P, ms)), "{-10550257890973387174104262506657580928,<<136,18:5>>}");
    ms = ms_of("<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,255>>");
    CHECK(bits_skip_bits_n(ms, 1) && bits_get_integer_n(P, ms, 130, BITS_F_LITTLE | BITS_F_SIGNED, &x));
    CHECK_TERM(bif_tuple2(P, x, bits_get_tail(P, ms)), "{42691634745728811763694118376445445122,<<143,31:5>>}");
    ms = ms_of("<<255,255,255,255,255,255,255,255,63:6>>");
    CHECK(bits_get_integer_n(P, ms, 70, 0, &x));
    CHECK_TERM(x, "1180591620717411303423");
    ms = ms_of("<<255,255,255,255,255,255,255,255,63:6>>");
    CHECK(bits_get_integer_n(P, ms, 70, BITS_F_SIGNED, &x) && x == make_small(-1));
    ms = ms_of("<<0,0,0,0,0,0,0,0,0,0,0,0,240>>");
    CHECK(bits_get_integer_n(P, ms, 104, BITS_F_LITTLE | BITS_F_SIGNED, &x));
    CHECK_TERM(x, "-1267650600228229401496703205376");
    /* construct/match round trip of a big value at an odd offset */
    Term big = T("-123456789012345678901234567890123456789");
    for (unsigned f = 0; f < 8; f += 2) {
        BitsSegment s[] = {
            seg(BITS_SEG_INTEGER, 0, 1, make_small(1), make_small(5)),
            seg(BITS_SEG_INTEGER, f, 1, big, make_small(200)),
        };
        ms = bits_start_match(P, build(s, 2));
        CHECK(bits_skip_bits_n(ms, 5) && bits_get_integer_n(P, ms, 200, f | BITS_F_SIGNED, &x));
        CHECK_TERM(x, "-123456789012345678901234567890123456789");
    }

    /* floats */
    ms = ms_of("<<1,2,3,4,5,6,7>>");
    CHECK(bits_skip_bits_n(ms, 3) && bits_get_float(P, ms, make_small(32), 1, 0, &x)
          && bits_get_float(P, ms, make_small(16), 1, BITS_F_LITTLE, &y));
    CHECK(is_float(x) && float_val(x) == 4.3361782549926394e-34 && float_val(y) == 0.1298828125);
    CHECK_TERM(bits_get_tail(P, ms), "<<7:5>>");
    ms = ms_of("<<0,7,255,255>>");
    CHECK(bits_skip_bits_n(ms, 3) && bits_get_float(P, ms, make_small(16), 1, 0, &x) && float_val(x) == 3.7550926208496094e-6);
    ms = ms_of("<<124,0>>");
    CHECK(!bits_get_float(P, ms, make_small(16), 1, 0, &x));               /* inf */
    ms = ms_of("<<127,240,0,0,0,0,0,0>>");
    CHECK(!bits_get_float(P, ms, make_small(64), 1, 0, &x) && ms_remaining(ms) == 64);
    ms = ms_of("<<>>");
    CHECK(bits_get_float(P, ms, make_small(0), 1, 0, &x) && float_val(x) == 0.0);
    ms = ms_of("<<1,2,3,4,5,6,7,8,9>>");
    CHECK(!bits_get_float(P, ms, make_small(24), 1, 0, &x) && !bits_get_float(P, ms, make_small(72), 1, 0, &x));

    /* extracted parts: small whole-byte parts are copies, larger ones share */
    Term b100;
    uint8_t *d;
    b100 = bin_alloc(P, 100, &d);
    memset(d, 1, 100);
    ms = bits_start_match(P, b100);
    CHECK(bits_get_binary_n(P, ms, 80, &x) && bits_get_binary_n(P, ms, 65 * 8, &y));
    CHECK(is_heap_bin(x) && is_sub_bin(y) && boxed_val(y)[SUB_ORIG] == b100);
    CHECK(bits_get_binary(P, ms, AM(all), 8, &z) && bin_byte_size(z) == 25 && ms_remaining(ms) == 0);
    /* all with a unit that does not divide the rest fails */
    ms = ms_of("<<1,2,3:3>>");
    CHECK(!bits_get_binary(P, ms, AM(all), 8, &x) && bits_test_unit(ms, 19) && !bits_test_unit(ms, 8));
    /* positions */
    ms = ms_of("<<1,2,3>>");
    Term pos = bits_get_position(ms);
    CHECK(bits_get_integer_n(P, ms, 8, 0, &x) && x == make_small(1));
    bits_set_position(ms, pos);
    CHECK(bits_get_integer_n(P, ms, 16, 0, &x) && x == make_small(258));
    /* match_string, at a bit offset */
    ms = ms_of("<<15,12,141,14,1:4>>");
    CHECK(bits_skip_bits_n(ms, 4) && !bits_match_string(ms, (const uint8_t *)"xy", 16) && bits_match_string(ms, (const uint8_t *)"\xF0\xC8\xD0", 20));
    CHECK(bits_test_tail(ms, 12));
    /* sub binaries keep their offset when matched */
    Term sub = bin_sub(P, T("<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70>>"), 12, 20);
    ms = bits_start_match(P, sub);
    CHECK(bits_get_integer_n(P, ms, 20, 0, &x) && x == make_small(0x20304) && ms_remaining(ms) == 0);
    /* sizes that are not non-negative smalls are mismatches */
    ms = ms_of("<<1,2>>");
    CHECK(!bits_get_integer(P, ms, make_small(-1), 1, 0, &x) && !bits_get_integer(P, ms, AM(foo), 1, 0, &x)
          && !bits_skip_bits(ms, make_small(17), 1) && bits_skip_bits(ms, make_small(2), 8));
    CHECK(bits_start_match(P, make_small(1)) == THE_NON_VALUE && bits_start_match(P, NIL) == THE_NON_VALUE);
}

/* ---- the pre-OTP 25 construction instructions ---- */

static void test_old_instructions(void)
{
    BitsWriter w;
    /* <<X:8, B/binary, "ab", F:32/float, C/utf8, 7:3>> the old way */
    Term sz = bits_add(P, make_small(9), make_small(3), 8);       /* bytes */
    CHECK(sz == make_small(33));
    CHECK(bits_add(P, make_small(-1), make_small(3), 8) == THE_NON_VALUE && P->fvalue == AM(badarg));
    CHECK(bits_add(P, make_small(1), T("1180591620717411303424"), 8) == THE_NON_VALUE && P->fvalue == AM(system_limit));
    CHECK(bits_add(P, make_small(1), AM(foo), 8) == THE_NON_VALUE && P->fvalue == AM(badarg));
    Term b = bits_init_bits(P, &w, make_small(8 + 24 + 16 + 32 + 16 + 3));
    CHECK(bits_put_integer(P, &w, make_small(65), make_small(8), 1, 0));
    CHECK(bits_put_binary(P, &w, T("<<1,2,3>>"), AM(all), 8));
    bits_put_string(&w, (const uint8_t *)"ab", 2);
    CHECK(bits_put_float(P, &w, T("1.5"), make_small(32), 1, 0));
    CHECK(bits_utf8_size(make_small(233)) == make_small(2) && bits_utf16_size(make_small(0x10000)) == make_small(4));
    CHECK(bits_put_utf8(P, &w, make_small(233)));
    CHECK(bits_put_integer(P, &w, make_small(7), make_small(3), 1, 0));
    CHECK(w.offset == 99);
    CHECK_TERM(b, "<<65,1,2,3,97,98,63,192,0,0,195,169,7:3>>");
    CHECK(!bits_put_integer(P, &w, AM(foo), make_small(8), 1, 0) && P->fvalue == AM(badarg));
    CHECK(!bits_put_utf16(P, &w, make_small(0xDC00), 0) && !bits_put_utf32(P, &w, make_small(-5), 0));
    CHECK(bits_init(P, &w, make_small(-1)) == THE_NON_VALUE && P->fvalue == AM(badarg));
    CHECK(bits_init(P, &w, T("1180591620717411303424")) == THE_NON_VALUE && P->fvalue == AM(system_limit));
    b = bits_init(P, &w, make_small(2));
    CHECK(bits_put_utf16(P, &w, make_small(0x1234), BITS_F_LITTLE));
    CHECK_TERM(b, "<<52,18>>");
    /* bs_append / bs_private_append */
    Term acc = bits_append(P, &w, T("<<9>>"), make_small(16), 8);
    CHECK(bits_put_integer(P, &w, make_small(0x0102), make_small(16), 1, 0));
    CHECK_TERM(acc, "<<9,1,2>>");
    Term acc2 = bits_append(P, &w, acc, make_small(8), 8);
    CHECK(bits_put_integer(P, &w, make_small(3), make_small(8), 1, 0));
    CHECK_TERM(acc2, "<<9,1,2,3>>");
    CHECK_TERM(acc, "<<9,1,2>>");
    CHECK(bits_append(P, &w, T("<<1:3>>"), make_small(8), 8) == THE_NON_VALUE && P->fvalue == AM(badarg));
    CHECK(bits_append(P, &w, AM(foo), make_small(8), 8) == THE_NON_VALUE);
    Term wr = bits_init_writable(P, AM(undefined));
    CHECK(refc_binary_of(bin_orig_of(wr))->size == 1024);
    CHECK(bits_private_append(P, &w, wr, make_small(8), 1) == wr);
    CHECK(bits_put_integer(P, &w, make_small(77), make_small(8), 1, 0));
    CHECK_TERM(wr, "<<77>>");
}

/* ---- refcounts and the off-heap list ---- */

static void test_refcount(void)
{
    Process *q = proc_alloc_bare(1000);
    uint8_t *d;
    Term big = bin_alloc(q, 1000, &d);
    memset(d, 7, 1000);
    Binary *b = refc_binary_of(big);
    CHECK(bin_refcount(b) == 1 && q->off_heap == (OffHeapHeader *)boxed_val(big));
    /* a second handle (as a message copy would make) */
    bin_ref_inc(b);
    Term h2 = bin_from_binary(q, b, 1000);
    CHECK(bin_refcount(b) == 2 && q->off_heap == (OffHeapHeader *)boxed_val(h2));
    /* sub binaries and heap binaries are not on the list */
    Term s = bin_sub(q, big, 8, 800);
    Term small = bin_new(q, "abc", 3);
    CHECK(is_sub_bin(s) && is_heap_bin(small) && q->off_heap->next == (OffHeapHeader *)boxed_val(big));
    bin_offheap_release((OffHeapHeader *)boxed_val(h2));
    CHECK(bin_refcount(b) == 1);
    /* writable binaries too are released with their list */
    BitsWriter w;
    Term acc = bits_append(q, &w, big, make_small(8), 8);
    CHECK(is_value(acc) && bin_refcount(refc_binary_of(bin_orig_of(acc))) == 1);
    q->off_heap = q->off_heap;
    /* release the whole list: the Binary refcounts drop to zero (ASAN
     * reports a leak if not) */
    bin_offheap_release_list(q->off_heap);
    q->off_heap = NULL;
    proc_free_bare(q);
}

/* ---- iolists ---- */

static void test_iolists(void)
{
    /* a list nested 1,000,000 deep does not overflow the C stack */
    size_t depth = 1000000;
    Term *hp = proc_alloc(P, 2 * depth);
    Term t = T("<<7>>");
    for (size_t i = 0; i < depth; i++)
        t = make_cons_at(hp + 2 * i, make_small(1), make_cons_at(proc_alloc(P, 2), t, NIL));
    size_t bits;
    CHECK(bin_iolist_bits(t, false, &bits) && bits == 8 * (depth + 1));
    Term nest = NIL;
    Term *hq = proc_alloc(P, 2 * depth);
    for (size_t i = 0; i < depth; i++)
        nest = make_cons_at(hq + 2 * i, nest, make_small(i & 127) == make_small(0) ? NIL : NIL);
    CHECK(bin_iolist_bits(nest, false, &bits) && bits == 0);
    Term argv[1] = { t };
    const BifDef *d = bif_lookup(AM(erlang), atom_from_cstr("iolist_to_binary"), 1);
    Term r = d->fn(P, argv);
    CHECK(is_value(r) && bin_byte_size(r) == depth + 1);
    const uint8_t *base;
    size_t off, n;
    bin_view(r, &base, &off, &n);
    CHECK(base[0] == 1 && base[depth - 1] == 1 && base[depth] == 7);
}

int main(void)
{
    atom_init();
    bif_init();
    P = proc_alloc_bare(1000);
    test_construct();
    test_append();
    test_match();
    test_old_instructions();
    test_refcount();
    test_iolists();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_call(cases[i].m, cases[i].f, cases[i].args, cases[i].expected);
    bin_offheap_release_list(P->off_heap);
    P->off_heap = NULL;
    proc_free_bare(P);
    return UNIT_DONE();
}
