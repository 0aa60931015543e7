/* ms.h — the compiled form of a match specification, shared by its
 * compiler (matchspec.c) and its interpreter (msrun.c); nothing else
 * looks inside.
 *
 * A program is one code array. Each clause starts with MS_TRY <label of
 * the next clause>; its head is matched by the M_* ops against a value
 * stack (a structure op pops a term, checks it and pushes its parts, so the
 * ops are the pattern in preorder); its guard and body run on an
 * evaluation stack. The code after the last clause is MS_FAIL.
 * Constants in the code are terms in the program's own blocks. */
#ifndef GIRDER_ETS_MS_H
#define GIRDER_ETS_MS_H

#include "ets.h"
#include "../bif/bif.h"

enum {
    MS_TRY,        /* [label] */
    MS_FAIL,
    /* head */
    M_TUPLE,       /* [n] pop a tuple of arity n, push its elements */
    M_CONS,        /* pop a cons, push its tail then its head */
    M_MAP,         /* [n, key1..keyn] pop a map holding the keys, push values */
    M_BIND,        /* [v] */
    M_CMP,         /* [v] =:= the bound value */
    M_EQ,          /* [immediate] */
    M_EQ_FLOAT,    /* [bits] */
    M_EQ_TERM,     /* [term] =:= */
    M_SKIP,
    /* guards and bodies */
    E_PUSHC,       /* [term] */
    E_PUSHV,       /* [v] */
    E_OBJ,         /* '$_' */
    E_BINDINGS,    /* [n, v1..vn] '$$' */
    E_CONS,        /* pop tail, head */
    E_TUPLE,       /* [n] */
    E_MAP,         /* [n] pop n key/value pairs (k1 v1 .. kn vn) */
    E_CALL,        /* [fn, arity] */
    E_AND,         /* [n] */
    E_OR,          /* [n] */
    E_ANDALSO,     /* [offset] */
    E_ORELSE,      /* [offset] */
    E_JUMP,        /* [offset] */
    E_SELF,
    E_TRUE,        /* guard: the value must be 'true' */
    E_CATCH,       /* the body starts: errors become 'EXIT' */
    E_WASTE,
    E_RETURN,
    E_HALT,
};

typedef struct MsBlock {
    struct MsBlock *next;
    size_t words;
    Term mem[];
} MsBlock;

struct EtsMs {
    UWord *code;
    size_t ncode;
    uint32_t nvars;            /* variable slots (dense, in '$N' order) */
    uint32_t mstack;           /* deepest head value stack */
    uint32_t estack;           /* deepest evaluation stack */
    MsBlock *blocks;           /* constants */
    OffHeapHeader *off_heap;   /* refc binaries among the constants */
};

/* Compile; allow_empty accepts [] (select), match_spec_compile does not. */
EtsMs *ets_ms_compile_opt(Term ms, bool allow_empty, bool *sys_limit);

/* Thread-local scratch process used to build intermediate terms. */
Process *ets_ms_scratch(void);
void ets_ms_scratch_reset(Process *s);

#endif
