/* erlang_cmp.c — comparison BIFs ('=='/2 ... '>='/2, max/2, min/2), the
 * hash BIFs (phash/2, phash2/1,2) and the map guard BIFs (map_size/1,
 * is_map_key/2, map_get/2). The order itself lives in term/compare.c. */
#include "bif.h"
#include "../term/compare.h"
#include "../term/hash.h"
#include "../term/map.h"

static inline Term boolean(bool b) { return b ? AM(true) : AM(false); }

static Term bif_eq_2(Process *p, Term *a)  { (void)p; return boolean(term_eq(a[0], a[1])); }
static Term bif_ne_2(Process *p, Term *a)  { (void)p; return boolean(!term_eq(a[0], a[1])); }
static Term bif_eeq_2(Process *p, Term *a) { (void)p; return boolean(term_eq_exact(a[0], a[1])); }
static Term bif_ene_2(Process *p, Term *a) { (void)p; return boolean(!term_eq_exact(a[0], a[1])); }
static Term bif_lt_2(Process *p, Term *a)  { (void)p; return boolean(term_compare(a[0], a[1]) < 0); }
static Term bif_gt_2(Process *p, Term *a)  { (void)p; return boolean(term_compare(a[0], a[1]) > 0); }
static Term bif_le_2(Process *p, Term *a)  { (void)p; return boolean(term_compare(a[0], a[1]) <= 0); }
static Term bif_ge_2(Process *p, Term *a)  { (void)p; return boolean(term_compare(a[0], a[1]) >= 0); }
GUARD_BIF_DEF("erlang", "==", 2, bif_eq_2)
GUARD_BIF_DEF("erlang", "/=", 2, bif_ne_2)
GUARD_BIF_DEF("erlang", "=:=", 2, bif_eeq_2)
GUARD_BIF_DEF("erlang", "=/=", 2, bif_ene_2)
GUARD_BIF_DEF("erlang", "<", 2, bif_lt_2)
GUARD_BIF_DEF("erlang", ">", 2, bif_gt_2)
GUARD_BIF_DEF("erlang", "=<", 2, bif_le_2)
GUARD_BIF_DEF("erlang", ">=", 2, bif_ge_2)

/* As erlang.erl in OTP 25: max(A, B) when A < B -> B; max(A, _) -> A. */
static Term bif_max_2(Process *p, Term *a) { (void)p; return term_compare(a[0], a[1]) < 0 ? a[1] : a[0]; }
static Term bif_min_2(Process *p, Term *a) { (void)p; return term_compare(a[0], a[1]) > 0 ? a[1] : a[0]; }
BIF_DEF("erlang", "max", 2, bif_max_2)
BIF_DEF("erlang", "min", 2, bif_min_2)

/* The Range argument of phash/2 and phash2/2: 1..2^32, with 2^32 given as
 * 0. false if out of range or not an integer. */
static bool hash_range(Term t, uint32_t *range)
{
    if (is_small(t)) {
        SWord v = small_val(t);
        if (v < 1 || v > (SWord)1 << 32)
            return false;
        *range = (uint32_t)v;          /* 2^32 wraps to 0 */
        return true;
    }
    return false;                      /* bignums are all > 2^32 */
}

static Term bif_phash_2(Process *p, Term *a)
{
    uint32_t range;
    if (!hash_range(a[1], &range))
        BIF_BADARG(p);
    return make_small((SWord)hash_phash(a[0], range));
}
BIF_DEF("erlang", "phash", 2, bif_phash_2)

static Term bif_phash2_1(Process *p, Term *a)
{
    (void)p;
    return make_small(hash_phash2(a[0]));
}
BIF_DEF("erlang", "phash2", 1, bif_phash2_1)

static Term bif_phash2_2(Process *p, Term *a)
{
    uint32_t range;
    if (!hash_range(a[1], &range))
        BIF_BADARG(p);
    return make_small(hash_phash2_range(a[0], range));
}
BIF_DEF("erlang", "phash2", 2, bif_phash2_2)

/* ---- map guard BIFs ---- */

static Term bif_map_size_1(Process *p, Term *a)
{
    if (!is_map(a[0]))
        return bif_error2(p, AM(badmap), a[0]);
    return make_small((SWord)map_size(a[0]));
}
GUARD_BIF_DEF("erlang", "map_size", 1, bif_map_size_1)

static Term bif_is_map_key_2(Process *p, Term *a)
{
    if (!is_map(a[1]))
        return bif_error2(p, AM(badmap), a[1]);
    return boolean(is_value(map_get(a[1], a[0])));
}
GUARD_BIF_DEF("erlang", "is_map_key", 2, bif_is_map_key_2)

static Term bif_map_get_2(Process *p, Term *a)
{
    if (!is_map(a[1]))
        return bif_error2(p, AM(badmap), a[1]);
    Term v = map_get(a[1], a[0]);
    if (is_non_value(v))
        return bif_error2(p, AM(badkey), a[0]);
    return v;
}
GUARD_BIF_DEF("erlang", "map_get", 2, bif_map_get_2)
