/* bif.h — the calling convention of built-in functions.
 * A BIF is `Term f(Process *p, Term *args)`. It returns a term, or
 * THE_NON_VALUE after setting the exception (use the helpers below). It may
 * allocate with proc_alloc but never collects; args point at the caller's
 * x registers and stay valid for the call. */
#ifndef GIRDER_BIF_H
#define GIRDER_BIF_H

#include "../proc/process.h"
#include "../term/atom.h"

typedef Term (*BifFn)(Process *p, Term *args);

static inline Term bif_raise(Process *p, uint32_t cls, Term reason)
{
    p->fclass = cls;
    p->fvalue = reason;
    p->fargs = THE_NON_VALUE;
    return THE_NON_VALUE;
}
static inline Term bif_error(Process *p, Term reason) { return bif_raise(p, EXC_ERROR, reason); }
/* {Tag, Value} error reasons such as {badmap, M}. */
Term bif_error2(Process *p, Term tag, Term value);

#define BIF_BADARG(p)    return bif_error((p), AM(badarg))
#define BIF_BADARITH(p)  return bif_error((p), AM(badarith))
#define BIF_SYSLIMIT(p)  return bif_error((p), AM(system_limit))

/* Convenience constructors used by many BIFs. */
Term bif_tuple2(Process *p, Term a, Term b);
Term bif_tuple3(Process *p, Term a, Term b, Term c);
/* A C string (bytes) as a charlist. */
Term bif_charlist(Process *p, const char *s);
/* A flat charlist of bytes 1..255, or a binary, as a malloc'd C string;
 * NULL if t is neither. */
char *bif_cstring(Term t);



/* ---- registration ----
 * Each BIF is declared once, next to its code:
 *     BIF_DEF("erlang", "length", 1, bif_length_1)
 * The definitions are gathered by the linker into one section; the loader
 * finds them with bif_lookup. Flags: BIF_GUARD for BIFs allowed in guards. */
typedef struct BifDef {
    const char *module;
    const char *name;
    uint32_t arity;
    uint32_t flags;
    BifFn fn;
} BifDef;

#define BIF_GUARD 0x1
/* The BIF exists to raise (error/1,2, exit/1, throw/1, raise/3): it does
 * not appear as a frame in the stack trace. */
#define BIF_RAISES 0x2

#define BIF_CAT2_(a, b) a##b
#define BIF_CAT_(a, b) BIF_CAT2_(a, b)
#define BIF_DEF_FLAGS(mod, nm, ar, f, fl) \
    static const BifDef BIF_CAT_(bifdef_, __COUNTER__) __attribute__((used, section("girder_bifs"), aligned(8))) = \
        { mod, nm, ar, fl, f };
#define BIF_DEF(mod, nm, ar, f) BIF_DEF_FLAGS(mod, nm, ar, f, 0)
#define GUARD_BIF_DEF(mod, nm, ar, f) BIF_DEF_FLAGS(mod, nm, ar, f, BIF_GUARD)

/* The BifDef for M:F/A, or NULL. */
const BifDef *bif_lookup(Term module, Term name, uint32_t arity);
void bif_init(void);
/* Frames in a stack trace (erlang:system_flag(backtrace_depth, N)). */
int bif_backtrace_depth(void);

#endif
