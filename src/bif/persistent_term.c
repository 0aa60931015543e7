/* persistent_term.c — the persistent_term module: a node-global table of
 * key/value terms, read without copying. Keys and values are copied once
 * into malloc'd blocks that are never moved; a replaced or erased entry's
 * block is not freed (a process may still hold its terms: ERTS scans
 * heaps before freeing, girder keeps them — docs/differences.md). One
 * mutex guards the table; reads also take it (the table is small and
 * rarely written in the programs girder runs today). */
#include "bif.h"
#include "../term/atom.h"
#include "../term/compare.h"
#include "../term/hash.h"
#include "../proc/copy.h"
#include <pthread.h>
#include <stdlib.h>

typedef struct Entry {
    struct Entry *next;
    Term key, value;
    Term mem[];                /* the copies of key and value */
} Entry;

static Entry *entries;
static size_t count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static Entry *find(Term key)
{
    for (Entry *e = entries; e; e = e->next)
        if (e->key == key || term_eq_exact(e->key, key))
            return e;
    return NULL;
}

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
    OffHeapHeader *oh = NULL;      /* kept forever, like the block */
    n->key = copy_term(a[0], n->mem, &oh);
    n->value = copy_term(a[1], n->mem + kw, &oh);
    pthread_mutex_lock(&lock);
    /* unlink an old entry for the key (its memory stays valid) */
    for (Entry **ep = &entries; *ep; ep = &(*ep)->next)
        if (term_eq_exact((*ep)->key, a[0])) {
            *ep = (*ep)->next;
            count--;
            break;
        }
    n->next = entries;
    entries = n;
    count++;
    pthread_mutex_unlock(&lock);
    return AM(ok);
}
BIF_DEF("persistent_term", "put", 2, bif_pt_put)

static Term bif_pt_erase(Process *p, Term *a)
{
    (void)p;
    bool found = false;
    pthread_mutex_lock(&lock);
    for (Entry **ep = &entries; *ep; ep = &(*ep)->next)
        if (term_eq_exact((*ep)->key, a[0])) {
            *ep = (*ep)->next;
            count--;
            found = true;
            break;
        }
    pthread_mutex_unlock(&lock);
    return found ? AM(true) : AM(false);
}
BIF_DEF("persistent_term", "erase", 1, bif_pt_erase)

static Term bif_pt_get_0(Process *p, Term *a)
{
    (void)a;
    pthread_mutex_lock(&lock);
    Term list = NIL;
    for (Entry *e = entries; e; e = e->next) {
        Term *hp = proc_alloc(p, 5);
        hp[0] = make_arityval(2); hp[1] = e->key; hp[2] = e->value;
        list = make_cons_at(hp + 3, make_tuple(hp), list);
    }
    pthread_mutex_unlock(&lock);
    return list;
}
BIF_DEF("persistent_term", "get", 0, bif_pt_get_0)

static Term bif_pt_info(Process *p, Term *a)
{
    (void)a;
    pthread_mutex_lock(&lock);
    size_t n = count;
    pthread_mutex_unlock(&lock);
    Term items[2] = { atom_from_cstr("count"), atom_from_cstr("memory") };
    Term vals[2] = { make_small(n), make_small(0) };
    Term list = NIL;
    for (int i = 1; i >= 0; i--) {
        Term t = bif_tuple2(p, items[i], vals[i]);
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, t, list);
    }
    return list;
}
BIF_DEF("persistent_term", "info", 0, bif_pt_info)

static Term bif_dflag_unicode_io(Process *p, Term *a)
{
    (void)p; (void)a;
    return AM(true);           /* every local process speaks unicode io */
}
BIF_DEF("net_kernel", "dflag_unicode_io", 1, bif_dflag_unicode_io)
