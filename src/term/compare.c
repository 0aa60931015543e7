/* compare.c — term order and equality (see compare.h).
 * One iterative engine walks both terms with an explicit stack of pending
 * "compare these two arrays of terms" frames, so neither long lists nor deep
 * nesting touch the C stack. Map comparison follows ERTS: sizes, then keys in
 * exact order, then values in key order. */
#include "compare.h"
#include "atom.h"
#include "fun.h"
#include "map.h"
#include "binary.h"
#include "ext.h"
#include <stdlib.h>
#include <stdio.h>
#include <math.h>

/* ---- type ranks of the standard order ---- */

enum {
    RANK_NUMBER, RANK_ATOM, RANK_REF, RANK_FUN, RANK_PORT, RANK_PID,
    RANK_TUPLE, RANK_MAP, RANK_NIL, RANK_LIST, RANK_BITS, RANK_OTHER
};

static int rank_of(Term t)
{
    switch (primary_tag(t)) {
    case TAG_PRIMARY_LIST:
        return RANK_LIST;
    case TAG_PRIMARY_BOXED:
        switch (boxed_subtag(t)) {
        case SUB_TUPLE: return RANK_TUPLE;
        case SUB_POS_BIG: case SUB_NEG_BIG: case SUB_FLOAT: return RANK_NUMBER;
        case SUB_REF: case SUB_EXT_REF: return RANK_REF;
        case SUB_FUN: case SUB_EXPORT: return RANK_FUN;
        case SUB_EXT_PORT: return RANK_PORT;
        case SUB_EXT_PID: return RANK_PID;
        case SUB_MAP: return RANK_MAP;
        case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN: return RANK_BITS;
        default: return RANK_OTHER;
        }
    case TAG_PRIMARY_IMMED1:
        switch (t & TAG_IMMED1_MASK) {
        case TAG_IMMED1_SMALL: return RANK_NUMBER;
        case TAG_IMMED1_PID: return RANK_PID;
        case TAG_IMMED1_PORT: return RANK_PORT;
        default:
            if (is_atom(t))
                return RANK_ATOM;
            if (is_nil(t))
                return RANK_NIL;
            return RANK_OTHER;
        }
    default:
        return RANK_OTHER;
    }
}

static inline int sign3(SWord d) { return (d > 0) - (d < 0); }
static inline int ucmp(UWord a, UWord b) { return (a > b) - (a < b); }
static inline int dcmp(double a, double b) { return a < b ? -1 : (a == b ? 0 : 1); }

/* ---- numbers ---- */

/* Magnitudes of two bignums (limb arrays, little-endian). */
static int limbs_cmp(const UWord *a, size_t na, const UWord *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static int big_cmp(Term a, Term b)
{
    bool na = big_sign(a), nb = big_sign(b);
    if (na != nb)
        return na ? -1 : 1;
    int c = limbs_cmp(big_limbs(a), big_size(a), big_limbs(b), big_size(b));
    return na ? -c : c;
}

/* Sign of (v - f) for a 64-bit integer v, exactly. */
static int int64_float_cmp(SWord v, double f)
{
    if (f >= 9223372036854775808.0)
        return -1;
    if (f < -9223372036854775808.0)
        return 1;
    SWord t = (SWord)f;              /* truncation: exact for |f| < 2^63 */
    if (v != t)
        return v < t ? -1 : 1;
    double frac = f - (double)t;
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

/* Sign of (big - f), exactly. A bignum's magnitude is at least 2^59. */
static int big_float_cmp(Term big, double f)
{
    bool neg = big_sign(big);
    double af = fabs(f);
    if (af < 576460752303423488.0 /* 2^59 */ || (f < 0) != neg)
        return neg ? -1 : 1;
    /* |f| >= 2^59 is an integer: mant * 2^shift with shift >= 6. */
    int ex;
    double fr = frexp(af, &ex);                 /* af = fr * 2^ex, ex >= 60 */
    UWord mant = (UWord)ldexp(fr, 53);
    int shift = ex - 53;
    size_t nlimbs = (size_t)(ex + 63) / 64;
    size_t bn = big_size(big);
    int c;
    if (bn != nlimbs) {
        c = bn < nlimbs ? -1 : 1;
    } else {
        UWord fl[17] = {0};                     /* 2^1024 needs 17 limbs */
        size_t li = (size_t)shift / 64, bi = (size_t)shift % 64;
        fl[li] = mant << bi;
        if (bi && li + 1 < nlimbs)
            fl[li + 1] = mant >> (64 - bi);
        c = limbs_cmp(big_limbs(big), bn, fl, nlimbs);
    }
    return neg ? -c : c;
}

/* Arithmetic comparison of two numbers (is_number both). */
int term_compare_numbers(Term a, Term b)
{
    if (is_small(a)) {
        if (is_small(b))
            return sign3(small_val(a) - small_val(b));
        if (is_big(b))
            return big_sign(b) ? 1 : -1;
        return int64_float_cmp(small_val(a), float_val(b));
    }
    if (is_big(a)) {
        if (is_small(b))
            return big_sign(a) ? -1 : 1;
        if (is_big(b))
            return big_cmp(a, b);
        return big_float_cmp(a, float_val(b));
    }
    double fa = float_val(a);
    if (is_float(b))
        return dcmp(fa, float_val(b));
    if (is_small(b))
        return -int64_float_cmp(small_val(b), fa);
    return -big_float_cmp(b, fa);
}

static int number_cmp(Term a, Term b, bool exact)
{
    if (exact) {
        bool fa = is_float(a), fb = is_float(b);
        if (fa != fb)
            return fa ? 1 : -1;          /* every integer < every float */
    }
    return term_compare_numbers(a, b);
}

/* ---- bitstrings ---- */

/* The 8 bits starting at bit `off` of `base`. Reads base[off/8 + 1] only
 * when off is not byte aligned. */
static inline unsigned byte_at(const uint8_t *base, size_t off)
{
    const uint8_t *p = base + (off >> 3);
    unsigned s = off & 7;
    if (!s)
        return p[0];
    return ((unsigned)(p[0] << s) | (p[1] >> (8 - s))) & 0xFF;
}

/* Lexicographic comparison of the first nbits bits. */
static int bits_cmp(const uint8_t *a, size_t aoff, const uint8_t *b, size_t boff, size_t nbits)
{
    size_t nbytes = nbits >> 3;
    if (!(aoff & 7) && !(boff & 7)) {
        int c = memcmp(a + (aoff >> 3), b + (boff >> 3), nbytes);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (size_t i = 0; i < nbytes; i++) {
            unsigned x = byte_at(a, aoff + 8 * i), y = byte_at(b, boff + 8 * i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    unsigned rest = nbits & 7;
    if (rest) {
        /* The last partial byte: read only the bits that exist. */
        unsigned x = 0, y = 0;
        for (unsigned k = 0; k < rest; k++) {
            size_t pa = aoff + 8 * nbytes + k, pb = boff + 8 * nbytes + k;
            x = (x << 1) | ((a[pa >> 3] >> (7 - (pa & 7))) & 1);
            y = (y << 1) | ((b[pb >> 3] >> (7 - (pb & 7))) & 1);
        }
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

void term_bits(Term bitstring, TermBits *out)
{
    bin_view(bitstring, &out->base, &out->bitoff, &out->nbits);
}

static int bitstring_cmp(Term a, Term b)
{
    TermBits va, vb;
    term_bits(a, &va);
    term_bits(b, &vb);
    size_t n = va.nbits < vb.nbits ? va.nbits : vb.nbits;
    int c = bits_cmp(va.base, va.bitoff, vb.base, vb.bitoff, n);
    if (c)
        return c;
    return ucmp(va.nbits, vb.nbits);
}

static bool bitstring_eq(Term a, Term b)
{
    TermBits va, vb;
    term_bits(a, &va);
    term_bits(b, &vb);
    return va.nbits == vb.nbits && bits_cmp(va.base, va.bitoff, vb.base, vb.bitoff, va.nbits) == 0;
}

/* ---- pids, ports, refs ----
 * Local ones belong to this node, which (without distribution) is
 * 'nonode@nohost' with creation 0; remote ones use ext.h's layouts. A local
 * pid's index is its number (low 32 bits) and serial (high bits), as the
 * external format encodes it. */

#define THIS_NODE AM(nonode_at_nohost)

static int node_cmp(Term na, uint32_t ca, Term nb, uint32_t cb)
{
    if (na != nb)
        return atom_compare(na, nb);
    return ca == cb ? 0 : (ca < cb ? -1 : 1);
}

static void pid_parts(Term t, uint32_t *num, uint32_t *ser, Term *node, uint32_t *cre)
{
    if (is_internal_pid(t)) {
        UWord i = internal_pid_index(t);
        *num = (uint32_t)i;
        *ser = (uint32_t)(i >> 32);
        *node = THIS_NODE;
        *cre = 0;
    } else {
        *num = ext_pid_number(t);
        *ser = ext_pid_serial(t);
        *node = ext_node(t);
        *cre = ext_pid_creation(t);
    }
}

/* As ERTS: serial, then number, then node. */
static int pid_cmp(Term a, Term b)
{
    uint32_t na, sa, ca, nb, sb, cb;
    Term node_a, node_b;
    if (is_internal_pid(a) && is_internal_pid(b))
        return ucmp(internal_pid_index(a), internal_pid_index(b));
    pid_parts(a, &na, &sa, &node_a, &ca);
    pid_parts(b, &nb, &sb, &node_b, &cb);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (na != nb)
        return na < nb ? -1 : 1;
    return node_cmp(node_a, ca, node_b, cb);
}

/* As ERTS: node first, then the number. */
static int port_cmp(Term a, Term b)
{
    if (is_internal_port(a) && is_internal_port(b))
        return ucmp(internal_port_index(a), internal_port_index(b));
    Term na = is_internal_port(a) ? THIS_NODE : ext_node(a);
    Term nb = is_internal_port(b) ? THIS_NODE : ext_node(b);
    uint32_t ca = is_internal_port(a) ? 0 : ext_port_creation(a);
    uint32_t cb = is_internal_port(b) ? 0 : ext_port_creation(b);
    int c = node_cmp(na, ca, nb, cb);
    if (c)
        return c;
    uint64_t ia = is_internal_port(a) ? internal_port_index(a) : ext_port_id(a);
    uint64_t ib = is_internal_port(b) ? internal_port_index(b) : ext_port_id(b);
    return ia == ib ? 0 : (ia < ib ? -1 : 1);
}

/* A ref's node, creation and 32-bit numbers (number 0 first). Local refs:
 * [1] = n0 | n1 << 32, [2] = n2. */
static unsigned ref_parts(Term t, uint32_t *num, Term *node, uint32_t *cre)
{
    if (is_internal_ref(t)) {
        const Term *x = boxed_val(t);
        num[0] = (uint32_t)x[1];
        num[1] = (uint32_t)(x[1] >> 32);
        num[2] = (uint32_t)x[2];
        *node = THIS_NODE;
        *cre = 0;
        return 3;
    }
    unsigned n = ext_ref_count(t);
    if (n > EXT_REF_MAX_NUMBERS)
        n = EXT_REF_MAX_NUMBERS;
    for (unsigned i = 0; i < n; i++)
        num[i] = ext_ref_number(t, i);
    *node = ext_node(t);
    *cre = ext_ref_creation(t);
    return n;
}

/* As ERTS: node, then the numbers from the most significant; extra
 * non-zero high numbers make a ref larger. */
static int ref_cmp(Term a, Term b)
{
    uint32_t x[EXT_REF_MAX_NUMBERS + 3], y[EXT_REF_MAX_NUMBERS + 3], ca, cb;
    Term na, nb;
    unsigned la = ref_parts(a, x, &na, &ca), lb = ref_parts(b, y, &nb, &cb);
    int c = node_cmp(na, ca, nb, cb);
    if (c)
        return c;
    for (; la > lb; la--)
        if (x[la - 1])
            return 1;
    for (; lb > la; lb--)
        if (y[lb - 1])
            return -1;
    for (unsigned i = la; i-- > 0;)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* ---- the engine ---- */

typedef struct {
    const Term *a, *b;
    size_t n;
    bool exact;
} Frame;

typedef struct Block {
    struct Block *next;
    Term data[];
} Block;

typedef struct {
    Frame *fr;
    size_t top, cap;
    Frame local[32];
    Block *blocks;              /* sorted key/value arrays of large maps */
} Walk;

static void walk_init(Walk *w)
{
    w->fr = w->local;
    w->top = 0;
    w->cap = sizeof w->local / sizeof w->local[0];
    w->blocks = NULL;
}

static void walk_done(Walk *w)
{
    if (w->fr != w->local)
        free(w->fr);
    while (w->blocks) {
        Block *n = w->blocks->next;
        free(w->blocks);
        w->blocks = n;
    }
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "girder: out of memory in term comparison\n");
        abort();
    }
    return p;
}

static void push(Walk *w, const Term *a, const Term *b, size_t n, bool exact)
{
    if (n == 0)
        return;
    if (w->top == w->cap) {
        size_t cap = w->cap * 2;
        Frame *f = xmalloc(cap * sizeof *f);
        memcpy(f, w->fr, w->top * sizeof *f);
        if (w->fr != w->local)
            free(w->fr);
        w->fr = f;
        w->cap = cap;
    }
    w->fr[w->top++] = (Frame){ a, b, n, exact };
}

/* Next pending pair, in depth-first order. */
static bool pop(Walk *w, Term *a, Term *b, bool *exact)
{
    if (w->top == 0)
        return false;
    Frame *f = &w->fr[w->top - 1];
    *a = *f->a++;
    *b = *f->b++;
    *exact = f->exact;
    if (--f->n == 0)
        w->top--;
    return true;
}

typedef struct { Term k, v; } KV;

static int kv_order(const void *x, const void *y)
{
    return term_compare_exact(((const KV *)x)->k, ((const KV *)y)->k);
}

/* A large map's keys and values, sorted by key (exact order), in one block:
 * n keys followed by n values. */
static Term *sorted_kvs(Walk *w, Term map, size_t n)
{
    KV *kv = xmalloc(n * sizeof *kv);
    MapIter it;
    map_iter_init(&it, map);
    size_t i = 0;
    while (i < n && map_iter_next(&it, &kv[i].k, &kv[i].v))
        i++;
    qsort(kv, i, sizeof *kv, kv_order);
    Block *blk = xmalloc(sizeof *blk + 2 * n * sizeof(Term));
    for (size_t j = 0; j < n; j++) {
        blk->data[j] = kv[j].k;
        blk->data[n + j] = kv[j].v;
    }
    free(kv);
    blk->next = w->blocks;
    w->blocks = blk;
    return blk->data;
}

static int map_cmp(Walk *w, Term a, Term b, bool exact)
{
    size_t na = map_size(a), nb = map_size(b);
    if (na != nb)
        return na < nb ? -1 : 1;
    if (na == 0)
        return 0;
    if (is_flatmap(a) && is_flatmap(b)) {
        push(w, flatmap_values(a), flatmap_values(b), na, exact);
        push(w, flatmap_keys(a), flatmap_keys(b), na, true);
        return 0;
    }
    /* Same size, so both are HAMTs: the smallest key in only one of them
     * decides, else the values in key order. */
    const Term *sa = sorted_kvs(w, a, na), *sb = sorted_kvs(w, b, nb);
    push(w, sa + na, sb + na, na, exact);
    push(w, sa, sb, na, true);
    return 0;
}

static int fun_cmp(Walk *w, Term a, Term b, bool exact)
{
    bool la = is_fun(a), lb = is_fun(b);
    if (la != lb)
        return la ? -1 : 1;              /* local funs before export funs */
    if (!la) {
        const Export *x = export_of(a), *y = export_of(b);
        if (x == y)
            return 0;
        int c = atom_compare(x->module, y->module);
        if (!c)
            c = atom_compare(x->function, y->function);
        if (!c)
            c = sign3((SWord)x->arity - (SWord)y->arity);
        return c;
    }
    const FunEntry *x = fun_entry_of(a), *y = fun_entry_of(b);
    if (x != y) {
        int c = atom_compare(x->module, y->module);
        if (c)
            return c;
        if (x->index != y->index)
            return x->index < y->index ? -1 : 1;
        if (x->old_uniq != y->old_uniq)
            return x->old_uniq < y->old_uniq ? -1 : 1;
    }
    uint32_t fa = fun_num_free(a), fb = fun_num_free(b);
    if (fa != fb)
        return fa < fb ? -1 : 1;
    push(w, fun_free_vars(a), fun_free_vars(b), fa, exact);
    return 0;
}

/* Compare the outer layer of a and b; push their children. */
static int step(Walk *w, Term a, Term b, bool exact)
{
    if (is_atom(a) && is_atom(b))
        return atom_compare(a, b);
    if (is_small(a) && is_small(b))
        return sign3(small_val(a) - small_val(b));
    int ra = rank_of(a), rb = rank_of(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (ra) {
    case RANK_NUMBER:
        return number_cmp(a, b, exact);
    case RANK_LIST: {
        const Term *x = list_val(a), *y = list_val(b);
        /* Skip identical heads without pushing anything. */
        for (;;) {
            if (CAR(x) != CAR(y)) {
                push(w, x, y, 2, exact);
                return 0;
            }
            Term ta = CDR(x), tb = CDR(y);
            if (ta == tb)
                return 0;
            if (!is_list(ta) || !is_list(tb)) {
                push(w, x + 1, y + 1, 1, exact);
                return 0;
            }
            x = list_val(ta);
            y = list_val(tb);
        }
    }
    case RANK_TUPLE: {
        size_t n = tuple_arity(a), m = tuple_arity(b);
        if (n != m)
            return n < m ? -1 : 1;
        push(w, tuple_val(a) + 1, tuple_val(b) + 1, n, exact);
        return 0;
    }
    case RANK_MAP:
        return map_cmp(w, a, b, exact);
    case RANK_BITS:
        return bitstring_cmp(a, b);
    case RANK_FUN:
        return fun_cmp(w, a, b, exact);
    case RANK_PID:
        return pid_cmp(a, b);
    case RANK_PORT:
        return port_cmp(a, b);
    case RANK_REF:
        return ref_cmp(a, b);
    case RANK_NIL:
        return 0;
    default:
        return ucmp(a, b);
    }
}

static int compare(Term a, Term b, bool exact)
{
    if (a == b)
        return 0;
    if (is_small(a) && is_small(b))
        return sign3(small_val(a) - small_val(b));
    if (is_atom(a) && is_atom(b))
        return atom_compare(a, b);
    if (is_immed(a) && is_immed(b))
        return step(NULL, a, b, exact);      /* no children to push */
    Walk w;
    walk_init(&w);
    int c = 0;
    for (;;) {
        if (a != b && (c = step(&w, a, b, exact)) != 0)
            break;
        if (!pop(&w, &a, &b, &exact))
            break;
    }
    walk_done(&w);
    return c;
}

int term_compare(Term a, Term b)
{
    return compare(a, b, false);
}

int term_compare_exact(Term a, Term b)
{
    return compare(a, b, true);
}

/* ---- exact equality ---- */

/* Outer layer of a =:= b (a != b as words); children are pushed. */
static bool eq_step(Walk *w, Term a, Term b)
{
    if (is_list(a)) {
        if (!is_list(b))
            return false;
        push(w, list_val(a), list_val(b), 2, true);
        return true;
    }
    if (!is_boxed(a) || !is_boxed(b))
        return false;
    Term ha = boxed_header(a), hb = boxed_header(b);
    switch (header_subtag(ha)) {
    case SUB_TUPLE:
        if (ha != hb)
            return false;
        push(w, tuple_val(a) + 1, tuple_val(b) + 1, header_arity(ha), true);
        return true;
    case SUB_FLOAT:
        return is_float(b) && float_val(a) == float_val(b);
    case SUB_POS_BIG: case SUB_NEG_BIG:
        return ha == hb && memcmp(big_limbs(a), big_limbs(b), big_size(a) * sizeof(UWord)) == 0;
    case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN:
        return is_bitstring(b) && bitstring_eq(a, b);
    case SUB_MAP:
        /* Canonical shapes: equal maps have equal words [1] (kind, size or
         * bitmap) and, for a HAMT head, [2] (size); then all children. */
        if (ha != hb || boxed_val(a)[1] != boxed_val(b)[1])
            return false;
        push(w, boxed_val(a) + 2, boxed_val(b) + 2, header_arity(ha) - 1, true);
        return true;
    case SUB_FUN:
    case SUB_EXPORT:
        /* fun_cmp pushes the free variables only when all else is equal. */
        return is_any_fun(b) && fun_cmp(w, a, b, true) == 0;
    default:
        return rank_of(a) == rank_of(b) && step(w, a, b, true) == 0;
    }
}

bool term_eq_exact(Term a, Term b)
{
    if (a == b)
        return true;
    if (is_immed(a) || is_immed(b))
        return false;
    Walk w;
    walk_init(&w);
    bool eq = true, exact;
    for (;;) {
        if (a != b && !(eq = eq_step(&w, a, b)))
            break;
        if (!pop(&w, &a, &b, &exact))
            break;
    }
    walk_done(&w);
    return eq;
}
