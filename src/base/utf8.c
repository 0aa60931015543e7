/* utf8.c — UTF-8 encoding and decoding (see utf8.h). */
#include "utf8.h"

size_t utf8_encode(uint32_t c, uint8_t *o)
{
    if (c < 0x80) { o[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { o[0] = 0xC0 | (c >> 6); o[1] = 0x80 | (c & 0x3F); return 2; }
    if (c < 0x10000) {
        o[0] = 0xE0 | (c >> 12); o[1] = 0x80 | ((c >> 6) & 0x3F); o[2] = 0x80 | (c & 0x3F);
        return 3;
    }
    o[0] = 0xF0 | (c >> 18); o[1] = 0x80 | ((c >> 12) & 0x3F);
    o[2] = 0x80 | ((c >> 6) & 0x3F); o[3] = 0x80 | (c & 0x3F);
    return 4;
}

int utf8_decode(const uint8_t *s, size_t len, uint32_t *out)
{
    if (len == 0)
        return 0;
    uint8_t b = s[0];
    int n;
    uint32_t c, min;
    if (b < 0x80) { *out = b; return 1; }
    else if ((b & 0xE0) == 0xC0) { n = 2; c = b & 0x1F; min = 0x80; }
    else if ((b & 0xF0) == 0xE0) { n = 3; c = b & 0x0F; min = 0x800; }
    else if ((b & 0xF8) == 0xF0) { n = 4; c = b & 0x07; min = 0x10000; }
    else return -1;
    for (int i = 1; i < n; i++) {
        if ((size_t)i >= len)
            return 0;
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *out = c;
    return n;
}

long utf8_count_chars(const uint8_t *s, size_t len)
{
    long n = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        int k = utf8_decode(s + i, len - i, &c);
        if (k <= 0)
            return -1;
        i += (size_t)k;
        n++;
    }
    return n;
}
