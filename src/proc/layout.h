/* layout.h — which words of a boxed object are terms. The collector and
 * the message copier both walk heaps word by word; this is the one place
 * that knows, per header subtag, which words after the header hold terms
 * (the rest are raw: float bits, limbs, bytes, pointers). */
#ifndef GIRDER_LAYOUT_H
#define GIRDER_LAYOUT_H
#include "../term/term.h"

/* For header h: terms are words [first, first + count) after the header
 * (1-based from the header: word 1 is the first after it). */
static inline void layout_terms(Term h, size_t *first, size_t *count)
{
    size_t arity = header_arity(h);
    switch (header_subtag(h)) {
    case SUB_TUPLE:
    case SUB_MAP:
    case SUB_EXT_PID:
    case SUB_EXT_PORT:
    case SUB_EXT_REF:
        *first = 1; *count = arity; return;
    case SUB_FUN:                      /* [1] entry [2] nfree: raw */
        *first = 3; *count = arity >= 2 ? arity - 2 : 0; return;
    case SUB_SUB_BIN:                  /* [4] orig */
        *first = 4; *count = 1; return;
    case SUB_MATCHSTATE:               /* [1] the binary */
        *first = 1; *count = 1; return;
    default:
        *first = 1; *count = 0; return;
    }
}
#endif
