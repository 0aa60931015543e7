/* md5.c — the MD5 digest (RFC 1321), for erlang:md5/1 and module
 * checksums.
 * The context is exchanged with Erlang as an 88-byte binary laid out as
 * ERTS's MD5_CTX: state[4] and a 64-bit bit count as 32-bit words in host
 * order, then the 64-byte input buffer. */
#include "md5.h"
#include <math.h>
#include <pthread.h>
#include <string.h>

static uint32_t md5_k[64];
static pthread_once_t md5_once = PTHREAD_ONCE_INIT;

static void md5_make_table(void)
{
    for (int i = 0; i < 64; i++)
        md5_k[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
}

void md5_init(Md5Ctx *c)
{
    pthread_once(&md5_once, md5_make_table);
    c->state[0] = 0x67452301u;
    c->state[1] = 0xefcdab89u;
    c->state[2] = 0x98badcfeu;
    c->state[3] = 0x10325476u;
    c->count[0] = c->count[1] = 0;
    memset(c->buffer, 0, sizeof c->buffer);
}

static inline uint32_t rotl(uint32_t x, unsigned s) { return (x << s) | (x >> (32 - s)); }

static void md5_block(uint32_t st[4], const uint8_t blk[64])
{
    static const uint8_t shifts[4][4] = { {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21} };
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)blk[4 * i] | (uint32_t)blk[4 * i + 1] << 8
             | (uint32_t)blk[4 * i + 2] << 16 | (uint32_t)blk[4 * i + 3] << 24;
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g, round = i / 16;
        switch (round) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl(a + f + md5_k[i] + m[g], shifts[round][i & 3]);
        a = t;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}

void md5_update(void *ctx, const uint8_t *data, size_t len)
{
    Md5Ctx *c = ctx;
    if (len == 0)
        return;                /* data may be NULL (an absent chunk) */
    pthread_once(&md5_once, md5_make_table);
    size_t have = (c->count[0] >> 3) & 63;
    uint64_t bits = ((uint64_t)c->count[1] << 32 | c->count[0]) + ((uint64_t)len << 3);
    c->count[0] = (uint32_t)bits;
    c->count[1] = (uint32_t)(bits >> 32);
    if (have) {
        size_t need = 64 - have;
        if (len < need) {
            memcpy(c->buffer + have, data, len);
            return;
        }
        memcpy(c->buffer + have, data, need);
        md5_block(c->state, c->buffer);
        data += need;
        len -= need;
    }
    for (; len >= 64; data += 64, len -= 64)
        md5_block(c->state, data);
    memcpy(c->buffer, data, len);
}

void md5_final(Md5Ctx *c, uint8_t out[16])
{
    uint8_t lenbytes[8];
    for (int i = 0; i < 4; i++) {
        lenbytes[i] = (uint8_t)(c->count[0] >> (8 * i));
        lenbytes[4 + i] = (uint8_t)(c->count[1] >> (8 * i));
    }
    static const uint8_t pad[64] = { 0x80 };
    size_t have = (c->count[0] >> 3) & 63;
    md5_update(c, pad, have < 56 ? 56 - have : 120 - have);
    md5_update(c, lenbytes, 8);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            out[4 * i + j] = (uint8_t)(c->state[i] >> (8 * j));
}

