/* unit.h — a tiny assertion kit for tests/unit/test_*.c. Each test binary
 * returns non-zero if any CHECK failed. */
#ifndef GIRDER_UNIT_H
#define GIRDER_UNIT_H
#include <stdio.h>
static int unit_failures;
#define CHECK(cond) do { if (!(cond)) { unit_failures++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define UNIT_DONE() (unit_failures ? (fprintf(stderr, "%d failures\n", unit_failures), 1) : 0)
#endif
