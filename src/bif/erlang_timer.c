/* erlang_timer.c — send_after/3,4, start_timer/3,4, cancel_timer/1,2,
 * read_timer/1,2 on top of proc/timer.c. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/bignum.h"
#include "../proc/timer.h"
#include "../proc/message.h"

/* Time and destination as erl checks them: a non-negative integer that
 * fits 32 bits * 1000 (erl's limit is 2^32 ms... in fact larger values are
 * badarg), and a pid or atom. */
static bool check(Term time, Term dest, int64_t *ms)
{
    SWord v;
    if (!term_to_sword(time, &v) || v < 0 || v > (SWord)0xFFFFFFFFFFFFLL)
        return false;
    if (!is_internal_pid(dest) && !is_atom(dest))
        return false;
    *ms = v;
    return true;
}

/* Options: {abs, Bool} (absolute monotonic ms). */
static bool timer_opts(Term opts, Term time, int64_t *ms)
{
    Term abs_atom = atom_from_cstr("abs");
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (!is_tuple(o) || tuple_arity(o) != 2 || tuple_elem(o, 1) != abs_atom) return false;
        if (tuple_elem(o, 2) == AM(true)) {
            SWord v;
            if (!term_to_sword(time, &v)) return false;
            int64_t now_ms = msg_now_ns() / 1000000;
            *ms = v > now_ms ? v - now_ms : 0;
        } else if (tuple_elem(o, 2) != AM(false)) return false;
    }
    return is_nil(opts);
}

static Term start(Process *p, Term *a, bool wrap, Term opts)
{
    int64_t ms;
    bool absolute = false;
    for (Term l = opts; is_list(l); l = CDR(list_val(l))) {
        Term o = CAR(list_val(l));
        if (is_tuple(o) && tuple_arity(o) == 2 && tuple_elem(o, 2) == AM(true)) absolute = true;
    }
    if (absolute) {
        if (!is_internal_pid(a[1]) && !is_atom(a[1])) BIF_BADARG(p);
        if (!timer_opts(opts, a[0], &ms)) BIF_BADARG(p);
    } else if (!check(a[0], a[1], &ms) || !timer_opts(opts, a[0], &ms)) {
        BIF_BADARG(p);
    }
    return tmr_start(p, ms, a[1], a[2], wrap);
}

static Term bif_send_after_3(Process *p, Term *a) { return start(p, a, false, NIL); }
BIF_DEF("erlang", "send_after", 3, bif_send_after_3)
static Term bif_send_after_4(Process *p, Term *a) { return start(p, a, false, a[3]); }
BIF_DEF("erlang", "send_after", 4, bif_send_after_4)
static Term bif_start_timer_3(Process *p, Term *a) { return start(p, a, true, NIL); }
BIF_DEF("erlang", "start_timer", 3, bif_start_timer_3)
static Term bif_start_timer_4(Process *p, Term *a) { return start(p, a, true, a[3]); }
BIF_DEF("erlang", "start_timer", 4, bif_start_timer_4)

/* Options {async, Bool} and {info, Bool}: async replies with a message
 * {cancel_timer | read_timer, Ref, Result}; info false returns ok. */
static Term cancel_or_read(Process *p, Term ref, Term opts, bool cancel)
{
    bool async = false, info = true;
    Term async_a = atom_from_cstr("async");
    for (; is_list(opts); opts = CDR(list_val(opts))) {
        Term o = CAR(list_val(opts));
        if (!is_tuple(o) || tuple_arity(o) != 2) BIF_BADARG(p);
        Term k = tuple_elem(o, 1), v = tuple_elem(o, 2);
        if (v != AM(true) && v != AM(false)) BIF_BADARG(p);
        if (k == async_a) async = v == AM(true);
        else if (k == AM(info)) info = v == AM(true);
        else BIF_BADARG(p);
    }
    if (!is_nil(opts) || !is_ref(ref)) BIF_BADARG(p);
    int64_t left = cancel ? tmr_cancel(ref) : tmr_read(ref);
    Term result = left < 0 ? AM(false) : bn_from_sword(p, left);
    if (async) {
        if (info)
            msg_deliver(p, bif_tuple3(p, atom_from_cstr(cancel ? "cancel_timer" : "read_timer"), ref, result));
        return AM(ok);
    }
    return info ? result : AM(ok);
}

static Term bif_cancel_timer_1(Process *p, Term *a) { return cancel_or_read(p, a[0], NIL, true); }
BIF_DEF("erlang", "cancel_timer", 1, bif_cancel_timer_1)
static Term bif_cancel_timer_2(Process *p, Term *a) { return cancel_or_read(p, a[0], a[1], true); }
BIF_DEF("erlang", "cancel_timer", 2, bif_cancel_timer_2)
static Term bif_read_timer_1(Process *p, Term *a) { return cancel_or_read(p, a[0], NIL, false); }
BIF_DEF("erlang", "read_timer", 1, bif_read_timer_1)
static Term bif_read_timer_2(Process *p, Term *a) { return cancel_or_read(p, a[0], a[1], false); }
BIF_DEF("erlang", "read_timer", 2, bif_read_timer_2)
