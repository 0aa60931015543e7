/* heap.h — allocation on a process heap, and heap fragments.
 * Owns the rule every term-building C function follows: ask proc_alloc for
 * words, fill them, never keep raw heap pointers across a safe point (a GC
 * may run only at safe points: test_heap/allocate instructions, receive,
 * and the scheduler). When the young heap has no room, proc_alloc hands out
 * a heap fragment instead; fragments are joined by the next collection. */
#ifndef GIRDER_HEAP_H
#define GIRDER_HEAP_H

#include "../term/term.h"

typedef struct Process Process;

/* A block of heap words outside the main heap, owned by one process.
 * Invariant: every word in [mem, mem+used) is part of a valid term. */
typedef struct HeapFrag {
    struct HeapFrag *next;
    size_t used;
    size_t size;
    Term mem[];
} HeapFrag;

/* Off-heap objects a process's heap refers to (refc binaries, ...), linked
 * through a field of each object's on-heap handle; the GC sweeps the list and
 * drops the references of handles that died. */
typedef struct OffHeapHeader {
    Term header;
    Term size;
    struct OffHeapHeader *next;
} OffHeapHeader;

Term *proc_alloc_frag(Process *p, size_t words);

#endif
