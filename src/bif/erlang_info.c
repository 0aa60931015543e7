/* erlang_info.c — what the VM says about itself: erlang:system_info/1,
 * statistics/1, system_flag/2, loaded/0, pre_loaded/0 and is_builtin/3.
 * Values are girder's own where they describe girder (schedulers, process
 * counts, build) and OTP 25's (ERTS 13.1.5) where they name the release
 * whose preloaded modules girder runs. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/bignum.h"
#include "../term/map.h"
#include "../code/module.h"
#include "../proc/sched.h"
#include "../proc/gc.h"
#include "../term/binary.h"
#include "../ets/ets.h"
#include "system_logger.h"
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/utsname.h>

#define A(s) atom_from_cstr(s)

/* The OTP release and ERTS version girder implements (it loads that
 * release's erlang.beam and the other preloaded modules). */
#define OTP_RELEASE "25"
#define ERTS_VERSION "13.1.5"

#define MAX_BACKTRACE_DEPTH 64      /* ERTS caps backtrace_depth here */
#define PORT_LIMIT 65536            /* ERTS's default +Q */

/* ---------------------------------------------------------------- helpers */
static Term str_list(Process *p, const char *s)
{
    size_t n = strlen(s);
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, make_small((uint8_t)s[i]), l);
    return l;
}

static Term list_of(Process *p, const Term *items, size_t n)
{
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = make_cons_at(hp + 2 * i, items[i], l);
    return l;
}

static bool atom_is(Term t, const char *s)
{
    const Atom *a = atom_get(t);
    return a->len == strlen(s) && memcmp(a->text, s, a->len) == 0;
}

static const char *build_type(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return "asan";
#elif defined(GIRDER_DEBUG)
    return "debug";
#else
    return "opt";
#endif
}

static bool debug_build(void)
{
#ifdef GIRDER_DEBUG
    return true;
#else
    return false;
#endif
}

/* ---------------------------------------------------------- backtrace depth */
/* erlang:system_flag(backtrace_depth, N) sets this; the stack-trace builder
 * (emu_support.c) is to read it through bif_backtrace_depth(). */
static _Atomic int backtrace_depth = 8;
int bif_backtrace_depth(void) { return atomic_load(&backtrace_depth); }

static uint32_t online_schedulers(void) { return sched_online(); }

/* ------------------------------------------------------------- system_info */
static int cpu_count(bool online)
{
    long n = sysconf(online ? _SC_NPROCESSORS_ONLN : _SC_NPROCESSORS_CONF);
    return n > 0 ? (int)n : 0;
}

static int cpus_available(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return 0;
    return CPU_COUNT(&set);
}

static Term count_or_unknown(int n) { return n > 0 ? make_small(n) : A("unknown"); }

static Term system_version(Process *p)
{
    SchedInfo si;
    sched_info(&si);
    char buf[256];
    /* erl's shape; girder has no dirty schedulers or async threads (yet)
     * and is an interpreter (no [jit]) */
    snprintf(buf, sizeof buf, "Erlang/OTP %s [erts-%s] [source] [64-bit] [smp:%u:%u] [ds:0:0:0] "
             "[async-threads:0]\n", OTP_RELEASE, ERTS_VERSION, si.schedulers, online_schedulers());
    return str_list(p, buf);
}

static Term system_architecture(Process *p)
{
#if defined(__x86_64__)
    return str_list(p, "x86_64-pc-linux-gnu");
#else
    struct utsname u;
    char buf[sizeof u.machine + 32];
    uname(&u);
    snprintf(buf, sizeof buf, "%s-unknown-linux-gnu", u.machine);
    return str_list(p, buf);
#endif
}

static Term os_type(Process *p)
{
    struct utsname u;
    uname(&u);
    for (char *s = u.sysname; *s; s++)
        *s = (char)tolower((unsigned char)*s);
    return bif_tuple2(p, A("unix"), A(u.sysname));
}

/* The leading number of *s, moving past it and the dot after it (0 if
 * there is no digit), as ERTS parses uname's release. */
static int release_number(char **s)
{
    if (!isdigit((unsigned char)**s))
        return 0;
    int v = atoi(*s);
    char *dot = strchr(*s, '.');
    *s = dot ? dot + 1 : *s + strlen(*s);
    return v;
}

static Term os_version(Process *p)
{
    struct utsname u;
    uname(&u);
    char *s = u.release;
    int major = release_number(&s);
    int minor = release_number(&s);
    int build = release_number(&s);
    return bif_tuple3(p, make_small(major), make_small(minor), make_small(build));
}

static Term gc_settings(Process *p)
{
    Term items[4] = {
        bif_tuple2(p, A("max_heap_size"), make_small(0)),
        bif_tuple2(p, A("min_bin_vheap_size"), make_small(46422)),
        bif_tuple2(p, A("min_heap_size"), make_small(PROC_MIN_HEAP_WORDS)),
        bif_tuple2(p, A("fullsweep_after"), make_small(65535)),
    };
    return list_of(p, items, 4);
}

/* #{error_logger => true, kill => true, size => 0}: no limit. */
static Term max_heap_size(Process *p)
{
    Term keys[3] = { A("error_logger"), A("kill"), A("size") };
    Term values[3] = { AM(true), AM(true), make_small(0) };
    return map_new_from_kvs(p, keys, values, 3);
}

typedef Term (*InfoFn)(Process *p);

#define INFO_CONST(fn, expr) static Term fn(Process *p) { (void)p; return (expr); }
INFO_CONST(si_otp_release, str_list(p, OTP_RELEASE))
INFO_CONST(si_version, str_list(p, ERTS_VERSION))
INFO_CONST(si_wordsize, make_small(8))
INFO_CONST(si_logical_processors, count_or_unknown(cpu_count(false)))
INFO_CONST(si_logical_processors_online, count_or_unknown(cpu_count(true)))
INFO_CONST(si_logical_processors_available, count_or_unknown(cpus_available()))
INFO_CONST(si_process_count, make_small(sched_process_count()))
INFO_CONST(si_atom_count, make_small(atom_count()))
INFO_CONST(si_atom_limit, make_small(ATOM_TABLE_LIMIT))
INFO_CONST(si_port_count, make_small(0))           /* girder has no ports yet */
INFO_CONST(si_port_limit, make_small(PORT_LIMIT))
INFO_CONST(si_machine, str_list(p, "BEAM"))
INFO_CONST(si_true, AM(true))
INFO_CONST(si_false, AM(false))
INFO_CONST(si_undefined, AM(undefined))
INFO_CONST(si_nil, NIL)
INFO_CONST(si_zero, make_small(0))
INFO_CONST(si_thread_pool_size, make_small(0))     /* no async threads */
INFO_CONST(si_build_type, A(build_type()))
INFO_CONST(si_emu_flavor, A("emu"))                /* an interpreter: no JIT */
INFO_CONST(si_endian, __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? AM(little) : AM(big))
INFO_CONST(si_debug_compiled, debug_build() ? AM(true) : AM(false))
INFO_CONST(si_driver_version, str_list(p, "3.3"))
INFO_CONST(si_nif_version, str_list(p, "2.16"))
INFO_CONST(si_compat_rel, make_small(25))
INFO_CONST(si_heap_type, A("private"))
INFO_CONST(si_min_heap_size, bif_tuple2(p, A("min_heap_size"), make_small(PROC_MIN_HEAP_WORDS)))
INFO_CONST(si_min_bin_vheap_size, bif_tuple2(p, A("min_bin_vheap_size"), make_small(46422)))
INFO_CONST(si_fullsweep_after, bif_tuple2(p, A("fullsweep_after"), make_small(65535)))
INFO_CONST(si_message_queue_data, A("on_heap"))
INFO_CONST(si_scheduler_id, make_small(1))
INFO_CONST(si_context_reductions, make_small(SCHED_CONTEXT_REDS))
INFO_CONST(si_dynamic_trace, AM(none))
INFO_CONST(si_c_compiler_used, bif_tuple2(p, A("gnuc"), bif_tuple3(p, make_small(__GNUC__),
           make_small(__GNUC_MINOR__), make_small(__GNUC_PATCHLEVEL__))))
INFO_CONST(si_sequential_tracer, bif_tuple2(p, A("sequential_tracer"), AM(false)))

static Term si_schedulers(Process *p)
{
    (void)p;
    SchedInfo si;
    sched_info(&si);
    return make_small(si.schedulers);
}
static Term si_schedulers_online(Process *p) { (void)p; return make_small(online_schedulers()); }
static Term si_process_limit(Process *p)
{
    (void)p;
    SchedInfo si;
    sched_info(&si);
    return make_small(si.process_limit);
}
static Term ms_state_atom(int st)
{
    switch (st) {
    case MS_BLOCKED: return A("blocked");
    case MS_BLOCKED_NORMAL: return A("blocked_normal");
    default: return A("enabled");
    }
}

static Term si_multi_scheduling(Process *p)
{
    (void)p;
    return ms_state_atom(sched_ms_state());
}

static Term si_system_logger(Process *p) { (void)p; return syslog_get(); }
static Term ms_blockers(Process *p, bool normal)
{
    Term pids[64];
    size_t n = sched_ms_blockers(normal, pids, 64);
    Term list = NIL;
    while (n-- > 0) {
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, pids[n], list);
    }
    return list;
}
static Term si_ms_blockers(Process *p) { return ms_blockers(p, false); }
static Term si_ms_normal_blockers(Process *p) { return ms_blockers(p, true); }

static const struct { const char *name; InfoFn fn; } info_items[] = {
    { "otp_release", si_otp_release },         { "version", si_version },
    { "system_version", system_version },      { "system_architecture", system_architecture },
    { "wordsize", si_wordsize },               { "schedulers", si_schedulers },
    { "schedulers_online", si_schedulers_online },
    { "logical_processors", si_logical_processors },
    { "logical_processors_online", si_logical_processors_online },
    { "logical_processors_available", si_logical_processors_available },
    { "process_count", si_process_count },     { "process_limit", si_process_limit },
    { "atom_count", si_atom_count },           { "atom_limit", si_atom_limit },
    { "port_count", si_port_count },           { "port_limit", si_port_limit },
    { "machine", si_machine },                 { "smp_support", si_true },
    { "threads", si_true },                    { "thread_pool_size", si_thread_pool_size },
    { "build_type", si_build_type },           { "emu_type", si_build_type },
    { "emu_flavor", si_emu_flavor },           { "endian", si_endian },
    { "hipe_architecture", si_undefined },     { "kernel_poll", si_false },
    { "debug_compiled", si_debug_compiled },   { "driver_version", si_driver_version },
    { "nif_version", si_nif_version },         { "compat_rel", si_compat_rel },
    { "creation", si_zero },                   { "heap_type", si_heap_type },
    { "modified_timing_level", si_undefined }, { "min_heap_size", si_min_heap_size },
    { "min_bin_vheap_size", si_min_bin_vheap_size },
    { "fullsweep_after", si_fullsweep_after }, { "garbage_collection", gc_settings },
    { "max_heap_size", max_heap_size },        { "message_queue_data", si_message_queue_data },
    { "dist_ctrl", si_nil },                   { "os_type", os_type },
    { "os_version", os_version },              { "c_compiler_used", si_c_compiler_used },
    { "scheduler_id", si_scheduler_id },       { "context_reductions", si_context_reductions },
    { "multi_scheduling", si_multi_scheduling },
    { "multi_scheduling_blockers", si_ms_blockers },
    { "normal_multi_scheduling_blockers", si_ms_normal_blockers },
    { "dirty_cpu_schedulers", si_zero },       { "dirty_cpu_schedulers_online", si_zero },
    { "dirty_io_schedulers", si_zero },        { "cpu_topology", si_undefined },
    { "dynamic_trace", si_dynamic_trace },     { "dynamic_trace_probes", si_false },
    { "lock_checking", si_false },             { "lock_counting", si_false },
    { "sequential_tracer", si_sequential_tracer },
    { "system_logger", si_system_logger },
};

static Term bif_system_info_1(Process *p, Term *a)
{
    Term item = a[0];
    if (is_atom(item)) {
        for (size_t i = 0; i < sizeof info_items / sizeof info_items[0]; i++)
            if (atom_is(item, info_items[i].name))
                return info_items[i].fn(p);
    } else if (is_tuple(item) && tuple_arity(item) == 2 && tuple_elem(item, 1) == AM(wordsize)) {
        Term kind = tuple_elem(item, 2);
        if (is_atom(kind) && (atom_is(kind, "internal") || atom_is(kind, "external")))
            return make_small(8);
    }
    BIF_BADARG(p);
}
BIF_DEF("erlang", "system_info", 1, bif_system_info_1)

/* ------------------------------------------------------------- statistics */
/* Milliseconds of user CPU time (ERTS uses getrusage's user time). */
static int64_t runtime_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (int64_t)ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000;
}

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The VM's start, for wall_clock. */
static int64_t start_ms;
__attribute__((constructor)) static void record_start(void) { start_ms = monotonic_ms(); }

/* {Total, Total minus the value at the previous call}. */
static Term total_and_diff(Process *p, int64_t total, _Atomic int64_t *prev)
{
    int64_t last = atomic_exchange(prev, total);
    return bif_tuple2(p, bn_from_sword(p, total), bn_from_sword(p, total - last));
}

static _Atomic int64_t prev_runtime, prev_wall, prev_reds, prev_exact_reds;

/* Per-queue lengths: girder's one run queue, then the dirty CPU (and, for
 * the _all variants, dirty IO) queues ERTS lists, which girder does not
 * have yet and so are empty. `running` adds the calling process. */
static Term queue_lengths(Process *p, size_t rq, bool all, bool running, bool tuple)
{
    Term items[3] = { make_small(rq + (running ? 1 : 0)), make_small(0), make_small(0) };
    size_t n = all ? 3 : 2;
    if (!tuple)
        return list_of(p, items, n);
    Term *hp = proc_alloc(p, 1 + n);
    hp[0] = make_arityval(n);
    memcpy(hp + 1, items, n * sizeof(Term));
    return make_tuple(hp);
}

static Term bif_statistics_1(Process *p, Term *a)
{
    Term what = a[0];
    if (!is_atom(what))
        BIF_BADARG(p);
    SchedInfo si;
    sched_info(&si);
    if (what == AM(runtime))
        return total_and_diff(p, runtime_ms(), &prev_runtime);
    if (what == AM(wall_clock))
        return total_and_diff(p, monotonic_ms() - start_ms, &prev_wall);
    if (what == AM(reductions))
        return total_and_diff(p, (int64_t)si.reductions, &prev_reds);
    if (atom_is(what, "exact_reductions")) {
        /* the caller's reductions in its current slice count too */
        int64_t now = (int64_t)si.reductions + SCHED_CONTEXT_REDS - (p->fcalls > 0 ? p->fcalls : 0);
        return total_and_diff(p, now, &prev_exact_reds);
    }
    if (atom_is(what, "context_switches"))
        return bif_tuple2(p, bn_from_uword(p, si.context_switches), make_small(0));
    if (atom_is(what, "run_queue") || atom_is(what, "total_run_queue_lengths") ||
        atom_is(what, "total_run_queue_lengths_all"))
        return make_small(si.run_queue);
    if (atom_is(what, "total_active_tasks") || atom_is(what, "total_active_tasks_all"))
        return make_small(si.run_queue + 1);
    if (atom_is(what, "run_queue_lengths"))
        return queue_lengths(p, si.run_queue, false, false, false);
    if (atom_is(what, "run_queue_lengths_all"))
        return queue_lengths(p, si.run_queue, true, false, false);
    if (atom_is(what, "active_tasks"))
        return queue_lengths(p, si.run_queue, false, true, false);
    if (atom_is(what, "active_tasks_all"))
        return queue_lengths(p, si.run_queue, true, true, false);
    if (atom_is(what, "run_queues"))
        return queue_lengths(p, si.run_queue, true, false, true);
    /* scheduler wall time can never be enabled on girder (system_flag) */
    if (atom_is(what, "scheduler_wall_time") || atom_is(what, "scheduler_wall_time_all"))
        return AM(undefined);
    if (atom_is(what, "garbage_collection")) {
        /* {Number of GCs, Words Reclaimed, 0} as erl */
        uint64_t count, reclaimed;
        gc_stats(&count, &reclaimed);
        return bif_tuple3(p, bn_from_uword(p, count), bn_from_uword(p, reclaimed), make_small(0));
    }
    /* not kept yet: io (no ports), microstate_accounting */
    BIF_BADARG(p);
}
BIF_DEF("erlang", "statistics", 1, bif_statistics_1)

/* ------------------------------------------------------------ system_flag */
static Term notsup(Process *p) { return bif_error(p, AM(notsup)); }

/* Heap-size flags: ERTS rounds the value up to its next heap size. girder
 * cannot change these defaults, so a value that rounds to the current one
 * is accepted (and the old value returned) and any other is notsup. */
static Term flag_heap_size(Process *p, Term v, SWord above, SWord current)
{
    if (!is_small(v) || small_val(v) < 0)
        BIF_BADARG(p);
    return small_val(v) > above && small_val(v) <= current ? make_small(current) : notsup(p);
}

/* max_heap_size: 0 or #{size => 0} with the default flags (no limit) is
 * what girder has; a real limit is notsup. As ERTS, size is mandatory in
 * a map, kill and error_logger must be booleans, other keys are ignored. */
static Term flag_max_heap_size(Process *p, Term v)
{
    SWord size = -1;
    bool flags_default = true;
    if (is_small(v)) {
        size = small_val(v);
    } else if (is_map(v)) {
        Term sz = map_get(v, A("size"));
        if (is_non_value(sz) || !is_small(sz))
            BIF_BADARG(p);
        size = small_val(sz);
        Term flags[2] = { map_get(v, A("kill")), map_get(v, A("error_logger")) };
        for (int i = 0; i < 2; i++) {
            if (is_non_value(flags[i]))
                continue;
            if (flags[i] != AM(true) && flags[i] != AM(false))
                BIF_BADARG(p);
            flags_default = flags_default && flags[i] == AM(true);
        }
    }
    if (size < 0 || (size > 0 && size < PROC_MIN_HEAP_WORDS))
        BIF_BADARG(p);
    if (size != 0 || !flags_default)
        return notsup(p);
    return max_heap_size(p);
}

static Term flag_schedulers_online(Process *p, Term v)
{
    SchedInfo si;
    sched_info(&si);
    if (!is_small(v) || small_val(v) < 1 || (UWord)small_val(v) > si.schedulers)
        BIF_BADARG(p);
    uint32_t old = online_schedulers();
    sched_set_online((unsigned)small_val(v));
    return make_small(old);
}

static Term flag_multi_scheduling(Process *p, Term v)
{
    if (!is_atom(v) || !(atom_is(v, "block") || atom_is(v, "unblock") ||
                         atom_is(v, "block_normal") || atom_is(v, "unblock_normal")))
        BIF_BADARG(p);
    bool normal = atom_is(v, "block_normal") || atom_is(v, "unblock_normal");
    bool block = atom_is(v, "block") || atom_is(v, "block_normal");
    int st = sched_ms_block(p->id, normal, block);
    if (block && sched_count() > 1)
        sched_yield_soon(p);   /* the rest runs on the one scheduler left */
    return ms_state_atom(st);
}

static Term bif_system_flag_2(Process *p, Term *a)
{
    Term flag = a[0], v = a[1];
    if (!is_atom(flag))
        BIF_BADARG(p);
    if (atom_is(flag, "backtrace_depth")) {
        if (!is_small(v) || small_val(v) < 0)
            BIF_BADARG(p);
        int n = small_val(v) > MAX_BACKTRACE_DEPTH ? MAX_BACKTRACE_DEPTH : (int)small_val(v);
        return make_small(atomic_exchange(&backtrace_depth, n));
    }
    if (atom_is(flag, "schedulers_online"))
        return flag_schedulers_online(p, v);
    if (atom_is(flag, "multi_scheduling"))
        return flag_multi_scheduling(p, v);
    if (atom_is(flag, "min_heap_size"))
        return flag_heap_size(p, v, 142, PROC_MIN_HEAP_WORDS);
    if (atom_is(flag, "min_bin_vheap_size"))
        return flag_heap_size(p, v, 28690, 46422);
    if (atom_is(flag, "fullsweep_after")) {
        /* ERTS clamps the value to 65535, girder's fixed setting */
        if (!is_small(v) || small_val(v) < 0)
            BIF_BADARG(p);
        return small_val(v) >= 65535 ? make_small(65535) : notsup(p);
    }
    if (atom_is(flag, "max_heap_size"))
        return flag_max_heap_size(p, v);
    if (atom_is(flag, "trace_control_word")) {
        /* girder has no trace control word: it is always 0 */
        if (!is_integer(v) || (is_small(v) && small_val(v) < 0) || (is_big(v) && big_sign(v)))
            BIF_BADARG(p);
        return v == make_small(0) ? make_small(0) : notsup(p);
    }
    if (atom_is(flag, "scheduler_wall_time")) {
        /* measuring scheduler wall time is not supported: off stays off */
        if (v == AM(false))
            return AM(false);
        if (v != AM(true))
            BIF_BADARG(p);
        return notsup(p);
    }
    if (atom_is(flag, "system_logger")) {
        Term old = syslog_set(v);
        if (is_non_value(old))
            BIF_BADARG(p);
        return old;
    }
    /* flags girder knows but cannot change (yet) */
    static const char *const unsupported[] = {
        "time_offset", "cpu_topology", "scheduler_bind_type",
        "dirty_cpu_schedulers_online", "microstate_accounting",
        "outstanding_system_requests_limit", NULL };
    for (int i = 0; unsupported[i]; i++)
        if (atom_is(flag, unsupported[i]))
            return notsup(p);
    BIF_BADARG(p);
}
BIF_DEF("erlang", "system_flag", 2, bif_system_flag_2)

/* ------------------------------------------------------- loaded modules */
static Term bif_loaded_0(Process *p, Term *a)
{
    (void)a;
    Module **mods;
    size_t n = code_loaded_modules(&mods);
    Term *hp = proc_alloc(p, 2 * n);
    Term l = NIL;
    for (size_t i = 0; i < n; i++)
        l = make_cons_at(hp + 2 * i, mods[i]->name, l);
    free(mods);
    return l;
}
BIF_DEF("erlang", "loaded", 0, bif_loaded_0)

/* The modules ERTS preloads (girder loads the same .beam files from the
 * ERTS ebin folder on first use), in erl's order. */
static const char *const preloaded[] = {
    "persistent_term", "counters", "atomics", "erts_dirty_process_signal_handler",
    "erts_literal_area_collector", "erl_tracer", "erts_internal", "erlang", "erl_prim_loader",
    "prim_zip", "prim_net", "prim_socket", "socket_registry", "zlib", "prim_file", "prim_inet",
    "prim_eval", "prim_buffer", "init", "erl_init", "erts_code_purger",
};

static Term bif_pre_loaded_0(Process *p, Term *a)
{
    (void)a;
    size_t n = sizeof preloaded / sizeof preloaded[0];
    Term items[sizeof preloaded / sizeof preloaded[0]];
    for (size_t i = 0; i < n; i++)
        items[i] = A(preloaded[i]);
    return list_of(p, items, n);
}
BIF_DEF("erlang", "pre_loaded", 0, bif_pre_loaded_0)

/* ------------------------------------------------------------- is_builtin */
/* The BIFs of OTP 25 (erts/emulator/beam/bif.tab), per module, as
 * "name/arity" words: is_builtin/3 answers for erl's BIF set, not for
 * girder's C implementations (some of which are plain Erlang in OTP). */
static const struct { const char *module; const char *bifs; } otp_bifs[] = {
    { "erlang",
      "abs/1 adler32/1 adler32/2 adler32_combine/3 atom_to_list/1 binary_to_list/1 binary_to_list/3 "
      "binary_to_term/1 crc32/1 crc32/2 crc32_combine/3 date/0 delete_module/1 display/1 "
      "display_string/1 display_nl/0 element/2 erase/0 erase/1 exit/1 exit/2 exit_signal/2 "
      "external_size/1 external_size/2 float/1 float_to_list/1 float_to_list/2 fun_info/2 get/0 "
      "get/1 get_keys/1 group_leader/0 halt/2 phash/2 phash2/1 phash2/2 hd/1 integer_to_list/1 "
      "length/1 link/1 list_to_atom/1 list_to_binary/1 list_to_float/1 list_to_integer/1 "
      "list_to_pid/1 list_to_port/1 list_to_ref/1 list_to_tuple/1 loaded/0 localtime/0 "
      "localtime_to_universaltime/2 make_ref/0 unique_integer/0 unique_integer/1 md5/1 md5_init/0 "
      "md5_update/2 md5_final/1 module_loaded/1 function_exported/3 monitor_node/2 monitor_node/3 "
      "node/1 node/0 nodes/0 nodes/1 nodes/2 now/0 monotonic_time/0 monotonic_time/1 system_time/0 "
      "system_time/1 time_offset/0 time_offset/1 timestamp/0 pid_to_list/1 ports/0 pre_loaded/0 "
      "process_flag/2 process_info/1 process_info/2 processes/0 put/2 register/2 registered/0 "
      "round/1 self/0 setelement/3 size/1 spawn/3 spawn_link/3 split_binary/2 statistics/1 "
      "term_to_binary/1 term_to_binary/2 term_to_iovec/1 term_to_iovec/2 throw/1 time/0 tl/1 "
      "trunc/1 tuple_to_list/1 universaltime/0 universaltime_to_localtime/1 unlink/1 unregister/1 "
      "whereis/1 spawn_opt/4 setnode/2 dist_get_stat/1 dist_ctrl_input_handler/2 "
      "dist_ctrl_put_data/2 dist_ctrl_get_data/1 dist_ctrl_get_data_notification/1 "
      "dist_ctrl_get_opt/2 dist_ctrl_set_opt/3 spawn_request_abandon/1 port_set_data/2 "
      "port_get_data/1 trace_info/2 trace_delivered/1 seq_trace/2 seq_trace_info/1 "
      "seq_trace_print/1 seq_trace_print/2 resume_process/1 bump_reductions/1 start_timer/3 "
      "start_timer/4 send_after/3 send_after/4 cancel_timer/1 cancel_timer/2 read_timer/1 "
      "read_timer/2 make_tuple/2 append_element/2 make_tuple/3 system_flag/2 system_info/1 "
      "system_monitor/0 system_monitor/1 system_monitor/2 system_profile/2 system_profile/0 "
      "ref_to_list/1 port_to_list/1 fun_to_list/1 monitor/2 demonitor/1 demonitor/2 "
      "is_process_alive/1 error/1 error/2 raise/3 is_builtin/3 and/2 or/2 xor/2 not/1 >/2 >=/2 </2 "
      "=</2 =:=/2 ==/2 =/=/2 /=/2 +/2 -/2 */2 //2 div/2 rem/2 bor/2 band/2 bxor/2 bsl/2 bsr/2 "
      "bnot/1 -/1 +/1 !/2 send/2 send/3 ++/2 append/2 --/2 subtract/2 is_atom/1 is_list/1 "
      "is_tuple/1 is_float/1 is_integer/1 is_number/1 is_pid/1 is_port/1 is_reference/1 is_binary/1 "
      "is_function/1 is_function/2 is_record/2 is_record/3 match_spec_test/3 hibernate/3 "
      "get_module_info/1 get_module_info/2 is_boolean/1 make_fun/3 iolist_size/1 iolist_to_binary/1 "
      "list_to_existing_atom/1 is_bitstring/1 tuple_size/1 byte_size/1 bit_size/1 "
      "list_to_bitstring/1 bitstring_to_list/1 decode_packet/3 atom_to_binary/2 binary_to_atom/2 "
      "binary_to_existing_atom/2 load_nif/2 call_on_load_function/1 finish_after_on_load/2 "
      "binary_to_term/2 binary_part/2 binary_part/3 nif_error/1 nif_error/2 check_old_code/1 "
      "universaltime_to_posixtime/1 posixtime_to_universaltime/1 dt_put_tag/1 dt_get_tag/0 "
      "dt_get_tag_data/0 dt_spread_tag/1 dt_restore_tag/1 dt_prepend_vm_tag_data/1 "
      "dt_append_vm_tag_data/1 finish_loading/1 insert_element/3 delete_element/2 "
      "binary_to_integer/1 binary_to_integer/2 integer_to_binary/1 list_to_integer/2 "
      "float_to_binary/1 float_to_binary/2 binary_to_float/1 is_map/1 map_size/1 fun_info_mfa/1 "
      "get_keys/0 has_prepared_code_on_load/1 floor/1 ceil/1 iolist_to_iovec/1 map_get/2 "
      "is_map_key/2 integer_to_list/2 integer_to_binary/2 alias/1 unalias/1 monitor/3 error/3" },
    { "erts_internal",
      "garbage_collect/1 group_leader/2 group_leader/3 open_port/2 process_flag/3 port_info/1 "
      "port_info/2 port_call/3 port_command/3 port_control/3 port_close/1 port_connect/2 "
      "request_system_task/3 request_system_task/4 check_process_code/1 map_to_tuple_keys/1 "
      "term_type/1 map_hashmap_children/1 time_unit/0 perf_counter_unit/0 is_system_process/1 "
      "system_check/1 scheduler_wall_time/1 dirty_process_handle_signals/1 create_dist_channel/3 "
      "ets_super_user/1 spawn_request/4 dist_spawn_request/4 no_aux_work_threads/0 trace_pattern/3 "
      "trace/3 suspend_process/2 process_display/2 is_process_alive/2 cmp_term/2 "
      "is_process_executing_dirty/1 check_dirty_process_code/2 purge_module/2 get_dflags/0 "
      "new_connection/1 map_next/3 gather_alloc_histograms/1 gather_carrier_info/1 "
      "erase_persistent_terms/0 atomics_new/2 counters_new/1 counters_get/2 counters_add/3 "
      "counters_put/3 counters_info/1 spawn_system_process/3 ets_lookup_binary_info/2 "
      "ets_raw_first/1 ets_raw_next/2 abort_pending_connection/2 get_creation/0 prepare_loading/2 "
      "beamfile_chunk/2 beamfile_module_md5/1" },
    { "erts_literal_area_collector",
      "release_area_switch/0 send_copy_request/3" },
    { "math",
      "cos/1 cosh/1 sin/1 sinh/1 tan/1 tanh/1 acos/1 acosh/1 asin/1 asinh/1 atan/1 atanh/1 erf/1 "
      "erfc/1 exp/1 log/1 log2/1 log10/1 sqrt/1 atan2/2 pow/2 floor/1 ceil/1 fmod/2" },
    { "ets",
      "internal_request_all/0 new/2 delete/1 delete/2 delete_object/2 first/1 is_compiled_ms/1 "
      "lookup/2 lookup_element/3 info/1 info/2 last/1 match/1 match/2 match/3 match_object/1 "
      "match_object/2 match_object/3 member/2 next/2 prev/2 insert/2 insert_new/2 rename/2 "
      "safe_fixtable/2 slot/2 update_counter/3 select/1 select/2 select/3 select_count/2 "
      "select_reverse/1 select_reverse/2 select_reverse/3 select_replace/2 match_spec_compile/1 "
      "match_spec_run_r/3 update_element/3 give_away/3 setopts/2 take/2 update_counter/4 whereis/1 "
      "internal_delete_all/2 internal_select_delete/2" },
    { "os",
      "getenv/1 putenv/2 unsetenv/1 getpid/0 timestamp/0 system_time/0 system_time/1 perf_counter/0 "
      "set_signal/2 env/0" },
    { "erl_ddll",
      "try_load/3 try_unload/2 loaded_drivers/0 info/2 format_error_int/1 monitor/2 demonitor/1" },
    { "re",
      "version/0 compile/1 compile/2 run/2 run/3 internal_run/4 inspect/2" },
    { "lists",
      "member/2 reverse/2 keymember/3 keysearch/3 keyfind/3" },
    { "erts_debug",
      "disassemble/1 breakpoint/2 same/2 flat_size/1 get_internal_state/1 set_internal_state/2 "
      "display/1 dist_ext_to_term/2 instructions/0 interpreter_size/0 dirty_cpu/2 dirty_io/2 "
      "dirty/3 lcnt_control/2 lcnt_control/1 lcnt_collect/0 lcnt_clear/0 map_info/1 size_shared/1 "
      "copy_shared/2" },
    { "error_logger",
      "warning_map/0" },
    { "string",
      "list_to_integer/1 list_to_float/1" },
    { "unicode",
      "characters_to_binary/2 characters_to_list/2 bin_is_7bit/1" },
    { "net_kernel",
      "dflag_unicode_io/1" },
    { "binary",
      "compile_pattern/1 match/2 match/3 matches/2 matches/3 longest_common_prefix/1 "
      "longest_common_suffix/1 first/1 last/1 at/2 part/2 part/3 list_to_bin/1 copy/1 copy/2 "
      "referenced_byte_size/1 encode_unsigned/1 encode_unsigned/2 decode_unsigned/1 "
      "decode_unsigned/2 split/2 split/3" },
    { "prim_file",
      "internal_name2native/1 internal_native2name/1 internal_normalize_utf8/1 is_translatable/1" },
    { "file",
      "native_name_encoding/0" },
    { "io",
      "printable_range/0" },
    { "maps",
      "find/2 get/2 from_list/1 is_key/2 keys/1 merge/2 put/3 remove/2 update/3 values/1 take/2 "
      "from_keys/2" },
    { "persistent_term",
      "put/2 get/1 get/0 erase/1 info/0 get/2" },
    { "atomics",
      "get/2 put/3 add/3 add_get/3 exchange/3 compare_exchange/4 info/1" },
};

static bool word_in(const char *list, const char *word, size_t len)
{
    for (const char *s = list; *s;) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == len && memcmp(s, word, len) == 0)
            return true;
        if (!e)
            break;
        s = e + 1;
    }
    return false;
}

static Term bif_is_builtin_3(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]))
        BIF_BADARG(p);
    SWord arity = small_val(a[2]);
    /* apply/2,3 and yield/0 are instructions in ERTS, and builtin */
    if (a[0] == AM(erlang) && ((a[1] == AM(apply) && (arity == 2 || arity == 3)) ||
                               (atom_is(a[1], "yield") && arity == 0)))
        return AM(true);
    const Atom *name = atom_get(a[1]);
    if (arity < 0 || name->len > ATOM_MAX_CHARS * 4)
        return AM(false);
    char word[ATOM_MAX_CHARS * 4 + 24];
    int len = snprintf(word, sizeof word, "%.*s/%ld", (int)name->len, (const char *)name->text, (long)arity);
    for (size_t i = 0; i < sizeof otp_bifs / sizeof otp_bifs[0]; i++)
        if (atom_is(a[0], otp_bifs[i].module))
            return word_in(otp_bifs[i].bifs, word, (size_t)len) ? AM(true) : AM(false);
    return AM(false);
}
BIF_DEF("erlang", "is_builtin", 3, bif_is_builtin_3)

/* ------------------------------------------------------------- memory */
/* erlang:memory/0,1. total is what malloc holds (mallinfo2); processes
 * are process blocks, heaps and heap fragments; binary the refc
 * binaries; code the loaded modules' code, line tables and literals; ets
 * the tables as ets:info(T, memory) counts them; system = total -
 * processes, as in ERTS. */
typedef struct { size_t total, processes, atom, atom_used, binary, code, ets; } MemStats;

static size_t code_bytes(void)
{
    Module **mods;
    size_t n = code_loaded_modules(&mods), bytes = 0;
    for (size_t i = 0; i < n; i++) {
        Module *m = mods[i];
        bytes += sizeof *m + m->code_words * sizeof(BeamInstr) + m->func_count * sizeof(FuncRange) +
                 m->line_count * sizeof(LineEntry) + m->strings_size;
        for (LiteralArea *a = m->literals; a; a = a->next)
            bytes += sizeof *a + a->size * sizeof(Term);
    }
    free(mods);
    return bytes;
}

static void mem_stats(MemStats *s)
{
    struct mallinfo2 mi = mallinfo2();
    int64_t pw = atomic_load(&proc_mem_words), bb = atomic_load(&bin_mem_bytes);
    s->processes = (pw > 0 ? (size_t)pw * sizeof(Term) : 0) + sched_process_count() * sizeof(Process);
    s->atom = atom_memory_bytes();
    s->atom_used = atom_memory_used_bytes();
    s->binary = bb > 0 ? (size_t)bb : 0;
    s->code = code_bytes();
    s->ets = ets_total_words() * sizeof(Term);
    s->total = mi.uordblks + mi.hblkhd;
    size_t parts = s->processes + s->atom + s->binary + s->code + s->ets;
    if (s->total < parts)
        s->total = parts;
}

static bool mem_item(const MemStats *s, Term what, size_t *out)
{
    if (!is_atom(what)) return false;
    if (atom_is(what, "total")) *out = s->total;
    else if (atom_is(what, "processes") || atom_is(what, "processes_used")) *out = s->processes;
    else if (atom_is(what, "system")) *out = s->total - s->processes;
    else if (atom_is(what, "atom")) *out = s->atom;
    else if (atom_is(what, "atom_used")) *out = s->atom_used;
    else if (atom_is(what, "binary")) *out = s->binary;
    else if (atom_is(what, "code")) *out = s->code;
    else if (atom_is(what, "ets")) *out = s->ets;
    else return false;
    return true;
}

static Term bif_memory_0(Process *p, Term *a)
{
    (void)a;
    static const char *const order[] = { "total", "processes", "processes_used", "system", "atom",
                                         "atom_used", "binary", "code", "ets" };
    MemStats s;
    mem_stats(&s);
    Term list = NIL;
    for (int i = 8; i >= 0; i--) {
        Term k = atom_from_cstr(order[i]);
        size_t v = 0;
        mem_item(&s, k, &v);
        Term *hp = proc_alloc(p, 5);
        hp[0] = make_arityval(2);
        hp[1] = k;
        hp[2] = bn_from_uword(p, v);
        list = make_cons_at(hp + 3, make_tuple(hp), list);
    }
    return list;
}
BIF_DEF("erlang", "memory", 0, bif_memory_0)

static Term bif_memory_1(Process *p, Term *a)
{
    MemStats s;
    mem_stats(&s);
    size_t v;
    if (is_atom(a[0])) {
        if (!mem_item(&s, a[0], &v)) BIF_BADARG(p);
        return bn_from_uword(p, v);
    }
    size_t n = 0;
    Term l = a[0];
    for (; is_list(l); l = CDR(list_val(l))) {
        if (!mem_item(&s, CAR(list_val(l)), &v)) BIF_BADARG(p);
        n++;
    }
    if (!is_nil(l)) BIF_BADARG(p);
    Term *vals = malloc((n + 1) * sizeof(Term));
    size_t i = 0;
    for (l = a[0]; is_list(l); l = CDR(list_val(l))) {
        mem_item(&s, CAR(list_val(l)), &v);
        vals[i++] = bif_tuple2(p, CAR(list_val(l)), bn_from_uword(p, v));
    }
    Term list = NIL;
    while (i-- > 0) {
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, vals[i], list);
    }
    free(vals);
    return list;
}
BIF_DEF("erlang", "memory", 1, bif_memory_1)
