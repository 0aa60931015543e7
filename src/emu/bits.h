/* bits.h — the bit-syntax runtime called by the emulator: construction
 * (OTP 25 bs_create_bin, and the older bs_init2/bs_put_* family still found
 * in .beam files built by older compilers, e.g. Elixir's), and matching
 * (match states and the bs_get_* / bs_skip_* / bs_test_* operations).
 * Semantics follow ERTS's erl_bits.c and bs_instrs.tab; see bits.c. */
#ifndef GIRDER_BITS_H
#define GIRDER_BITS_H

#include "../term/binary.h"
#include "../proc/process.h"

/* Segment flags: the same bits as the BEAM file's field_flags operand
 * (beam_asm), so the loader can pass those through unchanged. For
 * bs_create_bin the loader translates the literal flag list ([little,
 * signed, native]) into these bits. */
#define BITS_F_ALIGNED 0x01
#define BITS_F_LITTLE  0x02
#define BITS_F_SIGNED  0x04
#define BITS_F_EXACT   0x08
#define BITS_F_NATIVE  0x10       /* = little on the machines girder runs on */

/* ================= construction ================= */

/* Segment types of bs_create_bin (its atoms: integer, float, binary — which
 * also covers bitstring/bits —, append, private_append, utf8, utf16, utf32,
 * string). */
enum {
    BITS_SEG_INTEGER,
    BITS_SEG_FLOAT,
    BITS_SEG_BINARY,
    BITS_SEG_APPEND,          /* only as the first segment */
    BITS_SEG_PRIVATE_APPEND,  /* only as the first segment */
    BITS_SEG_UTF8,
    BITS_SEG_UTF16,
    BITS_SEG_UTF32,
    BITS_SEG_STRING
};

/* One decoded segment of bs_create_bin. `size` is the Size operand as a
 * term: an integer (multiplied by `unit`), AM(all) for `binary` segments,
 * anything for utf segments (ignored). For BITS_SEG_STRING, `str` points at
 * the bytes (the module's string table) and `size` is make_small(byte
 * count); `value` is unused. For append segments `value` is the binary
 * appended to and `unit` its unit. */
typedef struct {
    int type;
    unsigned flags;
    unsigned unit;
    Term value;
    Term size;
    const uint8_t *str;
} BitsSegment;

/* Build the bitstring described by segs[0..n). Returns it, or
 * THE_NON_VALUE with p's exception set (error:badarg for a bad value or
 * size, error:system_limit for a size too large to build). Allocates with
 * proc_alloc only: never collects. */
Term bits_create_bin(Process *p, const BitsSegment *segs, size_t n);

/* ---- the pre-OTP 25 construction instructions ----
 * bs_init2 / bs_init_bits / bs_append / bs_private_append start a build
 * and leave a write position in a BitsWriter; the bs_put_* that follow
 * write at it. The emulator keeps one BitsWriter per scheduler thread (no
 * safe point can come between a bs_init and its last bs_put). Every
 * function returning bool/Term sets p's exception on failure (badarg or
 * system_limit); the emulator jumps to the Fail label instead of raising
 * when it has one. */
typedef struct {
    uint8_t *buf;             /* the bytes being written */
    size_t offset;            /* next bit to write */
} BitsWriter;

/* bs_init2: a binary of `size` bytes (a term, validated). */
Term bits_init(Process *p, BitsWriter *w, Term size);
/* bs_init_bits: a bitstring of `size` bits. */
Term bits_init_bits(Process *p, BitsWriter *w, Term size);
/* bs_add: s1 + s2 * unit as a size (badarg / system_limit). */
Term bits_add(Process *p, Term s1, Term s2, unsigned unit);
/* bs_append: a new bitstring holding bin and room for build_bits more
 * bits (a term), written next through w; unit is the unit bin must have. */
Term bits_append(Process *p, BitsWriter *w, Term bin, Term build_bits, unsigned unit);
/* bs_private_append: as bits_append, for a bin made by bits_init_writable
 * or a previous private append (updated in place and returned). */
Term bits_private_append(Process *p, BitsWriter *w, Term bin, Term build_bits, unsigned unit);
/* bs_init_writable: an empty writable binary; size_hint is x0 (a byte
 * count hint; anything else means the default). */
Term bits_init_writable(Process *p, Term size_hint);
bool bits_put_integer(Process *p, BitsWriter *w, Term value, Term size, unsigned unit, unsigned flags);
bool bits_put_float(Process *p, BitsWriter *w, Term value, Term size, unsigned unit, unsigned flags);
/* size AM(all): the whole of value, whose size must be a multiple of unit. */
bool bits_put_binary(Process *p, BitsWriter *w, Term value, Term size, unsigned unit);
void bits_put_string(BitsWriter *w, const uint8_t *bytes, size_t len);
bool bits_put_utf8(Process *p, BitsWriter *w, Term value);
bool bits_put_utf16(Process *p, BitsWriter *w, Term value, unsigned flags);
bool bits_put_utf32(Process *p, BitsWriter *w, Term value, unsigned flags);
/* bs_utf8_size / bs_utf16_size: bytes the value will take (a nonsense but
 * harmless answer for invalid values; the bs_put that follows checks). */
Term bits_utf8_size(Term value);
Term bits_utf16_size(Term value);

/* ================= matching ================= */

/* A match state on the heap:
 *   [0] make_header(3, SUB_MATCHSTATE)
 *   [1] orig: the heap or refc binary matched (a term; the only one)
 *   [2] current position, in bits from the start of orig's bytes (raw)
 *   [3] end position, in bits from the start of orig's bytes (raw)
 * bs_get_position/bs_set_position exchange the current position as a
 * small. OTP 25's compiler no longer emits bs_save2/bs_restore2/
 * bs_context_to_binary/bs_start_match2 (the loader refuses them), so there
 * are no save slots. */
#define MS_WORDS   4
#define MS_ORIG    1
#define MS_POS     2
#define MS_END     3
#define is_match_state(t) is_boxed_of(t, SUB_MATCHSTATE)
static inline Term *ms_val(Term ms) { return boxed_val(ms); }
static inline size_t ms_remaining(Term ms) { return (size_t)(ms_val(ms)[MS_END] - ms_val(ms)[MS_POS]); }

/* bs_start_match3/4: a new match state over bitstring `src`, or src itself
 * if it is already a match state; THE_NON_VALUE (no exception) if src is
 * neither. */
Term bits_start_match(Process *p, Term src);
/* The current position (bs_get_position) / restore it (bs_set_position). */
static inline Term bits_get_position(Term ms) { return make_small(ms_val(ms)[MS_POS]); }
static inline void bits_set_position(Term ms, Term pos) { ms_val(ms)[MS_POS] = (Term)small_val(pos); }

/* The bs_get_* family: on success store the value in *out, advance and
 * return true; on mismatch return false and leave the position alone.
 * They never raise. `size` is the Size operand (a term) and is multiplied
 * by unit; a size that is not a non-negative small is a mismatch. The _n
 * variants take a size already in bits (operands resolved at load time). */
bool bits_get_integer(Process *p, Term ms, Term size, unsigned unit, unsigned flags, Term *out);
bool bits_get_integer_n(Process *p, Term ms, size_t nbits, unsigned flags, Term *out);
bool bits_get_float(Process *p, Term ms, Term size, unsigned unit, unsigned flags, Term *out);
/* size AM(all): the rest, which must be a multiple of unit bits. */
bool bits_get_binary(Process *p, Term ms, Term size, unsigned unit, Term *out);
bool bits_get_binary_n(Process *p, Term ms, size_t nbits, Term *out);
bool bits_skip_bits(Term ms, Term size, unsigned unit);
bool bits_skip_bits_n(Term ms, size_t nbits);
bool bits_get_utf8(Term ms, Term *out);
bool bits_get_utf16(Term ms, unsigned flags, Term *out);
bool bits_get_utf32(Term ms, unsigned flags, Term *out);
/* bs_skip_utf*: as bits_get_utf* without the value. */
static inline bool bits_skip_utf8(Term ms) { Term t; return bits_get_utf8(ms, &t); }
static inline bool bits_skip_utf16(Term ms, unsigned f) { Term t; return bits_get_utf16(ms, f, &t); }
static inline bool bits_skip_utf32(Term ms, unsigned f) { Term t; return bits_get_utf32(ms, f, &t); }
/* bs_get_tail: the rest as a bitstring (the position is not moved). */
Term bits_get_tail(Process *p, Term ms);
/* bs_test_tail2: exactly `bits` bits remain. */
static inline bool bits_test_tail(Term ms, size_t bits) { return ms_remaining(ms) == bits; }
/* bs_test_unit: the remaining bit count is a multiple of unit. */
static inline bool bits_test_unit(Term ms, unsigned unit) { return ms_remaining(ms) % unit == 0; }
/* bs_match_string: the next `bits` bits equal bytes' first bits. */
bool bits_match_string(Term ms, const uint8_t *bytes, size_t bits);

/* ================= shared helpers ================= */

/* Read n bits at bit offset off of base as an integer (flags: signed,
 * little); a small, or a bignum built on p's heap. */
Term bits_read_integer(Process *p, const uint8_t *base, size_t off, size_t n, unsigned flags);
/* Write integer `value` (small or bignum; two's complement, truncated) as
 * n bits at bit offset off of dst. */
void bits_write_integer(uint8_t *dst, size_t off, Term value, size_t n, unsigned flags);

#endif
