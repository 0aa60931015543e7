/* copy.h — copying a term to another heap (messages, spawn arguments, ETS
 * later). Sharing inside the term is not preserved, as in ERTS. */
#ifndef GIRDER_COPY_H
#define GIRDER_COPY_H
#include "process.h"
/* Words needed to copy t. Iterative: deep terms are fine. */
size_t copy_size(Term t);
/* Copy t into hp[0..copy_size(t)); refc handles in the copy take a
 * reference and are linked into *off_heap. */
Term copy_term(Term t, Term *hp, OffHeapHeader **off_heap);
/* Copy t into a new heap fragment (NULL for immediates). */
Term copy_to_frag(Term t, HeapFrag **frag, OffHeapHeader **off_heap);
#endif
