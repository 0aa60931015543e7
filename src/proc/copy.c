/* copy.c — copying terms between heaps (see copy.h). Both passes are
 * iterative: the size pass uses an explicit stack, the copy pass is a
 * Cheney scan of the destination, so neither recurses on the C stack. */
#include "copy.h"
#include "layout.h"
#include "../term/binary.h"
#include <stdlib.h>
#include <stdio.h>

typedef struct { Term *items; size_t n, cap; } Stack;

static void push(Stack *s, Term t)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->items = realloc(s->items, s->cap * sizeof(Term));
    }
    s->items[s->n++] = t;
}

size_t copy_size(Term t)
{
    Stack st = { 0 };
    size_t words = 0;
    push(&st, t);
    while (st.n) {
        Term u = st.items[--st.n];
        while (is_list(u)) {
            words += 2;
            Term *c = list_val(u);
            if (!is_immed(c[0]))
                push(&st, c[0]);
            u = c[1];
        }
        if (is_boxed(u)) {
            Term *o = boxed_val(u);
            words += 1 + header_arity(o[0]);
            size_t first, count;
            layout_terms(o[0], &first, &count);
            for (size_t i = 0; i < count; i++)
                if (!is_immed(o[first + i]))
                    push(&st, o[first + i]);
        }
    }
    free(st.items);
    return words;
}

/* Shallow-copy the object t points at to *top; returns the new term. */
static Term shallow(Term t, Term **top, OffHeapHeader **off_heap)
{
    if (is_list(t)) {
        Term *c = list_val(t), *n = *top;
        n[0] = c[0];
        n[1] = c[1];
        *top += 2;
        return make_list(n);
    }
    if (is_boxed(t)) {
        Term *o = boxed_val(t), *n = *top;
        size_t words = 1 + header_arity(o[0]);
        memcpy(n, o, words * sizeof(Term));
        *top += words;
        switch (header_subtag(n[0])) {
        case SUB_REFC_BIN: {
            OffHeapHeader *oh = (OffHeapHeader *)n;
            bin_ref_inc(refc_binary_of(make_boxed(n)));
            n[REFC_FLAGS] &= ~(Term)BIN_F_WRITABLE;
            oh->next = *off_heap;
            *off_heap = oh;
            break;
        }
        case SUB_SUB_BIN:
            n[SUB_FLAGS] &= ~(Term)SUB_F_WRITABLE;
            break;
        default:
            break;
        }
        return make_boxed(n);
    }
    return t;
}

Term copy_term(Term t, Term *hp, OffHeapHeader **off_heap)
{
    if (is_immed(t))
        return t;
    Term *top = hp;
    Term root = shallow(t, &top, off_heap);
    for (Term *s = hp; s < top;) {
        Term w = *s;
        if (is_header(w)) {
            size_t first, count;
            layout_terms(w, &first, &count);
            for (size_t i = 0; i < count; i++)
                s[first + i] = shallow(s[first + i], &top, off_heap);
            s += 1 + header_arity(w);
        } else {
            *s = shallow(w, &top, off_heap);
            s++;
        }
    }
    return root;
}

Term copy_to_frag(Term t, HeapFrag **frag, OffHeapHeader **off_heap)
{
    *frag = NULL;
    if (is_immed(t))
        return t;
    size_t words = copy_size(t);
    HeapFrag *f = malloc(sizeof(HeapFrag) + words * sizeof(Term));
    if (!f) {
        fprintf(stderr, "girder: out of memory copying a message of %zu words\n", words);
        abort();
    }
    f->next = NULL;
    f->size = f->used = words;
    *frag = f;
    return copy_term(t, f->mem, off_heap);
}
