/* registry.c — finds BIFs by {Module, Function, Arity}.
 * The BIF_DEF entries of every file sit in the linker section "girder_bifs";
 * at start-up they are indexed in a hash table keyed on the MFA atoms. */
#include "bif.h"
#include <stdlib.h>
#include <stdio.h>
#include "../term/binary.h"

extern const BifDef __start_girder_bifs[];
extern const BifDef __stop_girder_bifs[];

typedef struct { Term m, f; uint32_t a; const BifDef *def; } Slot;
static Slot *slots;
static size_t cap;

static size_t slot_of(Term m, Term f, uint32_t a)
{
    UWord h = (m * 0x9E3779B97F4A7C15ull) ^ (f * 0xC2B2AE3D27D4EB4Full) ^ a;
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

void bif_init(void)
{
    size_t n = (size_t)(__stop_girder_bifs - __start_girder_bifs);
    cap = 1;
    while (cap < n * 2 + 16)
        cap <<= 1;
    slots = calloc(cap, sizeof *slots);
    for (const BifDef *d = __start_girder_bifs; d < __stop_girder_bifs; d++) {
        Term m = atom_from_cstr(d->module), f = atom_from_cstr(d->name);
        size_t i = slot_of(m, f, d->arity);
        while (slots[i].def) {
            if (slots[i].m == m && slots[i].f == f && slots[i].a == d->arity) {
                fprintf(stderr, "girder: BIF %s:%s/%u defined twice\n", d->module, d->name, d->arity);
                abort();
            }
            i = (i + 1) & (cap - 1);
        }
        slots[i] = (Slot){ m, f, d->arity, d };
    }
}

const BifDef *bif_lookup(Term m, Term f, uint32_t a)
{
    for (size_t i = slot_of(m, f, a); slots[i].def; i = (i + 1) & (cap - 1))
        if (slots[i].m == m && slots[i].f == f && slots[i].a == a)
            return slots[i].def;
    return NULL;
}

Term bif_tuple2(Process *p, Term a, Term b)
{
    Term *hp = proc_alloc(p, 3);
    hp[0] = make_arityval(2); hp[1] = a; hp[2] = b;
    return make_tuple(hp);
}

Term bif_tuple3(Process *p, Term a, Term b, Term c)
{
    Term *hp = proc_alloc(p, 4);
    hp[0] = make_arityval(3); hp[1] = a; hp[2] = b; hp[3] = c;
    return make_tuple(hp);
}

Term bif_error2(Process *p, Term tag, Term value)
{
    return bif_error(p, bif_tuple2(p, tag, value));
}

Term bif_charlist(Process *p, const char *s)
{
    size_t n = strlen(s);
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, make_small((uint8_t)s[i]), l);
    return l;
}

char *bif_cstring(Term t)
{
    if (is_bitstring(t)) {
        size_t n;
        uint8_t *tmp = NULL;
        const uint8_t *b = bin_bytes(t, &n, &tmp);
        if (!b) return NULL;
        char *s = malloc(n + 1);
        memcpy(s, b, n);
        s[n] = 0;
        free(tmp);
        return s;
    }
    size_t n = 0, cap = 64;
    char *s = malloc(cap);
    for (; is_list(t); t = CDR(list_val(t))) {
        Term c = CAR(list_val(t));
        if (!is_small(c) || small_val(c) < 1 || small_val(c) > 255) { free(s); return NULL; }
        if (n + 2 > cap) s = realloc(s, cap *= 2);
        s[n++] = (char)small_val(c);
    }
    if (!is_nil(t)) { free(s); return NULL; }
    s[n] = 0;
    return s;
}

