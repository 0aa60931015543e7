/* ext.c — the external term format: decoding (binary_to_term, literals) and
 * encoding (term_to_binary, term_to_iovec, external_size), byte for byte as
 * OTP 25. Both directions use explicit work lists, never C recursion; the
 * decoder checks every length against the input before allocating. */
#include "ext.h"
#include "atom.h"
#include "binary.h"
#include "bignum.h"
#include "compare.h"
#include "fun.h"
#include "map.h"
#include "ref.h"
#include "../base/utf8.h"
#include "../proc/process.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

/* The node girder is, for deciding which decoded pids/ports/refs are local
 * and how local ones are encoded. */
static Term this_node = AM(nonode_at_nohost);
static uint32_t this_creation = 0;

void ext_set_this_node(Term node, uint32_t creation)
{
    this_node = node;
    this_creation = creation;
}

/* Limits, as ERTS. */
#define MAX_LOCAL_PORT      ((UWord)0x0FFFFFFF)   /* 28-bit port numbers */
#define MAX_V3_PORT         ((uint64_t)0x0FFFFFFF)
#define MAX_REF_FIRST       ((uint32_t)1 << 18)   /* first ref number of a local ref */
#define LOCAL_REF_NUMBERS   3
#define MAX_STRING_EXT      0xFFFF
#define MAX_FUN_FREE        255
#define MAX_UNCHECKED_INFLATE (32u * 1024 * 1024)
#define MAX_PID_INDEX       (((UWord)1 << 60) - 1)

static void *xmalloc(size_t n)
{
    void *q = malloc(n ? n : 1);
    if (!q) {
        fprintf(stderr, "girder: out of memory (external term format, %zu bytes)\n", n);
        abort();
    }
    return q;
}

static inline uint16_t get16(const uint8_t *s) { return (uint16_t)(s[0] << 8 | s[1]); }
static inline uint32_t get32(const uint8_t *s)
{
    return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3];
}
static inline uint64_t get64(const uint8_t *s) { return (uint64_t)get32(s) << 32 | get32(s + 4); }
static inline void put32(uint8_t *d, uint32_t v)
{
    d[0] = (uint8_t)(v >> 24); d[1] = (uint8_t)(v >> 16); d[2] = (uint8_t)(v >> 8); d[3] = (uint8_t)v;
}

/* ======================================================================
 * Decoding, pass 1: scan.
 * Walks one encoded term without building anything. It owes `pending`
 * terms at any moment and every one of them needs at least one byte, so
 * `pending` never exceeds the bytes left: that bounds everything pass 2
 * allocates by the input's length. Returns the bytes the term takes (0 if
 * malformed) and an upper estimate of its heap words in *words.
 * ====================================================================== */

static size_t map_words_estimate(size_t n)
{
    return n <= MAP_FLAT_LIMIT ? 2 * n + 4 : 5 * n + 16;     /* HAMTs average ~4.2 words a pair */
}

static size_t bin_words_estimate(size_t n)
{
    return n <= BIN_HEAP_LIMIT ? HEAP_BIN_WORDS(n) : REFC_BIN_WORDS;
}

/* Skip an atom (one of the four atom tags) at *pp. */
static bool scan_atom(const uint8_t **pp, const uint8_t *end)
{
    const uint8_t *p = *pp;
    size_t n;
    if (end - p < 2)
        return false;
    switch (*p++) {
    case EXT_ATOM:
        if (end - p < 2) return false;
        n = get16(p); p += 2;
        if (n > ATOM_MAX_CHARS) return false;
        break;
    case EXT_SMALL_ATOM:
        n = *p++;
        break;
    case EXT_ATOM_UTF8:
        if (end - p < 2) return false;
        n = get16(p); p += 2;
        if (n > 4 * ATOM_MAX_CHARS) return false;
        break;
    case EXT_SMALL_ATOM_UTF8:
        n = *p++;
        break;
    default:
        return false;
    }
    if ((size_t)(end - p) < n)
        return false;
    *pp = p + n;
    return true;
}

static size_t dec_scan(const uint8_t *s, size_t len, size_t *words)
{
    const uint8_t *p = s, *end = s + len;
    size_t pending = 1, w = 0, n;
#define NEED(k) do { if ((size_t)(end - p) < (size_t)(k)) return 0; } while (0)
    while (pending) {
        pending--;
        NEED(1);
        uint8_t tag = *p++;
        switch (tag) {
        case EXT_SMALL_INTEGER: NEED(1); p += 1; break;
        case EXT_INTEGER: NEED(4); p += 4; break;
        case EXT_FLOAT: NEED(31); p += 31; w += FLOAT_WORDS; break;
        case EXT_NEW_FLOAT: NEED(8); p += 8; w += FLOAT_WORDS; break;
        case EXT_ATOM: case EXT_SMALL_ATOM: case EXT_ATOM_UTF8: case EXT_SMALL_ATOM_UTF8:
            p--;
            if (!scan_atom(&p, end)) return 0;
            break;
        case EXT_SMALL_TUPLE:
            NEED(1); n = *p++;
            pending += n; w += 1 + n;
            break;
        case EXT_LARGE_TUPLE:
            NEED(4); n = get32(p); p += 4;
            pending += n; w += 1 + n;
            break;
        case EXT_NIL: break;
        case EXT_STRING:
            NEED(2); n = get16(p); p += 2;
            NEED(n); p += n; w += 2 * n;
            break;
        case EXT_LIST:
            NEED(4); n = get32(p); p += 4;
            pending += n + 1; w += 2 * n;
            break;
        case EXT_BINARY:
            NEED(4); n = get32(p); p += 4;
            NEED(n); p += n; w += bin_words_estimate(n);
            break;
        case EXT_BIT_BINARY:
            NEED(5); n = get32(p); p += 5;
            NEED(n); p += n; w += bin_words_estimate(n) + SUB_BIN_WORDS;
            break;
        case EXT_SMALL_BIG:
            NEED(2); n = p[0]; p += 2;
            NEED(n); p += n; w += 1 + (n + 7) / 8;
            break;
        case EXT_LARGE_BIG:
            NEED(5); n = get32(p); p += 5;
            if (n > BN_MAX_LIMBS * sizeof(UWord)) return 0;
            NEED(n); p += n; w += 1 + (n + 7) / 8;
            break;
        case EXT_MAP:
            NEED(4); n = get32(p); p += 4;
            if (n >> 31) return 0;
            pending += 2 * n; w += map_words_estimate(n);
            break;
        case EXT_NEW_FUN:
            NEED(4 + 1 + 16 + 4 + 4);
            n = get32(p + 25); p += 29;
            if (n > MAX_FUN_FREE) return 0;
            pending += 4 + n; w += 4 + n;      /* module, index, uniq, creator */
            break;
        case EXT_EXPORT:
            pending += 3; w += EXPORT_FUN_WORDS;
            break;
        case EXT_PID: case EXT_NEW_PID:
            if (!scan_atom(&p, end)) return 0;
            n = tag == EXT_PID ? 9 : 12;
            NEED(n); p += n; w += EXT_PID_WORDS;
            break;
        case EXT_PORT: case EXT_NEW_PORT: case EXT_V4_PORT:
            if (!scan_atom(&p, end)) return 0;
            n = tag == EXT_PORT ? 5 : tag == EXT_NEW_PORT ? 8 : 12;
            NEED(n); p += n; w += EXT_PORT_WORDS;
            break;
        case EXT_REFERENCE:
            if (!scan_atom(&p, end)) return 0;
            NEED(5); p += 5; w += 3 + 1;
            break;
        case EXT_NEW_REFERENCE: case EXT_NEWER_REFERENCE:
            NEED(2); n = get16(p); p += 2;
            if (n > EXT_REF_MAX_NUMBERS) return 0;
            if (!scan_atom(&p, end)) return 0;
            n = (tag == EXT_NEW_REFERENCE ? 1 : 4) + 4 * n;
            NEED(n); p += n; w += 3 + EXT_REF_MAX_NUMBERS;
            break;
        default:
            return 0;
        }
        if (pending > (size_t)(end - p))
            return 0;
    }
#undef NEED
    *words = w;
    return (size_t)(p - s);
}

/* ======================================================================
 * Decoding, pass 2: build.
 * The slots still to fill form a chain through the slots themselves: each
 * unfilled slot holds the address of the next one (NULL ends it), so a
 * container of n elements costs no extra memory however deep the nesting.
 * A map's pairs are decoded into a malloc'd scratch array and the map is
 * built at the end, innermost first. On failure every unfilled slot is set
 * to [] so whatever was allocated is a valid (dead) term.
 * ====================================================================== */

typedef struct { Term *dst; Term *kv; size_t n; } MapFix;

typedef struct {
    Process *p;
    const uint8_t *s, *end;
    unsigned flags;
    MapFix *maps;
    size_t nmaps, capmaps;
} Dec;

#define DNEED(d, k) do { if ((size_t)((d)->end - (d)->s) < (size_t)(k)) return false; } while (0)

static inline void push_slot(Term **next, Term *slot)
{
    *slot = (Term)(UWord)*next;
    *next = slot;
}

static bool make_atom_from(Dec *d, const uint8_t *s, size_t n, bool latin1, Term *out)
{
    Term a;
    if (latin1) {
        if (n > ATOM_MAX_CHARS)
            return false;
        if (d->flags & EXT_DEC_SAFE) {
            uint8_t buf[2 * ATOM_MAX_CHARS];
            size_t k = 0;
            for (size_t i = 0; i < n; i++)
                k += utf8_encode(s[i], buf + k);
            a = atom_lookup((const char *)buf, k);
        } else {
            a = atom_put_latin1(s, n);
        }
    } else {
        if (n > 4 * ATOM_MAX_CHARS)
            return false;
        a = (d->flags & EXT_DEC_SAFE) ? atom_lookup((const char *)s, n)
                                      : atom_put((const char *)s, n);
    }
    if (is_non_value(a))
        return false;
    *out = a;
    return true;
}

/* An atom with its tag (node names, fun modules, export MFAs). */
static bool dec_atom(Dec *d, Term *out)
{
    DNEED(d, 2);
    uint8_t tag = *d->s++;
    size_t n;
    bool latin1 = tag == EXT_ATOM || tag == EXT_SMALL_ATOM;
    if (tag == EXT_ATOM || tag == EXT_ATOM_UTF8) {
        DNEED(d, 2);
        n = get16(d->s);
        d->s += 2;
    } else if (tag == EXT_SMALL_ATOM || tag == EXT_SMALL_ATOM_UTF8) {
        n = *d->s++;
    } else {
        return false;
    }
    DNEED(d, n);
    if (!make_atom_from(d, d->s, n, latin1, out))
        return false;
    d->s += n;
    return true;
}

/* An integer that must decode to a small (fun indices, export arity): ERTS
 * decodes any term there and rejects all but smalls. */
static bool dec_small(Dec *d, SWord *out)
{
    DNEED(d, 2);
    uint8_t tag = *d->s++;
    if (tag == EXT_SMALL_INTEGER) {
        *out = *d->s++;
        return true;
    }
    if (tag == EXT_INTEGER) {
        DNEED(d, 4);
        *out = (int32_t)get32(d->s);
        d->s += 4;
        return true;
    }
    size_t n;
    if (tag == EXT_SMALL_BIG) {
        n = *d->s++;
    } else if (tag == EXT_LARGE_BIG) {
        DNEED(d, 4);
        n = get32(d->s);
        d->s += 4;
    } else {
        return false;
    }
    DNEED(d, n + 1);
    bool neg = d->s[0] != 0;
    const uint8_t *m = d->s + 1;
    d->s += n + 1;
    while (n && m[n - 1] == 0)
        n--;
    if (n > 8)
        return false;
    UWord mag = 0;
    for (size_t i = 0; i < n; i++)
        mag |= (UWord)m[i] << (8 * i);
    if (neg ? mag > (UWord)MAX_SMALL + 1 : mag > (UWord)MAX_SMALL)
        return false;
    *out = neg ? (SWord)(0 - mag) : (SWord)mag;
    return true;
}

static Term dec_big(Dec *d, const uint8_t *m, size_t n, bool neg)
{
    while (n && m[n - 1] == 0)
        n--;
    if (!n)
        return make_small(0);
    size_t nl = (n + sizeof(UWord) - 1) / sizeof(UWord);
    UWord local[8];
    UWord *limbs = nl <= 8 ? local : xmalloc(nl * sizeof(UWord));
    memset(limbs, 0, nl * sizeof(UWord));
    for (size_t i = 0; i < n; i++)
        limbs[i / 8] |= (UWord)m[i] << (8 * (i % 8));
    Term t = bn_from_limbs(d->p, limbs, nl, neg);
    if (limbs != local)
        free(limbs);
    return t;
}

/* FLOAT_EXT: 31 bytes of "%.20e" text, NUL-padded. Syntax as ERTS checks it
 * (sign, digits, '.' or ',', digits, optional exponent, then NUL). */
static bool parse_float_text(const uint8_t *s, double *out)
{
    char buf[32];
    memcpy(buf, s, 31);
    buf[31] = 0;
    char *q = buf, *t;
#define DIG(c) ((c) >= '0' && (c) <= '9')
    if (*q == '+' || *q == '-') q++;
    if (!DIG(*q)) return false;
    while (DIG(*q)) q++;
    if (*q != '.' && *q != ',') return false;
    *q++ = '.';
    if (!DIG(*q)) return false;
    while (DIG(*q)) q++;
    if (*q == 'e' || *q == 'E') {
        q++;
        if (*q == '+' || *q == '-') q++;
        if (!DIG(*q)) return false;
        while (DIG(*q)) q++;
    }
    if (*q) return false;
#undef DIG
    errno = 0;
    double v = strtod(buf, &t);
    if (t != q || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static inline bool is_this_node(Term node, uint32_t creation)
{
    return node == this_node && creation == this_creation;
}

static bool dec_pid(Dec *d, uint8_t tag, Term *obj)
{
    Term node;
    if (!dec_atom(d, &node))
        return false;
    DNEED(d, tag == EXT_PID ? 9 : 12);
    uint32_t num = get32(d->s), ser = get32(d->s + 4), cre;
    if (tag == EXT_PID) {
        cre = d->s[8];
        if (cre > 3)
            return false;
        d->s += 9;
    } else {
        cre = get32(d->s + 8);
        d->s += 12;
    }
    if (is_this_node(node, cre)) {
        /* girder's pid index is number + serial * 2^32 (see ext_encode). */
        UWord idx = (UWord)ser << 32 | num;
        if (idx > MAX_PID_INDEX)
            return false;
        *obj = make_internal_pid(idx);
        return true;
    }
    Term *hp = proc_alloc(d->p, EXT_PID_WORDS);
    hp[0] = make_header(EXT_PID_WORDS - 1, SUB_EXT_PID);
    hp[1] = node;
    hp[2] = make_small(num);
    hp[3] = make_small(ser);
    hp[4] = make_small(cre);
    *obj = make_boxed(hp);
    return true;
}

static bool dec_port(Dec *d, uint8_t tag, Term *obj)
{
    Term node;
    if (!dec_atom(d, &node))
        return false;
    uint64_t num;
    uint32_t cre;
    if (tag == EXT_V4_PORT) {
        DNEED(d, 12);
        num = get64(d->s);
        cre = get32(d->s + 8);
        d->s += 12;
    } else if (tag == EXT_NEW_PORT) {
        DNEED(d, 8);
        num = get32(d->s);
        cre = get32(d->s + 4);
        d->s += 8;
    } else {
        DNEED(d, 5);
        num = get32(d->s);
        cre = d->s[4];
        if (cre > 3)
            return false;
        d->s += 5;
    }
    if (is_this_node(node, cre)) {
        if (num > MAX_LOCAL_PORT)
            return false;
        *obj = make_internal_port((UWord)num);
        return true;
    }
    Term *hp = proc_alloc(d->p, EXT_PORT_WORDS);
    hp[0] = make_header(EXT_PORT_WORDS - 1, SUB_EXT_PORT);
    hp[1] = node;
    hp[2] = make_small(num >> 32);
    hp[3] = make_small(num & 0xFFFFFFFFu);
    hp[4] = make_small(cre);
    *obj = make_boxed(hp);
    return true;
}

static bool dec_ref(Dec *d, uint8_t tag, Term *obj)
{
    size_t n = 1;
    Term node;
    uint32_t cre, num[EXT_REF_MAX_NUMBERS] = {0};
    if (tag != EXT_REFERENCE) {
        DNEED(d, 2);
        n = get16(d->s);
        d->s += 2;
        if (n > EXT_REF_MAX_NUMBERS)
            return false;
    }
    if (!dec_atom(d, &node))
        return false;
    if (tag == EXT_REFERENCE) {
        DNEED(d, 5);
        num[0] = get32(d->s);
        cre = d->s[4];
        d->s += 5;
    } else {
        size_t cl = tag == EXT_NEW_REFERENCE ? 1 : 4;
        DNEED(d, cl + 4 * n);
        cre = cl == 1 ? d->s[0] : get32(d->s);
        d->s += cl;
        for (size_t i = 0; i < n; i++, d->s += 4)
            num[i] = get32(d->s);
    }
    if (tag != EXT_NEWER_REFERENCE && (cre > 3 || num[0] >= MAX_REF_FIRST))
        return false;
    if (is_this_node(node, cre)) {
        if (n > LOCAL_REF_NUMBERS || num[0] >= MAX_REF_FIRST)
            return false;
        Term *hp = proc_alloc(d->p, REF_WORDS);
        hp[0] = REF_HEADER;
        hp[1] = (Term)num[0] | (Term)num[1] << 32;
        hp[2] = (Term)num[2];
        *obj = make_boxed(hp);
        return true;
    }
    Term *hp = proc_alloc(d->p, 3 + n);
    hp[0] = make_header(2 + n, SUB_EXT_REF);
    hp[1] = node;
    hp[2] = make_small(cre);
    for (size_t i = 0; i < n; i++)
        hp[3 + i] = make_small(num[i]);
    *obj = make_boxed(hp);
    return true;
}

static bool dec_fun(Dec *d, Term *obj, Term **next)
{
    DNEED(d, 4 + 1 + 16 + 4 + 4);
    const uint8_t *f = d->s;
    uint32_t arity = f[4], index = get32(f + 21), nfree = get32(f + 25);
    const uint8_t *md5 = f + 5;
    d->s += 29;
    if (nfree > MAX_FUN_FREE)
        return false;
    Term module;
    SWord old_index, old_uniq;
    if (!dec_atom(d, &module) || !dec_small(d, &old_index) || !dec_small(d, &old_uniq))
        return false;
    FunEntry *fe = fun_entry_get(module, index, (uint32_t)old_uniq, md5, arity, nfree);
    Term *hp = proc_alloc(d->p, 4 + nfree);
    hp[0] = FUN_HEADER(nfree);
    hp[1] = (Term)(UWord)fe;
    hp[2] = (Term)nfree;
    /* creator first, then the free variables in order */
    for (size_t i = nfree; i-- > 0;)
        push_slot(next, hp + 4 + i);
    push_slot(next, hp + 3);
    *obj = make_boxed(hp);
    return true;
}

static bool dec_export(Dec *d, Term *obj)
{
    Term m, f;
    SWord arity;
    if (!dec_atom(d, &m) || !dec_atom(d, &f) || !dec_small(d, &arity))
        return false;
    if (arity < 0 || arity > (SWord)UINT32_MAX)
        return false;
    Export *e = export_get(m, f, (uint32_t)arity);
    /* [safe] accepts only functions that exist (loaded code or a BIF). */
    if ((d->flags & EXT_DEC_SAFE) && !e->addr && !e->bif)
        return false;
    Term *hp = proc_alloc(d->p, EXPORT_FUN_WORDS);
    hp[0] = make_header(EXPORT_FUN_WORDS - 1, SUB_EXPORT);
    hp[1] = (Term)(UWord)e;
    *obj = make_boxed(hp);
    return true;
}

static bool dec_map(Dec *d, Term *obj, Term **next)
{
    DNEED(d, 4);
    size_t n = get32(d->s);
    d->s += 4;
    if (n == 0) {
        *obj = map_new_from_kvs(d->p, NULL, NULL, 0);
        return true;
    }
    if (n >> 31 || 2 * n > (size_t)(d->end - d->s))
        return false;
    if (d->nmaps == d->capmaps) {
        d->capmaps = d->capmaps ? 2 * d->capmaps : 8;
        MapFix *m = realloc(d->maps, d->capmaps * sizeof *m);
        if (!m)
            abort();
        d->maps = m;
    }
    Term *kv = xmalloc(2 * n * sizeof(Term));   /* keys, then values */
    d->maps[d->nmaps++] = (MapFix){ obj, kv, n };
    for (size_t i = n; i-- > 0;) {
        push_slot(next, kv + n + i);
        push_slot(next, kv + i);
    }
    return true;
}

static bool dec_list(Dec *d, Term *obj, Term **next)
{
    DNEED(d, 4);
    size_t n = get32(d->s);
    d->s += 4;
    if (n == 0) {            /* as ERTS: the "list" is its tail */
        push_slot(next, obj);
        return true;
    }
    if (n > (size_t)(d->end - d->s))
        return false;
    Term *hp = proc_alloc(d->p, 2 * n);
    push_slot(next, hp + 2 * n - 1);     /* the tail, decoded last */
    for (size_t i = n; i-- > 0;) {
        if (i + 1 < n)
            hp[2 * i + 1] = make_list(hp + 2 * i + 2);
        push_slot(next, hp + 2 * i);
    }
    *obj = make_list(hp);
    return true;
}

static bool dec_bits(Dec *d, uint8_t tag, Term *obj)
{
    size_t hdr = tag == EXT_BINARY ? 4 : 5;
    DNEED(d, hdr);
    size_t n = get32(d->s);
    unsigned bits = tag == EXT_BINARY ? 8 : d->s[4];
    if (tag == EXT_BIT_BINARY && ((bits == 0) != (n == 0) || bits > 8))
        return false;
    d->s += hdr;
    DNEED(d, n);
    Term b = bin_new(d->p, d->s, n);
    d->s += n;
    if (n && bits != 8)
        b = bin_sub(d->p, b, 0, (n - 1) * 8 + bits);
    *obj = b;
    return true;
}

static bool dec_tuple(Dec *d, size_t n, Term *obj, Term **next)
{
    if (n > (size_t)(d->end - d->s))
        return false;
    Term *hp = proc_alloc(d->p, 1 + n);
    hp[0] = make_arityval(n);
    for (size_t i = n; i > 0; i--)
        push_slot(next, hp + i);
    *obj = make_tuple(hp);
    return true;
}

/* Decode the item at d->s into *obj, pushing the slots of its elements. */
static bool dec_one(Dec *d, Term *obj, Term **next)
{
    DNEED(d, 1);
    uint8_t tag = *d->s++;
    size_t n;
    switch (tag) {
    case EXT_SMALL_INTEGER:
        DNEED(d, 1);
        *obj = make_small(*d->s++);
        return true;
    case EXT_INTEGER:
        DNEED(d, 4);
        *obj = make_small((int32_t)get32(d->s));
        d->s += 4;
        return true;
    case EXT_SMALL_BIG: case EXT_LARGE_BIG: {
        size_t hl = tag == EXT_SMALL_BIG ? 1 : 4;
        DNEED(d, hl + 1);
        n = hl == 1 ? d->s[0] : get32(d->s);
        if (n > BN_MAX_LIMBS * sizeof(UWord))
            return false;
        d->s += hl;
        DNEED(d, 1 + n);
        *obj = dec_big(d, d->s + 1, n, d->s[0] != 0);
        d->s += 1 + n;
        return true;
    }
    case EXT_FLOAT: case EXT_NEW_FLOAT: {
        double v;
        if (tag == EXT_FLOAT) {
            DNEED(d, 31);
            if (!parse_float_text(d->s, &v))
                return false;
            d->s += 31;
        } else {
            DNEED(d, 8);
            uint64_t bits = get64(d->s);
            memcpy(&v, &bits, 8);
            if (!isfinite(v))
                return false;
            d->s += 8;
        }
        *obj = make_float_at(proc_alloc(d->p, FLOAT_WORDS), v);
        return true;
    }
    case EXT_ATOM: case EXT_SMALL_ATOM: case EXT_ATOM_UTF8: case EXT_SMALL_ATOM_UTF8:
        d->s--;
        return dec_atom(d, obj);
    case EXT_SMALL_TUPLE:
        DNEED(d, 1);
        n = *d->s++;
        return dec_tuple(d, n, obj, next);
    case EXT_LARGE_TUPLE:
        DNEED(d, 4);
        n = get32(d->s);
        d->s += 4;
        return dec_tuple(d, n, obj, next);
    case EXT_NIL:
        *obj = NIL;
        return true;
    case EXT_STRING: {
        DNEED(d, 2);
        n = get16(d->s);
        d->s += 2;
        DNEED(d, n);
        if (n == 0) {
            *obj = NIL;
            return true;
        }
        Term *hp = proc_alloc(d->p, 2 * n);
        for (size_t i = 0; i < n; i++) {
            hp[2 * i] = make_small(d->s[i]);
            hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : NIL;
        }
        d->s += n;
        *obj = make_list(hp);
        return true;
    }
    case EXT_LIST:
        return dec_list(d, obj, next);
    case EXT_BINARY: case EXT_BIT_BINARY:
        return dec_bits(d, tag, obj);
    case EXT_MAP:
        return dec_map(d, obj, next);
    case EXT_NEW_FUN:
        return dec_fun(d, obj, next);
    case EXT_EXPORT:
        return dec_export(d, obj);
    case EXT_PID: case EXT_NEW_PID:
        return dec_pid(d, tag, obj);
    case EXT_PORT: case EXT_NEW_PORT: case EXT_V4_PORT:
        return dec_port(d, tag, obj);
    case EXT_REFERENCE: case EXT_NEW_REFERENCE: case EXT_NEWER_REFERENCE:
        return dec_ref(d, tag, obj);
    default:                 /* ATOM_CACHE_REF, FUN_EXT, unknown */
        return false;
    }
}

/* Build the maps, innermost (last recorded) first; false on duplicate keys. */
static bool dec_fix_maps(Dec *d, bool ok)
{
    for (size_t i = d->nmaps; i-- > 0;) {
        MapFix *f = &d->maps[i];
        if (ok) {
            Term m = map_new_from_kvs(d->p, f->kv, f->kv + f->n, f->n);
            if (map_size(m) != f->n)
                ok = false;        /* a later duplicate replaced a key */
            else
                *f->dst = m;
        }
        free(f->kv);
    }
    free(d->maps);
    d->maps = NULL;
    d->nmaps = d->capmaps = 0;
    return ok;
}

static bool dec_build(Dec *d, Term *result)
{
    Term *next = result;
    *result = (Term)0;
    while (next) {
        Term *obj = next;
        next = (Term *)(UWord)*obj;
        *obj = NIL;
        if (!dec_one(d, obj, &next)) {
            while (next) {           /* leave every allocated slot valid */
                Term *q = (Term *)(UWord)*next;
                *next = NIL;
                next = q;
            }
            dec_fix_maps(d, false);
            *result = NIL;
            return false;
        }
    }
    return dec_fix_maps(d, true);
}

/* Inflate exactly dlen bytes from src; NULL if the stream is bad or does not
 * hold exactly dlen bytes. *in_used: compressed bytes consumed. */
static uint8_t *ext_inflate(const uint8_t *src, size_t slen, size_t dlen, size_t *in_used)
{
    z_stream zs;
    if (slen > UINT32_MAX)
        slen = UINT32_MAX;
    if (dlen > MAX_UNCHECKED_INFLATE) {
        /* A corrupt length must not make us allocate gigabytes: inflate
         * once into a scratch buffer to measure the real size first. */
        uint8_t *scratch = xmalloc(65536);
        memset(&zs, 0, sizeof zs);
        if (inflateInit(&zs) != Z_OK) {
            free(scratch);
            return NULL;
        }
        zs.next_in = (Bytef *)src;
        zs.avail_in = (uInt)slen;
        int r;
        do {
            zs.next_out = scratch;
            zs.avail_out = 65536;
            r = inflate(&zs, Z_NO_FLUSH);
        } while (r == Z_OK && zs.total_out <= dlen);
        size_t real = zs.total_out;
        inflateEnd(&zs);
        free(scratch);
        if (r != Z_STREAM_END || real != dlen)
            return NULL;
    }
    uint8_t *out = malloc(dlen ? dlen : 1);
    if (!out)
        return NULL;
    memset(&zs, 0, sizeof zs);
    if (inflateInit(&zs) != Z_OK) {
        free(out);
        return NULL;
    }
    zs.next_in = (Bytef *)src;
    zs.avail_in = (uInt)slen;
    size_t left = dlen;
    int r;
    do {
        uInt chunk = left > (1u << 30) ? (1u << 30) : (uInt)left;
        zs.next_out = out + (dlen - left);
        zs.avail_out = chunk;
        r = inflate(&zs, Z_NO_FLUSH);
        left -= chunk - zs.avail_out;
    } while (r == Z_OK && left > 0);
    if (r == Z_OK && left == 0) {
        /* all bytes are out; the stream must end here */
        uint8_t extra;
        zs.next_out = &extra;
        zs.avail_out = 1;
        r = inflate(&zs, Z_NO_FLUSH);
        if (zs.avail_out == 0)
            r = Z_DATA_ERROR;
    }
    *in_used = zs.total_in;
    inflateEnd(&zs);
    if (r != Z_STREAM_END || left != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Strip the version byte and inflate a COMPRESSED term. On success *s, *n
 * are the term's bytes, *tmp what to free afterwards, and *cused the bytes
 * of buf a compressed term consumed (0 when not compressed). */
static bool dec_prepare(const uint8_t *buf, size_t len, const uint8_t **s, size_t *n,
                        uint8_t **tmp, size_t *cused)
{
    *tmp = NULL;
    *cused = 0;
    if (len < 1 || buf[0] != EXT_VERSION)
        return false;
    *s = buf + 1;
    *n = len - 1;
    if (*n >= 5 && buf[1] == EXT_COMPRESSED) {
        size_t in_used = 0;
        size_t dlen = get32(buf + 2);
        *tmp = ext_inflate(buf + 6, len - 6, dlen, &in_used);
        if (!*tmp)
            return false;
        *s = *tmp;
        *n = dlen;
        *cused = 6 + in_used;
    }
    return true;
}

static Term ext_decode_into(Process *p, const uint8_t *s, size_t n, unsigned flags, size_t *used)
{
    Dec d = { p, s, s + n, flags, NULL, 0, 0 };
    Term t;
    if (!dec_build(&d, &t))
        return THE_NON_VALUE;
    *used = (size_t)(d.s - s);
    return t;
}

Term ext_decode(Process *p, const uint8_t *buf, size_t len, size_t *used, unsigned flags)
{
    const uint8_t *s;
    size_t n, cused, words, u;
    uint8_t *tmp;
    if (!dec_prepare(buf, len, &s, &n, &tmp, &cused))
        return THE_NON_VALUE;
    Term t = THE_NON_VALUE;
    if (dec_scan(s, n, &words))
        t = ext_decode_into(p, s, n, flags, &u);
    free(tmp);
    if (is_value(t) && used)
        *used = cused ? cused : 1 + u;
    return t;
}

Term ext_decode_literal(const uint8_t *buf, size_t len, ExtLiteral *area)
{
    const uint8_t *s;
    size_t n, cused, words, u;
    uint8_t *tmp;
    memset(area, 0, sizeof *area);
    if (!dec_prepare(buf, len, &s, &n, &tmp, &cused))
        return THE_NON_VALUE;
    if (!dec_scan(s, n, &words)) {
        free(tmp);
        return THE_NON_VALUE;
    }
    /* A process block whose heap is the literal area: every constructor
     * (bignums, maps, binaries) allocates through proc_alloc, so they all
     * land in the area, or in fragments if the estimate was short. */
    Process *fp = calloc(1, sizeof *fp);
    if (!fp)
        abort();
    size_t size = words ? words : 1;
    fp->heap = xmalloc(size * sizeof(Term));
    fp->htop = fp->heap;
    fp->stop = fp->hend = fp->heap + size;
    Term t = ext_decode_into(fp, s, n, 0, &u);
    free(tmp);
    if (is_non_value(t)) {
        bin_offheap_release_list(fp->off_heap);
        proc_free_heap_frags(fp);
        free(fp->heap);
        free(fp);
        return THE_NON_VALUE;
    }
    area->heap = fp->heap;
    area->used = (size_t)(fp->htop - fp->heap);
    area->size = size;
    area->frags = fp->frags;
    area->off_heap = fp->off_heap;
    free(fp);
    return t;
}

void ext_literal_free(ExtLiteral *area)
{
    bin_offheap_release_list(area->off_heap);
    HeapFrag *f = area->frags;
    while (f) {
        HeapFrag *nx = f->next;
        free(f);
        f = nx;
    }
    free(area->heap);
    memset(area, 0, sizeof *area);
}

/* ======================================================================
 * Encoding.
 * One walker serves both the size pass (buf == NULL: it only counts) and
 * the writing pass, so the two can never disagree. Work items on an explicit
 * stack: a term, the rest of a list, the rest of an array (tuple elements,
 * fun environment, map pairs), or a fun whose size field is to be patched.
 * ====================================================================== */

enum { K_TERM, K_LIST, K_ARRAY, K_FUNSIZE };

typedef struct {
    uint8_t kind;
    Term t;               /* K_TERM: the term; K_LIST: remaining cells */
    const Term *ptr;      /* K_ARRAY: next element */
    size_t n;             /* K_ARRAY: elements left; K_FUNSIZE: size field position */
    size_t start;         /* K_FUNSIZE: logical offset of the size field */
    Term *owned;          /* K_ARRAY: malloc'd array to free when done */
} EncItem;

typedef struct { size_t pos; Term bin; } EncSplit;

typedef struct {
    uint8_t *buf;         /* NULL: size pass */
    size_t pos;           /* bytes written (or counted) */
    size_t skipped;       /* bytes of binaries left out of buf (iovec) */
    unsigned flags;
    bool iovec;
    Process *p;           /* for iovec sub binaries (writing pass only) */
    EncItem *stack;
    size_t sp, cap;
    EncSplit *splits;
    size_t nsplits, capsplits;
} Enc;

/* Beyond this the size cannot be real (a term with much sharing). */
#define ENC_MAX_SIZE ((size_t)1 << 62)

static inline void out8(Enc *e, unsigned v)
{
    if (e->buf)
        e->buf[e->pos] = (uint8_t)v;
    e->pos++;
}
static inline void out16(Enc *e, unsigned v) { out8(e, v >> 8); out8(e, v); }
static inline void out32(Enc *e, uint32_t v)
{
    if (e->buf)
        put32(e->buf + e->pos, v);
    e->pos += 4;
}
static inline void out_bytes(Enc *e, const void *src, size_t n)
{
    if (e->buf && n)
        memcpy(e->buf + e->pos, src, n);
    e->pos += n;
}

static void enc_push(Enc *e, EncItem it)
{
    if (e->sp == e->cap) {
        e->cap = e->cap ? 2 * e->cap : 64;
        EncItem *s = realloc(e->stack, e->cap * sizeof *s);
        if (!s)
            abort();
        e->stack = s;
    }
    e->stack[e->sp++] = it;
}

static void enc_atom(Enc *e, Term a)
{
    const Atom *at = atom_get(a);
    size_t len = at->len;
    if ((e->flags & EXT_ENC_UTF8_ATOMS) || !at->latin1) {
        if (len > 255) {
            out8(e, EXT_ATOM_UTF8);
            out16(e, (unsigned)len);
        } else {
            out8(e, EXT_SMALL_ATOM_UTF8);
            out8(e, (unsigned)len);
        }
        out_bytes(e, at->text, len);
        return;
    }
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += (at->text[i] & 0xC0) != 0x80;
    out8(e, EXT_ATOM);
    out16(e, (unsigned)chars);
    if (chars == len) {
        out_bytes(e, at->text, len);
        return;
    }
    for (size_t i = 0; i < len; i++) {       /* UTF-8 to Latin-1 */
        uint8_t c = at->text[i];
        if (c >= 0x80) {
            c = (uint8_t)((c & 0x1F) << 6 | (at->text[i + 1] & 0x3F));
            i++;
        }
        out8(e, c);
    }
}

static void enc_small(Enc *e, SWord v)
{
    if ((UWord)v < 256) {
        out8(e, EXT_SMALL_INTEGER);
        out8(e, (unsigned)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        out8(e, EXT_INTEGER);
        out32(e, (uint32_t)v);
    } else {
        UWord m = v < 0 ? 0 - (UWord)v : (UWord)v;
        unsigned n = 0;
        for (UWord x = m; x; x >>= 8)
            n++;
        out8(e, EXT_SMALL_BIG);
        out8(e, n);
        out8(e, v < 0);
        for (unsigned i = 0; i < n; i++)
            out8(e, (unsigned)(m >> (8 * i)));
    }
}

static void enc_big(Enc *e, Term t)
{
    size_t nl = big_size(t);
    const UWord *l = big_limbs(t);
    UWord top = l[nl - 1];
    size_t n = (nl - 1) * sizeof(UWord);
    for (; top; top >>= 8)
        n++;
    if (n < 256) {
        out8(e, EXT_SMALL_BIG);
        out8(e, (unsigned)n);
    } else {
        out8(e, EXT_LARGE_BIG);
        out32(e, (uint32_t)n);
    }
    out8(e, big_sign(t) ? 1 : 0);
    for (size_t i = 0; i < n; i++)
        out8(e, (unsigned)(l[i / 8] >> (8 * (i % 8))));
}

static void enc_float(Enc *e, double v)
{
    if (e->flags & EXT_ENC_FLOAT_TEXT) {
        char buf[64];
        int k = snprintf(buf, sizeof buf, "%.20e", v);
        memset(buf + k, 0, sizeof buf - (size_t)k);
        out8(e, EXT_FLOAT);
        out_bytes(e, buf, 31);
        return;
    }
    uint64_t bits;
    memcpy(&bits, &v, 8);
    out8(e, EXT_NEW_FLOAT);
    out32(e, (uint32_t)(bits >> 32));
    out32(e, (uint32_t)bits);
}

static void enc_pid_parts(Enc *e, Term node, uint32_t num, uint32_t ser, uint32_t cre)
{
    out8(e, EXT_NEW_PID);
    enc_atom(e, node);
    out32(e, num);
    out32(e, ser);
    out32(e, cre);
}

static void enc_port_parts(Enc *e, Term node, uint64_t id, uint32_t cre)
{
    out8(e, id > MAX_V3_PORT ? EXT_V4_PORT : EXT_NEW_PORT);
    enc_atom(e, node);
    if (id > MAX_V3_PORT) {
        out32(e, (uint32_t)(id >> 32));
        out32(e, (uint32_t)id);
    } else {
        out32(e, (uint32_t)id);
    }
    out32(e, cre);
}

static void enc_ref(Enc *e, Term t)
{
    out8(e, EXT_NEWER_REFERENCE);
    if (is_internal_ref(t)) {
        const Term *r = boxed_val(t);
        out16(e, LOCAL_REF_NUMBERS);
        enc_atom(e, this_node);
        out32(e, this_creation);
        out32(e, (uint32_t)r[1]);
        out32(e, (uint32_t)(r[1] >> 32));
        out32(e, (uint32_t)r[2]);
        return;
    }
    unsigned n = ext_ref_count(t);
    out16(e, n);
    enc_atom(e, ext_node(t));
    out32(e, ext_ref_creation(t));
    for (unsigned i = 0; i < n; i++)
        out32(e, ext_ref_number(t, i));
}

/* Returns 0, or the error atom. */
static Term enc_bits(Enc *e, Term t)
{
    const uint8_t *base;
    size_t off, bits;
    bin_view(t, &base, &off, &bits);
    size_t nb = bits / 8;
    unsigned rb = (unsigned)(bits % 8);
    if (nb + (rb != 0) > UINT32_MAX)
        return AM(system_limit);
    /* term_to_iovec: a large byte-aligned binary is referenced, not copied */
    bool split = e->iovec && off % 8 == 0 && nb > BIN_HEAP_LIMIT;
    if (!rb) {
        out8(e, EXT_BINARY);
        out32(e, (uint32_t)nb);
    } else {
        out8(e, EXT_BIT_BINARY);
        out32(e, (uint32_t)(nb + 1));
        out8(e, rb);
    }
    if (split) {
        if (e->buf) {
            if (e->nsplits == e->capsplits) {
                e->capsplits = e->capsplits ? 2 * e->capsplits : 8;
                EncSplit *s = realloc(e->splits, e->capsplits * sizeof *s);
                if (!s)
                    abort();
                e->splits = s;
            }
            Term part = rb ? bin_sub(e->p, t, 0, nb * 8) : t;
            e->splits[e->nsplits++] = (EncSplit){ e->pos, part };
        }
        e->skipped += nb;
    } else if (off % 8 == 0) {
        out_bytes(e, base + off / 8, nb);
    } else {
        if (e->buf)
            bin_copy_bits(e->buf + e->pos, 0, base, off, nb * 8);
        e->pos += nb;
    }
    if (rb)
        out8(e, bin_fetch_bits(base, off + nb * 8, rb));
    return 0;
}

/* A proper list of at most 65535 integers 0..255 goes as STRING_EXT. */
static bool list_shape(Term l, size_t *len)
{
    size_t n = 0;
    bool str = true;
    while (is_list(l)) {
        const Term *c = list_val(l);
        if (str && !(is_small(CAR(c)) && (UWord)small_val(CAR(c)) < 256))
            str = false;
        n++;
        l = CDR(c);
    }
    *len = n;
    return str && is_nil(l) && n <= MAX_STRING_EXT;
}

static int pair_cmp(const void *a, const void *b)
{
    return term_compare_exact(((const Term *)a)[0], ((const Term *)b)[0]);
}

static void enc_map(Enc *e, Term m)
{
    size_t n = map_size(m);
    out8(e, EXT_MAP);
    out32(e, (uint32_t)n);
    if (!n)
        return;
    Term *kv = xmalloc(2 * n * sizeof(Term));
    MapIter it;
    map_iter_init(&it, m);
    size_t i = 0;
    while (i < n && map_iter_next(&it, &kv[2 * i], &kv[2 * i + 1]))
        i++;
    if (is_hashmap(m)) {
        /* erl writes a HAMT's pairs in reverse iteration order */
        for (size_t a = 0, b = n - 1; a < b; a++, b--) {
            Term k = kv[2 * a], v = kv[2 * a + 1];
            kv[2 * a] = kv[2 * b];
            kv[2 * a + 1] = kv[2 * b + 1];
            kv[2 * b] = k;
            kv[2 * b + 1] = v;
        }
        if ((e->flags & EXT_ENC_DETERMINISTIC) && e->buf)
            qsort(kv, n, 2 * sizeof(Term), pair_cmp);
    }
    enc_push(e, (EncItem){ .kind = K_ARRAY, .ptr = kv, .n = 2 * n, .owned = kv });
}

static void enc_fun(Enc *e, Term t)
{
    const FunEntry *fe = fun_entry_of(t);
    uint32_t nfree = fun_num_free(t);
    out8(e, EXT_NEW_FUN);
    size_t size_pos = e->pos, start = e->pos + e->skipped;
    out32(e, 0);
    out8(e, fe->arity);
    out_bytes(e, fe->md5, 16);
    out32(e, fe->index);
    out32(e, nfree);
    enc_atom(e, fe->module);
    enc_small(e, fe->index);
    enc_small(e, fe->old_uniq);
    enc_push(e, (EncItem){ .kind = K_FUNSIZE, .n = size_pos, .start = start });
    if (nfree)
        enc_push(e, (EncItem){ .kind = K_ARRAY, .ptr = fun_free_vars(t), .n = nfree });
    enc_push(e, (EncItem){ .kind = K_TERM, .t = fun_creator(t) });
}

/* Encode one term's own bytes, pushing work for its parts. 0 or an error. */
static Term enc_one(Enc *e, Term t)
{
    switch (primary_tag(t)) {
    case TAG_PRIMARY_IMMED1:
        if (is_small(t))
            enc_small(e, small_val(t));
        else if (is_atom(t))
            enc_atom(e, t);
        else if (is_nil(t))
            out8(e, EXT_NIL);
        else if (is_internal_pid(t)) {
            UWord i = internal_pid_index(t);
            enc_pid_parts(e, this_node, (uint32_t)i, (uint32_t)(i >> 32), this_creation);
        } else if (is_internal_port(t))
            enc_port_parts(e, this_node, internal_port_index(t), this_creation);
        else
            return AM(badarg);
        return 0;
    case TAG_PRIMARY_LIST: {
        size_t n;
        if (list_shape(t, &n)) {
            out8(e, EXT_STRING);
            out16(e, (unsigned)n);
            for (; is_list(t); t = CDR(list_val(t)))
                out8(e, (unsigned)small_val(CAR(list_val(t))));
            return 0;
        }
        if (n > UINT32_MAX)
            return AM(system_limit);
        out8(e, EXT_LIST);
        out32(e, (uint32_t)n);
        enc_push(e, (EncItem){ .kind = K_LIST, .t = t });
        return 0;
    }
    case TAG_PRIMARY_BOXED:
        break;
    default:
        return AM(badarg);
    }
    Term h = boxed_header(t);
    switch (header_subtag(h)) {
    case SUB_TUPLE: {
        size_t n = header_arity(h);
        if (n <= 255) {
            out8(e, EXT_SMALL_TUPLE);
            out8(e, (unsigned)n);
        } else {
            out8(e, EXT_LARGE_TUPLE);
            out32(e, (uint32_t)n);
        }
        if (n)
            enc_push(e, (EncItem){ .kind = K_ARRAY, .ptr = tuple_val(t) + 1, .n = n });
        return 0;
    }
    case SUB_POS_BIG: case SUB_NEG_BIG:
        enc_big(e, t);
        return 0;
    case SUB_FLOAT:
        enc_float(e, float_val(t));
        return 0;
    case SUB_REF: case SUB_EXT_REF:
        enc_ref(e, t);
        return 0;
    case SUB_EXT_PID:
        enc_pid_parts(e, ext_node(t), ext_pid_number(t), ext_pid_serial(t), ext_pid_creation(t));
        return 0;
    case SUB_EXT_PORT:
        enc_port_parts(e, ext_node(t), ext_port_id(t), ext_port_creation(t));
        return 0;
    case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN:
        return enc_bits(e, t);
    case SUB_MAP:
        enc_map(e, t);
        return 0;
    case SUB_FUN:
        enc_fun(e, t);
        return 0;
    case SUB_EXPORT: {
        const Export *x = export_of(t);
        out8(e, EXT_EXPORT);
        enc_atom(e, x->module);
        enc_atom(e, x->function);
        enc_small(e, x->arity);
        return 0;
    }
    default:
        return AM(badarg);
    }
}

static Term enc_walk(Enc *e, Term t)
{
    Term err = enc_one(e, t);
    while (!err && e->sp) {
        EncItem *it = &e->stack[e->sp - 1];
        switch (it->kind) {
        case K_TERM:
            t = it->t;
            e->sp--;
            break;
        case K_LIST: {
            const Term *c = list_val(it->t);
            Term tl = CDR(c);
            t = CAR(c);
            if (is_list(tl))
                it->t = tl;
            else
                *it = (EncItem){ .kind = K_TERM, .t = tl };
            break;
        }
        case K_ARRAY:
            t = *it->ptr++;
            if (--it->n == 0) {
                free(it->owned);      /* t was read before */
                e->sp--;
            }
            break;
        case K_FUNSIZE:
            if (e->buf)
                put32(e->buf + it->n, (uint32_t)(e->pos + e->skipped - it->start));
            e->sp--;
            continue;
        }
        err = enc_one(e, t);
        if (e->pos > ENC_MAX_SIZE)
            err = AM(system_limit);
    }
    for (size_t i = 0; i < e->sp; i++)
        if (e->stack[i].kind == K_ARRAY)
            free(e->stack[i].owned);
    free(e->stack);
    e->stack = NULL;
    e->sp = e->cap = 0;
    return err;
}

size_t ext_encoded_size(Term t, unsigned flags)
{
    Enc e = { .flags = flags, .pos = 1 };
    if (enc_walk(&e, t))
        return 0;
    return e.pos;
}

/* Compress an encoded term (version byte first) as erl does: only when the
 * result is no longer than the original. Returns the compressed length
 * written to dst (room for n bytes), or 0 to keep the original. */
static size_t ext_compress(const uint8_t *src, size_t n, int level, uint8_t *dst)
{
    if (n < 6 || n - 1 > UINT32_MAX)
        return 0;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit(&zs, level) != Z_OK)
        return 0;
    size_t in_left = n - 1, out_left = n - 6;
    zs.next_in = (Bytef *)src + 1;
    zs.next_out = dst + 6;
    int r;
    do {
        if (!zs.avail_in && in_left) {
            uInt c = in_left > (1u << 30) ? (1u << 30) : (uInt)in_left;
            zs.avail_in = c;
            in_left -= c;
        }
        if (!zs.avail_out && out_left) {
            uInt c = out_left > (1u << 30) ? (1u << 30) : (uInt)out_left;
            zs.avail_out = c;
            out_left -= c;
        }
        r = deflate(&zs, in_left ? Z_NO_FLUSH : Z_FINISH);
    } while (r == Z_OK && (zs.avail_out || out_left));
    size_t clen = zs.total_out;
    deflateEnd(&zs);
    if (r != Z_STREAM_END)
        return 0;
    dst[0] = EXT_VERSION;
    dst[1] = EXT_COMPRESSED;
    put32(dst + 2, (uint32_t)(n - 1));
    return 6 + clen;
}

/* Size pass then writing pass into a malloc'd buffer (or straight into a
 * new binary when *bin_out is wanted and nothing else is needed). */
static bool enc_run(Process *p, Term t, unsigned flags, bool iovec, Enc *e, Term *reason)
{
    Enc c = { .flags = flags, .iovec = iovec, .pos = 1 };
    Term err = enc_walk(&c, t);
    if (err) {
        if (reason)
            *reason = err;
        return false;
    }
    size_t bytes = c.pos;              /* bytes actually in the buffer */
    *e = (Enc){ .flags = flags, .iovec = iovec, .p = p };
    e->buf = malloc(bytes);
    if (!e->buf) {
        if (reason)
            *reason = AM(system_limit);
        return false;
    }
    e->buf[0] = EXT_VERSION;
    e->pos = 1;
    enc_walk(e, t);
    return true;
}

Term ext_encode(Process *p, Term t, unsigned flags, Term *reason)
{
    unsigned level = (flags & EXT_ENC_LEVEL_MASK) >> EXT_ENC_LEVEL_SHIFT;
    if (!level) {
        Enc c = { .flags = flags, .pos = 1 };
        Term err = enc_walk(&c, t);
        if (err) {
            if (reason)
                *reason = err;
            return THE_NON_VALUE;
        }
        uint8_t *data;
        Term bin = bin_try_alloc(p, c.pos, &data);
        if (is_non_value(bin)) {
            if (reason)
                *reason = AM(system_limit);
            return THE_NON_VALUE;
        }
        Enc e = { .flags = flags, .buf = data, .pos = 1 };
        data[0] = EXT_VERSION;
        enc_walk(&e, t);
        return bin;
    }
    Enc e;
    if (!enc_run(p, t, flags, false, &e, reason))
        return THE_NON_VALUE;
    uint8_t *z = malloc(e.pos);
    size_t zlen = z ? ext_compress(e.buf, e.pos, (int)level, z) : 0;
    Term bin = zlen ? bin_new(p, z, zlen) : bin_new(p, e.buf, e.pos);
    free(z);
    free(e.buf);
    return bin;
}

Term ext_encode_iovec(Process *p, Term t, unsigned flags, Term *reason)
{
    if (flags & EXT_ENC_LEVEL_MASK)      /* as erl: compressed gives a binary */
        return ext_encode(p, t, flags, reason);
    Enc e;
    if (!enc_run(p, t, flags, true, &e, reason))
        return THE_NON_VALUE;
    /* Elements: buffer segments between the referenced binaries. */
    size_t nel = 2 * e.nsplits + 1, k = 0, from = 0;
    Term *el = xmalloc(nel * sizeof(Term));
    for (size_t i = 0; i < e.nsplits; i++) {
        if (e.splits[i].pos > from)
            el[k++] = bin_new(p, e.buf + from, e.splits[i].pos - from);
        el[k++] = e.splits[i].bin;
        from = e.splits[i].pos;
    }
    if (e.pos > from)
        el[k++] = bin_new(p, e.buf + from, e.pos - from);
    Term list = NIL;
    Term *hp = proc_alloc(p, 2 * k);
    for (size_t i = k; i-- > 0; hp += 2)
        list = make_cons_at(hp, el[i], list);
    free(el);
    free(e.splits);
    free(e.buf);
    return list;
}
