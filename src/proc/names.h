/* names.h — registered process names (register/2, whereis/1, ...).
 * One open-addressing table under one mutex; a process's own
 * registered_name field mirrors its entry and is written under the same
 * mutex. */
#ifndef GIRDER_NAMES_H
#define GIRDER_NAMES_H
#include "process.h"

void names_init(void);
/* false if the name is taken or p already has a name */
bool sched_register(Term name, Process *p);
bool sched_unregister(Term name);
/* Remove p's name if it has one (p is exiting). */
void names_drop(Process *p);
Process *sched_whereis(Term name);
Term sched_registered(Process *p);
#endif
