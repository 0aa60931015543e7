/* erlang_procinfo.c — process_info/1,2: what a process can learn about
 * itself and others. Sizes are in words as ERTS reports them (heap_size
 * counts the heap+stack block, as ERTS's young generation includes the
 * stack). Reading another process is safe while girder schedules on one
 * thread; the SMP scheduler (issue 3) will make it a signal. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/map.h"
#include "../term/binary.h"
#include "../emu/emu_support.h"
#include "../proc/sched.h"
#include "../proc/message.h"
#include "proc_opts.h"
#include "../proc/copy.h"
#include "../proc/message.h"
#include <stdlib.h>

static Term list_prepend(Process *p, Term head, Term tail)
{
    Term *hp = proc_alloc(p, 2);
    return make_cons_at(hp, head, tail);
}

static Term mfa_tuple(Process *p, const BeamInstr *pc)
{
    Term m, f;
    uint32_t a;
    if (!pc || !emu_mfa_of(pc, &m, &f, &a))
        return AM(undefined);
    return bif_tuple3(p, m, f, make_small(a));
}

/* Copy a term of q into p's heap (no-op for p == q). */
static Term copy_from(Process *p, Process *q, Term t)
{
    if (p == q || is_immed(t))
        return t;
    size_t n = copy_size(t);
    Term *hp = proc_alloc(p, n);
    OffHeapHeader *oh = p->off_heap;
    Term r = copy_term(t, hp, &oh);
    p->off_heap = oh;
    return r;
}

static size_t heap_words(const Process *q) { return (size_t)(q->hend - q->heap); }

static Term gc_info(Process *p, Process *q)
{
    Term items[5][2] = {
        { atom_from_cstr("max_heap_size"), proc_max_heap_term(p, q->max_heap_size, q->max_heap_flags) },
        { atom_from_cstr("min_bin_vheap_size"), make_small(q->min_bin_vheap) },
        { atom_from_cstr("min_heap_size"), make_small(q->min_heap_size) },
        { atom_from_cstr("fullsweep_after"), make_small(q->fullsweep_after) },
        { atom_from_cstr("minor_gcs"), make_small(q->gc_count) },
    };
    Term list = NIL;
    for (int i = 4; i >= 0; i--)
        list = list_prepend(p, bif_tuple2(p, items[i][0], items[i][1]), list);
    return list;
}

static Term links_of(Process *p, Process *q, uint8_t kind)
{
    Term list = NIL;
    proc_lock(&q->plock);
    for (LinkNode *n = q->links; n; n = n->next) {
        if (n->kind != kind || (kind == LK_MONITORED_BY && n->other == q->id && q != p))
            continue;
        Term who = n->name != NIL ? bif_tuple2(p, n->name, AM(nonode_at_nohost)) : n->other;
        Term v = kind == LK_MONITOR ? bif_tuple2(p, AM(process), who) : who;
        list = list_prepend(p, v, list);
    }
    proc_unlock(&q->plock);
    return list;
}

static Term messages_of(Process *p, Process *q, bool count_only)
{
    if (count_only)
        return make_small(msg_queue_len(q));
    /* the caller holds q's main lock: it may act as q and take in what
     * arrived (signals included) */
    msg_fetch_incoming(q);
    uint32_t n = 0;
    Term list = NIL, *items;
    for (Message *m = q->msg_first; m; m = m->next) n++;
    items = malloc((n + 1) * sizeof(Term));
    uint32_t i = 0;
    for (Message *m = q->msg_first; m; m = m->next) items[i++] = m->term;
    for (uint32_t k = n; k-- > 0;) {
        Term t = items[k];
        if (!is_immed(t)) {
            size_t w = copy_size(t);
            Term *hp = proc_alloc(p, w);
            OffHeapHeader *oh = p->off_heap;
            t = copy_term(t, hp, &oh);
            p->off_heap = oh;
        }
        list = list_prepend(p, t, list);
    }
    free(items);
    return list;
}

static Term status_of(Process *p, Process *q)
{
    if (p == q) return AM(running);
    switch (atomic_load(&q->state)) {
    case PS_RUNNABLE: return AM(runnable);
    case PS_RUNNING: return AM(running);
    case PS_WAITING: return AM(waiting);
    case PS_GC: return atom_from_cstr("garbage_collecting");
    default: return AM(exiting);
    }
}

/* [{BinaryId, Size, RefCount}] for each refc binary handle q's heap holds,
 * young and old (the id is the Binary's address, as in ERTS). */
static Term binaries_of(Process *p, Process *q)
{
    Term list = NIL;
    OffHeapHeader *lists[2] = { q->off_heap, q->old_off_heap };
    for (int k = 0; k < 2; k++)
        for (OffHeapHeader *oh = lists[k]; oh; oh = oh->next) {
            Term *hp = (Term *)oh;
            if (header_subtag(oh->header) != SUB_REFC_BIN || !hp[REFC_VAL])
                continue;
            Binary *b = (Binary *)hp[REFC_VAL];
            Term t = bif_tuple3(p, make_small((UWord)b), make_small(b->size),
                                make_small(bin_refcount(b)));
            list = list_prepend(p, t, list);
        }
    return list;
}

/* The value of one item, or THE_NON_VALUE for an unknown item. */
static Term item_value(Process *p, Process *q, Term item)
{
    const char *name = is_atom(item) ? atom_text(item) : "";
    if (!strcmp(name, "registered_name"))
        return q->registered_name != NIL ? q->registered_name : NIL;
    if (!strcmp(name, "current_function"))
        return q->i == emu_hibernate_code ? bif_tuple3(p, AM(erlang), atom_from_cstr("hibernate"), make_small(3))
                                         : mfa_tuple(p, q->i);
    if (!strcmp(name, "current_location")) {
        Term st = emu_current_stacktrace(p, q, 1);
        return is_list(st) ? CAR(list_val(st)) : AM(undefined);
    }
    if (!strcmp(name, "current_stacktrace")) return emu_current_stacktrace(p, q, STACKTRACE_DEPTH);
    if (!strcmp(name, "initial_call"))
        return bif_tuple3(p, q->initial_call[0], q->initial_call[1], q->initial_call[2]);
    if (!strcmp(name, "status")) return status_of(p, q);
    if (!strcmp(name, "message_queue_len")) return messages_of(p, q, true);
    if (!strcmp(name, "messages")) return messages_of(p, q, false);
    if (!strcmp(name, "links")) return links_of(p, q, LK_LINK);
    if (!strcmp(name, "monitors")) return links_of(p, q, LK_MONITOR);
    if (!strcmp(name, "monitored_by")) return links_of(p, q, LK_MONITORED_BY);
    if (!strcmp(name, "dictionary")) return copy_from(p, q, q->dictionary);
    if (!strcmp(name, "trap_exit")) return (q->flags & PF_TRAP_EXIT) ? AM(true) : AM(false);
    if (!strcmp(name, "error_handler")) return AM(error_handler);
    if (!strcmp(name, "priority")) return proc_priority_atom(q->priority);
    if (!strcmp(name, "group_leader")) return q->group_leader;
    if (!strcmp(name, "heap_size")) return make_small(heap_words(q));
    if (!strcmp(name, "total_heap_size"))
        return make_small(heap_words(q) + q->frag_words + (size_t)(q->old_hend - q->old_heap));
    if (!strcmp(name, "stack_size")) return make_small(q->hend - q->stop);
    if (!strcmp(name, "memory"))
        return make_small(sizeof(Process) +
                          (heap_words(q) + q->frag_words + (size_t)(q->old_hend - q->old_heap)) * sizeof(Term));
    if (!strcmp(name, "reductions")) {
        /* one's own count includes the running slice (as ERTS); the
         * budget may be overdrawn (bump_reductions, collections) */
        uint64_t r = q->reductions;
        if (q == p)
            r += (uint64_t)((int64_t)sched_slice_reds - p->fcalls);
        return make_small(r);
    }
    if (!strcmp(name, "garbage_collection")) return gc_info(p, q);
    if (!strcmp(name, "min_heap_size")) return make_small(q->min_heap_size);
    if (!strcmp(name, "min_bin_vheap_size")) return make_small(q->min_bin_vheap);
    if (!strcmp(name, "parent")) return q->parent;
    if (!strcmp(name, "binary")) return binaries_of(p, q);
    if (!strcmp(name, "last_calls")) return AM(false);     /* save_calls is always off */
    if (!strcmp(name, "fullsweep_after")) return make_small(q->fullsweep_after);
    if (!strcmp(name, "max_heap_size")) return proc_max_heap_term(p, q->max_heap_size, q->max_heap_flags);
    if (!strcmp(name, "catchlevel")) return make_small(q->catches);
    if (!strcmp(name, "suspending")) return NIL;
    if (!strcmp(name, "message_queue_data")) return atom_from_cstr(q->mq_off_heap ? "off_heap" : "on_heap");
    if (!strcmp(name, "trace")) return make_small(0);
    if (!strcmp(name, "sequential_trace_token")) return NIL;
    return THE_NON_VALUE;
}

static Term info_pair(Process *p, Process *q, Term item)
{
    Term v = item_value(p, q, item);
    if (is_non_value(v))
        return v;
    return bif_tuple2(p, item, v);
}

/* process_info(Pid, Items) with q inspected (main lock held, or q == p);
 * THE_NON_VALUE for a bad item. */
static Term info_list(Process *p, Process *q, Term items)
{
    size_t n = 0;
    for (Term l = items; is_list(l); l = CDR(list_val(l)))
        n++;
    Term *vals = malloc((n + 1) * sizeof(Term));
    size_t i = 0;
    for (Term l = items; is_list(l); l = CDR(list_val(l))) {
        Term v = info_pair(p, q, CAR(list_val(l)));
        if (is_non_value(v)) { free(vals); return THE_NON_VALUE; }
        vals[i++] = v;
    }
    Term list = NIL;
    while (i-- > 0) list = list_prepend(p, vals[i], list);
    free(vals);
    return list;
}

static Term bif_process_info_2(Process *p, Term *a)
{
    if (!is_internal_pid(a[0])) BIF_BADARG(p);
    if (is_atom(a[1])) {
        Process *q = sched_inspect_begin(p, a[0]);
        if (!q) return AM(undefined);
        Term r = info_pair(p, q, a[1]);
        /* registered_name of an unregistered process is [] */
        if (!is_non_value(r) && a[1] == AM(registered_name) && q->registered_name == NIL) r = NIL;
        sched_inspect_end(p, q);
        if (is_non_value(r)) BIF_BADARG(p);
        return r;
    }
    Term l = a[1];
    for (; is_list(l); l = CDR(list_val(l)))
        if (!is_atom(CAR(list_val(l)))) BIF_BADARG(p);
    if (!is_nil(l)) BIF_BADARG(p);
    Process *q = sched_inspect_begin(p, a[0]);
    if (!q) return AM(undefined);
    Term r = info_list(p, q, a[1]);
    sched_inspect_end(p, q);
    if (is_non_value(r)) BIF_BADARG(p);
    return r;
}
BIF_DEF("erlang", "process_info", 2, bif_process_info_2)

static Term bif_process_info_1(Process *p, Term *a)
{
    static const char *const items[] = { "current_function", "initial_call", "status", "message_queue_len",
        "links", "dictionary", "trap_exit", "error_handler", "priority", "group_leader", "total_heap_size",
        "heap_size", "stack_size", "reductions", "garbage_collection", "suspending", NULL };
    if (!is_internal_pid(a[0])) BIF_BADARG(p);
    Process *q = sched_inspect_begin(p, a[0]);
    if (!q) return AM(undefined);
    size_t n = 0;
    while (items[n]) n++;
    Term list = NIL;
    for (size_t i = n; i-- > 0;)
        list = list_prepend(p, info_pair(p, q, atom_from_cstr(items[i])), list);
    if (q->registered_name != NIL)
        list = list_prepend(p, bif_tuple2(p, AM(registered_name), q->registered_name), list);
    sched_inspect_end(p, q);
    return list;
}
BIF_DEF("erlang", "process_info", 1, bif_process_info_1)
