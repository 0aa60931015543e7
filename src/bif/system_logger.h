/* system_logger.h — the VM's system logger (erlang:system_flag(system_logger,
 * L)) and the log events the VM itself sends to it, as ERTS does. */
#ifndef GIRDER_SYSTEM_LOGGER_H
#define GIRDER_SYSTEM_LOGGER_H
#include "../proc/process.h"

/* The current system logger: the atom logger (the process registered as
 * `logger`, the default), undefined (events are dropped) or a local pid. */
Term syslog_get(void);
/* Set it; returns the old value, or THE_NON_VALUE if l is none of those. */
Term syslog_set(Term l);
/* ERTS's report for a process dying of an uncaught error or throw:
 * {log, error, "Error in process ~p with exit value:~n~p~n", [Pid, Reason],
 * Meta} sent to the system logger. p is the dying process (still able to
 * allocate). */
void syslog_process_error(Process *p, Term reason);
#endif
