/* binary.h — binaries and bitstrings: the three on-heap kinds, the
 * reference-counted off-heap `Binary`, and bit-level copy/compare helpers.
 * Layouts and ownership invariants are written below; bits.c (bit syntax)
 * and the collector rely on them. */
#ifndef GIRDER_BINARY_H
#define GIRDER_BINARY_H

#include "term.h"
#include "../proc/heap.h"
#include <stdatomic.h>

/*
 * Every bitstring term is a boxed pointer to one of:
 *
 * HEAP BINARY (SUB_HEAP_BIN), whole bytes, at most BIN_HEAP_LIMIT bytes:
 *   [0] make_header(1 + ceil(len/8), SUB_HEAP_BIN)
 *   [1] byte size (raw word)
 *   [2..] the bytes, padded with zeros to whole words
 *
 * REFC BINARY (SUB_REFC_BIN), whole bytes: an on-heap handle
 *   [0] make_header(4, SUB_REFC_BIN)
 *   [1] byte size seen through this handle (raw)           } the first three
 *   [2] next handle in the owner's off-heap list (raw ptr) } words are an
 *                                                          } OffHeapHeader
 *   [3] Binary * (raw pointer to the malloc'd data)
 *   [4] flags (raw): BIN_F_WRITABLE (see "writable binaries")
 *   Every handle is on exactly one off-heap list (its process's
 *   p->off_heap, or the list of the heap fragment holding it) and holds one
 *   reference on its Binary.
 *
 * SUB BINARY (SUB_SUB_BIN): a window into a heap or refc binary. This is the
 *   only kind whose size may be a non-multiple of 8 bits: every bitstring
 *   that is not whole bytes is a sub binary.
 *   [0] make_header(4, SUB_SUB_BIN)
 *   [1] size in bits (raw)
 *   [2] offset in bits from the start of orig's bytes (raw)
 *   [3] flags (raw): SUB_F_WRITABLE
 *   [4] orig: the heap or refc binary term (never another sub binary)
 *
 * In the last byte of a bitstring that is not whole bytes, the bits past
 * its end are unspecified (not necessarily zero): mask them when copying
 * raw bytes out (e.g. for the external format).
 *
 * For the collector: the only word in any binary object that is a term is a
 * sub binary's [4] (orig); every other word is raw. A match state (bits.h)
 * likewise holds exactly one term, at [1]. No object stores a raw pointer
 * into a heap binary's bytes, so heap binaries may move freely; raw data
 * pointers are only ever derived on the spot (bin_view) and must not be kept
 * across a safe point.
 *
 * Ownership of a Binary: its refcount is the number of handles (plus C code
 * holding it temporarily, e.g. a NIF's ErlNifBinary or an ETS table) that
 * refer to it. bin_binary_alloc returns it with refcount 1, owned by the
 * caller; bin_from_binary gives that reference to a new handle. When the
 * collector finds a handle dead (or the process exits) it calls
 * bin_offheap_release, which drops the handle's reference; the Binary is
 * freed when the count reaches zero. Copying a handle to another heap (a
 * message, ETS) must bin_ref_inc the Binary and link the copy into the
 * destination's off-heap list (bin_offheap_link).
 *
 * Writable binaries (the append optimisation, as ERTS): bits.c may create a
 * refc handle with BIN_F_WRITABLE whose Binary has spare capacity
 * (Binary.size > handle size) and a sub binary over it with SUB_F_WRITABLE.
 * Appending to that sub binary writes in place, past every existing view's
 * end, and may realloc the Binary — only while its refcount is 1 (no other
 * handle, so no other process, can see the memory move). Since such a
 * handle's size may still grow, the handle itself is never handed out as a
 * value (only sub binaries over it are). Matching a writable binary needs
 * no special care (match states keep no data pointers). Copiers should
 * clear SUB_F_WRITABLE and BIN_F_WRITABLE in their copies.
 */

#define BIN_HEAP_LIMIT 64

typedef struct Binary {
    _Atomic UWord refc;
    size_t size;           /* bytes allocated in bytes[] (ERTS orig_size) */
    uint8_t bytes[];
} Binary;

#define HEAP_BIN_WORDS(len)   (2 + ((size_t)(len) + 7) / 8)
#define REFC_BIN_WORDS        5
#define SUB_BIN_WORDS         5

/* refc handle fields */
#define REFC_SIZE   1
#define REFC_NEXT   2
#define REFC_VAL    3
#define REFC_FLAGS  4
#define BIN_F_WRITABLE 0x1
/* sub binary fields */
#define SUB_BITSIZE 1
#define SUB_BITOFFS 2
#define SUB_FLAGS   3
#define SUB_ORIG    4
#define SUB_F_WRITABLE 0x1

#define is_heap_bin(t)  is_boxed_of(t, SUB_HEAP_BIN)
#define is_refc_bin(t)  is_boxed_of(t, SUB_REFC_BIN)
#define is_sub_bin(t)   is_boxed_of(t, SUB_SUB_BIN)
#define refc_binary_of(t) ((Binary *)boxed_val(t)[REFC_VAL])

/* ---- the Binary (off-heap data) ---- */
/* refcount 1; aborts when out of memory. */
Binary *bin_binary_alloc(size_t size);
/* As bin_binary_alloc, but NULL when out of memory (for user-sized data). */
Binary *bin_binary_try_alloc(size_t size);
/* Resize a Binary whose refcount is 1; NULL (b untouched) on failure. */
Binary *bin_binary_realloc(Binary *b, size_t size);
static inline void bin_ref_inc(Binary *b)
{
    atomic_fetch_add_explicit(&b->refc, 1, memory_order_relaxed);
}
/* Drop one reference; frees the Binary and returns true at zero. */
bool bin_ref_dec(Binary *b);
static inline UWord bin_refcount(const Binary *b)
{
    return atomic_load_explicit(&((Binary *)b)->refc, memory_order_acquire);
}

/* ---- making binary terms ---- */
/* A binary holding a copy of data[0..len): a heap binary up to
 * BIN_HEAP_LIMIT bytes, else a refc binary. Aborts when out of memory. */
Term bin_new(Process *p, const void *data, size_t len);
/* As bin_new with uninitialised bytes, returned through *data. */
Term bin_alloc(Process *p, size_t len, uint8_t **data);
/* As bin_alloc, but THE_NON_VALUE (nothing allocated) when memory for the
 * bytes cannot be had: callers raise system_limit. */
Term bin_try_alloc(Process *p, size_t len, uint8_t **data);
/* A refc handle on p's heap for `size` bytes of b; takes over the caller's
 * reference to b. */
Term bin_from_binary(Process *p, Binary *b, size_t size);
/* The part [bit_offset, bit_offset+bit_size) of bitstring `bin` (offsets
 * relative to bin's first bit; the caller checks the range). As ERTS does
 * when extracting: a heap copy if the part is whole bytes and at most
 * BIN_HEAP_LIMIT long, `bin` itself if it is all of it, else a sub binary
 * sharing bin's data. */
Term bin_sub(Process *p, Term bin, size_t bit_offset, size_t bit_size);
/* A sub binary over orig (a heap or refc binary) — never a copy. */
Term bin_make_sub(Process *p, Term orig, size_t bit_offset, size_t bit_size);

/* ---- reading ---- */
/* The bytes of a heap or refc binary (not a sub binary). */
static inline uint8_t *bin_orig_bytes(Term orig)
{
    Term *b = boxed_val(orig);
    if (header_subtag(b[0]) == SUB_HEAP_BIN)
        return (uint8_t *)(b + 2);
    return ((Binary *)b[REFC_VAL])->bytes;
}
static inline size_t bin_orig_size(Term orig)   /* in bytes */
{
    return (size_t)boxed_val(orig)[1];
}
/* The underlying heap/refc binary of any bitstring. */
static inline Term bin_orig_of(Term bin)
{
    return is_sub_bin(bin) ? boxed_val(bin)[SUB_ORIG] : bin;
}
/* Uniform reader: bin's bits are [*bit_offset, *bit_offset + *bit_size) of
 * *base (bit 0 = most significant bit of base[0]). The pointer is valid
 * until the next safe point. `bin` must be a bitstring. */
static inline void bin_view(Term bin, const uint8_t **base, size_t *bit_offset, size_t *bit_size)
{
    Term *b = boxed_val(bin);
    if (header_subtag(b[0]) == SUB_SUB_BIN) {
        *base = bin_orig_bytes(b[SUB_ORIG]);
        *bit_offset = (size_t)b[SUB_BITOFFS];
        *bit_size = (size_t)b[SUB_BITSIZE];
    } else {
        *base = header_subtag(b[0]) == SUB_HEAP_BIN ? (const uint8_t *)(b + 2)
                                                    : ((Binary *)b[REFC_VAL])->bytes;
        *bit_offset = 0;
        *bit_size = (size_t)b[1] * 8;
    }
}
static inline size_t bin_bit_size(Term bin)
{
    Term *b = boxed_val(bin);
    return header_subtag(b[0]) == SUB_SUB_BIN ? (size_t)b[SUB_BITSIZE] : (size_t)b[1] * 8;
}
/* byte_size/1: bits rounded up to whole bytes. */
static inline size_t bin_byte_size(Term bin) { return (bin_bit_size(bin) + 7) / 8; }
/* A bitstring of whole bytes (erlang:is_binary/1). */
static inline bool bin_is_binary(Term t)
{
    return is_bitstring(t) && (bin_bit_size(t) & 7) == 0;
}
/* The bytes of binary `bin` (whole bytes; NULL if not a binary) as one
 * contiguous run of *len bytes. When bin starts at a bit offset the bytes
 * are copied to a malloc'd buffer returned in *tmp (else *tmp = NULL); the
 * caller frees *tmp. */
const uint8_t *bin_bytes(Term bin, size_t *len, uint8_t **tmp);

/* ---- bit-level helpers (bit 0 = MSB of byte 0) ---- */
/* k (1..8) bits at bit position pos of s, left-aligned in the result byte;
 * reads only the bytes holding those bits. */
static inline unsigned bin_fetch_bits(const uint8_t *s, size_t pos, unsigned k)
{
    const uint8_t *q = s + (pos >> 3);
    unsigned o = pos & 7;
    unsigned v = (unsigned)q[0] << 8;
    if (o + k > 8)
        v |= q[1];
    return ((v << o) >> 8) & (0xFFu << (8 - k)) & 0xFF;
}
/* Copy n bits; bits of dst outside [doff, doff+n) are left untouched.
 * The ranges may overlap only if they are identical or byte-aligned. */
void bin_copy_bits(uint8_t *dst, size_t doff, const uint8_t *src, size_t soff, size_t n);
/* Compare n bits as unsigned big-endian numbers: <0, 0, >0. */
int bin_cmp_bits(const uint8_t *a, size_t aoff, const uint8_t *b, size_t boff, size_t n);
/* Order two bitstrings as erl does (bytewise, then by size): -1, 0, 1. */
int bin_compare(Term a, Term b);

/* ---- iolists ----
 * An iolist is a possibly improper list of bytes (0..255), binaries and
 * iolists, whose tails may be binaries. With allow_bits, bitstrings are
 * accepted wherever binaries are (list_to_bitstring). The walk keeps its own
 * stack, so arbitrarily deep nesting does not touch the C stack. */
typedef void (*BinIoFn)(void *ctx, const uint8_t *base, size_t bit_offset, size_t bits);
/* Call fn on each piece of t (a list, or a bitstring), in order; runs of
 * list bytes are batched. false if t is not an iolist (fn may already have
 * been called for a prefix). */
bool bin_iolist_walk(Term t, bool allow_bits, BinIoFn fn, void *ctx);
/* Total size in bits; false if t is not an iolist. */
bool bin_iolist_bits(Term t, bool allow_bits, size_t *bits);
/* iolist_to_binary / list_to_bitstring once t is known to be one: a new
 * bitstring of `bits` bits (from bin_iolist_bits); THE_NON_VALUE if the
 * memory cannot be had. */
Term bin_iolist_build(Process *p, Term t, size_t bits);

/* Charge p reductions for work over `bytes` bytes (BIFs do not yield, so
 * big jobs at least end the time slice sooner). Never below zero. */
#define BIN_BYTES_PER_REDUCTION 32
void bin_bump_reds(Process *p, size_t bytes);

/* ---- the off-heap list ---- */
/* Put a refc handle at hp (already filled in) on list *first. */
static inline void bin_offheap_link(OffHeapHeader **first, Term *hp)
{
    hp[REFC_NEXT] = (Term)(UWord)*first;
    *first = (OffHeapHeader *)hp;
}
/* The GC's call for a refc handle that died: drop its reference (the
 * handle's Binary pointer is cleared, so a second call does nothing). */
void bin_offheap_release(OffHeapHeader *h);
/* Release every refc handle on the list starting at first (process exit,
 * freeing a heap fragment). Entries of other kinds are skipped. */
void bin_offheap_release_list(OffHeapHeader *first);

/* Bytes held by refc binaries, VM-wide. */
extern _Atomic int64_t bin_mem_bytes;
#endif
