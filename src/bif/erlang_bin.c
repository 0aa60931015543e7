/* erlang_bin.c — the erlang module's BIFs on binaries, iolists and atom
 * text: sizes and parts, list/binary conversions, atom <-> text, and the
 * checksums (crc32 and adler32 through zlib, as ERTS; MD5 written here).
 * BIFs do not yield: large inputs are processed in one go. */
#include "bif.h"
#include "../base/md5.h"
#include "../term/binary.h"
#include "../base/utf8.h"
#include <stdlib.h>
#include <stdio.h>
#include <math.h>
#include <pthread.h>
#include <zlib.h>

/* ---- sizes and parts ---- */

static Term bif_byte_size_1(Process *p, Term *a)
{
    if (!is_bitstring(a[0]))
        BIF_BADARG(p);
    return make_small((SWord)bin_byte_size(a[0]));
}
GUARD_BIF_DEF("erlang", "byte_size", 1, bif_byte_size_1)

static Term bif_bit_size_1(Process *p, Term *a)
{
    if (!is_bitstring(a[0]))
        BIF_BADARG(p);
    return make_small((SWord)bin_bit_size(a[0]));
}
GUARD_BIF_DEF("erlang", "bit_size", 1, bif_bit_size_1)

/* binary_part(Bin, Start, Len) over the whole bytes of a bitstring. */
static Term binary_part(Process *p, Term bin, Term start, Term len)
{
    if (!is_bitstring(bin) || !is_small(start) || !is_small(len))
        BIF_BADARG(p);
    SWord s = small_val(start), l = small_val(len);
    SWord size = (SWord)(bin_bit_size(bin) / 8);
    if (l < 0) {
        s += l;
        l = -l;
    }
    if (s < 0 || s > size || l > size - s)
        BIF_BADARG(p);
    return bin_sub(p, bin, (size_t)s * 8, (size_t)l * 8);
}

static Term bif_binary_part_2(Process *p, Term *a)
{
    if (!is_tuple(a[1]) || tuple_arity(a[1]) != 2)
        BIF_BADARG(p);
    return binary_part(p, a[0], tuple_elem(a[1], 1), tuple_elem(a[1], 2));
}
GUARD_BIF_DEF("erlang", "binary_part", 2, bif_binary_part_2)
BIF_DEF("binary", "part", 2, bif_binary_part_2)

static Term bif_binary_part_3(Process *p, Term *a)
{
    return binary_part(p, a[0], a[1], a[2]);
}
GUARD_BIF_DEF("erlang", "binary_part", 3, bif_binary_part_3)
BIF_DEF("binary", "part", 3, bif_binary_part_3)

static Term bif_split_binary_2(Process *p, Term *a)
{
    if (!is_bitstring(a[0]) || !is_small(a[1]))
        BIF_BADARG(p);
    SWord pos = small_val(a[1]);
    size_t bits = bin_bit_size(a[0]);
    if (pos < 0 || (size_t)pos > bits / 8)
        BIF_BADARG(p);
    Term left = bin_sub(p, a[0], 0, (size_t)pos * 8);
    Term right = bin_sub(p, a[0], (size_t)pos * 8, bits - (size_t)pos * 8);
    return bif_tuple2(p, left, right);
}
BIF_DEF("erlang", "split_binary", 2, bif_split_binary_2)

/* ---- iolists ---- */

static Term iolist_to_bits(Process *p, Term t, bool allow_bits)
{
    size_t bits;
    if (!bin_iolist_bits(t, allow_bits, &bits))
        BIF_BADARG(p);
    Term r = bin_iolist_build(p, t, bits);
    if (is_non_value(r))
        BIF_SYSLIMIT(p);
    bin_bump_reds(p, bits / 8);
    return r;
}

static Term bif_list_to_binary_1(Process *p, Term *a)
{
    if (!is_list(a[0]) && !is_nil(a[0]))
        BIF_BADARG(p);
    return iolist_to_bits(p, a[0], false);
}
BIF_DEF("erlang", "list_to_binary", 1, bif_list_to_binary_1)

static Term bif_iolist_to_binary_1(Process *p, Term *a)
{
    if (bin_is_binary(a[0]))
        return a[0];
    if (!is_list(a[0]) && !is_nil(a[0]))
        BIF_BADARG(p);
    return iolist_to_bits(p, a[0], false);
}
BIF_DEF("erlang", "iolist_to_binary", 1, bif_iolist_to_binary_1)

static Term bif_list_to_bitstring_1(Process *p, Term *a)
{
    if (!is_list(a[0]) && !is_nil(a[0]))
        BIF_BADARG(p);
    return iolist_to_bits(p, a[0], true);
}
BIF_DEF("erlang", "list_to_bitstring", 1, bif_list_to_bitstring_1)

static Term make_uint(Process *p, UWord v);

static Term bif_iolist_size_1(Process *p, Term *a)
{
    size_t bits;
    if (!bin_iolist_bits(a[0], false, &bits))
        BIF_BADARG(p);
    return make_uint(p, bits / 8);
}
BIF_DEF("erlang", "iolist_size", 1, bif_iolist_size_1)

/* The list of bytes [from, from+n) of bitstring bin, ending in tail. */
static Term bytes_to_list(Process *p, Term bin, size_t from, size_t n, Term tail)
{
    if (n == 0)
        return tail;
    bin_bump_reds(p, 4 * n);
    const uint8_t *base;
    size_t off, size;
    Term *hp = proc_alloc(p, 2 * n);
    bin_view(bin, &base, &off, &size);
    off += from * 8;
    Term res = tail;
    for (size_t i = n; i-- > 0;) {
        unsigned b = (off & 7) == 0 ? base[off / 8 + i] : bin_fetch_bits(base, off + 8 * i, 8);
        res = make_cons_at(hp + 2 * i, make_small(b), res);
    }
    return res;
}

static Term bif_binary_to_list_1(Process *p, Term *a)
{
    if (!bin_is_binary(a[0]))
        BIF_BADARG(p);
    return bytes_to_list(p, a[0], 0, bin_bit_size(a[0]) / 8, NIL);
}
BIF_DEF("erlang", "binary_to_list", 1, bif_binary_to_list_1)

static Term bif_binary_to_list_3(Process *p, Term *a)
{
    if (!is_bitstring(a[0]) || !is_small(a[1]) || !is_small(a[2]))
        BIF_BADARG(p);
    SWord start = small_val(a[1]), stop = small_val(a[2]);
    SWord size = (SWord)(bin_bit_size(a[0]) / 8);
    if (start < 1 || start > size || stop < start || stop > size)
        BIF_BADARG(p);
    return bytes_to_list(p, a[0], (size_t)start - 1, (size_t)(stop - start + 1), NIL);
}
BIF_DEF("erlang", "binary_to_list", 3, bif_binary_to_list_3)

static Term bif_bitstring_to_list_1(Process *p, Term *a)
{
    if (!is_bitstring(a[0]))
        BIF_BADARG(p);
    size_t bits = bin_bit_size(a[0]);
    Term tail = NIL;
    if (bits & 7) {
        Term rest = bin_sub(p, a[0], bits & ~(size_t)7, bits & 7);
        tail = make_cons_at(proc_alloc(p, 2), rest, NIL);
    }
    return bytes_to_list(p, a[0], 0, bits / 8, tail);
}
BIF_DEF("erlang", "bitstring_to_list", 1, bif_bitstring_to_list_1)

/* ---- atoms ---- */

enum { ENC_BAD, ENC_LATIN1, ENC_UTF8 };

static int encoding_arg(Term t)
{
    if (t == AM(latin1))
        return ENC_LATIN1;
    if (t == AM(utf8) || t == AM(unicode))
        return ENC_UTF8;
    return ENC_BAD;
}

static Term atom_to_binary(Process *p, Term atom, int enc)
{
    if (!is_atom(atom) || enc == ENC_BAD)
        BIF_BADARG(p);
    const Atom *at = atom_get(atom);
    if (enc == ENC_UTF8)
        return bin_new(p, at->text, at->len);
    if (!at->latin1)
        BIF_BADARG(p);
    uint8_t buf[ATOM_MAX_CHARS];
    size_t n = 0, i = 0;
    while (i < at->len) {
        uint32_t c;
        int k = utf8_decode(at->text + i, at->len - i, &c);
        if (k <= 0 || c > 255)
            BIF_BADARG(p);
        buf[n++] = (uint8_t)c;
        i += (size_t)k;
    }
    return bin_new(p, buf, n);
}

static Term bif_atom_to_binary_1(Process *p, Term *a) { return atom_to_binary(p, a[0], ENC_UTF8); }
BIF_DEF("erlang", "atom_to_binary", 1, bif_atom_to_binary_1)
static Term bif_atom_to_binary_2(Process *p, Term *a) { return atom_to_binary(p, a[0], encoding_arg(a[1])); }
BIF_DEF("erlang", "atom_to_binary", 2, bif_atom_to_binary_2)

/* Latin-1 bytes as UTF-8 into out (room for 2*len bytes); returns length. */
static size_t latin1_to_utf8(const uint8_t *s, size_t len, uint8_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += utf8_encode(s[i], out + n);
    return n;
}

static Term binary_to_atom(Process *p, Term bin, int enc, bool existing)
{
    if (!bin_is_binary(bin) || enc == ENC_BAD)
        BIF_BADARG(p);
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bin_bytes(bin, &len, &tmp);
    Term r;
    int err = 0;                      /* 1 badarg, 2 system_limit */
    if (enc == ENC_LATIN1) {
        if (len > ATOM_MAX_CHARS) {
            err = existing ? 1 : 2;
        } else {
            uint8_t buf[2 * ATOM_MAX_CHARS];
            size_t n = latin1_to_utf8(s, len, buf);
            r = existing ? atom_lookup((const char *)buf, n) : atom_put((const char *)buf, n);
            if (is_non_value(r))
                err = existing ? 1 : 2;
        }
    } else {
        long chars = utf8_count_chars(s, len);
        if (chars < 0)
            err = 1;
        else if (chars > ATOM_MAX_CHARS)
            err = existing ? 1 : 2;
        else {
            r = existing ? atom_lookup((const char *)s, len) : atom_put((const char *)s, len);
            if (is_non_value(r))
                err = existing ? 1 : 2;
        }
    }
    free(tmp);
    if (err)
        return bif_error(p, err == 1 ? AM(badarg) : AM(system_limit));
    return r;
}

static Term bif_binary_to_atom_1(Process *p, Term *a) { return binary_to_atom(p, a[0], ENC_UTF8, false); }
BIF_DEF("erlang", "binary_to_atom", 1, bif_binary_to_atom_1)
static Term bif_binary_to_atom_2(Process *p, Term *a) { return binary_to_atom(p, a[0], encoding_arg(a[1]), false); }
BIF_DEF("erlang", "binary_to_atom", 2, bif_binary_to_atom_2)
static Term bif_binary_to_existing_atom_1(Process *p, Term *a) { return binary_to_atom(p, a[0], ENC_UTF8, true); }
BIF_DEF("erlang", "binary_to_existing_atom", 1, bif_binary_to_existing_atom_1)
static Term bif_binary_to_existing_atom_2(Process *p, Term *a)
{
    return binary_to_atom(p, a[0], encoding_arg(a[1]), true);
}
BIF_DEF("erlang", "binary_to_existing_atom", 2, bif_binary_to_existing_atom_2)

static Term bif_atom_to_list_1(Process *p, Term *a)
{
    if (!is_atom(a[0]))
        BIF_BADARG(p);
    const Atom *at = atom_get(a[0]);
    uint32_t cps[ATOM_MAX_CHARS];
    size_t n = 0, i = 0;
    while (i < at->len && n < ATOM_MAX_CHARS) {
        int k = utf8_decode(at->text + i, at->len - i, &cps[n]);
        if (k <= 0)
            BIF_BADARG(p);
        i += (size_t)k;
        n++;
    }
    Term *hp = proc_alloc(p, 2 * n);
    Term res = NIL;
    for (size_t j = n; j-- > 0;)
        res = make_cons_at(hp + 2 * j, make_small(cps[j]), res);
    return res;
}
BIF_DEF("erlang", "atom_to_list", 1, bif_atom_to_list_1)

/* A string (list of code points) as UTF-8 in buf (4*ATOM_MAX_CHARS bytes).
 * Returns 0 and the length in *len, 1 if not a valid string, 2 if it has
 * more than ATOM_MAX_CHARS characters. */
static int string_to_utf8(Term l, uint8_t *buf, size_t *len)
{
    size_t n = 0, chars = 0;
    while (is_list(l)) {
        Term h = CAR(list_val(l));
        if (!is_small(h))
            return 1;
        SWord c = small_val(h);
        if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return 1;
        if (++chars <= ATOM_MAX_CHARS)
            n += utf8_encode((uint32_t)c, buf + n);
        l = CDR(list_val(l));
    }
    if (!is_nil(l))
        return 1;
    *len = n;
    return chars > ATOM_MAX_CHARS ? 2 : 0;
}

static Term bif_list_to_atom_1(Process *p, Term *a)
{
    uint8_t buf[4 * ATOM_MAX_CHARS];
    size_t n;
    int rc = string_to_utf8(a[0], buf, &n);
    if (rc)
        return bif_error(p, rc == 1 ? AM(badarg) : AM(system_limit));
    Term r = atom_put((const char *)buf, n);
    if (is_non_value(r))
        BIF_SYSLIMIT(p);
    return r;
}
BIF_DEF("erlang", "list_to_atom", 1, bif_list_to_atom_1)

static Term bif_list_to_existing_atom_1(Process *p, Term *a)
{
    uint8_t buf[4 * ATOM_MAX_CHARS];
    size_t n;
    if (string_to_utf8(a[0], buf, &n))
        BIF_BADARG(p);
    Term r = atom_lookup((const char *)buf, n);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("erlang", "list_to_existing_atom", 1, bif_list_to_existing_atom_1)

/* ---- checksums ---- */

static Term make_uint(Process *p, UWord v)
{
    if (v <= (UWord)MAX_SMALL)
        return make_small((SWord)v);
    Term *hp = proc_alloc(p, 2);
    hp[0] = make_header(1, SUB_POS_BIG);
    hp[1] = v;
    return make_boxed(hp);
}

/* A checksum or length argument: an integer 0..2^32-1. */
static bool u32_arg(Term t, uint32_t *out)
{
    if (!is_small(t) || small_val(t) < 0 || small_val(t) > 0xFFFFFFFFll)
        return false;
    *out = (uint32_t)small_val(t);
    return true;
}

/* Feed the bytes of an iodata piece to fn in aligned chunks. */
typedef void (*ByteFn)(void *ctx, const uint8_t *bytes, size_t len);
typedef struct { ByteFn fn; void *ctx; } Feed;

static void feed_piece(void *c, const uint8_t *base, size_t off, size_t bits)
{
    Feed *f = c;
    if ((off & 7) == 0) {
        f->fn(f->ctx, base + off / 8, bits / 8);
        return;
    }
    uint8_t buf[1024];
    while (bits) {
        size_t n = bits > 8 * sizeof buf ? 8 * sizeof buf : bits;
        bin_copy_bits(buf, 0, base, off, n);
        f->fn(f->ctx, buf, n / 8);
        off += n;
        bits -= n;
    }
}

/* Run fn over iodata t; false (nothing fed) if t is not iodata. */
static bool feed_iodata(Process *p, Term t, ByteFn fn, void *ctx)
{
    size_t bits;
    if (!bin_iolist_bits(t, false, &bits))
        return false;
    bin_bump_reds(p, bits / 8);
    Feed f = { fn, ctx };
    bin_iolist_walk(t, false, feed_piece, &f);
    return true;
}

static void crc_fn(void *ctx, const uint8_t *b, size_t len)
{
    uLong *c = ctx;
    while (len) {
        uInt n = len > 0x40000000 ? 0x40000000 : (uInt)len;
        *c = crc32(*c, b, n);
        b += n;
        len -= n;
    }
}

static void adler_fn(void *ctx, const uint8_t *b, size_t len)
{
    uLong *c = ctx;
    while (len) {
        uInt n = len > 0x40000000 ? 0x40000000 : (uInt)len;
        *c = adler32(*c, b, n);
        b += n;
        len -= n;
    }
}

static Term checksum(Process *p, uLong init, Term data, ByteFn fn)
{
    uLong c = init;
    if (!feed_iodata(p, data, fn, &c))
        BIF_BADARG(p);
    return make_uint(p, (UWord)(c & 0xFFFFFFFFu));
}

static Term bif_crc32_1(Process *p, Term *a) { return checksum(p, crc32(0, NULL, 0), a[0], crc_fn); }
BIF_DEF("erlang", "crc32", 1, bif_crc32_1)

static Term bif_crc32_2(Process *p, Term *a)
{
    uint32_t old;
    if (!u32_arg(a[0], &old))
        BIF_BADARG(p);
    return checksum(p, old, a[1], crc_fn);
}
BIF_DEF("erlang", "crc32", 2, bif_crc32_2)

static Term bif_adler32_1(Process *p, Term *a) { return checksum(p, adler32(0, NULL, 0), a[0], adler_fn); }
BIF_DEF("erlang", "adler32", 1, bif_adler32_1)

static Term bif_adler32_2(Process *p, Term *a)
{
    uint32_t old;
    if (!u32_arg(a[0], &old))
        BIF_BADARG(p);
    return checksum(p, old, a[1], adler_fn);
}
BIF_DEF("erlang", "adler32", 2, bif_adler32_2)

static Term bif_crc32_combine_3(Process *p, Term *a)
{
    uint32_t c1, c2, len;
    if (!u32_arg(a[0], &c1) || !u32_arg(a[1], &c2) || !u32_arg(a[2], &len))
        BIF_BADARG(p);
    return make_uint(p, (uint32_t)crc32_combine(c1, c2, (z_off_t)len));
}
BIF_DEF("erlang", "crc32_combine", 3, bif_crc32_combine_3)

static Term bif_adler32_combine_3(Process *p, Term *a)
{
    uint32_t c1, c2, len;
    if (!u32_arg(a[0], &c1) || !u32_arg(a[1], &c2) || !u32_arg(a[2], &len))
        BIF_BADARG(p);
    if (len == 0)
        return make_uint(p, c1);
    return make_uint(p, (uint32_t)adler32_combine(c1, c2, (z_off_t)len));
}
BIF_DEF("erlang", "adler32_combine", 3, bif_adler32_combine_3)

/* ---- MD5 BIFs (the digest itself is src/base/md5.c) ---- */

static Term bif_md5_1(Process *p, Term *a)
{
    Md5Ctx c;
    md5_init(&c);
    if (!feed_iodata(p, a[0], md5_update, &c))
        BIF_BADARG(p);
    uint8_t digest[16];
    md5_final(&c, digest);
    return bin_new(p, digest, 16);
}
BIF_DEF("erlang", "md5", 1, bif_md5_1)

static Term bif_md5_init_0(Process *p, Term *a)
{
    (void)a;
    Md5Ctx c;
    md5_init(&c);
    return bin_new(p, &c, sizeof c);
}
BIF_DEF("erlang", "md5_init", 0, bif_md5_init_0)

/* The context argument of md5_update/md5_final. */
static bool md5_ctx_arg(Term t, Md5Ctx *c)
{
    size_t len;
    uint8_t *tmp;
    const uint8_t *s = bin_bytes(t, &len, &tmp);
    bool ok = s && len == sizeof *c;
    if (ok)
        memcpy(c, s, sizeof *c);
    free(tmp);
    return ok;
}

static Term bif_md5_update_2(Process *p, Term *a)
{
    Md5Ctx c;
    if (!md5_ctx_arg(a[0], &c) || !feed_iodata(p, a[1], md5_update, &c))
        BIF_BADARG(p);
    return bin_new(p, &c, sizeof c);
}
BIF_DEF("erlang", "md5_update", 2, bif_md5_update_2)

static Term bif_md5_final_1(Process *p, Term *a)
{
    Md5Ctx c;
    if (!md5_ctx_arg(a[0], &c))
        BIF_BADARG(p);
    uint8_t digest[16];
    md5_final(&c, digest);
    return bin_new(p, digest, 16);
}
BIF_DEF("erlang", "md5_final", 1, bif_md5_final_1)
