/* hash.h — term hashing with erl's exact values.
 * Owns erlang:phash2 (ERTS's make_hash2), erlang:phash (make_hash), and the
 * internal hash that places keys in a HAMT (make_internal_hash with its salt
 * and the per-round rehash of make_map_hash). All walk terms iteratively. */
#ifndef GIRDER_HASH_H
#define GIRDER_HASH_H

#include "term.h"

/* The full 32-bit make_hash2 value (phash2/2 reduces this). */
uint32_t hash_make_hash2(Term t);
/* erlang:phash2/1: the low 27 bits of hash_make_hash2. */
static inline uint32_t hash_phash2(Term t) { return hash_make_hash2(t) & ((1u << 27) - 1); }
/* erlang:phash2(T, Range) for 1 <= range <= 2^32 (range 0 means 2^32):
 * a value in 0..range-1. */
static inline uint32_t hash_phash2_range(Term t, uint32_t range)
{
    uint32_t h = hash_make_hash2(t);
    return range ? h % range : h;
}
/* ERTS's make_hash (erlang:phash/2 uses it). */
uint32_t hash_make_hash(Term t);
/* erlang:phash(T, Range) for 1 <= range <= 2^32 (range 0 means 2^32): a
 * value in 1..range, as a 64-bit number (2^32 itself is possible). */
static inline uint64_t hash_phash(Term t, uint32_t range)
{
    uint32_t h = hash_make_hash(t);
    return range ? (uint64_t)(h % range) + 1 : (uint64_t)h + 1;
}

/* ERTS's make_internal_hash(term, salt). Depends on machine words of atoms,
 * pids, ports and export entries (as in ERTS), so it is stable only within
 * one VM instance. */
uint32_t hash_internal(Term t, uint32_t salt);
/* The HAMT hash of a key for hash round `round` (a key uses round d/8 for
 * trie depth d): ERTS's make_map_hash(key, round). */
uint32_t hash_map_key(Term key, unsigned round);

/* ERTS's hash of an atom's text (hashpjw over the UTF-8 name, with its
 * Latin-1 adjustment); phash/phash2 of an atom build on it. */
uint32_t hash_atom(Term atom);

#endif
