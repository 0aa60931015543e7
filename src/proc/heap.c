/* heap.c — heap fragments for allocations that do not fit the young heap
 * (see heap.h). */
#include "process.h"
#include <stdlib.h>
#include <stdio.h>

Term *proc_alloc_frag(Process *p, size_t words)
{
    /* Round small requests up so a BIF building a list cell by cell does not
     * make one fragment per cell. */
    size_t size = words < 256 ? 256 : words;
    HeapFrag *f = p->frags;
    if (f && f->size - f->used >= words) {
        Term *hp = f->mem + f->used;
        f->used += words;
        p->frag_words += words;
        proc_mem_add((int64_t)words);
        return hp;
    }
    f = malloc(sizeof(HeapFrag) + size * sizeof(Term));
    if (!f) {
        fprintf(stderr, "girder: out of memory (heap fragment of %zu words)\n", words);
        abort();
    }
    f->size = size;
    f->used = words;
    f->next = p->frags;
    p->frags = f;
    p->frag_words += words;
    proc_mem_add((int64_t)words);
    return f->mem;
}
