/* compare.h — Erlang's term order and term equality.
 * Owns the standard order (number < atom < reference < fun < port < pid <
 * tuple < map < [] < list < bitstring) in its two flavours: arithmetic
 * (==, <, ...: 1 == 1.0) and exact (=:=, and the order of map keys, where
 * every integer sorts before every float). All functions are iterative:
 * nesting depth is bounded only by memory, never by the C stack. */
#ifndef GIRDER_COMPARE_H
#define GIRDER_COMPARE_H

#include "term.h"

/* Arithmetic order: <0, 0 or >0 as a < b, a == b, a > b (erlang:'<' etc.).
 * Integers and floats compare by value, exactly (no lossy conversion). */
int term_compare(Term a, Term b);

/* Exact order (erts_cmp with exact = 1): like term_compare, except that an
 * integer and a float are never equal; every integer is below every float.
 * This is the order of keys in a flatmap and of map keys in comparisons. */
int term_compare_exact(Term a, Term b);

/* a =:= b. Faster than term_compare_exact(a, b) == 0 (no ordering work; large
 * maps are compared node by node since their shape is canonical). */
bool term_eq_exact(Term a, Term b);

/* a == b. */
static inline bool term_eq(Term a, Term b) { return a == b || term_compare(a, b) == 0; }

/* The bits of a bitstring: nbits bits starting at bit `bitoff` of `base`
 * (bit 0 = the most significant bit of base[0]). */
typedef struct {
    const uint8_t *base;
    size_t bitoff;
    size_t nbits;
} TermBits;
void term_bits(Term bitstring, TermBits *out);

/* Order two integers/floats arithmetically (both must satisfy is_number). */
int term_compare_numbers(Term a, Term b);

#endif
