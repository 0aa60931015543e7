/* loader.c — turns a parsed .beam file into executable threaded code.
 * Walks the Code chunk once, translating each generic instruction into the
 * interpreter's form (emu.h: operand encoding), recording labels, function
 * ranges and line numbers, then patches label references and registers the
 * module's exports and funs. Errors name the file, function and opcode. */
#include "loader.h"
#include "module.h"
#include "beamfile.h"
#include "spec.h"
#include "../emu/emu.h"
#include "../term/atom.h"
#include "../term/ext.h"
#include "../proc/catches.h"
#include "../bif/bif.h"
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <zlib.h>

typedef struct {
    BeamFile *bf;
    Module *m;
    BeamInstr *code;
    size_t len, cap;
    int64_t *label_at;         /* label -> code offset, -1 if undefined */
    size_t *fixups;            /* code offsets holding a label number */
    size_t nfix, capfix;
    size_t *catch_fixups;      /* code offsets holding a label for catch/try */
    size_t ncatch, capcatch;
    Term *literals;
    uint32_t literal_count;
    /* line table */
    uint32_t *line_items;      /* item -> (file << 24 | line) packed as two arrays */
    uint32_t *line_files;
    uint32_t line_item_count;
    LineEntry *lines;
    uint32_t nlines, caplines;
    FuncRange *funcs;
    uint32_t nfuncs, capfuncs;
    /* current function (for error messages) */
    Term cur_func;
    uint32_t cur_arity;
    size_t *fun_sites;         /* code offsets of make_fun's fun operand */
    size_t nsites, capsites;
    char *err;
    size_t errlen;
    /* the instruction emitted just before, if nothing (label, line, function
     * start) separates it from the next one: a fusion candidate */
    size_t prev_at;
    int prev_opc;
} Loader;

#define NO_PREV ((size_t)-1)

static bool lfail(Loader *ld, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (is_atom(ld->cur_func))
        snprintf(ld->err, ld->errlen, "%s: function %s:%s/%u: %s", ld->bf->path,
                 atom_text(ld->bf->module), atom_text(ld->cur_func), ld->cur_arity, msg);
    else
        snprintf(ld->err, ld->errlen, "%s: %s", ld->bf->path, msg);
    return false;
}

static void emit(Loader *ld, BeamInstr w)
{
    if (ld->len == ld->cap) {
        ld->cap = ld->cap ? ld->cap * 2 : 1024;
        ld->code = realloc(ld->code, ld->cap * sizeof(BeamInstr));
    }
    ld->code[ld->len++] = w;
}

static void push_offset(size_t **arr, size_t *n, size_t *cap, size_t v)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *arr = realloc(*arr, *cap * sizeof(size_t));
    }
    (*arr)[(*n)++] = v;
}

/* ---- literals ---- */

/* Decode one external-format term into an area the module owns. */
static Term decode_into_module(Module *m, const uint8_t *p, size_t n)
{
    if (m->ext_literal_count == m->ext_literal_cap) {
        m->ext_literal_cap = m->ext_literal_cap ? m->ext_literal_cap * 2 : 16;
        m->ext_literals = realloc(m->ext_literals, m->ext_literal_cap * sizeof(ExtLiteral));
    }
    ExtLiteral *area = &m->ext_literals[m->ext_literal_count];
    Term t = ext_decode_literal(p, n, area);
    if (is_value(t))
        m->ext_literal_count++;
    return t;
}

static bool load_literals(Loader *ld)
{
    Chunk c = ld->bf->literals;
    if (!c.data)
        return true;
    if (c.size < 4)
        return lfail(ld, "LitT chunk too short");
    uint32_t ulen = (uint32_t)c.data[0] << 24 | c.data[1] << 16 | c.data[2] << 8 | c.data[3];
    uint8_t *buf;
    const uint8_t *p;
    size_t n;
    if (ulen == 0) {           /* not compressed */
        buf = NULL;
        p = c.data + 4;
        n = c.size - 4;
    } else {
        if (ulen > 1u << 30)
            return lfail(ld, "LitT chunk claims %u bytes", ulen);
        buf = malloc(ulen);
        uLongf dlen = ulen;
        if (uncompress(buf, &dlen, c.data + 4, (uLong)(c.size - 4)) != Z_OK || dlen != ulen) {
            free(buf);
            return lfail(ld, "LitT chunk: bad zlib data");
        }
        p = buf;
        n = ulen;
    }
    bool ok = false;
    if (n < 4)
        goto out;
    uint32_t count = (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
    if (count > n)
        goto out;
    ld->literals = calloc(count + 1, sizeof(Term));
    ld->literal_count = count;
    size_t off = 4;
    for (uint32_t i = 0; i < count; i++) {
        if (n - off < 4)
            goto out;
        uint32_t sz = (uint32_t)p[off] << 24 | p[off + 1] << 16 | p[off + 2] << 8 | p[off + 3];
        off += 4;
        if (n - off < sz)
            goto out;
        Term t = decode_into_module(ld->m, p + off, sz);
        if (is_non_value(t))
            goto out;
        ld->literals[i] = t;
        off += sz;
    }
    ok = true;
out:
    free(buf);
    return ok ? true : lfail(ld, "LitT chunk: malformed literal");
}

/* Decode an ETF chunk (Attr, CInf) into the literal area; NIL if absent. */
static Term load_term_chunk(Loader *ld, Chunk c)
{
    if (!c.data)
        return NIL;
    Term t = decode_into_module(ld->m, c.data, c.size);
    return is_non_value(t) ? NIL : t;
}

/* ---- line table ---- */

static Term make_string_literal(Loader *ld, const uint8_t *s, size_t len)
{
    /* file names are charlists of code points */
    Term *hp = literal_alloc(&ld->m->literals, 2 * len);
    Term list = NIL;
    uint32_t cps[4096];
    size_t ncp = 0;
    for (size_t i = 0; i < len && ncp < 4096;) {
        uint32_t c = s[i];
        int k = 1;
        if (c >= 0x80) {
            /* utf-8 */
            if ((c & 0xE0) == 0xC0 && i + 1 < len) { c = (c & 0x1F) << 6 | (s[i + 1] & 0x3F); k = 2; }
            else if ((c & 0xF0) == 0xE0 && i + 2 < len) { c = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F); k = 3; }
            else if (i + 3 < len) { c = (c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F); k = 4; }
        }
        cps[ncp++] = c;
        i += (size_t)k;
    }
    for (size_t i = ncp; i-- > 0;)
        list = make_cons_at(hp + 2 * i, make_small(cps[i]), list);
    return list;
}

static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

/* ERTS's preloaded modules (the erts application's ebin): erl's stack
 * traces show no file or line for them, so girder loads them without
 * their line table. */
static bool is_erts_preloaded(Term module)
{
    static const char *const names[] = {
        "atomics", "counters", "erl_init", "erl_prim_loader", "erl_tracer", "erlang",
        "erts_code_purger", "erts_dirty_process_signal_handler", "erts_internal",
        "erts_literal_area_collector", "init", "persistent_term", "prim_buffer", "prim_eval",
        "prim_file", "prim_inet", "prim_net", "prim_socket", "prim_zip", "socket_registry",
        "zlib", NULL };
    for (int i = 0; names[i]; i++)
        if (strcmp(atom_text(module), names[i]) == 0)
            return true;
    return false;
}

static bool load_lines(Loader *ld)
{
    Chunk c = ld->bf->lines;
    Module *m = ld->m;
    if (!c.data || is_erts_preloaded(m->name))
        return true;
    if (c.size < 20)
        return lfail(ld, "Line chunk too short");
    uint32_t nitems = rd32(c.data + 12), nnames = rd32(c.data + 16);
    if (nitems > c.size * 2 || nnames > c.size)
        return lfail(ld, "Line chunk: bad counts");
    ld->line_items = calloc(nitems + 1, sizeof(uint32_t));
    ld->line_files = calloc(nitems + 1, sizeof(uint32_t));
    ld->line_item_count = nitems + 1;   /* item 0 is "no line" */
    Reader r = { c.data + 20, c.data + c.size, false };
    uint32_t file = 0, i = 1;
    while (i <= nitems) {
        Operand op;
        if (!ct_read(&r, &op))
            return lfail(ld, "Line chunk truncated");
        if (op.kind == CT_A) {
            file = (uint32_t)op.val;
            continue;
        }
        if (op.kind != CT_I && op.kind != CT_U)
            return lfail(ld, "Line chunk: unexpected item");
        ld->line_items[i] = (uint32_t)op.val;
        ld->line_files[i] = file;
        i++;
    }
    m->file_count = nnames + 1;
    m->files = calloc(m->file_count, sizeof(Term));
    /* file 0 is the module's own source: Module ++ ".erl" */
    char def[300];
    int dl = snprintf(def, sizeof def, "%s.erl", atom_text(m->name));
    m->files[0] = make_string_literal(ld, (const uint8_t *)def, (size_t)dl);
    for (uint32_t k = 1; k <= nnames; k++) {
        if (r.end - r.p < 2)
            return lfail(ld, "Line chunk: truncated names");
        size_t len = (size_t)r.p[0] << 8 | r.p[1];
        r.p += 2;
        if ((size_t)(r.end - r.p) < len)
            return lfail(ld, "Line chunk: truncated names");
        m->files[k] = make_string_literal(ld, r.p, len);
        r.p += len;
    }
    return true;
}

/* ---- operands ---- */

/* A bignum literal from big-endian two's complement bytes. */
static Term big_literal(Loader *ld, const uint8_t *b, size_t n)
{
    bool neg = (b[0] & 0x80) != 0;
    size_t nlimbs = (n + 7) / 8;
    UWord *limbs = calloc(nlimbs + 1, sizeof(UWord));
    for (size_t i = 0; i < n; i++) {
        UWord byte = b[n - 1 - i];
        limbs[i / 8] |= byte << (8 * (i % 8));
    }
    if (n % 8 && neg)
        for (size_t i = n; i < nlimbs * 8; i++)
            limbs[i / 8] |= (UWord)0xFF << (8 * (i % 8));
    if (neg) {                 /* magnitude = -value */
        int carry = 1;
        for (size_t i = 0; i < nlimbs; i++) {
            limbs[i] = ~limbs[i] + (UWord)carry;
            carry = carry && limbs[i] == 0;
        }
    }
    while (nlimbs > 1 && limbs[nlimbs - 1] == 0)
        nlimbs--;
    Term *hp = literal_alloc(&ld->m->literals, 1 + nlimbs);
    hp[0] = make_header(nlimbs, neg ? SUB_NEG_BIG : SUB_POS_BIG);
    memcpy(hp + 1, limbs, nlimbs * sizeof(UWord));
    free(limbs);
    return make_boxed(hp);
}

static Term integer_literal(Loader *ld, const Operand *op)
{
    if (op->kind != CT_BIGINT) {
        if (IS_SSMALL(op->val))
            return make_small(op->val);
        uint8_t b[8];
        for (int i = 0; i < 8; i++)
            b[i] = (uint8_t)((UWord)op->val >> (56 - 8 * i));
        return big_literal(ld, b, 8);
    }
    return big_literal(ld, op->big, op->big_len);
}

/* Translate one operand (not a list) into its word. */
static bool operand_word(Loader *ld, const Operand *op, BeamInstr *out, bool *is_label)
{
    *is_label = false;
    switch (op->kind) {
    case CT_U: case CT_H: case CT_EXT_FR:
        *out = (BeamInstr)op->val;
        return true;
    case CT_I: case CT_BIGINT:
        *out = integer_literal(ld, op);
        return true;
    case CT_A:
        if (op->val == 0) { *out = NIL; return true; }
        if ((UWord)op->val > ld->bf->atom_count)
            return lfail(ld, "atom index %ld out of range", (long)op->val);
        *out = ld->bf->atom_tab[op->val];
        return true;
    case CT_X:
        if (op->val < 0 || op->val >= MAX_X_REGS)
            return lfail(ld, "x register %ld out of range", (long)op->val);
        *out = REG_X(op->val);
        return true;
    case CT_Y:
        if (op->val < 0 || op->val > 1 << 20)
            return lfail(ld, "y register %ld out of range", (long)op->val);
        *out = REG_Y(op->val);
        return true;
    case CT_F:
        if ((UWord)op->val >= ld->bf->label_count)
            return lfail(ld, "label %ld out of range", (long)op->val);
        *out = (BeamInstr)op->val;
        *is_label = op->val != 0;
        return true;
    case CT_EXT_LIT:
        if ((UWord)op->val >= ld->literal_count)
            return lfail(ld, "literal %ld out of range", (long)op->val);
        *out = ld->literals[op->val];
        return true;
    default:
        return lfail(ld, "unexpected operand kind %d", op->kind);
    }
}

/* An allocation list {words,N},{floats,N},{funs,N} becomes a word count. */
static bool alloc_list(Loader *ld, Reader *r, SWord count, BeamInstr *out)
{
    UWord words = 0;
    for (SWord i = 0; i < count; i++) {
        Operand kind, n;
        if (!ct_read(r, &kind) || !ct_read(r, &n))
            return lfail(ld, "truncated allocation list");
        switch (kind.val) {
        case 0: words += (UWord)n.val; break;
        case 1: words += (UWord)n.val * FLOAT_WORDS; break;
        case 2: words += (UWord)n.val * 4; break;
        default: return lfail(ld, "bad allocation list kind %ld", (long)kind.val);
        }
    }
    *out = words;
    return true;
}

static void note_label_fixup(Loader *ld, BeamInstr lbl)
{
    (void)lbl;
    push_offset(&ld->fixups, &ld->nfix, &ld->capfix, ld->len - 1);
}

/* Read and emit one operand (lists expanded in place). */
static bool emit_operand(Loader *ld, Reader *r, unsigned opc, unsigned idx)
{
    Operand op;
    if (!ct_read(r, &op))
        return lfail(ld, "truncated operand %u of %s", idx, emu_ops[opc].name);
    BeamInstr w = 0;
    bool lbl;
    if (op.kind == CT_EXT_ALLOC) {
        if (!alloc_list(ld, r, op.val, &w))
            return false;
        emit(ld, w);
        return true;
    }
    if (op.kind == CT_EXT_LIST) {
        if (op.val < 0 || op.val > 1 << 24)
            return lfail(ld, "bad list length");
        emit(ld, (BeamInstr)op.val);
        for (SWord i = 0; i < op.val; i++) {
            Operand item;
            if (!ct_read(r, &item))
                return lfail(ld, "truncated list operand of %s", emu_ops[opc].name);
            if (!operand_word(ld, &item, &w, &lbl))
                return false;
            emit(ld, w);
            if (lbl)
                note_label_fixup(ld, w);
        }
        return true;
    }
    if (!operand_word(ld, &op, &w, &lbl))
        return false;
    emit(ld, w);
    if (lbl)
        note_label_fixup(ld, w);
    return true;
}

/* ---- per-instruction special cases ---- */

static bool import_operand(Loader *ld, Reader *r, Export **out)
{
    Operand op;
    if (!ct_read(r, &op) || op.kind != CT_U || (UWord)op.val >= ld->bf->imp_count)
        return lfail(ld, "bad import index");
    BeamImport *im = &ld->bf->imp[op.val];
    *out = export_get(im->module, im->function, im->arity);
    return true;
}

static void add_func(Loader *ld, Term name, uint32_t arity)
{
    if (ld->nfuncs == ld->capfuncs) {
        ld->capfuncs = ld->capfuncs ? ld->capfuncs * 2 : 64;
        ld->funcs = realloc(ld->funcs, ld->capfuncs * sizeof(FuncRange));
    }
    /* offsets for now; turned into pointers at the end */
    ld->funcs[ld->nfuncs].start = (const BeamInstr *)(uintptr_t)ld->len;
    ld->funcs[ld->nfuncs].name = name;
    ld->funcs[ld->nfuncs].arity = arity;
    ld->nfuncs++;
}

static void add_line(Loader *ld, uint32_t item)
{
    if (item >= ld->line_item_count)
        return;
    if (ld->nlines == ld->caplines) {
        ld->caplines = ld->caplines ? ld->caplines * 2 : 256;
        ld->lines = realloc(ld->lines, ld->caplines * sizeof(LineEntry));
    }
    LineEntry *e = &ld->lines[ld->nlines++];
    e->addr = (const BeamInstr *)(uintptr_t)ld->len;
    e->file = ld->line_files[item];
    e->line = ld->line_items[item];
}

/* Drop code words [from, from + n) of the instruction being fused, and
 * move every recorded code offset behind them. Only the newest entries of
 * each list can lie there. */
static void shift_offsets(size_t *arr, size_t *count, size_t from, size_t n)
{
    size_t k = *count;
    while (k > 0 && arr[k - 1] >= from)
        k--;
    size_t out = k;
    for (size_t i = k; i < *count; i++) {
        if (arr[i] < from + n)
            continue;
        arr[out++] = arr[i] - n;
    }
    *count = out;
}

static void delete_words(Loader *ld, size_t from, size_t n)
{
    memmove(ld->code + from, ld->code + from + n, (ld->len - from - n) * sizeof(BeamInstr));
    ld->len -= n;
    shift_offsets(ld->fixups, &ld->nfix, from, n);
    shift_offsets(ld->catch_fixups, &ld->ncatch, from, n);
    shift_offsets(ld->fun_sites, &ld->nsites, from, n);
}

/* The generic instruction `opc` was emitted at code offset `at`: pick its
 * specialised form, and fuse it with the one before if a rule says so. */
static void specialize(Loader *ld, int opc, size_t at, size_t prev)
{
    int s = spec_select(opc, ld->code + at + 1);
    if (s != opc)
        ld->code[at] = (BeamInstr)emu_op_addr[s];
    SpecFuse f;
    if (prev != NO_PREV && spec_fuse(ld->prev_opc, ld->code + prev, at - prev, s, ld->code + at, &f)) {
        delete_words(ld, prev + f.del_at, f.del_n);
        ld->code[prev] = (BeamInstr)emu_op_addr[f.opc];
        s = f.opc;
        at = prev;
    }
    ld->prev_at = at;
    ld->prev_opc = s;
}

static bool translate(Loader *ld)
{
    Reader r = { ld->bf->code_start, ld->bf->code_start + ld->bf->code_size, false };
    static int16_t by_generic[256];
    static bool table_ready;
    if (!table_ready) {
        memset(by_generic, -1, sizeof by_generic);
        for (int i = 0; i < OPC__COUNT; i++)
            if (emu_ops[i].generic < 256)
                by_generic[emu_ops[i].generic] = (int16_t)i;
        table_ready = true;
    }
    for (;;) {
        uint8_t g;
        if (!ct_read_byte(&r, &g))
            return lfail(ld, "code ends without int_code_end");
        int opc = by_generic[g];
        size_t prev = ld->prev_at;   /* only specialize() sets it again */
        ld->prev_at = NO_PREV;
        if (opc < 0)
            return lfail(ld, "opcode %u is not supported by girder", g);
        const OpInfo *oi = &emu_ops[opc];
        switch (opc) {
        case OPC_label: {
            Operand l;
            if (!ct_read(&r, &l) || l.kind != CT_U || (UWord)l.val >= ld->bf->label_count)
                return lfail(ld, "bad label");
            ld->label_at[l.val] = (int64_t)ld->len;
            continue;
        }
        case OPC_line: {
            Operand l;
            if (!ct_read(&r, &l))
                return lfail(ld, "bad line operand");
            if (l.val > 0)
                add_line(ld, (uint32_t)l.val);
            continue;
        }
        case OPC_int_code_end:
            emit(ld, (BeamInstr)emu_op_addr[OPC_int_code_end]);
            return true;
        case OPC_on_load:
            /* the compiler puts it right after the on_load function's
             * entry label: this is the entry */
            ld->m->on_load = (const BeamInstr *)(uintptr_t)ld->len;
            continue;
        case OPC_nif_start:
            /* A function the module declared in -nifs: when girder has it
             * in C (a BIF under the same M:F/A), the function becomes a
             * tail call of that BIF, as erlang:load_nif would make it. */
            if (bif_lookup(ld->bf->module, ld->cur_func, ld->cur_arity)) {
                emit(ld, (BeamInstr)emu_op_addr[OPC_call_ext_only]);
                emit(ld, (BeamInstr)ld->cur_arity);
                emit(ld, (BeamInstr)export_get(ld->bf->module, ld->cur_func, ld->cur_arity));
            }
            continue;
        case OPC_func_info: {
            Operand mo, fo, ao;
            if (!ct_read(&r, &mo) || !ct_read(&r, &fo) || !ct_read(&r, &ao) || fo.kind != CT_A ||
                (UWord)fo.val > ld->bf->atom_count || fo.val == 0)
                return lfail(ld, "bad func_info");
            ld->cur_func = ld->bf->atom_tab[fo.val];
            ld->cur_arity = (uint32_t)ao.val;
            add_func(ld, ld->cur_func, ld->cur_arity);
            emit(ld, (BeamInstr)emu_op_addr[OPC_func_info]);
            emit(ld, ld->bf->module);
            emit(ld, ld->cur_func);
            emit(ld, (BeamInstr)ao.val);
            continue;
        }
        case OPC_call_ext: case OPC_call_ext_only: case OPC_call_ext_last: {
            Operand ar;
            Export *ep;
            if (!ct_read(&r, &ar) || !import_operand(ld, &r, &ep))
                return lfail(ld, "bad %s", oi->name);
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            emit(ld, (BeamInstr)ar.val);
            emit(ld, (BeamInstr)ep);
            if (opc == OPC_call_ext_last) {
                Operand d;
                if (!ct_read(&r, &d))
                    return lfail(ld, "bad call_ext_last");
                emit(ld, (BeamInstr)d.val);
            }
            continue;
        }
        case OPC_bif0: case OPC_bif1: case OPC_bif2:
        case OPC_gc_bif1: case OPC_gc_bif2: case OPC_gc_bif3: {
            /* the import operand becomes an Export* (whose .bif is the C
             * function); everything else is generic */
            size_t op_at = ld->len;
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            unsigned bif_pos = (opc == OPC_bif0) ? 0 : (opc <= OPC_bif2) ? 1 : 2;
            for (unsigned i = 0; i < oi->arity; i++) {
                if (i == bif_pos) {
                    Export *ep;
                    if (!import_operand(ld, &r, &ep))
                        return false;
                    emit(ld, (BeamInstr)ep);
                    /* integer + and - get a variant with an inline
                     * small-integer fast path (same operand layout) */
                    if (opc == OPC_gc_bif2 && ep->module == AM(erlang) && ep->arity == 2) {
                        if (ep->function == AM(plus))
                            ld->code[op_at] = (BeamInstr)emu_op_addr[OPC_i_plus];
                        else if (ep->function == AM(minus))
                            ld->code[op_at] = (BeamInstr)emu_op_addr[OPC_i_minus];
                    }
                } else if (!emit_operand(ld, &r, (unsigned)opc, i))
                    return false;
            }
            if (opc == OPC_gc_bif2)
                specialize(ld, (int)(ld->code[op_at] == (BeamInstr)emu_op_addr[OPC_i_plus] ? OPC_i_plus :
                                     ld->code[op_at] == (BeamInstr)emu_op_addr[OPC_i_minus] ? OPC_i_minus :
                                     OPC_gc_bif2), op_at, prev);
            else
                specialize(ld, opc, op_at, prev);
            continue;
        }
        case OPC_make_fun2: case OPC_make_fun3: {
            Operand fi;
            if (!ct_read(&r, &fi) || fi.kind != CT_U || (UWord)fi.val >= ld->bf->fun_count)
                return lfail(ld, "bad fun index");
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            emit(ld, (BeamInstr)fi.val);   /* patched to FunEntry* at the end */
            push_offset(&ld->fun_sites, &ld->nsites, &ld->capsites, ld->len - 1);
            for (unsigned i = 1; i < oi->arity; i++)
                if (!emit_operand(ld, &r, (unsigned)opc, i))
                    return false;
            continue;
        }
        case OPC_fmove: {
            Operand a, b;
            BeamInstr wa, wb;
            bool l;
            if (!ct_read(&r, &a) || !ct_read(&r, &b) ||
                !operand_word(ld, &a, &wa, &l) || !operand_word(ld, &b, &wb, &l))
                return lfail(ld, "bad fmove");
            emit(ld, (BeamInstr)emu_op_addr[a.kind == CT_EXT_FR ? OPC_i_fmove_from_fr : OPC_i_fmove_to_fr]);
            emit(ld, wa);
            emit(ld, wb);
            continue;
        }
        case OPC_bs_match_string: case OPC_bs_put_string: {
            /* the string operand (an offset into StrT) becomes a pointer */
            unsigned str_pos = opc == OPC_bs_match_string ? 3 : 1;
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            for (unsigned i = 0; i < oi->arity; i++) {
                if (i != str_pos) {
                    if (!emit_operand(ld, &r, (unsigned)opc, i))
                        return false;
                    continue;
                }
                Operand so;
                if (!ct_read(&r, &so) || so.kind != CT_U || (size_t)so.val > ld->m->strings_size)
                    return lfail(ld, "%s: bad string offset", oi->name);
                emit(ld, (BeamInstr)(ld->m->strings + so.val));
            }
            continue;
        }
        case OPC_bs_create_bin: {
            size_t start = ld->len;
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            for (unsigned i = 0; i < oi->arity; i++)
                if (!emit_operand(ld, &r, (unsigned)opc, i))
                    return false;
            UWord n = ld->code[start + 6];
            Term string_atom = atom_from_cstr("string");
            for (UWord k = 0; k + 6 <= n; k += 6) {
                BeamInstr *seg = &ld->code[start + 7 + k];
                if ((Term)seg[0] == string_atom) {
                    if (seg[4] > ld->m->strings_size)
                        return lfail(ld, "bs_create_bin: bad string offset");
                    seg[4] = (BeamInstr)(ld->m->strings + seg[4]);
                }
            }
            continue;
        }
        case OPC_catch: case OPC_try: {
            emit(ld, (BeamInstr)emu_op_addr[opc]);
            if (!emit_operand(ld, &r, (unsigned)opc, 0))
                return false;
            Operand l;
            if (!ct_read(&r, &l) || l.kind != CT_F)
                return lfail(ld, "bad %s label", oi->name);
            emit(ld, (BeamInstr)l.val);
            push_offset(&ld->catch_fixups, &ld->ncatch, &ld->capcatch, ld->len - 1);
            continue;
        }
        default:
            break;
        }
        size_t at = ld->len;
        emit(ld, (BeamInstr)emu_op_addr[opc]);
        for (unsigned i = 0; i < oi->arity; i++)
            if (!emit_operand(ld, &r, (unsigned)opc, i))
                return false;
        specialize(ld, opc, at, prev);
    }
}

/* Patch labels, catches and funs now that the code will not move. */
static bool finish(Loader *ld)
{
    Module *m = ld->m;
    BeamInstr *code = realloc(ld->code, (ld->len + 1) * sizeof(BeamInstr));
    ld->code = NULL;
    m->code = code;
    m->code_words = ld->len;
    for (size_t i = 0; i < ld->nfix; i++) {
        BeamInstr *w = &code[ld->fixups[i]];
        if (ld->label_at[*w] < 0)
            return lfail(ld, "undefined label %lu", (unsigned long)*w);
        *w = (BeamInstr)(code + ld->label_at[*w]);
    }
    for (size_t i = 0; i < ld->ncatch; i++) {
        BeamInstr *w = &code[ld->catch_fixups[i]];
        if (*w >= ld->bf->label_count || ld->label_at[*w] < 0)
            return lfail(ld, "undefined catch label");
        *w = make_catch(catch_register(code + ld->label_at[*w]));
    }
    /* function ranges */
    m->funcs = ld->funcs;
    m->func_count = ld->nfuncs;
    ld->funcs = NULL;
    for (uint32_t i = 0; i < m->func_count; i++) {
        m->funcs[i].start = code + (uintptr_t)m->funcs[i].start;
    }
    for (uint32_t i = 0; i < m->func_count; i++)
        m->funcs[i].end = i + 1 < m->func_count ? m->funcs[i + 1].start : code + ld->len;
    m->lines = ld->lines;
    m->line_count = ld->nlines;
    ld->lines = NULL;
    for (uint32_t i = 0; i < m->line_count; i++)
        m->lines[i].addr = code + (uintptr_t)m->lines[i].addr;
    if (m->on_load)
        m->on_load = code + (uintptr_t)m->on_load;
    /* funs */
    BeamFile *bf = ld->bf;
    m->fun_count = bf->fun_count;
    m->funs = calloc(bf->fun_count + 1, sizeof(FunEntry *));
    for (uint32_t i = 0; i < bf->fun_count; i++) {
        BeamFun *f = &bf->fun[i];
        if (f->label >= bf->label_count || ld->label_at[f->label] < 0)
            return lfail(ld, "fun %u has an undefined label", i);
        FunEntry *fe = fun_entry_get(m->name, f->index, f->old_uniq, bf->md5, f->arity - f->num_free, f->num_free);
        fe->function = f->function;
        m->funs[i] = fe;
    }
    return true;
}

/* make_fun operands hold a fun-table index until the FunEntries exist. */
static void patch_make_funs(Loader *ld, const size_t *sites, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        BeamInstr *w = &ld->m->code[sites[i]];
        *w = (BeamInstr)ld->m->funs[*w];
    }
}

static void free_loader(Loader *ld)
{
    free(ld->code);
    free(ld->label_at);
    free(ld->fixups);
    free(ld->catch_fixups);
    free(ld->literals);
    free(ld->line_items);
    free(ld->line_files);
    free(ld->lines);
    free(ld->funcs);
    free(ld->fun_sites);
}

Module *ld_load(BeamFile *bf, char *err, size_t errlen)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.bf = bf;
    ld.err = err;
    ld.errlen = errlen;
    ld.cur_func = NIL;
    ld.prev_at = NO_PREV;
    Module *m = calloc(1, sizeof *m);
    m->name = bf->module;
    m->attributes = m->compile_info = NIL;
    ld.m = m;
    ld.label_at = malloc((bf->label_count + 1) * sizeof(int64_t));
    for (uint32_t i = 0; i <= bf->label_count; i++)
        ld.label_at[i] = -1;
    if (bf->strings.data) {
        m->strings = malloc(bf->strings.size + 1);
        memcpy(m->strings, bf->strings.data, bf->strings.size);
        m->strings_size = bf->strings.size;
    }
    bool ok = load_literals(&ld) && load_lines(&ld) && translate(&ld);
    ok = ok && finish(&ld);
    if (ok) {
        patch_make_funs(&ld, ld.fun_sites, ld.nsites);
        m->attributes = load_term_chunk(&ld, bf->attrs);
        memcpy(m->md5, bf->md5, 16);
        m->compile_info = load_term_chunk(&ld, bf->cinfo);
        m->export_count = bf->exp_count;
        m->exports = calloc(bf->exp_count + 1, sizeof(Export *));
        for (uint32_t i = 0; i < bf->exp_count; i++) {
            BeamExport *e = &bf->exp[i];
            if (e->label >= bf->label_count || ld.label_at[e->label] < 0) {
                ok = lfail(&ld, "export %s/%u has an undefined label", atom_text(e->function), e->arity);
                break;
            }
            m->exports[i] = export_get(m->name, e->function, e->arity);
        }
    }
    if (ok) {
        /* remember export addresses to publish at install time */
        m->export_addrs = calloc(bf->exp_count + 1, sizeof(BeamInstr *));
        for (uint32_t i = 0; i < bf->exp_count; i++)
            m->export_addrs[i] = m->code + ld.label_at[bf->exp[i].label];
        m->fun_addrs = calloc(bf->fun_count + 1, sizeof(BeamInstr *));
        for (uint32_t i = 0; i < bf->fun_count; i++)
            m->fun_addrs[i] = m->code + ld.label_at[bf->fun[i].label];
    }
    free_loader(&ld);
    if (!ok) {
        module_free(m);
        return NULL;
    }
    return m;
}
