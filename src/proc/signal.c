/* signal.c — links, monitors and exit signals (signal.h).
 * The rule that keeps this race-free: a process adds or removes the other
 * side's node under the other's plock only while the other is alive
 * (checked under that same lock); an exiting process detaches its whole
 * list under its plock as it turns PS_EXITED. So a node is either seen by
 * the exit walk or never added. */
#include "signal.h"
#include "sched.h"
#include "ptab.h"
#include "message.h"
#include "copy.h"
#include "alias.h"
#include "../term/atom.h"
#include "../term/ref.h"
#include "../term/binary.h"
#include "../bif/bif.h"
#include <stdlib.h>
#include <string.h>

static LinkNode *new_node(Term other, const Term *refw, Term name, uint8_t kind)
{
    LinkNode *n = malloc(sizeof *n);
    n->other = other;
    n->name = name;
    n->kind = kind;
    n->alias = ALIAS_NONE;
    n->tag = NIL;
    n->tag_frag = NULL;
    n->tag_oh = NULL;
    if (refw) {
        memcpy(n->refw, refw, sizeof n->refw);
        n->ref = make_boxed(n->refw);
    } else {
        n->ref = NIL;
    }
    return n;
}

static void free_node(LinkNode *n)
{
    if (!n)
        return;
    bin_offheap_release_list(n->tag_oh);
    free(n->tag_frag);
    free(n);
}

static bool same_ref(const LinkNode *n, const Term *refw)
{
    return n->ref != NIL && memcmp(n->refw, refw, sizeof n->refw) == 0;
}

/* Unlink and return the first node of `kind` matching other (refw NULL)
 * or the reference; plock held. */
static LinkNode *take_node(Process *p, uint8_t kind, Term other, const Term *refw)
{
    for (LinkNode **pp = &p->links; *pp; pp = &(*pp)->next) {
        LinkNode *n = *pp;
        if (n->kind == kind && (refw ? same_ref(n, refw) : n->other == other)) {
            *pp = n->next;
            return n;
        }
    }
    return NULL;
}

static bool has_link(Process *p, Term other)
{
    for (LinkNode *n = p->links; n; n = n->next)
        if (n->kind == LK_LINK && n->other == other)
            return true;
    return false;
}

/* Add a node to q if q is alive; false if it is not. */
static bool add_if_alive(Process *q, LinkNode *n)
{
    proc_lock(&q->plock);
    bool ok = proc_alive(q);
    if (ok) {
        n->next = q->links;
        q->links = n;
    }
    proc_unlock(&q->plock);
    return ok;
}

bool sig_send(Process *q, Term pid, uint8_t kind, Term from, Term term)
{
    HeapFrag *frag;
    OffHeapHeader *oh = NULL;
    Term t = copy_to_frag(term, &frag, &oh);
    return msg_enqueue(q, pid, kind, from, t, frag, oh);
}

/* {Ref, true | false} to the process `to`, if it lives. */
static void reply_alive(Term to, Term ref, bool alive)
{
    Process *q = sched_lookup(to);
    if (!q)
        return;
    Term t[3] = { make_arityval(2), ref, alive ? AM(true) : AM(false) };
    msg_send_to(q, to, make_tuple(t));
}

void sig_alive_request(Process *p, Term pid, Term ref)
{
    Process *q = sched_lookup(pid);
    if (q == p)
        reply_alive(p->id, ref, true);
    else if (!q || !sig_send(q, pid, SIG_ALIVE, p->id, ref))
        reply_alive(p->id, ref, false);
}

bool sig_alive_settled(Process *q)
{
    proc_lock(&q->plock);
    bool settled = atomic_load(&q->state) == PS_WAITING && q->mq_in_first == NULL;
    proc_unlock(&q->plock);
    return settled;
}

void sig_exit_pending(Process *p)
{
    for (Message *m = p->mq_in_first; m; m = m->next)
        if (m->kind == SIG_ALIVE)
            reply_alive(m->from, m->term, false);
}

bool sched_link(Process *self, Process *other)
{
    if (self == other)
        return true;
    proc_lock(&self->plock);
    bool already = has_link(self, other->id);
    proc_unlock(&self->plock);
    if (already)
        return true;
    /* the other side first: if it is dead, nothing was added anywhere */
    proc_lock(&other->plock);
    bool ok = proc_alive(other) && other->id != NIL;
    if (ok && !has_link(other, self->id)) {
        LinkNode *n = new_node(self->id, NULL, NIL, LK_LINK);
        n->next = other->links;
        other->links = n;
    }
    proc_unlock(&other->plock);
    if (!ok)
        return false;
    LinkNode *mine = new_node(other->id, NULL, NIL, LK_LINK);
    proc_lock(&self->plock);
    mine->next = self->links;
    self->links = mine;
    proc_unlock(&self->plock);
    return true;
}

void sig_link_embryo(Process *parent, Process *child)
{
    LinkNode *n = new_node(parent->id, NULL, NIL, LK_LINK);
    n->next = child->links;
    child->links = n;
    LinkNode *mine = new_node(child->id, NULL, NIL, LK_LINK);
    proc_lock(&parent->plock);
    mine->next = parent->links;
    parent->links = mine;
    proc_unlock(&parent->plock);
}

void sched_unlink(Process *self, Term other)
{
    proc_lock(&self->plock);
    LinkNode *n = take_node(self, LK_LINK, other, NULL);
    proc_unlock(&self->plock);
    free(n);
    Process *q = ptab_lookup(other);
    if (!q)
        return;
    proc_lock(&q->plock);
    if (__atomic_load_n(&q->id, __ATOMIC_ACQUIRE) == other)
        n = take_node(q, LK_LINK, self->id, NULL);
    else
        n = NULL;
    proc_unlock(&q->plock);
    free(n);
}

/* {'DOWN' | Tag, Ref, Type, Who, Reason} on p's heap */
static Term down_tuple_of(Process *p, const Term *refw, Term tag, Term type, Term who, Term reason)
{
    Term *hp = proc_alloc(p, 6 + REF_WORDS);
    memcpy(hp + 6, refw, REF_WORDS * sizeof(Term));
    hp[0] = make_arityval(5);
    hp[1] = tag != NIL ? tag : AM(DOWN);
    hp[2] = make_boxed(hp + 6);
    hp[3] = type;
    hp[4] = who;
    hp[5] = reason;
    return make_tuple(hp);
}

static Term down_tuple(Process *p, const Term *refw, Term tag, Term who, Term reason)
{
    return down_tuple_of(p, refw, tag, AM(process), who, reason);
}

/* What a 'DOWN' names: the pid, or {Name, node()} for a monitor by name. */
static Term down_who(Process *p, const LinkNode *n)
{
    if (n->name == NIL)
        return n->other;
    return bif_tuple2(p, n->name, AM(nonode_at_nohost));
}

Term sched_monitor(Process *p, Process *target, Term target_term)
{
    return sched_monitor_opt(p, target, target_term, ALIAS_NONE, NIL);
}

/* p's node for a monitor it holds, with the alias mode and tag */
static LinkNode *monitor_node(Term other, const Term *refw, Term name, uint8_t alias, Term tag)
{
    LinkNode *n = new_node(other, refw, name, LK_MONITOR);
    n->alias = alias;
    if (tag != NIL)
        n->tag = copy_to_frag(tag, &n->tag_frag, &n->tag_oh);
    return n;
}

Term sched_monitor_opt(Process *p, Process *target, Term target_term, uint8_t alias, Term tag)
{
    Term ref = alias ? alias_make(p, alias) : ref_make(p);
    const Term *refw = boxed_val(ref);
    Term name = is_tuple(target_term) ? tuple_elem(target_term, 1)
              : is_atom(target_term) ? target_term : NIL;
    if (target && target != p) {
        LinkNode *theirs = new_node(p->id, refw, name, LK_MONITORED_BY);
        if (add_if_alive(target, theirs)) {
            LinkNode *mine = monitor_node(target->id, refw, name, alias, tag);
            proc_lock(&p->plock);
            mine->next = p->links;
            p->links = mine;
            proc_unlock(&p->plock);
            return ref;
        }
        free(theirs);
    } else if (target == p) {
        /* monitoring oneself: allowed, never fires while alive */
        LinkNode *mine = monitor_node(p->id, refw, name, alias, tag);
        LinkNode *theirs = new_node(p->id, refw, NIL, LK_MONITORED_BY);
        proc_lock(&p->plock);
        mine->next = p->links;
        theirs->next = mine;
        p->links = theirs;
        proc_unlock(&p->plock);
        return ref;
    }
    /* a dead or unknown target: 'DOWN' with noproc at once */
    Term who = is_atom(target_term) ? bif_tuple2(p, target_term, AM(nonode_at_nohost)) : target_term;
    msg_deliver(p, down_tuple(p, refw, tag, who, AM(noproc)));
    if (alias == ALIAS_DEMONITOR || alias == ALIAS_ONCE)
        alias_remove(refw, p->id);
    return ref;
}

Term sig_monitor_gone(Process *p, Term type, Term who, uint8_t alias, Term tag, Term reason)
{
    Term ref = alias ? alias_make(p, alias) : ref_make(p);
    const Term *refw = boxed_val(ref);
    msg_deliver(p, down_tuple_of(p, refw, tag, type, who, reason));
    if (alias == ALIAS_DEMONITOR || alias == ALIAS_ONCE)
        alias_remove(refw, p->id);
    return ref;
}

bool sched_demonitor(Process *p, Term ref)
{
    if (!is_internal_ref(ref))
        return false;
    const Term *refw = boxed_val(ref);
    proc_lock(&p->plock);
    LinkNode *n = take_node(p, LK_MONITOR, NIL, refw);
    LinkNode *self_side = (n && n->other == p->id) ? take_node(p, LK_MONITORED_BY, NIL, refw) : NULL;
    proc_unlock(&p->plock);
    if (!n)
        return false;
    free(self_side);
    if (n->alias == ALIAS_DEMONITOR || n->alias == ALIAS_ONCE)
        alias_remove(refw, p->id);
    Process *t = n->other != p->id ? ptab_lookup(n->other) : NULL;
    if (t) {
        proc_lock(&t->plock);
        LinkNode *theirs = take_node(t, LK_MONITORED_BY, NIL, refw);
        proc_unlock(&t->plock);
        free(theirs);
    }
    free_node(n);
    return true;
}

void sched_exit_signal(Process *from, Process *to, Term to_pid, Term reason)
{
    sig_send(to, to_pid, SIG_EXIT, from->id, reason);
}

static Term exit_tuple(Process *p, Term from, Term reason)
{
    Term *hp = proc_alloc(p, 4);
    hp[0] = make_arityval(3);
    hp[1] = AM(EXIT);
    hp[2] = from;
    hp[3] = reason;
    return make_tuple(hp);
}

/* Turn signal m into an ordinary message holding t (built on p's heap,
 * possibly pointing into m's fragment): copied into a fresh fragment, as
 * every queued message lives in its own (the collector does not scan the
 * queue). */
static void become_message(Message *m, Term t)
{
    HeapFrag *frag;
    OffHeapHeader *oh = NULL;
    Term c = copy_to_frag(t, &frag, &oh);
    bin_offheap_release_list(m->off_heap);
    free(m->frag);
    m->term = c;
    m->frag = frag;
    m->off_heap = oh;
    m->kind = SIG_MSG;
}

/* pending_exit is a root of the collector, so the reason may live on the
 * heap (the signal's fragment joins it). */
static void die_with(Process *p, Term reason)
{
    if (p->pending_exit == NIL)
        p->pending_exit = reason;
}

bool sig_handle(Process *p, Message *m)
{
    switch (m->kind) {
    case SIG_MSG:
        return true;
    case SIG_EXIT_LINK: {
        proc_lock(&p->plock);
        LinkNode *n = take_node(p, LK_LINK, m->from, NULL);
        proc_unlock(&p->plock);
        if (!n)
            break;                          /* unlinked meanwhile: ignored */
        free(n);
        if (p->flags & PF_TRAP_EXIT) {
            become_message(m, exit_tuple(p, m->from, m->term));
            return true;
        }
        msg_adopt(p, m);
        if (m->term != AM(normal))
            die_with(p, m->term);
        break;
    }
    case SIG_EXIT:
        if (m->term == AM(kill)) {
            die_with(p, AM(killed));
        } else if (p->flags & PF_TRAP_EXIT) {
            become_message(m, exit_tuple(p, m->from, m->term));
            return true;
        } else if (m->term != AM(normal)) {
            msg_adopt(p, m);
            die_with(p, m->term);
        }
        break;
    case SIG_DOWN: {
        Term ref = tuple_elem(m->term, 1), reason = tuple_elem(m->term, 2);
        proc_lock(&p->plock);
        LinkNode *n = take_node(p, LK_MONITOR, NIL, boxed_val(ref));
        proc_unlock(&p->plock);
        if (!n)
            break;                          /* demonitored meanwhile */
        if (n->alias == ALIAS_DEMONITOR || n->alias == ALIAS_ONCE)
            alias_remove(n->refw, p->id);
        become_message(m, down_tuple(p, n->refw, n->tag, down_who(p, n), reason));
        free_node(n);
        return true;
    }
    case SIG_DEMONITOR:
        sched_demonitor(p, m->term);
        break;
    case SIG_ALIVE:
        reply_alive(m->from, m->term, true);
        break;
    }
    msg_free_one(m);
    return false;
}

void sig_notify_exit(Process *p, LinkNode *links, Term reason)
{
    while (links) {
        LinkNode *n = links;
        links = n->next;
        if (n->alias != ALIAS_NONE)
            alias_remove(n->refw, p->id);
        Process *q = n->other != p->id ? ptab_lookup(n->other) : NULL;
        if (q) {
            switch (n->kind) {
            case LK_LINK:
                sig_send(q, n->other, SIG_EXIT_LINK, p->id, reason);
                break;
            case LK_MONITORED_BY: {
                Term *hp = proc_alloc(p, 3 + REF_WORDS);
                memcpy(hp + 3, n->refw, REF_WORDS * sizeof(Term));
                hp[0] = make_arityval(2);
                hp[1] = make_boxed(hp + 3);
                hp[2] = reason;
                sig_send(q, n->other, SIG_DOWN, p->id, make_tuple(hp));
                break;
            }
            case LK_MONITOR: {
                proc_lock(&q->plock);
                LinkNode *theirs = take_node(q, LK_MONITORED_BY, NIL, n->refw);
                proc_unlock(&q->plock);
                free(theirs);
                break;
            }
            }
        }
        free_node(n);
    }
}

Term sig_alias(Process *p, uint8_t mode)
{
    Term ref = alias_make(p, mode);
    LinkNode *n = new_node(p->id, boxed_val(ref), NIL, LK_ALIAS);
    n->alias = mode;
    proc_lock(&p->plock);
    n->next = p->links;
    p->links = n;
    proc_unlock(&p->plock);
    return ref;
}

bool sig_unalias(Process *p, Term ref)
{
    const Term *refw = boxed_val(ref);
    bool active = alias_remove(refw, p->id);
    proc_lock(&p->plock);
    LinkNode *gone = take_node(p, LK_ALIAS, NIL, refw);
    for (LinkNode *n = p->links; n; n = n->next)
        if (n->kind == LK_MONITOR && same_ref(n, refw))
            n->alias = ALIAS_NONE;
    proc_unlock(&p->plock);
    free_node(gone);
    return active;
}
