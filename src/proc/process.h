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

/* A queued message: a term plus the heap fragment holding it (NULL for an
 * immediate). */
struct Message {
    Message *next;
    Term term;
    HeapFrag *frag;           /* NULL if term is an immediate */
    OffHeapHeader *off_heap;  /* refc handles inside frag */
};

/* A link or monitor held by a process (owner-only list). */
typedef struct LinkNode {
    struct LinkNode *next;
    Term other;               /* pid of the other side */
    Term ref;                 /* monitor reference (NIL for links) */
    uint8_t kind;             /* LK_LINK, LK_MONITOR (I watch other), LK_MONITORED_BY */
} LinkNode;
enum { LK_LINK, LK_MONITOR, LK_MONITORED_BY };

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
    OffHeapHeader *off_heap;  /* refc binaries etc. this heap refers to */
    size_t min_heap_size;
    Term *old_heap, *old_htop, *old_hend;   /* generational GC (later) */
    uint32_t gc_count;
    bool gc_requested;        /* erlang:garbage_collect: collect at the next safe point */

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
    Term group_leader;
    Term dictionary;          /* process dictionary: list of {K,V}, NIL if empty */
    Term registered_name;     /* atom or NIL */
    Term initial_call[3];
    uint32_t flags;

    /* --- mailbox: the outer queue is written by senders under `mq_lock`;
     *     the inner queue [first, *save) is owned by the process. */
    Message *msg_first;
    Message **msg_last;
    Message **msg_save;       /* receive position */
    uint32_t msg_len;
    /* receive markers (OTP 24+ recv_marker_*): where the queue ended when
     * a reference was made, so a receive matching on it skips older
     * messages. pos is the link slot after the last older message; kept
     * valid by msg_remove. Owner-only. */
    struct {
        Message **pos;
        Term ref[3];          /* the bound reference's words (REF_WORDS) */
        uint8_t state;        /* 0 free, 1 reserved, 2 bound */
    } markers[2];
    uint8_t marker_next;
    Message *mq_in_first;     /* signals pushed by other processes */
    Message **mq_in_last;
    atomic_flag mq_lock;

    LinkNode *links;          /* links and monitors, both directions */
    Term pending_exit;        /* exit signal to act on when next scheduled, or NIL */
    const BeamInstr *timeout_resume;

    /* --- scheduler links. */
    struct Process *run_next;
    _Atomic uint32_t state;
    int64_t timeout_at;       /* monotonic ns of a pending receive timeout, or -1 */
};

#define PF_TRAP_EXIT  0x1
#define PF_EXITING    0x2

/* Words kept free between heap top and stack top: a call pushes its return
 * address without a check, so every allocation leaves room for one push
 * (the frame's `allocate` checked for it). */
#define PROC_STACK_SLACK 1

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
void proc_free_bare(Process *p);
void proc_free_heap_frags(Process *p);
#endif
