/* proc_opts.h — shared by the process BIFs: the value process_info and
 * process_flag give for max_heap_size (erlang_proc.c). */
#ifndef GIRDER_PROC_OPTS_H
#define GIRDER_PROC_OPTS_H
#include "../proc/process.h"
/* #{error_logger => _, kill => _, size => Words}; flags bit 0 kill, bit 1
 * error_logger. */
Term proc_max_heap_term(Process *p, size_t size, uint32_t flags);
/* The atom of a priority (PRIO_*): max, high, normal or low. */
Term proc_priority_atom(unsigned prio);
#endif
