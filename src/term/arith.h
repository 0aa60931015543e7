/* arith.h — Erlang's arithmetic operators on any terms.
 * Owns the generic operators the interpreter and the erlang:'+'/2 family
 * call: small-integer fast paths, bignums (via bignum.h), floats and mixed
 * operands, with exactly BEAM's exceptions (badarith for non-numbers, integer
 * operators on floats, division by zero, and float results that are inf or
 * nan; system_limit for integers too large). Each returns THE_NON_VALUE with
 * the exception set on failure. */
#ifndef GIRDER_ARITH_H
#define GIRDER_ARITH_H

#include "term.h"

typedef struct Process Process;

Term arith_plus(Process *p, Term a, Term b);
Term arith_minus(Process *p, Term a, Term b);
Term arith_times(Process *p, Term a, Term b);
Term arith_fdiv(Process *p, Term a, Term b);    /* '/': always a float */
Term arith_intdiv(Process *p, Term a, Term b);  /* div (truncating) */
Term arith_rem(Process *p, Term a, Term b);
Term arith_band(Process *p, Term a, Term b);
Term arith_bor(Process *p, Term a, Term b);
Term arith_bxor(Process *p, Term a, Term b);
Term arith_bsl(Process *p, Term a, Term b);
Term arith_bsr(Process *p, Term a, Term b);
Term arith_bnot(Process *p, Term a);
Term arith_neg(Process *p, Term a);             /* unary minus */
Term arith_uplus(Process *p, Term a);           /* unary plus */

/* A number as a double, as ERTS converts it for mixed arithmetic (bignums
 * limb by limb: see bn_to_double). False for a non-number or a bignum beyond
 * the double range. */
bool arith_to_double(Term t, double *out);
/* A new float on p's heap (the caller checks that d is finite). */
Term arith_make_float(Process *p, double d);

#endif
