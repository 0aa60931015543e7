/* ref.c — making unique local references (ref.h). One global counter;
 * erl's refs are unique per node, which is what we keep. */
#include "ref.h"
#include "../proc/process.h"
#include <stdatomic.h>

static _Atomic uint64_t ref_counter = 1;

Term ref_make(Process *p)
{
    uint64_t n = atomic_fetch_add(&ref_counter, 1);
    Term *hp = proc_alloc(p, REF_WORDS);
    hp[0] = REF_HEADER;
    hp[1] = n & 0x3FFFF;                  /* ERTS: first number is 18 bits */
    hp[1] |= (n >> 18) << 32;
    hp[2] = (Term)(n >> 50);
    return make_boxed(hp);
}
