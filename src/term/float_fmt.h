/* float_fmt.h — floats to text and back, exactly as erl prints and parses.
 * Owns float_to_list/2's formats (shortest round-trip "short", {decimals,N}
 * with or without compact, {scientific,N} and the legacy "%.20e") and
 * list_to_float/1's strict syntax. No allocation; callers own the buffers. */
#ifndef GIRDER_FLOAT_FMT_H
#define GIRDER_FLOAT_FMT_H

#include <stddef.h>
#include <stdbool.h>

/* ERTS formats into a buffer of this size; a result that does not fit is a
 * badarg in erl, so callers pass this as `cap` to get the same answer. */
#define FLOAT_FMT_BUF 256
/* Room float_fmt_shortest may use. */
#define FLOAT_FMT_SHORT_MAX 32

/* The shortest text that reads back as d, in erl's float_to_list(D,[short])
 * form ("0.1", "1.0e20", "1.0e-5", "-0.0"). Returns its length; no NUL. */
size_t float_fmt_shortest(double d, char *buf);
/* printf's "%.*e" (float_to_list/1 uses 20 decimals). A negative `decimals`
 * means printf's default of 6, as in erl. Returns the length, or -1 if it
 * needs `cap` bytes or more. The text is NUL-terminated. */
int float_fmt_scientific(double d, int decimals, char *buf, size_t cap);
/* {decimals, N} with optional compact (trailing zeros dropped), using ERTS's
 * rounding (which differs from printf's for some values). -1 if decimals is
 * negative or the text needs `cap` bytes or more. NUL-terminated. */
int float_fmt_fixed(double d, int decimals, bool compact, char *buf, size_t cap);
/* list_to_float's syntax: [+-]digits(.|,)digits[(e|E)[+-]digits]; the text
 * ends at len or at the first NUL byte. False on bad syntax or overflow to
 * infinity (underflow gives 0.0 or a subnormal, as erl). */
bool float_fmt_parse(const char *s, size_t len, double *out);

#endif
