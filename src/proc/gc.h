/* gc.h — the per-process copying garbage collector. */
#ifndef GIRDER_GC_H
#define GIRDER_GC_H
#include "process.h"
/* Collect p so that at least `need` free words follow htop; the x registers
 * x[0..live) are roots and are updated. Joins all heap fragments. */
/* Returns the reductions the collection costs (the caller charges them). */
int gc_collect(Process *p, size_t need, Term *x, uint32_t live);
/* The same, always a full sweep (hibernate). */
int gc_collect_major(Process *p, size_t need, Term *x, uint32_t live);
/* A collection of p now would copy so much that it should run on a GC
 * thread rather than hold up its scheduler (ERTS moves such collections to
 * a dirty scheduler). */
bool gc_should_offload(const Process *p);
/* Collect p (state PS_GC, registers saved) on a GC thread; then make it
 * runnable again. */
void gc_offload(Process *p);
/* Reads GIRDER_GC_STRESS (see emu.c's TEST_HEAP). */
void gc_init(void);
extern bool gc_stress_mode;
/* Collections so far on this node, and heap words they freed. */
void gc_stats(uint64_t *count, uint64_t *words_reclaimed);
/* Heap sizes along ERTS's growth series: the smallest >= words. */
size_t gc_heap_size_for(size_t words);
#endif
