/* erlang_ext.c — the BIFs over the external term format: term_to_binary/1,2,
 * term_to_iovec/1,2, binary_to_term/1,2 and external_size/1,2, with erl's
 * option parsing and errors. The format itself lives in term/ext.c. */
#include "bif.h"
#include "../term/binary.h"
#include "../term/ext.h"
#include <stdlib.h>

/* Options of term_to_binary/2 and term_to_iovec/2 (as ERTS's parser: later
 * minor_version/compressed options override earlier ones). */
static bool t2b_opts(Term opts, unsigned *flags)
{
    unsigned level = 0, minor = 1;
    bool deterministic = false;
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (o == AM(compressed)) {
            level = 6;                  /* zlib's Z_DEFAULT_COMPRESSION */
        } else if (o == AM(deterministic)) {
            deterministic = true;
        } else if (is_tuple(o) && tuple_arity(o) == 2 && is_small(tuple_elem(o, 2))) {
            SWord v = small_val(tuple_elem(o, 2));
            if (tuple_elem(o, 1) == AM(minor_version) && v >= 0 && v <= 2)
                minor = (unsigned)v;
            else if (tuple_elem(o, 1) == AM(compressed) && v >= 0 && v <= 9)
                level = (unsigned)v;
            else
                return false;
        } else {
            return false;
        }
    }
    if (!is_nil(opts))
        return false;
    *flags = EXT_ENC_LEVEL(level)
           | (minor == 0 ? EXT_ENC_FLOAT_TEXT : 0)
           | (minor == 2 ? EXT_ENC_UTF8_ATOMS : 0)
           | (deterministic ? EXT_ENC_DETERMINISTIC : 0);
    return true;
}

static Term t2b(Process *p, Term t, unsigned flags, bool iovec)
{
    Term reason = AM(system_limit);
    Term r = iovec ? ext_encode_iovec(p, t, flags, &reason) : ext_encode(p, t, flags, &reason);
    if (is_non_value(r))
        return bif_error(p, reason);
    return r;
}

static Term bif_term_to_binary_1(Process *p, Term *args)
{
    return t2b(p, args[0], 0, false);
}
BIF_DEF("erlang", "term_to_binary", 1, bif_term_to_binary_1)

static Term bif_term_to_binary_2(Process *p, Term *args)
{
    unsigned flags;
    if (!t2b_opts(args[1], &flags))
        BIF_BADARG(p);
    return t2b(p, args[0], flags, false);
}
BIF_DEF("erlang", "term_to_binary", 2, bif_term_to_binary_2)

static Term bif_term_to_iovec_1(Process *p, Term *args)
{
    return t2b(p, args[0], 0, true);
}
BIF_DEF("erlang", "term_to_iovec", 1, bif_term_to_iovec_1)

static Term bif_term_to_iovec_2(Process *p, Term *args)
{
    unsigned flags;
    if (!t2b_opts(args[1], &flags))
        BIF_BADARG(p);
    return t2b(p, args[0], flags, true);
}
BIF_DEF("erlang", "term_to_iovec", 2, bif_term_to_iovec_2)

static Term b2t(Process *p, Term bin, unsigned flags, bool want_used)
{
    if (!is_bitstring(bin) || !bin_is_binary(bin))
        BIF_BADARG(p);
    size_t len, used = 0;
    uint8_t *tmp;
    const uint8_t *bytes = bin_bytes(bin, &len, &tmp);
    Term t = ext_decode(p, bytes, len, &used, flags);
    free(tmp);
    if (is_non_value(t))
        BIF_BADARG(p);
    return want_used ? bif_tuple2(p, t, make_small(used)) : t;
}

static Term bif_binary_to_term_1(Process *p, Term *args)
{
    return b2t(p, args[0], 0, false);
}
BIF_DEF("erlang", "binary_to_term", 1, bif_binary_to_term_1)

static Term bif_binary_to_term_2(Process *p, Term *args)
{
    unsigned flags = 0;
    bool used = false;
    Term opts = args[1];
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (o == AM(safe))
            flags |= EXT_DEC_SAFE;
        else if (o == AM(used))
            used = true;
        else
            BIF_BADARG(p);           /* erl's error_info cause: badopt */
    }
    if (!is_nil(opts))
        BIF_BADARG(p);
    return b2t(p, args[0], flags, used);
}
BIF_DEF("erlang", "binary_to_term", 2, bif_binary_to_term_2)

static Term ext_size_result(Process *p, Term t, unsigned flags)
{
    size_t n = ext_encoded_size(t, flags);
    if (!n)
        BIF_SYSLIMIT(p);
    return make_small(n);      /* < 2^62, always a small */
}

static Term bif_external_size_1(Process *p, Term *args)
{
    return ext_size_result(p, args[0], 0);
}
BIF_DEF("erlang", "external_size", 1, bif_external_size_1)

/* external_size/2 takes only {minor_version, 0 | 1}, as erl. */
static Term bif_external_size_2(Process *p, Term *args)
{
    unsigned flags = 0;
    Term opts = args[1];
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (!is_tuple(o) || tuple_arity(o) != 2 || tuple_elem(o, 1) != AM(minor_version))
            BIF_BADARG(p);
        Term v = tuple_elem(o, 2);
        if (v == make_small(0))
            flags |= EXT_ENC_FLOAT_TEXT;
        else if (v != make_small(1))
            BIF_BADARG(p);
    }
    if (!is_nil(opts))
        BIF_BADARG(p);
    return ext_size_result(p, args[0], flags);
}
BIF_DEF("erlang", "external_size", 2, bif_external_size_2)
