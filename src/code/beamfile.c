/* beamfile.c — the .beam container, chunk tables, and the compact term
 * encoding (see beamfile.h). Formats: "FOR1" size "BEAM", then chunks of
 * 4-byte id, 4-byte big-endian size, data padded to 4 bytes. */
#include "beamfile.h"
#include "../term/atom.h"
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <zlib.h>
#include "../base/md5.h"

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

static bool fail(BeamFile *bf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(bf->error, sizeof bf->error, fmt, ap);
    va_end(ap);
    return false;
}

uint8_t *beamfile_read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        if (k == 0)
            break;
        n += k;
    }
    fclose(f);
    *size = n;
    return buf;
}

/* A table chunk is a 4-byte count followed by `count` records of `width`
 * 4-byte words. */
static bool table(BeamFile *bf, Chunk c, const char *name, uint32_t width, uint32_t *count)
{
    *count = 0;
    if (!c.data)
        return true;
    if (c.size < 4)
        return fail(bf, "%s chunk too short", name);
    uint32_t n = be32(c.data);
    if ((uint64_t)n * width * 4 > c.size - 4)
        return fail(bf, "%s chunk: %u entries do not fit in %zu bytes", name, n, c.size);
    *count = n;
    return true;
}

static bool atom_ref(BeamFile *bf, uint32_t i, Term *out, const char *what)
{
    if (i == 0 || i > bf->atom_count)
        return fail(bf, "%s refers to atom %u of %u", what, i, bf->atom_count);
    *out = bf->atom_tab[i];
    return true;
}

static bool read_atoms(BeamFile *bf)
{
    Chunk c = bf->atoms;
    if (!c.data)
        return fail(bf, "no atom chunk");
    if (c.size < 4)
        return fail(bf, "atom chunk too short");
    uint32_t n = be32(c.data);
    bool long_lengths = false;
    if (n & 0x80000000u) {     /* OTP 28 style negative count: 2-byte lengths */
        n = -n;
        long_lengths = true;
    }
    if (n > c.size)
        return fail(bf, "atom chunk claims %u atoms", n);
    bf->atom_tab = calloc(n + 1, sizeof(Term));
    bf->atom_count = n;
    const uint8_t *p = c.data + 4, *end = c.data + c.size;
    for (uint32_t i = 1; i <= n; i++) {
        size_t len;
        if (long_lengths) {
            if (end - p < 2) return fail(bf, "atom chunk truncated");
            len = (size_t)p[0] << 8 | p[1];
            p += 2;
        } else {
            if (end - p < 1) return fail(bf, "atom chunk truncated");
            len = *p++;
        }
        if ((size_t)(end - p) < len)
            return fail(bf, "atom chunk truncated at atom %u", i);
        Term a = bf->atoms_utf8 ? atom_put((const char *)p, len) : atom_put_latin1(p, len);
        if (is_non_value(a))
            return fail(bf, "atom %u is not a valid atom", i);
        bf->atom_tab[i] = a;
        p += len;
    }
    bf->module = bf->atom_tab[1];
    return n >= 1 ? true : fail(bf, "atom chunk is empty");
}

static bool read_tables(BeamFile *bf)
{
    uint32_t n;
    if (!table(bf, bf->imports, "ImpT", 3, &n))
        return false;
    bf->imp = calloc(n + 1, sizeof *bf->imp);
    bf->imp_count = n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *q = bf->imports.data + 4 + i * 12;
        if (!atom_ref(bf, be32(q), &bf->imp[i].module, "import") ||
            !atom_ref(bf, be32(q + 4), &bf->imp[i].function, "import"))
            return false;
        bf->imp[i].arity = be32(q + 8);
    }
    if (!table(bf, bf->exports, "ExpT", 3, &n))
        return false;
    bf->exp = calloc(n + 1, sizeof *bf->exp);
    bf->exp_count = n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *q = bf->exports.data + 4 + i * 12;
        if (!atom_ref(bf, be32(q), &bf->exp[i].function, "export"))
            return false;
        bf->exp[i].arity = be32(q + 4);
        bf->exp[i].label = be32(q + 8);
    }
    if (!table(bf, bf->funs, "FunT", 6, &n))
        return false;
    bf->fun = calloc(n + 1, sizeof *bf->fun);
    bf->fun_count = n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *q = bf->funs.data + 4 + i * 24;
        if (!atom_ref(bf, be32(q), &bf->fun[i].function, "fun"))
            return false;
        bf->fun[i].arity = be32(q + 4);
        bf->fun[i].label = be32(q + 8);
        bf->fun[i].index = be32(q + 12);
        bf->fun[i].num_free = be32(q + 16);
        bf->fun[i].old_uniq = be32(q + 20);
    }
    return true;
}

/* The module checksum erl reports (module_info(md5), funs' new_uniq): MD5
 * over the atom, code, string, import and export chunks, the fun table
 * with each entry's OldUniq field taken as zero, then the literal and Meta
 * chunks. */
static void module_checksum(BeamFile *bf)
{
    Md5Ctx c;
    md5_init(&c);
    md5_update(&c, bf->atoms.data, bf->atoms.size);
    md5_update(&c, bf->code.data, bf->code.size);
    md5_update(&c, bf->strings.data, bf->strings.size);
    md5_update(&c, bf->imports.data, bf->imports.size);
    md5_update(&c, bf->exports.data, bf->exports.size);
    if (bf->funs.size >= 4) {
        static const uint8_t zero[4];
        md5_update(&c, bf->funs.data, 4);
        for (size_t off = 4; off + 24 <= bf->funs.size; off += 24) {
            md5_update(&c, bf->funs.data + off, 20);
            md5_update(&c, zero, 4);
        }
    }
    md5_update(&c, bf->literals.data, bf->literals.size);
    md5_update(&c, bf->meta.data, bf->meta.size);
    md5_final(&c, bf->md5);
}

bool beamfile_parse(BeamFile *bf, const char *path, uint8_t *data, size_t size)
{
    memset(bf, 0, sizeof *bf);
    bf->path = path;
    bf->owned = data;
    bf->size = size;
    if (size < 12 || memcmp(data, "FOR1", 4) != 0 || memcmp(data + 8, "BEAM", 4) != 0)
        return fail(bf, "not a BEAM file (bad header)");
    uint32_t form = be32(data + 4);
    if ((uint64_t)form + 8 > size)
        return fail(bf, "truncated: header says %u bytes, file has %zu", form + 8, size);
    const uint8_t *p = data + 12, *end = data + 8 + form;
    while (end - p >= 8) {
        uint32_t len = be32(p + 4);
        if ((size_t)(end - p - 8) < len)
            return fail(bf, "chunk '%.4s' truncated", (const char *)p);
        Chunk c = { p + 8, len };
        if (!memcmp(p, "AtU8", 4)) { bf->atoms = c; bf->atoms_utf8 = true; }
        else if (!memcmp(p, "Atom", 4)) { if (!bf->atoms.data) bf->atoms = c; }
        else if (!memcmp(p, "Code", 4)) bf->code = c;
        else if (!memcmp(p, "StrT", 4)) bf->strings = c;
        else if (!memcmp(p, "ImpT", 4)) bf->imports = c;
        else if (!memcmp(p, "ExpT", 4)) bf->exports = c;
        else if (!memcmp(p, "LocT", 4)) bf->locals = c;
        else if (!memcmp(p, "FunT", 4)) bf->funs = c;
        else if (!memcmp(p, "LitT", 4)) bf->literals = c;
        else if (!memcmp(p, "Line", 4)) bf->lines = c;
        else if (!memcmp(p, "Attr", 4)) bf->attrs = c;
        else if (!memcmp(p, "CInf", 4)) bf->cinfo = c;
        else if (!memcmp(p, "Type", 4)) bf->types = c;
        else if (!memcmp(p, "Meta", 4)) bf->meta = c;
        /* other chunks (Dbgi, Docs, ExCk, Meta, ...) are skipped */
        p += 8 + ((len + 3) & ~3u);
        if (p > end)
            p = end;
    }
    if (!bf->code.data)
        return fail(bf, "no Code chunk");
    if (!read_atoms(bf) || !read_tables(bf))
        return false;
    if (bf->code.size < 20)
        return fail(bf, "Code chunk too short");
    uint32_t hdr = be32(bf->code.data);
    if (hdr < 16 || (uint64_t)hdr + 4 > bf->code.size)
        return fail(bf, "Code chunk header size %u invalid", hdr);
    bf->instr_set = be32(bf->code.data + 4);
    bf->max_opcode = be32(bf->code.data + 8);
    bf->label_count = be32(bf->code.data + 12);
    bf->function_count = be32(bf->code.data + 16);
    if (bf->instr_set != 0)
        return fail(bf, "unsupported instruction set %u", bf->instr_set);
    if (bf->label_count > 16u * 1024 * 1024)
        return fail(bf, "absurd label count %u", bf->label_count);
    bf->code_start = bf->code.data + 4 + hdr;
    bf->code_size = bf->code.size - 4 - hdr;
    module_checksum(bf);
    return true;
}

void beamfile_free(BeamFile *bf)
{
    free(bf->owned);
    free(bf->atom_tab);
    free(bf->imp);
    free(bf->exp);
    free(bf->fun);
    bf->owned = NULL;
    bf->atom_tab = NULL;
    bf->imp = NULL;
    bf->exp = NULL;
    bf->fun = NULL;
}

/* ---- compact terms ---- */

bool ct_read_byte(Reader *r, uint8_t *b)
{
    if (r->p >= r->end) {
        r->failed = true;
        return false;
    }
    *b = *r->p++;
    return true;
}

/* Reads the value part after the first byte `b` has been consumed. */
static bool read_value(Reader *r, uint8_t b, bool is_signed, Operand *op)
{
    if ((b & 0x08) == 0) {
        op->val = b >> 4;
        return true;
    }
    if ((b & 0x10) == 0) {
        uint8_t lo;
        if (!ct_read_byte(r, &lo))
            return false;
        op->val = (SWord)(((UWord)(b & 0xE0) << 3) | lo);
        return true;
    }
    size_t n = (size_t)(b >> 5) + 2;
    if (n == 9) {
        Operand len;
        uint8_t lb;
        if (!ct_read_byte(r, &lb) || !read_value(r, lb, false, &len))
            return false;
        if (len.val < 0 || len.val > 1 << 20) {
            r->failed = true;
            return false;
        }
        n = (size_t)len.val + 9;
    }
    if ((size_t)(r->end - r->p) < n) {
        r->failed = true;
        return false;
    }
    const uint8_t *bytes = r->p;
    r->p += n;
    /* Every integer is written as big-endian two's complement (a 'u' value
     * with its top bit set gets a leading zero byte). */
    if (n <= 8) {
        UWord v = (bytes[0] & 0x80) ? ~(UWord)0 : 0;
        for (size_t i = 0; i < n; i++)
            v = (v << 8) | bytes[i];
        op->val = (SWord)v;
        return true;
    }
    op->kind = CT_BIGINT;
    op->big = bytes;
    op->big_len = (uint32_t)n;
    (void)is_signed;
    return true;
}

bool ct_read(Reader *r, Operand *op)
{
    uint8_t b;
    op->big = NULL;
    op->big_len = 0;
    if (!ct_read_byte(r, &b))
        return false;
    unsigned tag = b & 7;
    if (tag < 7) {
        op->kind = (uint8_t)tag;
        return read_value(r, b, tag == CT_I, op);
    }
    Operand inner;
    uint8_t b2;
    switch (b >> 4) {
    case 1: op->kind = CT_EXT_LIST; break;
    case 2: op->kind = CT_EXT_FR; break;
    case 3: op->kind = CT_EXT_ALLOC; break;
    case 4: op->kind = CT_EXT_LIT; break;
    case 5: {
        /* typed register: the register, then a type index */
        Operand ty;
        if (!ct_read(r, op) || (op->kind != CT_X && op->kind != CT_Y) || !ct_read(r, &ty)) {
            r->failed = true;
            return false;
        }
        return true;
    }
    default:
        r->failed = true;
        return false;
    }
    if (!ct_read_byte(r, &b2))
        return false;
    inner.kind = CT_U;
    if ((b2 & 7) != CT_U || !read_value(r, b2, false, &inner) || inner.kind == CT_BIGINT) {
        r->failed = true;
        return false;
    }
    op->val = inner.val;
    return true;
}
