/* gc.c — a Cheney copying collector for one process (see gc.h).
 * From-space is the young heap block plus every heap fragment; to-space is
 * a fresh block sized along ERTS's Fibonacci-like series. Roots: the x
 * registers, the stack, the process dictionary and the exception fields.
 * Terms outside from-space (module literals) are never copied. Moved
 * objects are marked in place: a boxed object's header is replaced by a
 * boxed pointer to its copy; a cons cell gets THE_NON_VALUE in its head and
 * the new cell in its tail. Dead refc-binary handles drop their reference
 * after the copy. The generational collector is a later step (docs/gc.md). */
#include "gc.h"
#include "layout.h"
#include "../term/binary.h"
#include <stdlib.h>
#include <stdio.h>

typedef struct { const Term *lo, *hi; } Range;

typedef struct {
    Term *lo, *hi;                  /* old young heap [heap, htop) */
    Range *frags;                   /* fragments, sorted by address */
    size_t nfrags;
    Term *htop;                     /* to-space allocation pointer */
    OffHeapHeader *off_heap;        /* new off-heap list */
} Gc;

static int range_cmp(const void *a, const void *b)
{
    const Range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* A process can hold many fragments (one per received message), so they
 * are searched by bisection, not walked. */
static bool in_from_space(const Gc *g, const Term *ptr)
{
    if (ptr >= g->lo && ptr < g->hi)
        return true;
    size_t lo = 0, hi = g->nfrags;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ptr < g->frags[mid].lo) hi = mid;
        else if (ptr >= g->frags[mid].hi) lo = mid + 1;
        else return true;
    }
    return false;
}

static Term forward(Gc *g, Term t)
{
    if (is_list(t)) {
        Term *c = list_val(t);
        if (!in_from_space(g, c))
            return t;
        if (c[0] == THE_NON_VALUE)
            return c[1];
        Term *n = g->htop;
        g->htop += 2;
        n[0] = c[0];
        n[1] = c[1];
        c[0] = THE_NON_VALUE;
        c[1] = make_list(n);
        return c[1];
    }
    if (is_boxed(t)) {
        Term *o = boxed_val(t);
        if (!in_from_space(g, o))
            return t;
        if (is_boxed(o[0]))          /* already moved */
            return o[0];
        size_t words = 1 + header_arity(o[0]);
        Term *n = g->htop;
        g->htop += words;
        memcpy(n, o, words * sizeof(Term));
        if (header_subtag(n[0]) == SUB_REFC_BIN) {
            OffHeapHeader *oh = (OffHeapHeader *)n;
            oh->next = g->off_heap;
            g->off_heap = oh;
        }
        o[0] = make_boxed(n);
        return o[0];
    }
    return t;
}

static void scan_area(Gc *g, Term *from)
{
    Term *s = from;
    while (s < g->htop) {
        Term w = *s;
        if (is_header(w)) {
            size_t first, count;
            layout_terms(w, &first, &count);
            for (size_t i = 0; i < count; i++)
                s[first + i] = forward(g, s[first + i]);
            s += 1 + header_arity(w);
        } else {
            *s = forward(g, w);
            s++;
        }
    }
}

/* Node-wide counters for erlang:statistics(garbage_collection). */
static _Atomic uint64_t gc_total, gc_reclaimed;

void gc_stats(uint64_t *count, uint64_t *words_reclaimed)
{
    *count = atomic_load(&gc_total);
    *words_reclaimed = atomic_load(&gc_reclaimed);
}

/* ERTS's heap size series: 12, 38, then each the sum of the two before
 * plus one (233, 376, 610, 987, 1598, ...) up to the 23rd, then 20%
 * growth. */
size_t gc_heap_size_for(size_t words)
{
    size_t a = 12, b = 38;
    unsigned i = 1;
    if (words <= a)
        return a;
    while (b < words) {
        size_t c = ++i < 23 ? a + b + 1 : b + b / 5;
        a = b;
        b = c;
    }
    return b;
}

static void copy_into(Process *p, Term *x, uint32_t live, size_t size)
{
    Gc g = { p->heap, p->htop, NULL, 0, NULL, NULL };
    for (HeapFrag *f = p->frags; f; f = f->next)
        g.nfrags++;
    g.frags = malloc((g.nfrags + 1) * sizeof(Range));
    size_t k = 0;
    for (HeapFrag *f = p->frags; f; f = f->next)
        g.frags[k++] = (Range){ f->mem, f->mem + f->used };
    qsort(g.frags, g.nfrags, sizeof(Range), range_cmp);
    Term *nheap = malloc(size * sizeof(Term));
    if (!nheap) {
        fprintf(stderr, "girder: out of memory collecting a heap of %zu words\n", size);
        abort();
    }
    size_t stack_words = (size_t)(p->hend - p->stop);
    Term *nhend = nheap + size;
    Term *nstop = nhend - stack_words;
    memcpy(nstop, p->stop, stack_words * sizeof(Term));
    g.htop = nheap;
    for (uint32_t i = 0; i < live; i++)
        x[i] = forward(&g, x[i]);
    for (Term *s = nstop; s < nhend; s++)
        if (is_list(*s) || is_boxed(*s))
            *s = forward(&g, *s);
    p->dictionary = forward(&g, p->dictionary);
    if (is_value(p->fvalue)) p->fvalue = forward(&g, p->fvalue);
    if (is_value(p->fargs)) p->fargs = forward(&g, p->fargs);
    if (is_value(p->fstash)) p->fstash = forward(&g, p->fstash);
    p->pending_exit = forward(&g, p->pending_exit);
    for (uint32_t i = 0; i < p->arity && p->arg_reg; i++)
        p->arg_reg[i] = forward(&g, p->arg_reg[i]);
    scan_area(&g, nheap);
    /* handles not moved are dead: drop their references */
    for (OffHeapHeader *oh = p->off_heap; oh;) {
        OffHeapHeader *next = oh->next;
        if (!is_boxed(oh->header))
            bin_offheap_release(oh);
        oh = next;
    }
    p->off_heap = g.off_heap;
    free(g.frags);
    proc_mem_add((int64_t)size - (int64_t)(p->hend - p->heap));
    free(p->heap);
    proc_free_heap_frags(p);
    p->heap = nheap;
    p->htop = g.htop;
    p->hend = nhend;
    p->stop = nstop;
}

int gc_collect(Process *p, size_t need, Term *x, uint32_t live)
{
    size_t used = (size_t)(p->htop - p->heap) + p->frag_words;
    size_t stack_words = (size_t)(p->hend - p->stop);
    size_t size = gc_heap_size_for(used + stack_words + need + 1);
    if (size < p->min_heap_size)
        size = gc_heap_size_for(p->min_heap_size);
    copy_into(p, x, live, size);
    p->gc_count++;
    p->gc_requested = false;
    size_t kept = (size_t)(p->htop - p->heap);
    atomic_fetch_add(&gc_total, 1);
    atomic_fetch_add(&gc_reclaimed, used > kept ? used - kept : 0);
    /* Too big for what survived? Compact once more into a smaller block,
     * so a process that made much garbage does not keep a large heap. */
    size_t live_words = (size_t)(p->htop - p->heap) + stack_words + need + 1;
    size_t want = gc_heap_size_for(live_words * 2);
    if (want < p->min_heap_size)
        want = p->min_heap_size;
    size_t resized = 0;
    if (want < size / 2) {
        copy_into(p, x, live, want);
        resized = kept;
    }
    /* reductions, as ERTS charges them: a tenth of the live words moved,
     * a hundredth of those moved again by a resize, at least one */
    size_t reds = kept / 10 + resized / 100;
    return reds < 1 ? 1 : reds > 1000000 ? 1000000 : (int)reds;
}
