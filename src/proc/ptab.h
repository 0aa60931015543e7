/* ptab.h — the process table: pid -> process block.
 * A pid's number is a counter; its slot is the number mod the table size,
 * and a lookup checks the slot's process still has that pid. Process
 * blocks are type-stable: once allocated, a block is only ever reused for
 * another process in the same slot, never returned to malloc before the VM
 * exits, so a pointer from an old lookup stays safe to lock and re-check. */
#ifndef GIRDER_PTAB_H
#define GIRDER_PTAB_H
#include "process.h"

void ptab_init(size_t limit);
/* A fresh block in state PS_EMBRYO with its pid set and an empty heap of
 * at least heap_words; NULL when the table is full (system_limit). */
Process *ptab_new(size_t heap_words);
/* Alive (not embryo, not exited) with this pid, else NULL. */
Process *ptab_lookup(Term pid);
/* A process died: its slot may be reused. */
void ptab_release(Process *p);
size_t ptab_live(void);
size_t ptab_limit(void);
/* Every live process's pid, as a list on p's heap. */
Term ptab_pids(Process *p);
/* Call fn for every process block in use (diagnostics). */
void ptab_foreach(void (*fn)(Process *q));
#endif
