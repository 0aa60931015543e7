/* process.c — creating and freeing process control blocks and their
 * heap+stack block (scheduling lives in sched.c). */
#include "process.h"
#include "../term/atom.h"
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <stdio.h>

_Atomic int64_t proc_mem_words;

static void *xmalloc(size_t size)
{
    void *p = malloc(size);
    if (!p) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    return p;
}

static void init_fields(Process *p, size_t heap_words)
{
    if (heap_words < PROC_MIN_HEAP_WORDS)
        heap_words = PROC_MIN_HEAP_WORDS;
    p->heap = xmalloc(heap_words * sizeof(Term));   /* terms are written before they are read */
    proc_mem_add((int64_t)heap_words);
    p->htop = p->heap;
    p->hwm = p->heap;
    p->hend = p->heap + heap_words;
    p->stop = p->hend;
    p->min_heap_size = PROC_MIN_HEAP_WORDS;
    p->dictionary = NIL;
    p->registered_name = NIL;
    p->group_leader = NIL;
    p->fvalue = p->fargs = p->fstash = NIL;
    p->ferror_info = NIL;
    p->msg_first = NULL;
    p->msg_last = &p->msg_first;
    p->msg_save = &p->msg_first;
    p->mq_in_first = NULL;
    p->mq_in_last = &p->mq_in_first;
    p->timeout_at = -1;
    p->priority = 2;          /* PRIO_NORMAL */
    p->fullsweep_after = 65535;
    p->max_heap_flags = 3;
    p->bin_vheap_sz = PROC_MIN_VHEAP_BYTES;
    p->bin_old_vheap_sz = PROC_MIN_VHEAP_BYTES;
    p->min_bin_vheap = PROC_MIN_BIN_VHEAP;
    p->parent = AM(undefined);
}

Process *proc_alloc_bare(size_t heap_words)
{
    Process *p = xcalloc(1, sizeof *p);
    atomic_flag_clear(&p->plock);
    atomic_flag_clear(&p->main_lock);
    init_fields(p, heap_words);
    return p;
}

void proc_free_heaps(Process *p)
{
    proc_free_heap_frags(p);
    proc_mem_add(-(int64_t)(p->hend - p->heap));
    free(p->heap);
    p->heap = p->htop = p->stop = p->hend = p->hwm = NULL;
    proc_mem_add(-(int64_t)(p->old_hend - p->old_heap));
    free(p->old_heap);
    p->old_heap = p->old_htop = p->old_hend = NULL;
}

void proc_reinit(Process *p, size_t heap_words)
{
    proc_free_heaps(p);
    free(p->arg_reg);
    memset(p, 0, offsetof(Process, plock));
    init_fields(p, heap_words);
}

bool proc_owns(const Process *p, const Term *ptr)
{
    if ((ptr >= p->heap && ptr < p->hend) || (ptr >= p->old_heap && ptr < p->old_hend))
        return true;
    for (const HeapFrag *f = p->frags; f; f = f->next)
        if (ptr >= f->mem && ptr < f->mem + f->size)
            return true;
    return false;
}

void proc_free_heap_frags(Process *p)
{
    HeapFrag *f = p->frags;
    while (f) {
        HeapFrag *n = f->next;
        free(f);
        f = n;
    }
    proc_mem_add(-(int64_t)p->frag_words);
    p->frags = NULL;
    p->frag_words = 0;
}

void proc_free_bare(Process *p)
{
    proc_free_heaps(p);
    free(p->arg_reg);
    free(p);
}
