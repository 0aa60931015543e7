/* binary_mod.c — the BIFs of the `binary` module (those OTP 25 implements
 * in C: searching with match/matches/split and compiled patterns, parts,
 * copies, unsigned encodings, common prefixes). The rest of binary.erl is
 * Erlang and runs as is.
 *
 * Deliberate difference from erl: a compiled pattern is {bm, Bin} or
 * {ac, Bin} where Bin holds the patterns (ERTS uses a "magic" reference to
 * an off-heap search structure, which girder's reference layout cannot
 * carry). Searching gives the same results: the leftmost match, the
 * longest of those starting there, continuing after its end. */
#include "bif.h"
#include "../term/binary.h"
#include "../term/bignum.h"
#include <stdlib.h>
#include <stdio.h>

static void *xmalloc(size_t n)
{
    void *q = malloc(n ? n : 1);
    if (!q) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    return q;
}

/* ---- the subject ---- */

/* The bytes of a binary argument (whole bytes); false if not a binary. */
typedef struct { const uint8_t *s; size_t len; uint8_t *tmp; } Bytes;

static bool get_bytes(Term t, Bytes *b)
{
    b->tmp = NULL;
    if (!bin_is_binary(t))
        return false;
    b->s = bin_bytes(t, &b->len, &b->tmp);
    return b->s != NULL;
}

/* ---- patterns ---- */

#define CP_MAGIC "GirderCP"
#define CP_MAGIC_LEN 8

typedef struct {
    size_t n;
    const uint8_t **pat;
    size_t *len;
    uint8_t **tmp;            /* copies to free (unaligned sub binaries) */
} Patterns;

static void pats_free(Patterns *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->tmp[i]);
    free(ps->pat);
    free(ps->len);
    free(ps->tmp);
    ps->n = 0;
    ps->pat = NULL;
    ps->len = NULL;
    ps->tmp = NULL;
}

static void pats_alloc(Patterns *ps, size_t n)
{
    ps->n = 0;
    ps->pat = xmalloc(n * sizeof *ps->pat);
    ps->len = xmalloc(n * sizeof *ps->len);
    ps->tmp = xmalloc(n * sizeof *ps->tmp);
}

static bool pats_add(Patterns *ps, Term bin)
{
    Bytes b;
    if (!get_bytes(bin, &b) || b.len == 0) {
        free(b.tmp);
        return false;
    }
    ps->pat[ps->n] = b.s;
    ps->len[ps->n] = b.len;
    ps->tmp[ps->n] = b.tmp;
    ps->n++;
    return true;
}

static uint32_t rd32(const uint8_t *s)
{
    return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3];
}

/* A compiled pattern {bm|ac, Bin}: magic, count, then length-prefixed
 * patterns (lengths as 32-bit big-endian). */
static bool pats_from_compiled(Term t, Patterns *ps)
{
    Term tag = tuple_elem(t, 1);
    Bytes b;
    if ((tag != AM(bm) && tag != AM(ac)) || !is_bitstring(tuple_elem(t, 2)) || !get_bytes(tuple_elem(t, 2), &b))
        return false;
    bool ok = b.len >= CP_MAGIC_LEN + 4 && memcmp(b.s, CP_MAGIC, CP_MAGIC_LEN) == 0;
    size_t n = ok ? rd32(b.s + CP_MAGIC_LEN) : 0;
    ok = ok && n > 0 && n <= b.len;
    if (ok) {
        pats_alloc(ps, n);
        size_t pos = CP_MAGIC_LEN + 4;
        for (size_t i = 0; ok && i < n; i++) {
            size_t l = pos + 4 <= b.len ? rd32(b.s + pos) : 0;
            if (l == 0 || l > b.len - pos - 4) {
                ok = false;
                break;
            }
            ps->pat[i] = NULL;
            ps->len[i] = l;
            ps->tmp[i] = xmalloc(l);
            memcpy(ps->tmp[i], b.s + pos + 4, l);
            ps->pat[i] = ps->tmp[i];
            ps->n = i + 1;
            pos += 4 + l;
        }
        ok = ok && pos == b.len;
        if (!ok)
            pats_free(ps);
    }
    free(b.tmp);
    return ok;
}

/* A pattern argument: a non-empty binary, a non-empty list of them, or a
 * compiled pattern. */
static bool get_patterns(Term t, Patterns *ps)
{
    ps->n = 0;
    ps->pat = NULL;
    ps->len = NULL;
    ps->tmp = NULL;
    if (is_tuple(t) && tuple_arity(t) == 2)
        return pats_from_compiled(t, ps);
    if (is_bitstring(t)) {
        pats_alloc(ps, 1);
        if (pats_add(ps, t))
            return true;
        pats_free(ps);
        return false;
    }
    size_t n = 0;
    Term l = t;
    for (; is_list(l); l = CDR(list_val(l)))
        n++;
    if (n == 0 || !is_nil(l))
        return false;
    pats_alloc(ps, n);
    for (l = t; is_list(l); l = CDR(list_val(l)))
        if (!pats_add(ps, CAR(list_val(l)))) {
            pats_free(ps);
            return false;
        }
    return true;
}

/* ---- searching ---- */

#define NONE SIZE_MAX

typedef struct {
    const Patterns *ps;
    const uint8_t *subj;
    size_t end;
    size_t *next;             /* first occurrence found from `from[i]`, or NONE */
    size_t *from;             /* where next[i] was searched from; NONE: not yet */
} Finder;

static void finder_init(Finder *f, const Patterns *ps, const uint8_t *subj, size_t end)
{
    f->ps = ps;
    f->subj = subj;
    f->end = end;
    f->next = xmalloc(ps->n * sizeof(size_t));
    f->from = xmalloc(ps->n * sizeof(size_t));
    for (size_t i = 0; i < ps->n; i++)
        f->from[i] = NONE;
}

static void finder_free(Finder *f)
{
    free(f->next);
    free(f->from);
}

/* The leftmost (then longest) match starting at or after `pos`. Each
 * pattern's next occurrence is remembered, so a global search costs about
 * one pass over the subject per pattern. */
static bool find_next(Finder *f, size_t pos, size_t *mstart, size_t *mlen)
{
    size_t best = NONE, blen = 0;
    for (size_t i = 0; i < f->ps->n; i++) {
        size_t len = f->ps->len[i];
        bool stale = f->from[i] == NONE || f->from[i] > pos
                     || (f->next[i] != NONE && f->next[i] < pos);
        if (stale) {
            f->from[i] = pos;
            f->next[i] = NONE;
            if (pos <= f->end && len <= f->end - pos) {
                const uint8_t *hit = memmem(f->subj + pos, f->end - pos, f->ps->pat[i], len);
                if (hit)
                    f->next[i] = (size_t)(hit - f->subj);
            }
        }
        size_t at = f->next[i];
        if (at != NONE && (at < best || (at == best && len > blen))) {
            best = at;
            blen = len;
        }
    }
    if (best == NONE)
        return false;
    *mstart = best;
    *mlen = blen;
    return true;
}

/* The scope option list: [{scope, {Start, Length}}] (an improper tail is
 * ignored, as erl does); sets [*start, *end). */
static bool scope_opt(Term opt, size_t size, size_t *start, size_t *end)
{
    if (!is_tuple(opt) || tuple_arity(opt) != 2 || tuple_elem(opt, 1) != AM(scope))
        return false;
    Term sc = tuple_elem(opt, 2);
    if (!is_tuple(sc) || tuple_arity(sc) != 2 || !is_small(tuple_elem(sc, 1)) || !is_small(tuple_elem(sc, 2)))
        return false;
    SWord s = small_val(tuple_elem(sc, 1)), l = small_val(tuple_elem(sc, 2));
    if (s < 0)
        return false;
    if (l < 0) {
        s += l;
        l = -l;
    }
    if (s < 0 || (size_t)s > size || (size_t)l > size - (size_t)s)
        return false;
    *start = (size_t)s;
    *end = (size_t)(s + l);
    return true;
}

enum { OPT_GLOBAL = 1, OPT_TRIM = 2, OPT_TRIM_ALL = 4 };

static bool parse_opts(Term opts, size_t size, bool split, size_t *start, size_t *end, unsigned *flags)
{
    *start = 0;
    *end = size;
    *flags = 0;
    if (is_nil(opts))
        return true;
    if (!is_list(opts))
        return false;
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (split && o == AM(global))
            *flags |= OPT_GLOBAL;
        else if (split && o == AM(trim))
            *flags |= OPT_TRIM;
        else if (split && o == AM(trim_all))
            *flags |= OPT_TRIM_ALL;
        else if (!scope_opt(o, size, start, end))
            return false;
    }
    return true;
}

/* A search over the arguments of match/matches/split. */
typedef struct {
    Process *p;
    Bytes subj;
    Patterns ps;
    size_t start, end;
    unsigned flags;
} Search;

static bool search_setup(Process *p, Search *s, Term subj, Term pat, Term opts, bool split)
{
    s->p = p;
    s->ps.n = 0;
    s->ps.pat = NULL;
    s->ps.len = NULL;
    s->ps.tmp = NULL;
    if (!get_bytes(subj, &s->subj))
        return false;
    if (!get_patterns(pat, &s->ps) || !parse_opts(opts, s->subj.len, split, &s->start, &s->end, &s->flags)) {
        free(s->subj.tmp);
        pats_free(&s->ps);
        return false;
    }
    return true;
}

static void search_free(Search *s)
{
    free(s->subj.tmp);
    pats_free(&s->ps);
}

/* All matches (or the first one unless global) as {start, len} pairs in a
 * malloc'd array; returns the count. */
static size_t search_all(Search *s, bool global, size_t **out)
{
    Finder f;
    finder_init(&f, &s->ps, s->subj.s, s->end);
    size_t cap = 8, n = 0, pos = s->start, ms, ml;
    size_t *m = xmalloc(cap * 2 * sizeof(size_t));
    while (find_next(&f, pos, &ms, &ml)) {
        if (n == cap) {
            cap *= 2;
            size_t *nm = realloc(m, cap * 2 * sizeof(size_t));
            if (!nm) {
                fprintf(stderr, "girder: out of memory\n");
                abort();
            }
            m = nm;
        }
        m[2 * n] = ms;
        m[2 * n + 1] = ml;
        n++;
        if (!global)
            break;
        pos = ms + ml;
    }
    finder_free(&f);
    bin_bump_reds(s->p, (s->end - s->start) * s->ps.n);
    *out = m;
    return n;
}

static Term pos_len(Process *p, size_t pos, size_t len)
{
    return bif_tuple2(p, make_small((SWord)pos), make_small((SWord)len));
}

static Term do_match(Process *p, Term subj, Term pat, Term opts)
{
    Search s;
    if (!search_setup(p, &s, subj, pat, opts, false))
        BIF_BADARG(p);
    size_t *m;
    size_t n = search_all(&s, false, &m);
    Term r = n ? pos_len(p, m[0], m[1]) : AM(nomatch);
    free(m);
    search_free(&s);
    return r;
}

static Term bif_match_2(Process *p, Term *a) { return do_match(p, a[0], a[1], NIL); }
BIF_DEF("binary", "match", 2, bif_match_2)
static Term bif_match_3(Process *p, Term *a) { return do_match(p, a[0], a[1], a[2]); }
BIF_DEF("binary", "match", 3, bif_match_3)

static Term do_matches(Process *p, Term subj, Term pat, Term opts)
{
    Search s;
    if (!search_setup(p, &s, subj, pat, opts, false))
        BIF_BADARG(p);
    size_t *m;
    size_t n = search_all(&s, true, &m);
    Term r = NIL;
    Term *hp = proc_alloc(p, 5 * n);
    for (size_t i = n; i-- > 0;) {
        Term *t = hp + 5 * i;
        t[0] = make_arityval(2);
        t[1] = make_small((SWord)m[2 * i]);
        t[2] = make_small((SWord)m[2 * i + 1]);
        r = make_cons_at(t + 3, make_tuple(t), r);
    }
    free(m);
    search_free(&s);
    return r;
}

static Term bif_matches_2(Process *p, Term *a) { return do_matches(p, a[0], a[1], NIL); }
BIF_DEF("binary", "matches", 2, bif_matches_2)
static Term bif_matches_3(Process *p, Term *a) { return do_matches(p, a[0], a[1], a[2]); }
BIF_DEF("binary", "matches", 3, bif_matches_3)

static Term do_split(Process *p, Term subj, Term pat, Term opts)
{
    Search s;
    if (!search_setup(p, &s, subj, pat, opts, true))
        BIF_BADARG(p);
    size_t *m;
    size_t n = search_all(&s, (s.flags & OPT_GLOBAL) != 0, &m);
    /* parts: [0, m0) [m0+l0, m1) ... [mlast+llast, size) */
    size_t nparts = n + 1;
    size_t *from = xmalloc(nparts * sizeof(size_t)), *to = xmalloc(nparts * sizeof(size_t));
    size_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        from[i] = prev;
        to[i] = m[2 * i];
        prev = m[2 * i] + m[2 * i + 1];
    }
    from[n] = prev;
    to[n] = s.subj.len;
    if (s.flags & (OPT_TRIM | OPT_TRIM_ALL))
        while (nparts > 0 && from[nparts - 1] == to[nparts - 1])
            nparts--;
    Term r = NIL;
    for (size_t i = nparts; i-- > 0;) {
        if ((s.flags & OPT_TRIM_ALL) && from[i] == to[i])
            continue;
        Term part = bin_sub(p, subj, from[i] * 8, (to[i] - from[i]) * 8);
        r = make_cons_at(proc_alloc(p, 2), part, r);
    }
    free(from);
    free(to);
    free(m);
    search_free(&s);
    return r;
}

static Term bif_split_2(Process *p, Term *a) { return do_split(p, a[0], a[1], NIL); }
BIF_DEF("binary", "split", 2, bif_split_2)
static Term bif_split_3(Process *p, Term *a) { return do_split(p, a[0], a[1], a[2]); }
BIF_DEF("binary", "split", 3, bif_split_3)

static void put32(uint8_t *d, size_t v)
{
    d[0] = (uint8_t)(v >> 24);
    d[1] = (uint8_t)(v >> 16);
    d[2] = (uint8_t)(v >> 8);
    d[3] = (uint8_t)v;
}

static Term bif_compile_pattern_1(Process *p, Term *a)
{
    Patterns ps;
    if ((is_tuple(a[0]) || !get_patterns(a[0], &ps)))
        BIF_BADARG(p);
    size_t total = CP_MAGIC_LEN + 4;
    for (size_t i = 0; i < ps.n; i++) {
        if (ps.len[i] > 0xFFFFFFFFu) {
            pats_free(&ps);
            BIF_SYSLIMIT(p);
        }
        total += 4 + ps.len[i];
    }
    uint8_t *d;
    Term bin = bin_try_alloc(p, total, &d);
    if (is_non_value(bin)) {
        pats_free(&ps);
        BIF_SYSLIMIT(p);
    }
    memcpy(d, CP_MAGIC, CP_MAGIC_LEN);
    put32(d + CP_MAGIC_LEN, ps.n);
    size_t pos = CP_MAGIC_LEN + 4;
    for (size_t i = 0; i < ps.n; i++) {
        put32(d + pos, ps.len[i]);
        memcpy(d + pos + 4, ps.pat[i], ps.len[i]);
        pos += 4 + ps.len[i];
    }
    Term kind = ps.n == 1 ? AM(bm) : AM(ac);
    pats_free(&ps);
    return bif_tuple2(p, kind, bin);
}
BIF_DEF("binary", "compile_pattern", 1, bif_compile_pattern_1)

/* ---- parts and bytes ---- */

/* binary:part/2,3 are erlang:binary_part/2,3 (erlang_bin.c). */

/* Byte i of a binary. */
static unsigned byte_at(Term bin, size_t i)
{
    const uint8_t *base;
    size_t off, bits;
    bin_view(bin, &base, &off, &bits);
    return bin_fetch_bits(base, off + 8 * i, 8);
}

static Term bif_at_2(Process *p, Term *a)
{
    if (!bin_is_binary(a[0]) || !is_small(a[1]) || small_val(a[1]) < 0
        || (size_t)small_val(a[1]) >= bin_byte_size(a[0]))
        BIF_BADARG(p);
    return make_small(byte_at(a[0], (size_t)small_val(a[1])));
}
BIF_DEF("binary", "at", 2, bif_at_2)

static Term bif_first_1(Process *p, Term *a)
{
    if (!bin_is_binary(a[0]) || bin_byte_size(a[0]) == 0)
        BIF_BADARG(p);
    return make_small(byte_at(a[0], 0));
}
BIF_DEF("binary", "first", 1, bif_first_1)

static Term bif_last_1(Process *p, Term *a)
{
    if (!bin_is_binary(a[0]) || bin_byte_size(a[0]) == 0)
        BIF_BADARG(p);
    return make_small(byte_at(a[0], bin_byte_size(a[0]) - 1));
}
BIF_DEF("binary", "last", 1, bif_last_1)

static Term copy(Process *p, Term bin, Term times)
{
    if (!bin_is_binary(bin) || !is_small(times) || small_val(times) < 0)
        BIF_BADARG(p);
    size_t n = (size_t)small_val(times), len = bin_byte_size(bin), total;
    if (__builtin_mul_overflow(n, len, &total))
        BIF_SYSLIMIT(p);
    uint8_t *d;
    Term r = bin_try_alloc(p, total, &d);
    if (is_non_value(r))
        BIF_SYSLIMIT(p);
    if (total == 0)
        return r;
    bin_bump_reds(p, total);
    const uint8_t *base;
    size_t off, bits;
    bin_view(bin, &base, &off, &bits);
    bin_copy_bits(d, 0, base, off, bits);
    /* double the filled prefix until done */
    size_t have = len;
    while (have < total) {
        size_t k = have <= total - have ? have : total - have;
        memcpy(d + have, d, k);
        have += k;
    }
    return r;
}

static Term bif_copy_1(Process *p, Term *a) { return copy(p, a[0], make_small(1)); }
BIF_DEF("binary", "copy", 1, bif_copy_1)
static Term bif_copy_2(Process *p, Term *a) { return copy(p, a[0], a[1]); }
BIF_DEF("binary", "copy", 2, bif_copy_2)

static Term bif_list_to_bin_1(Process *p, Term *a)
{
    size_t bits;
    if ((!is_list(a[0]) && !is_nil(a[0])) || !bin_iolist_bits(a[0], false, &bits))
        BIF_BADARG(p);
    Term r = bin_iolist_build(p, a[0], bits);
    if (is_non_value(r))
        BIF_SYSLIMIT(p);
    return r;
}
BIF_DEF("binary", "list_to_bin", 1, bif_list_to_bin_1)

static Term bif_referenced_byte_size_1(Process *p, Term *a)
{
    if (!is_bitstring(a[0]))
        BIF_BADARG(p);
    Term orig = bin_orig_of(a[0]);
    size_t n = is_refc_bin(orig) ? refc_binary_of(orig)->size : bin_orig_size(orig);
    return make_small((SWord)n);
}
BIF_DEF("binary", "referenced_byte_size", 1, bif_referenced_byte_size_1)

/* ---- common prefix / suffix ---- */

static Term common(Process *p, Term list, bool suffix)
{
    size_t n = 0;
    Term l = list;
    for (; is_list(l); l = CDR(list_val(l))) {
        if (!bin_is_binary(CAR(list_val(l))))
            BIF_BADARG(p);
        n++;
    }
    if (n == 0 || !is_nil(l))
        BIF_BADARG(p);
    Bytes *bs = xmalloc(n * sizeof(Bytes));
    size_t i = 0, best = SIZE_MAX;
    for (l = list; is_list(l); l = CDR(list_val(l)), i++) {
        get_bytes(CAR(list_val(l)), &bs[i]);
        if (bs[i].len < best)
            best = bs[i].len;
    }
    size_t k = 0;
    for (; k < best; k++) {
        uint8_t c = suffix ? bs[0].s[bs[0].len - 1 - k] : bs[0].s[k];
        bool same = true;
        for (size_t j = 1; j < n && same; j++)
            same = (suffix ? bs[j].s[bs[j].len - 1 - k] : bs[j].s[k]) == c;
        if (!same)
            break;
    }
    for (i = 0; i < n; i++)
        free(bs[i].tmp);
    free(bs);
    return make_small((SWord)k);
}

static Term bif_longest_common_prefix_1(Process *p, Term *a) { return common(p, a[0], false); }
BIF_DEF("binary", "longest_common_prefix", 1, bif_longest_common_prefix_1)
static Term bif_longest_common_suffix_1(Process *p, Term *a) { return common(p, a[0], true); }
BIF_DEF("binary", "longest_common_suffix", 1, bif_longest_common_suffix_1)

/* ---- unsigned encodings ---- */

/* big (default) or little; -1 for a bad endianness argument. */
static int endian_arg(Term t)
{
    return t == AM(big) ? 0 : t == AM(little) ? 1 : -1;
}

static Term decode_unsigned(Process *p, Term bin, int little)
{
    Bytes b;
    if (little < 0 || !get_bytes(bin, &b))
        BIF_BADARG(p);
    size_t nl = (b.len + 7) / 8;
    UWord *limbs = xmalloc((nl ? nl : 1) * sizeof(UWord));
    memset(limbs, 0, (nl ? nl : 1) * sizeof(UWord));
    for (size_t i = 0; i < b.len; i++) {
        size_t k = little ? i : b.len - 1 - i;           /* significance */
        limbs[k / 8] |= (UWord)b.s[i] << (8 * (k % 8));
    }
    Term r = bn_from_limbs(p, limbs, nl, false);
    free(limbs);
    free(b.tmp);
    return r;
}

static Term bif_decode_unsigned_1(Process *p, Term *a) { return decode_unsigned(p, a[0], 0); }
BIF_DEF("binary", "decode_unsigned", 1, bif_decode_unsigned_1)
static Term bif_decode_unsigned_2(Process *p, Term *a) { return decode_unsigned(p, a[0], endian_arg(a[1])); }
BIF_DEF("binary", "decode_unsigned", 2, bif_decode_unsigned_2)

static Term encode_unsigned(Process *p, Term v, int little)
{
    if (little < 0 || !is_integer(v) || (is_small(v) && small_val(v) < 0) || (is_big(v) && big_sign(v)))
        BIF_BADARG(p);
    UWord one;
    const UWord *limbs;
    size_t nl;
    if (is_small(v)) {
        one = (UWord)small_val(v);
        limbs = &one;
        nl = 1;
    } else {
        limbs = big_limbs(v);
        nl = big_size(v);
    }
    size_t len = nl * 8;
    while (len > 1 && ((limbs[(len - 1) / 8] >> (8 * ((len - 1) % 8))) & 0xFF) == 0)
        len--;
    uint8_t *d;
    Term r = bin_alloc(p, len, &d);
    for (size_t k = 0; k < len; k++) {
        uint8_t byte = (uint8_t)(limbs[k / 8] >> (8 * (k % 8)));
        d[little ? k : len - 1 - k] = byte;
    }
    return r;
}

static Term bif_encode_unsigned_1(Process *p, Term *a) { return encode_unsigned(p, a[0], 0); }
BIF_DEF("binary", "encode_unsigned", 1, bif_encode_unsigned_1)
static Term bif_encode_unsigned_2(Process *p, Term *a) { return encode_unsigned(p, a[0], endian_arg(a[1])); }
BIF_DEF("binary", "encode_unsigned", 2, bif_encode_unsigned_2)
