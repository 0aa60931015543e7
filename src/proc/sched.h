/* sched.h — schedulers, spawning and process exit.
 * One scheduler thread per core (`+S N`), each with a run queue per
 * priority; an idle scheduler steals from the others, then sleeps. The
 * process table is ptab.h, registered names names.h, links, monitors and
 * exit signals signal.h. docs/scheduler.md explains the design. */
#ifndef GIRDER_SCHED_H
#define GIRDER_SCHED_H
#include "process.h"

/* Process states. PS_EMBRYO: being built by its spawner, not yet alive.
 * PS_GC: being collected on a GC thread (gc_offload.c). */
enum { PS_FREE, PS_RUNNABLE, PS_RUNNING, PS_WAITING, PS_EXITED, PS_EMBRYO, PS_GC };
/* A process in this state is alive: it may be sent to, linked, looked up. */
static inline bool proc_state_alive(uint32_t st)
{
    return st != PS_EXITED && st != PS_FREE && st != PS_EMBRYO;
}
static inline bool proc_alive(Process *p) { return proc_state_alive(atomic_load(&p->state)); }
/* Priorities, in ERTS's order of urgency. */
enum { PRIO_MAX, PRIO_HIGH, PRIO_NORMAL, PRIO_LOW, PRIO_COUNT };

/* Options of spawn_opt beyond link and monitor. */
typedef struct {
    uint8_t priority;
    size_t min_heap_size;      /* words, 0 = default */
    uint32_t fullsweep_after;
    size_t max_heap_size;      /* words, 0 = none */
    uint32_t max_heap_flags;
    uint8_t mq_off_heap;
    uint32_t min_bin_vheap;    /* words, on ERTS's growth series */
    uint16_t scheduler;        /* {scheduler, N}: bound to scheduler N; 0 none */
    uint8_t mon_alias;         /* {monitor, Opts}: ALIAS_* and tag (NIL none) */
    Term mon_tag;
} SpawnOpts;
void sched_default_spawn_opts(SpawnOpts *o);

/* Before sched_run: how many schedulers (0 = one per online core), the
 * process limit (0 = default) and the reductions per time slice. */
void sched_configure(unsigned schedulers, size_t max_procs, int32_t slice_reds);
void sched_init(void);
/* Spawn M:F(Args). Returns the new pid, or THE_NON_VALUE with p's
 * exception set (system_limit). parent may be NULL (the first process).
 * With `monitor`, *mref receives the monitor reference (on parent's heap).
 * (Not the process: it may have run and died on another scheduler by the
 * time this returns.) */
Term sched_spawn(Process *parent, Term m, Term f, Term args, bool link);
Term sched_spawn_opt(Process *parent, Term m, Term f, Term args, bool link,
                         bool monitor, Term *mref, const SpawnOpts *opts);
/* The process is alive and has the pid; NULL otherwise. The block stays
 * valid memory for the life of the VM (ptab.h), but it may die at any
 * moment: act on it only through the calls here and in signal.h. */
Process *sched_lookup(Term pid);
/* Make a waiting process runnable (a message or signal arrived). Called
 * with q->plock held. Returns true if the caller must sched_enqueue(q)
 * after releasing the lock. */
bool sched_wake_locked(Process *q);
void sched_enqueue(Process *q);
/* Make q runnable if it waits (takes its plock). */
void sched_wake(Process *q);
/* Run the schedulers; never returns (erlang:halt ends the VM). */
_Noreturn void sched_run(void);
/* The process ends with reason (it must not run again). Called by the
 * process's own scheduler with its main lock held. */
void sched_exit(Process *p, Term reason);
/* The process ends with its pending uncaught exception. */
void sched_exit_exception(Process *p);
/* Another process's state, for process_info and the like: gives up the
 * caller's main lock, takes q's, and returns q if it still is the process
 * `pid` and alive (else NULL, all locks as before). sched_inspect_end
 * gives q back and takes the caller's own lock again. */
Process *sched_inspect_begin(Process *self, Term pid);
void sched_inspect_end(Process *self, Process *q);
size_t sched_process_count(void);
Term sched_processes(Process *p);
/* Switch p out as soon as the running BIF returns, without charging the
 * rest of the slice (run_slice adds slice - fcalls; unsigned arithmetic
 * makes the pre-subtraction exact). */
static inline void sched_yield_soon(Process *p)
{
    if (p->fcalls > 0)
        p->reductions -= (uint64_t)p->fcalls;
    p->fcalls = 0;
}
/* Reductions in one time slice (ERTS's CONTEXT_REDS is 4000; the seed asks
 * for 2000). +rb N changes it. */
#define SCHED_CONTEXT_REDS 2000
extern int32_t sched_slice_reds;
/* Counters for erlang:statistics/1 and system_info/1 (bif/erlang_info.c). */
typedef struct {
    uint64_t reductions;        /* of every finished time slice */
    uint64_t context_switches;  /* time slices run */
    size_t run_queue;           /* processes waiting to run */
    size_t process_limit;
    uint32_t schedulers;
} SchedInfo;
void sched_info(SchedInfo *out);
/* erlang:system_flag(schedulers_online, N): schedulers N.. hand their
 * queues to the others and sleep until brought back online. */
unsigned sched_online(void);
/* system_flag(multi_scheduling, block | unblock | block_normal |
 * unblock_normal) by pid: returns the state after it (MS_*). A block
 * returns once the other schedulers have parked; a process's blocks end
 * with it. */
enum { MS_ENABLED, MS_BLOCKED, MS_BLOCKED_NORMAL };
int sched_ms_block(Term pid, bool normal, bool block);
int sched_ms_state(void);
/* The distinct pids holding blocks (normal or not), up to max. */
size_t sched_ms_blockers(bool normal, Term *out, size_t max);
void sched_set_online(unsigned n);
unsigned sched_count(void);
#include "names.h"
#include "signal.h"
/* The index of the scheduler running the calling thread, or -1. */
int sched_current(void);
#endif
