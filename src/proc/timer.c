/* timer.c — message timers (timer.h). Entries own a heap fragment holding
 * the message; firing hands that fragment to the receiver's queue, so no
 * copy is made at expiry. One heap for the VM under a mutex; any idle
 * scheduler fires what is due (docs/scheduler.md says why not a wheel
 * per scheduler yet). */
#include "timer.h"
#include "sched.h"
#include "message.h"
#include "copy.h"
#include "../term/ref.h"
#include "../term/atom.h"
#include "../term/binary.h"
#include "../bif/bif.h"
#include <stdlib.h>
#include <pthread.h>

typedef struct Timer {
    int64_t deadline;
    Term ref[REF_WORDS];
    Term dest;                 /* pid or atom */
    Term msg;
    HeapFrag *frag;
    OffHeapHeader *off_heap;
    struct Timer *next_due;    /* while being fired */
} Timer;

/* the heap and n, cap are guarded by `lock`; `earliest` mirrors the top's
 * deadline for schedulers that look without the lock */
static Timer **heap;
static size_t n, cap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int64_t earliest = -1;

static void note_earliest(void) { atomic_store(&earliest, n ? heap[0]->deadline : -1); }

static void swap(size_t a, size_t b) { Timer *t = heap[a]; heap[a] = heap[b]; heap[b] = t; }

static void up(size_t i)
{
    while (i > 0 && heap[(i - 1) / 2]->deadline > heap[i]->deadline) {
        swap(i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void down(size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && heap[l]->deadline < heap[m]->deadline) m = l;
        if (r < n && heap[r]->deadline < heap[m]->deadline) m = r;
        if (m == i) return;
        swap(i, m);
        i = m;
    }
}

static Timer *remove_at(size_t i)
{
    Timer *t = heap[i];
    heap[i] = heap[--n];
    if (i < n) {
        up(i);
        down(i);
    }
    return t;
}

static void free_timer(Timer *t)
{
    bin_offheap_release_list(t->off_heap);
    free(t->frag);
    free(t);
}

Term tmr_start(Process *p, int64_t ms, Term dest, Term msg, bool timeout_tuple)
{
    Term ref = ref_make(p);
    Timer *t = calloc(1, sizeof *t);
    t->deadline = msg_now_ns() + ms * 1000000;
    memcpy(t->ref, boxed_val(ref), sizeof t->ref);
    t->dest = dest;
    Term m = timeout_tuple ? bif_tuple3(p, AM(timeout), ref, msg) : msg;
    t->msg = copy_to_frag(m, &t->frag, &t->off_heap);
    pthread_mutex_lock(&lock);
    if (n == cap) {
        cap = cap ? cap * 2 : 64;
        heap = realloc(heap, cap * sizeof(Timer *));
    }
    heap[n] = t;
    up(n++);
    note_earliest();
    pthread_mutex_unlock(&lock);
    return ref;
}

static long find(Term ref)
{
    if (!is_internal_ref(ref))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (memcmp(heap[i]->ref, boxed_val(ref), sizeof heap[i]->ref) == 0)
            return (long)i;
    return -1;
}

static int64_t left_ms(const Timer *t)
{
    int64_t left = t->deadline - msg_now_ns();
    return left <= 0 ? 0 : (left + 999999) / 1000000;
}

int64_t tmr_cancel(Term ref)
{
    pthread_mutex_lock(&lock);
    long i = find(ref);
    Timer *t = i < 0 ? NULL : remove_at((size_t)i);
    note_earliest();
    pthread_mutex_unlock(&lock);
    if (!t)
        return -1;
    int64_t left = left_ms(t);
    free_timer(t);
    return left;
}

int64_t tmr_read(Term ref)
{
    pthread_mutex_lock(&lock);
    long i = find(ref);
    int64_t left = i < 0 ? -1 : left_ms(heap[i]);
    pthread_mutex_unlock(&lock);
    return left;
}

int64_t tmr_next_deadline(void)
{
    return atomic_load(&earliest);
}

void tmr_fire_expired(int64_t now)
{
    int64_t e = atomic_load(&earliest);
    if (e < 0 || e > now || pthread_mutex_trylock(&lock) != 0)
        return;               /* nothing due, or another scheduler is at it */
    Timer *due = NULL;
    while (n && heap[0]->deadline <= now) {
        Timer *t = remove_at(0);
        t->next_due = due;
        due = t;
    }
    note_earliest();
    pthread_mutex_unlock(&lock);
    /* deliver in deadline order (the list is newest first: reverse it) */
    Timer *ordered = NULL;
    while (due) {
        Timer *t = due;
        due = t->next_due;
        t->next_due = ordered;
        ordered = t;
    }
    while (ordered) {
        Timer *t = ordered;
        ordered = t->next_due;
        Process *q = is_atom(t->dest) ? sched_whereis(t->dest) : sched_lookup(t->dest);
        if (q) {
            msg_enqueue(q, is_atom(t->dest) ? __atomic_load_n(&q->id, __ATOMIC_ACQUIRE) : t->dest,
                        SIG_MSG, NIL, t->msg, t->frag, t->off_heap);
            t->frag = NULL;
            t->off_heap = NULL;
        }
        free_timer(t);
    }
}

