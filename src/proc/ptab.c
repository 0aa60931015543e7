/* ptab.c — the process table (ptab.h). Slots are claimed under one mutex
 * (spawning is rare next to lookups); lookups read the slot without a lock
 * and re-check the pid. */
#include "ptab.h"
#include "sched.h"
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>

#define DEFAULT_MAX_PROCS 262144   /* as ERTS's +P default */

static Process *_Atomic *slots;
static size_t cap;                 /* a power of two >= limit */
static size_t limit;
static _Atomic size_t live;
static UWord next_number;          /* guarded by lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void ptab_init(size_t max_procs)
{
    limit = max_procs ? max_procs : DEFAULT_MAX_PROCS;
    cap = 1;
    while (cap < limit)
        cap <<= 1;
    slots = calloc(cap, sizeof *slots);
    if (!slots) {
        fprintf(stderr, "girder: cannot allocate a process table of %zu entries\n", cap);
        exit(1);
    }
}

static bool slot_free(Process *q)
{
    if (!q)
        return true;
    uint32_t st = atomic_load(&q->state);
    return st == PS_FREE;
}

Process *ptab_new(size_t heap_words)
{
    pthread_mutex_lock(&lock);
    if (atomic_load(&live) >= limit) {
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    size_t slot;
    Process *q;
    for (;;) {
        next_number++;
        slot = next_number & (cap - 1);
        q = atomic_load_explicit(&slots[slot], memory_order_acquire);
        if (slot_free(q))
            break;
    }
    if (q) {
        proc_lock(&q->plock);      /* wait out a stale holder */
        proc_reinit(q, heap_words);
        proc_unlock(&q->plock);
    } else {
        q = proc_alloc_bare(heap_words);
    }
    __atomic_store_n(&q->id, make_internal_pid(next_number), __ATOMIC_RELEASE);
    atomic_store(&q->state, PS_EMBRYO);
    atomic_store_explicit(&slots[slot], q, memory_order_release);
    atomic_fetch_add(&live, 1);
    pthread_mutex_unlock(&lock);
    return q;
}

Process *ptab_lookup(Term pid)
{
    if (!is_internal_pid(pid))
        return NULL;
    Process *q = atomic_load_explicit(&slots[internal_pid_index(pid) & (cap - 1)], memory_order_acquire);
    if (!q || __atomic_load_n(&q->id, __ATOMIC_ACQUIRE) != pid)
        return NULL;
    return proc_alive(q) ? q : NULL;
}

void ptab_release(Process *p)
{
    atomic_fetch_sub(&live, 1);
    atomic_store(&p->state, PS_FREE);
}

size_t ptab_live(void) { return atomic_load(&live); }
size_t ptab_limit(void) { return limit; }

Term ptab_pids(Process *p)
{
    Term list = NIL;
    for (size_t i = cap; i-- > 0;) {
        Process *q = atomic_load_explicit(&slots[i], memory_order_acquire);
        if (!q)
            continue;
        if (!proc_alive(q))
            continue;
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, __atomic_load_n(&q->id, __ATOMIC_ACQUIRE), list);
    }
    return list;
}

void ptab_foreach(void (*fn)(Process *q))
{
    for (size_t i = 0; i < cap; i++) {
        Process *q = atomic_load_explicit(&slots[i], memory_order_acquire);
        if (q)
            fn(q);
    }
}

