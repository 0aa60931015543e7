/* unicode.c — the C BIFs of the unicode module: characters_to_binary/2,
 * characters_to_list/2 and bin_is_7bit/1 (characters_to_binary/1,3 and
 * characters_to_list/1 are Erlang code in unicode.erl on top of these).
 *
 * latin1 and utf8 input follow ERTS's erl_unicode.c; for utf16/utf32 input
 * ERTS traps to Erlang code (unicode:characters_to_binary_int/2, whose
 * ml_map/3 walks the data 8192 bytes at a time); girder has no BIF traps,
 * so that walk is done here, step for step, so the {error, _, Rest} and
 * {incomplete, _, Rest} results have the same shape. The whole input is
 * converted in one go (ERTS yields on large input: for huge inputs with
 * errors its Rest may be split differently). */
#include "bif.h"
#include "../term/binary.h"
#include <stdlib.h>
#include <stdio.h>

enum { ENC_BAD, ENC_LATIN1, ENC_UTF8, ENC_U16BE, ENC_U16LE, ENC_U32BE, ENC_U32LE };

static int encoding_of(Term t)
{
    if (t == AM(latin1))
        return ENC_LATIN1;
    if (t == AM(unicode) || t == AM(utf8))
        return ENC_UTF8;
    if (t == AM(utf16))
        return ENC_U16BE;
    if (t == AM(utf32))
        return ENC_U32BE;
    if (is_tuple(t) && tuple_arity(t) == 2) {
        Term e = tuple_elem(t, 2);
        int big = e == AM(big) ? 1 : e == AM(little) ? 0 : -1;
        if (big >= 0 && tuple_elem(t, 1) == AM(utf16))
            return big ? ENC_U16BE : ENC_U16LE;
        if (big >= 0 && tuple_elem(t, 1) == AM(utf32))
            return big ? ENC_U32BE : ENC_U32LE;
    }
    return ENC_BAD;
}

/* ---- a growable byte buffer for the UTF-8 result ---- */

typedef struct { uint8_t *b; size_t n, cap; } Buf;

static void buf_need(Buf *o, size_t more)
{
    if (o->n + more <= o->cap)
        return;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->n + more)
        cap *= 2;
    uint8_t *nb = realloc(o->b, cap);
    if (!nb) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    o->b = nb;
    o->cap = cap;
}

static void buf_put(Buf *o, const uint8_t *s, size_t n)
{
    buf_need(o, n);
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void buf_cp(Buf *o, uint32_t c)
{
    buf_need(o, 4);
    if (c < 0x80) {
        o->b[o->n++] = (uint8_t)c;
    } else if (c < 0x800) {
        o->b[o->n++] = (uint8_t)(0xC0 | (c >> 6));
        o->b[o->n++] = (uint8_t)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        o->b[o->n++] = (uint8_t)(0xE0 | (c >> 12));
        o->b[o->n++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        o->b[o->n++] = (uint8_t)(0x80 | (c & 0x3F));
    } else {
        o->b[o->n++] = (uint8_t)(0xF0 | (c >> 18));
        o->b[o->n++] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        o->b[o->n++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        o->b[o->n++] = (uint8_t)(0x80 | (c & 0x3F));
    }
}

/* An explicit stack of terms (list tails), so nesting never recurses. */
typedef struct { Term *t; size_t n, cap; } Stack;

static void push(Stack *s, Term t)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 32;
        Term *nt = realloc(s->t, s->cap * sizeof(Term));
        if (!nt) {
            fprintf(stderr, "girder: out of memory\n");
            abort();
        }
        s->t = nt;
    }
    s->t[s->n++] = t;
}

static Term cons(Process *p, Term h, Term t) { return make_cons_at(proc_alloc(p, 2), h, t); }

/* Whole-byte bitstring contents (copied when unaligned; free *tmp). */
static const uint8_t *bytes_of(Term bin, size_t *len, uint8_t **tmp)
{
    return bin_bytes(bin, len, tmp);
}

/* ================= latin1 / utf8 input (as erl_unicode.c) ================= */

/* Structure check before converting (ERTS's utf8_need): lists, binaries,
 * small integers; improper tails must be binaries. A bignum element stops
 * the check (the conversion then reports it as an error tuple). */
static bool chardata_ok(Term t)
{
    if (is_nil(t) || bin_is_binary(t))
        return true;
    if (!is_list(t))
        return false;
    Stack st = { NULL, 0, 0 };
    bool ok = true;
    Term cur = t;
    for (;;) {
        while (is_list(cur)) {
            Term h = CAR(list_val(cur));
            Term tl = CDR(list_val(cur));
            if (is_small(h) || is_nil(h) || bin_is_binary(h)) {
                cur = tl;
            } else if (is_list(h)) {
                push(&st, tl);
                cur = h;
            } else if (is_big(h)) {
                goto out;
            } else {
                ok = false;
                goto out;
            }
        }
        if (!is_nil(cur) && !bin_is_binary(cur)) {
            ok = false;
            break;
        }
        if (st.n == 0)
            break;
        cur = st.t[--st.n];
    }
out:
    free(st.t);
    return ok;
}

/* Bytes of a UTF-8 sequence starting with lead byte b; -1 if invalid. */
static int utf8_len(uint8_t b)
{
    if ((b & 0x80) == 0) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return -1;
}

/* Validate the complete sequence s[0..n) (n = utf8_len(s[0])). */
static bool utf8_seq_ok(const uint8_t *s, int n)
{
    switch (n) {
    case 1:
        return true;
    case 2:
        return (s[1] & 0xC0) == 0x80 && s[0] >= 0xC2;
    case 3:
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[0] == 0xE0 && s[1] < 0xA0))
            return false;
        return !((s[0] & 0x0F) == 0x0D && (s[1] & 0x20));        /* surrogates */
    case 4:
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80
            || (s[0] == 0xF0 && s[1] < 0x90))
            return false;
        return !((s[0] & 7) > 4 || ((s[0] & 7) == 4 && (s[1] & 0x3F) > 0x0F));
    default:
        return false;
    }
}

/* Conversion state shared across the pieces of one call. */
typedef struct {
    Process *p;
    bool latin1;
    Buf out;
    uint8_t left[4];          /* an incomplete sequence carried to the next binary */
    int nleft;
    bool err;
} Conv;

/* Copy UTF-8 from s[0..n); returns the offset of an error, or n. A
 * sequence cut by the end of s goes to c->left. */
static size_t copy_utf8(Conv *c, const uint8_t *s, size_t n)
{
    size_t i = 0;
    if (c->nleft) {
        int need = utf8_len(c->left[0]);
        size_t from = (size_t)(need - c->nleft);
        if (n < from) {
            memcpy(c->left + c->nleft, s, n);
            c->nleft += (int)n;
            return n;
        }
        memcpy(c->left + c->nleft, s, from);
        if (!utf8_seq_ok(c->left, need))
            return 0;                      /* the error is at this binary's start */
        buf_put(&c->out, c->left, (size_t)need);
        c->nleft = 0;
        i = from;
    }
    while (i < n) {
        int k = utf8_len(s[i]);
        if (k < 0)
            return i;
        if ((size_t)k > n - i) {
            memcpy(c->left, s + i, n - i);
            c->nleft = (int)(n - i);
            return n;
        }
        if (!utf8_seq_ok(s + i, k))
            return i;
        buf_put(&c->out, s + i, (size_t)k);
        i += (size_t)k;
    }
    return n;
}

/* Convert one binary; on error returns its rest (a sub binary) and sets
 * c->err, else returns NIL. */
static Term conv_binary(Conv *c, Term bin)
{
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bytes_of(bin, &len, &tmp);
    Term rest = NIL;
    if (!s) {                      /* not whole bytes: chardata_ok rules it out */
        c->err = true;
        return bin;
    }
    if (c->latin1) {
        buf_need(&c->out, 2 * len);
        for (size_t i = 0; i < len; i++)
            buf_cp(&c->out, s[i]);
    } else {
        size_t at = copy_utf8(c, s, len);
        if (at < len) {
            c->err = true;
            rest = bin_sub(c->p, bin, at * 8, (len - at) * 8);
        }
    }
    free(tmp);
    return rest;
}

/* Append code point v (a list element); false if it is not allowed. */
static bool conv_int(Conv *c, Term v)
{
    if (!is_small(v))
        return false;
    SWord x = small_val(v);
    if (x < 0 || (c->latin1 && x > 255) || x > 0x10FFFF || (x >= 0xD800 && x <= 0xDFFF))
        return false;
    buf_cp(&c->out, (uint32_t)x);
    return true;
}

/* ERTS's do_build_utf8: convert `t`; returns the rest term when c->err. */
static Term conv_walk(Conv *c, Term t)
{
    if (is_nil(t))
        return NIL;
    if (is_bitstring(t))
        return conv_binary(c, t);
    Stack st = { NULL, 0, 0 };
    Term cur = t, rest = NIL;
    for (;;) {
        while (is_list(cur)) {
            Term h = CAR(list_val(cur)), tl = CDR(list_val(cur));
            if (is_nil(h)) {
                cur = tl;
            } else if (is_list(h)) {
                push(&st, tl);
                cur = h;
            } else if (is_bitstring(h)) {
                Term r = conv_binary(c, h);
                if (c->err) {
                    rest = cons(c->p, r, tl);
                    goto done;
                }
                cur = tl;
            } else {
                if (c->nleft || !conv_int(c, h)) {
                    c->err = true;
                    rest = cur;
                    goto done;
                }
                cur = tl;
            }
        }
        if (is_bitstring(cur)) {
            Term r = conv_binary(c, cur);
            if (c->err) {
                rest = r;
                goto done;
            }
        } else if (!is_nil(cur)) {
            c->err = true;
            rest = cur;
            goto done;
        }
        if (st.n == 0)
            break;
        cur = st.t[--st.n];
    }
done:
    while (c->err && st.n > 0)
        rest = cons(c->p, rest, st.t[--st.n]);
    free(st.t);
    return rest;
}

/* Whether the carried bytes could still become a valid sequence. */
static bool leftover_incomplete(const uint8_t *s, int n)
{
    if ((s[0] & 0xE0) == 0xC0)
        return true;
    if ((s[0] & 0xF0) == 0xE0)
        return n < 2 || (n < 3 && (s[1] & 0xC0) == 0x80);
    if ((s[0] & 0xF8) == 0xF0)
        return n < 2 || (n < 3 && (s[1] & 0xC0) == 0x80)
               || (n < 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80);
    return false;
}

/* Result kinds. */
enum { R_OK, R_ERROR, R_INCOMPLETE };

typedef struct {
    int kind;
    Buf out;                  /* the converted characters, UTF-8 */
    Term rest;
} ConvResult;

/* latin1 / utf8 conversion; false for badarg. */
static bool convert_native(Process *p, Term data, bool latin1, ConvResult *r)
{
    if (!chardata_ok(data))
        return false;
    Conv c = { p, latin1, { NULL, 0, 0 }, {0}, 0, false };
    Term rest = conv_walk(&c, data);
    r->out = c.out;
    r->rest = NIL;
    r->kind = R_OK;
    if (c.err) {
        if (c.nleft)
            rest = cons(p, bin_new(p, c.left, (size_t)c.nleft), cons(p, rest, NIL));
        r->kind = R_ERROR;
        r->rest = rest;
    } else if (c.nleft) {
        r->kind = leftover_incomplete(c.left, c.nleft) ? R_INCOMPLETE : R_ERROR;
        r->rest = bin_new(p, c.left, (size_t)c.nleft);
    }
    return true;
}

/* ================= utf16 / utf32 input (as unicode.erl's ml_map) ================= */

#define ML_CHUNK 8192

/* Decode as many characters of s[0..n) as possible; returns the bytes
 * used. *missing gets the bytes still needed if the rest is a valid
 * prefix (cbv/2 in unicode.erl), or 0 if it is an error. */
static size_t decode_wide(int enc, const uint8_t *s, size_t n, Buf *out, size_t *missing)
{
    bool u16 = enc == ENC_U16BE || enc == ENC_U16LE;
    bool be = enc == ENC_U16BE || enc == ENC_U32BE;
    size_t i = 0;
    for (;;) {
        size_t r = n - i;
        const uint8_t *q = s + i;
        if (u16) {
            if (r < 2)
                break;
            uint32_t w1 = be ? (uint32_t)(q[0] << 8 | q[1]) : (uint32_t)(q[1] << 8 | q[0]);
            if (w1 < 0xD800 || w1 > 0xDFFF) {
                buf_cp(out, w1);
                i += 2;
                continue;
            }
            if (w1 > 0xDBFF || r < 4)
                break;
            uint32_t w2 = be ? (uint32_t)(q[2] << 8 | q[3]) : (uint32_t)(q[3] << 8 | q[2]);
            if (w2 < 0xDC00 || w2 > 0xDFFF)
                break;
            buf_cp(out, (((w1 & 0x3FF) << 10) | (w2 & 0x3FF)) + 0x10000);
            i += 4;
        } else {
            if (r < 4)
                break;
            uint32_t c = be ? (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3]
                            : (uint32_t)q[3] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[1] << 8 | q[0];
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                break;
            buf_cp(out, c);
            i += 4;
        }
    }
    const uint8_t *q = s + i;
    size_t r = n - i;
    *missing = 0;
    switch (enc) {
    case ENC_U16BE:
        if (r == 1)
            *missing = q[0] <= 215 || q[0] >= 224 ? 1 : (q[0] >> 2) == 54 ? 3 : 0;
        else if (r == 2)
            *missing = (q[0] >> 2) == 54 ? 2 : 0;
        else if (r == 3)
            *missing = (q[0] >> 2) == 54 && (q[2] >> 2) == 55 ? 1 : 0;
        break;
    case ENC_U16LE:
        if (r == 1)
            *missing = 1;
        else if (r == 2)
            *missing = (q[1] >> 2) == 54 ? 2 : 0;
        else if (r == 3)
            *missing = (q[1] >> 2) == 54 ? 1 : 0;
        break;
    case ENC_U32BE:
        if (r == 1)
            *missing = q[0] == 0 ? 3 : 0;
        else if (r == 2)
            *missing = q[0] == 0 && q[1] <= 16 ? 2 : 0;
        else if (r == 3)
            *missing = q[0] == 0 && q[1] <= 16 && (q[1] > 0 || q[2] <= 215 || q[2] >= 224) ? 1 : 0;
        break;
    case ENC_U32LE:
        if (r == 1)
            *missing = 3;
        else if (r == 2)
            *missing = 2;
        else if (r == 3) {
            if (q[1] == 255 && q[2] == 0 && (q[0] == 254 || q[0] == 255))
                *missing = 0;
            else
                *missing = q[2] <= 16 && (q[2] > 0 || q[1] <= 215 || q[1] >= 224) ? 1 : 0;
        }
        break;
    }
    return i;
}

typedef struct {
    Process *p;
    int enc;
    Buf out;
    Term inc;                 /* pending incomplete bytes (a binary), or THE_NON_VALUE */
    size_t missing;           /* bytes the pending sequence still needs */
} Wide;

static Term concat2(Process *p, Term a, Term b)
{
    size_t la, lb;
    uint8_t *ta, *tb, *d;
    const uint8_t *sa = bytes_of(a, &la, &ta), *sb = bytes_of(b, &lb, &tb);
    Term r = bin_alloc(p, la + lb, &d);
    memcpy(d, sa, la);
    memcpy(d + la, sb, lb);
    free(ta);
    free(tb);
    return r;
}

/* Fun(Part, Accum) of characters_to_binary_int/3 on a binary part: 0 ok,
 * 1 incomplete (pending set), 2 error (*rest = the undecodable rest). */
static int wide_part(Wide *w, Term part, Term *rest)
{
    size_t len, missing;
    uint8_t *tmp;
    const uint8_t *s = bytes_of(part, &len, &tmp);
    size_t used = decode_wide(w->enc, s, len, &w->out, &missing);
    free(tmp);
    if (used == len)
        return 0;
    Term r = bin_sub(w->p, part, used * 8, (len - used) * 8);
    if (missing) {
        w->inc = r;
        w->missing = missing;
        return 1;
    }
    *rest = r;
    return 2;
}

/* ml_map's clauses for a binary Part at the head of a list whose rest is
 * *tail; new elements are pushed onto *tail. 2 with *rest on error. */
static int wide_list_binary(Wide *w, Term *tail, Term b, Term *rest)
{
    Process *p = w->p;
    size_t len = bin_byte_size(b);
    if (is_value(w->inc)) {
        if (len >= w->missing) {
            Term np = concat2(p, w->inc, bin_sub(p, b, 0, w->missing * 8));
            Term trailing = bin_sub(p, b, w->missing * 8, (len - w->missing) * 8);
            w->inc = THE_NON_VALUE;
            *tail = cons(p, np, cons(p, trailing, *tail));
        } else {
            w->inc = concat2(p, w->inc, b);
            w->missing -= len;
        }
        return 0;
    }
    if (len > ML_CHUNK) {
        *tail = cons(p, bin_sub(p, b, 0, ML_CHUNK * 8),
                     cons(p, bin_sub(p, b, ML_CHUNK * 8, (len - ML_CHUNK) * 8), *tail));
        return 0;
    }
    Term r;
    if (wide_part(w, b, &r) == 2) {
        *rest = cons(p, r, *tail);
        return 2;
    }
    return 0;
}

/* ml_map's clauses for a binary that is the whole term at this level (the
 * top, or an improper tail); *tail becomes what is left of the level. */
static int wide_bare_binary(Wide *w, Term *tail, Term b, Term *rest)
{
    Process *p = w->p;
    size_t len = bin_byte_size(b);
    *tail = NIL;
    if (is_value(w->inc)) {
        if (len >= w->missing) {
            *tail = cons(p, w->inc, cons(p, b, NIL));
            w->inc = THE_NON_VALUE;
        } else {
            w->inc = concat2(p, w->inc, b);
            w->missing -= len;
        }
        return 0;
    }
    if (len > ML_CHUNK) {
        *tail = cons(p, bin_sub(p, b, 0, ML_CHUNK * 8),
                     cons(p, bin_sub(p, b, ML_CHUNK * 8, (len - ML_CHUNK) * 8), NIL));
        return 0;
    }
    return wide_part(w, b, rest) == 2 ? 2 : 0;
}

/* An integer element v heading list cell `whole` (tail tl). */
static int wide_int(Wide *w, Term v, Term whole, Term tl, Term *rest)
{
    Process *p = w->p;
    if (is_value(w->inc)) {
        *rest = cons(p, w->inc, whole);
        return 2;
    }
    SWord x = is_small(v) ? small_val(v) : -1;
    if (x < 0 || x > 0x10FFFF || (x >= 0xD800 && x <= 0xDFFF)) {
        *rest = cons(p, cons(p, v, NIL), tl);
        return 2;
    }
    buf_cp(&w->out, (uint32_t)x);
    return 0;
}

/* ml_map over `data` with an explicit stack of list levels (each the rest
 * of an enclosing list); false for badarg. */
static bool convert_wide(Process *p, Term data, int enc, ConvResult *r)
{
    Wide w = { p, enc, { NULL, 0, 0 }, THE_NON_VALUE, 0 };
    Stack lv = { NULL, 0, 0 };
    Term rest = NIL;
    int state = 0;
    bool ok = true;
    push(&lv, data);
    while (lv.n > 0 && state != 2) {
        Term *tail = &lv.t[lv.n - 1];
        Term t = *tail;
        if (is_list(t)) {
            Term h = CAR(list_val(t)), tl = CDR(list_val(t));
            *tail = tl;
            if (is_integer(h)) {
                state = wide_int(&w, h, t, tl, &rest);
            } else if (bin_is_binary(h)) {
                state = wide_list_binary(&w, tail, h, &rest);
            } else if (is_list(h) || is_nil(h)) {
                push(&lv, h);
            } else {
                ok = false;
                break;
            }
        } else if (is_nil(t)) {
            lv.n--;
        } else if (bin_is_binary(t)) {
            state = wide_bare_binary(&w, tail, t, &rest);
        } else {
            ok = false;
            break;
        }
    }
    if (ok && state == 2) {
        /* wrap the rest in every enclosing list's remainder */
        for (size_t d = lv.n - 1; d-- > 0;)
            rest = cons(p, rest, lv.t[d]);
    }
    free(lv.t);
    if (!ok) {
        free(w.out.b);
        return false;
    }
    r->out = w.out;
    r->rest = NIL;
    r->kind = R_OK;
    if (state == 2) {
        r->kind = R_ERROR;
        r->rest = rest;
    } else if (is_value(w.inc)) {
        r->kind = R_INCOMPLETE;
        r->rest = w.inc;
    }
    return true;
}

/* ================= the BIFs ================= */

static bool convert(Process *p, Term data, int enc, ConvResult *r)
{
    bool ok = enc == ENC_LATIN1 || enc == ENC_UTF8 ? convert_native(p, data, enc == ENC_LATIN1, r)
                                                   : convert_wide(p, data, enc, r);
    if (ok)
        bin_bump_reds(p, r->out.n);
    return ok;
}

static Term result_binary(Process *p, Buf *b)
{
    Term t = bin_new(p, b->b, b->n);
    free(b->b);
    b->b = NULL;
    return t;
}

static Term tagged(Process *p, int kind, Term converted, Term rest)
{
    if (kind == R_OK)
        return converted;
    return bif_tuple3(p, kind == R_ERROR ? AM(error) : AM(incomplete), converted, rest);
}

static Term bif_characters_to_binary_2(Process *p, Term *a)
{
    int enc = encoding_of(a[1]);
    if (enc == ENC_BAD)
        BIF_BADARG(p);
    Term data = a[0];
    if (enc == ENC_LATIN1 || enc == ENC_UTF8) {
        /* a one-binary list is taken as that binary (as ERTS) */
        if (is_list(data) && bin_is_binary(CAR(list_val(data))) && is_nil(CDR(list_val(data))))
            data = CAR(list_val(data));
        if (bin_is_binary(data)) {
            size_t len;
            uint8_t *tmp;
            const uint8_t *s = bytes_of(data, &len, &tmp);
            bool same = true;
            if (enc == ENC_LATIN1) {
                for (size_t i = 0; i < len && same; i++)
                    same = s[i] < 0x80;
            } else {
                for (size_t i = 0; i < len && same;) {
                    int k = utf8_len(s[i]);
                    same = k > 0 && (size_t)k <= len - i && utf8_seq_ok(s + i, k);
                    i += k > 0 ? (size_t)k : 1;
                }
            }
            free(tmp);
            if (same)
                return data;
        }
    }
    ConvResult r;
    if (!convert(p, data, enc, &r))
        BIF_BADARG(p);
    return tagged(p, r.kind, result_binary(p, &r.out), r.rest);
}
BIF_DEF("unicode", "characters_to_binary", 2, bif_characters_to_binary_2)

/* UTF-8 (valid) to a list of code points. */
static Term utf8_list(Process *p, const uint8_t *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i += (size_t)utf8_len(s[i]))
        count++;
    Term *hp = proc_alloc(p, 2 * count);
    Term *cells = hp;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int len = utf8_len(s[i]);
        uint32_t c = len == 1 ? s[i] : len == 2 ? (s[i] & 0x1Fu) : len == 3 ? (s[i] & 0x0Fu) : (s[i] & 0x07u);
        for (int j = 1; j < len; j++)
            c = (c << 6) | (s[i + j] & 0x3Fu);
        cells[2 * k] = make_small(c);
        cells[2 * k + 1] = k + 1 < count ? make_list(cells + 2 * (k + 1)) : NIL;
        k++;
        i += (size_t)len;
    }
    return count ? make_list(cells) : NIL;
}

static Term bif_characters_to_list_2(Process *p, Term *a)
{
    int enc = encoding_of(a[1]);
    if (enc == ENC_BAD)
        BIF_BADARG(p);
    if (enc == ENC_UTF8 && is_bitstring(a[0]) && !bin_is_binary(a[0]))
        BIF_BADARG(p);
    ConvResult r;
    if (!convert(p, a[0], enc, &r))
        BIF_BADARG(p);
    Term list = utf8_list(p, r.out.b, r.out.n);
    free(r.out.b);
    return tagged(p, r.kind, list, r.rest);
}
BIF_DEF("unicode", "characters_to_list", 2, bif_characters_to_list_2)

static Term bif_bin_is_7bit_1(Process *p, Term *a)
{
    (void)p;
    if (!bin_is_binary(a[0]))
        return AM(false);
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bytes_of(a[0], &len, &tmp);
    bool seven = true;
    for (size_t i = 0; i < len && seven; i++)
        seven = s[i] < 0x80;
    free(tmp);
    return seven ? AM(true) : AM(false);
}
BIF_DEF("unicode", "bin_is_7bit", 1, bif_bin_is_7bit_1)
