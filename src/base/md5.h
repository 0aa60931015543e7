/* md5.h — the MD5 digest (RFC 1321). The context layout is ERTS's MD5_CTX
 * (88 bytes), because erlang:md5_init/update/final hand it to Erlang as a
 * binary. */
#ifndef GIRDER_MD5_H
#define GIRDER_MD5_H
#include <stdint.h>
#include <stddef.h>
typedef struct {
    uint32_t state[4];
    uint32_t count[2];        /* bits, low word first */
    uint8_t buffer[64];
} Md5Ctx;
_Static_assert(sizeof(Md5Ctx) == 88, "MD5 context layout");

void md5_init(Md5Ctx *c);
void md5_update(void *ctx, const uint8_t *data, size_t len);
void md5_final(Md5Ctx *c, uint8_t out[16]);
#endif
