/* sched.h — the process table and the scheduler loop.
 * This first scheduler runs on one thread; the SMP scheduler with per-core
 * run queues and stealing is issue 3 (the structures here — one state word
 * per process, queues only touched through these calls — are laid out for
 * it). */
#ifndef GIRDER_SCHED_H
#define GIRDER_SCHED_H
#include "process.h"

enum { PS_FREE, PS_RUNNABLE, PS_RUNNING, PS_WAITING, PS_EXITED };

void sched_init(void);
/* Spawn M:F(Args). Returns the new process, or NULL with p's exception set
 * (system_limit). parent may be NULL (the first process). */
Process *sched_spawn(Process *parent, Term m, Term f, Term args, bool link);
/* Spawn a closure of arity 0. */
Process *sched_spawn_fun(Process *parent, Term fun, bool link);
Process *sched_lookup(Term pid);
void sched_wake(Process *p);
/* Run until no process can run again, or halt is called. */
void sched_run(void);
/* The process ends with reason (it must not run again). */
void sched_exit(Process *p, Term reason);
/* The process ends with its pending uncaught exception. */
void sched_exit_exception(Process *p);
/* Registered names. */
bool sched_register(Term name, Process *p);
bool sched_unregister(Term name);
Process *sched_whereis(Term name);
Term sched_registered(Process *p);
size_t sched_process_count(void);
Term sched_processes(Process *p);
/* Links and monitors (minimal; issue 3 completes them). */
void sched_link(Process *a, Process *b);
void sched_unlink(Process *a, Term other);
Term sched_monitor(Process *p, Process *target, Term target_term);
bool sched_demonitor(Process *p, Term ref);
/* Deliver an exit signal: a message to a trapping process, else the
 * receiver dies with the reason (normal is ignored; kill from exit/2 is
 * untrappable and becomes killed). */
void sched_exit_signal(Process *from, Process *to, Term reason, bool link);
/* Reductions in one time slice (ERTS's CONTEXT_REDS is 4000). */
#define SCHED_CONTEXT_REDS 2000
/* Counters for erlang:statistics/1 and system_info/1 (bif/erlang_info.c). */
typedef struct {
    uint64_t reductions;        /* of every finished time slice */
    uint64_t context_switches;  /* time slices run */
    size_t run_queue;           /* processes waiting to run */
    size_t process_limit;
    uint32_t schedulers;
} SchedInfo;
void sched_info(SchedInfo *out);
/* Halt the VM after the current slice with this exit status. */
void sched_halt(int status);
extern int sched_exit_status;
#endif
