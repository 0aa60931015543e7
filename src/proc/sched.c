/* sched.c — the process table, spawning, exits with links and monitors,
 * registered names, timeouts, and the run loop.
 * This is the single-threaded first version (one run queue, run on the
 * main thread); issue 3 replaces the loop with per-core schedulers. The
 * process table already uses a pid -> slot mapping that tolerates reuse:
 * a pid is a counter, its slot is counter mod capacity, and a lookup checks
 * the slot's process still has that pid. */
#include "sched.h"
#include "message.h"
#include "timer.h"
#include "../bif/zlib_nif.h"
#include "copy.h"
#include "../emu/emu.h"
#include "../emu/emu_support.h"
#include "../term/atom.h"
#include "../term/ref.h"
#include "../term/binary.h"
#include "../bif/bif.h"
#include "../code/module.h"
#include "../term/print.h"
#include "../ets/ets.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>

#define DEFAULT_MAX_PROCS 262144   /* as ERTS's +P default */

static Process **ptab;
static size_t ptab_cap;
static size_t live_count;
static UWord next_pid = 0;
static Process *rq_head, *rq_tail;
static Term x_regs[MAX_X_REGS];
static bool halting;
int sched_exit_status;

static volatile sig_atomic_t dump_requested;
static void on_sigusr1(int sig) { (void)sig; dump_requested = 1; }

/* waiting processes with a timeout: a binary min-heap on timeout_at */
static Process **timers;
static size_t ntimers, captimers;

/* registered names: a small open-addressing table */
typedef struct { Term name; Process *p; } RegEntry;
static RegEntry *reg;
static size_t reg_cap, reg_count;

void sched_init(void)
{
    signal(SIGUSR1, on_sigusr1);
    ptab_cap = DEFAULT_MAX_PROCS;
    ptab = calloc(ptab_cap, sizeof(Process *));
    reg_cap = 256;
    reg = calloc(reg_cap, sizeof(RegEntry));
}

Process *sched_lookup(Term pid)
{
    if (!is_internal_pid(pid))
        return NULL;
    Process *p = ptab[internal_pid_index(pid) & (ptab_cap - 1)];
    return (p && p->id == pid && atomic_load(&p->state) != PS_EXITED) ? p : NULL;
}

size_t sched_process_count(void) { return live_count; }

static uint64_t total_reductions, context_switches;

void sched_info(SchedInfo *out)
{
    out->reductions = total_reductions;
    out->context_switches = context_switches;
    out->run_queue = 0;
    for (Process *q = rq_head; q; q = q->run_next)
        out->run_queue++;
    out->process_limit = ptab_cap;
    out->schedulers = 1;
}

Term sched_processes(Process *p)
{
    Term list = NIL;
    for (size_t i = ptab_cap; i-- > 0;) {
        Process *q = ptab[i];
        if (q && atomic_load(&q->state) != PS_EXITED) {
            Term *hp = proc_alloc(p, 2);
            list = make_cons_at(hp, q->id, list);
        }
    }
    return list;
}

static void rq_push(Process *p)
{
    p->run_next = NULL;
    if (rq_tail) rq_tail->run_next = p;
    else rq_head = p;
    rq_tail = p;
}

static Process *rq_pop(void)
{
    Process *p = rq_head;
    if (p) {
        rq_head = p->run_next;
        if (!rq_head) rq_tail = NULL;
    }
    return p;
}

/* ---- timer heap ---- */
static void timer_swap(size_t a, size_t b) { Process *t = timers[a]; timers[a] = timers[b]; timers[b] = t; }

static void timer_add(Process *p)
{
    if (ntimers == captimers) {
        captimers = captimers ? captimers * 2 : 64;
        timers = realloc(timers, captimers * sizeof(Process *));
    }
    size_t i = ntimers++;
    timers[i] = p;
    while (i > 0 && timers[(i - 1) / 2]->timeout_at > timers[i]->timeout_at) {
        timer_swap(i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static Process *timer_pop(void)
{
    Process *top = timers[0];
    timers[0] = timers[--ntimers];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < ntimers && timers[l]->timeout_at < timers[m]->timeout_at) m = l;
        if (r < ntimers && timers[r]->timeout_at < timers[m]->timeout_at) m = r;
        if (m == i) break;
        timer_swap(i, m);
        i = m;
    }
    return top;
}

void sched_wake(Process *p)
{
    uint32_t st = atomic_load(&p->state);
    if (st == PS_WAITING) {
        atomic_store(&p->state, PS_RUNNABLE);
        rq_push(p);
    }
}

/* ---- spawning ---- */

static Process *new_process(Process *parent)
{
    if (live_count >= ptab_cap)
        return NULL;
    Process *p = proc_alloc_bare(PROC_MIN_HEAP_WORDS);
    size_t slot;
    do {
        next_pid++;
        slot = next_pid & (ptab_cap - 1);
    } while (ptab[slot] && atomic_load(&ptab[slot]->state) != PS_EXITED);
    if (ptab[slot])
        proc_free_bare(ptab[slot]);
    ptab[slot] = p;
    p->id = make_internal_pid(next_pid);
    p->group_leader = parent ? parent->group_leader : p->id;
    p->pending_exit = NIL;
    live_count++;
    return p;
}

Process *sched_spawn(Process *parent, Term m, Term f, Term args, bool link)
{
    Process *p = new_process(parent);
    if (!p) {
        if (parent)
            bif_error(parent, AM(system_limit));
        return NULL;
    }
    /* arguments: copy the list, then spread it into the saved registers */
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
    p->initial_call[0] = m;
    p->initial_call[1] = f;
    p->initial_call[2] = make_small(n);
    /* the first frame returns to the normal-exit instruction */
    *--p->stop = (Term)emu_normal_exit_code;
    p->i = emu_spawn_entry;
    p->fcalls = 0;
    if (link && parent)
        sched_link(parent, p);
    atomic_store(&p->state, PS_RUNNABLE);
    rq_push(p);
    return p;
}

/* ---- registry ---- */

static size_t reg_slot(Term name)
{
    size_t i = (size_t)(name * 0x9E3779B97F4A7C15ull >> 20) & (reg_cap - 1);
    while (reg[i].p && reg[i].name != name)
        i = (i + 1) & (reg_cap - 1);
    return i;
}

Process *sched_whereis(Term name)
{
    Process *p = reg[reg_slot(name)].p;
    return (p && atomic_load(&p->state) != PS_EXITED) ? p : NULL;
}

bool sched_register(Term name, Process *p)
{
    if (sched_whereis(name) || p->registered_name != NIL)
        return false;
    if ((reg_count + 1) * 2 > reg_cap) {
        RegEntry *old = reg;
        size_t oc = reg_cap;
        reg_cap *= 2;
        reg = calloc(reg_cap, sizeof(RegEntry));
        reg_count = 0;
        for (size_t i = 0; i < oc; i++)
            if (old[i].p) { reg[reg_slot(old[i].name)] = old[i]; reg_count++; }
        free(old);
    }
    size_t i = reg_slot(name);
    if (!reg[i].p)
        reg_count++;
    reg[i].name = name;
    reg[i].p = p;
    p->registered_name = name;
    return true;
}

bool sched_unregister(Term name)
{
    size_t i = reg_slot(name);
    if (!reg[i].p)
        return false;
    reg[i].p->registered_name = NIL;
    /* remove with backward-shift deletion */
    reg[i].p = NULL;
    reg_count--;
    size_t j = i;
    for (;;) {
        j = (j + 1) & (reg_cap - 1);
        if (!reg[j].p) break;
        RegEntry e = reg[j];
        reg[j].p = NULL;
        reg_count--;
        size_t k = reg_slot(e.name);
        reg[k] = e;
        reg_count++;
    }
    return true;
}

Term sched_registered(Process *p)
{
    Term list = NIL;
    for (size_t i = 0; i < reg_cap; i++)
        if (reg[i].p && atomic_load(&reg[i].p->state) != PS_EXITED) {
            Term *hp = proc_alloc(p, 2);
            list = make_cons_at(hp, reg[i].name, list);
        }
    return list;
}

/* ---- links and monitors ---- */

static void add_link(Process *p, Term other, Term ref, uint8_t kind)
{
    LinkNode *n = malloc(sizeof *n);
    n->other = other;
    n->ref = ref;
    n->kind = kind;
    n->next = p->links;
    p->links = n;
}

static bool has_link(Process *p, Term other)
{
    for (LinkNode *n = p->links; n; n = n->next)
        if (n->kind == LK_LINK && n->other == other)
            return true;
    return false;
}

/* Remove the first node matching (kind, other) or (kind, ref). */
static bool remove_link(Process *p, uint8_t kind, Term other, Term ref)
{
    for (LinkNode **pp = &p->links; *pp; pp = &(*pp)->next) {
        LinkNode *n = *pp;
        if (n->kind == kind && (ref == NIL ? n->other == other : n->ref == ref)) {
            *pp = n->next;
            free(n);
            return true;
        }
    }
    return false;
}

void sched_link(Process *a, Process *b)
{
    if (a == b || has_link(a, b->id))
        return;
    add_link(a, b->id, NIL, LK_LINK);
    add_link(b, a->id, NIL, LK_LINK);
}

void sched_unlink(Process *a, Term other)
{
    remove_link(a, LK_LINK, other, NIL);
    Process *b = sched_lookup(other);
    if (b)
        remove_link(b, LK_LINK, a->id, NIL);
}

Term sched_monitor(Process *p, Process *target, Term target_term)
{
    Term ref = ref_make(p);
    /* the ref lives on p's heap; monitors keep a copy off-heap-free form:
     * refs are small boxed objects, so keep a private copy in a literal-like
     * malloc'd block owned by the link node */
    Term *keep = malloc(REF_WORDS * sizeof(Term));
    memcpy(keep, boxed_val(ref), REF_WORDS * sizeof(Term));
    Term kref = make_boxed(keep);
    if (!target) {
        /* monitoring a dead process: 'DOWN' with noproc at once */
        Term *hp = proc_alloc(p, 6);
        hp[0] = make_arityval(5); hp[1] = AM(DOWN); hp[2] = ref; hp[3] = AM(process);
        hp[4] = target_term; hp[5] = AM(noproc);
        msg_deliver(p, make_tuple(hp));
        free(keep);
        return ref;
    }
    add_link(p, target->id, kref, LK_MONITOR);
    add_link(target, p->id, kref, LK_MONITORED_BY);
    p->links->other = target_term == target->id ? target->id : target->id;
    return ref;
}

static LinkNode *find_monitor(Process *p, Term ref)
{
    for (LinkNode *n = p->links; n; n = n->next)
        if (n->kind == LK_MONITOR && is_internal_ref(ref) &&
            memcmp(boxed_val(n->ref), boxed_val(ref), REF_WORDS * sizeof(Term)) == 0)
            return n;
    return NULL;
}

bool sched_demonitor(Process *p, Term ref)
{
    LinkNode *n = find_monitor(p, ref);
    if (!n)
        return false;
    Term other = n->other, kref = n->ref;
    Process *t = sched_lookup(other);
    if (t)
        remove_link(t, LK_MONITORED_BY, NIL, kref);
    remove_link(p, LK_MONITOR, NIL, kref);
    free(boxed_val(kref));
    return true;
}

/* ---- exits ---- */

void sched_exit_signal(Process *from, Process *to, Term reason, bool link)
{
    bool untrappable = !link && reason == AM(kill);
    if (untrappable)
        reason = AM(killed);
    if (!untrappable && (to->flags & PF_TRAP_EXIT)) {
        Term *hp = proc_alloc(from, 4);
        hp[0] = make_arityval(3); hp[1] = AM(EXIT); hp[2] = from->id; hp[3] = reason;
        msg_deliver(to, make_tuple(hp));
    } else if (reason != AM(normal) && to->pending_exit == NIL) {
        /* the receiver dies with the same reason when next scheduled */
        HeapFrag *frag;
        OffHeapHeader *oh = NULL;
        Term r = copy_to_frag(reason, &frag, &oh);
        if (frag) {
            frag->next = to->frags;
            to->frags = frag;
            to->frag_words += frag->used;
        }
        while (oh) { OffHeapHeader *n = oh->next; oh->next = to->off_heap; to->off_heap = oh; oh = n; }
        to->pending_exit = r;
        if (atomic_load(&to->state) == PS_WAITING) {
            atomic_store(&to->state, PS_RUNNABLE);
            rq_push(to);
        }
    }
}

static void free_process(Process *p)
{
    msg_free_all(p);
    for (OffHeapHeader *oh = p->off_heap; oh;) {
        OffHeapHeader *next = oh->next;
        bin_offheap_release(oh);
        oh = next;
    }
    p->off_heap = NULL;
    while (p->links) {
        LinkNode *n = p->links;
        p->links = n->next;
        free(n);
    }
    /* the block stays in the table until its slot is reused: a stale pid
     * lookup must find PS_EXITED, not freed memory */
    free(p->heap);
    p->heap = p->htop = p->stop = p->hend = NULL;
    proc_free_heap_frags(p);
}

void sched_exit(Process *p, Term reason)
{
    if (p->registered_name == AM(init) && reason != AM(normal)) {
        /* as erl: the VM cannot go on without init */
        char *s = term_display_string(reason);
        fprintf(stderr, "girder: init terminated: %s\n", s);
        free(s);
        fflush(stdout);
        exit(1);
    }
    atomic_store(&p->state, PS_EXITED);
    live_count--;
    if (p->registered_name != NIL)
        sched_unregister(p->registered_name);
    ets_process_exited(p);
    zlib_process_exited(p);
    for (LinkNode *n = p->links; n; n = n->next) {
        Process *q = sched_lookup(n->other);
        if (!q)
            continue;
        switch (n->kind) {
        case LK_LINK:
            remove_link(q, LK_LINK, p->id, NIL);
            sched_exit_signal(p, q, reason, true);
            break;
        case LK_MONITORED_BY: {
            /* q watches p: {'DOWN', Ref, process, Pid, Reason} */
            Term *hp = proc_alloc(p, 6 + REF_WORDS);
            memcpy(hp + 6, boxed_val(n->ref), REF_WORDS * sizeof(Term));
            hp[0] = make_arityval(5); hp[1] = AM(DOWN); hp[2] = make_boxed(hp + 6);
            hp[3] = AM(process); hp[4] = p->id; hp[5] = reason;
            LinkNode *mine = find_monitor(q, make_boxed(hp + 6));
            if (mine) {
                Term kref = mine->ref;
                remove_link(q, LK_MONITOR, NIL, kref);
                free(boxed_val(kref));
            }
            msg_deliver(q, make_tuple(hp));
            break;
        }
        case LK_MONITOR: {
            Term kref = n->ref;
            remove_link(q, LK_MONITORED_BY, NIL, kref);
            free(boxed_val(kref));
            break;
        }
        }
    }
    free_process(p);
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

/* ERTS logs "Error in process ~p with exit value:~n~p~n" for uncaught
 * errors; without a logger this goes to stderr. */
static void print_crash(Process *p, Term reason)
{
    char *s = term_display_string(reason);
    fprintf(stderr, "=ERROR REPORT====\nError in process <0.%lu.0> with exit value:\n%s\n\n",
            (unsigned long)internal_pid_index(p->id), s);
    free(s);
}

void sched_halt(int status)
{
    sched_exit_status = status;
    halting = true;
}

/* ---- diagnostics: SIGUSR1 prints every process to stderr ---- */


static void dump_processes(void)
{
    static const char *const names[] = { "free", "runnable", "running", "waiting", "exited" };
    for (size_t i = 0; i < ptab_cap; i++) {
        Process *p = ptab[i];
        if (!p || atomic_load(&p->state) == PS_EXITED)
            continue;
        Term m = NIL, f = NIL;
        uint32_t a = 0;
        char *where = NULL;
        if (p->i && emu_mfa_of(p->i, &m, &f, &a)) {
            char *ms = term_display_string(m), *fs = term_display_string(f);
            size_t n = strlen(ms) + strlen(fs) + 32;
            where = malloc(n);
            snprintf(where, n, "%s:%s/%u", ms, fs, a);
            free(ms);
            free(fs);
        }
        fprintf(stderr, "<0.%lu.0> %-8s %s%s msgs=%u timeout=%s %s\n",
                (unsigned long)internal_pid_index(p->id), names[atomic_load(&p->state)],
                p->registered_name != NIL ? atom_text(p->registered_name) : "",
                p->registered_name != NIL ? " " : "", p->msg_len,
                p->timeout_at >= 0 ? "armed" : "none", where ? where : "?");
        free(where);
    }
}

/* ---- the loop ---- */

static void sleep_until(int64_t deadline)
{
    int64_t now = msg_now_ns();
    if (deadline <= now)
        return;
    struct timespec ts = { (time_t)((deadline - now) / 1000000000), (long)((deadline - now) % 1000000000) };
    nanosleep(&ts, NULL);
}

/* Wake processes whose receive timed out and fire message timers due by
 * `now`. */
static void expire(int64_t now)
{
    while (ntimers && timers[0]->timeout_at <= now) {
        Process *t = timer_pop();
        if (t->timeout_at >= 0 && t->timeout_at <= now && atomic_load(&t->state) == PS_WAITING) {
            atomic_store(&t->state, PS_RUNNABLE);
            rq_push(t);
        }
    }
    tmr_fire_expired(now);
}

/* The earliest deadline of a waiting receive or a message timer; -1 if
 * none. Stale heap entries (processes no longer waiting) are dropped. */
static int64_t next_deadline(void)
{
    while (ntimers && (timers[0]->timeout_at < 0 || atomic_load(&timers[0]->state) != PS_WAITING))
        timer_pop();
    int64_t d = ntimers ? timers[0]->timeout_at : -1;
    int64_t m = tmr_next_deadline();
    if (m >= 0 && (d < 0 || m < d))
        d = m;
    return d;
}

void sched_run(void)
{
    while (!halting) {
        Process *p = rq_pop();
        if (!p) {
            int64_t d = next_deadline();
            if (d < 0) {
                /* nothing can ever run again: erl would idle forever */
                pause();
                if (dump_requested) {
                    dump_requested = 0;
                    dump_processes();
                }
                continue;
            }
            sleep_until(d);
            expire(msg_now_ns());
            continue;
        }
        if (atomic_load(&p->state) != PS_RUNNABLE)
            continue;
        if (p->pending_exit != NIL) {
            sched_exit(p, p->pending_exit);
            continue;
        }
        atomic_store(&p->state, PS_RUNNING);
        p->fcalls = SCHED_CONTEXT_REDS;
        RunResult r = emu_run(p, x_regs);
        uint64_t reds = (uint64_t)(SCHED_CONTEXT_REDS - (p->fcalls > 0 ? p->fcalls : 0));
        p->reductions += reds;
        total_reductions += reds;
        context_switches++;
        switch (r) {
        case RUN_YIELD:
            atomic_store(&p->state, PS_RUNNABLE);
            rq_push(p);
            break;
        case RUN_WAIT:
            if (p->pending_exit != NIL || msg_fetch_incoming(p)) {
                atomic_store(&p->state, PS_RUNNABLE);
                rq_push(p);
            } else {
                atomic_store(&p->state, PS_WAITING);
                if (p->timeout_at >= 0)
                    timer_add(p);
            }
            break;
        case RUN_EXIT:
            break;
        }
        if (ntimers || tmr_next_deadline() >= 0)
            expire(msg_now_ns());
    }
}
