/* message.c — message delivery and the receive primitives (message.h).
 * A sender copies the message into a fresh heap fragment and appends it to
 * the receiver's incoming queue under the receiver's plock, waking it if
 * it waits; the receiver moves incoming messages to its own queue (acting
 * on signals on the way, signal.h) when it looks for one. The save pointer (msg_save) marks
 * where the current receive continues scanning. */
#include "message.h"
#include "sched.h"
#include "signal.h"
#include "alias.h"
#include "copy.h"
#include "../term/atom.h"
#include "../term/ref.h"
#include "../bif/bif.h"
#include "../term/binary.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Receive markers: where the queue ended when a reference was made, so a
 * receive matching on it skips the older messages. pos is the link slot
 * after the last older message, kept valid by msg_remove. As in ERTS, at
 * most NMARKERS are live; a free slot is taken first, else the oldest is
 * reused (a receive whose marker was reused just scans from the start). */
#define NMARKERS 8
struct RecvMarkers {
    struct {
        Message **pos;
        Term ref[REF_WORDS];  /* the bound reference's words */
        uint8_t state;        /* 0 free, 1 reserved, 2 bound */
    } m[NMARKERS];
    uint8_t next;             /* the slot to reuse when none is free */
};

int64_t msg_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void msg_free_one(Message *m)
{
    bin_offheap_release_list(m->off_heap);
    free(m->frag);
    free(m);
}

void msg_adopt(Process *p, Message *m)
{
    if (m->frag) {
        m->frag->next = p->frags;
        p->frags = m->frag;
        p->frag_words += m->frag->used;
        proc_mem_add((int64_t)m->frag->used);
        m->frag = NULL;
    }
    while (m->off_heap) {
        OffHeapHeader *oh = m->off_heap;
        m->off_heap = oh->next;
        oh->next = p->off_heap;
        p->off_heap = oh;
        proc_vheap_add(p, (size_t)oh->size);
    }
}

static bool accepts(Process *q, Term pid)
{
    return proc_alive(q) && q->id == pid;
}

bool msg_enqueue(Process *q, Term pid, uint8_t kind, Term from, Term term,
                 HeapFrag *frag, OffHeapHeader *off_heap)
{
    Message *m = malloc(sizeof *m);
    m->next = NULL;
    m->term = term;
    m->frag = frag;
    m->off_heap = off_heap;
    m->from = from;
    m->kind = kind;
    proc_lock(&q->plock);
    bool ok = accepts(q, pid);
    bool wake = false;
    if (ok) {
        /* atomic: the owner peeks at mq_in_first without the lock */
        __atomic_store_n(q->mq_in_last, m, __ATOMIC_RELEASE);
        q->mq_in_last = &m->next;
        wake = sched_wake_locked(q);
    }
    proc_unlock(&q->plock);
    if (!ok)
        msg_free_one(m);      /* the receiver died: dropped, as in ERTS */
    else if (wake)
        sched_enqueue(q);
    return ok;
}


void msg_deliver(Process *q, Term msg)
{
    msg_send_to(q, __atomic_load_n(&q->id, __ATOMIC_ACQUIRE), msg);
}

size_t msg_send_to(Process *q, Term pid, Term msg)
{
    HeapFrag *frag;
    OffHeapHeader *oh = NULL;
    Term t = copy_to_frag(msg, &frag, &oh);
    size_t words = frag ? frag->used : 0;
    msg_enqueue(q, pid, SIG_MSG, NIL, t, frag, oh);
    return words;
}

/* ERTS charges a sender one reduction per 64 words it copies. */
#define MSG_COPY_WORDS_PER_REDUCTION 64

bool msg_prepare_wait(Process *p)
{
    proc_lock(&p->plock);
    bool empty = p->mq_in_first == NULL;
    if (empty) {
        p->wait_seq++;
        atomic_store(&p->state, PS_WAITING);
    }
    proc_unlock(&p->plock);
    return empty;
}

uint32_t msg_queue_len(Process *q)
{
    uint32_t n = q->msg_len;
    proc_lock(&q->plock);
    for (Message *m = q->mq_in_first; m; m = m->next)
        n += m->kind == SIG_MSG;
    proc_unlock(&q->plock);
    return n;
}

Term msg_send(Process *p, Term to, Term msg)
{
    Process *q = NULL;
    Term pid = to;
    if (is_internal_pid(to)) {
        q = sched_lookup(to);
    } else if (is_atom(to)) {
        q = sched_whereis(to);
        if (!q)
            return bif_error(p, AM(badarg));
    } else if (is_tuple(to) && tuple_arity(to) == 2 && is_atom(tuple_elem(to, 1))) {
        /* {Name, Node}: only the local node exists */
        q = sched_whereis(tuple_elem(to, 1));
        if (!q)
            return msg;
    } else if (is_internal_ref(to)) {
        /* an alias: delivered while active, else dropped */
        bool once;
        pid = alias_target(boxed_val(to), &once);
        q = pid != NIL ? sched_lookup(pid) : NULL;
        if (q) {
            p->fcalls -= (int32_t)(msg_send_to(q, pid, msg) / MSG_COPY_WORDS_PER_REDUCTION);
            if (once)          /* reply_demonitor: the monitor goes too */
                sig_send(q, pid, SIG_DEMONITOR, p->id, to);
        }
        p->fcalls -= 1;
        return msg;
    } else if (is_external_pid(to) || is_external_ref(to)) {
        return msg;            /* no distribution: dropped, as to a dead node */
    } else {
        return bif_error(p, AM(badarg));
    }
    if (q) {
        if (!is_internal_pid(pid))
            pid = __atomic_load_n(&q->id, __ATOMIC_ACQUIRE);
        p->fcalls -= (int32_t)(msg_send_to(q, pid, msg) / MSG_COPY_WORDS_PER_REDUCTION);
    }
    p->fcalls -= 1;
    return msg;
}

bool msg_fetch_incoming(Process *p)
{
    if (!__atomic_load_n(&p->mq_in_first, __ATOMIC_ACQUIRE) || p->pending_exit != NIL)
        return false;
    proc_lock(&p->plock);
    Message *first = p->mq_in_first;
    __atomic_store_n(&p->mq_in_first, NULL, __ATOMIC_RELAXED);
    p->mq_in_last = &p->mq_in_first;
    proc_unlock(&p->plock);
    bool any = false;
    while (first) {
        Message *m = first;
        first = m->next;
        m->next = NULL;
        if (sig_handle(p, m)) {
            *p->msg_last = m;
            p->msg_last = &m->next;
            p->msg_len++;
            any = true;
        }
        if (p->pending_exit != NIL && first) {
            /* dying: what came after the fatal signal stays unseen */
            Message **last = &first;
            while (*last)
                last = &(*last)->next;
            proc_lock(&p->plock);
            *last = p->mq_in_first;
            if (!p->mq_in_first)
                p->mq_in_last = last;
            __atomic_store_n(&p->mq_in_first, first, __ATOMIC_RELEASE);
            proc_unlock(&p->plock);
            break;
        }
    }
    return any;
}

Message *msg_peek(Process *p)
{
    if (!*p->msg_save)
        msg_fetch_incoming(p);
    return *p->msg_save;
}

void msg_skip(Process *p)
{
    p->msg_save = &(*p->msg_save)->next;
}

void msg_remove(Process *p)
{
    Message *m = *p->msg_save;
    /* a marker after m now follows m's predecessor */
    if (p->markers)
        for (unsigned i = 0; i < NMARKERS; i++)
            if (p->markers->m[i].state && p->markers->m[i].pos == &m->next)
                p->markers->m[i].pos = p->msg_save;
    *p->msg_save = m->next;
    if (p->msg_last == &m->next)
        p->msg_last = p->msg_save;
    p->msg_len--;
    msg_adopt(p, m);
    free(m);
    p->msg_save = &p->msg_first;
    p->timeout_at = -1;
}

void msg_timeout(Process *p)
{
    p->msg_save = &p->msg_first;
    p->timeout_at = -1;
}

int msg_set_timeout(Process *p, Term t)
{
    if (p->timeout_at >= 0)
        return msg_now_ns() >= p->timeout_at ? 0 : 1;
    if (t == AM(infinity))
        return 1;
    /* as ERTS: 0..2^32-1 milliseconds */
    if (!is_small(t) || small_val(t) < 0 || small_val(t) > 0xFFFFFFFFL)
        return -1;
    int64_t ms = small_val(t);
    if (ms == 0)
        return 0;
    p->timeout_at = msg_now_ns() + ms * 1000000;
    return 1;
}

/* Receive markers: `make_ref()` followed by a receive that matches on the
 * ref. Every message queued before the ref existed cannot contain it, so
 * the receive may start after them. A marker that was overwritten or never
 * bound just leaves the scan at the first message: the same result,
 * slower. */

Term msg_marker_reserve(Process *p)
{
    msg_fetch_incoming(p);
    struct RecvMarkers *rm = p->markers;
    if (!rm) {
        rm = p->markers = calloc(1, sizeof *rm);
        if (!rm) {
            fprintf(stderr, "girder: out of memory\n");
            abort();
        }
    }
    unsigned i = 0;
    while (i < NMARKERS && rm->m[i].state)
        i++;
    if (i == NMARKERS)
        i = rm->next++ % NMARKERS;
    rm->m[i].pos = p->msg_last;
    rm->m[i].state = 1;
    return make_small(i);
}

static int find_marker(Process *p, Term ref)
{
    if (!p->markers || !is_internal_ref(ref))
        return -1;
    for (unsigned i = 0; i < NMARKERS; i++)
        if (p->markers->m[i].state == 2 &&
            memcmp(p->markers->m[i].ref, boxed_val(ref), sizeof p->markers->m[i].ref) == 0)
            return (int)i;
    return -1;
}

void msg_marker_bind(Process *p, Term marker, Term ref)
{
    if (!p->markers || !is_small(marker) || (UWord)small_val(marker) >= NMARKERS ||
        !is_internal_ref(ref))
        return;
    unsigned i = (unsigned)small_val(marker);
    if (p->markers->m[i].state != 1)
        return;
    memcpy(p->markers->m[i].ref, boxed_val(ref), sizeof p->markers->m[i].ref);
    p->markers->m[i].state = 2;
}

void msg_marker_clear(Process *p, Term ref)
{
    int i = find_marker(p, ref);
    if (i >= 0)
        p->markers->m[i].state = 0;
}

void msg_marker_use(Process *p, Term ref)
{
    int i = find_marker(p, ref);
    if (i >= 0)
        p->msg_save = p->markers->m[i].pos;
}

static void free_list(Message *m)
{
    while (m) {
        Message *n = m->next;
        msg_free_one(m);
        m = n;
    }
}

void msg_free_all(Process *p)
{
    free(p->markers);
    p->markers = NULL;
    free_list(p->msg_first);
    p->msg_first = NULL;
    p->msg_last = p->msg_save = &p->msg_first;
    proc_lock(&p->plock);
    Message *in = p->mq_in_first;
    __atomic_store_n(&p->mq_in_first, NULL, __ATOMIC_RELAXED);
    p->mq_in_last = &p->mq_in_first;
    proc_unlock(&p->plock);
    free_list(in);
}
