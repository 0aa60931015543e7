/* maps.c — the maps BIFs that OTP 25 implements in C (maps:get/2, find/2,
 * from_list/1, from_keys/2, is_key/2, keys/1, merge/2, put/3, remove/2,
 * take/2, update/3, values/1, erts_internal:map_next/3), plus maps:to_list/1
 * (Erlang code over map_next in OTP 25; same result). Errors as erl:
 * {badmap, M}, {badkey, K}, badarg. The maps themselves: term/map.c. */
#include "bif.h"
#include "../term/map.h"
#include <stdlib.h>

#define CHECK_MAP(p, m) do { if (!is_map(m)) return bif_error2((p), AM(badmap), (m)); } while (0)

static Term bif_maps_get_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[1]);
    Term v = map_get(a[1], a[0]);
    if (is_non_value(v))
        return bif_error2(p, AM(badkey), a[0]);
    return v;
}
BIF_DEF("maps", "get", 2, bif_maps_get_2)

static Term bif_maps_find_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[1]);
    Term v = map_get(a[1], a[0]);
    return is_non_value(v) ? AM(error) : bif_tuple2(p, AM(ok), v);
}
BIF_DEF("maps", "find", 2, bif_maps_find_2)

static Term bif_maps_is_key_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[1]);
    return is_value(map_get(a[1], a[0])) ? AM(true) : AM(false);
}
BIF_DEF("maps", "is_key", 2, bif_maps_is_key_2)

static Term bif_maps_put_3(Process *p, Term *a)
{
    CHECK_MAP(p, a[2]);
    return map_put(p, a[2], a[0], a[1]);
}
BIF_DEF("maps", "put", 3, bif_maps_put_3)

static Term bif_maps_update_3(Process *p, Term *a)
{
    CHECK_MAP(p, a[2]);
    Term m = map_update(p, a[2], a[0], a[1]);
    if (is_non_value(m))
        return bif_error2(p, AM(badkey), a[0]);
    return m;
}
BIF_DEF("maps", "update", 3, bif_maps_update_3)

static Term bif_maps_remove_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[1]);
    return map_remove(p, a[1], a[0]);
}
BIF_DEF("maps", "remove", 2, bif_maps_remove_2)

static Term bif_maps_take_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[1]);
    Term v, rest;
    if (!map_take(p, a[1], a[0], &v, &rest))
        return AM(error);
    return bif_tuple2(p, v, rest);
}
BIF_DEF("maps", "take", 2, bif_maps_take_2)

static Term bif_maps_keys_1(Process *p, Term *a)
{
    CHECK_MAP(p, a[0]);
    return map_keys(p, a[0]);
}
BIF_DEF("maps", "keys", 1, bif_maps_keys_1)

static Term bif_maps_values_1(Process *p, Term *a)
{
    CHECK_MAP(p, a[0]);
    return map_values(p, a[0]);
}
BIF_DEF("maps", "values", 1, bif_maps_values_1)

static Term bif_maps_to_list_1(Process *p, Term *a)
{
    CHECK_MAP(p, a[0]);
    return map_to_list(p, a[0]);
}
BIF_DEF("maps", "to_list", 1, bif_maps_to_list_1)

/* As erl: the first argument is blamed unless it is a map. */
static Term bif_maps_merge_2(Process *p, Term *a)
{
    CHECK_MAP(p, a[0]);
    CHECK_MAP(p, a[1]);
    if (a[0] == a[1])
        return a[0];
    return map_merge(p, a[0], a[1]);
}
BIF_DEF("maps", "merge", 2, bif_maps_merge_2)

/* Length of a proper list, or -1. */
static long proper_length(Term l)
{
    long n = 0;
    while (is_list(l)) {
        n++;
        l = CDR(list_val(l));
    }
    return is_nil(l) ? n : -1;
}

static Term bif_maps_from_list_1(Process *p, Term *a)
{
    long n = proper_length(a[0]);
    if (n < 0)
        BIF_BADARG(p);
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l))) {
        Term kv = CAR(list_val(l));
        if (!is_tuple(kv) || tuple_arity(kv) != 2)
            BIF_BADARG(p);
    }
    /* Keys then values, in list order, in one scratch block. */
    Term local[2 * MAP_FLAT_LIMIT] = {0};
    Term *ks = n <= MAP_FLAT_LIMIT ? local : malloc(2 * (size_t)n * sizeof(Term));
    if (!ks)
        BIF_SYSLIMIT(p);
    Term *vs = ks + n;
    long i = 0;
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l)), i++) {
        Term kv = CAR(list_val(l));
        ks[i] = tuple_elem(kv, 1);
        vs[i] = tuple_elem(kv, 2);
    }
    Term m = map_new_from_kvs(p, ks, vs, (size_t)n);
    if (ks != local)
        free(ks);
    return m;
}
BIF_DEF("maps", "from_list", 1, bif_maps_from_list_1)

static Term bif_maps_from_keys_2(Process *p, Term *a)
{
    if (proper_length(a[0]) < 0)
        BIF_BADARG(p);
    return map_from_keys(p, a[0], a[1]);
}
BIF_DEF("maps", "from_keys", 2, bif_maps_from_keys_2)

/* erts_internal:map_next(Path, Map, iterator | List): see map_next. */
static Term bif_map_next_3(Process *p, Term *a)
{
    if (!is_map(a[1]) || (a[2] != AM(iterator) && !is_nil(a[2]) && !is_list(a[2])))
        BIF_BADARG(p);
    Term r = map_next(p, a[0], a[1], a[2]);
    if (is_non_value(r))
        BIF_BADARG(p);
    return r;
}
BIF_DEF("erts_internal", "map_next", 3, bif_map_next_3)
