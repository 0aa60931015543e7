/* erts_debug.c — the erts_debug BIFs programs and OTP's tests use to look
 * at term sharing and size (same/2, flat_size/1, size_shared/1), and the
 * part of get/set_internal_state that girder shares with ERTS. */
#include "bif.h"
#include "../term/atom.h"
#include "../proc/copy.h"
#include "../proc/sched.h"
#include <stdatomic.h>
#include <time.h>

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

/* ---- erts_debug:get_internal_state/1 and set_internal_state/2 ----
 * ERTS's test-only window into the emulator, closed until
 * set_internal_state(available_internal_state, true) opens it (before
 * that both raise undef, as in ERTS). girder answers the items whose
 * meaning it shares with ERTS; the others (ERTS's own structures: block,
 * proc_sig_block, next_pid, ...) raise badarg, as ERTS does for an item it
 * does not know. */
static _Atomic bool internal_state_open;

/* erts_process_status's names for girder's states */
static Term process_status(Term pid)
{
    Process *q = sched_lookup(pid);
    if (!q)
        return AM(undefined);
    switch (atomic_load(&q->state)) {
    case PS_RUNNABLE: return atom_from_cstr("runnable");
    case PS_RUNNING: return atom_from_cstr("running");
    case PS_WAITING: return atom_from_cstr("waiting");
    default: return AM(undefined);
    }
}

static Term bif_get_internal_state(Process *p, Term *a)
{
    if (!atomic_load(&internal_state_open))
        return bif_error(p, AM(undef));
    Term item = a[0];
    if (item == atom_from_cstr("available_internal_state"))
        return AM(true);
    if (item == atom_from_cstr("reds_left"))
        return make_small(p->fcalls > 0 ? p->fcalls : 0);
    if (is_tuple(item) && tuple_arity(item) == 2 &&
        tuple_elem(item, 1) == atom_from_cstr("process_status") &&
        is_internal_pid(tuple_elem(item, 2)))
        return process_status(tuple_elem(item, 2));
    BIF_BADARG(p);
}
BIF_DEF("erts_debug", "get_internal_state", 1, bif_get_internal_state)

static Term bif_set_internal_state(Process *p, Term *a)
{
    Term item = a[0], v = a[1];
    if (item == atom_from_cstr("available_internal_state") &&
        (v == AM(true) || v == AM(false)))
        return atomic_exchange(&internal_state_open, v == AM(true)) ? AM(true) : AM(false);
    if (!atomic_load(&internal_state_open))
        return bif_error(p, AM(undef));
    if (item == atom_from_cstr("reds_left") && is_small(v)) {
        /* the rest of this time slice, as ERTS's CONTEXT_REDS bounds it */
        if (small_val(v) >= 0 && small_val(v) <= sched_slice_reds)
            p->fcalls = (int32_t)small_val(v);
        return AM(true);
    }
    if (item == atom_from_cstr("sleep") && is_small(v)) {
        /* blocks this scheduler thread, as in ERTS */
        if (small_val(v) > 0) {
            struct timespec ts = { small_val(v) / 1000, (small_val(v) % 1000) * 1000000 };
            while (nanosleep(&ts, &ts) != 0)
                ;
        }
        return AM(true);
    }
    if (item == atom_from_cstr("wait") &&
        (v == atom_from_cstr("deallocations") || v == atom_from_cstr("timer_cancellations") ||
         v == atom_from_cstr("aux_work") || v == atom_from_cstr("thread_progress")))
        return AM(ok);        /* girder frees and cancels at once: nothing to wait for */
    BIF_BADARG(p);
}
BIF_DEF("erts_debug", "set_internal_state", 2, bif_set_internal_state)
