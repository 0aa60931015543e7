/* process.h — the process control block.
 * Owns the layout of a process: one block holding the young heap (growing
 * up from `heap`) and the stack (growing down from `hend`), heap fragments,
 * the off-heap list, the saved registers of a process that is not running,
 * and its exception state. Who may touch what is written beside each group
 * of fields. */
#ifndef GIRDER_PROCESS_H
#define GIRDER_PROCESS_H

#include "../term/term.h"
#include "heap.h"
#include <stdatomic.h>
#include <sched.h>

typedef UWord BeamInstr;
typedef struct Mailbox Mailbox;
typedef struct Message Message;

/* Exception classes (p->fclass). */
enum { EXC_NONE = 0, EXC_ERROR = 1, EXC_EXIT = 2, EXC_THROW = 3,
       /* not an exception: a BIF set p->i (and the x registers) to continue
        * in Erlang code (apply, error handler) */
       EXC_TRAP = 4,
       /* not an exception: a module's on_load function must run first, at
        * p->i; the call to retry is in p->fstash (see emu.c) */
       EXC_ONLOAD = 5,
       /* not an exception: continue at p->i with the stack as the BIF left
        * it (erlang:hibernate/3 discards the stack) */
       EXC_JUMP = 6 };

#define MAX_X_REGS 1024
/* ERTS's initial heap+stack size, in words. */
#define PROC_MIN_HEAP_WORDS 233
/* ERTS's default min_bin_vheap_size (words) */
#define PROC_MIN_BIN_VHEAP 46422

/* A queued message or signal: a term plus the heap fragment holding it
 * (NULL for an immediate). Signals share the incoming queue with messages,
 * so everything one process sends another arrives in order; the receiver
 * turns signals into actions when it fetches them (message.c). */
struct Message {
    Message *next;
    Term term;                /* SIG_MSG: the message; SIG_EXIT*: the reason;
                               * SIG_DOWN: {Ref, Reason} */
    HeapFrag *frag;           /* NULL if term is an immediate */
    OffHeapHeader *off_heap;  /* refc handles inside frag */
    Term from;                /* sender's pid (signals) */
    uint8_t kind;             /* SIG_* */
};
enum { SIG_MSG, SIG_EXIT_LINK, SIG_EXIT, SIG_DOWN,
       SIG_DEMONITOR, /* term: a ref; after a reply_demonitor alias was used */
       SIG_ALIVE /* term: a ref; is_process_alive's request from `from` */ };

/* A link or monitor held by a process. The list is guarded by the
 * process's plock: other processes add and remove their side of a link or
 * monitor under it. */
typedef struct LinkNode {
    struct LinkNode *next;
    Term other;               /* pid of the other side */
    Term ref;                 /* monitor reference (NIL for links): points at refw */
    Term refw[3];             /* the reference's words (REF_WORDS) */
    Term tag;                 /* LK_MONITOR: monitor/3's {tag, T}, else NIL */
    HeapFrag *tag_frag;       /* holds tag */
    OffHeapHeader *tag_oh;    /* refc handles inside tag_frag */
    Term name;                /* a monitor by registered name (both sides): the name, else NIL */
    uint8_t kind;             /* LK_* */
    uint8_t alias;            /* LK_MONITOR/LK_ALIAS: ALIAS_* mode (alias.h) */
} LinkNode;
/* LK_MONITOR: I watch other; LK_MONITORED_BY: other watches me; LK_ALIAS:
 * an alias of mine (erlang:alias/0,1) */
enum { LK_LINK, LK_MONITOR, LK_MONITORED_BY, LK_ALIAS };

struct Process {
    /* --- heap and stack: touched only by the scheduler running the
     *     process (or by the process's own GC). Invariants:
     *     heap <= htop <= stop <= hend; [heap, htop) holds valid terms;
     *     [stop, hend) holds terms, catch words and return addresses
     *     (primary tag 00, pointing into code). */
    Term *htop;
    Term *stop;
    Term *heap;
    Term *hend;
    HeapFrag *frags;          /* newest first */
    size_t frag_words;        /* words in all fragments */
    OffHeapHeader *off_heap;  /* refc handles in the young block and fragments */
    OffHeapHeader *old_off_heap; /* refc handles in the old heap (a minor
                               * collection does not look at them) */
    size_t bin_old_vheap;     /* bytes those refer to */
    size_t min_heap_size;
    Term *old_heap, *old_htop, *old_hend;   /* objects promoted by minor collections */
    Term *hwm;                /* high-water mark: [heap, hwm) survived a collection */
    uint32_t gc_count;        /* minor collections since the last full sweep */
    size_t gc_need;           /* words wanted by a collection run off the scheduler */
    _Atomic uint8_t gc_requested; /* collect at the next safe point: GC_REQ_* */
    size_t bin_vheap;         /* bytes of refc binaries this heap holds (young) */
    size_t bin_vheap_sz;      /* collect when bin_vheap passes it */
    size_t bin_old_vheap_sz;  /* full sweep when the old heap holds more */

    /* --- execution state while switched out: scheduler-owned. */
    const BeamInstr *i;       /* next instruction */
    Term *arg_reg;            /* saved x registers (malloc'd, arity words) */
    uint32_t arity;           /* live x registers when switched out */
    uint32_t arg_reg_cap;
    int32_t fcalls;           /* reductions left in this slice */
    uint64_t reductions;      /* total reductions */
    int32_t catches;          /* live catch frames on the stack */
    const BeamInstr *current; /* function entry of the running code (for traces) */

    /* --- exception being raised: set by a failing BIF or instruction,
     *     read by the emulator's exception handler. */
    uint32_t fclass;          /* EXC_* */
    Term fvalue;              /* reason */
    Term fargs;               /* THE_NON_VALUE, or args for the first frame */
    Term fstash;              /* the stack trace once built; also carries the
                               * call to retry while an on_load runs (emu.c) */
    struct Export *fbif;      /* the BIF that raised, for the first frame */
    bool fskip_current;       /* trace: leave out the current function */
    bool fkeep_trace;         /* trace: fstash was given (erlang:raise/3) */
    bool fdup_current;        /* trace: current function twice (apply/2 of a bad fun) */
    Term ferror_info;         /* error/3's {error_info, Map} map, or NIL */

    /* --- identity and process-local data. */
    Term id;                  /* the pid */
    _Atomic Term group_leader; /* set by group_leader/2 from any process */
    Term dictionary;          /* process dictionary: list of {K,V}, NIL if empty */
    _Atomic Term registered_name; /* atom or NIL; written under the name table's lock */
    Term initial_call[3];
    uint32_t flags;

    /* --- mailbox: the incoming queue is written by senders under `plock`;
     *     the inner queue [first, *save) is owned by the process. */
    Message *msg_first;
    Message **msg_last;
    Message **msg_save;       /* receive position */
    uint32_t msg_len;
    /* receive markers (OTP 24+ recv_marker_*), allocated at the first
     * recv_marker_reserve (message.c). Owner-only. */
    struct RecvMarkers *markers;
    Message *mq_in_first;     /* messages and signals from other processes */
    Message **mq_in_last;

    /* --- locks (both spinlocks, see proc_lock; declared at the end):
     *   plock     guards mq_in_*, links, the state transitions out of
     *             PS_WAITING and into PS_EXITED, and wait_seq. Held briefly.
     *   main_lock held by the scheduler while the process runs, and by a
     *             process inspecting this one (process_info of another
     *             process): whoever holds it may read the heap, the queue
     *             and the registers. A holder never waits for another
     *             process's main lock (inspectors give up their own first),
     *             so the two locks cannot deadlock. Lock order: main, then
     *             plock; never two plocks at once. */
    LinkNode *links;          /* links and monitors, both directions (plock) */
    Term pending_exit;        /* owner-only: the exit reason to die with when next scheduled, or NIL */
    const BeamInstr *timeout_resume;

    /* --- scheduler links. */
    struct Process *run_next; /* run queue link (the run queue's lock) */
    int64_t timeout_at;       /* owner-only: monotonic ns of a pending receive timeout, or -1 */
    uint8_t priority;         /* PRIO_* (sched.h) */
    uint8_t last_sched;       /* index of the scheduler that ran it last */
    uint32_t min_bin_vheap;   /* min_bin_vheap_size (words): the floor of
                               * bin_vheap_sz, the virtual binary heap */
    Term parent;              /* the spawner's pid, or undefined (immediate) */
    uint16_t bound_sched;     /* spawn_opt {scheduler, N}: N, the scheduler
                               * (1-based) it runs on and is never stolen
                               * from; 0 unbound. Set before it first runs. */
    uint8_t mq_off_heap;      /* message_queue_data: off_heap (1) or on_heap (0) */
    uint32_t fullsweep_after;
    size_t max_heap_size;     /* words; 0 = no limit */
    uint32_t max_heap_flags;  /* bit 0 kill, bit 1 error_logger */

    /* --- kept when the block is reused for a new process (ptab.c): a
     *     stale pointer holder may still take and drop the locks. */
    atomic_flag plock;
    atomic_flag main_lock;
    _Atomic uint32_t state;   /* PS_* (sched.h) */
    uint32_t wait_seq;        /* bumped on each wait (plock): stale timeouts ignore it */
};

/* gc_requested: erlang:garbage_collect asks for a full sweep; a heap that
 * holds much refc binary data (the virtual binary heap) for a minor one. */
enum { GC_REQ_NONE, GC_REQ_MAJOR, GC_REQ_MINOR };
/* ERTS's default min_bin_vheap_size, 46422 words, in bytes. */
#define PROC_MIN_VHEAP_BYTES (46422 * 8)

#define PF_TRAP_EXIT  0x1
#define PF_EXITING    0x2

/* The per-process spinlocks: held for a few instructions (plock) or one
 * time slice (main_lock); a waiter yields its thread after a short spin. */
static inline void proc_lock(atomic_flag *l)
{
    unsigned spins = 0;
    while (atomic_flag_test_and_set_explicit(l, memory_order_acquire))
        if (++spins >= 100) {
            sched_yield();
            spins = 0;
        }
}
static inline bool proc_trylock(atomic_flag *l)
{
    return !atomic_flag_test_and_set_explicit(l, memory_order_acquire);
}
static inline void proc_unlock(atomic_flag *l)
{
    atomic_flag_clear_explicit(l, memory_order_release);
}

/* Words kept free between heap top and stack top: a call pushes its return
 * address without a check, so every allocation leaves room for one push
 * (the frame's `allocate` checked for it). */
#define PROC_STACK_SLACK 1

/* Words held by process heaps and heap fragments, VM-wide (erlang:memory). */
extern _Atomic int64_t proc_mem_words;
static inline void proc_mem_add(int64_t words)
{
    atomic_fetch_add_explicit(&proc_mem_words, words, memory_order_relaxed);
}

/* p's heap now refers to `bytes` more of refc binary data; past the
 * virtual binary heap's size a minor collection is asked for. */
static inline void proc_vheap_add(Process *p, size_t bytes)
{
    p->bin_vheap += bytes;
    if (p->bin_vheap > p->bin_vheap_sz && !p->gc_requested)
        p->gc_requested = GC_REQ_MINOR;
}

/* Allocate `words` on p's heap; a fragment when the heap is full. Never
 * collects, so it may be called anywhere in a BIF. */
static inline Term *proc_alloc(Process *p, size_t words)
{
    Term *hp = p->htop;
    if ((size_t)(p->stop - hp) >= words + PROC_STACK_SLACK) {
        p->htop = hp + words;
        return hp;
    }
    return proc_alloc_frag(p, words);
}

/* Give back the last `words` handed out by proc_alloc when nothing was
 * allocated since (only if they came from the main heap). */
static inline void proc_unalloc(Process *p, Term *hp, size_t words)
{
    if (hp + words == p->htop)
        p->htop = hp;
}



/* A process block with an empty heap of at least `heap_words` words, not
 * yet scheduled (used by the spawner and by unit tests). */
Process *proc_alloc_bare(size_t heap_words);
/* Give p (a used block) a fresh empty heap and blank fields; the fields
 * from plock on are kept. */
void proc_reinit(Process *p, size_t heap_words);
void proc_free_bare(Process *p);
/* ptr lies in p's own heap, old heap or heap fragments (owner or main
 * lock holder only). Anything else a term of p points at is constant
 * data shared by all: a module literal or a persistent term. */
bool proc_owns(const Process *p, const Term *ptr);
void proc_free_heap_frags(Process *p);
/* Free the young block, the old heap and the fragments (accounted in
 * proc_mem_words); the pointers become NULL. */
void proc_free_heaps(Process *p);
#endif
