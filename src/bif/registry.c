/* registry.c — finds BIFs by {Module, Function, Arity}.
 * The BIF_DEF entries of every file sit in the linker section "girder_bifs";
 * at start-up they are indexed in a hash table keyed on the MFA atoms. */
#include "bif.h"
#include <stdlib.h>
#include <stdio.h>

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
