/* erts_debug.c — the erts_debug BIFs programs and OTP's tests use to look
 * at term sharing and size: same/2, flat_size/1, size_shared/1. */
#include "bif.h"
#include "../term/atom.h"
#include "../proc/copy.h"

/* same(A, B): the two terms are the very same object (or equal
 * immediates). */
static Term bif_same(Process *p, Term *a)
{
    (void)p;
    return a[0] == a[1] ? AM(true) : AM(false);
}
BIF_DEF("erts_debug", "same", 2, bif_same)

/* flat_size(T): words T would take if copied (sharing not preserved). */
static Term bif_flat_size(Process *p, Term *a)
{
    (void)p;
    return make_small(copy_size(a[0]));
}
BIF_DEF("erts_debug", "flat_size", 1, bif_flat_size)
