/* test_zlib.c — the zlib *_nif BIFs (src/bif/zlib.c) called directly: the
 * stream table, the input queue over heap, refc and unaligned binaries,
 * the bounded deflate/inflate steps, the stash, controllers, closed
 * streams and zlib_process_exited. Erlang-visible behaviour is covered by
 * the differential programs tests/erl/std_zlib.erl and tests/erl/zlib_*.erl. */
#include "unit.h"
#include "term/term.h"
#include "term/atom.h"
#include "term/binary.h"
#include "term/ref.h"
#include "bif/bif.h"
#include "bif/zlib_nif.h"
#include "proc/process.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static Process *p;

static Term call(Process *who, const char *f, uint32_t arity, Term *args)
{
    const BifDef *d = bif_lookup(atom_from_cstr("zlib"), atom_from_cstr(f), arity);
    if (!d) {
        fprintf(stderr, "no BIF zlib:%s/%u\n", f, arity);
        exit(1);
    }
    who->fclass = EXC_NONE;
    return d->fn(who, args);
}
static Term call1(const char *f, Term a) { return call(p, f, 1, &a); }
static Term call2(const char *f, Term a, Term b) { Term v[2] = { a, b }; return call(p, f, 2, v); }

static bool raised(Process *who, Term r, Term reason)
{
    return is_non_value(r) && who->fclass == EXC_ERROR && who->fvalue == reason;
}

static Term list(Term *items, size_t n)
{
    Term l = NIL;
    while (n-- > 0) {
        Term *hp = proc_alloc(p, 2);
        l = make_cons_at(hp, items[n], l);
    }
    return l;
}

static Term init6(Term z, int level, int wbits)
{
    Term v[6] = { z, make_small(level), make_small(8), make_small(wbits), make_small(8), make_small(0) };
    return call(p, "deflateInit_nif", 6, v);
}
static Term step(const char *f, Term z, int in, int out, int flush)
{
    Term v[4] = { z, make_small(in), make_small(out), make_small(flush) };
    return call(p, f, 4, v);
}

/* Run f until {finished, _}, appending the output to buf. */
static size_t drain(const char *f, Term z, int flush, uint8_t *buf, size_t cap)
{
    size_t len = 0;
    for (int guard = 0; guard < 10000; guard++) {
        Term r = step(f, z, 8192, 8192, flush);
        if (!is_tuple(r) || tuple_arity(r) != 2)
            return (size_t)-1;
        Term out = tuple_elem(r, 2);
        if (is_list(out)) {
            size_t n, bits, off;
            const uint8_t *base;
            Term b = CAR(list_val(out));
            bin_view(b, &base, &off, &bits);
            n = bits / 8;
            if (len + n > cap)
                return (size_t)-1;
            memcpy(buf + len, base + off / 8, n);
            len += n;
        }
        if (tuple_elem(r, 1) == AM(finished))
            return len;
    }
    return (size_t)-1;
}

static void test_roundtrip(void)
{
    size_t n = 100000;
    uint8_t *plain = malloc(n), *packed = malloc(2 * n), *back = malloc(n + 16);
    for (size_t i = 0; i < n; i++)
        plain[i] = (uint8_t)((i * 7919 + (i >> 7)) % 251);
    Term z = call(p, "open_nif", 0, NULL);
    CHECK(is_internal_ref(z));
    CHECK(init6(z, -1, 15) == AM(ok));
    CHECK(raised(p, init6(z, -1, 15), AM(already_initialized)));
    /* a refc binary, a heap binary, a sub binary at a bit offset, empty */
    Term big = bin_new(p, plain, 60000);
    Term small = bin_new(p, plain + 60000, 40);
    uint8_t *d;
    Term orig = bin_alloc(p, 40000 - 40 + 1, &d);
    d[0] = 0;
    bin_copy_bits(d, 3, plain + 60040, 0, (40000 - 40) * 8);
    Term odd = bin_make_sub(p, orig, 3, (40000 - 40) * 8);
    Term empty = bin_new(p, "", 0);
    Term items[4] = { big, small, empty, odd };
    CHECK(call2("enqueue_nif", z, list(items, 4)) == AM(ok));
    size_t clen = drain("deflate_nif", z, Z_FINISH, packed, 2 * n);
    CHECK(clen != (size_t)-1 && clen > 0);
    uLongf blen = n + 16;
    CHECK(uncompress(back, &blen, packed, clen) == Z_OK);
    CHECK(blen == n && memcmp(back, plain, n) == 0);
    CHECK(call1("deflateEnd_nif", z) == AM(ok));

    /* inflate it back in one enqueue, through the bounded steps */
    Term v3[3] = { z, make_small(15), make_small(2) };
    CHECK(call(p, "inflateInit_nif", 3, v3) == AM(ok));
    Term cbin = bin_new(p, packed, clen);
    CHECK(call2("enqueue_nif", z, list(&cbin, 1)) == AM(ok));
    memset(back, 0, n);
    CHECK(drain("inflate_nif", z, Z_NO_FLUSH, back, n + 16) == n);
    CHECK(memcmp(back, plain, n) == 0);
    CHECK(call1("inflateEnd_nif", z) == AM(ok));
    CHECK(call1("close_nif", z) == AM(ok));
    free(plain);
    free(packed);
    free(back);
}

static void test_enqueue_limits(void)
{
    Term z = call(p, "open_nif", 0, NULL);
    CHECK(init6(z, 1, -15) == AM(ok));
    Term items[300];
    for (int i = 0; i < 300; i++)
        items[i] = bin_new(p, "abc", 3);
    Term r = call2("enqueue_nif", z, list(items, 300));
    CHECK(is_tuple(r) && tuple_elem(r, 1) == AM(continue));
    Term rest = tuple_elem(r, 2);
    size_t left = 0;
    for (Term t = rest; is_list(t); t = CDR(list_val(t)))
        left++;
    CHECK(left == 44);
    CHECK(call2("enqueue_nif", z, rest) == AM(ok));
    Term bad[2] = { items[0], make_small(1) };
    CHECK(raised(p, call2("enqueue_nif", z, list(bad, 2)), AM(badarg)));
    Term *hp = proc_alloc(p, 2);
    CHECK(raised(p, call2("enqueue_nif", z, make_cons_at(hp, items[0], items[1])), AM(badarg)));
    /* the stream still holds 900 queued bytes: freed with the stream */
    CHECK(call1("close_nif", z) == AM(ok));
}

static void test_stash_and_owner(void)
{
    Process *q = proc_alloc_bare(1000);
    q->id = make_internal_pid(2);
    Term z = call(p, "open_nif", 0, NULL);
    CHECK(call1("getStash_nif", z) == AM(empty));
    CHECK(raised(p, call1("clearStash_nif", z), AM(error)));
    uint8_t big[500];
    memset(big, 'x', sizeof big);
    Term *hp = proc_alloc(p, 3);
    hp[0] = make_arityval(2);
    hp[1] = atom_from_cstr("deflate");
    hp[2] = bin_new(p, big, sizeof big);
    CHECK(call2("setStash_nif", z, make_tuple(hp)) == AM(ok));
    CHECK(raised(p, call2("setStash_nif", z, NIL), AM(error)));
    Term got = call1("getStash_nif", z);
    CHECK(is_tuple(got) && tuple_elem(got, 1) == AM(ok));
    Term inner = tuple_elem(got, 2);
    CHECK(is_tuple(inner) && tuple_elem(inner, 1) == atom_from_cstr("deflate") && bin_byte_size(tuple_elem(inner, 2)) == 500);
    CHECK(call1("clearStash_nif", z) == AM(ok));
    CHECK(call1("getStash_nif", z) == AM(empty));
    CHECK(call2("setStash_nif", z, make_tuple(hp)) == AM(ok));   /* freed with the stream */

    CHECK(call1("getBufSize_nif", z) == make_small(4000));
    CHECK(call2("setBufSize_nif", z, make_small(5000)) == AM(ok));
    CHECK(call1("getBufSize_nif", z) == make_small(5000));

    /* another process may not use it until handed over */
    Term qa[1] = { z };
    CHECK(raised(q, call(q, "getBufSize_nif", 1, qa), AM(not_on_controlling_process)));
    CHECK(raised(p, call2("set_controller_nif", z, AM(ok)), AM(badarg)));
    CHECK(call2("set_controller_nif", z, q->id) == AM(ok));
    CHECK(raised(p, call1("getBufSize_nif", z), AM(not_on_controlling_process)));
    CHECK(call(q, "getBufSize_nif", 1, qa) == make_small(5000));
    Term ia[3] = { z, make_small(-15), make_small(2) };
    CHECK(call(q, "inflateInit_nif", 3, ia) == AM(ok));
    Term cb = bin_new(q, big, sizeof big);
    Term *cp = proc_alloc(q, 2);
    Term ea[2] = { z, make_cons_at(cp, cb, NIL) };
    CHECK(call(q, "enqueue_nif", 2, ea) == AM(ok));
    /* q exits with a live stream holding input and a stash */
    zlib_process_exited(q);
    CHECK(raised(p, call1("close_nif", z), AM(not_initialized)));
    bin_offheap_release_list(q->off_heap);
    proc_free_bare(q);
}

static void test_closed_and_foreign(void)
{
    Term z = call(p, "open_nif", 0, NULL);
    CHECK(call1("close_nif", z) == AM(ok));
    CHECK(raised(p, call1("close_nif", z), AM(not_initialized)));
    CHECK(raised(p, init6(z, -1, 15), AM(already_initialized)));
    CHECK(raised(p, call1("deflateEnd_nif", z), AM(not_initialized)));
    CHECK(raised(p, step("inflate_nif", z, 1, 1, 0), AM(not_initialized)));
    CHECK(raised(p, call1("crc32_nif", z), AM(not_initialized)));
    CHECK(call1("getStash_nif", z) == AM(empty));
    Term plain = ref_make(p);
    CHECK(raised(p, call1("close_nif", plain), AM(badarg)));
    CHECK(raised(p, call1("getStash_nif", AM(ok)), AM(badarg)));
    /* wrong argument types come before the stream's state */
    Term z2 = call(p, "open_nif", 0, NULL);
    Term v[4] = { z2, make_small(1), AM(ok), make_small(0) };
    CHECK(raised(p, call(p, "deflate_nif", 4, v), AM(badarg)));
    CHECK(raised(p, call1("deflateReset_nif", z2), AM(not_initialized)));
    CHECK(init6(z2, 1, 15) == AM(ok));
    Term x = bin_new(p, "xyz", 3);
    CHECK(call2("enqueue_nif", z2, list(&x, 1)) == AM(ok));
    Term r = step("deflate_nif", z2, 8192, 8192, Z_NO_FLUSH);
    CHECK(is_tuple(r) && tuple_elem(r, 1) == AM(finished));
    /* deflateEnd with data still inside zlib: data_error, stream reset */
    CHECK(raised(p, call1("deflateEnd_nif", z2), AM(data_error)));
    CHECK(raised(p, call1("deflateEnd_nif", z2), AM(not_initialized)));
    Term ia[3] = { z2, make_small(15), make_small(0) };
    CHECK(call(p, "inflateInit_nif", 3, ia) == AM(ok));
    Term junk = bin_new(p, "this is not zlib", 16);
    CHECK(call2("enqueue_nif", z2, list(&junk, 1)) == AM(ok));
    CHECK(raised(p, step("inflate_nif", z2, 8192, 16384, 0), AM(data_error)));
    /* left open: freed by the exit hook */
    zlib_process_exited(p);
    CHECK(raised(p, call1("inflateEnd_nif", z2), AM(not_initialized)));
}

int main(void)
{
    atom_init();
    bif_init();
    p = proc_alloc_bare(1000);
    p->id = make_internal_pid(1);
    test_roundtrip();
    test_enqueue_limits();
    test_stash_and_owner();
    test_closed_and_foreign();
    bin_offheap_release_list(p->off_heap);
    proc_free_bare(p);
    return UNIT_DONE();
}
