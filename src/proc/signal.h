/* signal.h — links, monitors and exit signals between processes.
 * A process's links and monitors live in its own list (LinkNode, guarded
 * by its plock); both sides of a link or monitor keep a node. Exit signals
 * and 'DOWN' notices travel as signals in the receiver's incoming queue,
 * behind the messages sent before them, and are acted on by the receiver
 * itself (sig_handle) — so unlink/demonitor done by the receiver before it
 * sees the signal make the signal vanish, as in ERTS. */
#ifndef GIRDER_SIGNAL_H
#define GIRDER_SIGNAL_H
#include "process.h"

/* Queue a signal to q, if it still is `pid` (kind SIG_*; term is copied).
 * False if q was no longer that process (nothing queued). */
bool sig_send(Process *q, Term pid, uint8_t kind, Term from, Term term);
/* link/1 by self: false if other is not alive. */
bool sched_link(Process *self, Process *other);
/* Both sides of a link for a process not yet running (spawn_link). */
void sig_link_embryo(Process *parent, Process *child);
void sched_unlink(Process *self, Term other);
/* monitor(process, ...) by p; target NULL (or dead) queues 'DOWN' with
 * noproc at once. target_term is what the 'DOWN' names: a pid, or
 * {Name, Node} for a monitor by name. Returns the reference. */
Term sched_monitor(Process *p, Process *target, Term target_term);
/* The same with monitor/3's options: alias mode (ALIAS_*) and a tag to
 * use instead of 'DOWN' (NIL: none). */
Term sched_monitor_opt(Process *p, Process *target, Term target_term, uint8_t alias, Term tag);
/* A monitor whose target cannot exist (no such port, a pid of another
 * node or incarnation): the reference, with {Tag, Ref, Type, Who, Reason}
 * queued to p at once. */
Term sig_monitor_gone(Process *p, Term type, Term who, uint8_t alias, Term tag, Term reason);
/* erlang:alias/1 and unalias/1 (ref is an alias reference). */
Term sig_alias(Process *p, uint8_t mode);
bool sig_unalias(Process *p, Term ref);
bool sched_demonitor(Process *p, Term ref);
/* exit/2 from `from` to another process `to`. */
void sched_exit_signal(Process *from, Process *to, Term to_pid, Term reason);
/* Act on signal m received by p (p's own scheduler). Returns true if m is
 * now an ordinary message for p's queue; false if it was consumed (and
 * freed). A fatal signal sets p->pending_exit. */
bool sig_handle(Process *p, Message *m);
/* erts_internal:is_process_alive(Pid, Ref): {Ref, true | false} comes to
 * p once Pid has handled every signal p sent it before (a SIG_ALIVE behind
 * them; a process that dies first answers false, sig_exit_pending). */
void sig_alive_request(Process *p, Term pid, Term ref);
/* True if q waits with nothing queued: every signal sent to it so far has
 * been handled, and it is not about to exit. */
bool sig_alive_settled(Process *q);
/* p has turned PS_EXITED: answer the requests left unseen in its queue. */
void sig_exit_pending(Process *p);
/* p is exiting: tell every linked and monitoring process, and drop p's
 * side of what it watched. `links` is p's detached list (freed here). */
void sig_notify_exit(Process *p, LinkNode *links, Term reason);
#endif
