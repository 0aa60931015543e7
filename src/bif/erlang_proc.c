/* erlang_proc.c — BIFs about processes: spawn, send, registered names,
 * links, monitors, exit/2, process flags, the group leader, time, and the
 * girder-private BIFs the built-in group leader uses to write output. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/binary.h"
#include "../term/compare.h"
#include "../term/bignum.h"
#include "../term/map.h"
#include "../proc/gc.h"
#include "proc_opts.h"
#include "../proc/alias.h"
#include "../emu/emu_support.h"
#include "../proc/sched.h"
#include "../proc/message.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static bool proper_list(Term t)
{
    while (is_list(t)) t = CDR(list_val(t));
    return is_nil(t);
}

static Term spawn_with(Process *p, Term m, Term f, Term args, bool link, bool monitor,
                       const SpawnOpts *o)
{
    if (!is_atom(m) || !is_atom(f) || !proper_list(args)) BIF_BADARG(p);
    Term ref = NIL;
    Term pid = sched_spawn_opt(p, m, f, args, link, monitor, &ref, o);
    if (is_non_value(pid)) return THE_NON_VALUE;
    return monitor ? bif_tuple2(p, pid, ref) : pid;
}

static Term spawn3(Process *p, Term m, Term f, Term args, bool link, bool monitor)
{
    SpawnOpts o;
    sched_default_spawn_opts(&o);
    return spawn_with(p, m, f, args, link, monitor, &o);
}

static Term spawn_fun(Process *p, Term fun, bool link, bool monitor)
{
    if (!is_any_fun(fun) || !emu_is_function2(fun, make_small(0))) BIF_BADARG(p);
    Term *hp = proc_alloc(p, 4);
    Term args = make_cons_at(hp, fun, make_cons_at(hp + 2, NIL, NIL));
    return spawn3(p, AM(erlang), AM(apply), args, link, monitor);
}

static Term bif_spawn_1(Process *p, Term *a) { return spawn_fun(p, a[0], false, false); }
BIF_DEF("erlang", "spawn", 1, bif_spawn_1)
static Term bif_spawn_3(Process *p, Term *a) { return spawn3(p, a[0], a[1], a[2], false, false); }
BIF_DEF("erlang", "spawn", 3, bif_spawn_3)
static Term bif_spawn_link_1(Process *p, Term *a) { return spawn_fun(p, a[0], true, false); }
BIF_DEF("erlang", "spawn_link", 1, bif_spawn_link_1)
static Term bif_spawn_link_3(Process *p, Term *a) { return spawn3(p, a[0], a[1], a[2], true, false); }
BIF_DEF("erlang", "spawn_link", 3, bif_spawn_link_3)
static Term bif_spawn_monitor_1(Process *p, Term *a) { return spawn_fun(p, a[0], false, true); }
BIF_DEF("erlang", "spawn_monitor", 1, bif_spawn_monitor_1)
static Term bif_spawn_monitor_3(Process *p, Term *a) { return spawn3(p, a[0], a[1], a[2], false, true); }
BIF_DEF("erlang", "spawn_monitor", 3, bif_spawn_monitor_3)

static int priority_of(Term t)
{
    if (t == AM(max)) return PRIO_MAX;
    if (t == AM(high)) return PRIO_HIGH;
    if (t == AM(normal)) return PRIO_NORMAL;
    if (t == AM(low)) return PRIO_LOW;
    return -1;
}

Term proc_priority_atom(unsigned prio)
{
    switch (prio) {
    case PRIO_MAX: return AM(max);
    case PRIO_HIGH: return AM(high);
    case PRIO_LOW: return AM(low);
    default: return AM(normal);
    }
}

Term proc_max_heap_term(Process *p, size_t size, uint32_t flags)
{
    Term keys[3] = { atom_from_cstr("error_logger"), AM(kill), atom_from_cstr("size") };
    Term vals[3] = { (flags & 2) ? AM(true) : AM(false), (flags & 1) ? AM(true) : AM(false),
                     make_small(size) };
    return map_new_from_kvs(p, keys, vals, 3);
}

/* max_heap_size: a size in words, or a map with size, kill and
 * error_logger. false when malformed. */
static bool parse_max_heap(Term v, size_t *size, uint32_t *flags)
{
    *flags = 3;                          /* kill and error_logger by default */
    if (is_small(v) && small_val(v) >= 0) {
        *size = (size_t)small_val(v);
        return true;
    }
    if (!is_map(v))
        return false;
    Term sz = map_get(v, atom_from_cstr("size"));      /* required, as in ERTS */
    if (sz == THE_NON_VALUE || !is_small(sz) || small_val(sz) < 0) return false;
    *size = (size_t)small_val(sz);
    Term k = map_get(v, AM(kill)), e = map_get(v, atom_from_cstr("error_logger"));
    if (k != THE_NON_VALUE) {
        if (k != AM(true) && k != AM(false)) return false;
        if (k == AM(false)) *flags &= ~1u;
    }
    if (e != THE_NON_VALUE) {
        if (e != AM(true) && e != AM(false)) return false;
        if (e == AM(false)) *flags &= ~2u;
    }
    return true;
}

/* monitor/3's option list ({alias, Mode}, {tag, Tag}); false if bad. */
static bool monitor_options(Term l, uint8_t *alias, Term *tag)
{
    *alias = ALIAS_NONE;
    *tag = NIL;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (!is_tuple(o) || tuple_arity(o) != 2) return false;
        Term k = tuple_elem(o, 1), v = tuple_elem(o, 2);
        if (k == atom_from_cstr("alias")) {
            if (v == atom_from_cstr("explicit_unalias")) *alias = ALIAS_EXPLICIT;
            else if (v == atom_from_cstr("demonitor")) *alias = ALIAS_DEMONITOR;
            else if (v == atom_from_cstr("reply_demonitor")) *alias = ALIAS_ONCE;
            else return false;
        } else if (k == atom_from_cstr("tag")) {
            *tag = v;
        } else {
            return false;
        }
    }
    return is_nil(l);
}

/* One spawn_opt option into o; false when it is not valid. */
static bool spawn_option(Term opt, bool *link, bool *monitor, SpawnOpts *o)
{
    if (opt == AM(link)) { *link = true; return true; }
    if (opt == AM(monitor)) { *monitor = true; return true; }
    if (!is_tuple(opt) || tuple_arity(opt) != 2 || !is_atom(tuple_elem(opt, 1)))
        return false;
    Term k = tuple_elem(opt, 1), v = tuple_elem(opt, 2);
    const char *name = atom_text(k);
    if (k == AM(priority)) {
        int pr = priority_of(v);
        if (pr < 0) return false;
        o->priority = (uint8_t)pr;
        return true;
    }
    if (!strcmp(name, "min_heap_size") || !strcmp(name, "min_bin_vheap_size")) {
        if (!is_small(v) || small_val(v) < 0) return false;
        if (name[4] == 'h')
            o->min_heap_size = (size_t)small_val(v);
        else                 /* as ERTS: at least its default, on the growth series */
            o->min_bin_vheap = small_val(v) <= PROC_MIN_BIN_VHEAP ? PROC_MIN_BIN_VHEAP
                             : (uint32_t)gc_heap_size_for((size_t)small_val(v));
        return true;
    }
    if (!strcmp(name, "fullsweep_after")) {
        if (!is_small(v) || small_val(v) < 0) return false;
        o->fullsweep_after = small_val(v) > 0xFFFFFFF ? 0xFFFFFFF : (uint32_t)small_val(v);
        return true;
    }
    if (!strcmp(name, "max_heap_size"))
        return parse_max_heap(v, &o->max_heap_size, &o->max_heap_flags);
    if (!strcmp(name, "message_queue_data")) {
        if (v == atom_from_cstr("off_heap")) o->mq_off_heap = 1;
        else if (v == atom_from_cstr("on_heap")) o->mq_off_heap = 0;
        else return false;
        return true;
    }
    if (!strcmp(name, "scheduler")) {     /* bind to a scheduler (0: none) */
        if (!is_small(v) || small_val(v) < 0 || small_val(v) > (SWord)sched_count()) return false;
        o->scheduler = (uint16_t)small_val(v);
        return true;
    }
    /* {monitor, Opts}: monitor/3's options */
    if (k == AM(monitor)) {
        if (!monitor_options(v, &o->mon_alias, &o->mon_tag)) return false;
        *monitor = true;
        return true;
    }
    return false;
}

static Term spawn_opt(Process *p, Term m, Term f, Term args, Term opts)
{
    bool link = false, monitor = false;
    SpawnOpts o;
    sched_default_spawn_opts(&o);
    Term l = opts;
    for (; is_list(l); l = CDR(list_val(l)))
        if (!spawn_option(CAR(list_val(l)), &link, &monitor, &o))
            BIF_BADARG(p);
    if (!is_nil(l)) BIF_BADARG(p);
    return spawn_with(p, m, f, args, link, monitor, &o);
}

static Term bif_spawn_opt_2(Process *p, Term *a)
{
    if (!is_any_fun(a[0])) BIF_BADARG(p);
    Term *hp = proc_alloc(p, 4);
    Term args = make_cons_at(hp, a[0], make_cons_at(hp + 2, NIL, NIL));
    return spawn_opt(p, AM(erlang), AM(apply), args, a[1]);
}
BIF_DEF("erlang", "spawn_opt", 2, bif_spawn_opt_2)
static Term bif_spawn_opt_4(Process *p, Term *a) { return spawn_opt(p, a[0], a[1], a[2], a[3]); }
BIF_DEF("erlang", "spawn_opt", 4, bif_spawn_opt_4)

static Term bif_send_2(Process *p, Term *a) { return msg_send(p, a[0], a[1]); }
BIF_DEF("erlang", "send", 2, bif_send_2)
BIF_DEF("erlang", "!", 2, bif_send_2)

static Term bif_send_3(Process *p, Term *a)
{
    Term r = msg_send(p, a[0], a[1]);
    return is_non_value(r) ? r : AM(ok);
}
BIF_DEF("erlang", "send", 3, bif_send_3)

static Term bif_register(Process *p, Term *a)
{
    if (!is_atom(a[0]) || a[0] == AM(undefined)) BIF_BADARG(p);
    Process *q = sched_lookup(a[1]);
    if (!q || !sched_register(a[0], q)) BIF_BADARG(p);
    return AM(true);
}
BIF_DEF("erlang", "register", 2, bif_register)

static Term bif_unregister(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !sched_whereis(a[0])) BIF_BADARG(p);
    sched_unregister(a[0]);
    return AM(true);
}
BIF_DEF("erlang", "unregister", 1, bif_unregister)

static Term bif_whereis(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    Process *q = sched_whereis(a[0]);
    return q ? q->id : AM(undefined);
}
BIF_DEF("erlang", "whereis", 1, bif_whereis)

static Term bif_registered(Process *p, Term *a) { (void)a; return sched_registered(p); }
BIF_DEF("erlang", "registered", 0, bif_registered)

/* Signals the caller sent Pid before are seen by Pid before the answer
 * (ERTS's guarantee: exit(P, kill), then is_process_alive(P) is false).
 * Unless Pid waits with an empty queue, the answer comes from Pid itself:
 * erts_internal:is_process_alive/1 sends it a request and waits. */
static Term bif_is_process_alive(Process *p, Term *a)
{
    if (!is_internal_pid(a[0])) BIF_BADARG(p);
    if (a[0] == p->id) return AM(true);
    Process *q = sched_lookup(a[0]);
    if (!q) return AM(false);
    if (sig_alive_settled(q)) return AM(true);
    const BeamInstr *target = emu_apply_target(p, AM(erts_internal),
                                               atom_from_cstr("is_process_alive"), a, 1);
    if (!target)
        return p->fclass == EXC_NONE ? a[0] : THE_NON_VALUE;
    p->i = target;
    p->arity = 1;
    p->fclass = EXC_TRAP;
    return THE_NON_VALUE;
}
BIF_DEF("erlang", "is_process_alive", 1, bif_is_process_alive)

static Term bif_internal_is_process_alive(Process *p, Term *a)
{
    if (!is_internal_pid(a[0]) || !is_internal_ref(a[1])) BIF_BADARG(p);
    sig_alive_request(p, a[0], a[1]);
    return AM(ok);
}
BIF_DEF("erts_internal", "is_process_alive", 2, bif_internal_is_process_alive)

static Term bif_processes(Process *p, Term *a) { (void)a; return sched_processes(p); }
BIF_DEF("erlang", "processes", 0, bif_processes)

/* {Name, Node} with atoms */
static bool is_name_node(Term t)
{
    return is_tuple(t) && tuple_arity(t) == 2 && is_atom(tuple_elem(t, 1)) &&
           is_atom(tuple_elem(t, 2));
}

/* monitor(port, Target): girder has no ports, so a port or port name
 * never exists: 'DOWN' with noproc at once. */
static Term monitor_port(Process *p, Term target, uint8_t alias, Term tag)
{
    Term who = target;
    if (is_atom(target)) {
        who = bif_tuple2(p, target, AM(nonode_at_nohost));
    } else if (is_name_node(target)) {
        if (tuple_elem(target, 2) != AM(nonode_at_nohost)) BIF_BADARG(p);   /* not distributed */
    } else if (!is_port(target)) {
        BIF_BADARG(p);
    }
    return sig_monitor_gone(p, AM(port), who, alias, tag, AM(noproc));
}

static Term monitor_with(Process *p, Term type, Term target, uint8_t alias, Term tag)
{
    if (type == AM(port)) return monitor_port(p, target, alias, tag);
    if (type != AM(process)) BIF_BADARG(p);
    Process *q;
    if (is_internal_pid(target)) {
        q = sched_lookup(target);
    } else if (is_atom(target)) {
        q = sched_whereis(target);
    } else if (is_name_node(target)) {
        if (tuple_elem(target, 2) != AM(nonode_at_nohost))   /* not distributed */
            BIF_BADARG(p);
        q = sched_whereis(tuple_elem(target, 1));
    } else if (is_external_pid(target)) {
        /* this node's old incarnation: gone; another node: not connected */
        Term node = boxed_val(target)[1];
        return sig_monitor_gone(p, AM(process), target, alias, tag,
                                node == AM(nonode_at_nohost) ? AM(noproc) : AM(noconnection));
    } else {
        BIF_BADARG(p);
    }
    return sched_monitor_opt(p, q, target, alias, tag);
}

static Term bif_monitor_2(Process *p, Term *a) { return monitor_with(p, a[0], a[1], ALIAS_NONE, NIL); }
BIF_DEF("erlang", "monitor", 2, bif_monitor_2)

/* monitor(process, Target, [{alias, Mode} | {tag, Tag}]) */
static Term bif_monitor_3(Process *p, Term *a)
{
    uint8_t alias;
    Term tag;
    if (!monitor_options(a[2], &alias, &tag)) BIF_BADARG(p);
    return monitor_with(p, a[0], a[1], alias, tag);
}
BIF_DEF("erlang", "monitor", 3, bif_monitor_3)

static Term bif_alias_1(Process *p, Term *a)
{
    uint8_t mode = ALIAS_EXPLICIT;
    Term l = a[0];
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (o == atom_from_cstr("explicit_unalias")) mode = ALIAS_EXPLICIT;
        else if (o == atom_from_cstr("reply")) mode = ALIAS_ONCE;
        else BIF_BADARG(p);
    }
    if (!is_nil(l)) BIF_BADARG(p);
    return sig_alias(p, mode);
}
BIF_DEF("erlang", "alias", 1, bif_alias_1)

static Term bif_alias_0(Process *p, Term *a) { (void)a; return sig_alias(p, ALIAS_EXPLICIT); }
BIF_DEF("erlang", "alias", 0, bif_alias_0)

static Term bif_unalias(Process *p, Term *a)
{
    if (!is_internal_ref(a[0])) BIF_BADARG(p);
    if (!alias_is_alias_ref(a[0])) return AM(false);
    return sig_unalias(p, a[0]) ? AM(true) : AM(false);
}
BIF_DEF("erlang", "unalias", 1, bif_unalias)

/* demonitor(Ref, Options): flush removes a 'DOWN' already queued; info
 * reports whether the monitor was still active. */
static Term demonitor(Process *p, Term ref, Term opts)
{
    if (!is_internal_ref(ref)) BIF_BADARG(p);
    bool flush = false, info = false;
    Term l = opts;
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (o == AM(flush)) flush = true;
        else if (o == AM(info)) info = true;
        else BIF_BADARG(p);
    }
    if (!is_nil(l)) BIF_BADARG(p);
    bool was = sched_demonitor(p, ref);
    /* A monitor still active has no 'DOWN' in the queue (a 'DOWN' becomes
     * a message only while its monitor exists, and removes it): only a
     * monitor that already fired needs the scan. */
    if (flush && !was) {
        msg_fetch_incoming(p);
        for (Message **mp = &p->msg_first; *mp; mp = &(*mp)->next) {
            Term m = (*mp)->term;
            if (is_tuple(m) && tuple_arity(m) == 5 && tuple_elem(m, 1) == AM(DOWN) &&
                term_eq_exact(tuple_elem(m, 2), ref)) {
                Message **save = p->msg_save;
                p->msg_save = mp;
                msg_remove(p);
                p->msg_save = (save == mp) ? &p->msg_first : save;
                p->msg_save = &p->msg_first;
                break;
            }
        }
    }
    return info ? (was ? AM(true) : AM(false)) : AM(true);
}

static Term bif_demonitor_1(Process *p, Term *a) { return demonitor(p, a[0], NIL); }
BIF_DEF("erlang", "demonitor", 1, bif_demonitor_1)
static Term bif_demonitor_2(Process *p, Term *a) { return demonitor(p, a[0], a[1]); }
BIF_DEF("erlang", "demonitor", 2, bif_demonitor_2)

static Term bif_link(Process *p, Term *a)
{
    if (!is_internal_pid(a[0])) {
        if (is_internal_port(a[0])) return AM(true);
        BIF_BADARG(p);
    }
    Process *q = sched_lookup(a[0]);
    if (!q || !sched_link(p, q)) {
        if (p->flags & PF_TRAP_EXIT) {
            Term *hp = proc_alloc(p, 4);
            hp[0] = make_arityval(3); hp[1] = AM(EXIT); hp[2] = a[0]; hp[3] = AM(noproc);
            msg_deliver(p, make_tuple(hp));
            return AM(true);
        }
        return bif_error(p, AM(noproc));
    }
    return AM(true);
}
BIF_DEF("erlang", "link", 1, bif_link)

static Term bif_unlink(Process *p, Term *a)
{
    if (!is_internal_pid(a[0]) && !is_internal_port(a[0])) BIF_BADARG(p);
    sched_unlink(p, a[0]);
    return AM(true);
}
BIF_DEF("erlang", "unlink", 1, bif_unlink)

/* exit(Pid, Reason): an exit signal from p (see sched_exit_signal). */
static Term bif_exit_2(Process *p, Term *a)
{
    if (!is_internal_pid(a[0]) && !is_internal_port(a[0]) && !is_external_pid(a[0])) BIF_BADARG(p);
    Process *q = is_internal_pid(a[0]) ? sched_lookup(a[0]) : NULL;
    if (!q) return AM(true);
    if (q == p) {
        /* to itself: acts at once; the process ends (no catch sees it)
         * unless it traps a reason other than kill */
        if (a[1] != AM(kill) && (p->flags & PF_TRAP_EXIT)) {
            sched_exit_signal(p, q, a[0], a[1]);
            return AM(true);
        }
        p->pending_exit = a[1] == AM(kill) ? AM(killed) : a[1];
        p->i = emu_exit_pending_code;
        p->fclass = EXC_JUMP;
        return THE_NON_VALUE;
    }
    sched_exit_signal(p, q, a[0], a[1]);
    return AM(true);
}
BIF_DEF("erlang", "exit", 2, bif_exit_2)

/* process_flag/2 for the heap and queue options: returns the old value. */
static Term process_flag_store(Process *p, const char *name, const SpawnOpts *o)
{
    Term old;
    if (!strcmp(name, "min_heap_size")) {
        old = make_small(p->min_heap_size);
        size_t want = o->min_heap_size > PROC_MIN_HEAP_WORDS ? gc_heap_size_for(o->min_heap_size)
                                                             : PROC_MIN_HEAP_WORDS;
        p->min_heap_size = want;
    } else if (!strcmp(name, "fullsweep_after")) {
        old = make_small(p->fullsweep_after);
        p->fullsweep_after = o->fullsweep_after;
    } else if (!strcmp(name, "max_heap_size")) {
        old = proc_max_heap_term(p, p->max_heap_size, p->max_heap_flags);
        p->max_heap_size = o->max_heap_size;
        p->max_heap_flags = o->max_heap_flags;
    } else if (!strcmp(name, "message_queue_data")) {
        old = atom_from_cstr(p->mq_off_heap ? "off_heap" : "on_heap");
        p->mq_off_heap = o->mq_off_heap;
    } else {                           /* min_bin_vheap_size */
        old = make_small(p->min_bin_vheap);
        p->min_bin_vheap = o->min_bin_vheap;
        if (p->bin_vheap_sz < (size_t)p->min_bin_vheap * sizeof(Term))
            p->bin_vheap_sz = (size_t)p->min_bin_vheap * sizeof(Term);
    }
    return old;
}

/* process_flag(save_calls, N): girder does not record calls, so only 0
 * (off, the state it is always in) is accepted; N > 0 is notsup. */
static Term save_calls(Process *p, Term n)
{
    if (!is_small(n) || small_val(n) < 0 || small_val(n) > 10000) BIF_BADARG(p);
    if (small_val(n) > 0) return bif_error(p, atom_from_cstr("notsup"));
    return make_small(0);
}

/* erlang:process_flag(Pid, save_calls, N) goes through here; like ERTS,
 * a bad argument is returned as the atom badarg for erlang.erl to raise. */
static Term bif_internal_process_flag_3(Process *p, Term *a)
{
    if (!is_internal_pid(a[0]) || a[1] != atom_from_cstr("save_calls") || !is_small(a[2]) ||
        small_val(a[2]) < 0 || small_val(a[2]) > 10000)
        return AM(badarg);
    if (a[0] != p->id && !sched_lookup(a[0]))
        return AM(badarg);
    return save_calls(p, a[2]);
}
BIF_DEF("erts_internal", "process_flag", 3, bif_internal_process_flag_3)

static Term bif_process_flag(Process *p, Term *a)
{
    if (a[0] == AM(trap_exit)) {
        if (a[1] != AM(true) && a[1] != AM(false)) BIF_BADARG(p);
        Term old = (p->flags & PF_TRAP_EXIT) ? AM(true) : AM(false);
        if (a[1] == AM(true)) p->flags |= PF_TRAP_EXIT;
        else p->flags &= ~(uint32_t)PF_TRAP_EXIT;
        return old;
    }
    if (a[0] == AM(priority)) {
        int pr = priority_of(a[1]);
        if (pr < 0) BIF_BADARG(p);
        Term old = proc_priority_atom(p->priority);
        p->priority = (uint8_t)pr;
        return old;
    }
    const char *name = is_atom(a[0]) ? atom_text(a[0]) : "";
    if (!strcmp(name, "save_calls")) return save_calls(p, a[1]);
    if (!strcmp(name, "scheduler")) {
        /* bind to scheduler N (0: unbind); moves at the end of this call */
        if (!is_small(a[1]) || small_val(a[1]) < 0 || small_val(a[1]) > (SWord)sched_count())
            BIF_BADARG(p);
        Term old = make_small(p->bound_sched);
        p->bound_sched = (uint16_t)small_val(a[1]);
        if (p->bound_sched && p->bound_sched != sched_current() + 1)
            sched_yield_soon(p);
        return old;
    }
    if (!strcmp(name, "min_heap_size") || !strcmp(name, "fullsweep_after") ||
        !strcmp(name, "max_heap_size") || !strcmp(name, "message_queue_data") ||
        !strcmp(name, "min_bin_vheap_size")) {
        bool link = false, monitor = false;
        SpawnOpts o;
        sched_default_spawn_opts(&o);
        if (!spawn_option(bif_tuple2(p, a[0], a[1]), &link, &monitor, &o)) BIF_BADARG(p);
        return process_flag_store(p, name, &o);
    }
    BIF_BADARG(p);
}
BIF_DEF("erlang", "process_flag", 2, bif_process_flag)

static Term bif_group_leader_0(Process *p, Term *a) { (void)a; return p->group_leader; }
BIF_DEF("erlang", "group_leader", 0, bif_group_leader_0)

static Term bif_group_leader_2(Process *p, Term *a)
{
    if (!is_internal_pid(a[0]) || !is_internal_pid(a[1])) BIF_BADARG(p);
    Process *q = sched_lookup(a[1]);
    if (!q) BIF_BADARG(p);
    q->group_leader = a[0];          /* atomic: read by q on its own */
    return AM(true);
}
BIF_DEF("erlang", "group_leader", 2, bif_group_leader_2)

static Term bif_yield(Process *p, Term *a) { (void)a; sched_yield_soon(p); return AM(true); }
BIF_DEF("erlang", "yield", 0, bif_yield)

/* ------------------------------------------------------------- time */
static int64_t now_ns(int clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Term int64_term(Process *p, int64_t v) { return bn_from_sword(p, v); }

/* Units: native is nanoseconds (as erl on Linux reports 1000000000). */
static bool unit_per_second(Term u, int64_t *per)
{
    if (is_small(u) && small_val(u) > 0) { *per = small_val(u); return true; }
    if (u == AM(second) || u == AM(seconds)) { *per = 1; return true; }
    if (u == AM(millisecond) || u == AM(milli_seconds)) { *per = 1000; return true; }
    if (u == AM(microsecond) || u == AM(micro_seconds)) { *per = 1000000; return true; }
    if (u == AM(nanosecond) || u == AM(nano_seconds) || u == AM(native) || u == AM(perf_counter)) {
        *per = 1000000000; return true;
    }
    return false;
}

/* floor(v * to / from) as erlang:convert_time_unit does for v >= 0 and
 * rounding toward negative infinity for negative values. */
static int64_t convert(int64_t v, int64_t from, int64_t to)
{
    __int128 n = (__int128)v * to;
    __int128 q = n / from;
    if (n % from != 0 && n < 0) q--;
    return (int64_t)q;
}

static Term bif_monotonic_time_0(Process *p, Term *a) { (void)a; return int64_term(p, now_ns(CLOCK_MONOTONIC)); }
BIF_DEF("erlang", "monotonic_time", 0, bif_monotonic_time_0)
static Term bif_monotonic_time_1(Process *p, Term *a)
{
    int64_t per;
    if (!unit_per_second(a[0], &per)) BIF_BADARG(p);
    return int64_term(p, convert(now_ns(CLOCK_MONOTONIC), 1000000000, per));
}
BIF_DEF("erlang", "monotonic_time", 1, bif_monotonic_time_1)
static Term bif_system_time_0(Process *p, Term *a) { (void)a; return int64_term(p, now_ns(CLOCK_REALTIME)); }
BIF_DEF("erlang", "system_time", 0, bif_system_time_0)
static Term bif_system_time_1(Process *p, Term *a)
{
    int64_t per;
    if (!unit_per_second(a[0], &per)) BIF_BADARG(p);
    return int64_term(p, convert(now_ns(CLOCK_REALTIME), 1000000000, per));
}
BIF_DEF("erlang", "system_time", 1, bif_system_time_1)
BIF_DEF("os", "system_time", 0, bif_system_time_0)
BIF_DEF("os", "system_time", 1, bif_system_time_1)

static Term bif_convert_time_unit(Process *p, Term *a)
{
    int64_t from, to;
    SWord v;
    if (!unit_per_second(a[1], &from) || !unit_per_second(a[2], &to) || !term_to_sword(a[0], &v)) BIF_BADARG(p);
    return int64_term(p, convert(v, from, to));
}
BIF_DEF("erlang", "convert_time_unit", 3, bif_convert_time_unit)

static Term timestamp3(Process *p)
{
    int64_t us = now_ns(CLOCK_REALTIME) / 1000;
    return bif_tuple3(p, make_small(us / 1000000000000), make_small((us / 1000000) % 1000000), make_small(us % 1000000));
}
static Term bif_timestamp(Process *p, Term *a) { (void)a; return timestamp3(p); }
BIF_DEF("erlang", "timestamp", 0, bif_timestamp)
BIF_DEF("erlang", "now", 0, bif_timestamp)
BIF_DEF("os", "timestamp", 0, bif_timestamp)

static Term bif_unique_integer_0(Process *p, Term *a)
{
    static _Atomic int64_t counter = -576460752303423488LL;
    (void)a;
    return int64_term(p, atomic_fetch_add(&counter, 1));
}
BIF_DEF("erlang", "unique_integer", 0, bif_unique_integer_0)

static Term bif_unique_integer_1(Process *p, Term *a)
{
    static _Atomic int64_t pos_counter = 1, any_counter = -576460752303423488LL;
    bool positive = false;
    Term l = a[0];
    for (; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (o == atom_from_cstr("positive")) positive = true;
        else if (o != atom_from_cstr("monotonic")) BIF_BADARG(p);
    }
    if (!is_nil(l)) BIF_BADARG(p);
    return int64_term(p, positive ? atomic_fetch_add(&pos_counter, 1) : atomic_fetch_add(&any_counter, 1));
}
BIF_DEF("erlang", "unique_integer", 1, bif_unique_integer_1)

/* ------------------------------------------------- girder's own output */
/* girder:put_chars(Fd, IoData): write bytes to fd 1 or 2 (used by the
 * built-in group leader, lib/girder_io.erl). */
static bool write_iodata(int fd, Term t)
{
    Term stack[1024];
    int sp = 0;
    stack[sp++] = t;
    while (sp) {
        Term u = stack[--sp];
        if (is_nil(u)) continue;
        if (is_small(u)) {
            SWord c = small_val(u);
            if (c < 0 || c > 255) return false;
            uint8_t b = (uint8_t)c;
            if (write(fd, &b, 1) < 0) return false;
            continue;
        }
        if (is_bitstring(u)) {
            const uint8_t *base; size_t off, bits;
            bin_view(u, &base, &off, &bits);
            if (off % 8 || bits % 8) return false;
            size_t n = bits / 8, done = 0;
            while (done < n) {
                ssize_t w = write(fd, base + off / 8 + done, n - done);
                if (w <= 0) return false;
                done += (size_t)w;
            }
            continue;
        }
        if (is_list(u)) {
            if (sp + 2 > 1024) return false;
            stack[sp++] = CDR(list_val(u));
            stack[sp++] = CAR(list_val(u));
            continue;
        }
        return false;
    }
    return true;
}

static Term bif_girder_put_chars(Process *p, Term *a)
{
    if (!is_small(a[0]) || (small_val(a[0]) != 1 && small_val(a[0]) != 2)) BIF_BADARG(p);
    fflush(stdout);
    if (!write_iodata((int)small_val(a[0]), a[1])) BIF_BADARG(p);
    return AM(ok);
}
BIF_DEF("girder", "put_chars", 2, bif_girder_put_chars)

/* erlang:hibernate(M, F, Args): drop the call stack, shrink the heap to
 * what is live, and wait for a message; then M:F(Args...) runs on an
 * empty stack (its return ends the process normally). */
static Term bif_hibernate(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !is_atom(a[1]) || !proper_list(a[2])) BIF_BADARG(p);
    size_t n = 0;
    for (Term l = a[2]; is_list(l); l = CDR(list_val(l)))
        n++;
    if (n > MAX_X_REGS) BIF_SYSLIMIT(p);              /* as ERTS: MAX_REG arguments */
    p->stop = p->hend - 1;         /* only the first frame's normal-exit return */
    p->catches = 0;
    p->i = emu_hibernate_code;
    p->fclass = EXC_JUMP;
    /* a[0..2] are x0..x2 already: i_hibernate reads them there */
    return THE_NON_VALUE;
}
BIF_DEF("erlang", "hibernate", 3, bif_hibernate)

/* erts_internal:garbage_collect(major | minor): BIFs never collect (the
 * caller's registers are not roots here), so the collection happens at
 * the process's next safe point, before it allocates again. */
static Term bif_garbage_collect(Process *p, Term *a)
{
    if (a[0] != atom_from_cstr("major") && a[0] != atom_from_cstr("minor")) BIF_BADARG(p);
    p->gc_requested = GC_REQ_MAJOR;
    return AM(true);
}
BIF_DEF("erts_internal", "garbage_collect", 1, bif_garbage_collect)

/* erts_internal:request_system_task(Pid, Prio, {garbage_collect, ReqId,
 * Type}): the target collects at its next safe point; the requester gets
 * {garbage_collect, ReqId, Alive}. Other tasks are not supported yet. */
static Term bif_request_system_task(Process *p, Term *a)
{
    Term req = a[2];
    if (!is_internal_pid(a[0]) || !is_tuple(req) || tuple_arity(req) != 3 ||
        tuple_elem(req, 1) != atom_from_cstr("garbage_collect"))
        BIF_BADARG(p);
    Process *q = sched_lookup(a[0]);
    if (q) {
        q->gc_requested = GC_REQ_MAJOR;
        if (q != p)
            sched_wake(q);
    }
    msg_deliver(p, bif_tuple3(p, tuple_elem(req, 1), tuple_elem(req, 2), q ? AM(true) : AM(false)));
    return AM(ok);
}
BIF_DEF("erts_internal", "request_system_task", 3, bif_request_system_task)
