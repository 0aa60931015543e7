/* test_erlang_misc.c — the BIFs of erlang_misc.c, erlang_info.c and
 * erlang_time.c where erl cannot be the oracle: girder's own pid numbering
 * and refs read back by list_to_pid/list_to_ref, iolist_to_iovec on inputs
 * big enough to promote the accumulator, reductions charged by
 * bump_reductions, and girder's values in system_info/statistics. The
 * rest is covered by the differential programs tests/erl/bif_*.erl. */
#include "unit.h"
#include "term/term.h"
#include "term/atom.h"
#include "term/binary.h"
#include "term/ref.h"
#include "term/compare.h"
#include "bif/bif.h"
#include "proc/process.h"
#include "proc/sched.h"
#include <stdlib.h>
#include <string.h>

static Process *p;

static Term call(const char *m, const char *f, uint32_t arity, Term *args)
{
    const BifDef *d = bif_lookup(atom_from_cstr(m), atom_from_cstr(f), arity);
    if (!d) {
        fprintf(stderr, "no BIF %s:%s/%u\n", m, f, arity);
        exit(1);
    }
    p->fclass = EXC_NONE;
    return d->fn(p, args);
}
static Term call1(const char *m, const char *f, Term a) { return call(m, f, 1, &a); }
static Term call2(const char *m, const char *f, Term a, Term b) { Term v[2] = { a, b }; return call(m, f, 2, v); }

static bool raised(Term r, Term reason)
{
    return is_non_value(r) && p->fclass == EXC_ERROR && p->fvalue == reason;
}

static Term str(const char *s)
{
    size_t n = strlen(s);
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, make_small((uint8_t)s[i]), l);
    return l;
}

static bool is_str(Term l, const char *s)
{
    for (; *s; s++, l = CDR(list_val(l)))
        if (!is_list(l) || CAR(list_val(l)) != make_small((uint8_t)*s))
            return false;
    return is_nil(l);
}

static size_t list_len(Term l)
{
    size_t n = 0;
    for (; is_list(l); l = CDR(list_val(l)))
        n++;
    return n;
}

static void test_pids_refs_ports(void)
{
    /* girder prints any local pid as <0.N.0> and reads it back */
    Term big = make_internal_pid(40000);
    Term s = call1("erlang", "pid_to_list", big);
    CHECK(is_str(s, "<0.40000.0>"));
    CHECK(call1("erlang", "list_to_pid", s) == big);
    CHECK(call1("erlang", "list_to_pid", str("<0.5.1>")) == make_internal_pid(1 << 15 | 5));
    CHECK(raised(call1("erlang", "list_to_pid", str("<0.5.8192>")), AM(badarg)));
    CHECK(raised(call1("erlang", "list_to_pid", str("<1.5.0>")), AM(badarg)));
    /* every ref girder makes reads back to an equal ref */
    for (int i = 0; i < 1000; i++) {
        Term r = ref_make(p);
        Term back = call1("erlang", "list_to_ref", call1("erlang", "ref_to_list", r));
        CHECK(is_value(back) && term_eq_exact(back, r));
    }
    Term port = call1("erlang", "list_to_port", str("#Port<0.268435455>"));
    CHECK(port == make_internal_port(268435455));
    CHECK(is_str(call1("erlang", "port_to_list", port), "#Port<0.268435455>"));
    CHECK(raised(call1("erlang", "list_to_port", str("#Port<0.268435456>")), AM(badarg)));
}

/* A list of n bytes, each `c`. */
static Term bytes(size_t n, int c)
{
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = 0; i < n; i++)
        l = make_cons_at(hp + 2 * i, make_small(c), l);
    return l;
}

static void test_iovec(void)
{
    /* three runs of 5000 list bytes: the accumulator grows to 10000, then
     * (being past 8192 bytes) is emitted instead of growing again */
    p->fcalls = SCHED_CONTEXT_REDS;
    Term *cells = proc_alloc(p, 6);
    Term in3 = NIL;
    for (int i = 0; i < 3; i++)
        in3 = make_cons_at(cells + 2 * i, bytes(5000, 'z'), in3);
    Term r = call1("erlang", "iolist_to_iovec", in3);
    CHECK(list_len(r) == 2);
    CHECK(bin_byte_size(CAR(list_val(r))) == 10000);
    CHECK(bin_byte_size(CAR(list_val(CDR(list_val(r))))) == 5000);
    /* a large binary after a small one: the accumulator is topped up to 256
     * bytes and the rest is a sub binary of the original */
    uint8_t *data;
    Term big = bin_alloc(p, 1000, &data);
    memset(data, 'b', 1000);
    Term *hp = proc_alloc(p, 4);
    Term in = make_cons_at(hp, make_small('a'), make_cons_at(hp + 2, big, NIL));
    r = call1("erlang", "iolist_to_iovec", in);
    CHECK(list_len(r) == 2);
    CHECK(bin_byte_size(CAR(list_val(r))) == 256);
    Term tail = CAR(list_val(CDR(list_val(r))));
    CHECK(is_sub_bin(tail) && bin_byte_size(tail) == 745);
    /* bad elements anywhere fail the whole call without leaking */
    hp = proc_alloc(p, 4);
    in = make_cons_at(hp, bytes(5000, 'q'), make_cons_at(hp + 2, make_small(256), NIL));
    CHECK(raised(call1("erlang", "iolist_to_iovec", in), AM(badarg)));
}

static void test_reductions(void)
{
    p->fcalls = 1500;
    CHECK(call1("erlang", "bump_reductions", make_small(100)) == AM(true));
    CHECK(p->fcalls == 1400);
    CHECK(call1("erlang", "bump_reductions", make_small(1000000)) == AM(true));
    CHECK(p->fcalls == 1400 - SCHED_CONTEXT_REDS);
    CHECK(raised(call1("erlang", "bump_reductions", make_small(-1)), AM(badarg)));
    p->fcalls = SCHED_CONTEXT_REDS;
}

static void test_info(void)
{
    SchedInfo si;
    sched_info(&si);
    CHECK(call1("erlang", "system_info", atom_from_cstr("schedulers")) == make_small(si.schedulers));
    CHECK(call1("erlang", "system_info", atom_from_cstr("process_limit")) == make_small(si.process_limit));
    CHECK(call1("erlang", "system_info", atom_from_cstr("context_reductions")) == make_small(SCHED_CONTEXT_REDS));
    CHECK(raised(call1("erlang", "system_info", atom_from_cstr("no_such_item")), AM(badarg)));
    /* backtrace_depth is clamped and read back */
    Term bd = atom_from_cstr("backtrace_depth");
    Term old = call2("erlang", "system_flag", bd, make_small(1000));
    CHECK(is_small(old));
    CHECK(call2("erlang", "system_flag", bd, old) == make_small(64));
    /* statistics: reductions are those of finished slices, the exact
     * variant adds the caller's current slice */
    p->fcalls = SCHED_CONTEXT_REDS - 77;
    Term r = call1("erlang", "statistics", AM(reductions));
    Term e = call1("erlang", "statistics", atom_from_cstr("exact_reductions"));
    CHECK(is_tuple(r) && is_tuple(e));
    CHECK(small_val(tuple_elem(e, 1)) == small_val(tuple_elem(r, 1)) + 77);
    CHECK(call1("erlang", "statistics", atom_from_cstr("run_queue")) == make_small(si.run_queue));
    /* is_builtin answers for OTP's BIF table */
    Term v[3] = { AM(erlang), atom_from_cstr("send_after"), make_small(3) };
    CHECK(call("erlang", "is_builtin", 3, v) == AM(true));
    v[1] = atom_from_cstr("convert_time_unit");
    CHECK(call("erlang", "is_builtin", 3, v) == AM(false));
}

static void test_time(void)
{
    /* the extremes of posixtime_to_universaltime do not overflow */
    Term t = call1("erlang", "posixtime_to_universaltime", make_small(MAX_SMALL));
    CHECK(is_tuple(t));
    t = call1("erlang", "posixtime_to_universaltime", make_small(MIN_SMALL));
    CHECK(is_tuple(t));
    Term r = call1("erlang", "posixtime_to_universaltime", make_small(951782400));
    Term back = call1("erlang", "universaltime_to_posixtime", r);
    CHECK(back == make_small(951782400));
}

int main(void)
{
    atom_init();
    bif_init();
    p = proc_alloc_bare(1000);
    test_pids_refs_ports();
    test_iovec();
    test_reductions();
    test_info();
    test_time();
    bin_offheap_release_list(p->off_heap);
    p->off_heap = NULL;
    proc_free_heap_frags(p);
    proc_free_bare(p);
    return UNIT_DONE();
}
