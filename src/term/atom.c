/* atom.c — the global atom table (see atom.h for the contract).
 * Entries live in chunks that never move; `atoms[i]` is published before
 * `count` is bumped, so readers need no lock. An open-addressing hash index
 * maps text to index; it is only touched under `lock`. */
#include "atom.h"
#include "../base/utf8.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>

static Atom *atoms[ATOM_TABLE_LIMIT];
static _Atomic size_t count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t *index_slots;      /* atom index + 1, 0 = empty */
static size_t index_cap;
static bool table_was_full;
static _Atomic size_t text_bytes;  /* sum of every atom's block */

static uint32_t hash_text(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h;
}

static void index_insert(uint32_t h, uint32_t idx)
{
    size_t mask = index_cap - 1;
    size_t i = h & mask;
    while (index_slots[i])
        i = (i + 1) & mask;
    index_slots[i] = idx + 1;
}

static void index_grow(void)
{
    size_t old_cap = index_cap;
    uint32_t *old = index_slots;
    index_cap = old_cap ? old_cap * 2 : 8192;
    index_slots = calloc(index_cap, sizeof *index_slots);
    if (!index_slots) {
        fprintf(stderr, "girder: out of memory growing the atom table\n");
        abort();
    }
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            index_insert(atoms[old[i] - 1]->hash, old[i] - 1);
    free(old);
}

static long index_find(const char *s, size_t len, uint32_t h)
{
    if (!index_cap)
        return -1;
    size_t mask = index_cap - 1;
    for (size_t i = h & mask; index_slots[i]; i = (i + 1) & mask) {
        Atom *a = atoms[index_slots[i] - 1];
        if (a->hash == h && a->len == len && memcmp(a->text, s, len) == 0)
            return index_slots[i] - 1;
    }
    return -1;
}

static Term put_locked(const char *s, size_t len, uint32_t h)
{
    long found = index_find(s, len, h);
    if (found >= 0)
        return make_atom(found);
    size_t n = atomic_load(&count);
    if (n >= ATOM_TABLE_LIMIT) {
        table_was_full = true;
        return THE_NON_VALUE;
    }
    Atom *a = malloc(sizeof(Atom) + len + 1);
    if (!a)
        abort();
    a->len = (uint32_t)len;
    a->hash = h;
    memcpy(a->text, s, len);
    a->text[len] = 0;
    a->latin1 = 1;
    for (size_t i = 0; i < len; i++)
        if ((uint8_t)s[i] >= 0xC4) { a->latin1 = 0; break; }
    atoms[n] = a;
    atomic_fetch_add(&text_bytes, sizeof(Atom) + len + 1);
    if ((n + 1) * 2 > index_cap)
        index_grow();
    index_insert(h, (uint32_t)n);
    atomic_store(&count, n + 1);
    return make_atom(n);
}

Term atom_put(const char *s, size_t len)
{
    long chars = utf8_count_chars((const uint8_t *)s, len);
    if (chars < 0 || chars > ATOM_MAX_CHARS)
        return THE_NON_VALUE;
    uint32_t h = hash_text(s, len);
    pthread_mutex_lock(&lock);
    Term t = put_locked(s, len, h);
    pthread_mutex_unlock(&lock);
    return t;
}

Term atom_put_latin1(const uint8_t *l1, size_t len)
{
    if (len > ATOM_MAX_CHARS)
        return THE_NON_VALUE;
    char buf[ATOM_MAX_CHARS * 2];
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += utf8_encode(l1[i], (uint8_t *)buf + n);
    return atom_put(buf, n);
}

Term atom_lookup(const char *s, size_t len)
{
    uint32_t h = hash_text(s, len);
    pthread_mutex_lock(&lock);
    long found = index_find(s, len, h);
    pthread_mutex_unlock(&lock);
    return found >= 0 ? make_atom(found) : THE_NON_VALUE;
}

const Atom *atom_get(Term a) { return atoms[atom_val(a)]; }
size_t atom_count(void) { return atomic_load(&count); }
bool atom_table_full(void) { return table_was_full; }

Term atom_from_cstr(const char *s) { return atom_put(s, strlen(s)); }

int atom_compare(Term a, Term b)
{
    if (a == b)
        return 0;
    const Atom *x = atom_get(a), *y = atom_get(b);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->text, y->text, n);
    if (c)
        return c < 0 ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
}

void atom_init(void)
{
    static const char *const names[] = {
#define ATOM(id, text) text,
#include "atoms.def"
#undef ATOM
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Term t = atom_from_cstr(names[i]);
        if (atom_val(t) != i) {
            fprintf(stderr, "girder: duplicate predefined atom '%s'\n", names[i]);
            abort();
        }
    }
}

size_t atom_memory_bytes(void)
{
    pthread_mutex_lock(&lock);
    size_t index = index_cap * sizeof(uint32_t);
    pthread_mutex_unlock(&lock);
    return atomic_load(&text_bytes) + index + atomic_load(&count) * sizeof(Atom *);
}

size_t atom_memory_used_bytes(void)
{
    return atomic_load(&text_bytes) + atomic_load(&count) * (sizeof(Atom *) + 2 * sizeof(uint32_t));
}
