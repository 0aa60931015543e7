/* persistent_term.c — the persistent_term module: a node-global hash
 * table of key/value terms, read without copying. Keys and values are
 * copied once into malloc'd blocks that are never moved; a replaced or
 * erased entry's block is not freed (a process may still hold its terms:
 * ERTS scans heaps before freeing, girder keeps them —
 * docs/differences.md) and no longer counts in info/0's memory. One mutex
 * guards the table; reads also take it. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../term/hash.h"
#include "../proc/copy.h"
#include "../term/map.h"
#include "persistent_term.h"
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>

typedef struct Entry {
    struct Entry *next;
    Term key, value;
    size_t words;              /* of mem */
    Term mem[];                /* the copies of key and value */
} Entry;

/* A hash table of chains on ERTS's internal hash (the maps' hash), sized
 * as ERTS sizes its own: 8 buckets at least, doubled before an insert
 * would fill it past half, halved by an erase from a quarter full. */
#define PT_MIN_BUCKETS 8
static Entry **buckets;
static size_t nbuckets, count;
static size_t entry_bytes;     /* of the live entries */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static Entry **slot(Term key, Entry **table, size_t n)
{
    return &table[hash_internal(key, 0) & (n - 1)];
}

/* lock held */
static Entry **find_link(Term key)
{
    if (!buckets)
        return NULL;
    for (Entry **ep = slot(key, buckets, nbuckets); *ep; ep = &(*ep)->next)
        if ((*ep)->key == key || term_eq_exact((*ep)->key, key))
            return ep;
    return NULL;
}

static Entry *find(Term key)
{
    Entry **ep = find_link(key);
    return ep ? *ep : NULL;
}

/* lock held */
static void resize(size_t n)
{
    Entry **table = calloc(n, sizeof *table);
    if (!table) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < nbuckets; i++)
        for (Entry *e = buckets[i], *next; e; e = next) {
            next = e->next;
            Entry **to = slot(e->key, table, n);
            e->next = *to;
            *to = e;
        }
    free(buckets);
    buckets = table;
    nbuckets = n;
}

static size_t entry_size(const Entry *e) { return sizeof *e + e->words * sizeof(Term); }

static Term bif_pt_get_1(Process *p, Term *a)
{
    pthread_mutex_lock(&lock);
    Entry *e = find(a[0]);
    Term v = e ? e->value : THE_NON_VALUE;
    pthread_mutex_unlock(&lock);
    if (is_non_value(v)) BIF_BADARG(p);
    return v;
}
BIF_DEF("persistent_term", "get", 1, bif_pt_get_1)

static Term bif_pt_get_2(Process *p, Term *a)
{
    (void)p;
    pthread_mutex_lock(&lock);
    Entry *e = find(a[0]);
    Term v = e ? e->value : a[1];
    pthread_mutex_unlock(&lock);
    return v;
}
BIF_DEF("persistent_term", "get", 2, bif_pt_get_2)

static Term bif_pt_put(Process *p, Term *a)
{
    (void)p;
    size_t kw = copy_size(a[0]), vw = copy_size(a[1]);
    Entry *n = malloc(sizeof(Entry) + (kw + vw) * sizeof(Term));
    if (!n) {
        fprintf(stderr, "girder: out of memory\n");
        abort();
    }
    OffHeapHeader *oh = NULL;      /* kept forever, like the block */
    n->key = copy_term(a[0], n->mem, &oh);
    n->value = copy_term(a[1], n->mem + kw, &oh);
    n->words = kw + vw;
    pthread_mutex_lock(&lock);
    if (!buckets)
        resize(PT_MIN_BUCKETS);
    Entry **old = find_link(a[0]);
    if (old) {
        /* replace: the old entry's memory stays valid, uncounted */
        n->next = (*old)->next;
        entry_bytes -= entry_size(*old);
        *old = n;
    } else {
        if (count * 100 >= nbuckets * 50)
            resize(nbuckets * 2);
        Entry **to = slot(n->key, buckets, nbuckets);
        n->next = *to;
        *to = n;
        count++;
    }
    entry_bytes += entry_size(n);
    pthread_mutex_unlock(&lock);
    return AM(ok);
}
BIF_DEF("persistent_term", "put", 2, bif_pt_put)

static Term bif_pt_erase(Process *p, Term *a)
{
    (void)p;
    pthread_mutex_lock(&lock);
    Entry **ep = find_link(a[0]);
    if (ep) {
        /* as ERTS: the shrink test counts the entry being erased */
        bool shrink = count * 200 <= nbuckets * 50 && nbuckets > PT_MIN_BUCKETS;
        entry_bytes -= entry_size(*ep);
        *ep = (*ep)->next;         /* its memory stays valid, uncounted */
        count--;
        if (shrink)
            resize(nbuckets / 2);
    }
    pthread_mutex_unlock(&lock);
    return ep ? AM(true) : AM(false);
}
BIF_DEF("persistent_term", "erase", 1, bif_pt_erase)

static Term bif_pt_get_0(Process *p, Term *a)
{
    (void)a;
    pthread_mutex_lock(&lock);
    Term list = NIL;
    for (size_t i = 0; i < nbuckets; i++)
        for (Entry *e = buckets[i]; e; e = e->next) {
            Term *hp = proc_alloc(p, 5);
            hp[0] = make_arityval(2); hp[1] = e->key; hp[2] = e->value;
            list = make_cons_at(hp + 3, make_tuple(hp), list);
        }
    pthread_mutex_unlock(&lock);
    return list;
}
BIF_DEF("persistent_term", "get", 0, bif_pt_get_0)

/* #{count => N, memory => Bytes}: the table and the live entries */
static Term bif_pt_info(Process *p, Term *a)
{
    (void)a;
    pthread_mutex_lock(&lock);
    size_t n = count;
    /* the table is allocated at the first put, but counts from the start */
    size_t nb = nbuckets ? nbuckets : PT_MIN_BUCKETS;
    size_t mem = sizeof buckets + nb * sizeof *buckets + entry_bytes;
    pthread_mutex_unlock(&lock);
    Term keys[2] = { atom_from_cstr("count"), atom_from_cstr("memory") };
    Term vals[2] = { make_small(n), make_small(mem) };
    return map_new_from_kvs(p, keys, vals, 2);
}
BIF_DEF("persistent_term", "info", 0, bif_pt_info)

size_t pt_buckets(void)
{
    pthread_mutex_lock(&lock);
    size_t n = nbuckets ? nbuckets : PT_MIN_BUCKETS;
    pthread_mutex_unlock(&lock);
    return n;
}

static Term bif_dflag_unicode_io(Process *p, Term *a)
{
    (void)p; (void)a;
    return AM(true);           /* every local process speaks unicode io */
}
BIF_DEF("net_kernel", "dflag_unicode_io", 1, bif_dflag_unicode_io)
