/* ext.h — the external term format (term_to_binary / binary_to_term).
 * Owns encoding and decoding of every tag OTP 25 produces or accepts, and the
 * heap layouts of pids, ports and refs that belong to other nodes (they are
 * only ever created by decoding). Both directions are iterative: no C
 * recursion per nesting level. */
#ifndef GIRDER_EXT_H
#define GIRDER_EXT_H

#include "term.h"
#include "../proc/heap.h"

typedef struct Process Process;

/* ---- tags ---- */
#define EXT_VERSION             131
#define EXT_NEW_FLOAT           70
#define EXT_BIT_BINARY          77
#define EXT_COMPRESSED          80
#define EXT_ATOM_CACHE_REF      82
#define EXT_NEW_PID             88
#define EXT_NEW_PORT            89
#define EXT_NEWER_REFERENCE     90
#define EXT_SMALL_INTEGER       97
#define EXT_INTEGER             98
#define EXT_FLOAT               99
#define EXT_ATOM                100
#define EXT_REFERENCE           101
#define EXT_PORT                102
#define EXT_PID                 103
#define EXT_SMALL_TUPLE         104
#define EXT_LARGE_TUPLE         105
#define EXT_NIL                 106
#define EXT_STRING              107
#define EXT_LIST                108
#define EXT_BINARY              109
#define EXT_SMALL_BIG           110
#define EXT_LARGE_BIG           111
#define EXT_NEW_FUN             112
#define EXT_EXPORT              113
#define EXT_NEW_REFERENCE       114
#define EXT_SMALL_ATOM          115
#define EXT_MAP                 116
#define EXT_FUN                 117
#define EXT_ATOM_UTF8           118
#define EXT_SMALL_ATOM_UTF8     119
#define EXT_V4_PORT             120

/* ---- terms of other nodes ----
 * Every word after the header is an immediate (an atom or a small), so a
 * collector may scan these objects as terms or skip them, as it likes.
 *
 * External pid:  header(4, SUB_EXT_PID)   [1] node atom  [2] small(number)
 *                [3] small(serial)  [4] small(creation)
 * External port: header(4, SUB_EXT_PORT)  [1] node atom  [2] small(id >> 32)
 *                [3] small(id & 0xffffffff)  [4] small(creation)
 * External ref:  header(2 + n, SUB_EXT_REF)  [1] node atom  [2] small(creation)
 *                [3 .. 2+n] small(number i), n = 0..5, in wire order
 *                (number 0 first).
 * Local pids and ports are immediates and local refs use ref.h's layout. */
#define EXT_PID_WORDS   5
#define EXT_PORT_WORDS  5
#define EXT_REF_MAX_NUMBERS 5
#define ext_node(t)          (boxed_val(t)[1])
#define ext_pid_number(t)    ((uint32_t)small_val(boxed_val(t)[2]))
#define ext_pid_serial(t)    ((uint32_t)small_val(boxed_val(t)[3]))
#define ext_pid_creation(t)  ((uint32_t)small_val(boxed_val(t)[4]))
#define ext_port_id(t)       (((uint64_t)small_val(boxed_val(t)[2]) << 32) | (uint64_t)small_val(boxed_val(t)[3]))
#define ext_port_creation(t) ((uint32_t)small_val(boxed_val(t)[4]))
#define ext_ref_creation(t)  ((uint32_t)small_val(boxed_val(t)[2]))
#define ext_ref_count(t)     ((unsigned)(header_arity(boxed_header(t)) - 2))
#define ext_ref_number(t, i) ((uint32_t)small_val(boxed_val(t)[3 + (i)]))

/* The node a non-distributed girder is (as erl: 'nonode@nohost', creation
 * 0). Decoded pids/ports/refs naming this node become local ones. */
void ext_set_this_node(Term node, uint32_t creation);

/* ---- decoding ---- */
#define EXT_DEC_SAFE 0x1     /* refuse to create atoms (binary_to_term [safe]) */

/* Decode buf[0..len), which starts with the version byte 131 (and may be
 * COMPRESSED). Returns THE_NON_VALUE for any malformed input (binary_to_term
 * raises badarg). *used (if not NULL) gets the bytes consumed, as
 * binary_to_term(B, [used]) reports them. Builds on p's heap with proc_alloc
 * (and the bignum/map/binary constructors); never collects. */
Term ext_decode(Process *p, const uint8_t *buf, size_t len, size_t *used, unsigned flags);

/* A literal area: the memory one decoded literal lives in, outside any
 * process heap. The loader keeps it as long as code refers to the literal. */
typedef struct ExtLiteral {
    Term *heap;               /* malloc'd block holding the term ... */
    size_t used, size;        /* ... words [0, used) are in use */
    HeapFrag *frags;          /* more blocks if the size estimate was short */
    OffHeapHeader *off_heap;  /* refc binaries the literal holds a reference to */
} ExtLiteral;

/* Decode one literal (as in a LitT chunk: version byte first) into a fresh
 * literal area `*area`. THE_NON_VALUE (and nothing allocated) on malformed
 * input. Refc binaries stay referenced through area->off_heap. */
Term ext_decode_literal(const uint8_t *buf, size_t len, ExtLiteral *area);
/* Drop the area's references to refc binaries and free its memory. */
void ext_literal_free(ExtLiteral *area);

/* ---- encoding ---- */
#define EXT_ENC_FLOAT_TEXT     0x1   /* {minor_version,0}: floats as FLOAT_EXT */
#define EXT_ENC_UTF8_ATOMS     0x2   /* {minor_version,2}: every atom as UTF-8 */
#define EXT_ENC_DETERMINISTIC  0x4   /* map pairs in key order */
#define EXT_ENC_LEVEL_SHIFT    8     /* zlib level 0..9 in bits 8..11 (0: none) */
#define EXT_ENC_LEVEL(n)       ((unsigned)(n) << EXT_ENC_LEVEL_SHIFT)
#define EXT_ENC_LEVEL_MASK     (0xFu << EXT_ENC_LEVEL_SHIFT)

/* Bytes term_to_binary(t) takes uncompressed, version byte included (what
 * erlang:external_size/1,2 returns); 0 if the term cannot be encoded
 * (system_limit: a binary or list too long for the format). */
size_t ext_encoded_size(Term t, unsigned flags);
/* term_to_binary(t, Opts): a binary, exactly erl's bytes. THE_NON_VALUE on
 * failure (system_limit: a binary or list too long for the format, or no
 * memory for the result); *reason (if not NULL) gets the error atom. */
Term ext_encode(Process *p, Term t, unsigned flags, Term *reason);
/* term_to_iovec(t, Opts): a list of binaries whose concatenation is
 * term_to_binary's result. As erl, binaries of more than 64 bytes are not
 * copied but referenced as their own elements, and a compressed result is a
 * plain binary, not a list. */
Term ext_encode_iovec(Process *p, Term t, unsigned flags, Term *reason);

#endif
