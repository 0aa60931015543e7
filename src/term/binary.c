/* binary.c — heap, refc and sub binaries; the refcounted Binary; bit-level
 * copy and compare. Layouts and ownership rules are in binary.h. */
#include "binary.h"
#include "../proc/process.h"
#include <stdlib.h>
#include <stdio.h>

/* ---- Binary ---- */

/* bytes held by refc binaries (erlang:memory(binary)) */
_Atomic int64_t bin_mem_bytes;

Binary *bin_binary_try_alloc(size_t size)
{
    if (size > ((size_t)1 << 62))
        return NULL;
    Binary *b = malloc(sizeof(Binary) + size);
    if (!b)
        return NULL;
    atomic_init(&b->refc, 1);
    b->size = size;
    atomic_fetch_add_explicit(&bin_mem_bytes, (int64_t)(sizeof(Binary) + size), memory_order_relaxed);
    return b;
}

Binary *bin_binary_alloc(size_t size)
{
    Binary *b = bin_binary_try_alloc(size);
    if (!b) {
        fprintf(stderr, "girder: out of memory (binary of %zu bytes)\n", size);
        abort();
    }
    return b;
}

Binary *bin_binary_realloc(Binary *b, size_t size)
{
    if (size > ((size_t)1 << 62))
        return NULL;
    size_t old = b->size;
    Binary *n = realloc(b, sizeof(Binary) + size);
    if (!n)
        return NULL;
    n->size = size;
    atomic_fetch_add_explicit(&bin_mem_bytes, (int64_t)size - (int64_t)old, memory_order_relaxed);
    return n;
}

bool bin_ref_dec(Binary *b)
{
    if (atomic_fetch_sub_explicit(&b->refc, 1, memory_order_acq_rel) == 1) {
        atomic_fetch_sub_explicit(&bin_mem_bytes, (int64_t)(sizeof(Binary) + b->size), memory_order_relaxed);
        free(b);
        return true;
    }
    return false;
}

/* ---- making terms ---- */

static Term make_heap_bin(Process *p, size_t len, uint8_t **data)
{
    size_t words = HEAP_BIN_WORDS(len);
    Term *hp = proc_alloc(p, words);
    hp[0] = make_header(words - 1, SUB_HEAP_BIN);
    hp[1] = (Term)len;
    hp[words - 1] = 0;              /* zero the padding of the last word */
    *data = (uint8_t *)(hp + 2);
    return make_boxed(hp);
}

Term bin_from_binary(Process *p, Binary *b, size_t size)
{
    Term *hp = proc_alloc(p, REFC_BIN_WORDS);
    hp[0] = make_header(REFC_BIN_WORDS - 1, SUB_REFC_BIN);
    hp[REFC_SIZE] = (Term)size;
    hp[REFC_VAL] = (Term)(UWord)b;
    hp[REFC_FLAGS] = 0;
    bin_offheap_link(&p->off_heap, hp);
    proc_vheap_add(p, size);
    return make_boxed(hp);
}

Term bin_try_alloc(Process *p, size_t len, uint8_t **data)
{
    if (len <= BIN_HEAP_LIMIT)
        return make_heap_bin(p, len, data);
    Binary *b = bin_binary_try_alloc(len);
    if (!b)
        return THE_NON_VALUE;
    *data = b->bytes;
    return bin_from_binary(p, b, len);
}

Term bin_alloc(Process *p, size_t len, uint8_t **data)
{
    if (len <= BIN_HEAP_LIMIT)
        return make_heap_bin(p, len, data);
    Binary *b = bin_binary_alloc(len);
    *data = b->bytes;
    return bin_from_binary(p, b, len);
}

Term bin_new(Process *p, const void *src, size_t len)
{
    uint8_t *d;
    Term t = bin_alloc(p, len, &d);
    if (len)
        memcpy(d, src, len);
    return t;
}

Term bin_make_sub(Process *p, Term orig, size_t bit_offset, size_t bit_size)
{
    Term *hp = proc_alloc(p, SUB_BIN_WORDS);
    hp[0] = make_header(SUB_BIN_WORDS - 1, SUB_SUB_BIN);
    hp[SUB_BITSIZE] = (Term)bit_size;
    hp[SUB_BITOFFS] = (Term)bit_offset;
    hp[SUB_FLAGS] = 0;
    hp[SUB_ORIG] = orig;
    return make_boxed(hp);
}

Term bin_sub(Process *p, Term bin, size_t bit_offset, size_t bit_size)
{
    const uint8_t *base;
    size_t off, size;
    bin_view(bin, &base, &off, &size);
    /* A writable refc handle's size may still grow (binary.h), so it is
     * never handed out as a value of its own. */
    if (bit_offset == 0 && bit_size == size
        && !(is_refc_bin(bin) && (boxed_val(bin)[REFC_FLAGS] & BIN_F_WRITABLE)))
        return bin;
    if ((bit_size & 7) == 0 && bit_size / 8 <= BIN_HEAP_LIMIT) {
        uint8_t *d;
        Term t = make_heap_bin(p, bit_size / 8, &d);
        bin_copy_bits(d, 0, base, off + bit_offset, bit_size);
        return t;
    }
    return bin_make_sub(p, bin_orig_of(bin), off + bit_offset, bit_size);
}

const uint8_t *bin_bytes(Term bin, size_t *len, uint8_t **tmp)
{
    *tmp = NULL;
    if (!is_bitstring(bin))
        return NULL;
    const uint8_t *base;
    size_t off, size;
    bin_view(bin, &base, &off, &size);
    if (size & 7)
        return NULL;
    *len = size / 8;
    if ((off & 7) == 0)
        return base + off / 8;
    uint8_t *buf = malloc(*len ? *len : 1);
    if (!buf) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    bin_copy_bits(buf, 0, base, off, size);
    *tmp = buf;
    return buf;
}

/* ---- bits ---- */

/* Store the k (1..8) left-aligned bits of v at bit position doff (< 8) of
 * *d, spilling into d[1] when they cross the byte. */
static inline void store_bits(uint8_t *d, unsigned doff, unsigned v, unsigned k)
{
    unsigned mask = (0xFFu << (8 - k)) & 0xFF;
    unsigned w = (v & mask) << 8 >> doff;      /* 16-bit window */
    unsigned m = mask << 8 >> doff;
    d[0] = (uint8_t)((d[0] & ~(m >> 8)) | (w >> 8));
    if (doff + k > 8)
        d[1] = (uint8_t)((d[1] & ~m) | (w & 0xFF));
}

void bin_copy_bits(uint8_t *dst, size_t doff, const uint8_t *src, size_t soff, size_t n)
{
    if (n == 0)
        return;
    dst += doff >> 3;
    doff &= 7;
    src += soff >> 3;
    soff &= 7;
    if (doff == 0 && soff == 0) {
        size_t nb = n >> 3;
        if (dst != src)
            memmove(dst, src, nb);
        if (n & 7) {
            unsigned mask = (0xFFu << (8 - (n & 7))) & 0xFF;
            dst[nb] = (uint8_t)((dst[nb] & ~mask) | (src[nb] & mask));
        }
        return;
    }
    if (doff != 0) {
        unsigned k = 8 - (unsigned)doff;
        if (k > n)
            k = (unsigned)n;
        store_bits(dst, (unsigned)doff, bin_fetch_bits(src, soff, k), k);
        n -= k;
        soff += k;
        doff += k;
        dst += doff >> 3;
        src += soff >> 3;
        soff &= 7;
        if (n == 0)
            return;
    }
    /* dst is now byte-aligned */
    size_t nb = n >> 3;
    if (soff == 0) {
        memmove(dst, src, nb);
    } else {
        unsigned sh = (unsigned)soff;
        for (size_t i = 0; i < nb; i++)
            dst[i] = (uint8_t)((src[i] << sh) | (src[i + 1] >> (8 - sh)));
    }
    if (n & 7)
        store_bits(dst + nb, 0, bin_fetch_bits(src, soff + nb * 8, (unsigned)(n & 7)), (unsigned)(n & 7));
}

int bin_cmp_bits(const uint8_t *a, size_t aoff, const uint8_t *b, size_t boff, size_t n)
{
    a += aoff >> 3;
    aoff &= 7;
    b += boff >> 3;
    boff &= 7;
    if (aoff == 0 && boff == 0) {
        int c = memcmp(a, b, n >> 3);
        if (c)
            return c;
        if (n & 7) {
            unsigned x = bin_fetch_bits(a, n & ~(size_t)7, (unsigned)(n & 7));
            unsigned y = bin_fetch_bits(b, n & ~(size_t)7, (unsigned)(n & 7));
            return (int)x - (int)y;
        }
        return 0;
    }
    size_t pos = 0;
    while (pos < n) {
        unsigned k = n - pos >= 8 ? 8 : (unsigned)(n - pos);
        unsigned x = bin_fetch_bits(a, aoff + pos, k);
        unsigned y = bin_fetch_bits(b, boff + pos, k);
        if (x != y)
            return (int)x - (int)y;
        pos += k;
    }
    return 0;
}

int bin_compare(Term x, Term y)
{
    const uint8_t *a, *b;
    size_t ao, as, bo, bs;
    bin_view(x, &a, &ao, &as);
    bin_view(y, &b, &bo, &bs);
    int c = bin_cmp_bits(a, ao, b, bo, as < bs ? as : bs);
    if (c)
        return c < 0 ? -1 : 1;
    return as < bs ? -1 : as > bs ? 1 : 0;
}

/* ---- iolists ---- */

#define IO_BATCH 256

bool bin_iolist_walk(Term t, bool allow_bits, BinIoFn fn, void *ctx)
{
    Term local[32];
    Term *stack = local;
    size_t sp = 0, cap = 32;
    uint8_t batch[IO_BATCH];
    size_t nb = 0;
    bool ok = true;
    Term cur = t;
    for (;;) {
        if (is_list(cur)) {
            Term *c = list_val(cur);
            Term h = CAR(c);
            cur = CDR(c);
            if (is_small(h)) {
                SWord v = small_val(h);
                if (v < 0 || v > 255) { ok = false; break; }
                batch[nb++] = (uint8_t)v;
                if (nb == IO_BATCH) { fn(ctx, batch, 0, nb * 8); nb = 0; }
                continue;
            }
            if (is_nil(h))
                continue;
            if (is_list(h)) {
                if (sp == cap) {
                    Term *n = malloc(2 * cap * sizeof(Term));
                    if (!n) { fprintf(stderr, "girder: out of memory\n"); abort(); }
                    memcpy(n, stack, sp * sizeof(Term));
                    if (stack != local)
                        free(stack);
                    stack = n;
                    cap *= 2;
                }
                stack[sp++] = cur;
                cur = h;
                continue;
            }
            if (!is_bitstring(h)) { ok = false; break; }
            if (nb) { fn(ctx, batch, 0, nb * 8); nb = 0; }
            const uint8_t *base;
            size_t off, size;
            bin_view(h, &base, &off, &size);
            if (!allow_bits && (size & 7)) { ok = false; break; }
            if (size)
                fn(ctx, base, off, size);
            continue;
        }
        if (is_bitstring(cur)) {
            if (nb) { fn(ctx, batch, 0, nb * 8); nb = 0; }
            const uint8_t *base;
            size_t off, size;
            bin_view(cur, &base, &off, &size);
            if (!allow_bits && (size & 7)) { ok = false; break; }
            if (size)
                fn(ctx, base, off, size);
        } else if (!is_nil(cur)) {
            ok = false;
            break;
        }
        if (sp == 0)
            break;
        cur = stack[--sp];
    }
    if (ok && nb)
        fn(ctx, batch, 0, nb * 8);
    if (stack != local)
        free(stack);
    return ok;
}

static void add_bits(void *ctx, const uint8_t *base, size_t off, size_t bits)
{
    (void)base; (void)off;
    size_t *total = ctx;
    if (__builtin_add_overflow(*total, bits, total))
        *total = SIZE_MAX;              /* the allocation will fail: system_limit */
}

bool bin_iolist_bits(Term t, bool allow_bits, size_t *bits)
{
    *bits = 0;
    return bin_iolist_walk(t, allow_bits, add_bits, bits);
}

typedef struct { uint8_t *dst; size_t off; } CopyCtx;

static void copy_piece(void *ctx, const uint8_t *base, size_t off, size_t bits)
{
    CopyCtx *c = ctx;
    bin_copy_bits(c->dst, c->off, base, off, bits);
    c->off += bits;
}

Term bin_iolist_build(Process *p, Term t, size_t bits)
{
    size_t bytes = bits / 8 + ((bits & 7) != 0);
    uint8_t *d;
    Term bin = bin_try_alloc(p, bytes, &d);
    if (is_non_value(bin))
        return THE_NON_VALUE;
    if (bits & 7) {
        d[bytes - 1] = 0;
        bin = bin_make_sub(p, bin, 0, bits);
    }
    CopyCtx c = { d, 0 };
    bin_iolist_walk(t, true, copy_piece, &c);
    return bin;
}

void bin_bump_reds(Process *p, size_t bytes)
{
    size_t r = bytes / BIN_BYTES_PER_REDUCTION;
    p->fcalls = (size_t)(p->fcalls > 0 ? p->fcalls : 0) > r ? p->fcalls - (int32_t)r : 0;
}

/* ---- off-heap ---- */

void bin_offheap_release(OffHeapHeader *h)
{
    Term *hp = (Term *)h;
    if (hp[REFC_VAL]) {             /* released twice: the second is a no-op */
        bin_ref_dec((Binary *)hp[REFC_VAL]);
        hp[REFC_VAL] = 0;
    }
}

void bin_offheap_release_list(OffHeapHeader *first)
{
    while (first) {
        OffHeapHeader *next = first->next;
        if (header_subtag(first->header) == SUB_REFC_BIN)
            bin_offheap_release(first);
        first = next;
    }
}
