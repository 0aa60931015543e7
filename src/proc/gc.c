/* gc.c — a Cheney copying collector for one process (see gc.h).
 * From-space is the young heap block plus every heap fragment; to-space is
 * a fresh block sized along ERTS's Fibonacci-like series. Roots: the x
 * registers, the stack, the process dictionary and the exception fields.
 * Terms outside from-space (module literals) are never copied. Moved
 * objects are marked in place: a boxed object's header is replaced by a
 * boxed pointer to its copy; a cons cell gets THE_NON_VALUE in its head and
 * the new cell in its tail. Dead refc-binary handles drop their reference
 * after the copy.
 * Generational, as ERTS: a minor collection copies only the young block
 * and fragments, promoting what already survived one collection (below the
 * high-water mark p->hwm) to the old heap; a major one (fullsweep_after
 * minor ones, erlang:garbage_collect, hibernate, or a full old heap)
 * copies everything into one fresh block. docs/memory.md. */
#include "gc.h"
#include "layout.h"
#include "../term/binary.h"
#include "../term/atom.h"
#include <stdlib.h>
#include <stdio.h>

typedef struct { const Term *lo, *hi; } Range;

typedef struct {
    Term *lo, *hi;                  /* the young block's terms [heap, htop) */
    Term *hwm;                      /* minor: [lo, hwm) survived a collection
                                     * already and is promoted; major: lo */
    Term *old_lo, *old_hi;          /* major: the old heap, from-space too */
    Range *frags;                   /* fragments, sorted by address */
    size_t nfrags;
    Term *htop;                     /* young to-space allocation pointer */
    Term *otop;                     /* old heap allocation pointer (minor) */
    OffHeapHeader *off_heap;        /* new off-heap list: young handles */
    OffHeapHeader *old_off;         /* handles promoted by this collection */
    size_t promoted_bin;            /* bytes those refer to */
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
    if (ptr >= g->old_lo && ptr < g->old_hi)
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

/* Where a live object at ptr goes: the old heap if it has survived a
 * collection already (minor collections only), else the new young block. */
static inline Term **dest(Gc *g, const Term *ptr)
{
    return (ptr >= g->lo && ptr < g->hwm) ? &g->otop : &g->htop;
}

static Term forward(Gc *g, Term t)
{
    if (is_list(t)) {
        Term *c = list_val(t);
        if (!in_from_space(g, c))
            return t;
        if (c[0] == THE_NON_VALUE)
            return c[1];
        Term **top = dest(g, c);
        Term *n = *top;
        *top += 2;
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
        Term **top = dest(g, o);
        Term *n = *top;
        *top += words;
        memcpy(n, o, words * sizeof(Term));
        if (header_subtag(n[0]) == SUB_REFC_BIN) {
            OffHeapHeader *oh = (OffHeapHeader *)n;
            if (top == &g->otop) {
                oh->next = g->old_off;
                g->old_off = oh;
                g->promoted_bin += (size_t)oh->size;
            } else {
                oh->next = g->off_heap;
                g->off_heap = oh;
            }
        }
        o[0] = make_boxed(n);
        return o[0];
    }
    return t;
}

/* Forward the terms of the object or cell at s; the next word to scan. */
static Term *scan_one(Gc *g, Term *s)
{
    Term w = *s;
    if (is_header(w)) {
        size_t first, count;
        layout_terms(w, &first, &count);
        for (size_t i = 0; i < count; i++)
            s[first + i] = forward(g, s[first + i]);
        return s + 1 + header_arity(w);
    }
    *s = forward(g, w);
    return s + 1;
}

/* Cheney's scan over both to-spaces: what is copied into one may point
 * into from-space objects bound for the other. */
static void scan_all(Gc *g, Term *ys, Term *os)
{
    while (ys < g->htop || (os && os < g->otop)) {
        while (ys < g->htop)
            ys = scan_one(g, ys);
        while (os && os < g->otop)
            os = scan_one(g, os);
    }
}

bool gc_stress_mode;

void gc_init(void)
{
    const char *s = getenv("GIRDER_GC_STRESS");
    gc_stress_mode = s && *s && *s != '0';
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

/* Drop the reference of every handle on the list that was not moved. */
static void bin_sweep(OffHeapHeader *oh)
{
    while (oh) {
        OffHeapHeader *next = oh->next;
        if (!is_boxed(oh->header))
            bin_offheap_release(oh);
        oh = next;
    }
}

static Term *alloc_block(size_t words)
{
    Term *b = malloc(words * sizeof(Term));
    if (!b) {
        fprintf(stderr, "girder: out of memory collecting a heap of %zu words\n", words);
        abort();
    }
    return b;
}

static void forward_roots(Gc *g, Process *p, Term *x, uint32_t live, Term *nstop, Term *nhend)
{
    for (uint32_t i = 0; i < live; i++)
        x[i] = forward(g, x[i]);
    for (Term *s = nstop; s < nhend; s++)
        if (is_list(*s) || is_boxed(*s))
            *s = forward(g, *s);
    p->dictionary = forward(g, p->dictionary);
    if (is_value(p->fvalue)) p->fvalue = forward(g, p->fvalue);
    if (is_value(p->fargs)) p->fargs = forward(g, p->fargs);
    if (is_value(p->fstash)) p->fstash = forward(g, p->fstash);
    p->pending_exit = forward(g, p->pending_exit);
    for (uint32_t i = 0; i < p->arity && p->arg_reg; i++)
        p->arg_reg[i] = forward(g, p->arg_reg[i]);
}

/* Copy every live term reachable from the roots. major: young, old heap
 * and fragments all go into a fresh young block of `size` words, and the
 * old heap is freed. minor: young and fragments only; what lies below the
 * high-water mark goes to the old heap (which has room: the caller checked),
 * the rest into the fresh block. Old objects never point to younger ones
 * (terms are immutable), so the old heap is not scanned. */
static void collect(Process *p, Term *x, uint32_t live, size_t size, bool major)
{
    Gc g = { p->heap, p->htop, major ? p->heap : p->hwm,
             major ? p->old_heap : NULL, major ? p->old_htop : NULL,
             NULL, 0, NULL, major ? NULL : p->old_htop, NULL, NULL, 0 };
    for (HeapFrag *f = p->frags; f; f = f->next)
        g.nfrags++;
    g.frags = malloc((g.nfrags + 1) * sizeof(Range));
    size_t k = 0;
    for (HeapFrag *f = p->frags; f; f = f->next)
        g.frags[k++] = (Range){ f->mem, f->mem + f->used };
    qsort(g.frags, g.nfrags, sizeof(Range), range_cmp);
    Term *nheap = alloc_block(size);
    size_t stack_words = (size_t)(p->hend - p->stop);
    Term *nhend = nheap + size;
    Term *nstop = nhend - stack_words;
    memcpy(nstop, p->stop, stack_words * sizeof(Term));
    g.htop = nheap;
    Term *old_scan = g.otop;
    forward_roots(&g, p, x, live, nstop, nhend);
    scan_all(&g, nheap, old_scan);
    /* refc handles: moved ones are on the new lists, the others are dead
     * and drop their reference. A minor collection looks at the young list
     * only: what sits in the old heap stays, with what it just promoted in
     * front. */
    bin_sweep(p->off_heap);
    if (major) {
        bin_sweep(p->old_off_heap);
        p->old_off_heap = NULL;
        p->bin_old_vheap = 0;
    } else if (g.old_off) {
        OffHeapHeader *last = g.old_off;
        while (last->next)
            last = last->next;
        last->next = p->old_off_heap;
        p->old_off_heap = g.old_off;
        p->bin_old_vheap += g.promoted_bin;
    }
    p->off_heap = g.off_heap;
    /* the virtual binary heap: what the young block now refers to */
    size_t young_bin = 0;
    for (OffHeapHeader *oh = g.off_heap; oh; oh = oh->next)
        young_bin += (size_t)oh->size;
    p->bin_vheap = young_bin;
    size_t floor = (size_t)p->min_bin_vheap * sizeof(Term);
    if (p->bin_vheap_sz < 2 * young_bin)
        p->bin_vheap_sz = 2 * young_bin;
    else if (p->bin_vheap_sz > floor && 4 * young_bin < p->bin_vheap_sz)
        p->bin_vheap_sz = p->bin_vheap_sz / 2 > floor ? p->bin_vheap_sz / 2 : floor;
    /* promoted binaries are only freed by a full sweep: ask for one when
     * the old heap refers to much more than after the last one */
    bool sweep = p->bin_old_vheap > p->bin_old_vheap_sz;
    if (major)
        p->bin_old_vheap_sz = 2 * young_bin > floor ? 2 * young_bin : floor;
    free(g.frags);
    proc_mem_add((int64_t)size - (int64_t)(p->hend - p->heap));
    free(p->heap);
    proc_free_heap_frags(p);
    if (major && p->old_heap) {
        proc_mem_add(-(int64_t)(p->old_hend - p->old_heap));
        free(p->old_heap);
        p->old_heap = p->old_htop = p->old_hend = NULL;
    } else if (!major) {
        p->old_htop = g.otop;
    }
    p->heap = nheap;
    p->htop = g.htop;
    p->hend = nhend;
    p->stop = nstop;
    p->hwm = g.htop;
    p->gc_requested = sweep ? GC_REQ_MAJOR : GC_REQ_NONE;
}

/* A major collection into a block just big enough for what is live (plus
 * need), growing or shrinking the heap along the size series. */
static size_t major(Process *p, size_t need, Term *x, uint32_t live)
{
    size_t used = (size_t)(p->htop - p->heap) + p->frag_words + (size_t)(p->old_htop - p->old_heap);
    size_t stack_words = (size_t)(p->hend - p->stop);
    size_t size = gc_heap_size_for(used + stack_words + need + 1);
    if (size < p->min_heap_size)
        size = gc_heap_size_for(p->min_heap_size);
    collect(p, x, live, size, true);
    size_t kept = (size_t)(p->htop - p->heap), moved = kept;
    /* Too big for what survived? Compact once more into a smaller block,
     * so a process that made much garbage does not keep a large heap. */
    size_t want = gc_heap_size_for((kept + stack_words + need + 1) * 2);
    if (want < p->min_heap_size)
        want = p->min_heap_size;
    if (want < size / 2) {
        collect(p, x, live, want, true);
        moved += kept / 10;          /* ERTS: a resize costs a tenth as much */
    }
    p->gc_count = 0;
    atomic_fetch_add(&gc_reclaimed, used > kept ? used - kept : 0);
    return moved;
}

/* A minor collection, or a major one when the old heap has no room for
 * what would be promoted. */
/* The next collection of p is a full sweep: asked for, due after
 * fullsweep_after minor ones, or the old heap cannot take what would be
 * promoted (the first promotion makes an old heap instead). */
static bool next_is_major(const Process *p)
{
    size_t promote = (size_t)(p->hwm - p->heap);
    return p->gc_requested == GC_REQ_MAJOR || p->gc_count >= p->fullsweep_after ||
           (p->old_heap && (size_t)(p->old_hend - p->old_htop) < promote);
}

/* About a millisecond of copying on this machine. */
#define GC_OFFLOAD_WORDS (256 * 1024)

bool gc_should_offload(const Process *p)
{
    size_t words = (size_t)(p->htop - p->heap) + p->frag_words;
    if (next_is_major(p))
        words += (size_t)(p->old_htop - p->old_heap);
    return words > GC_OFFLOAD_WORDS;
}

/* A minor collection (next_is_major is false). */
static size_t minor(Process *p, size_t need, Term *x, uint32_t live)
{
    size_t promote = (size_t)(p->hwm - p->heap);
    if (promote && !p->old_heap) {
        /* the first promotion: an old heap with room to spare */
        size_t osize = gc_heap_size_for(2 * promote + PROC_MIN_HEAP_WORDS);
        p->old_heap = p->old_htop = alloc_block(osize);
        p->old_hend = p->old_heap + osize;
        proc_mem_add((int64_t)osize);
    }
    size_t young = (size_t)(p->htop - p->hwm) + p->frag_words;
    size_t stack_words = (size_t)(p->hend - p->stop);
    size_t cur = (size_t)(p->hend - p->heap);
    size_t size = gc_heap_size_for(young + stack_words + need + 1);
    if (size < cur)
        size = cur;                  /* a minor collection keeps its size */
    size_t used = (size_t)(p->htop - p->heap) + p->frag_words;
    Term *old_before = p->old_htop;
    collect(p, x, live, size, false);
    size_t young_kept = (size_t)(p->htop - p->heap);
    size_t kept = young_kept + (size_t)(p->old_htop - old_before);
    /* Much bigger than what survived young? Copy those again into a
     * smaller block (nothing promoted: the mark is lowered for it), so a
     * burst of garbage does not leave a large young heap behind. */
    size_t want = gc_heap_size_for((young_kept + stack_words + need + 1) * 2);
    if (want < p->min_heap_size)
        want = p->min_heap_size;
    if (want < size / 2) {
        p->hwm = p->heap;
        collect(p, x, live, want, false);
        kept += young_kept / 10;
    }
    p->gc_count++;
    atomic_fetch_add(&gc_reclaimed, used > kept ? used - kept : 0);
    return kept;
}

/* Young block, old heap and fragments: ERTS's total heap size. */
static size_t total_heap_words(const Process *p)
{
    return (size_t)(p->hend - p->heap) + (size_t)(p->old_hend - p->old_heap) + p->frag_words;
}

/* max_heap_size exceeded: ERTS's report (with error_logger set) and, with
 * kill set, the process dies with reason killed at its next yield point
 * (it is made to yield now). Returns the reductions to charge. */
static int max_heap_reached(Process *p, int reds)
{
    if (p->max_heap_flags & 2) {
        fprintf(stderr, "=ERROR REPORT====\n     Process:          <0.%lu.0> \n"
                "     Context:          maximum heap size reached\n"
                "     Max Heap Size:    %zu\n     Total Heap Size:  %zu\n"
                "     Kill:             %s\n     Error Logger:     true\n"
                "     Message Queue Len: %u\n\n",
                (unsigned long)internal_pid_index(p->id), p->max_heap_size, total_heap_words(p),
                (p->max_heap_flags & 1) ? "true" : "false", p->msg_len);
    }
    if (!(p->max_heap_flags & 1))
        return reds;
    if (p->pending_exit == NIL)
        p->pending_exit = AM(killed);
    return 1 << 30;
}

/* After a collection that moved `moved` words: the count, max_heap_size,
 * and the reductions, as ERTS charges them (a tenth of the words moved). */
static int finish(Process *p, size_t moved)
{
    atomic_fetch_add(&gc_total, 1);
    size_t reds = moved / 10;
    int r = reds < 1 ? 1 : reds > 1000000 ? 1000000 : (int)reds;
    if (p->max_heap_size && total_heap_words(p) > p->max_heap_size)
        return max_heap_reached(p, r);
    return r;
}

int gc_collect(Process *p, size_t need, Term *x, uint32_t live)
{
    return finish(p, next_is_major(p) ? major(p, need, x, live) : minor(p, need, x, live));
}

int gc_collect_major(Process *p, size_t need, Term *x, uint32_t live)
{
    return finish(p, major(p, need, x, live));
}
