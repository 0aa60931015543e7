/* message.h — sending messages and the receive primitives the interpreter
 * uses (loop_rec, remove_message, wait_timeout, receive markers). */
#ifndef GIRDER_MESSAGE_H
#define GIRDER_MESSAGE_H
#include "process.h"
/* to ! msg: to is a pid, a registered name or {Name, Node}. Returns msg, or
 * THE_NON_VALUE with badarg set. */
Term msg_send(Process *p, Term to, Term msg);
/* Deliver msg (copied) to q's queue and wake q. */
void msg_deliver(Process *q, Term msg);
/* The same, but only if q still is the process `pid` (q came from a
 * lookup that may have raced with its exit). */
size_t msg_send_to(Process *q, Term pid, Term msg);   /* words copied */
/* Queue a message or signal (kind SIG_*) built in frag to q, if q is
 * still the live process `pid`; else free it (returns false). Wakes q if
 * it waits. */
bool msg_enqueue(Process *q, Term pid, uint8_t kind, Term from, Term term,
                 HeapFrag *frag, OffHeapHeader *off_heap);
void msg_free_one(Message *m);
/* m's fragment and off-heap handles join p's heap (m keeps neither), so
 * its term can be used by p. */
void msg_adopt(Process *p, Message *m);
/* The process is about to wait: true (and state PS_WAITING) if nothing is
 * in its incoming queue, false if it should run on. */
bool msg_prepare_wait(Process *p);
/* Messages in q's queues (q's main lock held, or q itself). */
uint32_t msg_queue_len(Process *q);
Message *msg_peek(Process *p);
void msg_skip(Process *p);
void msg_remove(Process *p);
void msg_timeout(Process *p);
/* -1: bad timeout value; 0: expired (continue with `timeout`); 1: wait. */
int msg_set_timeout(Process *p, Term t);
Term msg_marker_reserve(Process *p);
void msg_marker_bind(Process *p, Term marker, Term ref);
void msg_marker_clear(Process *p, Term ref);
void msg_marker_use(Process *p, Term ref);
/* Move messages sent by others into p's own queue; true if any arrived. */
bool msg_fetch_incoming(Process *p);
void msg_free_all(Process *p);
int64_t msg_now_ns(void);
#endif
