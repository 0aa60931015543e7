/* fun.h — funs (closures) and export funs (fun M:F/A), and the code-side
 * entries they point at.
 *
 * Closure on the heap:   header(arity = 3 + num_free, SUB_FUN)
 *                        [1] FunEntry*   [2] num_free (raw word)
 *                        [3] creator pid  [4..] free variables
 * Export fun on heap:    header(1, SUB_EXPORT)  [1] Export*
 * FunEntry and Export live in the code area and are never freed while any
 * module version refers to them. */
#ifndef GIRDER_FUN_H
#define GIRDER_FUN_H

#include "term.h"

typedef UWord BeamInstr;

/* One per {Module, Function, Arity}: what a remote call jumps through.
 * `addr` is the code of the current version, or NULL when the function is
 * not loaded (the caller then goes to the error handler / undef path).
 * `bif` is set for functions implemented in C. */
typedef struct Export {
    Term module, function;
    uint32_t arity;
    uint32_t bif_flags;
    const BeamInstr *_Atomic addr;
    void *bif;                 /* BifFn, or NULL */
} Export;

/* One per fun defined in a module (FunT chunk entry). */
typedef struct FunEntry {
    Term module;
    Term function;             /* the compiler-generated function's name */
    uint32_t arity;            /* arity of the fun (excluding free vars) */
    uint32_t num_free;
    uint32_t index, old_uniq;
    uint8_t md5[16];           /* module md5, for NEW_FUN_EXT */
    const BeamInstr *_Atomic addr;   /* NULL until the module is loaded */
} FunEntry;

#define FUN_HEADER(nfree)      make_header(3 + (nfree), SUB_FUN)
#define fun_entry_of(t)        ((FunEntry *)boxed_val(t)[1])
#define fun_num_free(t)        ((uint32_t)boxed_val(t)[2])
#define fun_creator(t)         (boxed_val(t)[3])
#define fun_free_vars(t)       (boxed_val(t) + 4)
#define EXPORT_FUN_WORDS       2
#define export_of(t)           ((Export *)boxed_val(t)[1])

/* The Export entry for M:F/A, created (not loaded) if missing. Never NULL. */
Export *export_get(Term module, Term function, uint32_t arity);
/* The entry for fun `index` of `module`; created as a placeholder (addr
 * NULL) if the module is not loaded yet. */
FunEntry *fun_entry_get(Term module, uint32_t index, uint32_t old_uniq,
                        const uint8_t md5[16], uint32_t arity, uint32_t num_free);

#endif
