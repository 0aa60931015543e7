/* persistent_term.h — what the rest of girder asks the persistent_term
 * table (persistent_term.c). */
#ifndef GIRDER_PERSISTENT_TERM_H
#define GIRDER_PERSISTENT_TERM_H
#include <stddef.h>
/* Buckets the table has now (erts_debug's {persistent_term} "table"). */
size_t pt_buckets(void);
#endif
