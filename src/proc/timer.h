/* timer.h — message timers (erlang:send_after/start_timer/cancel_timer/
 * read_timer). A binary heap on deadline; the scheduler loop asks for the
 * next deadline and fires expired timers. Thread-safe. */
#ifndef GIRDER_TIMER_H
#define GIRDER_TIMER_H
#include "process.h"
/* Start a timer; msg is copied now. Returns the timer reference (on p's
 * heap). dest is a pid or an atom (resolved when the timer fires). */
Term tmr_start(Process *p, int64_t ms, Term dest, Term msg, bool timeout_tuple);
/* Milliseconds left (>= 0) and the timer removed, or -1 if none. */
int64_t tmr_cancel(Term ref);
/* Milliseconds left, or -1 if none. */
int64_t tmr_read(Term ref);
/* Monotonic ns of the earliest timer, or -1. */
int64_t tmr_next_deadline(void);
/* Deliver every timer due at `now` (monotonic ns). */
void tmr_fire_expired(int64_t now);
#endif
