/* map.c — flatmaps and HAMTs (layouts and invariants in map.h).
 * Flatmaps keep their keys sorted in exact term order; HAMTs are tries over
 * 4-bit digits of hash_map_key and are rebuilt along the changed path on
 * every update, keeping ERTS's canonical shape so that iteration order, and
 * everything built on it, is erl's. */
#include "map.h"
#include "compare.h"
#include "hash.h"
#include "atom.h"
#include "../proc/process.h"
#include <stdlib.h>
#include <stdio.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "girder: out of memory in a map operation\n");
        abort();
    }
    return p;
}

static void too_deep(void)
{
    /* Needs eight consecutive 32-bit hash collisions of distinct keys. */
    fprintf(stderr, "girder: map trie deeper than %d levels\n", MAP_MAX_DEPTH);
    abort();
}

static inline bool key_eq(Term a, Term b)
{
    return a == b || (!is_immed(a) && !is_immed(b) && term_eq_exact(a, b));
}

static inline Term make_info(UWord value, unsigned kind)
{
    return make_small((SWord)((value << 2) | kind));
}

/* ---- flatmaps ---- */

static Term new_tuple(Process *p, size_t n, Term **elems)
{
    Term *hp = proc_alloc(p, 1 + n);
    hp[0] = make_arityval(n);
    *elems = hp + 1;
    return make_tuple(hp);
}

/* A flatmap of n values over the given keys tuple; *vals receives the
 * value slots to fill. */
static Term new_flat(Process *p, size_t n, Term keys, Term **vals)
{
    Term *hp = proc_alloc(p, 3 + n);
    hp[0] = make_header(2 + n, SUB_MAP);
    hp[1] = make_info(n, MAP_KIND_FLAT);
    hp[2] = keys;
    *vals = hp + 3;
    return make_boxed(hp);
}

/* A flatmap from n pairs whose keys are sorted and unique. */
static Term flat_from_sorted(Process *p, const Term *ks, const Term *vs, size_t n)
{
    Term *kt, *vt;
    Term keys = new_tuple(p, n, &kt);
    Term m = new_flat(p, n, keys, &vt);
    memcpy(kt, ks, n * sizeof(Term));
    memcpy(vt, vs, n * sizeof(Term));
    return m;
}

Term map_new(Process *p)
{
    Term *vals;
    Term *none;
    return new_flat(p, 0, new_tuple(p, 0, &none), &vals);
}

static long flat_find(Term map, Term key)
{
    size_t n = flatmap_size(map);
    const Term *ks = flatmap_keys(map);
    if (is_immed(key)) {
        for (size_t i = 0; i < n; i++)
            if (ks[i] == key)
                return (long)i;
    } else {
        for (size_t i = 0; i < n; i++)
            if (key_eq(ks[i], key))
                return (long)i;
    }
    return -1;
}

/* The flatmap with value i replaced (sharing the keys tuple). */
static Term flat_set_value(Process *p, Term map, size_t i, Term value)
{
    size_t n = flatmap_size(map);
    if (flatmap_values(map)[i] == value)
        return map;
    Term *vs;
    Term m = new_flat(p, n, flatmap_keys_tuple(map), &vs);
    memcpy(vs, flatmap_values(map), n * sizeof(Term));
    vs[i] = value;
    return m;
}

size_t map_size(Term map)
{
    if (map_kind(map) == MAP_KIND_FLAT)
        return flatmap_size(map);
    return (size_t)small_val(boxed_val(map)[2]);
}

/* ---- HAMT building blocks ---- */

/* Digit `lvl` of key's hash. */
static inline unsigned digit_at(Term key, unsigned lvl)
{
    return (hash_map_key(key, lvl >> 3) >> (4 * (lvl & 7))) & 0xF;
}

/* The hash to use at level lvl + 1, given the one used at lvl. */
static inline uint32_t shift_hash(uint32_t hx, unsigned *lvl, Term key)
{
    ++*lvl;
    return (*lvl & 7) ? hx >> 4 : hash_map_key(key, *lvl >> 3);
}

static Term leaf(Process *p, Term k, Term v)
{
    return make_cons_at(proc_alloc(p, 2), k, v);
}

/* An inner node (head = false) or a head (head = true, with size). */
static Term new_node(Process *p, bool head, uint32_t bitmap, size_t size, Term **children)
{
    size_t c = (size_t)map_pop16(bitmap);
    size_t extra = head ? 2 : 1;
    Term *hp = proc_alloc(p, 1 + extra + c);
    hp[0] = make_header(extra + c, SUB_MAP);
    hp[1] = make_info(bitmap, head ? MAP_KIND_HEAD : MAP_KIND_NODE);
    if (head)
        hp[2] = make_small((SWord)size);
    *children = hp + 1 + extra;
    return make_boxed(hp);
}

/* A copy of node with slot `ix` set to child (inserted if the slot was
 * empty) or removed (child == THE_NON_VALUE). */
static Term node_with(Process *p, Term node, unsigned ix, Term child, size_t size)
{
    bool head = map_kind(node) == MAP_KIND_HEAD;
    uint32_t bm = hamt_bitmap(node), bit = 1u << ix;
    size_t pos = (size_t)map_pop16(bm & (bit - 1)), c = hamt_count(node);
    const Term *old = hamt_children(node);
    uint32_t nbm = is_non_value(child) ? bm & ~bit : bm | bit;
    Term *ch;
    Term n = new_node(p, head, nbm, size, &ch);
    memcpy(ch, old, pos * sizeof(Term));
    if (is_non_value(child)) {
        memcpy(ch + pos, old + pos + 1, (c - pos - 1) * sizeof(Term));
    } else {
        ch[pos] = child;
        size_t from = (bm & bit) ? pos + 1 : pos;
        memcpy(ch + pos + 1, old + from, (c - from) * sizeof(Term));
    }
    return n;
}

/* The subtree (starting at level lvl) holding two leaves whose keys differ:
 * single-child nodes for every shared digit, then a node with both. */
static Term split(Process *p, Term leaf_a, Term leaf_b, uint32_t hb, unsigned lvl)
{
    Term ka = CAR(list_val(leaf_a)), kb = CAR(list_val(leaf_b));
    uint32_t ha = hash_map_key(ka, lvl >> 3) >> (4 * (lvl & 7));
    unsigned shared[MAP_MAX_DEPTH];
    unsigned n = 0;
    while ((ha & 0xF) == (hb & 0xF)) {
        if (lvl + n + 1 >= MAP_MAX_DEPTH)
            too_deep();
        shared[n++] = ha & 0xF;
        unsigned l1 = lvl + n - 1, l2 = l1;
        ha = shift_hash(ha, &l1, ka);
        hb = shift_hash(hb, &l2, kb);
    }
    unsigned da = ha & 0xF, db = hb & 0xF;
    Term *ch;
    Term node = new_node(p, false, (1u << da) | (1u << db), 0, &ch);
    ch[da < db ? 0 : 1] = leaf_a;
    ch[da < db ? 1 : 0] = leaf_b;
    while (n-- > 0) {
        Term inner = node;
        node = new_node(p, false, 1u << shared[n], 0, &ch);
        ch[0] = inner;
    }
    return node;
}

typedef struct {
    Term node[MAP_MAX_DEPTH];
    unsigned ix[MAP_MAX_DEPTH];
    int depth;
} Path;

/* Put or update in a HAMT. THE_NON_VALUE if updating and key is absent. */
static Term hamt_put(Process *p, Term map, Term key, Term value, bool update)
{
    Path path;
    path.depth = 0;
    unsigned lvl = 0;
    uint32_t hx = hash_map_key(key, 0);
    Term node = map, sub;
    size_t size = map_size(map);
    for (;;) {
        if (path.depth == MAP_MAX_DEPTH)
            too_deep();
        unsigned ix = hx & 0xF;
        uint32_t bm = hamt_bitmap(node), bit = 1u << ix;
        path.node[path.depth] = node;
        path.ix[path.depth++] = ix;
        if (!(bm & bit)) {
            if (update)
                return THE_NON_VALUE;
            sub = leaf(p, key, value);
            size++;
            break;
        }
        Term child = hamt_children(node)[map_pop16(bm & (bit - 1))];
        if (is_list(child)) {
            Term *kv = list_val(child);
            if (key_eq(CAR(kv), key)) {
                if (CDR(kv) == value)
                    return map;
                sub = leaf(p, key, value);
                break;
            }
            if (update)
                return THE_NON_VALUE;
            unsigned l = lvl;
            uint32_t hn = shift_hash(hx, &l, key);
            sub = split(p, child, leaf(p, key, value), hn, l);
            size++;
            break;
        }
        node = child;
        hx = shift_hash(hx, &lvl, key);
    }
    while (path.depth-- > 0)
        sub = node_with(p, path.node[path.depth], path.ix[path.depth], sub, size);
    return sub;
}

static Term hamt_get(Term map, Term key)
{
    unsigned lvl = 0;
    uint32_t hx = hash_map_key(key, 0);
    Term node = map;
    for (;;) {
        uint32_t bm = hamt_bitmap(node), bit = 1u << (hx & 0xF);
        if (!(bm & bit))
            return THE_NON_VALUE;
        Term child = hamt_children(node)[map_pop16(bm & (bit - 1))];
        if (is_list(child))
            return key_eq(CAR(list_val(child)), key) ? CDR(list_val(child)) : THE_NON_VALUE;
        node = child;
        hx = shift_hash(hx, &lvl, key);
    }
}

/* ---- building from arrays of pairs ---- */

typedef struct {
    Term k, v;
    uint32_t sw;       /* round-0 hash with its digits reversed */
    size_t idx;        /* position in the input: later wins */
} Ent;

static inline uint32_t swizzle(uint32_t h)
{
    h = ((h & 0x0F0F0F0Fu) << 4) | ((h >> 4) & 0x0F0F0F0Fu);
    return __builtin_bswap32(h);
}

/* Order of entries in the trie (digit by digit), then input order. */
static int ent_order(const void *x, const void *y)
{
    const Ent *a = x, *b = y;
    if (a->sw != b->sw)
        return a->sw < b->sw ? -1 : 1;
    if (key_eq(a->k, b->k))
        return a->idx < b->idx ? -1 : 1;
    for (unsigned round = 1;; round++) {
        uint32_t ha = swizzle(hash_map_key(a->k, round)), hb = swizzle(hash_map_key(b->k, round));
        if (ha != hb)
            return ha < hb ? -1 : 1;
        if (round * 8 >= MAP_MAX_DEPTH)
            too_deep();
    }
}

static int kv_exact_order(const void *x, const void *y)
{
    return term_compare_exact(((const Ent *)x)->k, ((const Ent *)y)->k);
}

/* Digit lvl of an entry's key (round 0 from the cached hash). */
static inline unsigned ent_digit(const Ent *e, unsigned lvl)
{
    if (lvl < 8) {
        uint32_t h = swizzle(e->sw);
        return (h >> (4 * lvl)) & 0xF;
    }
    return digit_at(e->k, lvl);
}

/* The node at level lvl over es[0..n) (n >= 2, sorted, unique keys). */
static Term build_node(Process *p, const Ent *es, size_t n, unsigned lvl, bool head, size_t size)
{
    if (lvl >= MAP_MAX_DEPTH)
        too_deep();
    Term sub[16];
    uint32_t bm = 0;
    size_t i = 0;
    while (i < n) {
        unsigned d = ent_digit(&es[i], lvl);
        size_t j = i + 1;
        while (j < n && ent_digit(&es[j], lvl) == d)
            j++;
        sub[map_pop16(bm)] = (j - i == 1) ? leaf(p, es[i].k, es[i].v)
                                                    : build_node(p, es + i, j - i, lvl + 1, false, 0);
        bm |= 1u << d;
        i = j;
    }
    Term *ch;
    Term node = new_node(p, head, bm, size, &ch);
    memcpy(ch, sub, (size_t)map_pop16(bm) * sizeof(Term));
    return node;
}

/* Any map from es[0..n) (keys possibly repeated; the later one wins).
 * Reorders es. */
static Term map_from_ents(Process *p, Ent *es, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        es[i].sw = swizzle(hash_map_key(es[i].k, 0));
        es[i].idx = i;
    }
    qsort(es, n, sizeof *es, ent_order);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u > 0 && es[u - 1].sw == es[i].sw && key_eq(es[u - 1].k, es[i].k))
            es[u - 1] = es[i];         /* sorted by idx within equal keys */
        else
            es[u++] = es[i];
    }
    if (u <= MAP_FLAT_LIMIT) {
        qsort(es, u, sizeof *es, kv_exact_order);
        Term *kt, *vt;
        Term keys = new_tuple(p, u, &kt);
        Term m = new_flat(p, u, keys, &vt);
        for (size_t i = 0; i < u; i++) {
            kt[i] = es[i].k;
            vt[i] = es[i].v;
        }
        return m;
    }
    return build_node(p, es, u, 0, true, u);
}

/* Small inputs: insertion sort into exact key order, later duplicates
 * replacing earlier ones (key and value), as erl's flatmap builder. */
static size_t sort_small(const Term *keys, const Term *values, size_t n, Term *ks, Term *vs)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = m;
        int c = 1;
        while (j > 0 && (c = term_compare_exact(keys[i], ks[j - 1])) < 0)
            j--;
        if (j > 0 && c == 0) {
            ks[j - 1] = keys[i];
            vs[j - 1] = values[i];
            continue;
        }
        memmove(ks + j + 1, ks + j, (m - j) * sizeof(Term));
        memmove(vs + j + 1, vs + j, (m - j) * sizeof(Term));
        ks[j] = keys[i];
        vs[j] = values[i];
        m++;
    }
    return m;
}

Term map_new_from_kvs(Process *p, const Term *keys, const Term *values, size_t n)
{
    if (n <= MAP_FLAT_LIMIT) {
        Term ks[MAP_FLAT_LIMIT], vs[MAP_FLAT_LIMIT];
        size_t m = sort_small(keys, values, n, ks, vs);
        return flat_from_sorted(p, ks, vs, m);
    }
    Ent *es = xmalloc(n * sizeof *es);
    for (size_t i = 0; i < n; i++) {
        es[i].k = keys[i];
        es[i].v = values[i];
    }
    Term m = map_from_ents(p, es, n);
    free(es);
    return m;
}

/* Entries of a map (in iteration order) followed by n more pairs. */
static Ent *ents_of(Term map, const Term *keys, const Term *values, size_t n, size_t *total)
{
    size_t m = map_size(map);
    Ent *es = xmalloc((m + n) * sizeof *es);
    MapIter it;
    map_iter_init(&it, map);
    size_t i = 0;
    while (map_iter_next(&it, &es[i].k, &es[i].v))
        i++;
    for (size_t j = 0; j < n; j++, i++) {
        es[i].k = keys[j];
        es[i].v = values[j];
    }
    *total = i;
    return es;
}

/* ---- the public operations ---- */

Term map_get(Term map, Term key)
{
    if (map_kind(map) == MAP_KIND_FLAT) {
        long i = flat_find(map, key);
        return i < 0 ? THE_NON_VALUE : flatmap_values(map)[i];
    }
    return hamt_get(map, key);
}

Term map_put(Process *p, Term map, Term key, Term value)
{
    if (map_kind(map) != MAP_KIND_FLAT)
        return hamt_put(p, map, key, value, false);
    long i = flat_find(map, key);
    if (i >= 0)
        return flat_set_value(p, map, (size_t)i, value);
    size_t n = flatmap_size(map);
    const Term *ks = flatmap_keys(map), *vs = flatmap_values(map);
    if (n >= MAP_FLAT_LIMIT) {
        size_t total;
        Ent *es = ents_of(map, &key, &value, 1, &total);
        Term m = map_from_ents(p, es, total);
        free(es);
        return m;
    }
    size_t j = 0;
    while (j < n && term_compare_exact(ks[j], key) < 0)
        j++;
    Term *kt, *vt;
    Term keys = new_tuple(p, n + 1, &kt);
    Term m = new_flat(p, n + 1, keys, &vt);
    memcpy(kt, ks, j * sizeof(Term));
    memcpy(vt, vs, j * sizeof(Term));
    kt[j] = key;
    vt[j] = value;
    memcpy(kt + j + 1, ks + j, (n - j) * sizeof(Term));
    memcpy(vt + j + 1, vs + j, (n - j) * sizeof(Term));
    return m;
}

Term map_update(Process *p, Term map, Term key, Term value)
{
    if (map_kind(map) != MAP_KIND_FLAT)
        return hamt_put(p, map, key, value, true);
    long i = flat_find(map, key);
    return i < 0 ? THE_NON_VALUE : flat_set_value(p, map, (size_t)i, value);
}

/* The HAMT without the key at the end of path (a leaf), collapsing nodes
 * left with a single leaf, as ERTS. */
static Term hamt_delete_path(Process *p, const Path *path, size_t size)
{
    Term res = THE_NON_VALUE;          /* the changed subtree; none = gone */
    for (int d = path->depth - 1; d >= 0; d--) {
        Term node = path->node[d];
        unsigned ix = path->ix[d];
        size_t c = hamt_count(node);
        if (d > 0) {
            if (is_non_value(res) && c == 2) {
                uint32_t bit = 1u << ix;
                size_t pos = (size_t)map_pop16(hamt_bitmap(node) & (bit - 1));
                Term other = hamt_children(node)[1 - pos];
                if (is_list(other)) {
                    res = other;       /* the node would hold one leaf */
                    continue;
                }
            } else if (c == 1 && (is_non_value(res) || is_list(res))) {
                continue;              /* the node disappears */
            }
        }
        res = node_with(p, node, ix, res, size);
    }
    return res;
}

bool map_take(Process *p, Term map, Term key, Term *value, Term *rest)
{
    if (map_kind(map) == MAP_KIND_FLAT) {
        long i = flat_find(map, key);
        if (i < 0)
            return false;
        size_t n = flatmap_size(map);
        const Term *ks = flatmap_keys(map), *vs = flatmap_values(map);
        Term *kt, *vt;
        Term keys = new_tuple(p, n - 1, &kt);
        *rest = new_flat(p, n - 1, keys, &vt);
        memcpy(kt, ks, (size_t)i * sizeof(Term));
        memcpy(vt, vs, (size_t)i * sizeof(Term));
        memcpy(kt + i, ks + i + 1, (n - (size_t)i - 1) * sizeof(Term));
        memcpy(vt + i, vs + i + 1, (n - (size_t)i - 1) * sizeof(Term));
        *value = vs[i];
        return true;
    }
    /* Find the leaf, remembering the path. */
    Path path;
    path.depth = 0;
    unsigned lvl = 0;
    uint32_t hx = hash_map_key(key, 0);
    Term node = map;
    for (;;) {
        unsigned ix = hx & 0xF;
        uint32_t bm = hamt_bitmap(node), bit = 1u << ix;
        if (!(bm & bit))
            return false;
        path.node[path.depth] = node;
        path.ix[path.depth++] = ix;
        Term child = hamt_children(node)[map_pop16(bm & (bit - 1))];
        if (is_list(child)) {
            if (!key_eq(CAR(list_val(child)), key))
                return false;
            *value = CDR(list_val(child));
            break;
        }
        node = child;
        hx = shift_hash(hx, &lvl, key);
    }
    size_t size = map_size(map) - 1;
    if (size > MAP_FLAT_LIMIT) {
        *rest = hamt_delete_path(p, &path, size);
        return true;
    }
    /* Back to a flatmap. */
    Ent es[MAP_FLAT_LIMIT + 1];
    MapIter it;
    map_iter_init(&it, map);
    size_t n = 0;
    Term k, v;
    while (map_iter_next(&it, &k, &v))
        if (!key_eq(k, key)) {
            es[n].k = k;
            es[n++].v = v;
        }
    qsort(es, n, sizeof *es, kv_exact_order);
    Term *kt, *vt;
    Term keys = new_tuple(p, n, &kt);
    *rest = new_flat(p, n, keys, &vt);
    for (size_t i = 0; i < n; i++) {
        kt[i] = es[i].k;
        vt[i] = es[i].v;
    }
    return true;
}

Term map_remove(Process *p, Term map, Term key)
{
    Term v, rest;
    return map_take(p, map, key, &v, &rest) ? rest : map;
}

/* Merge two sorted unique key arrays into rk/rv (room for m + u): on equal
 * keys the second array's value wins, and its key too if new_key_wins. */
static size_t merge_sorted(const Term *ok, const Term *ov, size_t m,
                           const Term *nk, const Term *nv, size_t u,
                           bool new_key_wins, Term *rk, Term *rv)
{
    size_t i = 0, j = 0, r = 0;
    while (i < m || j < u) {
        int c = i == m ? 1 : j == u ? -1 : term_compare_exact(ok[i], nk[j]);
        if (c < 0) {
            rk[r] = ok[i];
            rv[r++] = ov[i++];
        } else {
            rk[r] = (c == 0 && !new_key_wins) ? ok[i] : nk[j];
            i += c == 0;
            rv[r++] = nv[j++];
        }
    }
    return r;
}

/* A map from r sorted unique pairs (a HAMT if more than 32). */
static Term map_from_sorted(Process *p, const Term *rk, const Term *rv, size_t r)
{
    if (r <= MAP_FLAT_LIMIT)
        return flat_from_sorted(p, rk, rv, r);
    Ent *es = xmalloc(r * sizeof *es);
    for (size_t i = 0; i < r; i++) {
        es[i].k = rk[i];
        es[i].v = rv[i];
    }
    Term m = map_from_ents(p, es, r);
    free(es);
    return m;
}

Term map_put_many(Process *p, Term map, const Term *keys, const Term *values, size_t n)
{
    if (n == 0)
        return map;
    if (map_kind(map) != MAP_KIND_FLAT) {
        for (size_t i = 0; i < n; i++)
            map = hamt_put(p, map, keys[i], values[i], false);
        return map;
    }
    if (n == 1)
        return map_put(p, map, keys[0], values[0]);
    size_t m = flatmap_size(map);
    if (n > MAP_FLAT_LIMIT) {
        size_t total;
        Ent *es = ents_of(map, keys, values, n, &total);
        Term res = map_from_ents(p, es, total);
        free(es);
        return res;
    }
    /* Sort the new pairs, then merge with the old sorted keys (an old key
     * is kept, as erl's put_map_assoc). */
    Term nk[MAP_FLAT_LIMIT], nv[MAP_FLAT_LIMIT];
    Term rk[2 * MAP_FLAT_LIMIT], rv[2 * MAP_FLAT_LIMIT];
    size_t u = sort_small(keys, values, n, nk, nv);
    size_t r = merge_sorted(flatmap_keys(map), flatmap_values(map), m, nk, nv, u, false, rk, rv);
    if (r == m) {
        Term *vt;
        Term res = new_flat(p, m, flatmap_keys_tuple(map), &vt);
        memcpy(vt, rv, m * sizeof(Term));
        return res;
    }
    return map_from_sorted(p, rk, rv, r);
}

Term map_update_many(Process *p, Term map, const Term *keys, const Term *values,
                     size_t n, Term *bad_key)
{
    if (map_kind(map) != MAP_KIND_FLAT) {
        for (size_t i = 0; i < n; i++) {
            Term r = hamt_put(p, map, keys[i], values[i], true);
            if (is_non_value(r)) {
                *bad_key = keys[i];
                return THE_NON_VALUE;
            }
            map = r;
        }
        return map;
    }
    size_t m = flatmap_size(map);
    long pos[64];
    long *at = n <= 64 ? pos : xmalloc(n * sizeof *at);
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        at[i] = flat_find(map, keys[i]);
        if (at[i] < 0) {
            *bad_key = keys[i];
            if (at != pos)
                free(at);
            return THE_NON_VALUE;
        }
        changed |= flatmap_values(map)[at[i]] != values[i];
    }
    if (changed) {
        Term *vt;
        Term res = new_flat(p, m, flatmap_keys_tuple(map), &vt);
        memcpy(vt, flatmap_values(map), m * sizeof(Term));
        for (size_t i = 0; i < n; i++)
            vt[at[i]] = values[i];
        map = res;
    }
    if (at != pos)
        free(at);
    return map;
}

Term map_merge(Process *p, Term a, Term b)
{
    size_t na = map_size(a), nb = map_size(b);
    if (nb == 0)
        return a;
    if (na == 0)
        return b;
    if (map_kind(a) == MAP_KIND_FLAT && map_kind(b) == MAP_KIND_FLAT) {
        Term rk[2 * MAP_FLAT_LIMIT], rv[2 * MAP_FLAT_LIMIT];
        size_t r = merge_sorted(flatmap_keys(a), flatmap_values(a), na,
                                flatmap_keys(b), flatmap_values(b), nb, true, rk, rv);
        return map_from_sorted(p, rk, rv, r);
    }
    /* b's pairs after a's: on equal keys b's key and value win. */
    Ent *es = xmalloc((na + nb) * sizeof *es);
    size_t total = 0;
    MapIter it;
    map_iter_init(&it, a);
    while (map_iter_next(&it, &es[total].k, &es[total].v))
        total++;
    map_iter_init(&it, b);
    while (map_iter_next(&it, &es[total].k, &es[total].v))
        total++;
    Term res = map_from_ents(p, es, total);
    free(es);
    return res;
}

Term map_from_keys(Process *p, Term list, Term value)
{
    size_t n = 0;
    for (Term l = list; is_list(l); l = CDR(list_val(l)))
        n++;
    Term *ks = xmalloc(2 * n * sizeof *ks), *vs = ks + n;
    size_t i = 0;
    for (Term l = list; is_list(l); l = CDR(list_val(l)), i++) {
        ks[i] = CAR(list_val(l));
        vs[i] = value;
    }
    Term m = map_new_from_kvs(p, ks, vs, n);
    free(ks);
    return m;
}

/* ---- iteration and lists ---- */

void map_iter_init(MapIter *it, Term map)
{
    it->map = map;
    it->pos = 0;
    it->depth = 0;
    if (map_kind(map) != MAP_KIND_FLAT) {
        it->stack[0].children = hamt_children(map);
        it->stack[0].next = 0;
        it->stack[0].count = (uint32_t)hamt_count(map);
        it->depth = 1;
    }
}

bool map_iter_next(MapIter *it, Term *key, Term *value)
{
    if (map_kind(it->map) == MAP_KIND_FLAT) {
        if (it->pos >= flatmap_size(it->map))
            return false;
        *key = flatmap_keys(it->map)[it->pos];
        *value = flatmap_values(it->map)[it->pos++];
        return true;
    }
    while (it->depth > 0) {
        __typeof__(it->stack[0]) *top = &it->stack[it->depth - 1];
        if (top->next >= top->count) {
            it->depth--;
            continue;
        }
        Term child = top->children[top->next++];
        if (is_list(child)) {
            *key = CAR(list_val(child));
            *value = CDR(list_val(child));
            return true;
        }
        if (it->depth == MAP_MAX_DEPTH)
            too_deep();
        it->stack[it->depth].children = hamt_children(child);
        it->stack[it->depth].next = 0;
        it->stack[it->depth].count = (uint32_t)hamt_count(child);
        it->depth++;
    }
    return false;
}

enum { LIST_PAIRS, LIST_KEYS, LIST_VALUES };

/* maps:to_list/keys/values: a flatmap in key order; a HAMT in reverse
 * iteration order (erl conses its pairs while iterating). */
static Term map_list(Process *p, Term map, int what)
{
    size_t n = map_size(map);
    size_t cell = what == LIST_PAIRS ? 5 : 2;
    Term *hp = proc_alloc(p, n * cell);
    Term res = NIL;
    Term k, v;
    if (map_kind(map) == MAP_KIND_FLAT) {
        const Term *ks = flatmap_keys(map), *vs = flatmap_values(map);
        for (size_t i = n; i-- > 0;) {
            Term e = what == LIST_KEYS ? ks[i] : vs[i];
            if (what == LIST_PAIRS) {
                hp[0] = make_arityval(2); hp[1] = ks[i]; hp[2] = vs[i];
                e = make_tuple(hp);
                hp += 3;
            }
            res = make_cons_at(hp, e, res);
            hp += 2;
        }
        return res;
    }
    MapIter it;
    map_iter_init(&it, map);
    while (map_iter_next(&it, &k, &v)) {
        Term e = what == LIST_KEYS ? k : v;
        if (what == LIST_PAIRS) {
            hp[0] = make_arityval(2); hp[1] = k; hp[2] = v;
            e = make_tuple(hp);
            hp += 3;
        }
        res = make_cons_at(hp, e, res);
        hp += 2;
    }
    return res;
}

Term map_to_list(Process *p, Term map) { return map_list(p, map, LIST_PAIRS); }
Term map_keys(Process *p, Term map) { return map_list(p, map, LIST_KEYS); }
Term map_values(Process *p, Term map) { return map_list(p, map, LIST_VALUES); }

/* ---- erts_internal:map_next/3 ---- */

static Term make_uword(Process *p, UWord u)
{
    if (IS_USMALL(u))
        return make_small((SWord)u);
    Term *hp = proc_alloc(p, 2);
    hp[0] = make_header(1, SUB_POS_BIG);
    hp[1] = u;
    return make_boxed(hp);
}

/* The integer whose nibble i is digit[i]. */
static Term path_term(Process *p, const unsigned *digit, int n)
{
    UWord limbs[MAP_MAX_DEPTH / 16 + 1] = {0};
    for (int i = 0; i < n; i++)
        limbs[i / 16] |= (UWord)digit[i] << (4 * (i % 16));
    int nl = (n + 15) / 16;
    while (nl > 1 && limbs[nl - 1] == 0)
        nl--;
    if (nl <= 1)
        return make_uword(p, limbs[0]);
    Term *hp = proc_alloc(p, 1 + (size_t)nl);
    hp[0] = make_header(nl, SUB_POS_BIG);
    memcpy(hp + 1, limbs, (size_t)nl * sizeof(UWord));
    return make_boxed(hp);
}

/* Appends one pair to the result being built (see map.h for formats). */
typedef struct {
    Process *p;
    bool iterator;
    Term res;          /* list: the list so far; iterator: the first tuple */
    Term *patch;       /* iterator: where the next element goes */
} NextOut;

static void out_pair(NextOut *o, Term k, Term v)
{
    if (o->iterator) {
        Term *hp = proc_alloc(o->p, 4);
        hp[0] = make_arityval(3); hp[1] = k; hp[2] = v; hp[3] = AM(none);
        if (o->patch)
            *o->patch = make_tuple(hp);
        else
            o->res = make_tuple(hp);
        o->patch = &hp[3];
    } else {
        Term *hp = proc_alloc(o->p, 5);
        hp[0] = make_arityval(2); hp[1] = k; hp[2] = v;
        o->res = make_cons_at(hp + 3, make_tuple(hp), o->res);
    }
}

typedef struct {
    const Term *children;
    uint32_t idx, sz;      /* idx: the next entry not yet returned */
} NextLevel;

static Term flat_next(Process *p, Term path, Term map, Term acc)
{
    size_t n = flatmap_size(map);
    if (!is_small(path) || n < ((UWord)path >> TAG_IMMED1_SIZE))
        return THE_NON_VALUE;
    const Term *ks = flatmap_keys(map), *vs = flatmap_values(map);
    bool iterator = acc == AM(iterator);
    Term res = iterator ? AM(none) : acc;
    for (size_t i = n; i-- > 0;) {
        Term *hp = proc_alloc(p, iterator ? 4 : 5);
        if (iterator) {
            hp[0] = make_arityval(3); hp[1] = ks[i]; hp[2] = vs[i]; hp[3] = res;
            res = make_tuple(hp);
        } else {
            hp[0] = make_arityval(2); hp[1] = ks[i]; hp[2] = vs[i];
            res = make_cons_at(hp + 3, make_tuple(hp), res);
        }
    }
    return res;
}

Term map_next(Process *p, Term path, Term map, Term acc)
{
    if (map_kind(map) == MAP_KIND_FLAT)
        return flat_next(p, path, map, acc);
    size_t size = map_size(map);
    long budget = p->fcalls / 4 > 1 ? p->fcalls / 4 : 1;
    size_t elems = (size_t)budget < size ? (size_t)budget : size;
    UWord cur;
    size_t path_len = 0;
    const UWord *rest = NULL;
    if (is_small(path)) {
        cur = (UWord)path >> TAG_IMMED1_SIZE;
        if (cur == 0 && elems > MAP_FLAT_LIMIT)
            elems = MAP_FLAT_LIMIT;
    } else if (is_big(path) && !big_sign(path)) {
        path_len = big_size(path) - 1;
        cur = big_limbs(path)[0];
        rest = big_limbs(path) + 1;
    } else {
        return THE_NON_VALUE;
    }
    size_t orig = elems;
    bool iterator = acc == AM(iterator);
    NextOut o = { p, iterator, iterator ? THE_NON_VALUE : acc, NULL };
    NextLevel st[MAP_MAX_DEPTH];
    int top = 0;
    /* Follow the path down to its leaf (then slot 0 below it). */
    Term node = map;
    for (int i = 1;; i++) {
        const Term *ch = hamt_children(node);
        uint32_t sz = (uint32_t)hamt_count(node), e = cur & 0xF;
        if (e >= sz || top == MAP_MAX_DEPTH)
            return THE_NON_VALUE;
        st[top++] = (NextLevel){ ch, e + 1, sz };
        if (is_list(ch[e])) {
            out_pair(&o, CAR(list_val(ch[e])), CDR(list_val(ch[e])));
            elems--;
            break;
        }
        node = ch[e];
        cur >>= 4;
        if (i == 16) {
            i = 0;
            cur = path_len ? (path_len--, *rest++) : 0;
        }
    }
    /* Then return up to `elems` pairs in depth-first order. */
    while (top > 0) {
        NextLevel l = st[--top];
        while (l.idx < l.sz && elems && is_list(l.children[l.idx])) {
            Term leaf_kv = l.children[l.idx++];
            out_pair(&o, CAR(list_val(leaf_kv)), CDR(list_val(leaf_kv)));
            elems--;
        }
        if (elems == 0) {
            if (l.idx < l.sz) {
                l.idx++;
                st[top++] = l;
            } else {
                while (top > 0) {
                    NextLevel u = st[--top];
                    if (u.idx < u.sz) {
                        u.idx++;
                        st[top++] = u;
                        break;
                    }
                }
            }
            break;
        }
        if (l.idx < l.sz) {
            Term child = l.children[l.idx];
            l.idx++;
            st[top++] = l;
            if (top == MAP_MAX_DEPTH)
                too_deep();
            st[top++] = (NextLevel){ hamt_children(child), 0, (uint32_t)hamt_count(child) };
        }
    }
    p->fcalls -= (int32_t)(4 * (orig - elems));
    if (top > 0) {
        unsigned digits[MAP_MAX_DEPTH];
        for (int d = 0; d < top; d++)
            digits[d] = st[d].idx - 1;
        Term next = path_term(p, digits, top);
        Term *hp = proc_alloc(p, o.iterator ? 2 : 4);
        if (o.iterator) {
            *o.patch = make_cons_at(hp, next, map);
        } else {
            o.res = make_cons_at(hp, map, o.res);
            o.res = make_cons_at(hp + 2, next, o.res);
        }
    } else if (o.iterator) {
        *o.patch = AM(none);
    }
    return o.res;
}

/* ---- invariant check (tests) ---- */

/* Leaves under node at level lvl, or -1 if an invariant fails. prefix holds
 * the digits leading here. */
static long check_node(Term node, unsigned lvl, unsigned *prefix)
{
    if (!is_map(node) || lvl >= MAP_MAX_DEPTH)
        return -1;
    bool head = map_kind(node) == MAP_KIND_HEAD;
    if ((lvl == 0) != head || (!head && map_kind(node) != MAP_KIND_NODE))
        return -1;
    uint32_t bm = hamt_bitmap(node);
    size_t c = hamt_count(node);
    if (bm == 0 || bm > 0xFFFF || header_arity(boxed_header(node)) != (head ? 2 : 1) + c)
        return -1;
    if (!head && c == 1 && is_list(hamt_children(node)[0]))
        return -1;
    long total = 0;
    size_t i = 0;
    for (unsigned d = 0; d < 16; d++) {
        if (!(bm & (1u << d)))
            continue;
        prefix[lvl] = d;
        Term ch = hamt_children(node)[i++];
        if (is_list(ch)) {
            for (unsigned l = 0; l <= lvl; l++)
                if (digit_at(CAR(list_val(ch)), l) != prefix[l])
                    return -1;
            total++;
        } else {
            long sub = check_node(ch, lvl + 1, prefix);
            if (sub < 2)
                return -1;
            total += sub;
        }
    }
    return total;
}

bool map_check(Term map)
{
    if (!is_map(map))
        return false;
    if (map_kind(map) == MAP_KIND_FLAT) {
        size_t n = flatmap_size(map);
        Term keys = flatmap_keys_tuple(map);
        if (n > MAP_FLAT_LIMIT || header_arity(boxed_header(map)) != 2 + n ||
            !is_tuple(keys) || tuple_arity(keys) != n)
            return false;
        for (size_t i = 1; i < n; i++)
            if (term_compare_exact(flatmap_keys(map)[i - 1], flatmap_keys(map)[i]) >= 0)
                return false;
        return true;
    }
    unsigned prefix[MAP_MAX_DEPTH];
    long n = check_node(map, 0, prefix);
    return n > MAP_FLAT_LIMIT && (size_t)n == map_size(map);
}
