/* erts_debug.c — the erts_debug BIFs programs and OTP's tests use to look
 * at term sharing and size (same/2, flat_size/1, size_shared/1), and the
 * part of get/set_internal_state that girder shares with ERTS. */
#include "bif.h"
#include "../term/atom.h"
#include "../proc/copy.h"
#include "../proc/sched.h"
#include "../term/ref.h"
#include "../proc/layout.h"
#include <stdlib.h>
#include "../term/hash.h"
#include "../term/map.h"
#include "persistent_term.h"
#include <stdatomic.h>
#include <string.h>
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

/* size_shared(T): words T takes with sharing kept, leaving out constant
 * data (literals, persistent terms): what is not on the caller's heap. */
typedef struct { const Term **slots; size_t cap, n; } PtrSet;

static bool ptrset_add(PtrSet *s, const Term *ptr)
{
    if (2 * (s->n + 1) > s->cap) {
        PtrSet bigger = { calloc(s->cap ? 2 * s->cap : 64, sizeof(Term *)), s->cap ? 2 * s->cap : 64, 0 };
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i])
                ptrset_add(&bigger, s->slots[i]);
        free(s->slots);
        *s = bigger;
    }
    size_t i = ((UWord)ptr >> 3) * 0x9E3779B97F4A7C15ull % s->cap;
    for (; s->slots[i]; i = (i + 1) % s->cap)
        if (s->slots[i] == ptr)
            return false;
    s->slots[i] = ptr;
    s->n++;
    return true;
}

static Term bif_size_shared(Process *p, Term *a)
{
    PtrSet seen = { 0 };
    Term *stack = malloc(64 * sizeof(Term));
    size_t n = 0, cap = 64, words = 0;
    stack[n++] = a[0];
    while (n) {
        Term t = stack[--n];
        if (is_immed(t))
            continue;
        const Term *ptr = is_list(t) ? list_val(t) : boxed_val(t);
        if (!proc_owns(p, ptr) || !ptrset_add(&seen, ptr))
            continue;
        size_t first = 0, count = 2;
        if (is_list(t)) {
            words += 2;
        } else {
            words += 1 + header_arity(ptr[0]);
            layout_terms(ptr[0], &first, &count);
        }
        if (n + count > cap) {
            cap = 2 * (n + count);
            stack = realloc(stack, cap * sizeof(Term));
        }
        for (size_t i = 0; i < count; i++)
            stack[n++] = ptr[first + i];
    }
    free(stack);
    free(seen.slots);
    return make_small(words);
}
BIF_DEF("erts_debug", "size_shared", 1, bif_size_shared)

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

/* {link_list, Pid} and {monitor_list, Pid}: ERTS's records
 *   {erl_link, process, Other, linked, Id}
 *   {erl_monitor, process, origin | target, Ref, Other, Name | []}
 * built from q's own list (Id: the node's address). A monitor of oneself
 * is left out, as ERTS keeps none. undefined for a dead process. */
static Term link_item(Process *p, Process *q, const LinkNode *n, bool links)
{
    if (links) {
        if (n->kind != LK_LINK)
            return THE_NON_VALUE;
        Term *hp = proc_alloc(p, 6);
        hp[0] = make_arityval(5);
        hp[1] = atom_from_cstr("erl_link");
        hp[2] = AM(process);
        hp[3] = n->other;
        hp[4] = atom_from_cstr("linked");
        hp[5] = make_small((UWord)n);
        return make_tuple(hp);
    }
    if ((n->kind != LK_MONITOR && n->kind != LK_MONITORED_BY) || n->other == q->id)
        return THE_NON_VALUE;
    Term *hp = proc_alloc(p, 7 + REF_WORDS);
    memcpy(hp + 7, n->refw, REF_WORDS * sizeof(Term));
    hp[0] = make_arityval(6);
    hp[1] = atom_from_cstr("erl_monitor");
    hp[2] = AM(process);
    hp[3] = atom_from_cstr(n->kind == LK_MONITOR ? "origin" : "target");
    hp[4] = make_boxed(hp + 7);
    hp[5] = n->other;
    hp[6] = n->name != NIL ? n->name : NIL;
    return make_tuple(hp);
}

static Term link_list(Process *p, Term pid, bool links)
{
    Process *q = sched_lookup(pid);
    if (!q)
        return AM(undefined);
    Term list = NIL;
    proc_lock(&q->plock);
    if (q->id == pid)
        for (const LinkNode *n = q->links; n; n = n->next) {
            Term t = link_item(p, q, n, links);
            if (!is_non_value(t)) {
                Term *hp = proc_alloc(p, 2);
                list = make_cons_at(hp, t, list);
            }
        }
    proc_unlock(&q->plock);
    return list;
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
    if (item == atom_from_cstr("persistent_term")) {
        Term k = atom_from_cstr("table"), v = make_small(pt_buckets());
        return map_new_from_kvs(p, &k, &v, 1);
    }
    if (is_tuple(item) && tuple_arity(item) == 2 &&
        tuple_elem(item, 1) == atom_from_cstr("internal_hash"))
        return make_small(hash_internal(tuple_elem(item, 2), 0));   /* the maps' hash */
    if (is_tuple(item) && tuple_arity(item) == 2 &&
        tuple_elem(item, 1) == atom_from_cstr("process_status") &&
        is_internal_pid(tuple_elem(item, 2)))
        return process_status(tuple_elem(item, 2));
    if (is_tuple(item) && tuple_arity(item) == 2 && is_internal_pid(tuple_elem(item, 2))) {
        if (tuple_elem(item, 1) == atom_from_cstr("link_list"))
            return link_list(p, tuple_elem(item, 2), true);
        if (tuple_elem(item, 1) == atom_from_cstr("monitor_list"))
            return link_list(p, tuple_elem(item, 2), false);
    }
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
