/* utf8.h — UTF-8 encoding and decoding helpers (no allocation). */
#ifndef GIRDER_UTF8_H
#define GIRDER_UTF8_H

#include <stdint.h>
#include <stddef.h>

/* Number of code points in a valid UTF-8 string, or -1 if invalid. */
long utf8_count_chars(const uint8_t *s, size_t len);
/* Encode code point c (must be valid: < 0x110000, not a surrogate); returns
 * bytes written (1..4). */
size_t utf8_encode(uint32_t c, uint8_t *out);
/* Decode one code point from s[0..len); returns its length in bytes, 0 if
 * the input is truncated (an incomplete but so far valid sequence), or -1 if
 * invalid. */
int utf8_decode(const uint8_t *s, size_t len, uint32_t *c);

#endif
