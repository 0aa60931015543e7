/* bits.c — the bit-syntax runtime (see bits.h): building bitstrings
 * segment by segment, the writable-binary append optimisation, and reading
 * integers, floats, binaries and UTF code points out of match states.
 * Semantics (sizes, error reasons, little-endian partial bytes, float16)
 * follow ERTS's erl_bits.c and bs_instrs.tab and were checked against erl. */
#include "bits.h"
#include "../bif/bif.h"
#include "../term/bignum.h"
#include <stdlib.h>
#include <stdio.h>


/* ERTS grows writable binaries by this much. */
#define GROW_SIZE(sz) ((sz) > ((size_t)1 << 24) ? (size_t)(1.2 * (double)(sz)) : 2 * (sz))
#define WRITABLE_DEFAULT 1024
#define WRITABLE_MIN 256

static inline bool is_little(unsigned flags)
{
    if (flags & BITS_F_NATIVE) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return true;
#else
        return false;
#endif
    }
    return (flags & BITS_F_LITTLE) != 0;
}

static void *xmalloc(size_t n)
{
    void *q = malloc(n ? n : 1);
    if (!q) {
        fprintf(stderr, "girder: out of memory (%zu bytes)\n", n);
        abort();
    }
    return q;
}

/* ================= integers ================= */

/* An n-bit (n <= 64) field read as an unsigned number. */
static UWord read_uword(const uint8_t *base, size_t off, unsigned n, bool little)
{
    UWord v = 0;
    if (!little) {
        if ((off & 7) == 0 && (n & 7) == 0) {
            const uint8_t *s = base + off / 8;
            for (unsigned i = 0; i < n / 8; i++)
                v = (v << 8) | s[i];
            return v;
        }
        while (n >= 8) {
            v = (v << 8) | bin_fetch_bits(base, off, 8);
            off += 8;
            n -= 8;
        }
        if (n)
            v = (v << n) | (bin_fetch_bits(base, off, n) >> (8 - n));
        return v;
    }
    unsigned shift = 0;
    while (n >= 8) {
        v |= (UWord)bin_fetch_bits(base, off, 8) << shift;
        shift += 8;
        off += 8;
        n -= 8;
    }
    if (n)
        v |= (UWord)(bin_fetch_bits(base, off, n) >> (8 - n)) << shift;
    return v;
}

static Term make_uword(Process *p, UWord v)
{
    if (v <= (UWord)MAX_SMALL)
        return make_small((SWord)v);
    return bn_from_limbs(p, &v, 1, false);
}

static Term make_sword(Process *p, SWord v)
{
    if (IS_SSMALL(v))
        return make_small(v);
    UWord mag = v < 0 ? (UWord)(-(v + 1)) + 1 : (UWord)v;
    return bn_from_limbs(p, &mag, 1, v < 0);
}

/* Two's complement negation of a little-endian limb array, in place. */
static void negate_limbs(UWord *l, size_t n)
{
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        UWord x = ~l[i] + carry;
        carry = carry && x == 0;
        l[i] = x;
    }
}

/* The n > 64 bit case: the field as little-endian bytes, then limbs. */
static Term read_big(Process *p, const uint8_t *base, size_t off, size_t n, unsigned flags)
{
    size_t k = (n + 7) / 8, nl = (k + 7) / 8;
    uint8_t *tmp = xmalloc(k);
    UWord *limbs = xmalloc(nl * sizeof(UWord));
    memset(tmp, 0, k);
    bin_copy_bits(tmp, 0, base, off, n);      /* left-aligned in tmp */
    uint8_t *le = (uint8_t *)limbs;
    memset(le, 0, nl * sizeof(UWord));
    unsigned r = (unsigned)(n - 8 * (k - 1));  /* bits in the partial byte, 1..8 */
    if (is_little(flags)) {
        memcpy(le, tmp, k - 1);
        le[k - 1] = (uint8_t)(tmp[k - 1] >> (8 - r));
    } else {
        unsigned s = 8 - r;                    /* right shift of the BE number */
        for (size_t j = 0; j < k; j++) {
            unsigned lo = tmp[k - 1 - j] >> s;
            unsigned hi = (j + 1 < k && s) ? (unsigned)tmp[k - 2 - j] << (8 - s) : 0;
            le[j] = (uint8_t)(lo | hi);
        }
    }
    free(tmp);
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "bits.c assumes a little-endian host for limb assembly"
#endif
    bool neg = false;
    if ((flags & BITS_F_SIGNED) && ((le[(n - 1) / 8] >> ((n - 1) % 8)) & 1)) {
        /* sign-extend to whole limbs, then negate to get the magnitude */
        size_t top = (n - 1) / 8;
        le[top] |= (uint8_t)(0xFFu << ((n - 1) % 8 + 1));
        memset(le + top + 1, 0xFF, nl * sizeof(UWord) - top - 1);
        negate_limbs(limbs, nl);
        neg = true;
    }
    Term t = bn_from_limbs(p, limbs, nl, neg);
    free(limbs);
    return t;
}

Term bits_read_integer(Process *p, const uint8_t *base, size_t off, size_t n, unsigned flags)
{
    if (n == 0)
        return make_small(0);
    if (n > 64)
        return read_big(p, base, off, n, flags);
    UWord v = read_uword(base, off, (unsigned)n, is_little(flags));
    if (!(flags & BITS_F_SIGNED))
        return n < SMALL_BITS ? make_small((SWord)v) : make_uword(p, v);
    if (n < 64 && ((v >> (n - 1)) & 1))
        v |= ~(UWord)0 << n;
    return make_sword(p, (SWord)v);
}

/* Write the low n (<= 64) bits of v. */
static void write_uword(uint8_t *dst, size_t off, UWord v, unsigned n, bool little)
{
    uint8_t tmp[8];
    if (!little) {
        if ((off & 7) == 0 && (n & 7) == 0) {
            uint8_t *d = dst + off / 8;
            for (unsigned i = n / 8; i-- > 0; v >>= 8)
                d[i] = (uint8_t)v;
            return;
        }
        UWord w = v << (64 - n);
        for (int i = 0; i < 8; i++)
            tmp[i] = (uint8_t)(w >> (56 - 8 * i));
    } else {
        unsigned k = (n + 7) / 8, r = n - 8 * (k - 1);
        for (unsigned i = 0; i + 1 < k; i++)
            tmp[i] = (uint8_t)(v >> (8 * i));
        tmp[k - 1] = (uint8_t)(((v >> (8 * (k - 1))) & ((1u << r) - 1)) << (8 - r));
        if ((off & 7) == 0 && r == 8) {
            memcpy(dst + off / 8, tmp, k);
            return;
        }
    }
    bin_copy_bits(dst, off, tmp, 0, n);
}

/* value mod 2^(8k) as k little-endian bytes. */
static void integer_le_bytes(Term value, uint8_t *le, size_t k)
{
    if (is_small(value)) {
        SWord v = small_val(value);
        for (size_t i = 0; i < k; i++)
            le[i] = i < 8 ? (uint8_t)((UWord)v >> (8 * i)) : (v < 0 ? 0xFF : 0);
        return;
    }
    const UWord *limbs = big_limbs(value);
    size_t nb = big_size(value) * sizeof(UWord);
    size_t c = nb < k ? nb : k;
    memcpy(le, limbs, c);
    memset(le + c, 0, k - c);
    if (big_sign(value)) {
        unsigned carry = 1;
        for (size_t i = 0; i < k; i++) {
            unsigned x = (uint8_t)~le[i] + carry;
            le[i] = (uint8_t)x;
            carry = x >> 8;
        }
    }
}

void bits_write_integer(uint8_t *dst, size_t off, Term value, size_t n, unsigned flags)
{
    if (n == 0)
        return;
    bool little = is_little(flags);
    if (n <= 64 && is_small(value)) {
        write_uword(dst, off, (UWord)small_val(value), (unsigned)n, little);
        return;
    }
    if (n <= 64) {
        uint8_t le[8];
        integer_le_bytes(value, le, 8);
        UWord v;
        memcpy(&v, le, 8);
        write_uword(dst, off, v, (unsigned)n, little);
        return;
    }
    size_t k = (n + 7) / 8;
    unsigned r = (unsigned)(n - 8 * (k - 1));
    uint8_t *le = xmalloc(k), *out = xmalloc(k);
    integer_le_bytes(value, le, k);
    if (little) {
        memcpy(out, le, k - 1);
        out[k - 1] = (uint8_t)((le[k - 1] & ((1u << r) - 1)) << (8 - r));
    } else {
        unsigned s = 8 - r;        /* left shift, then big-endian order */
        for (size_t i = 0; i < k; i++) {
            size_t j = k - 1 - i;
            unsigned hi = (unsigned)le[j] << s;
            unsigned lo = (j > 0 && s) ? le[j - 1] >> (8 - s) : 0;
            out[i] = (uint8_t)(hi | lo);
        }
    }
    bin_copy_bits(dst, off, out, 0, n);
    free(le);
    free(out);
}

/* ================= floats ================= */

/* float(Big) as ERTS computes it; false if it does not fit a double. */
static bool big_to_double(Term big, double *out)
{
    const UWord *l = big_limbs(big);
    double d = 0.0;
    for (size_t i = big_size(big); i-- > 0;) {
        d = d * 18446744073709551616.0 + (double)l[i];
        if (!__builtin_isfinite(d))
            return false;
    }
    *out = big_sign(big) ? -d : d;
    return true;
}

/* The bit pattern of value as an n-bit float; false for a bad value or n. */
static bool float_bits(Term value, size_t n, UWord *bits)
{
    double d;
    if (n != 16 && n != 32 && n != 64)
        return false;
    if (is_float(value))
        d = float_val(value);
    else if (is_small(value))
        d = (double)small_val(value);
    else if (is_big(value)) {
        if (!big_to_double(value, &d))
            return false;
    } else
        return false;
    if (n == 64) {
        uint64_t u;
        memcpy(&u, &d, 8);
        *bits = u;
    } else if (n == 32) {
        float f = is_small(value) ? (float)small_val(value) : (float)d;
        uint32_t u;
        memcpy(&u, &f, 4);
        *bits = u;
    } else {
        _Float16 h = is_small(value) ? (_Float16)small_val(value) : (_Float16)d;
        uint16_t u;
        memcpy(&u, &h, 2);
        *bits = u;
    }
    return true;
}

/* ================= writers ================= */

/* A fresh bitstring of nbits; THE_NON_VALUE if the bytes cannot be had. */
static Term new_bitstring(Process *p, BitsWriter *w, size_t nbits)
{
    size_t nbytes = nbits / 8 + ((nbits & 7) != 0);
    uint8_t *data;
    Term bin = bin_try_alloc(p, nbytes, &data);
    if (is_non_value(bin))
        return THE_NON_VALUE;
    if (nbits & 7) {
        data[nbytes - 1] = 0;
        bin = bin_make_sub(p, bin, 0, nbits);
    }
    w->buf = data;
    w->offset = 0;
    return bin;
}

/* A new writable refc binary holding the bits of `bin` with room for
 * `total` bits, and the writable sub binary over it. */
static Term copy_to_writable(Process *p, BitsWriter *w, Term bin, size_t used, size_t total)
{
    size_t bytes = total / 8 + ((total & 7) != 0);
    size_t cap = total < SIZE_MAX / 2 ? GROW_SIZE(bytes) : bytes;
    if (cap < WRITABLE_MIN)
        cap = WRITABLE_MIN;
    Binary *b = bin_binary_try_alloc(cap);
    if (!b)
        return THE_NON_VALUE;
    const uint8_t *base;
    size_t off, sz;
    bin_view(bin, &base, &off, &sz);
    bin_copy_bits(b->bytes, 0, base, off, used);
    Term handle = bin_from_binary(p, b, bytes);
    boxed_val(handle)[REFC_FLAGS] = BIN_F_WRITABLE;
    Term sub = bin_make_sub(p, handle, 0, total);
    boxed_val(sub)[SUB_FLAGS] = SUB_F_WRITABLE;
    w->buf = b->bytes;
    w->offset = used;
    return sub;
}

/* Whether sub binary `bin` may be extended in place; *handle gets its refc
 * handle. */
static bool writable_in_place(Term bin, Term **handle)
{
    if (!is_sub_bin(bin) || !(boxed_val(bin)[SUB_FLAGS] & SUB_F_WRITABLE))
        return false;
    Term orig = boxed_val(bin)[SUB_ORIG];
    if (!is_refc_bin(orig) || !(boxed_val(orig)[REFC_FLAGS] & BIN_F_WRITABLE))
        return false;
    if (bin_refcount(refc_binary_of(orig)) != 1)
        return false;
    *handle = boxed_val(orig);
    return true;
}

/* Make sure the writable binary behind `h` holds `total` bits; false if
 * it cannot grow. */
static bool grow_writable(Term *h, size_t total)
{
    size_t bytes = total / 8 + ((total & 7) != 0);
    Binary *b = (Binary *)h[REFC_VAL];
    if (b->size < bytes) {
        Binary *nb = bin_binary_realloc(b, GROW_SIZE(bytes));
        if (!nb)
            return false;
        h[REFC_VAL] = (Term)(UWord)nb;
    }
    if (h[REFC_SIZE] < bytes)
        h[REFC_SIZE] = bytes;
    return true;
}

static bool unit_ok(size_t bits, unsigned unit)
{
    return unit <= 1 || bits % unit == 0;
}

/* bs_append / the `append` segment, with the build size already checked. */
static Term append_checked(Process *p, BitsWriter *w, Term bin, size_t build, unsigned unit)
{
    if (!is_bitstring(bin))
        return bif_error(p, AM(badarg));
    size_t used = bin_bit_size(bin);
    if (!unit_ok(used, unit))
        return bif_error(p, AM(badarg));
    if (build == 0) {
        w->buf = NULL;          /* nothing will be written (zero-bit segments) */
        w->offset = 0;
        return bin;
    }
    if (SIZE_MAX - build < used)
        return bif_error(p, AM(system_limit));
    size_t total = used + build;
    Term *h;
    if (writable_in_place(bin, &h)) {
        if (!grow_writable(h, total))
            return bif_error(p, AM(system_limit));
        boxed_val(bin)[SUB_FLAGS] = 0;          /* only the newest may grow */
        Term sub = bin_make_sub(p, make_boxed(h), 0, total);
        boxed_val(sub)[SUB_FLAGS] = SUB_F_WRITABLE;
        w->buf = ((Binary *)h[REFC_VAL])->bytes;
        w->offset = used;
        return sub;
    }
    Term r = copy_to_writable(p, w, bin, used, total);
    return is_value(r) ? r : bif_error(p, AM(system_limit));
}

/* bs_private_append / the `private_append` segment. */
static Term private_append_checked(Process *p, BitsWriter *w, Term bin, size_t build, unsigned unit)
{
    Term *h;
    if (!writable_in_place(bin, &h))
        return append_checked(p, w, bin, build, unit);
    size_t used = (size_t)boxed_val(bin)[SUB_BITSIZE];
    if (SIZE_MAX - build < used)
        return bif_error(p, AM(system_limit));
    size_t total = used + build;
    if (!grow_writable(h, total))
        return bif_error(p, AM(system_limit));
    boxed_val(bin)[SUB_BITSIZE] = total;
    w->buf = ((Binary *)h[REFC_VAL])->bytes;
    w->offset = used;
    return bin;
}

Term bits_init_writable(Process *p, Term size_hint)
{
    size_t cap = WRITABLE_DEFAULT;
    if (is_small(size_hint) && small_val(size_hint) >= 0)
        cap = (size_t)small_val(size_hint);
    Binary *b = bin_binary_try_alloc(cap);
    if (!b)
        b = bin_binary_alloc(WRITABLE_DEFAULT);
    Term handle = bin_from_binary(p, b, 0);
    boxed_val(handle)[REFC_FLAGS] = BIN_F_WRITABLE;
    Term sub = bin_make_sub(p, handle, 0, 0);
    boxed_val(sub)[SUB_FLAGS] = SUB_F_WRITABLE;
    return sub;
}

/* Copy n bits of bitstring `value` (which must have them) to w. */
static void put_bits_of(BitsWriter *w, Term value, size_t n)
{
    const uint8_t *base;
    size_t off, size;
    bin_view(value, &base, &off, &size);
    bin_copy_bits(w->buf, w->offset, base, off, n);
    w->offset += n;
}

static bool put_binary_all(BitsWriter *w, Term value, unsigned unit)
{
    if (!is_bitstring(value))
        return false;
    size_t n = bin_bit_size(value);
    if (!unit_ok(n, unit))
        return false;
    put_bits_of(w, value, n);
    return true;
}

static bool put_binary_n(BitsWriter *w, Term value, size_t n)
{
    if (!is_bitstring(value) || bin_bit_size(value) < n)
        return false;
    put_bits_of(w, value, n);
    return true;
}

static bool put_float_n(BitsWriter *w, Term value, size_t n, unsigned flags)
{
    UWord bits;
    if (!float_bits(value, n, &bits))
        return false;
    write_uword(w->buf, w->offset, bits, (unsigned)n, is_little(flags));
    w->offset += n;
    return true;
}

static bool put_integer_n(BitsWriter *w, Term value, size_t n, unsigned flags)
{
    if (!is_integer(value))
        return false;
    bits_write_integer(w->buf, w->offset, value, n, flags);
    w->offset += n;
    return true;
}

static bool valid_code_point(Term v)
{
    if (!is_small(v))
        return false;
    SWord c = small_val(v);
    return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

static bool put_utf8(BitsWriter *w, Term value)
{
    if (!valid_code_point(value))
        return false;
    uint32_t c = (uint32_t)small_val(value);
    uint8_t tmp[4];
    unsigned k;
    if (c < 0x80) { tmp[0] = (uint8_t)c; k = 1; }
    else if (c < 0x800) { tmp[0] = 0xC0 | (c >> 6); tmp[1] = 0x80 | (c & 0x3F); k = 2; }
    else if (c < 0x10000) {
        tmp[0] = 0xE0 | (c >> 12); tmp[1] = 0x80 | ((c >> 6) & 0x3F); tmp[2] = 0x80 | (c & 0x3F);
        k = 3;
    } else {
        tmp[0] = 0xF0 | (c >> 18); tmp[1] = 0x80 | ((c >> 12) & 0x3F);
        tmp[2] = 0x80 | ((c >> 6) & 0x3F); tmp[3] = 0x80 | (c & 0x3F);
        k = 4;
    }
    bin_copy_bits(w->buf, w->offset, tmp, 0, 8 * k);
    w->offset += 8 * k;
    return true;
}

static bool put_utf16(BitsWriter *w, Term value, unsigned flags)
{
    if (!valid_code_point(value))
        return false;
    uint32_t c = (uint32_t)small_val(value);
    bool little = is_little(flags);
    if (c < 0x10000) {
        write_uword(w->buf, w->offset, c, 16, little);
        w->offset += 16;
    } else {
        c -= 0x10000;
        write_uword(w->buf, w->offset, 0xD800 | (c >> 10), 16, little);
        write_uword(w->buf, w->offset + 16, 0xDC00 | (c & 0x3FF), 16, little);
        w->offset += 32;
    }
    return true;
}

static bool put_utf32(BitsWriter *w, Term value, unsigned flags)
{
    if (!valid_code_point(value))
        return false;
    write_uword(w->buf, w->offset, (UWord)small_val(value), 32, is_little(flags));
    w->offset += 32;
    return true;
}

/* ================= bs_create_bin ================= */

enum { SZ_OK, SZ_BADARG, SZ_LIMIT };

/* A segment's Size operand times unit, checked as ERTS checks it. */
static int field_size(Term size, unsigned unit, size_t *bits)
{
    if (is_small(size)) {
        SWord s = small_val(size);
        if (s < 0)
            return SZ_BADARG;
        UWord r;
        if (__builtin_mul_overflow((UWord)s, (UWord)unit, &r) || (r >> 63))
            return SZ_LIMIT;
        *bits = r;
        return SZ_OK;
    }
    if (is_big(size) && !big_sign(size))
        return SZ_LIMIT;
    return SZ_BADARG;
}

static size_t utf8_bits(Term v)
{
    if (is_small(v) && small_val(v) >= 0) {
        SWord c = small_val(v);
        return c < 0x80 ? 8 : c < 0x800 ? 16 : c < 0x10000 ? 24 : 32;
    }
    return 32;
}

/* Phase 1: the size of the result in bits, excluding an append segment. */
static int total_bits(const BitsSegment *segs, size_t n, size_t *out)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const BitsSegment *s = &segs[i];
        size_t bits = 0;
        int rc = SZ_OK;
        switch (s->type) {
        case BITS_SEG_APPEND:
        case BITS_SEG_PRIVATE_APPEND:
            break;
        case BITS_SEG_BINARY:
            if (s->size == AM(all)) {
                if (!is_bitstring(s->value))
                    return SZ_BADARG;
                bits = bin_bit_size(s->value);
                break;
            }
            /* fall through */
        case BITS_SEG_INTEGER:
        case BITS_SEG_FLOAT:
            rc = field_size(s->size, s->unit, &bits);
            break;
        case BITS_SEG_STRING:
            bits = (size_t)small_val(s->size) * 8;
            break;
        case BITS_SEG_UTF8:
            bits = utf8_bits(s->value);
            break;
        case BITS_SEG_UTF16:
            bits = is_small(s->value) && small_val(s->value) >= 0x10000 ? 32 : 16;
            break;
        case BITS_SEG_UTF32:
            if (!valid_code_point(s->value))
                return SZ_BADARG;
            bits = 32;
            break;
        default:
            return SZ_BADARG;
        }
        if (rc != SZ_OK)
            return rc;
        if (__builtin_add_overflow(total, bits, &total))
            return SZ_LIMIT;
    }
    *out = total;
    return SZ_OK;
}

/* Phase 3: write one segment. */
static bool write_segment(BitsWriter *w, const BitsSegment *s)
{
    size_t bits = 0;
    switch (s->type) {
    case BITS_SEG_STRING: {
        size_t len = (size_t)small_val(s->size);
        bin_copy_bits(w->buf, w->offset, s->str, 0, len * 8);
        w->offset += len * 8;
        return true;
    }
    case BITS_SEG_BINARY:
        if (s->size == AM(all))
            return put_binary_all(w, s->value, s->unit);
        field_size(s->size, s->unit, &bits);
        return put_binary_n(w, s->value, bits);
    case BITS_SEG_FLOAT:
        field_size(s->size, s->unit, &bits);
        return put_float_n(w, s->value, bits, s->flags);
    case BITS_SEG_INTEGER:
        field_size(s->size, s->unit, &bits);
        return put_integer_n(w, s->value, bits, s->flags);
    case BITS_SEG_UTF8:
        return put_utf8(w, s->value);
    case BITS_SEG_UTF16:
        return put_utf16(w, s->value, s->flags);
    case BITS_SEG_UTF32:
        return put_utf32(w, s->value, s->flags);
    default:
        return false;
    }
}

Term bits_create_bin(Process *p, const BitsSegment *segs, size_t n)
{
    size_t total;
    int rc = total_bits(segs, n, &total);
    if (rc != SZ_OK)
        return bif_error(p, rc == SZ_LIMIT ? AM(system_limit) : AM(badarg));
    BitsWriter w;
    Term result;
    size_t first = 0;
    if (n > 0 && segs[0].type == BITS_SEG_APPEND) {
        result = append_checked(p, &w, segs[0].value, total, segs[0].unit);
        first = 1;
    } else if (n > 0 && segs[0].type == BITS_SEG_PRIVATE_APPEND) {
        result = private_append_checked(p, &w, segs[0].value, total, segs[0].unit);
        first = 1;
    } else {
        result = new_bitstring(p, &w, total);
        if (is_non_value(result))
            return bif_error(p, AM(system_limit));
    }
    if (is_non_value(result))
        return result;
    for (size_t i = first; i < n; i++)
        if (!write_segment(&w, &segs[i]))
            return bif_error(p, AM(badarg));
    if (total > 8 * 8 * BIN_BYTES_PER_REDUCTION)
        bin_bump_reds(p, total / 8);
    return result;
}

/* ================= the older construction instructions ================= */

/* A byte or bit count operand of bs_init2/bs_init_bits/bs_append. */
static bool count_operand(Process *p, Term size, size_t *out)
{
    if (is_small(size) && small_val(size) >= 0) {
        *out = (size_t)small_val(size);
        return true;
    }
    if (is_big(size) && !big_sign(size) && big_size(size) == 1) {
        *out = (size_t)big_limbs(size)[0];
        return true;
    }
    bif_error(p, is_big(size) && !big_sign(size) ? AM(system_limit) : AM(badarg));
    return false;
}

Term bits_init(Process *p, BitsWriter *w, Term size)
{
    size_t bytes;
    if (!count_operand(p, size, &bytes))
        return THE_NON_VALUE;
    if (bytes >> 61)
        return bif_error(p, AM(system_limit));
    Term r = new_bitstring(p, w, bytes * 8);
    return is_value(r) ? r : bif_error(p, AM(system_limit));
}

Term bits_init_bits(Process *p, BitsWriter *w, Term size)
{
    size_t bits;
    if (!count_operand(p, size, &bits))
        return THE_NON_VALUE;
    Term r = new_bitstring(p, w, bits);
    return is_value(r) ? r : bif_error(p, AM(system_limit));
}

Term bits_add(Process *p, Term s1, Term s2, unsigned unit)
{
    if (is_small(s1) && is_small(s2)) {
        SWord a = small_val(s1), b = small_val(s2);
        if (a < 0 || b < 0)
            return bif_error(p, AM(badarg));
        UWord m, r;
        if (__builtin_mul_overflow((UWord)b, (UWord)unit, &m)
            || __builtin_add_overflow(m, (UWord)a, &r) || r > (UWord)MAX_SMALL)
            return bif_error(p, AM(system_limit));
        return make_small((SWord)r);
    }
    bool nn1 = (is_small(s1) && small_val(s1) >= 0) || (is_big(s1) && !big_sign(s1));
    bool nn2 = (is_small(s2) && small_val(s2) >= 0) || (is_big(s2) && !big_sign(s2));
    return bif_error(p, nn1 && nn2 ? AM(system_limit) : AM(badarg));
}

Term bits_append(Process *p, BitsWriter *w, Term bin, Term build_bits, unsigned unit)
{
    size_t build;
    if (!count_operand(p, build_bits, &build))
        return THE_NON_VALUE;
    return append_checked(p, w, bin, build, unit);
}

Term bits_private_append(Process *p, BitsWriter *w, Term bin, Term build_bits, unsigned unit)
{
    size_t build;
    if (!count_operand(p, build_bits, &build))
        return THE_NON_VALUE;
    return private_append_checked(p, w, bin, build, unit);
}

/* The unchecked size of the bs_put_* instructions (bs_add/bs_init have
 * validated it already). */
static bool put_size(Term size, unsigned unit, size_t *bits)
{
    if (!is_small(size) || small_val(size) < 0)
        return false;
    *bits = (size_t)small_val(size) * unit;
    return true;
}

bool bits_put_integer(Process *p, BitsWriter *w, Term value, Term size, unsigned unit, unsigned flags)
{
    size_t bits;
    if (!put_size(size, unit, &bits) || !put_integer_n(w, value, bits, flags)) {
        bif_error(p, AM(badarg));
        return false;
    }
    return true;
}

bool bits_put_float(Process *p, BitsWriter *w, Term value, Term size, unsigned unit, unsigned flags)
{
    size_t bits;
    if (!put_size(size, unit, &bits) || !put_float_n(w, value, bits, flags)) {
        bif_error(p, AM(badarg));
        return false;
    }
    return true;
}

bool bits_put_binary(Process *p, BitsWriter *w, Term value, Term size, unsigned unit)
{
    size_t bits;
    bool ok;
    if (size == AM(all))
        ok = put_binary_all(w, value, unit);
    else
        ok = put_size(size, unit, &bits) && put_binary_n(w, value, bits);
    if (!ok)
        bif_error(p, AM(badarg));
    return ok;
}

void bits_put_string(BitsWriter *w, const uint8_t *bytes, size_t len)
{
    bin_copy_bits(w->buf, w->offset, bytes, 0, len * 8);
    w->offset += len * 8;
}

bool bits_put_utf8(Process *p, BitsWriter *w, Term value)
{
    if (!put_utf8(w, value)) {
        bif_error(p, AM(badarg));
        return false;
    }
    return true;
}

bool bits_put_utf16(Process *p, BitsWriter *w, Term value, unsigned flags)
{
    if (!put_utf16(w, value, flags)) {
        bif_error(p, AM(badarg));
        return false;
    }
    return true;
}

bool bits_put_utf32(Process *p, BitsWriter *w, Term value, unsigned flags)
{
    if (!put_utf32(w, value, flags)) {
        bif_error(p, AM(badarg));
        return false;
    }
    return true;
}

Term bits_utf8_size(Term value) { return make_small((SWord)(utf8_bits(value) / 8)); }

Term bits_utf16_size(Term value)
{
    return make_small(is_small(value) && small_val(value) >= 0x10000 ? 4 : 2);
}

/* ================= matching ================= */

Term bits_start_match(Process *p, Term src)
{
    if (!is_boxed(src))
        return THE_NON_VALUE;
    if (is_match_state(src))
        return src;
    if (!is_bitstring(src))
        return THE_NON_VALUE;
    const uint8_t *base;
    size_t off, size;
    bin_view(src, &base, &off, &size);
    Term *hp = proc_alloc(p, MS_WORDS);
    hp[0] = make_header(MS_WORDS - 1, SUB_MATCHSTATE);
    hp[MS_ORIG] = bin_orig_of(src);
    hp[MS_POS] = (Term)off;
    hp[MS_END] = (Term)(off + size);
    return make_boxed(hp);
}

static inline const uint8_t *ms_base(Term ms)
{
    return bin_orig_bytes(ms_val(ms)[MS_ORIG]);
}

/* The Size operand of a bs_get_*: a non-negative small times unit. */
static bool match_size(Term size, unsigned unit, size_t *bits)
{
    if (!is_small(size) || small_val(size) < 0)
        return false;
    UWord r;
    if (__builtin_mul_overflow((UWord)small_val(size), (UWord)unit, &r))
        return false;
    *bits = r;
    return true;
}

bool bits_get_integer_n(Process *p, Term ms, size_t nbits, unsigned flags, Term *out)
{
    if (ms_remaining(ms) < nbits)
        return false;
    Term *m = ms_val(ms);
    *out = bits_read_integer(p, ms_base(ms), (size_t)m[MS_POS], nbits, flags);
    m[MS_POS] += nbits;
    return true;
}

bool bits_get_integer(Process *p, Term ms, Term size, unsigned unit, unsigned flags, Term *out)
{
    size_t bits;
    return match_size(size, unit, &bits) && bits_get_integer_n(p, ms, bits, flags, out);
}

bool bits_get_float(Process *p, Term ms, Term size, unsigned unit, unsigned flags, Term *out)
{
    size_t n;
    if (!is_small(size) || small_val(size) < 0 || small_val(size) > 64)
        return false;
    n = (size_t)small_val(size) * unit;
    double d;
    if (n == 0) {
        d = 0.0;
    } else {
        if ((n != 16 && n != 32 && n != 64) || ms_remaining(ms) < n)
            return false;
        UWord u = read_uword(ms_base(ms), (size_t)ms_val(ms)[MS_POS], (unsigned)n, is_little(flags));
        if (n == 64) {
            memcpy(&d, &u, 8);
        } else if (n == 32) {
            uint32_t u32 = (uint32_t)u;
            float f;
            memcpy(&f, &u32, 4);
            d = f;
        } else {
            uint16_t u16 = (uint16_t)u;
            _Float16 h;
            memcpy(&h, &u16, 2);
            d = (double)h;
        }
        if (!__builtin_isfinite(d))
            return false;
        ms_val(ms)[MS_POS] += n;
    }
    *out = make_float_at(proc_alloc(p, FLOAT_WORDS), d);
    return true;
}

bool bits_get_binary_n(Process *p, Term ms, size_t nbits, Term *out)
{
    if (ms_remaining(ms) < nbits)
        return false;
    Term *m = ms_val(ms);
    *out = bin_sub(p, m[MS_ORIG], (size_t)m[MS_POS], nbits);
    m[MS_POS] += nbits;
    return true;
}

bool bits_get_binary(Process *p, Term ms, Term size, unsigned unit, Term *out)
{
    size_t bits;
    if (size == AM(all)) {
        bits = ms_remaining(ms);
        if (!unit_ok(bits, unit ? unit : 1))
            return false;
        return bits_get_binary_n(p, ms, bits, out);
    }
    return match_size(size, unit, &bits) && bits_get_binary_n(p, ms, bits, out);
}

Term bits_get_tail(Process *p, Term ms)
{
    Term *m = ms_val(ms);
    return bin_sub(p, m[MS_ORIG], (size_t)m[MS_POS], ms_remaining(ms));
}

bool bits_skip_bits_n(Term ms, size_t nbits)
{
    if (ms_remaining(ms) < nbits)
        return false;
    ms_val(ms)[MS_POS] += nbits;
    return true;
}

bool bits_skip_bits(Term ms, Term size, unsigned unit)
{
    size_t bits;
    return match_size(size, unit, &bits) && bits_skip_bits_n(ms, bits);
}

bool bits_get_utf8(Term ms, Term *out)
{
    size_t rem = ms_remaining(ms);
    if (rem < 8)
        return false;
    size_t pos = (size_t)ms_val(ms)[MS_POS];
    uint8_t tmp[4] = {0, 0, 0, 0};
    size_t avail = rem >= 32 ? 4 : rem / 8;
    const uint8_t *b = tmp;     /* only b[0..avail) is read */
    if ((pos & 7) == 0)
        b = ms_base(ms) + pos / 8;
    else
        bin_copy_bits(tmp, 0, ms_base(ms), pos, avail * 8);
    uint32_t c = b[0];
    size_t len;
    if (c < 0x80) {
        len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        if (avail < 2 || (b[1] & 0xC0) != 0x80)
            return false;
        c = ((c & 0x1F) << 6) | (b[1] & 0x3F);
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (b[1] & 0xC0) != 0x80 || (b[2] & 0xC0) != 0x80 || (c == 0xE0 && b[1] < 0xA0))
            return false;
        c = ((c & 0x0F) << 12) | ((uint32_t)(b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        if (c >= 0xD800 && c <= 0xDFFF)
            return false;
        len = 3;
    } else if (c >= 0xF0 && c <= 0xF7) {
        if (avail < 4 || (b[1] & 0xC0) != 0x80 || (b[2] & 0xC0) != 0x80 || (b[3] & 0xC0) != 0x80
            || (c == 0xF0 && b[1] < 0x90))
            return false;
        c = ((c & 0x07) << 18) | ((uint32_t)(b[1] & 0x3F) << 12) | ((uint32_t)(b[2] & 0x3F) << 6)
            | (b[3] & 0x3F);
        if (c > 0x10FFFF)
            return false;
        len = 4;
    } else {
        return false;
    }
    ms_val(ms)[MS_POS] += 8 * len;
    *out = make_small(c);
    return true;
}

bool bits_get_utf16(Term ms, unsigned flags, Term *out)
{
    size_t rem = ms_remaining(ms);
    if (rem < 16)
        return false;
    size_t pos = (size_t)ms_val(ms)[MS_POS];
    bool little = is_little(flags);
    const uint8_t *base = ms_base(ms);
    uint32_t w1 = (uint32_t)read_uword(base, pos, 16, little);
    if (w1 < 0xD800 || w1 > 0xDFFF) {
        ms_val(ms)[MS_POS] += 16;
        *out = make_small(w1);
        return true;
    }
    if (w1 > 0xDBFF || rem < 32)
        return false;
    uint32_t w2 = (uint32_t)read_uword(base, pos + 16, 16, little);
    if (w2 < 0xDC00 || w2 > 0xDFFF)
        return false;
    ms_val(ms)[MS_POS] += 32;
    *out = make_small((((w1 & 0x3FF) << 10) | (w2 & 0x3FF)) + 0x10000);
    return true;
}

bool bits_get_utf32(Term ms, unsigned flags, Term *out)
{
    if (ms_remaining(ms) < 32)
        return false;
    UWord c = read_uword(ms_base(ms), (size_t)ms_val(ms)[MS_POS], 32, is_little(flags));
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    ms_val(ms)[MS_POS] += 32;
    *out = make_small((SWord)c);
    return true;
}

bool bits_match_string(Term ms, const uint8_t *bytes, size_t bits)
{
    if (ms_remaining(ms) < bits)
        return false;
    if (bin_cmp_bits(bytes, 0, ms_base(ms), (size_t)ms_val(ms)[MS_POS], bits) != 0)
        return false;
    ms_val(ms)[MS_POS] += bits;
    return true;
}
