/* process.c — creating and freeing process control blocks and their
 * heap+stack block (scheduling lives in sched.c). */
#include "process.h"
#include <stdlib.h>
#include <stdio.h>

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    return p;
}

Process *proc_alloc_bare(size_t heap_words)
{
    Process *p = xcalloc(1, sizeof *p);
    if (heap_words < PROC_MIN_HEAP_WORDS)
        heap_words = PROC_MIN_HEAP_WORDS;
    p->heap = xcalloc(heap_words, sizeof(Term));
    p->htop = p->heap;
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
    atomic_flag_clear(&p->mq_lock);
    p->timeout_at = -1;
    return p;
}

void proc_free_heap_frags(Process *p)
{
    HeapFrag *f = p->frags;
    while (f) {
        HeapFrag *n = f->next;
        free(f);
        f = n;
    }
    p->frags = NULL;
    p->frag_words = 0;
}

void proc_free_bare(Process *p)
{
    proc_free_heap_frags(p);
    free(p->heap);
    free(p->old_heap);
    free(p->arg_reg);
    free(p);
}
