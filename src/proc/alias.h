/* alias.h — process aliases (erlang:alias/0,1, monitor/3's {alias, _}):
 * references that a message can be sent to. A VM-wide table maps each
 * active alias to its owner's pid; the owner also keeps a node per alias
 * (LK_ALIAS, or the alias bit of a monitor node) so its aliases go when it
 * dies. Alias references carry ALIAS_REF_MARK in their third word, so
 * unalias/1 can tell one from a plain reference. */
#ifndef GIRDER_ALIAS_H
#define GIRDER_ALIAS_H
#include "process.h"

enum { ALIAS_NONE, ALIAS_EXPLICIT, ALIAS_DEMONITOR, ALIAS_ONCE };
#define ALIAS_REF_MARK ((Term)1 << 31)

/* A fresh reference (on p's heap) marked as an alias reference, active
 * for p with mode (ALIAS_EXPLICIT/_DEMONITOR/_ONCE). */
Term alias_make(Process *p, uint8_t mode);
/* Deactivate the alias if owner holds it; true if it was active. */
bool alias_remove(const Term *refw, Term owner);
/* The pid a message to alias ref goes to, or NIL (inactive: dropped).
 * A once-alias is deactivated by this lookup; *once is set then. */
Term alias_target(const Term *refw, bool *once);
bool alias_is_alias_ref(Term ref);
#endif
