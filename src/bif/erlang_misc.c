/* erlang_misc.c — assorted BIFs: fun introspection (fun_info, fun_to_list,
 * make_fun), the text forms of pids, ports and refs and their parsers,
 * display_string, bump_reductions, iolist_to_iovec, string:list_to_integer
 * and list_to_float, and small erts_internal helpers (cmp_term, term_type,
 * map_to_tuple_keys). Printed forms follow ERTS's %T term printer. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../term/binary.h"
#include "../term/bignum.h"
#include "../term/arith.h"
#include "../term/float_fmt.h"
#include "../term/fun.h"
#include "../term/ref.h"
#include "../term/map.h"
#include "../term/ext.h"
#include "../proc/sched.h"
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <pthread.h>

#define A(s) atom_from_cstr(s)
#define MAX_FUN_ARITY 255            /* ERTS's MAX_ARG */

/* ------------------------------------------------------------ text buffer */
/* Enough for "fun M:F/A" with two 255-character atoms fully escaped. */
#define TXT_CAP 4096
typedef struct { char s[TXT_CAP]; size_t n; } Txt;

static void txt_put(Txt *t, const char *s, size_t n)
{
    if (n > TXT_CAP - t->n)
        n = TXT_CAP - t->n;
    memcpy(t->s + t->n, s, n);
    t->n += n;
}
static void txt_str(Txt *t, const char *s) { txt_put(t, s, strlen(s)); }
static void txt_fmt(Txt *t, const char *fmt, unsigned long long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, fmt, v);
    txt_put(t, tmp, (size_t)n);
}

/* The bytes as a charlist (one element per byte, as ERTS's *_to_list BIFs
 * built from the term printer's output). */
static Term bytes_to_list(Process *p, const char *s, size_t n)
{
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, make_small((uint8_t)s[i]), l);
    return l;
}

/* ERTS's Latin-1 letter classes for deciding whether an atom needs quotes. */
static bool pr_lower(int c) { return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247); }
static bool pr_upper(int c) { return (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215); }
static bool pr_alnum(int c) { return (c >= '0' && c <= '9') || pr_lower(c) || pr_upper(c); }

/* The Latin-1 character a UTF-8 sequence starts with, for the quoting test:
 * continuation bytes count as letters, 3- and 4-byte starts as "needs quotes". */
static int pr_latin1_char(const uint8_t *s, size_t i, size_t len)
{
    int c1 = s[i];
    if ((c1 & 0x80) == 0) return c1;
    if ((c1 & 0xE0) == 0xC0) return i + 1 < len ? ((c1 & 0x1F) << 6) | (s[i + 1] & 0x3F) : 0;
    if ((c1 & 0xC0) == 0x80) return 'a';
    return 0;
}

/* An atom as the term printer writes it: quoted when it does not start with
 * a lower-case Latin-1 letter or contains anything but Latin-1 alphanumerics
 * and '_', with control characters escaped. */
static void txt_atom(Txt *t, Term atom)
{
    const Atom *a = atom_get(atom);
    const uint8_t *s = a->text;
    size_t len = a->len;
    if (len == 0) {
        txt_str(t, "''");
        return;
    }
    bool quote = !pr_lower(pr_latin1_char(s, 0, len));
    for (size_t i = 1; !quote && i < len; i++) {
        int lc = pr_latin1_char(s, i, len);
        if (!pr_alnum(lc) && lc != '_')
            quote = true;
    }
    if (quote) txt_str(t, "'");
    for (size_t i = 0; i < len; i++) {
        int c = s[i];
        switch (c) {
        case '\'': txt_str(t, "\\'"); break;
        case '\\': txt_str(t, "\\\\"); break;
        case '\n': txt_str(t, "\\n"); break;
        case '\f': txt_str(t, "\\f"); break;
        case '\t': txt_str(t, "\\t"); break;
        case '\r': txt_str(t, "\\r"); break;
        case '\b': txt_str(t, "\\b"); break;
        case '\v': txt_str(t, "\\v"); break;
        default:
            if (c < ' ') {
                txt_fmt(t, "\\%03llo", (unsigned long long)c);
            } else if (c >= 0x80) {
                size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                if (c == 0xC2 && i + 1 < len && s[i + 1] < 0xA0) {
                    txt_fmt(t, "\\%03llo", (unsigned long long)s[i + 1]);   /* 128..159 */
                    i++;
                } else {
                    if (i + n > len) n = len - i;
                    txt_put(t, (const char *)s + i, n);
                    i += n - 1;
                }
            } else {
                char ch = (char)c;
                txt_put(t, &ch, 1);
            }
        }
    }
    if (quote) txt_str(t, "'");
}

/* Node channel of an external pid/port/ref. ERTS prints the index of the
 * node's dist entry, which girder (without distribution) cannot reproduce;
 * the node atom's index is stable for the run. */
static unsigned long long ext_channel(Term t) { return atom_val(ext_node(t)); }

static void txt_pid(Txt *t, Term pid)
{
    if (is_internal_pid(pid)) {
        txt_fmt(t, "<0.%llu.0>", internal_pid_index(pid));
        return;
    }
    txt_fmt(t, "<%llu.", ext_channel(pid));
    txt_fmt(t, "%llu.", ext_pid_number(pid));
    txt_fmt(t, "%llu>", ext_pid_serial(pid));
}

static void txt_port(Txt *t, Term port)
{
    if (is_internal_port(port)) {
        txt_fmt(t, "#Port<0.%llu>", internal_port_index(port));
        return;
    }
    txt_fmt(t, "#Port<%llu.", ext_channel(port));
    txt_fmt(t, "%llu>", ext_port_id(port));
}

static void txt_ref(Txt *t, Term ref)
{
    if (is_internal_ref(ref)) {
        Term *r = boxed_val(ref);
        txt_fmt(t, "#Ref<0.%llu.", (unsigned long long)(uint32_t)r[2]);
        txt_fmt(t, "%llu.", (unsigned long long)(r[1] >> 32));
        txt_fmt(t, "%llu>", (unsigned long long)(r[1] & 0xFFFFFFFF));
        return;
    }
    txt_fmt(t, "#Ref<%llu", ext_channel(ref));
    for (unsigned i = ext_ref_count(ref); i-- > 0;)
        txt_fmt(t, ".%llu", ext_ref_number(ref, i));
    txt_str(t, ">");
}

static void txt_fun(Txt *t, Term fun)
{
    if (is_export(fun)) {
        Export *e = export_of(fun);
        txt_str(t, "fun ");
        txt_atom(t, e->module);
        txt_str(t, ":");
        txt_atom(t, e->function);
        txt_fmt(t, "/%llu", e->arity);
        return;
    }
    /* local funs: the module name unquoted, then the (old) index and the
     * signed old uniq, as ERTS prints them */
    FunEntry *fe = fun_entry_of(fun);
    const Atom *m = atom_get(fe->module);
    txt_str(t, "#Fun<");
    txt_put(t, (const char *)m->text, m->len);
    txt_fmt(t, ".%llu.", fe->index);
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "%d", (int32_t)fe->old_uniq);
    txt_put(t, tmp, (size_t)n);
    txt_str(t, ">");
}

/* ---------------------------------------------------------------- funs */
static Term bif_fun_info_2(Process *p, Term *a)
{
    Term f = a[0], what = a[1], val;
    if (!is_any_fun(f))
        BIF_BADARG(p);
    bool local = is_fun(f);
    FunEntry *fe = local ? fun_entry_of(f) : NULL;
    Export *ep = local ? NULL : export_of(f);
    bool loaded = local ? atomic_load(&fe->addr) != NULL : true;
    if (what == AM(type)) {
        val = local ? AM(local) : AM(external);
    } else if (what == AM(pid)) {
        val = local ? fun_creator(f) : AM(undefined);
    } else if (what == AM(module)) {
        val = local ? fe->module : ep->module;
    } else if (what == AM(new_index)) {
        val = local ? make_small(fe->index) : AM(undefined);
    } else if (what == AM(new_uniq)) {
        val = local ? bin_new(p, fe->md5, 16) : AM(undefined);
    } else if (what == AM(index)) {
        /* ERTS's old index is the position in the module's fun table; the
         * compiler numbers funs in table order, so it equals the index */
        val = local ? make_small(fe->index) : AM(undefined);
    } else if (what == AM(uniq)) {
        val = local ? make_small((int32_t)fe->old_uniq) : AM(undefined);
    } else if (what == AM(env)) {
        uint32_t n = local ? fun_num_free(f) : 0;
        Term *hp = proc_alloc(p, 2 * (size_t)n);
        val = NIL;
        for (uint32_t i = n; i-- > 0;)
            val = make_cons_at(hp + 2 * i, fun_free_vars(f)[i], val);
    } else if (what == AM(arity)) {
        val = make_small(local ? fe->arity : ep->arity);
    } else if (what == AM(name)) {
        /* a fun whose code is not loaded has no name: [] as ERTS */
        val = local ? (loaded && fe->function != NIL ? fe->function : NIL) : ep->function;
    } else {
        /* refc (an ERTS reference count girder does not keep) included */
        BIF_BADARG(p);
    }
    return bif_tuple2(p, what, val);
}
BIF_DEF("erlang", "fun_info", 2, bif_fun_info_2)

static Term bif_fun_info_mfa_1(Process *p, Term *a)
{
    Term f = a[0];
    if (is_export(f)) {
        Export *e = export_of(f);
        return bif_tuple3(p, e->module, e->function, make_small(e->arity));
    }
    if (!is_fun(f))
        BIF_BADARG(p);
    FunEntry *fe = fun_entry_of(f);
    bool loaded = atomic_load(&fe->addr) != NULL && fe->function != NIL;
    return bif_tuple3(p, fe->module, loaded ? fe->function : NIL, make_small(fe->arity));
}
BIF_DEF("erlang", "fun_info_mfa", 1, bif_fun_info_mfa_1)

static Term bif_fun_to_list_1(Process *p, Term *a)
{
    if (!is_any_fun(a[0]))
        BIF_BADARG(p);
    Txt t = { .n = 0 };
    txt_fun(&t, a[0]);
    return bytes_to_list(p, t.s, t.n);
}
BIF_DEF("erlang", "fun_to_list", 1, bif_fun_to_list_1)

static Term bif_make_fun_3(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]))
        BIF_BADARG(p);
    SWord arity = small_val(a[2]);
    if (arity < 0 || arity > MAX_FUN_ARITY)
        BIF_BADARG(p);
    Export *e = export_get(a[0], a[1], (uint32_t)arity);
    Term *hp = proc_alloc(p, EXPORT_FUN_WORDS);
    hp[0] = make_header(EXPORT_FUN_WORDS - 1, SUB_EXPORT);
    hp[1] = (Term)(UWord)e;
    return make_boxed(hp);
}
BIF_DEF("erlang", "make_fun", 3, bif_make_fun_3)

/* nif_error(Reason, Args): the BIF shows as a frame, as in erl. */
static Term bif_nif_error_2(Process *p, Term *a) { return bif_error(p, a[0]); }
BIF_DEF("erlang", "nif_error", 2, bif_nif_error_2)

/* ------------------------------------------------- pids, ports and refs */
static Term bif_pid_to_list_1(Process *p, Term *a)
{
    if (!is_pid(a[0]))
        BIF_BADARG(p);
    Txt t = { .n = 0 };
    txt_pid(&t, a[0]);
    return bytes_to_list(p, t.s, t.n);
}
BIF_DEF("erlang", "pid_to_list", 1, bif_pid_to_list_1)

static Term bif_port_to_list_1(Process *p, Term *a)
{
    if (!is_port(a[0]))
        BIF_BADARG(p);
    Txt t = { .n = 0 };
    txt_port(&t, a[0]);
    return bytes_to_list(p, t.s, t.n);
}
BIF_DEF("erlang", "port_to_list", 1, bif_port_to_list_1)

static Term bif_ref_to_list_1(Process *p, Term *a)
{
    if (!is_ref(a[0]))
        BIF_BADARG(p);
    Txt t = { .n = 0 };
    txt_ref(&t, a[0]);
    return bytes_to_list(p, t.s, t.n);
}
BIF_DEF("erlang", "ref_to_list", 1, bif_ref_to_list_1)

/* A proper list of bytes into buf (at most cap bytes) and a NUL; false if
 * it is not one or is longer. */
static bool byte_list(Term l, char *buf, size_t cap)
{
    size_t n = 0;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term c = CAR(list_val(l));
        if (!is_small(c) || small_val(c) < 0 || small_val(c) > 255 || n >= cap)
            return false;
        buf[n++] = (char)small_val(c);
    }
    buf[n] = 0;
    return is_nil(l);
}

/* Decimal digits at *cp into *v (wrapping at 64 bits, as ERTS's parsers);
 * false if there is none. */
static bool digits(const char **cp, uint64_t *v)
{
    const char *s = *cp;
    if (*s < '0' || *s > '9')
        return false;
    uint64_t x = 0;
    while (*s >= '0' && *s <= '9')
        x = x * 10 + (uint64_t)(*s++ - '0');
    *v = x;
    *cp = s;
    return true;
}

/* Limits of ERTS's local pid numbers and serials, and of port numbers. */
#define PID_NUMBER_MAX 32767
#define PID_SERIAL_MAX 8191
#define PORT_NUMBER_MAX 268435455
#define REF_N0_LIMIT (1u << 18)

/* "<0.N.S>". A girder local pid is one number printed as <0.Number.0>, so
 * serial 0 takes any number girder can print (erl's numbers stop at 32767);
 * other serials map as ERTS packs them (serial above a 15-bit number). */
static Term bif_list_to_pid_1(Process *p, Term *a)
{
    char buf[65];
    const char *cp = buf;
    uint64_t node, num, ser;
    if (!byte_list(a[0], buf, 64) || *cp++ != '<' || !digits(&cp, &node) || *cp++ != '.' ||
        !digits(&cp, &num) || *cp++ != '.' || !digits(&cp, &ser) || *cp++ != '>' || *cp)
        BIF_BADARG(p);
    if (node != 0)
        BIF_BADARG(p);               /* no distribution: only this node */
    if (ser == 0) {
        if (num >= ((uint64_t)1 << (64 - TAG_IMMED1_SIZE - 1)))
            BIF_BADARG(p);
        return make_internal_pid(num);
    }
    if (num > PID_NUMBER_MAX || ser > PID_SERIAL_MAX)
        BIF_BADARG(p);
    return make_internal_pid(ser << 15 | num);
}
BIF_DEF("erlang", "list_to_pid", 1, bif_list_to_pid_1)

static Term bif_list_to_port_1(Process *p, Term *a)
{
    char buf[39];
    const char *cp = buf;
    uint64_t node, num;
    if (!byte_list(a[0], buf, sizeof buf - 1) || strncmp(cp, "#Port<", 6) != 0)
        BIF_BADARG(p);
    cp += 6;
    if (!digits(&cp, &node) || *cp++ != '.' || !digits(&cp, &num) || *cp++ != '>' || *cp)
        BIF_BADARG(p);
    if ((uint32_t)node != 0 || num > PORT_NUMBER_MAX)
        BIF_BADARG(p);
    return make_internal_port(num);
}
BIF_DEF("erlang", "list_to_port", 1, bif_list_to_port_1)

/* "#Ref<0.N2.N1.N0>", each number 32 bits and N0 18 bits, as ERTS. ERTS also
 * checks that N1's low 16 bits name an existing scheduler; girder's refs do
 * not carry a scheduler id (ref.c), so that check is left out. */
static Term bif_list_to_ref_1(Process *p, Term *a)
{
    char buf[72];
    const char *cp = buf;
    uint64_t ints[6];
    int n = 0;
    if (!byte_list(a[0], buf, sizeof buf - 1) || strncmp(cp, "#Ref<", 5) != 0)
        BIF_BADARG(p);
    cp += 5;
    for (;;) {
        if (n == 6 || !digits(&cp, &ints[n]) || ints[n] > UINT32_MAX)
            BIF_BADARG(p);
        n++;
        if (*cp == '>')
            break;
        if (*cp++ != '.')
            BIF_BADARG(p);
    }
    if (cp[1] != 0 || n != 4 || ints[0] != 0 || ints[3] >= REF_N0_LIMIT)
        BIF_BADARG(p);
    Term *hp = proc_alloc(p, REF_WORDS);
    hp[0] = REF_HEADER;
    hp[1] = ints[3] | ints[2] << 32;
    hp[2] = ints[1];
    return make_boxed(hp);
}
BIF_DEF("erlang", "list_to_ref", 1, bif_list_to_ref_1)

/* --------------------------------------------------------------- display */
/* A list of code points as UTF-8 into a malloc'd buffer; NULL if not one. */
static char *unicode_list(Term l, size_t *len)
{
    size_t n = 0;
    for (Term t = l; is_list(t); t = CDR(list_val(t))) {
        Term c = CAR(list_val(t));
        if (!is_small(c) || small_val(c) < 0 || small_val(c) > 0x10FFFF ||
            (small_val(c) >= 0xD800 && small_val(c) <= 0xDFFF))
            return NULL;
        SWord v = small_val(c);
        n += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
        if (!is_list(CDR(list_val(t))) && !is_nil(CDR(list_val(t))))
            return NULL;
    }
    if (!is_list(l) && !is_nil(l))
        return NULL;
    char *s = malloc(n + 1), *o = s;
    for (Term t = l; is_list(t); t = CDR(list_val(t))) {
        SWord v = small_val(CAR(list_val(t)));
        if (v < 0x80) {
            *o++ = (char)v;
        } else if (v < 0x800) {
            *o++ = (char)(0xC0 | (v >> 6)); *o++ = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            *o++ = (char)(0xE0 | (v >> 12)); *o++ = (char)(0x80 | ((v >> 6) & 0x3F));
            *o++ = (char)(0x80 | (v & 0x3F));
        } else {
            *o++ = (char)(0xF0 | (v >> 18)); *o++ = (char)(0x80 | ((v >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((v >> 6) & 0x3F)); *o++ = (char)(0x80 | (v & 0x3F));
        }
    }
    *o = 0;
    *len = n;
    return s;
}

/* display_string/1 and display_nl/0 write to stderr, as ERTS. */
static Term bif_display_string_1(Process *p, Term *a)
{
    size_t len;
    char *s = unicode_list(a[0], &len);
    if (!s)
        BIF_BADARG(p);
    fwrite(s, 1, len, stderr);
    fflush(stderr);
    free(s);
    return AM(true);
}
BIF_DEF("erlang", "display_string", 1, bif_display_string_1)

static Term bif_display_nl_0(Process *p, Term *a)
{
    (void)p; (void)a;
    fputc('\n', stderr);
    fflush(stderr);
    return AM(true);
}
BIF_DEF("erlang", "display_nl", 0, bif_display_nl_0)

/* girder has no +pc flag: the printable range is always latin1. */
static Term bif_printable_range_0(Process *p, Term *a) { (void)p; (void)a; return AM(latin1); }
BIF_DEF("io", "printable_range", 0, bif_printable_range_0)

/* ERTS (without +fn flags) decides once from the locale: utf8 when
 * LC_CTYPE's codeset is UTF-8. newlocale leaves the process locale alone. */
static Term name_encoding;
static void name_encoding_init(void)
{
    name_encoding = AM(latin1);
    locale_t l = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
    if (l) {
        if (strcmp(nl_langinfo_l(CODESET, l), "UTF-8") == 0)
            name_encoding = AM(utf8);
        freelocale(l);
    }
}
static Term bif_native_name_encoding_0(Process *p, Term *a)
{
    (void)p; (void)a;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, name_encoding_init);
    return name_encoding;
}
BIF_DEF("file", "native_name_encoding", 0, bif_native_name_encoding_0)

/* ------------------------------------------------------------ reductions */
static Term bif_bump_reductions_1(Process *p, Term *a)
{
    if (!is_small(a[0]) || small_val(a[0]) < 0)
        BIF_BADARG(p);
    SWord n = small_val(a[0]);
    if (n > SCHED_CONTEXT_REDS)
        n = SCHED_CONTEXT_REDS;
    p->fcalls -= (int32_t)n;
    return AM(true);
}
BIF_DEF("erlang", "bump_reductions", 1, bif_bump_reductions_1)

/* ------------------------------------------------------------- erts_internal */
static Term bif_cmp_term_2(Process *p, Term *a)
{
    (void)p;
    int c = term_compare_exact(a[0], a[1]);
    return make_small(c < 0 ? -1 : c > 0);
}
BIF_DEF("erts_internal", "cmp_term", 2, bif_cmp_term_2)

static const char *boxed_type_name(Term t)
{
    switch (boxed_subtag(t)) {
    case SUB_TUPLE: return "tuple";
    case SUB_MATCHSTATE: return "matchstate";
    case SUB_POS_BIG: case SUB_NEG_BIG: return "bignum";
    case SUB_REF: return "reference";
    case SUB_FUN: return "fun";
    case SUB_FLOAT: return "hfloat";
    case SUB_EXPORT: return "export";
    case SUB_REFC_BIN: return "refc_binary";
    case SUB_HEAP_BIN: return "heap_binary";
    case SUB_SUB_BIN: return "sub_binary";
    case SUB_EXT_PID: return "external_pid";
    case SUB_EXT_PORT: return "external_port";
    case SUB_EXT_REF: return "external_reference";
    case SUB_MAP:
        return map_kind(t) == MAP_KIND_FLAT ? "flatmap" : map_kind(t) == MAP_KIND_HEAD ? "hashmap" : "hashmap_node";
    }
    return NULL;
}

static Term bif_term_type_1(Process *p, Term *a)
{
    Term t = a[0];
    const char *name;
    if (is_list(t)) name = "list";
    else if (is_boxed(t)) name = boxed_type_name(t);
    else if (is_small(t)) name = "fixnum";
    else if (is_internal_pid(t)) name = "pid";
    else if (is_internal_port(t)) name = "port";
    else if (is_atom(t)) name = "atom";
    else if (is_nil(t)) name = "nil";
    else name = NULL;
    if (!name)
        BIF_BADARG(p);
    return A(name);
}
BIF_DEF("erts_internal", "term_type", 1, bif_term_type_1)

static Term bif_map_to_tuple_keys_1(Process *p, Term *a)
{
    if (is_flatmap(a[0]))
        return flatmap_keys_tuple(a[0]);
    if (is_map(a[0]))
        BIF_BADARG(p);
    return bif_error2(p, AM(badmap), a[0]);
}
BIF_DEF("erts_internal", "map_to_tuple_keys", 1, bif_map_to_tuple_keys_1)

/* ------------------------------------------- string:list_to_integer/float */
/* ERTS's erts_list_to_integer with a tail: an optional sign, then digits;
 * each element is truncated to its low 8 bits before the digit test. */
static Term bif_string_list_to_integer_1(Process *p, Term *a)
{
    Term l = a[0];
    if (is_nil(l))
        return bif_tuple2(p, AM(error), A("no_integer"));
    if (!is_list(l))
        return bif_tuple2(p, AM(error), A("not_a_list"));
    bool neg = false;
    Term h = CAR(list_val(l));
    if (h == make_small('-') || h == make_small('+')) {
        neg = h == make_small('-');
        l = CDR(list_val(l));
        if (!is_list(l))
            return bif_tuple2(p, AM(error), A("no_integer"));
    }
    size_t n = 0, cap = 64;
    char *buf = malloc(cap);
    for (;;) {
        Term c = CAR(list_val(l));
        if (!is_small(c))
            break;
        uint8_t ch = (uint8_t)(UWord)small_val(c);
        if (ch < '0' || ch > '9')
            break;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
        buf[n++] = (char)ch;
        l = CDR(list_val(l));
        if (!is_list(l))
            break;
    }
    Term r = n ? bn_from_digits(p, buf, n, 10, neg) : THE_NON_VALUE;
    free(buf);
    if (!n)
        return bif_tuple2(p, AM(error), A("no_integer"));
    if (is_non_value(r))
        BIF_SYSLIMIT(p);
    return bif_tuple2(p, r, l);
}
BIF_DEF("string", "list_to_integer", 1, bif_string_list_to_integer_1)

/* The longest prefix with float syntax [+-]Int(.|,)Frac[(e|E)[+-]Exp]; an
 * exponent marker that is not followed by digits is left in the tail. */
enum { FL_SIGN, FL_INT, FL_FRAC, FL_EXP_SIGN, FL_EXP0, FL_EXP1, FL_END };

static int float_step(int part, SWord c)
{
    bool digit = c >= '0' && c <= '9';
    if (c == '-' || c == '+')
        return part == FL_SIGN ? FL_INT : part == FL_EXP_SIGN ? FL_EXP0 : FL_END;
    if (c == '.' || c == ',')
        return part == FL_INT ? FL_FRAC : FL_END;
    if (c == 'e' || c == 'E')
        return part == FL_FRAC ? FL_EXP_SIGN : FL_END;
    if (digit)
        return part == FL_SIGN ? FL_INT : (part == FL_EXP_SIGN || part == FL_EXP0) ? FL_EXP1 : part;
    return -1;                       /* not a float character */
}

static Term bif_string_list_to_float_1(Process *p, Term *a)
{
    Term l = a[0];
    if (is_nil(l))
        return bif_tuple2(p, AM(error), A("no_float"));
    if (!is_list(l))
        return bif_tuple2(p, AM(error), A("not_a_list"));
    size_t n = 0, cap = 128, e_n = 0;
    char *buf = malloc(cap);
    Term e_l = l;                    /* position of a pending exponent marker */
    int part = FL_SIGN;
    for (;;) {
        Term c = CAR(list_val(l));
        int next = is_small(c) ? float_step(part, small_val(c)) : -1;
        if (next < 0)
            break;
        if (next == FL_END) {
            /* a sign, dot or e where none fits ends the float; in the
             * middle of an exponent the e goes back to the tail */
            if (part == FL_EXP_SIGN || part == FL_EXP0) { n = e_n; l = e_l; }
            part = FL_END;
            if (n < 3) {
                free(buf);
                return bif_tuple2(p, AM(error), A("no_float"));
            }
            break;
        }
        if (next == FL_EXP_SIGN && part == FL_FRAC) { e_n = n; e_l = l; }
        bool skip = part == FL_SIGN && small_val(c) == '+';
        part = next;
        if (!skip) {
            if (n + 1 == cap)
                buf = realloc(buf, cap *= 2);
            buf[n++] = (char)small_val(c);
        }
        l = CDR(list_val(l));
        if (!is_list(l))
            break;
    }
    if (part == FL_EXP_SIGN || part == FL_EXP0) { n = e_n; l = e_l; }
    double d;
    bool ok = n > 0 && float_fmt_parse(buf, n, &d);
    free(buf);
    if (!ok)
        return bif_tuple2(p, AM(error), A("no_float"));
    return bif_tuple2(p, arith_make_float(p, d), l);
}
BIF_DEF("string", "list_to_float", 1, bif_string_list_to_float_1)

/* ------------------------------------------------------- iolist_to_iovec */
/* ERTS's algorithm, so the list of binaries has erl's shape: bytes and small
 * binaries (< 256 bytes) gather in an accumulator that becomes a refc
 * binary; a large binary is passed through as it is (or split so the
 * accumulator reaches 256 bytes first when the two are combined); the
 * accumulator stops growing past 8192 bytes of allocation. ERTS yields and
 * charges reductions by bytes copied; girder does the whole list at once,
 * budgeting bytes per "slice" the same way so sequences chunk alike. */
#define IOV_SMALL 256
#define IOV_REALLOC_LIMIT (IOV_SMALL * 32)
#define IOV_SLICE_BYTES ((UWord)SCHED_CONTEXT_REDS * IOV_SMALL)

typedef struct {
    Process *p;
    Term head, *tailp;          /* result list under construction */
    Binary *acc;                /* accumulator, or NULL */
    size_t acc_size;
    UWord avail, spent;         /* byte budget of the current slice */
} Iov;

static void iov_emit(Iov *v, Term bin)
{
    Term *hp = proc_alloc(v->p, 2);
    *v->tailp = make_cons_at(hp, bin, NIL);
    v->tailp = &hp[1];
    v->spent += 1;
}

static void iov_promote(Iov *v)
{
    Binary *b = bin_binary_realloc(v->acc, v->acc_size);
    if (!b)
        b = v->acc;
    iov_emit(v, bin_from_binary(v->p, b, v->acc_size));
    v->acc = NULL;
    v->acc_size = 0;
}

static void iov_expand(Iov *v, size_t extra)
{
    size_t need = v->acc_size + extra;
    if (!v->acc) {
        v->acc = bin_binary_alloc(need > IOV_SMALL ? need : IOV_SMALL);
    } else if (need > v->acc->size) {
        if (v->acc->size >= IOV_REALLOC_LIMIT) {
            iov_promote(v);
            iov_expand(v, extra);
            return;
        }
        size_t nsize = need > v->acc->size * 2 ? need : v->acc->size * 2;
        Binary *b = bin_binary_realloc(v->acc, nsize);
        if (!b)
            abort();
        if (b != v->acc)
            v->spent += v->acc_size;
        v->acc = b;
    }
    v->spent += extra;
}

/* A run of small integers starting at l; false if one is not a byte. */
static bool iov_bytes(Iov *v, Term l, Term *end)
{
    size_t n = 0;
    Term look = l;
    while (is_list(look) && is_small(CAR(list_val(look))) && n * 2 < v->avail - v->spent) {
        look = CDR(list_val(look));
        n++;
    }
    iov_expand(v, n);
    v->spent += n;
    uint8_t *d = v->acc->bytes + v->acc_size;
    v->acc_size += n;
    UWord seen = 0;
    for (Term t = l; t != look; t = CDR(list_val(t))) {
        UWord b = (UWord)small_val(CAR(list_val(t)));
        seen |= b;
        *d++ = (uint8_t)b;
    }
    *end = look;
    return seen <= 255;
}

static bool iov_binary(Iov *v, Term bin)
{
    if (bin_bit_size(bin) & 7)
        return false;
    size_t size = bin_bit_size(bin) / 8;
    if (size == 0) {
        v->spent += 1;
        return true;
    }
    const uint8_t *base;
    size_t off, bits;
    bin_view(bin, &base, &off, &bits);
    bool acc_small = v->acc_size < IOV_SMALL, bin_small = size < IOV_SMALL;
    if (!bin_small && (v->acc_size == 0 || !acc_small)) {
        if (v->acc_size)
            iov_promote(v);
        iov_emit(v, bin);
    } else if (bin_small || size + v->acc_size < IOV_SMALL * 2) {
        iov_expand(v, size);
        bin_copy_bits(v->acc->bytes + v->acc_size, 0, base, off, size * 8);
        v->acc_size += size;
    } else {
        size_t spill = IOV_SMALL - v->acc_size;
        iov_expand(v, spill);
        bin_copy_bits(v->acc->bytes + v->acc_size, 0, base, off, spill * 8);
        v->acc_size += spill;
        Term rest = bin_make_sub(v->p, bin_orig_of(bin), off + spill * 8, (size - spill) * 8);
        iov_promote(v);
        iov_emit(v, rest);
    }
    return true;
}

static void iov_budget(Iov *v)
{
    if (v->spent >= v->avail) {       /* ERTS would yield here: a new slice */
        v->spent = 0;
        v->avail = IOV_SLICE_BYTES;
    }
}

static bool iov_walk(Iov *v, Term it)
{
    size_t sp = 0, cap = 16;
    Term *stack = malloc(cap * sizeof(Term));
    bool ok = true;
    for (;;) {
        while (ok && is_list(it)) {
            iov_budget(v);
            Term h = CAR(list_val(it));
            if (is_bitstring(h)) {
                ok = iov_binary(v, h);
                it = CDR(list_val(it));
            } else if (is_small(h)) {
                ok = iov_bytes(v, it, &it);
            } else if (is_list(h) || is_nil(h)) {
                Term tail = CDR(list_val(it));
                if (!is_nil(tail)) {
                    if (sp == cap)
                        stack = realloc(stack, (cap *= 2) * sizeof(Term));
                    stack[sp++] = tail;
                }
                v->spent += 1;
                it = h;
            } else {
                ok = false;
            }
        }
        if (!ok)
            break;
        if (is_bitstring(it))
            ok = iov_binary(v, it);
        else if (!is_nil(it))
            ok = false;
        if (!ok || sp == 0)
            break;
        it = stack[--sp];
    }
    free(stack);
    return ok;
}

static Term bif_iolist_to_iovec_1(Process *p, Term *a)
{
    Term t = a[0];
    if (is_nil(t))
        return NIL;
    if (is_bitstring(t)) {
        if (bin_bit_size(t) & 7)
            BIF_BADARG(p);
        if (bin_bit_size(t) == 0)
            return NIL;
        Term *hp = proc_alloc(p, 2);
        return make_cons_at(hp, t, NIL);
    }
    if (!is_list(t))
        BIF_BADARG(p);
    Iov v = { .p = p, .head = NIL };
    v.tailp = &v.head;
    v.avail = (UWord)(p->fcalls > 0 ? p->fcalls : 1) * IOV_SMALL;
    if (!iov_walk(&v, t)) {
        if (v.acc)
            bin_ref_dec(v.acc);
        BIF_BADARG(p);
    }
    if (v.acc_size)
        iov_promote(&v);
    else if (v.acc)
        bin_ref_dec(v.acc);
    p->fcalls -= (int32_t)(v.spent / IOV_SMALL);
    return v.head;
}
BIF_DEF("erlang", "iolist_to_iovec", 1, bif_iolist_to_iovec_1)
