/* test_binary.c — unit tests of binaries, the bit-syntax runtime and the
 * binary BIFs (erlang, binary, unicode modules). Every expected value was
 * produced by erl (OTP 25); terms are written in erl's ~w syntax and parsed
 * here. The BIF table (BEGIN CASES .. END CASES) was printed by this escript
 * body from a file of {Module, Function, Args} terms:
 *
 *   main([In, Out]) ->
 *       {ok, Cases} = file:consult(In),
 *       ok = file:write_file(Out, [row(M, F, A) || {M, F, A} <- Cases]).
 *   row(M, F, A) ->
 *       R = try {ok, apply(M, F, A)} catch error:E -> {error, E} end,
 *       io_lib:format("    {\"~s\", \"~s\", ~s, ~s},~n", [M, F, cstr(fmt(A)), cstr(fmt(R))]).
 *   fmt(T) -> lists:flatten(io_lib:format("~w", [T])).
 *   cstr(S) -> [$"] ++ lists:flatmap(fun($") -> "\\\""; ($\\) -> "\\\\";
 *                  (C) when C >= 128 -> io_lib:format("\\~3.8.0b", [C]); (C) -> [C] end, S) ++ [$"].
 */
#include "unit.h"
#include "../../src/term/binary.h"
#include "../../src/emu/bits.h"
#include "../../src/bif/bif.h"
#include "../../src/term/bignum.h"
#include "../../src/base/utf8.h"
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
        uint8_t buf[1024];
        size_t n = 0;
        r->s++;
        while (*r->s != '\'') {
            uint32_t cp = (uint8_t)*r->s++;
            if (cp == '\\') {
                if (r->s[0] == 'x' && r->s[1] == '{') {
                    cp = (uint32_t)strtoul(r->s + 2, (char **)&r->s, 16);
                    r->s++;                          /* } */
                } else {
                    cp = (uint8_t)*r->s++;
                }
            }
            n += utf8_encode(cp, buf + n);
        }
        r->s++;
        return atom_put((const char *)buf, n);
    }
    const char *st = r->s;
    while (isalnum((unsigned char)*r->s) || *r->s == '_' || *r->s == '@' || (uint8_t)*r->s >= 128) r->s++;
    return atom_put_latin1((const uint8_t *)st, (size_t)(r->s - st));
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
        const Atom *a = atom_get(t);
        uint32_t cps[256];
        size_t n = 0;
        for (size_t i = 0; i < a->len;) {
            int k = utf8_decode(a->text + i, a->len - i, &cps[n++]);
            i += k > 0 ? (size_t)k : 1;
        }
        bool plain = n > 0 && ((cps[0] >= 'a' && cps[0] <= 'z') || (cps[0] >= 223 && cps[0] <= 255 && cps[0] != 247));
        for (size_t i = 0; i < n; i++) {
            uint32_t c = cps[i];
            if (!(isalnum((int)(c < 128 ? c : 0)) || c == '_' || c == '@' || (c >= 192 && c <= 255 && c != 215 && c != 247)))
                plain = false;
        }
        if (!plain) puts_(o, "'");
        for (size_t i = 0; i < n; i++) {
            uint32_t c = cps[i];
            if (c > 255) { snprintf(buf, sizeof buf, "\\x{%X}", c); puts_(o, buf); continue; }
            if (c == '\'' || c == '\\') puts_(o, "\\");
            char ch = (char)c;
            put(o, &ch, 1);
        }
        if (!plain) puts_(o, "'");
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
/* BEGIN CASES (generated by erl; see the header comment) */
    {"erlang", "byte_size", "[<<0,1:1>>]", "{ok,2}"},
    {"erlang", "byte_size", "[foo]", "{error,badarg}"},
    {"erlang", "bit_size", "[<<0,1:1>>]", "{ok,9}"},
    {"erlang", "bit_size", "[<<>>]", "{ok,0}"},
    {"erlang", "bit_size", "[[]]", "{error,badarg}"},
    {"erlang", "binary_part", "[<<1,2,3>>,3,-2]", "{ok,<<2,3>>}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{3,-4}]", "{error,badarg}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{0,3}]", "{ok,<<1,2,3>>}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{0,4}]", "{error,badarg}"},
    {"erlang", "binary_part", "[<<1,2,3:3>>,{0,1}]", "{ok,<<1>>}"},
    {"erlang", "binary_part", "[<<1,2,3:3>>,{0,2}]", "{ok,<<1,2>>}"},
    {"erlang", "binary_part", "[<<1,2,3:3>>,{2,0}]", "{ok,<<>>}"},
    {"erlang", "binary_part", "[<<1,2,3:3>>,{2,-1}]", "{ok,<<2>>}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{18446744073709551616,-1}]", "{error,badarg}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{1,1.0}]", "{error,badarg}"},
    {"erlang", "binary_part", "[<<1,2,3>>,{1,1,1}]", "{error,badarg}"},
    {"erlang", "binary_part", "[foo,{0,0}]", "{error,badarg}"},
    {"erlang", "split_binary", "[<<1,2,3>>,1]", "{ok,{<<1>>,<<2,3>>}}"},
    {"erlang", "split_binary", "[<<1,2,3>>,4]", "{error,badarg}"},
    {"erlang", "split_binary", "[<<1,2,3:3>>,2]", "{ok,{<<1,2>>,<<3:3>>}}"},
    {"erlang", "split_binary", "[<<1,2,3:3>>,3]", "{error,badarg}"},
    {"erlang", "split_binary", "[<<1,2,3>>,-1]", "{error,badarg}"},
    {"erlang", "split_binary", "[foo,0]", "{error,badarg}"},
    {"erlang", "split_binary", "[<<>>,0]", "{ok,{<<>>,<<>>}}"},
    {"erlang", "list_to_binary", "[[1,<<2,3>>,[[4],<<>>|<<5>>],6]]", "{ok,<<1,2,3,4,5,6>>}"},
    {"erlang", "list_to_binary", "[[1,<<2:3>>]]", "{error,badarg}"},
    {"erlang", "list_to_binary", "[[1,2|<<3>>]]", "{ok,<<1,2,3>>}"},
    {"erlang", "list_to_binary", "[<<3>>]", "{error,badarg}"},
    {"erlang", "list_to_binary", "[[256]]", "{error,badarg}"},
    {"erlang", "list_to_binary", "[[-1]]", "{error,badarg}"},
    {"erlang", "list_to_binary", "[[]]", "{ok,<<>>}"},
    {"erlang", "list_to_binary", "[[a]]", "{error,badarg}"},
    {"erlang", "list_to_binary", "[[1|2]]", "{error,badarg}"},
    {"erlang", "iolist_to_binary", "[<<3>>]", "{ok,<<3>>}"},
    {"erlang", "iolist_to_binary", "[<<3:3>>]", "{error,badarg}"},
    {"erlang", "iolist_to_binary", "[[[[[<<1,2>>]]],3,[97,98]|<<9>>]]", "{ok,<<1,2,3,97,98,9>>}"},
    {"erlang", "iolist_to_binary", "[[[]|<<>>]]", "{ok,<<>>}"},
    {"erlang", "iolist_to_binary", "[foo]", "{error,badarg}"},
    {"erlang", "iolist_size", "[<<3:3>>]", "{error,badarg}"},
    {"erlang", "iolist_size", "[[1,<<1,2>>|<<3>>]]", "{ok,4}"},
    {"erlang", "iolist_size", "[3]", "{error,badarg}"},
    {"erlang", "iolist_size", "[[]]", "{ok,0}"},
    {"erlang", "iolist_size", "[<<1,2,3>>]", "{ok,3}"},
    {"erlang", "list_to_bitstring", "[[1,<<2:3>>,[<<1:5>>]]]", "{ok,<<1,65>>}"},
    {"erlang", "list_to_bitstring", "[[1,<<2:3>>|<<1:5>>]]", "{ok,<<1,65>>}"},
    {"erlang", "list_to_bitstring", "[<<1:3>>]", "{error,badarg}"},
    {"erlang", "list_to_bitstring", "[[<<1:3>>|<<1:5>>]]", "{ok,<<33>>}"},
    {"erlang", "list_to_bitstring", "[[<<1:3>>|3]]", "{error,badarg}"},
    {"erlang", "list_to_bitstring", "[[<<1:1>>,<<1:1>>,1,<<1:6>>]]", "{ok,<<192,65>>}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>]", "{ok,[1,2,3,4]}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4:4>>]", "{error,badarg}"},
    {"erlang", "binary_to_list", "[<<>>]", "{ok,[]}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,2,3]", "{ok,[2,3]}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,3,2]", "{error,badarg}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,4,3]", "{error,badarg}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,0,3]", "{error,badarg}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,2,5]", "{error,badarg}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4>>,4,4]", "{ok,[4]}"},
    {"erlang", "binary_to_list", "[<<1,2,3,4:4>>,1,3]", "{ok,[1,2,3]}"},
    {"erlang", "binary_to_list", "[<<>>,1,0]", "{error,badarg}"},
    {"erlang", "bitstring_to_list", "[<<1,2,3,4:4>>]", "{ok,[1,2,3,<<4:4>>]}"},
    {"erlang", "bitstring_to_list", "[<<>>]", "{ok,[]}"},
    {"erlang", "bitstring_to_list", "[<<7:3>>]", "{ok,[<<7:3>>]}"},
    {"erlang", "bitstring_to_list", "[foo]", "{error,badarg}"},
    {"erlang", "atom_to_binary", "[ok]", "{ok,<<111,107>>}"},
    {"erlang", "atom_to_binary", "[\344bc]", "{ok,<<195,164,98,99>>}"},
    {"erlang", "atom_to_binary", "['\\x{100}',latin1]", "{error,badarg}"},
    {"erlang", "atom_to_binary", "['\\x{100}',utf8]", "{ok,<<196,128>>}"},
    {"erlang", "atom_to_binary", "[\344bc,latin1]", "{ok,<<228,98,99>>}"},
    {"erlang", "atom_to_binary", "[abc,foo]", "{error,badarg}"},
    {"erlang", "atom_to_binary", "[[97,98,99],utf8]", "{error,badarg}"},
    {"erlang", "atom_to_binary", "[ok,unicode]", "{ok,<<111,107>>}"},
    {"erlang", "binary_to_atom", "[<<97,98,99>>]", "{ok,abc}"},
    {"erlang", "binary_to_atom", "[<<97,98,99>>,latin1]", "{ok,abc}"},
    {"erlang", "binary_to_atom", "[<<255>>,utf8]", "{error,badarg}"},
    {"erlang", "binary_to_atom", "[<<255>>]", "{error,badarg}"},
    {"erlang", "binary_to_atom", "[<<1:3>>,utf8]", "{error,badarg}"},
    {"erlang", "binary_to_atom", "[<<97,98,99>>,foo]", "{error,badarg}"},
    {"erlang", "binary_to_atom", "[<<97,98,99>>,utf16]", "{error,badarg}"},
    {"erlang", "binary_to_atom", "[<<228,98>>,latin1]", "{ok,\344b}"},
    {"erlang", "binary_to_atom", "[<<195,164,98>>,unicode]", "{ok,\344b}"},
    {"erlang", "binary_to_atom", "[<<97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97>>,utf8]", "{error,system_limit}"},
    {"erlang", "binary_to_atom", "[<<97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97>>,latin1]", "{error,system_limit}"},
    {"erlang", "binary_to_existing_atom", "[<<111,107>>]", "{ok,ok}"},
    {"erlang", "binary_to_existing_atom", "[<<111,107>>,latin1]", "{ok,ok}"},
    {"erlang", "binary_to_existing_atom", "[<<110,111,110,101,120,105,115,116,101,110,116,95,120,121,122,122,121>>,utf8]", "{error,badarg}"},
    {"erlang", "binary_to_existing_atom", "[<<1:3>>,utf8]", "{error,badarg}"},
    {"erlang", "binary_to_existing_atom", "[<<97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97>>,utf8]", "{error,badarg}"},
    {"erlang", "atom_to_list", "['\\x{100}bc']", "{ok,[256,98,99]}"},
    {"erlang", "atom_to_list", "[ok]", "{ok,[111,107]}"},
    {"erlang", "atom_to_list", "[[111,107]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[97,98,99]]", "{ok,abc}"},
    {"erlang", "list_to_atom", "[[55296]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[1114112]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[-1]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[97|b]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[97,a]]", "{error,badarg}"},
    {"erlang", "list_to_atom", "[[256,128512]]", "{ok,'\\x{100}\\x{1F600}'}"},
    {"erlang", "list_to_atom", "[[97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97]]", "{error,system_limit}"},
    {"erlang", "list_to_existing_atom", "[[111,107]]", "{ok,ok}"},
    {"erlang", "list_to_existing_atom", "[[110,111,110,101,120,105,115,116,105,110,103,95,122,122,121]]", "{error,badarg}"},
    {"erlang", "list_to_existing_atom", "[<<111,107>>]", "{error,badarg}"},
    {"erlang", "list_to_existing_atom", "[[97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97,97]]", "{error,badarg}"},
    {"erlang", "crc32", "[<<97,98,99>>]", "{ok,891568578}"},
    {"erlang", "crc32", "[-1,<<97,98,99>>]", "{error,badarg}"},
    {"erlang", "crc32", "[4294967296,<<97,98,99>>]", "{error,badarg}"},
    {"erlang", "crc32", "[4294967295,[<<97,98,99>>,1,[2]]]", "{ok,1996929950}"},
    {"erlang", "crc32", "[[97,98,99]]", "{ok,891568578}"},
    {"erlang", "crc32", "[abc]", "{error,badarg}"},
    {"erlang", "crc32", "[<<1:3>>]", "{error,badarg}"},
    {"erlang", "crc32", "[[<<1:3>>]]", "{error,badarg}"},
    {"erlang", "crc32", "[<<84,104,101,32,113,117,105,99,107,32,98,114,111,119,110,32,102,111,120,32,106,117,109,112,115,32,111,118,101,114,32,116,104,101,32,108,97,122,121,32,100,111,103>>]", "{ok,1095738169}"},
    {"erlang", "adler32", "[<<97,98,99>>]", "{ok,38600999}"},
    {"erlang", "adler32", "[4294967295,<<97,98,99>>]", "{ok,42074420}"},
    {"erlang", "adler32", "[4294967296,<<97,98,99>>]", "{error,badarg}"},
    {"erlang", "adler32", "[[87,105,107,105,112,101,100,105,97]]", "{ok,300286872}"},
    {"erlang", "crc32_combine", "[1,2,-1]", "{error,badarg}"},
    {"erlang", "crc32_combine", "[4294967296,2,1]", "{error,badarg}"},
    {"erlang", "crc32_combine", "[123456,654321,100000]", "{ok,3623385305}"},
    {"erlang", "adler32_combine", "[1,2,3]", "{ok,2}"},
    {"erlang", "adler32_combine", "[123456,654321,100000]", "{ok,2632834623}"},
    {"erlang", "adler32_combine", "[123456,654321,0]", "{ok,123456}"},
    {"erlang", "md5", "[[97,98,99]]", "{ok,<<144,1,80,152,60,210,79,176,214,150,63,125,40,225,127,114>>}"},
    {"erlang", "md5", "[<<1:3>>]", "{error,badarg}"},
    {"erlang", "md5", "[<<>>]", "{ok,<<212,29,140,217,143,0,178,4,233,128,9,152,236,248,66,126>>}"},
    {"erlang", "md5", "[[<<84,104,101,32,113,117,105,99,107,32,98,114,111,119,110,32,102,111,120,32>>,[106,117,109,112,115,32,111,118,101,114,32,116,104,101,32,108,97,122,121,32,100,111,103]]]", "{ok,<<158,16,125,157,55,43,182,130,107,216,29,53,66,164,25,214>>}"},
    {"erlang", "md5", "[<<49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48>>]", "{ok,<<87,237,244,162,43,227,201,85,172,73,218,46,33,7,182,122>>}"},
    {"erlang", "md5", "[<<49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53>>]", "{ok,<<201,204,241,104,145,74,27,207,195,34,159,25,72,230,125,160>>}"},
    {"erlang", "md5", "[<<49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54>>]", "{ok,<<73,241,147,173,206,23,132,144,227,77,27,58,78,192,6,76>>}"},
    {"erlang", "md5", "[<<49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51>>]", "{ok,<<195,235,103,236,230,132,136,187,57,66,65,212,246,165,66,68>>}"},
    {"erlang", "md5", "[<<49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52,53,54,55,56,57,48,49,50,51,52>>]", "{ok,<<235,108,65,121,192,167,200,44,194,130,140,30,99,56,225,101>>}"},
    {"erlang", "md5_final", "[<<1,2,3>>]", "{error,badarg}"},
    {"erlang", "md5_update", "[<<1,2,3>>,<<>>]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99,100,101>>,[<<98,99,100>>,<<99,100>>,<<97,98,99,100,101,102>>,<<98>>]]", "{ok,{1,3}}"},
    {"binary", "match", "[<<97,98,99,100,101>>,[<<98,99,100,101>>,<<97,98>>]]", "{ok,{0,2}}"},
    {"binary", "match", "[<<97,98,99,100,101>>,[<<98,99,100,101>>,<<97,98,99>>]]", "{ok,{0,3}}"},
    {"binary", "match", "[<<97,98,99,100,101>>,[<<99,100,101>>,<<97,98,99,100>>]]", "{ok,{0,4}}"},
    {"binary", "match", "[<<97,98,99,100,101,102,103,104>>,[<<99,100,101,102,103,104>>,<<98,99,100>>]]", "{ok,{1,3}}"},
    {"binary", "match", "[<<97,98,99,100,101,102,103,104>>,[<<98,99,100,101,102,103,104>>,<<99,100>>]]", "{ok,{1,7}}"},
    {"binary", "matches", "[<<97,98,99,100,101>>,[<<98,99,100,101>>,<<98,99>>,<<100,101>>]]", "{ok,[{1,4}]}"},
    {"binary", "matches", "[<<97,98,99,100,101,102,103,104>>,[<<99,100,101,102,103,104>>,<<98,99,100>>,<<101,102,103>>]]", "{ok,[{1,3},{4,3}]}"},
    {"binary", "matches", "[<<97,97,97,97>>,<<97,97>>]", "{ok,[{0,2},{2,2}]}"},
    {"binary", "matches", "[<<97,97,97,97>>,[<<97>>,<<97,97>>]]", "{ok,[{0,2},{2,2}]}"},
    {"binary", "matches", "[<<97,98,97,98>>,[<<97,98>>,<<98,97,98>>]]", "{ok,[{0,2},{2,2}]}"},
    {"binary", "matches", "[<<120,97,98,99,120>>,[<<97,98,99>>,<<98>>]]", "{ok,[{1,3}]}"},
    {"binary", "matches", "[<<120,97,98,99,120>>,[<<98,99,120>>,<<97,98,99,121>>,<<97,98>>]]", "{ok,[{1,2}]}"},
    {"binary", "match", "[<<120,97,98,99,120>>,[<<98,99,120>>,<<97,98,99,121>>,<<97,98>>]]", "{ok,{1,2}}"},
    {"binary", "matches", "[<<97,98,99,100,97,98,99,100>>,[<<98,99,100,97>>,<<97,98,99,100,120>>,<<99,100>>]]", "{ok,[{1,4},{6,2}]}"},
    {"binary", "compile_pattern", "[<<>>]", "{error,badarg}"},
    {"binary", "compile_pattern", "[[]]", "{error,badarg}"},
    {"binary", "compile_pattern", "[[<<97>>,<<>>]]", "{error,badarg}"},
    {"binary", "compile_pattern", "[[97,98]]", "{error,badarg}"},
    {"binary", "compile_pattern", "[<<1:3>>]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<>>]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{1,2}}]]", "{ok,{2,1}}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{3,-2}}]]", "{ok,{2,1}}"},
    {"binary", "match", "[<<97,98,99>>,<<97>>,[{scope,{3,-2}}]]", "{ok,nomatch}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{1,3}}]]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{4,0}}]]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{3,0}}]]", "{ok,nomatch}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{-1,2}}]]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{0,3}},{scope,{0,2}}]]", "{ok,nomatch}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[global]]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[foo]]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,foo]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,<<99>>,[{scope,{0,3}}|foo]]", "{ok,{2,1}}"},
    {"binary", "match", "[<<97,98,99>>,[<<99>>|<<97>>]]", "{error,badarg}"},
    {"binary", "match", "[<<1,2:3>>,<<99>>]", "{error,badarg}"},
    {"binary", "match", "[foo,<<99>>]", "{error,badarg}"},
    {"binary", "match", "[<<97,98,99>>,{bm,<<1>>}]", "{error,badarg}"},
    {"binary", "matches", "[<<97,98,99,97,98,99>>,<<99>>,[{scope,{1,4}}]]", "{ok,[{2,1}]}"},
    {"binary", "matches", "[<<97,98,99>>,<<120>>]", "{ok,[]}"},
    {"binary", "matches", "[<<97,98,99,97,98,99,97,98,99>>,[<<99,97>>,<<98>>],[{scope,{9,-7}}]]", "{ok,[{2,2},{4,1},{5,2},{7,1}]}"},
    {"binary", "split", "[<<97,44,98,44,44,99,44>>,<<44>>]", "{ok,[<<97>>,<<98,44,44,99,44>>]}"},
    {"binary", "split", "[<<97,44,98,44,44,99,44>>,<<44>>,[global]]", "{ok,[<<97>>,<<98>>,<<>>,<<99>>,<<>>]}"},
    {"binary", "split", "[<<97,44,98,44,44,99,44,44>>,<<44>>,[global,trim]]", "{ok,[<<97>>,<<98>>,<<>>,<<99>>]}"},
    {"binary", "split", "[<<44,97,44,98,44,44,99,44,44>>,<<44>>,[global,trim_all]]", "{ok,[<<97>>,<<98>>,<<99>>]}"},
    {"binary", "split", "[<<44,97,44,98,44,44,99,44,44>>,<<44>>,[trim_all]]", "{ok,[<<97,44,98,44,44,99,44,44>>]}"},
    {"binary", "split", "[<<44>>,<<44>>,[trim_all]]", "{ok,[]}"},
    {"binary", "split", "[<<44>>,<<44>>,[trim]]", "{ok,[]}"},
    {"binary", "split", "[<<44,44>>,<<44>>,[global,trim]]", "{ok,[]}"},
    {"binary", "split", "[<<>>,<<44>>,[global]]", "{ok,[<<>>]}"},
    {"binary", "split", "[<<>>,<<44>>,[global,trim]]", "{ok,[]}"},
    {"binary", "split", "[<<>>,<<44>>,[global,trim_all]]", "{ok,[]}"},
    {"binary", "split", "[<<97,98,99,97,98,99>>,<<98>>,[global,{scope,{2,3}}]]", "{ok,[<<97,98,99,97>>,<<99>>]}"},
    {"binary", "split", "[<<97,98,99,97,98,99>>,<<98>>,[{scope,{2,3}}]]", "{ok,[<<97,98,99,97>>,<<99>>]}"},
    {"binary", "split", "[<<97,98,99,97,98,99>>,<<120>>,[{scope,{2,3}}]]", "{ok,[<<97,98,99,97,98,99>>]}"},
    {"binary", "split", "[<<97,98,99,97,98,99>>,[<<98>>,<<99,97>>],[global]]", "{ok,[<<97>>,<<>>,<<>>,<<99>>]}"},
    {"binary", "split", "[<<97,98,99>>,<<97>>,[trim]]", "{ok,[<<>>,<<98,99>>]}"},
    {"binary", "split", "[<<97,98,99>>,<<99>>,[trim]]", "{ok,[<<97,98>>]}"},
    {"binary", "split", "[<<97,98,99>>,<<97>>,[trim_all]]", "{ok,[<<98,99>>]}"},
    {"binary", "split", "[<<97,98,99>>,<<97>>,[foo]]", "{error,badarg}"},
    {"binary", "split", "[<<97,98,99>>,<<97>>,[trim|global]]", "{ok,[<<>>,<<98,99>>]}"},
    {"binary", "split", "[<<97,32,98,32,32,99,32>>,<<32>>,[global,trim_all,trim]]", "{ok,[<<97>>,<<98>>,<<99>>]}"},
    {"binary", "part", "[<<1,2,3>>,{1,2}]", "{ok,<<2,3>>}"},
    {"binary", "part", "[<<1,2,3>>,3,-3]", "{ok,<<1,2,3>>}"},
    {"binary", "part", "[<<1,2,3>>,3,1]", "{error,badarg}"},
    {"binary", "part", "[<<1,2,3:3>>,0,1]", "{ok,<<1>>}"},
    {"binary", "part", "[<<1,2,3>>,{1}]", "{error,badarg}"},
    {"binary", "at", "[<<1,2,3>>,2]", "{ok,3}"},
    {"binary", "at", "[<<1,2,3>>,3]", "{error,badarg}"},
    {"binary", "at", "[<<1,2,3>>,-1]", "{error,badarg}"},
    {"binary", "at", "[<<1,2,3:3>>,0]", "{error,badarg}"},
    {"binary", "at", "[<<1,2,3>>,a]", "{error,badarg}"},
    {"binary", "first", "[<<1,2,3>>]", "{ok,1}"},
    {"binary", "first", "[<<>>]", "{error,badarg}"},
    {"binary", "last", "[<<1,2,3>>]", "{ok,3}"},
    {"binary", "last", "[<<1:3>>]", "{error,badarg}"},
    {"binary", "copy", "[<<1,2>>]", "{ok,<<1,2>>}"},
    {"binary", "copy", "[<<1,2>>,3]", "{ok,<<1,2,1,2,1,2>>}"},
    {"binary", "copy", "[<<1,2>>,0]", "{ok,<<>>}"},
    {"binary", "copy", "[<<1,2>>,-1]", "{error,badarg}"},
    {"binary", "copy", "[<<1:3>>]", "{error,badarg}"},
    {"binary", "copy", "[<<1:3>>,2]", "{error,badarg}"},
    {"binary", "copy", "[<<>>,100]", "{ok,<<>>}"},
    {"binary", "copy", "[<<1,2>>,a]", "{error,badarg}"},
    {"binary", "decode_unsigned", "[<<1,2,3>>]", "{ok,66051}"},
    {"binary", "decode_unsigned", "[<<1,2,3>>,little]", "{ok,197121}"},
    {"binary", "decode_unsigned", "[<<1,2,3>>,big]", "{ok,66051}"},
    {"binary", "decode_unsigned", "[<<>>]", "{ok,0}"},
    {"binary", "decode_unsigned", "[<<255,255,255,255,255,255,255,255,255>>]", "{ok,4722366482869645213695}"},
    {"binary", "decode_unsigned", "[<<0,0,0,0,0,0,0,0,0,0,0,0,1>>,little]", "{ok,79228162514264337593543950336}"},
    {"binary", "decode_unsigned", "[<<0,0,0,0,0,0,0,0,0,0,0,0,1>>]", "{ok,1}"},
    {"binary", "decode_unsigned", "[<<1,2,3>>,foo]", "{error,badarg}"},
    {"binary", "decode_unsigned", "[<<1:3>>]", "{error,badarg}"},
    {"binary", "encode_unsigned", "[0]", "{ok,<<0>>}"},
    {"binary", "encode_unsigned", "[258]", "{ok,<<1,2>>}"},
    {"binary", "encode_unsigned", "[258,little]", "{ok,<<2,1>>}"},
    {"binary", "encode_unsigned", "[-1]", "{error,badarg}"},
    {"binary", "encode_unsigned", "[1.0]", "{error,badarg}"},
    {"binary", "encode_unsigned", "[1267650600228229401496703205376]", "{ok,<<16,0,0,0,0,0,0,0,0,0,0,0,0>>}"},
    {"binary", "encode_unsigned", "[1267650600228229401496703205376,little]", "{ok,<<0,0,0,0,0,0,0,0,0,0,0,0,16>>}"},
    {"binary", "encode_unsigned", "[5373003133056143204253987,big]", "{ok,<<4,113,199,21,95,11,231,241,43,129,35>>}"},
    {"binary", "encode_unsigned", "[5,foo]", "{error,badarg}"},
    {"binary", "encode_unsigned", "[-1267650600228229401496703205376]", "{error,badarg}"},
    {"binary", "list_to_bin", "[[1,<<2>>,[3]]]", "{ok,<<1,2,3>>}"},
    {"binary", "list_to_bin", "[<<1>>]", "{error,badarg}"},
    {"binary", "list_to_bin", "[[<<1:3>>]]", "{error,badarg}"},
    {"binary", "longest_common_prefix", "[[<<97,98,99,100>>,<<97,98,99,101>>,<<97,98,120>>]]", "{ok,2}"},
    {"binary", "longest_common_prefix", "[[<<97,98,99,100>>]]", "{ok,4}"},
    {"binary", "longest_common_prefix", "[[]]", "{error,badarg}"},
    {"binary", "longest_common_prefix", "[[<<97,98,99,100>>,<<>>]]", "{ok,0}"},
    {"binary", "longest_common_prefix", "[[<<97,98,99,100>>,foo]]", "{error,badarg}"},
    {"binary", "longest_common_prefix", "[[<<97,98,99,100>>,<<1:3>>]]", "{error,badarg}"},
    {"binary", "longest_common_prefix", "[<<97,98,99,100>>]", "{error,badarg}"},
    {"binary", "longest_common_suffix", "[[<<120,97,98,99,100>>,<<97,98,99,100>>,<<98,99,100>>]]", "{ok,3}"},
    {"binary", "longest_common_suffix", "[[<<120,97,98,99,100>>,<<97,98,99,101>>]]", "{ok,0}"},
    {"binary", "referenced_byte_size", "[<<1,2,3>>]", "{ok,3}"},
    {"binary", "referenced_byte_size", "[foo]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[97,<<98>>,[99,256]],unicode]", "{ok,<<97,98,99,196,128>>}"},
    {"unicode", "characters_to_binary", "[[97,<<98>>,[99,256]],latin1]", "{ok,{error,<<97,98,99>>,[[256]]}}"},
    {"unicode", "characters_to_binary", "[[97,<<200>>,[99,255]],latin1]", "{ok,<<97,195,136,99,195,191>>}"},
    {"unicode", "characters_to_binary", "[<<200,97>>,latin1]", "{ok,<<195,136,97>>}"},
    {"unicode", "characters_to_binary", "[<<200,97>>,unicode]", "{ok,{error,<<>>,<<200,97>>}}"},
    {"unicode", "characters_to_binary", "[<<97,200>>,unicode]", "{ok,{incomplete,<<97>>,<<200>>}}"},
    {"unicode", "characters_to_binary", "[<<97,195>>,unicode]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[<<97,195>>],unicode]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[<<97,195>>,<<164>>],unicode]", "{ok,<<97,195,164>>}"},
    {"unicode", "characters_to_binary", "[[<<97,195>>,98],unicode]", "{ok,{error,<<97>>,[<<195>>,[98]]}}"},
    {"unicode", "characters_to_binary", "[[<<97,195>>|<<164>>],unicode]", "{ok,<<97,195,164>>}"},
    {"unicode", "characters_to_binary", "[[97,55296,98],unicode]", "{ok,{error,<<97>>,[55296,98]}}"},
    {"unicode", "characters_to_binary", "[[97,[1114112,98],99],unicode]", "{ok,{error,<<97>>,[[1114112,98],99]}}"},
    {"unicode", "characters_to_binary", "[[97,[98,-1],99],unicode]", "{ok,{error,<<97,98>>,[[-1],99]}}"},
    {"unicode", "characters_to_binary", "[[97,[98,foo],99],unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[97,[98|foo],99],unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[foo,unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[<<1:3>>,unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[<<1:3>>],unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[97,<<98,255,99>>,100],unicode]", "{ok,{error,<<97,98>>,[<<255,99>>,100]}}"},
    {"unicode", "characters_to_binary", "[[97,[<<98,255,99>>,101],100],unicode]", "{ok,{error,<<97,98>>,[[<<255,99>>,101],100]}}"},
    {"unicode", "characters_to_binary", "[[97,256],latin1]", "{ok,{error,<<97>>,[256]}}"},
    {"unicode", "characters_to_binary", "[[97,[256,98],99],latin1]", "{ok,{error,<<97>>,[[256,98],99]}}"},
    {"unicode", "characters_to_binary", "[[97,98,99],foo]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[<<237,160,128>>,unicode]", "{ok,{error,<<>>,<<237,160,128>>}}"},
    {"unicode", "characters_to_binary", "[<<192,128>>,unicode]", "{ok,{error,<<>>,<<192,128>>}}"},
    {"unicode", "characters_to_binary", "[<<192>>,unicode]", "{ok,{incomplete,<<>>,<<192>>}}"},
    {"unicode", "characters_to_binary", "[<<240,159>>,unicode]", "{ok,{incomplete,<<>>,<<240,159>>}}"},
    {"unicode", "characters_to_binary", "[<<240,159,97>>,unicode]", "{ok,{error,<<>>,<<240,159,97>>}}"},
    {"unicode", "characters_to_binary", "[<<244,144>>,unicode]", "{ok,{incomplete,<<>>,<<244,144>>}}"},
    {"unicode", "characters_to_binary", "[<<224,128>>,unicode]", "{ok,{incomplete,<<>>,<<224,128>>}}"},
    {"unicode", "characters_to_binary", "[<<237,160>>,unicode]", "{ok,{incomplete,<<>>,<<237,160>>}}"},
    {"unicode", "characters_to_binary", "[<<248>>,unicode]", "{ok,{error,<<>>,<<248>>}}"},
    {"unicode", "characters_to_binary", "[<<97,195>>,utf8]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[],unicode]", "{ok,<<>>}"},
    {"unicode", "characters_to_binary", "[<<>>,unicode]", "{ok,<<>>}"},
    {"unicode", "characters_to_binary", "[<<0,97,216,61,222,0>>,utf16]", "{ok,<<97,240,159,152,128>>}"},
    {"unicode", "characters_to_binary", "[<<97,0,61,216,0,222>>,{utf16,little}]", "{ok,<<97,240,159,152,128>>}"},
    {"unicode", "characters_to_binary", "[<<0,97,216,61>>,utf16]", "{ok,{incomplete,<<97>>,<<216,61>>}}"},
    {"unicode", "characters_to_binary", "[<<0,97,216>>,utf16]", "{ok,{incomplete,<<97>>,<<216>>}}"},
    {"unicode", "characters_to_binary", "[<<0,97,222,0>>,utf16]", "{ok,{error,<<97>>,<<222,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,97,216,61,0,98>>,utf16]", "{ok,{error,<<97>>,<<216,61,0,98>>}}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,98,<<0>>,<<99>>],utf16]", "{ok,<<97,98,99>>}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,55296],utf16]", "{ok,{error,<<97>>,[[55296]]}}"},
    {"unicode", "characters_to_binary", "[<<0,0,0,97,0,1,246,0>>,utf32]", "{ok,<<97,240,159,152,128>>}"},
    {"unicode", "characters_to_binary", "[<<97,0,0,0>>,{utf32,little}]", "{ok,<<97>>}"},
    {"unicode", "characters_to_binary", "[<<0,0,0,97,0,0,216,0>>,utf32]", "{ok,{error,<<97>>,<<0,0,216,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,0,97,0,0,0>>,utf32]", "{ok,{incomplete,<<97>>,<<0,0,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,0,97,0,17,0,0>>,utf32]", "{ok,{error,<<97>>,<<0,17,0,0>>}}"},
    {"unicode", "characters_to_binary", "[[97|<<98>>],unicode]", "{ok,<<97,98>>}"},
    {"unicode", "characters_to_binary", "[[97|<<98,200>>],unicode]", "{ok,{incomplete,<<97,98>>,<<200>>}}"},
    {"unicode", "characters_to_binary", "[[[],<<>>,[[]]],latin1]", "{ok,<<>>}"},
    {"unicode", "characters_to_binary", "[[97|98],unicode]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[<<97>>,{utf16,foo}]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[<<97>>,{utf8,big}]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[97,<<98,255,99>>|<<100>>],unicode]", "{ok,{error,<<97,98>>,[<<255,99>>|<<100>>]}}"},
    {"unicode", "characters_to_binary", "[[[97,<<98,255,99>>]|<<100>>],unicode]", "{ok,{error,<<97,98>>,[[<<255,99>>]|<<100>>]}}"},
    {"unicode", "characters_to_binary", "[[[97,98]|<<100,255>>],unicode]", "{ok,{error,<<97,98,100>>,<<255>>}}"},
    {"unicode", "characters_to_binary", "[[[[[97,55296]]],99],unicode]", "{ok,{error,<<97>>,[[[[55296]]],99]}}"},
    {"unicode", "characters_to_binary", "[[[[[97|<<255>>]]],99],unicode]", "{ok,{error,<<97>>,[[[<<255>>]],99]}}"},
    {"unicode", "characters_to_binary", "[[97,<<195>>],unicode]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[97,<<195>>,[]],unicode]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[97,<<195>>,<<>>],unicode]", "{ok,{incomplete,<<97>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[<<195>>,<<164,195>>],unicode]", "{ok,{incomplete,<<195,164>>,<<195>>}}"},
    {"unicode", "characters_to_binary", "[[<<240>>,<<159>>,<<152>>,<<128>>],unicode]", "{ok,<<240,159,152,128>>}"},
    {"unicode", "characters_to_binary", "[[<<240>>,<<159>>,<<152>>],unicode]", "{ok,{incomplete,<<>>,<<240,159,152>>}}"},
    {"unicode", "characters_to_binary", "[[<<240>>,<<159>>,97],unicode]", "{ok,{error,<<>>,[<<240,159>>,[97]]}}"},
    {"unicode", "characters_to_binary", "[[<<240>>,<<97>>],unicode]", "{ok,{error,<<>>,<<240,97>>}}"},
    {"unicode", "characters_to_binary", "[[<<240>>,<<97>>,<<98>>,<<99>>,<<100>>],unicode]", "{ok,{error,<<>>,[<<240,97,98>>,[<<99>>,<<100>>]]}}"},
    {"unicode", "characters_to_binary", "[[<<97>>,<<0>>],utf16]", "{ok,<<230,132,128>>}"},
    {"unicode", "characters_to_binary", "[[<<97>>,<<0>>],{utf16,little}]", "{ok,<<97>>}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,<<216>>,<<61,222,0>>],utf16]", "{ok,<<97,240,159,152,128>>}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,<<216>>,<<61,0,0>>],utf16]", "{ok,{error,<<97>>,[<<216,61,0,0>>,<<>>]}}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,<<216>>,97],utf16]", "{ok,{error,<<97>>,[<<216>>,97]}}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,[<<216>>],[[<<61>>]],<<222>>|<<0,0,98>>],utf16]", "{ok,<<97,240,159,152,128,98>>}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,[<<216>>],[[<<61>>]],<<222>>|<<1,216,0>>],utf16]", "{ok,{incomplete,<<97,240,159,152,129>>,<<216,0>>}}"},
    {"unicode", "characters_to_binary", "[[<<0,97>>,[<<216>>],[[<<61>>]],<<222>>|<<1,216>>],utf16]", "{ok,{incomplete,<<97,240,159,152,129>>,<<216>>}}"},
    {"unicode", "characters_to_binary", "[[[<<0,97>>,[<<216,1,0>>]],5],utf16]", "{ok,{error,<<97>>,[[[<<216,1,0>>]],5]}}"},
    {"unicode", "characters_to_binary", "[[1,[2|<<0,97,0>>],5],utf16]", "{ok,{error,<<1,2,97>>,[<<0>>,5]}}"},
    {"unicode", "characters_to_binary", "[[1,[2|<<0,97,0>>],<<0>>],utf16]", "{ok,<<1,2,97,0>>}"},
    {"unicode", "characters_to_binary", "[[1,1267650600228229401496703205376,foo],unicode]", "{ok,{error,<<1>>,[1267650600228229401496703205376,foo]}}"},
    {"unicode", "characters_to_binary", "[[1,1267650600228229401496703205376,foo],utf16]", "{ok,{error,<<1>>,[[1267650600228229401496703205376],foo]}}"},
    {"unicode", "characters_to_binary", "[[1,-1],utf32]", "{ok,{error,<<1>>,[[-1]]}}"},
    {"unicode", "characters_to_binary", "[[1,foo],utf32]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[[1|2],utf32]", "{error,badarg}"},
    {"unicode", "characters_to_binary", "[<<0,0,0,97,0,0,0,98>>,{utf32,big}]", "{ok,<<97,98>>}"},
    {"unicode", "characters_to_binary", "[<<0,0>>,{utf32,little}]", "{ok,{incomplete,<<>>,<<0,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,17>>,{utf32,little}]", "{ok,{error,<<>>,<<0,0,17>>}}"},
    {"unicode", "characters_to_binary", "[<<254,255,0>>,{utf32,little}]", "{ok,{error,<<>>,<<254,255,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,216,0>>,{utf32,little}]", "{ok,{error,<<>>,<<0,216,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,216>>,{utf32,big}]", "{ok,{error,<<>>,<<0,0,216>>}}"},
    {"unicode", "characters_to_binary", "[<<5>>,{utf32,big}]", "{ok,{error,<<>>,<<5>>}}"},
    {"unicode", "characters_to_binary", "[<<0,17>>,{utf32,big}]", "{ok,{error,<<>>,<<0,17>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,61,216,0>>,{utf16,little}]", "{ok,{incomplete,<<0>>,<<61,216,0>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,61,220>>,{utf16,little}]", "{ok,{error,<<0>>,<<61,220>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,220>>,{utf16,big}]", "{ok,{error,<<0>>,<<220>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,216,0,220>>,{utf16,big}]", "{ok,{incomplete,<<0>>,<<216,0,220>>}}"},
    {"unicode", "characters_to_binary", "[<<0,0,216,0,0>>,{utf16,big}]", "{ok,{error,<<0>>,<<216,0,0>>}}"},
    {"unicode", "characters_to_binary", "[[97,255,256],unicode]", "{ok,<<97,195,191,196,128>>}"},
    {"unicode", "characters_to_binary", "[[[[<<97,98,99>>]]],latin1]", "{ok,<<97,98,99>>}"},
    {"unicode", "characters_to_list", "[[97,<<98>>,[99,256]],unicode]", "{ok,[97,98,99,256]}"},
    {"unicode", "characters_to_list", "[<<97,195,164>>,unicode]", "{ok,[97,228]}"},
    {"unicode", "characters_to_list", "[<<97,195>>,unicode]", "{ok,{incomplete,[97],<<195>>}}"},
    {"unicode", "characters_to_list", "[<<97,200,98>>,unicode]", "{ok,{error,[97],<<200,98>>}}"},
    {"unicode", "characters_to_list", "[<<97,200,98>>,latin1]", "{ok,[97,200,98]}"},
    {"unicode", "characters_to_list", "[[97,55296],unicode]", "{ok,{error,[97],[55296]}}"},
    {"unicode", "characters_to_list", "[[97,256],latin1]", "{ok,{error,[97],[256]}}"},
    {"unicode", "characters_to_list", "[<<0,97,216,61,222,0>>,utf16]", "{ok,[97,128512]}"},
    {"unicode", "characters_to_list", "[<<0,97,216>>,utf16]", "{ok,{incomplete,[97],<<216>>}}"},
    {"unicode", "characters_to_list", "[foo,unicode]", "{error,badarg}"},
    {"unicode", "characters_to_list", "[[<<97,195>>,<<164>>],utf8]", "{ok,[97,228]}"},
    {"unicode", "characters_to_list", "[[<<97,195>>,98],utf8]", "{ok,{error,[97],[<<195>>,[98]]}}"},
    {"unicode", "characters_to_list", "[[<<97,255>>],utf8]", "{ok,{error,[97],[<<255>>]}}"},
    {"unicode", "characters_to_list", "[<<1:3>>,utf8]", "{error,badarg}"},
    {"unicode", "characters_to_list", "[<<1:3>>,latin1]", "{error,badarg}"},
    {"unicode", "characters_to_list", "[<<1:3>>,utf16]", "{error,badarg}"},
    {"unicode", "characters_to_list", "[[<<0,97>>,55296],utf16]", "{ok,{error,[97],[[55296]]}}"},
    {"unicode", "characters_to_list", "[<<>>,utf32]", "{ok,[]}"},
    {"unicode", "characters_to_list", "[[],utf8]", "{ok,[]}"},
    {"unicode", "bin_is_7bit", "[<<97,98>>]", "{ok,true}"},
    {"unicode", "bin_is_7bit", "[<<97,200>>]", "{ok,false}"},
    {"unicode", "bin_is_7bit", "[<<97,1:3>>]", "{ok,false}"},
    {"unicode", "bin_is_7bit", "[foo]", "{ok,false}"},
/* END CASES */
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
        { seg(BITS_SEG_FLOAT, 0, 1, T("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"), make_small(64)), "badarg" },
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
    CHECK(b->size == 514);                  /* 256, then 2 * 257 (as erl) */

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
    CHECK(!bits_get_integer(P, ms, make_small(-1), 1, 0, &x) && !bits_get_integer(P, ms, T("foo"), 1, 0, &x)
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
    CHECK(bits_add(P, make_small(1), T("foo"), 8) == THE_NON_VALUE && P->fvalue == AM(badarg));
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
    CHECK(!bits_put_integer(P, &w, T("foo"), make_small(8), 1, 0) && P->fvalue == AM(badarg));
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
    CHECK(bits_append(P, &w, T("foo"), make_small(8), 8) == THE_NON_VALUE);
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
    q->off_heap = q->off_heap->next;          /* unlink h2, as the GC would */
    bin_offheap_release((OffHeapHeader *)boxed_val(h2));
    CHECK(bin_refcount(b) == 1);
    bin_offheap_release((OffHeapHeader *)boxed_val(h2));    /* no-op */
    CHECK(bin_refcount(b) == 1);
    /* writable binaries too are released with their list */
    BitsWriter w;
    Term acc = bits_append(q, &w, big, make_small(8), 8);
    CHECK(is_value(acc) && bin_refcount(refc_binary_of(bin_orig_of(acc))) == 1);
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

/* ---- large utf16/utf32 input: the 8192-byte steps of unicode.erl ---- */

static void summary(Out *o, Term t)
{
    char buf[64];
    if (is_bitstring(t)) { snprintf(buf, sizeof buf, "{bin,%zu}", bin_byte_size(t)); puts_(o, buf); return; }
    if (is_list(t)) {
        size_t n = 0;
        bool ints = true;
        Term l = t;
        for (; is_list(l); l = CDR(list_val(l)), n++)
            ints = ints && is_small(CAR(list_val(l)));
        if (n > 10 && ints && is_nil(l)) { snprintf(buf, sizeof buf, "{len,%zu}", n); puts_(o, buf); return; }
        puts_(o, "[");
        for (l = t; is_list(l); l = CDR(list_val(l))) {
            if (l != t) puts_(o, ",");
            summary(o, CAR(list_val(l)));
        }
        if (!is_nil(l)) { puts_(o, "|{tail,"); summary(o, l); puts_(o, "}"); }
        puts_(o, "]");
        return;
    }
    if (is_tuple(t)) {
        puts_(o, "{");
        for (size_t i = 1; i <= tuple_arity(t); i++) {
            if (i > 1) puts_(o, ",");
            summary(o, tuple_elem(t, i));
        }
        puts_(o, "}");
        return;
    }
    print(o, t);
}

static Term copies(const char *unit, size_t n)
{
    Term u = T(unit);
    size_t len = bin_byte_size(u);
    uint8_t *d;
    Term b = bin_alloc(P, len * n, &d);
    const uint8_t *base;
    size_t off, bits;
    bin_view(u, &base, &off, &bits);
    for (size_t i = 0; i < n; i++)
        memcpy(d + i * len, base + off / 8, len);
    return b;
}

static Term cat(Term *parts, size_t n)
{
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(proc_alloc(P, 2), parts[i], l);
    size_t bits;
    bin_iolist_bits(l, false, &bits);
    return bin_iolist_build(P, l, bits);
}

static void test_unicode_large(void)
{
    Term a = copies("<<0,97>>", 50), bs = copies("<<0,98>>", 5000);
    Term b1 = cat((Term[]){ a, T("<<220,0>>"), bs }, 3);
    Term b2 = cat((Term[]){ bs, T("<<220,0>>"), a }, 3);
    Term b3 = cat((Term[]){ copies("<<0,97>>", 4095), T("<<216,61,222,0>>"), a }, 3);
    Term b4 = cat((Term[]){ copies("<<0,97>>", 4095), T("<<216,61,0,0>>"), a }, 3);
    Term b5 = cat((Term[]){ copies("<<0,97>>", 4095), T("<<216,61,222>>") }, 2);
    Term b6 = cat((Term[]){ copies("<<0,0,0,97>>", 3000), T("<<0,0,216,0>>"), a }, 3);
    Term utf16 = AM(utf16), utf32b = bif_tuple2(P, AM(utf32), AM(big));
    struct { Term data, enc; const char *bin, *list; } c[] = {
        { b1, utf16, "{error,{bin,50},[{bin,8092},{bin,1910}]}", "{error,{len,50},[{bin,8092},{bin,1910}]}" },
        { b2, utf16, "{error,{bin,5000},[{bin,102}]}", "{error,{len,5000},[{bin,102}]}" },
        { b3, utf16, "{bin,4149}", "{len,4146}" },
        { b4, utf16, "{error,{bin,4095},[{bin,4},{bin,100}]}", "{error,{len,4095},[{bin,4},{bin,100}]}" },
        { b5, utf16, "{incomplete,{bin,4095},{bin,3}}", "{incomplete,{len,4095},{bin,3}}" },
        { make_cons_at(proc_alloc(P, 2), b1, NIL), utf16, "{error,{bin,50},[{bin,8092},{bin,1910}]}",
          "{error,{len,50},[{bin,8092},{bin,1910}]}" },
        { T("[<<0>>]"), utf16, "{incomplete,{bin,15149},{bin,1}}", "{incomplete,{len,5051},{bin,1}}" },
        { make_cons_at(proc_alloc(P, 2), b4, T("<<0>>")), utf16,
          "{error,{bin,4095},[{bin,4},{bin,100}|{tail,{bin,1}}]}", "{error,{len,4095},[{bin,4},{bin,100}|{tail,{bin,1}}]}" },
        { b6, AM(utf32), "{error,{bin,3000},[{bin,104}]}", "{error,{len,3000},[{bin,104}]}" },
        { T("[0, 5]"), utf32b, "{error,{bin,3000},[{bin,104},5]}", "{error,{len,3000},[{bin,104},5]}" },
    };
    CDR(list_val(c[6].data)) = make_cons_at(proc_alloc(P, 2), b2, NIL);
    CAR(list_val(c[9].data)) = b6;
    const BifDef *tb = bif_lookup(AM(unicode), atom_from_cstr("characters_to_binary"), 2);
    const BifDef *tl = bif_lookup(AM(unicode), atom_from_cstr("characters_to_list"), 2);
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        for (int k = 0; k < 2; k++) {
            Term args[2] = { c[i].data, c[i].enc };
            Term r = (k ? tl : tb)->fn(P, args);
            Out o = { NULL, 0, 0 };
            if (is_value(r)) summary(&o, r); else puts_(&o, "EXC");
            const char *want = k ? c[i].list : c[i].bin;
            if (strcmp(o.b, want) != 0) {
                unit_failures++;
                fprintf(stderr, "large unicode case %zu/%d: got %s, expected %s\n", i, k, o.b, want);
            }
            free(o.b);
        }
    }
}

/* ---- the case table again, with every bitstring argument moved to an
 *      odd bit offset (results must not change) ---- */

static Term unalign(Term t)
{
    if (is_bitstring(t)) {
        const uint8_t *base;
        size_t off, bits;
        bin_view(t, &base, &off, &bits);
        uint8_t *d;
        Term b = bin_alloc(P, (bits + 3 + 7) / 8 + 1, &d);
        memset(d, 0xA5, (bits + 3 + 7) / 8 + 1);
        bin_copy_bits(d, 3, base, off, bits);
        return bin_make_sub(P, b, 3, bits);
    }
    if (is_list(t)) {
        Term h = unalign(CAR(list_val(t))), tl = unalign(CDR(list_val(t)));
        return make_cons_at(proc_alloc(P, 2), h, tl);
    }
    if (is_tuple(t)) {
        size_t n = tuple_arity(t);
        Term *hp = proc_alloc(P, n + 1);
        hp[0] = make_arityval(n);
        for (size_t i = 1; i <= n; i++)
            hp[i] = unalign(tuple_elem(t, i));
        return make_tuple(hp);
    }
    return t;
}

static void test_cases_unaligned(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(cases[i].f, "referenced_byte_size") == 0)
            continue;
        Term argv[8];
        uint32_t n = 0;
        for (Term l = unalign(T(cases[i].args)); is_list(l); l = CDR(list_val(l)))
            argv[n++] = CAR(list_val(l));
        const BifDef *d = bif_lookup(atom_from_cstr(cases[i].m), atom_from_cstr(cases[i].f), n);
        P->fclass = EXC_NONE;
        Term r = d->fn(P, argv);
        Term got = is_value(r) ? bif_tuple2(P, AM(ok), r) : bif_tuple2(P, AM(error), P->fvalue);
        char *s = show(got);
        if (strcmp(s, cases[i].expected) != 0) {
            unit_failures++;
            fprintf(stderr, "unaligned %s:%s(%s): got %s, expected %s\n", cases[i].m, cases[i].f, cases[i].args, s, cases[i].expected);
        }
        free(s);
    }
}

/* ---- compiled patterns, and a global search that stays linear ---- */

static void test_patterns(void)
{
    const BifDef *cp = bif_lookup(AM(binary), atom_from_cstr("compile_pattern"), 1);
    const BifDef *ms = bif_lookup(AM(binary), atom_from_cstr("matches"), 2);
    const BifDef *sp = bif_lookup(AM(binary), atom_from_cstr("split"), 3);
    Term a1[1] = { T("[<<\"bcda\">>, <<\"abcdx\">>, <<\"cd\">>]") };
    Term pat = cp->fn(P, a1);
    CHECK(is_tuple(pat) && tuple_elem(pat, 1) == AM(ac));
    Term a2[2] = { T("<<\"abcdabcd\">>"), pat };
    CHECK_TERM(ms->fn(P, a2), "[{1,4},{6,2}]");
    Term a3[1] = { T("<<\",\">>") };
    Term comma = cp->fn(P, a3);
    CHECK(tuple_elem(comma, 1) == AM(bm));
    Term a4[3] = { T("<<\"a,b,,c,,\">>"), comma, T("[global,trim]") };
    CHECK_TERM(sp->fn(P, a4), "[<<97>>,<<98>>,<<>>,<<99>>]");
    /* a damaged compiled pattern is refused, not trusted */
    Term bad[2] = { T("<<\"abc\">>"), bif_tuple2(P, AM(bm), T("<<71,105,114,100,101,114,67,80,0,0,0,1,0,0,0,9,97>>")) };
    CHECK(is_non_value(ms->fn(P, bad)) && P->fvalue == AM(badarg));
    /* one million matches with a pattern that never occurs */
    size_t n = 1000000;
    uint8_t *d;
    Term subj = bin_alloc(P, n, &d);
    memset(d, 'a', n);
    Term a5[2] = { subj, T("[<<\"zzz\">>, <<\"a\">>]") };
    Term r = ms->fn(P, a5);
    size_t count = 0;
    for (; is_list(r); r = CDR(list_val(r)))
        count++;
    CHECK(count == n);
}

/* ---- randomized self-consistency of the bit-level helpers ---- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static unsigned bit_at(const uint8_t *b, size_t i) { return (b[i / 8] >> (7 - i % 8)) & 1; }

static void test_random_bits(void)
{
    uint8_t src[64], dst[64], ref[64];
    for (int iter = 0; iter < 20000; iter++) {
        for (int i = 0; i < 64; i++) { src[i] = (uint8_t)rnd(); dst[i] = ref[i] = (uint8_t)rnd(); }
        size_t n = rnd() % 300, so = rnd() % (512 - n), doff = rnd() % (512 - n);
        bin_copy_bits(dst, doff, src, so, n);
        for (size_t i = 0; i < n; i++) {
            size_t d = doff + i;
            ref[d / 8] = (uint8_t)((ref[d / 8] & ~(0x80u >> (d % 8))) | (bit_at(src, so + i) << (7 - d % 8)));
        }
        if (memcmp(dst, ref, 64) != 0) {
            unit_failures++;
            fprintf(stderr, "bin_copy_bits(doff %zu, soff %zu, n %zu) wrong\n", doff, so, n);
            break;
        }
        int want = 0;
        for (size_t i = 0; i < n && !want; i++)
            want = (int)bit_at(dst, doff + i) - (int)bit_at(src, so + i);
        int got = bin_cmp_bits(dst, doff, src, so, n);
        if ((got < 0) != (want < 0) || (got > 0) != (want > 0)) {
            unit_failures++;
            fprintf(stderr, "bin_cmp_bits wrong\n");
            break;
        }
    }
    /* integers of random sizes, offsets, signs and byte orders survive a
     * write and a read */
    for (int iter = 0; iter < 5000; iter++) {
        size_t n = 1 + rnd() % 200, off = rnd() % 64;
        unsigned flags = (rnd() & 1 ? BITS_F_LITTLE : 0) | (rnd() & 1 ? BITS_F_SIGNED : 0);
        UWord limbs[4] = { rnd(), rnd(), rnd(), rnd() };
        size_t mbits = flags & BITS_F_SIGNED ? n - 1 : n;      /* magnitude bits */
        for (size_t i = 0; i < 4; i++) {
            if (mbits <= 64 * i) limbs[i] = 0;
            else if (mbits < 64 * (i + 1)) limbs[i] &= ((UWord)1 << (mbits - 64 * i)) - 1;
        }
        bool neg = (flags & BITS_F_SIGNED) && (rnd() & 1);
        Term v = bn_from_limbs(P, limbs, 4, neg);
        uint8_t buf[40];
        memset(buf, (int)(rnd() & 255), sizeof buf);
        bits_write_integer(buf, off, v, n, flags);
        Term back = bits_read_integer(P, buf, off, n, flags);
        char *a = show(v), *b = show(back);
        if (strcmp(a, b) != 0) {
            unit_failures++;
            fprintf(stderr, "integer round trip n=%zu off=%zu flags=%u: wrote %s read %s\n", n, off, flags, a, b);
            free(a);
            free(b);
            break;
        }
        free(a);
        free(b);
    }
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
    test_unicode_large();
    test_patterns();
    test_cases_unaligned();
    test_random_bits();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_call(cases[i].m, cases[i].f, cases[i].args, cases[i].expected);
    bin_offheap_release_list(P->off_heap);
    P->off_heap = NULL;
    proc_free_bare(P);
    return UNIT_DONE();
}
