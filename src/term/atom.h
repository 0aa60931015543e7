/* atom.h — the global atom table.
 * Owns atom creation and lookup. Atoms are never freed. Reads are lock-free
 * (entries are published before the count that makes them visible);
 * insertion takes one mutex. Predefined atoms (atoms.def) have fixed
 * indices so C code can name them as constants: AM_ok, AM_error, ... */
#ifndef GIRDER_ATOM_H
#define GIRDER_ATOM_H

#include "term.h"

#define ATOM_MAX_CHARS 255           /* characters, not bytes (as ERTS) */
#define ATOM_TABLE_LIMIT 1048576     /* as ERTS's default +t */

enum {
#define ATOM(id, text) ATOM_IDX_##id,
#include "atoms.def"
#undef ATOM
    ATOM_IDX__COUNT
};
#define AM(id) make_atom(ATOM_IDX_##id)

typedef struct Atom {
    uint32_t len;          /* bytes of UTF-8 text */
    uint32_t hash;
    uint8_t latin1;        /* 1 if every character is < 256 */
    uint8_t text[];        /* UTF-8, not NUL-terminated (a NUL follows for C use) */
} Atom;

void atom_init(void);
/* Find or create; THE_NON_VALUE if the text is longer than 255 characters,
 * not valid UTF-8, or the table is full (the caller raises system_limit
 * or badarg). */
Term atom_put(const char *utf8, size_t len);
/* Latin-1 input (each byte one character). */
Term atom_put_latin1(const uint8_t *latin1, size_t len);
/* Existing atom or THE_NON_VALUE. */
Term atom_lookup(const char *utf8, size_t len);
const Atom *atom_get(Term atom);
static inline const char *atom_text(Term a) { return (const char *)atom_get(a)->text; }
static inline size_t atom_len(Term a) { return atom_get(a)->len; }
size_t atom_count(void);
/* Order two atoms as erl does (by their text, code point by code point). */
int atom_compare(Term a, Term b);
Term atom_from_cstr(const char *s);
/* Whether the table refused a put because it was full (to tell system_limit
 * from badarg). */
bool atom_table_full(void);

/* erlang:memory(atom) and memory(atom_used), in bytes. */
size_t atom_memory_bytes(void);
size_t atom_memory_used_bytes(void);
#endif
