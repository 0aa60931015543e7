/* map.h — maps: flatmaps (up to 32 keys) and HAMTs (more than 32 keys).
 * Owns the heap layout of map objects (below), every operation that builds
 * or reads them, and erl's iteration order, which is observable (maps:to_list,
 * maps:keys, printing, maps:iterator) and is reproduced exactly.
 *
 * Layout. Every map object is a boxed object with header SUB_MAP whose arity
 * is the number of words that follow, and EVERY word that follows is a valid
 * term (raw numbers are stored as small integers). A collector or a copier
 * may therefore treat any map object exactly like a tuple. Word [1] is
 * make_small(value << 2 | kind):
 *
 *   flatmap (kind 0):  header(2 + n)  [1] small(n << 2 | 0)
 *                      [2] keys: a tuple {K1..Kn}, keys unique and sorted in
 *                          exact term order (term_compare_exact); as in ERTS
 *                          the tuple is shared between versions of the map
 *                          that have the same keys (and with literals)
 *                      [3 .. 3+n) values V1..Vn
 *   HAMT head (kind 1): header(2 + c)  [1] small(bitmap << 2 | 1)
 *                      [2] small(total number of keys)  [3 .. 3+c) children
 *   HAMT node (kind 2): header(1 + c)  [1] small(bitmap << 2 | 2)
 *                      [2 .. 2+c) children
 *
 * A HAMT child is a leaf, the cons cell [K | V], or a boxed inner node.
 * bitmap has bit i set when slot i (a 4-bit digit of the key's hash) is used;
 * children are stored in slot order, c = popcount(bitmap). Digit d of a key
 * (d = 0 at the root) is bits 4(d%8)..4(d%8)+3 of hash_map_key(key, d/8),
 * exactly as ERTS, so the trie and its depth-first order are erl's.
 *
 * Invariants (as ERTS, which make the shape canonical — equal maps have
 * identical trees):  a map with at most 32 keys is a flatmap, one with more
 * is a HAMT;  an inner node exists only for a hash prefix shared by at least
 * two keys (no node holds a single leaf);  only the head and flatmaps are
 * map terms — inner nodes are never handed out.
 *
 * Iteration order: flatmaps in key order; HAMTs depth-first in slot order.
 * maps:to_list/keys/values return a HAMT's pairs in REVERSE iteration order,
 * as erl does (map_to_list etc. do this); maps:iterator and printing use
 * forward order (MapIter).
 *
 * Known difference from erl: ERTS hashes atoms, pids, ports and export funs
 * by their machine word (atom index, ...), so a HAMT whose keys contain
 * atoms iterates in an order that depends on atom-table indices, which
 * girder cannot reproduce. Keys made of numbers, binaries, lists, tuples and
 * maps of those iterate exactly as on erl. */
#ifndef GIRDER_MAP_H
#define GIRDER_MAP_H

#include "term.h"

typedef struct Process Process;

#define MAP_FLAT_LIMIT 32        /* most keys a flatmap holds */
#define MAP_MAX_DEPTH 64         /* deepest HAMT level (8 hash rounds) */

#define MAP_KIND_FLAT 0
#define MAP_KIND_HEAD 1
#define MAP_KIND_NODE 2

static inline UWord map_info_(Term m) { return (UWord)small_val(boxed_val(m)[1]); }
static inline unsigned map_kind(Term m) { return (unsigned)(map_info_(m) & 3); }
static inline bool is_flatmap(Term m) { return is_map(m) && map_kind(m) == MAP_KIND_FLAT; }
static inline bool is_hashmap(Term m) { return is_map(m) && map_kind(m) == MAP_KIND_HEAD; }
/* Flatmap accessors. */
static inline size_t flatmap_size(Term m) { return (size_t)(map_info_(m) >> 2); }
static inline Term flatmap_keys_tuple(Term m) { return boxed_val(m)[2]; }
static inline Term *flatmap_keys(Term m) { return tuple_val(boxed_val(m)[2]) + 1; }
static inline Term *flatmap_values(Term m) { return boxed_val(m) + 3; }
/* HAMT accessors (head or inner node). */
static inline uint32_t hamt_bitmap(Term node) { return (uint32_t)(map_info_(node) >> 2); }
/* Bits set in a 16-bit bitmap, without a call: __builtin_popcount is a
 * libgcc call on plain x86-64 (~5% of a map-update loop). */
static inline unsigned map_pop16(uint32_t x)
{
    x = x - ((x >> 1) & 0x5555);
    x = (x & 0x3333) + ((x >> 2) & 0x3333);
    x = (x + (x >> 4)) & 0x0F0F;
    return (x + (x >> 8)) & 0x1F;
}
static inline size_t hamt_count(Term node) { return map_pop16(hamt_bitmap(node)); }
static inline Term *hamt_children(Term node)
{
    return boxed_val(node) + (map_kind(node) == MAP_KIND_HEAD ? 3 : 2);
}

/* Number of keys (the argument must be a map). */
size_t map_size(Term map);
/* A new empty map. */
Term map_new(Process *p);
/* The value under key (=:= match), or THE_NON_VALUE. */
Term map_get(Term map, Term key);
/* map with key => value (the old map if it already holds that very value). */
Term map_put(Process *p, Term map, Term key, Term value);
/* As map_put, but THE_NON_VALUE (no exception set) if key is absent. */
Term map_update(Process *p, Term map, Term key, Term value);
/* map without key (the old map if key is absent). */
Term map_remove(Process *p, Term map, Term key);
/* If key is present: *value and *rest (map without key), true. Else false. */
bool map_take(Process *p, Term map, Term key, Term *value, Term *rest);
/* A map from n pairs; a later duplicate key wins (its key and value), as
 * maps:from_list and a map literal. */
Term map_new_from_kvs(Process *p, const Term *keys, const Term *values, size_t n);
/* put_map_assoc: map with all n pairs put (later duplicates win). */
Term map_put_many(Process *p, Term map, const Term *keys, const Term *values, size_t n);
/* put_map_exact: map with n existing keys updated; THE_NON_VALUE with
 * *bad_key set to the first missing key if any is absent. */
Term map_update_many(Process *p, Term map, const Term *keys, const Term *values,
                     size_t n, Term *bad_key);
/* maps:merge(a, b): b's values win. */
Term map_merge(Process *p, Term a, Term b);
/* maps:to_list / maps:keys / maps:values, in erl's order. */
Term map_to_list(Process *p, Term map);
Term map_keys(Process *p, Term map);
Term map_values(Process *p, Term map);
/* maps:from_keys(Keys, Value): keys is a proper list (checked by caller). */
Term map_from_keys(Process *p, Term list, Term value);

/* Iteration in erl's order (see above). The map must stay alive and
 * unmoved while iterating (no GC: C code only). */
typedef struct MapIter {
    Term map;
    size_t pos;                   /* flatmap: next index */
    int depth;                    /* HAMT: number of stack levels in use */
    struct { const Term *children; uint32_t next, count; } stack[MAP_MAX_DEPTH];
} MapIter;
void map_iter_init(MapIter *it, Term map);
bool map_iter_next(MapIter *it, Term *key, Term *value);

/* erts_internal:map_next/3 on a map. path: the iterator position; acc: the
 * atom 'iterator' or a list. Returns THE_NON_VALUE for a bad path (the caller
 * raises badarg). A HAMT call returns at most max(p->fcalls / 4, 1) pairs (32
 * on the first call) and charges p->fcalls 4 per pair, as erl. Formats:
 *   iterator: {K1, V1, {K2, V2, ... none | [NextPath | Map]}}
 *   list:     [NextPath, Map, {Kn,Vn}, ..., {K1,V1} | Acc]  or, when done,
 *             [{Kn,Vn}, ..., {K1,V1} | Acc]  (a flatmap: [{K1,V1}, ... | Acc]) */
Term map_next(Process *p, Term path, Term map, Term acc);

/* Internal consistency check (tests): true if map satisfies every
 * invariant above. */
bool map_check(Term map);

#endif
