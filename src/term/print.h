/* print.h — printing a term the way erlang:display/1 does (malloc'd C
 * string). Used by erlang:display, debugging, and fatal messages. */
#ifndef GIRDER_PRINT_H
#define GIRDER_PRINT_H
#include "term.h"
char *term_display_string(Term t);
#endif
