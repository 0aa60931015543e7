/* hash.c — erl-compatible term hashes (see hash.h): phash2 (make_hash2),
 * phash (make_hash) and the HAMT placement hash (make_internal_hash).
 * Each is a loop over an explicit stack; the values must match ERTS bit for
 * bit, so every constant and mixing step mirrors ERTS's definitions. */
#include "hash.h"
#include "atom.h"
#include "fun.h"
#include "map.h"
#include "compare.h"
#include "ext.h"
#include <stdlib.h>
#include <stdio.h>

/* ---- shared pieces ---- */

/* Bob Jenkins' 96-bit mix (lookup2), as ERTS uses it. */
#define MIX(a, b, c) do {                          \
        a -= b; a -= c; a ^= (c >> 13);            \
        b -= c; b -= a; b ^= (a << 8);             \
        c -= a; c -= b; c ^= (b >> 13);            \
        a -= b; a -= c; a ^= (c >> 12);            \
        b -= c; b -= a; b ^= (a << 16);            \
        c -= a; c -= b; c ^= (b >> 5);             \
        a -= b; a -= c; a ^= (c >> 3);             \
        b -= c; b -= a; b ^= (a << 10);            \
        c -= a; c -= b; c ^= (b >> 15);            \
    } while (0)

/* HC(n) = golden ratio * n mod 2^32, the per-type constants of make_hash2. */
#define HC1  0x9e3779b9u
#define HC2  0x3c6ef372u
#define HC3  0xdaa66d2bu
#define HC4  0x78dde6e4u
#define HC5  0x1715609du
#define HC6  0xb54cda56u
#define HC7  0x5384540fu
#define HC8  0xf1bbcdc8u
#define HC9  0x8ff34781u
#define HC10 0x2e2ac13au
#define HC11 0xcc623af3u
#define HC12 0x6a99b4acu
#define HC13 0x08d12e65u
#define HC14 0xa708a81eu
#define HC15 0x454021d7u
#define HC16 0xe3779b90u
#define HC17 0x81af1549u
#define HC18 0x1fe68f02u
#define HC19 0xbe1e08bbu
#define HC20 0x5c558274u
#define HC21 0xfa8cfc2du
#define HC22 0x98c475e6u

/* Mix two 32-bit values into *h. */
static inline void mix2(uint32_t *h, uint32_t x, uint32_t y, uint32_t k)
{
    uint32_t a = k + x, b = k + y, c = *h;
    MIX(a, b, c);
    *h = c;
}
static inline void mix1(uint32_t *h, uint32_t x, uint32_t k) { mix2(h, x, 0, k); }

/* Jenkins' block hash of len bytes (little-endian words), seeded by init. */
static uint32_t block_hash(const uint8_t *k, size_t len, uint32_t init)
{
    uint32_t a = HC1, b = HC1, c = init;
    size_t n = len;
    while (n >= 12) {
        a += k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 | (uint32_t)k[3] << 24;
        b += k[4] | (uint32_t)k[5] << 8 | (uint32_t)k[6] << 16 | (uint32_t)k[7] << 24;
        c += k[8] | (uint32_t)k[9] << 8 | (uint32_t)k[10] << 16 | (uint32_t)k[11] << 24;
        MIX(a, b, c);
        k += 12;
        n -= 12;
    }
    c += (uint32_t)len;
    switch (n) {                      /* every case falls through */
    case 11: c += (uint32_t)k[10] << 24; /* fall through */
    case 10: c += (uint32_t)k[9] << 16;  /* fall through */
    case 9:  c += (uint32_t)k[8] << 8;   /* fall through */
    case 8:  b += (uint32_t)k[7] << 24;  /* fall through */
    case 7:  b += (uint32_t)k[6] << 16;  /* fall through */
    case 6:  b += (uint32_t)k[5] << 8;   /* fall through */
    case 5:  b += k[4];                  /* fall through */
    case 4:  a += (uint32_t)k[3] << 24;  /* fall through */
    case 3:  a += (uint32_t)k[2] << 16;  /* fall through */
    case 2:  a += (uint32_t)k[1] << 8;   /* fall through */
    case 1:  a += k[0];                  /* fall through */
    default: break;
    }
    MIX(a, b, c);
    return c;
}

uint32_t hash_atom(Term atom)
{
    const Atom *a = atom_get(atom);
    const uint8_t *p = a->text;
    size_t len = a->len;
    uint32_t h = 0;
    while (len--) {
        uint8_t v = *p++;
        /* A two-byte UTF-8 Latin-1 character counts as its Latin-1 byte. */
        if (len && (v & 0xFE) == 0xC2 && (*p & 0xC0) == 0x80) {
            v = (uint8_t)((v << 6) | (*p & 0x3F));
            p++;
            len--;
        }
        h = (h << 4) + v;
        uint32_t g = h & 0xF0000000u;
        if (g) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return h;
}

static inline bool is_byte_term(Term t) { return is_small(t) && (UWord)small_val(t) < 256; }

/* Bits of a float for hashing, with -0.0 made +0.0. */
static inline uint64_t float_bits(Term t)
{
    double d = float_val(t);
    uint64_t u;
    if (d == 0.0)
        d = 0.0;
    memcpy(&u, &d, 8);
    return u;
}

/* The bytes of a bitstring realigned (when its bit offset is not 0) into
 * buf (or a malloc'd block if it needs more than cap bytes); nbytes whole
 * bytes plus the trailing partial byte, if any, left-aligned. */
static const uint8_t *aligned_bytes(const TermBits *v, uint8_t *buf, size_t cap, uint8_t **heap)
{
    size_t nbytes = v->nbits >> 3, rest = v->nbits & 7;
    *heap = NULL;
    if (!(v->bitoff & 7) && !rest)
        return v->base + (v->bitoff >> 3);
    size_t need = nbytes + (rest != 0);
    uint8_t *out = buf;
    if (need > cap) {
        out = *heap = malloc(need);
        if (!out) {
            fprintf(stderr, "girder: out of memory hashing a binary\n");
            abort();
        }
    }
    const uint8_t *b = v->base;
    size_t off = v->bitoff;
    for (size_t i = 0; i < nbytes; i++, off += 8) {
        unsigned s = off & 7;
        const uint8_t *q = b + (off >> 3);
        out[i] = s ? (uint8_t)((q[0] << s) | (q[1] >> (8 - s))) : q[0];
    }
    if (rest) {
        unsigned x = 0;
        for (unsigned k = 0; k < rest; k++, off++)
            x |= ((b[off >> 3] >> (7 - (off & 7))) & 1u) << (7 - k);
        out[nbytes] = (uint8_t)x;
    }
    return out;
}

/* The make_hash2 / make_internal_hash treatment of a bitstring: a block
 * hash seeded with HC13 + hash, then the trailing bits. */
static uint32_t hash_bits2(Term t, uint32_t hash)
{
    TermBits v;
    term_bits(t, &v);
    uint32_t sz = (uint32_t)(v.nbits >> 3);   /* ERTS truncates to 32 bits */
    unsigned rest = v.nbits & 7;
    uint32_t con = HC13 + hash;
    if (sz == 0 && rest == 0)
        return con;
    uint8_t buf[256], *heap;
    const uint8_t *bytes = aligned_bytes(&v, buf, sizeof buf, &heap);
    uint32_t h = block_hash(bytes, sz, con);
    if (rest)
        mix2(&h, rest, (uint32_t)(bytes[v.nbits >> 3] >> (8 - rest)), HC15);
    free(heap);
    return h;
}

/* ---- a word stack with markers ---- */

/* Markers are header words, which are never terms on the stack. */
#define MARK_MAP_TAIL make_header(1, SUB_MATCHSTATE)
#define MARK_MAP_PAIR make_header(2, SUB_MATCHSTATE)
#define MARK_CDR      make_header(3, SUB_MATCHSTATE)

typedef struct {
    Term *w;
    size_t n, cap;
    Term local[64];
} WStack;

static void ws_init(WStack *s) { s->w = s->local; s->n = 0; s->cap = 64; }
static void ws_done(WStack *s) { if (s->w != s->local) free(s->w); }
static void ws_push(WStack *s, Term t)
{
    if (s->n == s->cap) {
        size_t cap = s->cap * 2;
        Term *w = malloc(cap * sizeof *w);
        if (!w) {
            fprintf(stderr, "girder: out of memory hashing a term\n");
            abort();
        }
        memcpy(w, s->w, s->n * sizeof *w);
        if (s->w != s->local)
            free(s->w);
        s->w = w;
        s->cap = cap;
    }
    s->w[s->n++] = t;
}
static inline Term ws_pop(WStack *s) { return s->w[--s->n]; }

/* Push a HAMT node's children (leaves as MARK_MAP_PAIR, V, K when pairs is
 * set, else V, K; inner nodes as themselves), in slot order. */
static void push_hamt_children(WStack *s, Term node, bool pairs)
{
    const Term *ch = hamt_children(node);
    size_t c = hamt_count(node);
    for (size_t i = 0; i < c; i++) {
        if (is_list(ch[i])) {
            if (pairs)
                ws_push(s, MARK_MAP_PAIR);
            ws_push(s, CDR(list_val(ch[i])));
            ws_push(s, CAR(list_val(ch[i])));
        } else {
            ws_push(s, ch[i]);
        }
    }
}

/* ---- make_hash2 (phash2) ---- */

static void hash2_small(uint32_t *h, SWord v)
{
    if (v < -(1L << 27) || v >= (1L << 27)) {
        uint64_t t = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        mix2(h, (uint32_t)t, (uint32_t)(t >> 32), v < 0 ? HC10 : HC11);
    } else {
        int32_t y = (int32_t)v;
        if (y < 0)
            mix1(h, (uint32_t)-y, HC1);    /* negatives are mixed twice */
        mix1(h, (uint32_t)y, HC1);
    }
}

/* A list: runs of bytes are packed 4 to a word. Returns the next term to
 * hash (the first non-byte head, or the tail), pushing what follows it. */
static Term hash2_list(WStack *s, Term t, uint32_t *h, uint32_t kstr)
{
    const Term *p = list_val(t);
    uint32_t sh = 0;
    int c = 0;
    while (is_byte_term(CAR(p))) {
        sh = (sh << 8) + (uint32_t)small_val(CAR(p));
        if (c == 3) {
            mix1(h, sh, kstr);
            c = 0;
            sh = 0;
        } else {
            c++;
        }
        t = CDR(p);
        if (!is_list(t))
            break;
        p = list_val(t);
    }
    if (c > 0)
        mix1(h, sh, kstr);
    if (is_list(t)) {
        ws_push(s, CDR(p));
        t = CAR(p);
    }
    return t;
}

/* One boxed term for make_hash2; returns the next term to hash or
 * THE_NON_VALUE to pop the stack. */
static Term hash2_boxed(WStack *s, Term t, uint32_t *h, uint32_t *xor_pairs)
{
    Term *ptr = boxed_val(t);
    switch (header_subtag(ptr[0])) {
    case SUB_TUPLE: {
        size_t n = header_arity(ptr[0]);
        mix1(h, (uint32_t)n, HC9);
        if (n == 0)
            return THE_NON_VALUE;
        for (size_t i = n; i > 1; i--)
            ws_push(s, ptr[i]);
        return ptr[1];
    }
    case SUB_MAP: {
        unsigned kind = map_kind(t);
        if (kind != MAP_KIND_NODE) {
            size_t n = map_size(t);
            mix1(h, (uint32_t)n, HC16);
            if (n == 0)
                return THE_NON_VALUE;
            /* Pairs are hashed on their own and xor'ed: order-independent. */
            ws_push(s, *xor_pairs);
            ws_push(s, *h);
            ws_push(s, MARK_MAP_TAIL);
            *h = 0;
            *xor_pairs = 0;
        }
        if (kind == MAP_KIND_FLAT) {
            const Term *ks = flatmap_keys(t), *vs = flatmap_values(t);
            for (size_t i = flatmap_size(t); i-- > 0;) {
                ws_push(s, MARK_MAP_PAIR);
                ws_push(s, vs[i]);
                ws_push(s, ks[i]);
            }
        } else {
            push_hamt_children(s, t, true);
        }
        return THE_NON_VALUE;
    }
    case SUB_FUN: {
        const FunEntry *fe = fun_entry_of(t);
        uint32_t nf = fun_num_free(t);
        mix2(h, nf, hash_atom(fe->module), HC1);
        mix2(h, fe->index, fe->old_uniq, HC1);
        if (nf == 0)
            return THE_NON_VALUE;
        const Term *env = fun_free_vars(t);
        for (uint32_t i = nf - 1; i > 0; i--)
            ws_push(s, env[i]);
        return env[0];
    }
    case SUB_EXPORT: {
        const Export *ep = export_of(t);
        mix2(h, ep->arity, hash_atom(ep->module), HC1);
        mix1(h, hash_atom(ep->function), HC14);
        return THE_NON_VALUE;
    }
    case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN:
        *h = hash_bits2(t, *h);
        return THE_NON_VALUE;
    case SUB_POS_BIG: case SUB_NEG_BIG: {
        uint32_t con = big_sign(t) ? HC10 : HC11;
        const UWord *l = big_limbs(t);
        for (size_t i = 0, n = big_size(t); i < n; i++)
            mix2(h, (uint32_t)l[i], (uint32_t)(l[i] >> 32), con);
        return THE_NON_VALUE;
    }
    case SUB_REF:
        mix1(h, (uint32_t)ptr[1], HC7);
        return THE_NON_VALUE;
    case SUB_FLOAT: {
        uint64_t u = float_bits(t);
        mix2(h, (uint32_t)(u >> 32), (uint32_t)u, HC12);
        return THE_NON_VALUE;
    }
    case SUB_EXT_PID:
        mix1(h, ext_pid_number(t), HC5);
        return THE_NON_VALUE;
    case SUB_EXT_PORT: {
        uint64_t id = ext_port_id(t);
        mix2(h, (uint32_t)id, (uint32_t)(id >> 32), HC6);
        return THE_NON_VALUE;
    }
    case SUB_EXT_REF:
        mix1(h, ext_ref_count(t) ? ext_ref_number(t, 0) : 0, HC7);
        return THE_NON_VALUE;
    default:
        return THE_NON_VALUE;          /* not a term (a match state) */
    }
}

static void hash2_immed(Term t, uint32_t *h)
{
    if (is_small(t)) {
        hash2_small(h, small_val(t));
    } else if (is_atom(t)) {
        if (*h == 0)
            *h = hash_atom(t);
        else
            mix1(h, hash_atom(t), HC3);
    } else if (is_nil(t)) {
        if (*h == 0)
            *h = 3468870702u;
        else
            mix1(h, 2 /* ERTS's NIL_DEF */, HC2);
    } else if (is_internal_pid(t)) {
        mix1(h, (uint32_t)internal_pid_index(t), HC5);
    } else if (is_internal_port(t)) {
        uint64_t n = internal_port_index(t);
        mix2(h, (uint32_t)n, (uint32_t)(n >> 32), HC6);
    }
}

uint32_t hash_make_hash2(Term t)
{
    uint32_t h = 0, xor_pairs = 0;
    if (is_atom(t))
        return hash_atom(t);
    if (is_small(t)) {
        hash2_small(&h, small_val(t));
        return h;
    }
    WStack s;
    ws_init(&s);
    for (;;) {
        if (is_list(t))
            t = hash2_list(&s, t, &h, HC4);
        else if (is_boxed(t))
            t = hash2_boxed(&s, t, &h, &xor_pairs);
        else {
            hash2_immed(t, &h);
            t = THE_NON_VALUE;
        }
        while (is_non_value(t)) {
            if (s.n == 0) {
                ws_done(&s);
                return h;
            }
            t = ws_pop(&s);
            if (t == MARK_MAP_TAIL) {
                h = (uint32_t)ws_pop(&s);
                mix1(&h, xor_pairs, HC19);
                xor_pairs = (uint32_t)ws_pop(&s);
                t = THE_NON_VALUE;
            } else if (t == MARK_MAP_PAIR) {
                xor_pairs ^= h;
                h = 0;
                t = THE_NON_VALUE;
            }
        }
    }
}

/* ---- make_internal_hash (HAMT placement) ---- */

#define INTERNAL_HASH_SALT 3432918353u

static inline void const_hash(uint32_t *h, uint32_t k)
{
    *h ^= k;
    *h = (*h << 17) ^ (*h >> 15);
}

static Term internal_list(WStack *s, Term t, uint32_t *h)
{
    const Term *p = list_val(t);
    uint32_t sh = 0, c = 0;
    while (is_byte_term(CAR(p))) {
        sh = (sh << 8) + (uint32_t)small_val(CAR(p));
        if (c == 3) {
            mix1(h, sh, HC4);
            c = 0;
            sh = 0;
        } else {
            c++;
        }
        t = CDR(p);
        if (!is_list(t))
            break;
        p = list_val(t);
    }
    if (c > 0)
        mix2(h, sh, c, HC22);
    if (is_list(t)) {
        Term tail = CDR(p);
        const_hash(h, HC17);
        ws_push(s, tail);
        if (!is_list(tail))
            ws_push(s, MARK_CDR);
        t = CAR(p);
    }
    return t;
}

static Term internal_boxed(WStack *s, Term t, uint32_t *h)
{
    Term *ptr = boxed_val(t);
    switch (header_subtag(ptr[0])) {
    case SUB_TUPLE: {
        size_t n = header_arity(ptr[0]);
        mix1(h, (uint32_t)n, HC9);
        if (n == 0)
            return THE_NON_VALUE;
        for (size_t i = n; i > 1; i--)
            ws_push(s, ptr[i]);
        return ptr[1];
    }
    case SUB_MAP:
        if (map_kind(t) == MAP_KIND_FLAT) {
            size_t n = flatmap_size(t);
            const Term *ks = flatmap_keys(t), *vs = flatmap_values(t);
            mix1(h, (uint32_t)n, HC16);
            for (size_t i = n; i-- > 0;) {
                ws_push(s, vs[i]);
                ws_push(s, ks[i]);
            }
            return THE_NON_VALUE;
        }
        if (map_kind(t) == MAP_KIND_HEAD)
            mix1(h, (uint32_t)map_size(t), HC16);
        push_hamt_children(s, t, false);
        return THE_NON_VALUE;
    case SUB_FUN: {
        const FunEntry *fe = fun_entry_of(t);
        uint32_t nf = fun_num_free(t);
        mix2(h, nf, (uint32_t)fe->module, HC20);
        mix2(h, fe->index, fe->old_uniq, HC21);
        if (nf == 0)
            return THE_NON_VALUE;
        const Term *env = fun_free_vars(t);
        for (uint32_t i = nf - 1; i > 0; i--)
            ws_push(s, env[i]);
        return env[0];
    }
    case SUB_EXPORT: {
        UWord ep = (UWord)export_of(t);
        mix2(h, (uint32_t)ep, (uint32_t)(ep >> 32), HC14);
        return THE_NON_VALUE;
    }
    case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN:
        *h = hash_bits2(t, *h);
        return THE_NON_VALUE;
    case SUB_POS_BIG: case SUB_NEG_BIG: {
        uint32_t con = big_sign(t) ? HC10 : HC11;
        const UWord *l = big_limbs(t);
        for (size_t i = 0, n = big_size(t); i < n; i++)
            mix2(h, (uint32_t)l[i], (uint32_t)(l[i] >> 32), con);
        return THE_NON_VALUE;
    }
    case SUB_REF:
        mix1(h, (uint32_t)ptr[1], HC7);
        mix2(h, (uint32_t)(ptr[1] >> 32), (uint32_t)ptr[2], HC8);
        return THE_NON_VALUE;
    case SUB_FLOAT: {
        uint64_t u = float_bits(t);
        mix2(h, (uint32_t)u, (uint32_t)(u >> 32), HC12);
        return THE_NON_VALUE;
    }
    case SUB_EXT_PID:
        /* ERTS mixes in its node-table pointer; girder the node atom. */
        mix2(h, (uint32_t)ext_node(t), ext_pid_creation(t), HC5);
        mix2(h, ext_pid_number(t), ext_pid_serial(t), HC5);
        return THE_NON_VALUE;
    case SUB_EXT_PORT: {
        uint64_t id = ext_port_id(t);
        mix2(h, (uint32_t)ext_node(t), ext_port_creation(t), HC6);
        mix2(h, (uint32_t)id, (uint32_t)(id >> 32), HC6);
        return THE_NON_VALUE;
    }
    case SUB_EXT_REF: {
        uint32_t num[3] = {0};
        for (unsigned i = 0; i < 3 && i < ext_ref_count(t); i++)
            num[i] = ext_ref_number(t, i);
        mix2(h, (uint32_t)ext_node(t), ext_ref_creation(t), HC7);
        mix1(h, num[0], HC7);
        mix2(h, num[1], num[2], HC8);
        return THE_NON_VALUE;
    }
    default:
        return THE_NON_VALUE;          /* not a term (a match state) */
    }
}

uint32_t hash_internal(Term t, uint32_t salt)
{
    uint32_t h = salt ^ INTERNAL_HASH_SALT;
    if (is_immed(t)) {
        mix2(&h, (uint32_t)t, (uint32_t)(t >> 32), HC1);
        return h;
    }
    WStack s;
    ws_init(&s);
    for (;;) {
        if (is_list(t))
            t = internal_list(&s, t, &h);
        else if (is_boxed(t))
            t = internal_boxed(&s, t, &h);
        else {
            mix2(&h, (uint32_t)t, (uint32_t)(t >> 32), HC1);
            t = THE_NON_VALUE;
        }
        while (is_non_value(t)) {
            if (s.n == 0) {
                ws_done(&s);
                return h;
            }
            t = ws_pop(&s);
            if (t == MARK_CDR) {
                const_hash(&h, HC18);
                t = THE_NON_VALUE;
            }
        }
    }
}

uint32_t hash_map_key(Term key, unsigned round)
{
    uint32_t h = 0;
    if (round > 0)
        mix2(&h, round, 1, HC22);
    return hash_internal(key, h);
}

/* ---- make_hash (phash/2) ---- */

#define FN1  268440163u
#define FN2  268439161u
#define FN3  268435459u
#define FN4  268436141u
#define FN5  268438633u
#define FN6  268437017u
#define FN8  268437511u
#define FN9  268439627u
#define FN10 268440479u
#define FN11 268440577u
#define FN12 268440581u
#define FN13 268440593u
#define FN14 268440611u

/* Four bytes of x, least significant first. */
static inline uint32_t step32(uint32_t h, uint32_t x, uint32_t k)
{
    return (((h * k + (x & 0xFF)) * k + ((x >> 8) & 0xFF)) * k + ((x >> 16) & 0xFF)) * k + (x >> 24);
}

enum { OP_TERM, OP_TUPLE, OP_ARRAY, OP_CDR_PRE, OP_CDR_POST };

typedef struct {
    int op;
    const Term *ptr;      /* OP_TUPLE/OP_ARRAY: next element */
    size_t left;          /* elements left */
    size_t arity;         /* OP_TUPLE */
    Term t;               /* OP_CDR_PRE: the tail */
} HOp;

typedef struct {
    HOp *v;
    size_t n, cap;
    HOp local[32];
} HStack;

static void hs_push(HStack *s, HOp op)
{
    if (s->n == s->cap) {
        size_t cap = s->cap * 2;
        HOp *v = malloc(cap * sizeof *v);
        if (!v) {
            fprintf(stderr, "girder: out of memory hashing a term\n");
            abort();
        }
        memcpy(v, s->v, s->n * sizeof *v);
        if (s->v != s->local)
            free(s->v);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = op;
}

static uint32_t hash1_bits(Term t, uint32_t h)
{
    TermBits v;
    term_bits(t, &v);
    size_t sz = v.nbits >> 3;
    unsigned rest = v.nbits & 7;
    uint8_t buf[256], *heap;
    const uint8_t *bytes = aligned_bytes(&v, buf, sizeof buf, &heap);
    for (size_t i = 0; i < sz; i++)
        h = h * FN1 + bytes[i];
    if (rest)
        h = (h * FN1 + (uint32_t)(bytes[sz] >> (8 - rest))) * FN12 + rest;
    free(heap);
    return h * FN4 + (uint32_t)sz;
}

static uint32_t hash1_big(Term t, uint32_t h)
{
    const UWord *l = big_limbs(t);
    size_t n = big_size(t);
    for (size_t i = 0; i < n; i++) {
        UWord d = l[i];
        int bytes = (i + 1 < n || (d >> 32)) ? 8 : 4;
        for (int j = 0; j < bytes; j++, d >>= 8)
            h = h * FN2 + (uint32_t)(d & 0xFF);
    }
    return h * (big_sign(t) ? FN4 : FN3);
}

/* Hash one term's outer layer; returns the next term to hash directly, or
 * THE_NON_VALUE to continue with the stack. */
static Term hash1_term(HStack *s, Term t, uint32_t *hp)
{
    uint32_t h = *hp;
    if (is_small(t)) {
        SWord y1 = small_val(t);
        uint64_t y2 = y1 < 0 ? (uint64_t)0 - (uint64_t)y1 : (uint64_t)y1;
        h = step32(h, (uint32_t)y2, FN2);
        if (y2 >> 32)
            h = step32(h, (uint32_t)(y2 >> 32), FN2);
        h *= y1 < 0 ? FN4 : FN3;
    } else if (is_atom(t)) {
        h = h * FN1 + hash_atom(t);
    } else if (is_nil(t)) {
        h = h * FN3 + 1;
    } else if (is_internal_pid(t)) {
        h = step32(h, (uint32_t)internal_pid_index(t), FN5) * FN6;
    } else if (is_internal_port(t)) {
        uint64_t n = internal_port_index(t);
        if (n >> 32)
            h = step32(h, (uint32_t)(n >> 32), FN11);
        h = step32(h, (uint32_t)n, FN9) * FN10;
    } else if (is_list(t)) {
        const Term *p = list_val(t);
        for (;;) {
            if (!is_byte_term(CAR(p))) {
                hs_push(s, (HOp){ .op = OP_CDR_PRE, .t = CDR(p) });
                *hp = h;
                return CAR(p);
            }
            h = h * FN2 + (uint32_t)small_val(CAR(p));
            if (!is_list(CDR(p))) {
                hs_push(s, (HOp){ .op = OP_CDR_POST });
                *hp = h;
                return CDR(p);
            }
            p = list_val(CDR(p));
        }
    } else if (is_boxed(t)) {
        const Term *ptr = boxed_val(t);
        switch (header_subtag(ptr[0])) {
        case SUB_TUPLE:
            hs_push(s, (HOp){ .op = OP_TUPLE, .ptr = ptr + 1, .left = header_arity(ptr[0]),
                              .arity = header_arity(ptr[0]) });
            break;
        case SUB_FLOAT: {
            uint64_t u = float_bits(t);
            h = h * FN6 + ((uint32_t)u ^ (uint32_t)(u >> 32));
            break;
        }
        case SUB_POS_BIG: case SUB_NEG_BIG:
            h = hash1_big(t, h);
            break;
        case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN:
            h = hash1_bits(t, h);
            break;
        case SUB_REF:
            h = step32(h, (uint32_t)ptr[1], FN9) * FN10;
            break;
        case SUB_MAP:
            h = h * FN13 + FN14 + hash_make_hash2(t);
            break;
        case SUB_EXPORT: {
            const Export *ep = export_of(t);
            h = h * FN11 + ep->arity;
            h = h * FN1 + hash_atom(ep->module);
            h = h * FN1 + hash_atom(ep->function);
            break;
        }
        case SUB_FUN: {
            const FunEntry *fe = fun_entry_of(t);
            uint32_t nf = fun_num_free(t);
            h = h * FN10 + nf;
            h = h * FN1 + hash_atom(fe->module);
            h = h * FN2 + fe->index;
            h = h * FN2 + fe->old_uniq;
            if (nf > 0) {
                if (nf > 1)
                    hs_push(s, (HOp){ .op = OP_ARRAY, .ptr = fun_free_vars(t) + 1, .left = nf - 1 });
                *hp = h;
                return fun_free_vars(t)[0];
            }
            break;
        }
        case SUB_EXT_PID:
            h = step32(h, ext_pid_number(t), FN5) * FN6;
            break;
        case SUB_EXT_PORT: {
            uint64_t id = ext_port_id(t);
            if (id >> 32)
                h = step32(h, (uint32_t)(id >> 32), FN11);
            h = step32(h, (uint32_t)id, FN9) * FN10;
            break;
        }
        case SUB_EXT_REF:
            h = step32(h, ext_ref_count(t) ? ext_ref_number(t, 0) : 0, FN9) * FN10;
            break;
        default:
            break;                     /* not a term (a match state) */
        }
    }
    *hp = h;
    return THE_NON_VALUE;
}

uint32_t hash_make_hash(Term t)
{
    HStack s = { .n = 0, .cap = 32 };
    s.v = s.local;
    uint32_t h = 0;
    for (;;) {
        t = hash1_term(&s, t, &h);
        while (is_non_value(t) && s.n > 0) {
            HOp *op = &s.v[s.n - 1];
            switch (op->op) {
            case OP_TUPLE:
            case OP_ARRAY:
                if (op->left) {
                    t = *op->ptr++;
                    op->left--;
                } else {
                    if (op->op == OP_TUPLE)
                        h = h * FN9 + (uint32_t)op->arity;
                    s.n--;
                }
                break;
            case OP_CDR_PRE:
                t = op->t;
                s.n--;
                if (!is_list(t))
                    hs_push(&s, (HOp){ .op = OP_CDR_POST });
                break;
            case OP_CDR_POST:
                h *= FN8;
                s.n--;
                break;
            }
        }
        if (is_non_value(t))
            break;
    }
    if (s.v != s.local)
        free(s.v);
    return h;
}
