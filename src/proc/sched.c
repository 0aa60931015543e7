/* sched.c — the schedulers (sched.h): one thread each, a run queue per
 * priority, stealing, sleeping, receive timeouts; spawning and exiting.
 *
 * A process is in at most one run queue, and only while PS_RUNNABLE. The
 * transitions: RUNNABLE -> RUNNING by the scheduler that popped it (it
 * then holds the main lock); RUNNING -> RUNNABLE (slice over, pushed back)
 * or -> WAITING (under plock, only if nothing is in its incoming queue) or
 * -> EXITED; WAITING -> RUNNABLE by whoever queues a message or signal or
 * sees its timeout expire, under plock, and that one enqueues it. So a
 * wake-up is never lost and a process is never queued twice. */
#include "sched.h"
#include "ptab.h"
#include "names.h"
#include "signal.h"
#include "message.h"
#include "timer.h"
#include "copy.h"
#include "gc.h"
#include "../bif/zlib_nif.h"
#include "../bif/system_logger.h"
#include "../emu/emu.h"
#include "../emu/emu_support.h"
#include "../term/atom.h"
#include "../term/binary.h"
#include "../term/print.h"
#include "../bif/bif.h"
#include "../ets/ets.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <pthread.h>

/* A receive timeout: p waits (wait_seq seq) until `at`. */
typedef struct { Process *p; Term pid; uint32_t seq; int64_t at; } Timeout;

typedef struct Scheduler {
    unsigned index;
    pthread_t thread;
    pthread_mutex_t lock;          /* guards head/tail, len's changes, sleeping */
    pthread_cond_t wake;
    Process *head[PRIO_COUNT], *tail[PRIO_COUNT];
    _Atomic size_t len;            /* processes queued (read by stealers) */
    _Atomic size_t nbound;         /* of them, bound here: not stealable */
    unsigned normal_turns;         /* normal picks since the last low one */
    _Atomic bool sleeping;         /* set by itself under lock; cleared by
                                    * whoever wakes it (exchange: one waker) */
    /* receive timeouts of the processes this scheduler put to wait; only
     * its own thread touches them: a binary min-heap on `at` */
    Timeout *tmo;
    size_t ntmo, captmo;
    _Atomic uint64_t reductions, slices;
    _Atomic int64_t slice_start;   /* monotonic ns the running slice began; 0 idle */
    _Atomic bool parked;           /* offline: handed its queue over, runs nothing */
    Term x_regs[MAX_X_REGS];
} Scheduler;

/* A lone queued process is stolen only once its scheduler has been busy
 * with another this long: short slices (ping-pong, request/reply) keep
 * their partners on one core, a long one lets the waiting process move. */
#define STEAL_LONE_AFTER_NS 50000

/* ERTS runs a low-priority process once per this many normal ones. */
#define LOW_EVERY 8

static Scheduler *scheds;
static unsigned nscheds;
static unsigned want_scheds;
static size_t want_max_procs;
static _Thread_local Scheduler *self_sched;
static _Atomic int nsleeping;
static _Atomic unsigned online;     /* schedulers_online */
static _Atomic unsigned running;    /* schedulers 0..running-1 run processes:
                                     * online, or 1 while multi-scheduling is
                                     * blocked (ms_lock) */
int32_t sched_slice_reds = SCHED_CONTEXT_REDS;

static volatile sig_atomic_t dump_requested;
static void on_sigusr1(int sig) { (void)sig; dump_requested = 1; }

void sched_configure(unsigned schedulers, size_t max_procs, int32_t slice_reds)
{
    want_scheds = schedulers;
    want_max_procs = max_procs;
    if (slice_reds > 0)
        sched_slice_reds = slice_reds;
}

void sched_init(void)
{
    signal(SIGUSR1, on_sigusr1);
    ptab_init(want_max_procs);
    names_init();
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    nscheds = want_scheds ? want_scheds : (cores > 0 ? (unsigned)cores : 1);
    if (nscheds > 1024)
        nscheds = 1024;
    scheds = calloc(nscheds, sizeof *scheds);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    for (unsigned i = 0; i < nscheds; i++) {
        scheds[i].index = i;
        pthread_mutex_init(&scheds[i].lock, NULL);
        pthread_cond_init(&scheds[i].wake, &ca);
    }
    pthread_condattr_destroy(&ca);
    atomic_store(&online, nscheds);
    atomic_store(&running, nscheds);
}

unsigned sched_online(void) { return atomic_load(&online); }

static bool wake_if_sleeping(Scheduler *s, bool have_lock);

/* ---- multi-scheduling blocks (system_flag(multi_scheduling, ...)) ----
 * Each block is a (pid, normal?) entry; while any exists only scheduler 0
 * runs processes (girder has no dirty schedulers, so blocking the normal
 * ones blocks all). A process's entries go when it unblocks or exits. */
typedef struct { Term pid; bool normal; } MsBlock;
static void ms_wait_parked(void);
static pthread_mutex_t ms_lock = PTHREAD_MUTEX_INITIALIZER;
static MsBlock *ms_blocks;
static size_t ms_nblocks, ms_cap;
static _Atomic size_t ms_count;     /* ms_nblocks, read without the lock */

/* ms_lock held: schedulers 1.. stop (or restart) after their slice */
static void ms_apply(void)
{
    atomic_store(&ms_count, ms_nblocks);
    atomic_store(&running, ms_nblocks ? 1 : atomic_load(&online));
    for (unsigned i = 0; i < nscheds; i++)
        wake_if_sleeping(&scheds[i], false);
}

void sched_set_online(unsigned n)
{
    if (n < 1 || n > nscheds)
        return;
    pthread_mutex_lock(&ms_lock);
    atomic_store(&online, n);
    ms_apply();
    pthread_mutex_unlock(&ms_lock);
}

/* ms_lock held. With one scheduler a block changes nothing, but the
 * state reads as in ERTS (whose dirty schedulers keep it "enabled"). */
static int ms_state(void)
{
    for (size_t i = 0; i < ms_nblocks; i++)
        if (!ms_blocks[i].normal)
            return MS_BLOCKED;
    return ms_nblocks ? MS_BLOCKED_NORMAL : MS_ENABLED;
}

int sched_ms_state(void)
{
    pthread_mutex_lock(&ms_lock);
    int st = ms_state();
    pthread_mutex_unlock(&ms_lock);
    return st;
}

int sched_ms_block(Term pid, bool normal, bool block)
{
    pthread_mutex_lock(&ms_lock);
    if (block) {
        if (ms_nblocks == ms_cap) {
            ms_cap = ms_cap ? 2 * ms_cap : 8;
            ms_blocks = realloc(ms_blocks, ms_cap * sizeof *ms_blocks);
        }
        ms_blocks[ms_nblocks++] = (MsBlock){ pid, normal };
    } else {
        for (size_t i = ms_nblocks; i-- > 0;)
            if (ms_blocks[i].pid == pid && ms_blocks[i].normal == normal) {
                ms_blocks[i] = ms_blocks[--ms_nblocks];
                break;
            }
    }
    ms_apply();
    int st = ms_state();
    pthread_mutex_unlock(&ms_lock);
    if (block)
        ms_wait_parked();
    return st;
}

size_t sched_ms_blockers(bool normal, Term *out, size_t max)
{
    size_t n = 0;
    if (nscheds == 1)
        return 0;          /* as ERTS with one scheduler: none listed */
    pthread_mutex_lock(&ms_lock);
    for (size_t i = 0; i < ms_nblocks; i++) {
        if (ms_blocks[i].normal != normal)
            continue;
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == ms_blocks[i].pid;
        if (!seen && n < max)
            out[n++] = ms_blocks[i].pid;
    }
    pthread_mutex_unlock(&ms_lock);
    return n;
}

static void ms_release(Term pid)
{
    if (!atomic_load(&ms_count))
        return;
    pthread_mutex_lock(&ms_lock);
    size_t before = ms_nblocks;
    for (size_t i = ms_nblocks; i-- > 0;)
        if (ms_blocks[i].pid == pid)
            ms_blocks[i] = ms_blocks[--ms_nblocks];
    if (ms_nblocks != before)
        ms_apply();
    pthread_mutex_unlock(&ms_lock);
}

/* ---- run queues ---- */

/* s->lock held */
static void rq_push(Scheduler *s, Process *p)
{
    unsigned pr = p->priority < PRIO_COUNT ? p->priority : PRIO_NORMAL;
    p->run_next = NULL;
    if (s->tail[pr])
        s->tail[pr]->run_next = p;
    else
        s->head[pr] = p;
    s->tail[pr] = p;
    atomic_fetch_add(&s->len, 1);
    if (p->bound_sched == s->index + 1)
        atomic_fetch_add(&s->nbound, 1);
}

/* s->lock held. max before high before normal; low gets one turn in
 * LOW_EVERY when normal work is waiting too. */
static Process *rq_pop(Scheduler *s)
{
    unsigned pr;
    if (s->head[PRIO_MAX])
        pr = PRIO_MAX;
    else if (s->head[PRIO_HIGH])
        pr = PRIO_HIGH;
    else if (s->head[PRIO_NORMAL] && s->head[PRIO_LOW])
        pr = ++s->normal_turns % LOW_EVERY == 0 ? PRIO_LOW : PRIO_NORMAL;
    else if (s->head[PRIO_NORMAL])
        pr = PRIO_NORMAL;
    else if (s->head[PRIO_LOW])
        pr = PRIO_LOW;
    else
        return NULL;
    Process *p = s->head[pr];
    s->head[pr] = p->run_next;
    if (!s->head[pr])
        s->tail[pr] = NULL;
    atomic_fetch_sub(&s->len, 1);
    if (p->bound_sched == s->index + 1)
        atomic_fetch_sub(&s->nbound, 1);
    return p;
}

/* Wake s if it sleeps; true if this call woke it. The exchange makes
 * sure only one waker pays for the signal. */
static bool wake_if_sleeping(Scheduler *s, bool have_lock)
{
    if (!atomic_load(&s->sleeping) || !atomic_exchange(&s->sleeping, false))
        return false;
    atomic_fetch_sub(&nsleeping, 1);
    if (!have_lock)
        pthread_mutex_lock(&s->lock);
    pthread_cond_signal(&s->wake);
    if (!have_lock)
        pthread_mutex_unlock(&s->lock);
    return true;
}

/* Wake one sleeping scheduler other than `not` so it can steal. */
static void wake_idle(Scheduler *not)
{
    for (unsigned i = 0; i < nscheds; i++)
        if (&scheds[i] != not && wake_if_sleeping(&scheds[i], false))
            return;
}

/* An offline scheduler's own queue moves to scheduler 0. */
static void hand_over(Scheduler *s)
{
    for (;;) {
        pthread_mutex_lock(&s->lock);
        Process *p = rq_pop(s);
        pthread_mutex_unlock(&s->lock);
        if (!p)
            return;
        pthread_mutex_lock(&scheds[0].lock);
        rq_push(&scheds[0], p);
        pthread_mutex_unlock(&scheds[0].lock);
    }
}

int sched_current(void) { return self_sched ? (int)self_sched->index : -1; }

/* After a block: wait until every scheduler but 0 and the caller's own has
 * finished its slice and parked (the caller moves to scheduler 0 when its
 * own slice ends: the blocking BIF makes it yield). */
static void ms_wait_parked(void)
{
    for (unsigned i = 1; i < nscheds; i++) {
        Scheduler *s = &scheds[i];
        while (s != self_sched && atomic_load(&running) <= i && !atomic_load(&s->parked)) {
            wake_if_sleeping(s, false);
            struct timespec ts = { 0, 20000 };
            nanosleep(&ts, NULL);
        }
    }
}
unsigned sched_count(void) { return nscheds; }

Process *sched_lookup(Term pid) { return ptab_lookup(pid); }
size_t sched_process_count(void) { return ptab_live(); }
Term sched_processes(Process *p) { return ptab_pids(p); }

void sched_info(SchedInfo *out)
{
    out->reductions = 0;
    out->context_switches = 0;
    out->run_queue = 0;
    for (unsigned i = 0; i < nscheds; i++) {
        out->reductions += atomic_load(&scheds[i].reductions);
        out->context_switches += atomic_load(&scheds[i].slices);
        out->run_queue += atomic_load(&scheds[i].len);
    }
    out->process_limit = ptab_limit();
    out->schedulers = nscheds;
}

void sched_enqueue(Process *p)
{
    /* the waker's own queue keeps communicating processes together; an
     * idle scheduler is woken to steal when work piles up */
    Scheduler *s = p->bound_sched ? &scheds[p->bound_sched - 1]
                 : self_sched ? self_sched : &scheds[p->last_sched % nscheds];
    if (s->index >= atomic_load(&running))
        s = &scheds[0];
    pthread_mutex_lock(&s->lock);
    rq_push(s, p);
    bool owner_sleeps = wake_if_sleeping(s, true);
    size_t len = atomic_load(&s->len);
    pthread_mutex_unlock(&s->lock);
    if (!owner_sleeps && len > 1 && atomic_load(&nsleeping) > 0)
        wake_idle(s);
}

bool sched_wake_locked(Process *q)
{
    if (atomic_load(&q->state) != PS_WAITING)
        return false;
    atomic_store(&q->state, PS_RUNNABLE);
    return true;
}

void sched_wake(Process *q)
{
    proc_lock(&q->plock);
    bool wake = sched_wake_locked(q);
    proc_unlock(&q->plock);
    if (wake)
        sched_enqueue(q);
}

/* Worth stealing from v: two or more queued, or one queued behind a long
 * slice (an offline scheduler's queue always). */
static bool stealable(Scheduler *v, int64_t now)
{
    size_t len = atomic_load_explicit(&v->len, memory_order_relaxed);
    size_t bound = atomic_load_explicit(&v->nbound, memory_order_relaxed);
    len = len > bound ? len - bound : 0;
    if (len == 0)
        return false;
    if (len >= 2 || v->index >= atomic_load(&running))
        return true;
    int64_t start = atomic_load_explicit(&v->slice_start, memory_order_relaxed);
    return start != 0 && now - start > STEAL_LONE_AFTER_NS;
}

/* v->lock held: take the most urgent process not bound to v. */
static Process *rq_pop_unbound(Scheduler *v)
{
    for (unsigned pr = 0; pr < PRIO_COUNT; pr++) {
        Process *prev = NULL;
        for (Process *p = v->head[pr]; p; prev = p, p = p->run_next) {
            if (p->bound_sched == v->index + 1)
                continue;
            if (prev)
                prev->run_next = p->run_next;
            else
                v->head[pr] = p->run_next;
            if (v->tail[pr] == p)
                v->tail[pr] = prev;
            atomic_fetch_sub(&v->len, 1);
            return p;
        }
    }
    return NULL;
}

static Process *steal(Scheduler *me)
{
    int64_t now = msg_now_ns();
    for (unsigned k = 1; k < nscheds; k++) {
        Scheduler *v = &scheds[(me->index + k) % nscheds];
        if (!stealable(v, now) || pthread_mutex_trylock(&v->lock) != 0)
            continue;
        Process *p = rq_pop_unbound(v);
        pthread_mutex_unlock(&v->lock);
        if (p)
            return p;
    }
    return NULL;
}

static bool others_have_work(Scheduler *me)
{
    if (nscheds < 2)
        return false;
    int64_t now = msg_now_ns();
    for (unsigned k = 1; k < nscheds; k++)
        if (stealable(&scheds[(me->index + k) % nscheds], now))
            return true;
    return false;
}

/* ---- receive timeouts: a min-heap per scheduler ---- */

static void tmo_swap(Scheduler *s, size_t a, size_t b)
{
    Timeout t = s->tmo[a];
    s->tmo[a] = s->tmo[b];
    s->tmo[b] = t;
}

static void tmo_add(Scheduler *s, Process *p)
{
    if (s->ntmo == s->captmo) {
        s->captmo = s->captmo ? s->captmo * 2 : 64;
        s->tmo = realloc(s->tmo, s->captmo * sizeof *s->tmo);
    }
    size_t i = s->ntmo++;
    s->tmo[i] = (Timeout){ p, p->id, p->wait_seq, p->timeout_at };
    while (i > 0 && s->tmo[(i - 1) / 2].at > s->tmo[i].at) {
        tmo_swap(s, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static Timeout tmo_pop(Scheduler *s)
{
    Timeout top = s->tmo[0];
    s->tmo[0] = s->tmo[--s->ntmo];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < s->ntmo && s->tmo[l].at < s->tmo[m].at) m = l;
        if (r < s->ntmo && s->tmo[r].at < s->tmo[m].at) m = r;
        if (m == i)
            break;
        tmo_swap(s, i, m);
        i = m;
    }
    return top;
}

/* Wake every process whose receive timed out by `now`; an entry whose
 * process has woken up since (another wait_seq) is stale and dropped. */
static void tmo_expire(Scheduler *s, int64_t now)
{
    while (s->ntmo && s->tmo[0].at <= now) {
        Timeout t = tmo_pop(s);
        Process *p = t.p;
        proc_lock(&p->plock);
        bool wake = p->id == t.pid && p->wait_seq == t.seq && sched_wake_locked(p);
        proc_unlock(&p->plock);
        if (wake)
            sched_enqueue(p);
    }
}

static int64_t next_deadline(Scheduler *s)
{
    int64_t d = s->ntmo ? s->tmo[0].at : -1;
    int64_t m = tmr_next_deadline();
    if (m >= 0 && (d < 0 || m < d))
        d = m;
    return d;
}

/* ---- spawning ---- */

void sched_default_spawn_opts(SpawnOpts *o)
{
    memset(o, 0, sizeof *o);
    o->priority = PRIO_NORMAL;
    o->fullsweep_after = 65535;
    o->max_heap_flags = 3;             /* kill and error_logger, as ERTS */
    o->mon_tag = NIL;
    o->min_bin_vheap = PROC_MIN_BIN_VHEAP;
}

Term sched_spawn(Process *parent, Term m, Term f, Term args, bool link)
{
    SpawnOpts o;
    sched_default_spawn_opts(&o);
    return sched_spawn_opt(parent, m, f, args, link, false, NULL, &o);
}

/* Spread the argument list (copied to p's heap) into the saved registers. */
static void set_args(Process *p, Term args)
{
    size_t words = copy_size(args);
    Term *hp = proc_alloc(p, words);
    OffHeapHeader *oh = p->off_heap;
    Term a = copy_term(args, hp, &oh);
    p->off_heap = oh;
    uint32_t n = 0;
    for (Term t = a; is_list(t); t = CDR(list_val(t)))
        n++;
    p->arg_reg = malloc((n + 3) * sizeof(Term));
    p->arg_reg_cap = n + 3;
    n = 0;
    for (Term t = a; is_list(t); t = CDR(list_val(t)))
        p->arg_reg[n++] = CAR(list_val(t));
    p->arity = n;
}

Term sched_spawn_opt(Process *parent, Term m, Term f, Term args, bool link,
                     bool monitor, Term *mref, const SpawnOpts *o)
{
    size_t heap = o->min_heap_size > PROC_MIN_HEAP_WORDS ? gc_heap_size_for(o->min_heap_size)
                                                         : PROC_MIN_HEAP_WORDS;
    Process *p = ptab_new(heap);
    if (!p) {
        if (parent)
            bif_error(parent, AM(system_limit));
        return THE_NON_VALUE;
    }
    Term pid = p->id;
    p->group_leader = parent ? parent->group_leader : p->id;
    p->pending_exit = NIL;
    p->priority = o->priority;
    if (o->min_heap_size > PROC_MIN_HEAP_WORDS)
        p->min_heap_size = heap;
    p->fullsweep_after = o->fullsweep_after;
    p->max_heap_size = o->max_heap_size;
    p->max_heap_flags = o->max_heap_flags;
    p->mq_off_heap = o->mq_off_heap;
    p->last_sched = self_sched ? (uint8_t)self_sched->index : 0;
    p->bound_sched = o->scheduler <= nscheds ? o->scheduler : 0;
    p->min_bin_vheap = o->min_bin_vheap;
    p->bin_vheap_sz = p->bin_old_vheap_sz = (size_t)p->min_bin_vheap * sizeof(Term);
    p->parent = parent ? parent->id : AM(undefined);
    set_args(p, args);
    p->initial_call[0] = m;
    p->initial_call[1] = f;
    p->initial_call[2] = make_small(p->arity);
    /* the first frame returns to the normal-exit instruction */
    *--p->stop = (Term)emu_normal_exit_code;
    p->i = emu_spawn_entry;
    p->fcalls = 0;
    if (link && parent)
        sig_link_embryo(parent, p);
    atomic_store(&p->state, PS_RUNNABLE);
    if (monitor && parent)
        *mref = sched_monitor_opt(parent, p, pid, o->mon_alias, o->mon_tag);
    sched_enqueue(p);
    return pid;
}

/* ---- inspecting another process ---- */

Process *sched_inspect_begin(Process *self, Term pid)
{
    Process *q = ptab_lookup(pid);
    if (!q)
        return NULL;
    if (q == self)
        return q;
    proc_unlock(&self->main_lock);
    proc_lock(&q->main_lock);
    if (__atomic_load_n(&q->id, __ATOMIC_ACQUIRE) == pid && ptab_lookup(pid) == q)
        return q;
    proc_unlock(&q->main_lock);
    proc_lock(&self->main_lock);
    return NULL;
}

void sched_inspect_end(Process *self, Process *q)
{
    if (q == self)
        return;
    proc_unlock(&q->main_lock);
    proc_lock(&self->main_lock);
}

/* ---- exits ---- */

static void free_process_data(Process *p)
{
    msg_free_all(p);
    bin_offheap_release_list(p->off_heap);
    bin_offheap_release_list(p->old_off_heap);
    p->off_heap = p->old_off_heap = NULL;
    proc_free_heaps(p);
}

void sched_exit(Process *p, Term reason)
{
    if (p->registered_name == AM(init) && reason != AM(normal)) {
        /* as erl: the VM cannot go on without init */
        char *s = term_display_string(reason);
        fprintf(stderr, "girder: init terminated: %s\n", s);
        free(s);
        fflush(stdout);
        fflush(stderr);
        _exit(1);
    }
    proc_lock(&p->plock);
    atomic_store(&p->state, PS_EXITED);
    LinkNode *links = p->links;
    p->links = NULL;
    proc_unlock(&p->plock);
    names_drop(p);
    ets_process_exited(p);
    zlib_process_exited(p);
    sig_notify_exit(p, links, reason);
    sig_exit_pending(p);
    ms_release(p->id);
    free_process_data(p);
    ptab_release(p);
}

static void print_crash(Process *p, Term reason);

void sched_exit_exception(Process *p)
{
    Term reason;
    Term trace = p->fstash;
    switch (p->fclass) {
    case EXC_EXIT:
        reason = p->fvalue;
        break;
    case EXC_THROW:
        reason = bif_tuple2(p, bif_tuple2(p, AM(nocatch), p->fvalue), trace);
        break;
    default:
        reason = bif_tuple2(p, p->fvalue, trace);
        break;
    }
    if (p->fclass != EXC_EXIT)
        print_crash(p, reason);
    sched_exit(p, reason);
}

/* As ERTS, an uncaught error or throw is reported to the system logger
 * ("Error in process ~p with exit value:~n~p~n"); an exit is not. */
static void print_crash(Process *p, Term reason)
{
    syslog_process_error(p, reason);
}

/* ---- diagnostics: SIGUSR1 prints every process to stderr ---- */

static void dump_one(Process *p)
{
    static const char *const names[] = { "free", "runnable", "running", "waiting", "exited", "embryo", "gc" };
    uint32_t st = atomic_load(&p->state);
    if (st == PS_EXITED || st == PS_FREE)
        return;
    Term m = NIL, f = NIL;
    uint32_t a = 0;
    char where[256] = "?";
    if (st != PS_RUNNING && p->i && emu_mfa_of(p->i, &m, &f, &a))
        snprintf(where, sizeof where, "%s:%s/%u", atom_text(m), atom_text(f), a);
    Term name = p->registered_name;
    fprintf(stderr, "<0.%lu.0> %-8s %s%s prio=%u msgs=%u %s\n",
            (unsigned long)internal_pid_index(p->id), names[st],
            name != NIL ? atom_text(name) : "", name != NIL ? " " : "",
            p->priority, p->msg_len, where);
}

/* ---- the loop ---- */

/* Polls before an idle scheduler goes to sleep (~0.3 ms here): work
 * often turns up within microseconds (a reply, a spawn), and a futex sleep
 * and wake-up cost more than that. docs/scheduler.md has the numbers. */
#define IDLE_SPINS 10000

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* Sleep until work arrives or `deadline` (monotonic ns; -1 none) passes.
 * Scheduler 0 also wakes each second to serve SIGUSR1. */
static void idle(Scheduler *s, int64_t deadline)
{
    bool offline = s->index >= atomic_load(&running);
    for (unsigned i = 0; i < IDLE_SPINS && !offline; i++) {
        if (atomic_load_explicit(&s->len, memory_order_relaxed) || others_have_work(s))
            return;
        cpu_relax();
    }
    if (s->index == 0 && (deadline < 0 || deadline > msg_now_ns() + 1000000000))
        deadline = msg_now_ns() + 1000000000;
    pthread_mutex_lock(&s->lock);
    if (atomic_load(&s->len) == 0) {
        atomic_store(&s->sleeping, true);
        atomic_fetch_add(&nsleeping, 1);
        /* a push elsewhere that saw nsleeping == 0 left work to steal */
        if (offline ? s->index >= atomic_load(&running) : !others_have_work(s)) {
            if (deadline < 0) {
                pthread_cond_wait(&s->wake, &s->lock);
            } else {
                struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
                pthread_cond_timedwait(&s->wake, &s->lock, &ts);
            }
        }
        if (atomic_exchange(&s->sleeping, false))
            atomic_fetch_sub(&nsleeping, 1);
    }
    pthread_mutex_unlock(&s->lock);
}

/* Run p for one time slice; p came off a run queue (PS_RUNNABLE). */
static void run_slice(Scheduler *s, Process *p)
{
    proc_lock(&p->main_lock);
    p->last_sched = (uint8_t)s->index;
    atomic_store(&p->state, PS_RUNNING);
    msg_fetch_incoming(p);           /* act on signals that arrived */
    if (p->pending_exit != NIL) {
        sched_exit(p, p->pending_exit);
        proc_unlock(&p->main_lock);
        return;
    }
    p->fcalls = sched_slice_reds;
    if (nscheds > 1)
        atomic_store_explicit(&s->slice_start, msg_now_ns(), memory_order_relaxed);
    RunResult r = emu_run(p, s->x_regs);
    if (nscheds > 1)
        atomic_store_explicit(&s->slice_start, 0, memory_order_relaxed);
    /* an overdrawn budget (bump_reductions, collections) counts in full */
    uint64_t reds = (uint64_t)((int64_t)sched_slice_reds - p->fcalls);
    p->reductions += reds;
    atomic_fetch_add_explicit(&s->reductions, reds, memory_order_relaxed);
    atomic_fetch_add_explicit(&s->slices, 1, memory_order_relaxed);
    switch (r) {
    case RUN_YIELD:
        break;
    case RUN_WAIT:
        if (p->pending_exit == NIL && msg_prepare_wait(p)) {
            if (p->timeout_at >= 0)
                tmo_add(s, p);
            proc_unlock(&p->main_lock);
            return;
        }
        break;
    case RUN_EXIT:
        proc_unlock(&p->main_lock);
        return;
    case RUN_GC:
        atomic_store(&p->state, PS_GC);
        proc_unlock(&p->main_lock);
        gc_offload(p);
        return;
    }
    atomic_store(&p->state, PS_RUNNABLE);
    proc_unlock(&p->main_lock);
    Scheduler *me = s;
    if (p->bound_sched)
        s = &scheds[p->bound_sched - 1];
    if (s->index >= atomic_load(&running))
        s = &scheds[0];
    pthread_mutex_lock(&s->lock);
    rq_push(s, p);
    /* to another scheduler's queue (bound, or this one went offline): that
     * one may be asleep */
    bool woke = s != me && wake_if_sleeping(s, true);
    pthread_mutex_unlock(&s->lock);
    if (!woke && atomic_load(&nsleeping) > 0 && atomic_load(&s->len) > 1)
        wake_idle(s);
}

static _Noreturn void *scheduler_main(void *arg)
{
    Scheduler *s = arg;
    self_sched = s;
    for (;;) {
        if (s->ntmo || tmr_next_deadline() >= 0) {
            int64_t now = msg_now_ns();
            if (s->ntmo && s->tmo[0].at <= now)
                tmo_expire(s, now);
            tmr_fire_expired(now);
        }
        if (s->index == 0 && dump_requested) {
            dump_requested = 0;
            ptab_foreach(dump_one);
        }
        if (s->index >= atomic_load(&running)) {
            hand_over(s);
            atomic_store(&s->parked, true);
            wake_if_sleeping(&scheds[0], false);
            idle(s, next_deadline(s));
            continue;
        }
        atomic_store(&s->parked, false);
        pthread_mutex_lock(&s->lock);
        Process *p = rq_pop(s);
        pthread_mutex_unlock(&s->lock);
        if (!p)
            p = steal(s);
        if (!p) {
            idle(s, next_deadline(s));
            continue;
        }
        run_slice(s, p);
    }
}

_Noreturn void sched_run(void)
{
    for (unsigned i = 1; i < nscheds; i++) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 8u << 20);
        if (pthread_create(&scheds[i].thread, &attr, scheduler_main, &scheds[i]) != 0) {
            fprintf(stderr, "girder: cannot start scheduler thread %u\n", i + 1);
            exit(1);
        }
        pthread_attr_destroy(&attr);
    }
    scheduler_main(&scheds[0]);
}
