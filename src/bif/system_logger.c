/* system_logger.c — the system logger flag and the log events the VM sends
 * itself (system_logger.h). As in ERTS (erl_trace.c, utils.c): an event is
 * a {log, Level, Format, Args, Meta} message to the system logger; when no
 * such process exists it is written to stderr with "(no logger present)".
 * Also error_logger:warning_map/0, the level old handlers see warnings at. */
#include "system_logger.h"
#include "bif.h"
#include "../term/atom.h"
#include "../term/bignum.h"
#include "../term/map.h"
#include "../term/print.h"
#include "../proc/message.h"
#include "../proc/names.h"
#include "../proc/sched.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define A(s) atom_from_cstr(s)

/* 0 stands for the default, the atom `logger` (not a constant in C). */
static _Atomic Term system_logger;

Term syslog_get(void)
{
    Term l = atomic_load(&system_logger);
    return l ? l : A("logger");
}

Term syslog_set(Term l)
{
    if (l != A("logger") && l != AM(undefined) && !is_internal_pid(l))
        return THE_NON_VALUE;
    Term old = atomic_exchange(&system_logger, l);
    return old ? old : A("logger");
}

static int64_t os_system_time_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ERTS's metadata of a VM event raised in a process:
 * #{error_logger => #{emulator => true, tag => Tag}, gl => GL, pid => Pid,
 *   time => OsSystemTimeMicroseconds} */
static Term event_meta(Process *p, Term tag)
{
    Term ek[2] = { A("emulator"), A("tag") };
    Term ev[2] = { AM(true), tag };
    Term el = map_new_from_kvs(p, ek, ev, 2);
    Term keys[4] = { A("error_logger"), A("gl"), AM(pid), A("time") };
    Term vals[4] = { el, atomic_load(&p->group_leader), p->id,
                     bn_from_sword(p, os_system_time_us()) };
    return map_new_from_kvs(p, keys, vals, 4);
}

static Term list2(Process *p, Term a, Term b)
{
    Term *hp = proc_alloc(p, 4);
    Term tail = make_cons_at(hp + 2, b, NIL);
    return make_cons_at(hp, a, tail);
}

static void no_logger(Term msg)
{
    char *s = term_display_string(msg);
    fprintf(stderr, "(no logger present) unexpected logger message: %s\n", s);
    free(s);
}

/* Deliver to the system logger, as ERTS's system-message dispatcher: a
 * dead logger pid falls back to `logger`; `logger` itself never gets its
 * own events; `undefined` drops them. */
static void send_event(Process *p, Term msg)
{
    Term to = syslog_get();
    if (to == AM(undefined))
        return;
    if (is_internal_pid(to)) {
        Process *q = sched_lookup(to);
        if (q) {
            msg_send_to(q, to, msg);
            return;
        }
        syslog_set(A("logger"));
    }
    Process *q = sched_whereis(A("logger"));
    if (!q) {
        no_logger(msg);
        return;
    }
    if (q != p)
        msg_send_to(q, __atomic_load_n(&q->id, __ATOMIC_ACQUIRE), msg);
}

void syslog_process_error(Process *p, Term reason)
{
    Term format = bif_charlist(p, "Error in process ~p with exit value:~n~p~n");
    Term args = list2(p, p->id, reason);
    Term meta = event_meta(p, AM(error));
    Term *hp = proc_alloc(p, 6);
    hp[0] = make_arityval(5);
    hp[1] = A("log");
    hp[2] = AM(error);
    hp[3] = format;
    hp[4] = args;
    hp[5] = meta;
    send_event(p, make_boxed(hp));
}

/* error_logger:warning_map/0: what warnings are mapped to for old
 * error_logger handlers. ERTS sets it with +W (w by default); girder has
 * no +W flag, so it is ERTS's default, warning. */
static Term bif_warning_map_0(Process *p, Term *a)
{
    (void)p;
    (void)a;
    return A("warning");
}
BIF_DEF("error_logger", "warning_map", 0, bif_warning_map_0)
