/* print.c — erlang:display/1's term syntax (print.h). Iterative over list
 * tails; nesting depth is bounded by the C stack only for tuples/maps,
 * which is acceptable for a debugging printer. */
#include "print.h"
#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "map.h"
#include "fun.h"
#include "ref.h"
#include "../base/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>

typedef struct { char *s; size_t n, cap; } Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        while (b->n + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 256;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}
static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }
static void printf_(Buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, (size_t)n);
}

/* Latin-1 lower- and upper-case letters (as erl's atom quoting sees them). */
static bool l1_lower(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
static bool l1_upper(uint32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

static bool atom_needs_quotes(const Atom *a)
{
    if (a->len == 0) return true;
    size_t i = 0;
    bool first = true;
    while (i < a->len) {
        uint32_t c;
        int k = utf8_decode(a->text + i, a->len - i, &c);
        if (k <= 0) return true;
        i += (size_t)k;
        if (first) {
            if (!l1_lower(c)) return true;
            first = false;
        } else if (!(l1_lower(c) || l1_upper(c) || (c >= '0' && c <= '9') || c == '_' || c == '@')) {
            return true;
        }
    }
    return false;
}

/* erlang:display's notion of a printable character: latin-1 graphic
 * characters plus tab, newline and carriage return. */
static bool display_printable(SWord v)
{
    return (v >= 32 && v <= 126) || (v >= 160 && v <= 255) || v == '\t' || v == '\n' || v == '\r';
}

static bool printable_list(Term t)
{
    if (!is_list(t)) return false;
    for (; is_list(t); t = CDR(list_val(t))) {
        Term c = CAR(list_val(t));
        if (!is_small(c) || !display_printable(small_val(c))) return false;
    }
    return is_nil(t);
}

static void print(Buf *b, Term t)
{
    if (is_small(t)) { printf_(b, "%ld", (long)small_val(t)); return; }
    if (is_atom(t)) {
        const Atom *a = atom_get(t);
        if (atom_needs_quotes(a)) { puts_(b, "'"); put(b, (const char *)a->text, a->len); puts_(b, "'"); }
        else put(b, (const char *)a->text, a->len);
        return;
    }
    if (is_nil(t)) { puts_(b, "[]"); return; }
    if (is_internal_pid(t)) { printf_(b, "<0.%lu.0>", (unsigned long)internal_pid_index(t)); return; }
    if (is_internal_port(t)) { printf_(b, "#Port<0.%lu>", (unsigned long)internal_port_index(t)); return; }
    if (is_list(t)) {
        if (printable_list(t)) {
            puts_(b, "\"");
            for (; is_list(t); t = CDR(list_val(t))) {
                char c = (char)small_val(CAR(list_val(t)));
                if (c == '"') puts_(b, "\\\"");
                else if (c == '\n') puts_(b, "\\n");
                else put(b, &c, 1);
            }
            puts_(b, "\"");
            return;
        }
        puts_(b, "[");
        bool first = true;
        for (; is_list(t); t = CDR(list_val(t))) {
            if (!first) puts_(b, ",");
            first = false;
            print(b, CAR(list_val(t)));
        }
        if (!is_nil(t)) { puts_(b, "|"); print(b, t); }
        puts_(b, "]");
        return;
    }
    if (!is_boxed(t)) { printf_(b, "<bad term %#lx>", (unsigned long)t); return; }
    switch (boxed_subtag(t)) {
    case SUB_TUPLE:
        puts_(b, "{");
        for (UWord i = 1; i <= tuple_arity(t); i++) {
            if (i > 1) puts_(b, ",");
            print(b, tuple_elem(t, i));
        }
        puts_(b, "}");
        return;
    case SUB_FLOAT:
        printf_(b, "%.6e", float_val(t));
        return;
    case SUB_POS_BIG: case SUB_NEG_BIG: {
        size_t n = bn_chars_needed(t, 10);
        char *s = malloc(n + 1);
        size_t k = bn_to_chars(t, 10, s, n + 1);
        put(b, s, k);
        free(s);
        return;
    }
    case SUB_MAP: {
        puts_(b, "#{");
        MapIter it;
        Term k, v;
        bool first = true;
        map_iter_init(&it, t);
        while (map_iter_next(&it, &k, &v)) {
            if (!first) puts_(b, ",");
            first = false;
            print(b, k);
            puts_(b, "=>");
            print(b, v);
        }
        puts_(b, "}");
        return;
    }
    case SUB_REFC_BIN: case SUB_HEAP_BIN: case SUB_SUB_BIN: {
        const uint8_t *base;
        size_t off, bits;
        bin_view(t, &base, &off, &bits);
        if (bits % 8 == 0 && bits > 0 && off % 8 == 0) {
            const uint8_t *bytes = base + off / 8;
            size_t n = bits / 8, k = 0;
            while (k < n && bytes[k] >= 32 && bytes[k] <= 126) k++;
            if (k == n) {
                puts_(b, "<<\"");
                for (k = 0; k < n; k++) {
                    if (bytes[k] == '"') puts_(b, "\\\"");
                    else put(b, (const char *)bytes + k, 1);
                }
                puts_(b, "\">>");
                return;
            }
        }
        puts_(b, "<<");
        size_t i = 0;
        for (; i + 8 <= bits; i += 8) {
            size_t bit = off + i;
            unsigned v = (unsigned)((base[bit / 8] << (bit % 8)) | (bit % 8 ? base[bit / 8 + 1] >> (8 - bit % 8) : 0)) & 0xFF;
            printf_(b, "%s%u", i ? "," : "", v);
        }
        if (i < bits) {
            unsigned rest = (unsigned)(bits - i), v = 0;
            for (unsigned k = 0; k < rest; k++) {
                size_t bit = off + i + k;
                v = (v << 1) | ((base[bit / 8] >> (7 - bit % 8)) & 1);
            }
            printf_(b, "%s%u:%u", i ? "," : "", v, rest);
        }
        puts_(b, ">>");
        return;
    }
    case SUB_EXPORT: {
        Export *e = export_of(t);
        puts_(b, "fun ");
        print(b, e->module);
        puts_(b, ":");
        print(b, e->function);
        printf_(b, "/%u", e->arity);
        return;
    }
    case SUB_FUN: {
        FunEntry *fe = fun_entry_of(t);
        puts_(b, "#Fun<");
        print(b, fe->module);
        printf_(b, ".%u.%u>", fe->index, fe->old_uniq);
        return;
    }
    case SUB_REF: {
        Term *r = boxed_val(t);
        printf_(b, "#Ref<0.%u.%u.%u>", (unsigned)r[2], (unsigned)(r[1] >> 32), (unsigned)(r[1] & 0xFFFFFFFF));
        return;
    }
    default:
        printf_(b, "<term %#lx>", (unsigned long)boxed_header(t));
        return;
    }
}

char *term_display_string(Term t)
{
    Buf b = { 0 };
    put(&b, "", 0);
    print(&b, t);
    return b.s;
}
