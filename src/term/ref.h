/* ref.h — local references.
 * Heap layout: header(2, SUB_REF)  [1] numbers 0 and 1 (low 32 bits = n0,
 * high = n1)  [2] number 2. Printed as #Ref<0.n2.n1.n0> as erl does. */
#ifndef GIRDER_REF_H
#define GIRDER_REF_H
#include "term.h"
#define REF_WORDS 3
#define REF_HEADER make_header(2, SUB_REF)
typedef struct Process Process;
Term ref_make(Process *p);
#endif
