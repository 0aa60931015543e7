/* bignum.h — integers of any size on the process heap.
 * Owns the bignum operations (bn_): every function takes integer terms
 * (small or big) and returns a normalised integer (a small whenever the value
 * fits one), or THE_NON_VALUE with the exception set (badarith, system_limit).
 * Limb layout and the normalisation invariant are in term.h. */
#ifndef GIRDER_BIGNUM_H
#define GIRDER_BIGNUM_H

#include "term.h"

typedef struct Process Process;

/* The largest bignum, in limbs, as ERTS (BIG_ARITY_MAX): a result larger
 * than this raises system_limit. */
#define BN_MAX_LIMBS (((size_t)1 << 19) - 1)

/* ---- construction ---- */
Term bn_from_sword(Process *p, SWord v);
Term bn_from_uword(Process *p, UWord v);
/* From a magnitude of n little-endian limbs (leading zero limbs allowed). */
Term bn_from_limbs(Process *p, const UWord *limbs, size_t n, bool negative);
/* Truncates toward zero; d must be finite. */
Term bn_from_double(Process *p, double d);

/* ---- arithmetic (a, b integers; the caller checks types) ---- */
Term bn_add(Process *p, Term a, Term b);
Term bn_sub(Process *p, Term a, Term b);
Term bn_mul(Process *p, Term a, Term b);
Term bn_div(Process *p, Term a, Term b);   /* truncating; badarith on 0 */
Term bn_rem(Process *p, Term a, Term b);   /* sign of a; badarith on 0 */
Term bn_neg(Process *p, Term a);
Term bn_abs(Process *p, Term a);

/* ---- bitwise, with two's complement semantics for negatives ---- */
Term bn_band(Process *p, Term a, Term b);
Term bn_bor(Process *p, Term a, Term b);
Term bn_bxor(Process *p, Term a, Term b);
Term bn_bnot(Process *p, Term a);
/* Shift counts may be any integer (negative shifts the other way); a result
 * too large raises system_limit, as ERTS. */
Term bn_bsl(Process *p, Term a, Term b);
Term bn_bsr(Process *p, Term a, Term b);

/* ---- comparison and conversion ---- */
int bn_compare(Term a, Term b);            /* -1, 0, 1 */
/* The value as a double, computed the way ERTS does (limb by limb from the
 * top, so the result matches erl bit for bit); false if it overflows. */
bool bn_to_double(Term a, double *out);
bool term_to_sword(Term t, SWord *out);
bool term_to_uword(Term t, UWord *out);
/* Heap words the term occupies (0 for a small). */
size_t bn_words(Term t);
/* Number of bits of |a| (0 for 0). */
size_t bn_bit_length(Term a);

/* ---- text ----
 * bn_chars_needed: an upper bound on the characters of a in base 2..36
 * (sign included). bn_to_chars writes the digits (upper case, '-' for
 * negatives, no NUL) and returns their count; if cap is below
 * bn_chars_needed it writes nothing and returns that bound instead. */
size_t bn_chars_needed(Term a, int base);
size_t bn_to_chars(Term a, int base, char *buf, size_t cap);
/* Optional '+'/'-' then one or more digits of the base (either case).
 * THE_NON_VALUE, with no exception set, on any bad character or a value too
 * large for a bignum (callers raise badarg). */
Term bn_from_chars(Process *p, const char *s, size_t len, int base);
/* Digits only, no sign allowed; the result is negated if `negative`. */
Term bn_from_digits(Process *p, const char *s, size_t len, int base, bool negative);

#endif
