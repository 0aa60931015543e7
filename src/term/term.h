/* term.h — the tagged 64-bit term word: tags, constructors, accessors.
 * Owns the tag layout (the table below is the invariant every subsystem
 * relies on) and the boxed-object header layouts. Modelled on ERTS's layout
 * so heap sizes are comparable with erl's. */
#ifndef GIRDER_TERM_H
#define GIRDER_TERM_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <string.h>

typedef uint64_t Term;
typedef int64_t SWord;
typedef uint64_t UWord;

/*
 * Primary tag: the low 2 bits.
 *   00  header word        (only on the heap, first word of a boxed object;
 *                           on the stack a 00-word is a return address)
 *   01  list pointer       (points at two words: head, tail)
 *   10  boxed pointer      (points at a header word)
 *   11  immediate
 *
 * Immediates (low 4 bits):
 *   0011  local pid        value = process index << 4
 *   0111  local port       value = port index << 4
 *   1011  immediate-2      see below
 *   1111  small integer    value = signed 60-bit integer << 4
 *
 * Immediate-2 (low 6 bits):
 *   001011 atom            index << 6
 *   011011 catch label     index << 6 (only on the stack)
 *   101011 (unused; THE_NON_VALUE is a 00 header-like word below)
 *   111011 nil             [] is exactly 0x3B
 *
 * Header words (low 2 bits 00): subtag in bits 2..5, arity in bits 6..63.
 *   0000 tuple (arity = element count)
 *   0001 match state       0010 positive bignum   0011 negative bignum
 *   0100 local reference   0101 fun (closure)     0110 float
 *   0111 export (fun M:F/A)
 *   1000 refc binary       1001 heap binary       1010 sub binary
 *   1011 (unused)          1100 external pid      1101 external port
 *   1110 external ref      1111 map
 * For every boxed object, arity = number of words following the header,
 * so the collector can skip any object without knowing its kind.
 */

#define TAG_PRIMARY_MASK   0x3
#define TAG_PRIMARY_HEADER 0x0
#define TAG_PRIMARY_LIST   0x1
#define TAG_PRIMARY_BOXED  0x2
#define TAG_PRIMARY_IMMED1 0x3

#define TAG_IMMED1_MASK    0xF
#define TAG_IMMED1_PID     0x3
#define TAG_IMMED1_PORT    0x7
#define TAG_IMMED1_IMMED2  0xB
#define TAG_IMMED1_SMALL   0xF
#define TAG_IMMED1_SIZE    4

#define TAG_IMMED2_MASK    0x3F
#define TAG_IMMED2_ATOM    0x0B
#define TAG_IMMED2_CATCH   0x1B
#define TAG_IMMED2_NIL     0x3B
#define TAG_IMMED2_SIZE    6

#define NIL          ((Term)TAG_IMMED2_NIL)
/* THE_NON_VALUE: "no term" (a header word with arity 0 and an unused
 * subtag); never a valid term, returned by BIFs to signal an exception. */
#define THE_NON_VALUE ((Term)(0xB << 2))
#define is_value(t)     ((t) != THE_NON_VALUE)
#define is_non_value(t) ((t) == THE_NON_VALUE)

#define primary_tag(t)  ((t) & TAG_PRIMARY_MASK)
#define is_list(t)      (primary_tag(t) == TAG_PRIMARY_LIST)
#define is_boxed(t)     (primary_tag(t) == TAG_PRIMARY_BOXED)
#define is_immed(t)     (primary_tag(t) == TAG_PRIMARY_IMMED1)
#define is_header(t)    (primary_tag(t) == TAG_PRIMARY_HEADER)
#define is_nil(t)       ((t) == NIL)
#define is_not_nil(t)   ((t) != NIL)

/* ---- pointers ---- */
#define list_val(t)     ((Term *)((t) - TAG_PRIMARY_LIST))
#define boxed_val(t)    ((Term *)((t) - TAG_PRIMARY_BOXED))
#define make_list(p)    ((Term)(p) + TAG_PRIMARY_LIST)
#define make_boxed(p)   ((Term)(p) + TAG_PRIMARY_BOXED)
#define CAR(p)          ((p)[0])
#define CDR(p)          ((p)[1])

/* ---- small integers: 60 bits signed ---- */
#define SMALL_BITS      60
#define MAX_SMALL       ((SWord)((((UWord)1) << (SMALL_BITS - 1)) - 1))
#define MIN_SMALL       (-MAX_SMALL - 1)
#define is_small(t)     (((t) & TAG_IMMED1_MASK) == TAG_IMMED1_SMALL)
#define make_small(i)   ((Term)(((UWord)(SWord)(i) << TAG_IMMED1_SIZE) | TAG_IMMED1_SMALL))
#define small_val(t)    ((SWord)(t) >> TAG_IMMED1_SIZE)
#define IS_SSMALL(i)    ((SWord)(i) >= MIN_SMALL && (SWord)(i) <= MAX_SMALL)
#define IS_USMALL(u)    ((UWord)(u) <= (UWord)MAX_SMALL)

/* ---- atoms ---- */
#define is_atom(t)      (((t) & TAG_IMMED2_MASK) == TAG_IMMED2_ATOM)
#define make_atom(i)    ((Term)(((UWord)(i) << TAG_IMMED2_SIZE) | TAG_IMMED2_ATOM))
#define atom_val(t)     ((UWord)(t) >> TAG_IMMED2_SIZE)

/* ---- catch labels (stack only) ---- */
#define is_catch(t)     (((t) & TAG_IMMED2_MASK) == TAG_IMMED2_CATCH)
#define make_catch(i)   ((Term)(((UWord)(i) << TAG_IMMED2_SIZE) | TAG_IMMED2_CATCH))
#define catch_val(t)    ((UWord)(t) >> TAG_IMMED2_SIZE)

/* ---- local pids and ports ---- */
#define is_internal_pid(t)  (((t) & TAG_IMMED1_MASK) == TAG_IMMED1_PID)
#define make_internal_pid(i) ((Term)(((UWord)(i) << TAG_IMMED1_SIZE) | TAG_IMMED1_PID))
#define internal_pid_index(t) ((UWord)(t) >> TAG_IMMED1_SIZE)
#define is_internal_port(t) (((t) & TAG_IMMED1_MASK) == TAG_IMMED1_PORT)
#define make_internal_port(i) ((Term)(((UWord)(i) << TAG_IMMED1_SIZE) | TAG_IMMED1_PORT))
#define internal_port_index(t) ((UWord)(t) >> TAG_IMMED1_SIZE)

/* ---- headers ---- */
#define HEADER_SUBTAG_MASK 0x3C
#define HEADER_ARITY_OFFS  6
#define SUB_TUPLE      (0x0 << 2)
#define SUB_MATCHSTATE (0x1 << 2)
#define SUB_POS_BIG    (0x2 << 2)
#define SUB_NEG_BIG    (0x3 << 2)
#define SUB_REF        (0x4 << 2)
#define SUB_FUN        (0x5 << 2)
#define SUB_FLOAT      (0x6 << 2)
#define SUB_EXPORT     (0x7 << 2)
#define SUB_REFC_BIN   (0x8 << 2)
#define SUB_HEAP_BIN   (0x9 << 2)
#define SUB_SUB_BIN    (0xA << 2)
#define SUB_EXT_PID    (0xC << 2)
#define SUB_EXT_PORT   (0xD << 2)
#define SUB_EXT_REF    (0xE << 2)
#define SUB_MAP        (0xF << 2)

#define make_header(arity, sub) ((Term)(((UWord)(arity) << HEADER_ARITY_OFFS) | (sub)))
#define header_arity(h)   ((UWord)(h) >> HEADER_ARITY_OFFS)
#define header_subtag(h)  ((h) & HEADER_SUBTAG_MASK)
#define boxed_header(t)   (*boxed_val(t))
#define boxed_subtag(t)   header_subtag(boxed_header(t))
#define is_boxed_of(t, sub) (is_boxed(t) && boxed_subtag(t) == (sub))

/* ---- tuples: header(arity) e1 .. eN ---- */
#define make_arityval(n)  make_header(n, SUB_TUPLE)
#define is_tuple(t)       is_boxed_of(t, SUB_TUPLE)
#define tuple_val(t)      boxed_val(t)
#define tuple_arity(t)    header_arity(boxed_header(t))
#define make_tuple(p)     make_boxed(p)
/* element i (1-based) of a tuple */
#define tuple_elem(t, i)  (tuple_val(t)[i])

/* ---- floats: header(1) double ---- */
#define FLOAT_WORDS       2
#define FLOAT_HEADER      make_header(1, SUB_FLOAT)
#define is_float(t)       is_boxed_of(t, SUB_FLOAT)
static inline double float_val(Term t) { double d; memcpy(&d, boxed_val(t) + 1, 8); return d; }
static inline Term make_float_at(Term *hp, double d) { hp[0] = FLOAT_HEADER; memcpy(hp + 1, &d, 8); return make_boxed(hp); }

/* ---- bignums: header(n limbs, sign in subtag) limb0 (least significant) .. ----
 * Invariant: a bignum is always normalised: its top limb is non-zero and its
 * value does not fit a small. */
#define is_big(t)         (is_boxed(t) && (boxed_subtag(t) & ~(UWord)0x4) == SUB_POS_BIG)
#define big_sign(t)       (boxed_subtag(t) == SUB_NEG_BIG)
#define big_size(t)       header_arity(boxed_header(t))
#define big_limbs(t)      ((UWord *)boxed_val(t) + 1)
#define is_integer(t)     (is_small(t) || is_big(t))
#define is_number(t)      (is_integer(t) || is_float(t))

/* ---- local refs: header(n) words...  (n = 3: three 32-bit numbers packed,
 *      as ERTS; see ref.c) ---- */
#define is_internal_ref(t) is_boxed_of(t, SUB_REF)
#define is_external_ref(t) is_boxed_of(t, SUB_EXT_REF)
#define is_ref(t)          (is_internal_ref(t) || is_external_ref(t))
#define is_external_pid(t) is_boxed_of(t, SUB_EXT_PID)
#define is_external_port(t) is_boxed_of(t, SUB_EXT_PORT)
#define is_pid(t)          (is_internal_pid(t) || is_external_pid(t))
#define is_port(t)         (is_internal_port(t) || is_external_port(t))

/* ---- maps: see map.h for layouts ---- */
#define is_map(t)          is_boxed_of(t, SUB_MAP)

/* ---- funs: see fun.h ---- */
#define is_fun(t)          is_boxed_of(t, SUB_FUN)
#define is_export(t)       is_boxed_of(t, SUB_EXPORT)
#define is_any_fun(t)      (is_fun(t) || is_export(t))

/* ---- binaries: see binary.h ---- */
#define is_binary_header(h) (header_subtag(h) == SUB_REFC_BIN || header_subtag(h) == SUB_HEAP_BIN || header_subtag(h) == SUB_SUB_BIN)
#define is_bitstring(t)     (is_boxed(t) && is_binary_header(boxed_header(t)))

/* ---- lists ---- */
#define is_cons(t) is_list(t)
static inline Term make_cons_at(Term *hp, Term head, Term tail)
{
    hp[0] = head;
    hp[1] = tail;
    return make_list(hp);
}

/* Heap words needed by a term of each fixed shape. */
#define CONS_WORDS 2
#define TUPLE_WORDS(n) (1 + (n))

#endif
