/* alias.c — the VM-wide alias table (alias.h): chained hash buckets keyed
 * by the reference's words, under one mutex. */
#include "alias.h"
#include "../term/ref.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct AliasEntry {
    struct AliasEntry *next;
    Term refw[REF_WORDS];
    Term owner;
    uint8_t mode;
} AliasEntry;

static AliasEntry **buckets;
static size_t nbuckets, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t bucket_of(const Term *refw, size_t n)
{
    uint64_t h = refw[1] * 0x9E3779B97F4A7C15ull ^ refw[2];
    return (size_t)(h >> 17) & (n - 1);
}

/* lock held */
static void grow(void)
{
    size_t n = nbuckets ? nbuckets * 2 : 256;
    AliasEntry **b = calloc(n, sizeof *b);
    for (size_t i = 0; i < nbuckets; i++)
        while (buckets[i]) {
            AliasEntry *e = buckets[i];
            buckets[i] = e->next;
            size_t k = bucket_of(e->refw, n);
            e->next = b[k];
            b[k] = e;
        }
    free(buckets);
    buckets = b;
    nbuckets = n;
}

Term alias_make(Process *p, uint8_t mode)
{
    Term ref = ref_make(p);
    Term *w = boxed_val(ref);
    w[2] |= ALIAS_REF_MARK;
    AliasEntry *e = malloc(sizeof *e);
    memcpy(e->refw, w, sizeof e->refw);
    e->owner = p->id;
    e->mode = mode;
    pthread_mutex_lock(&lock);
    if (count + 1 > nbuckets)
        grow();
    size_t k = bucket_of(e->refw, nbuckets);
    e->next = buckets[k];
    buckets[k] = e;
    count++;
    pthread_mutex_unlock(&lock);
    return ref;
}

/* lock held: the link slot of the entry, or NULL */
static AliasEntry **find(const Term *refw)
{
    if (!nbuckets)
        return NULL;
    for (AliasEntry **pp = &buckets[bucket_of(refw, nbuckets)]; *pp; pp = &(*pp)->next)
        if (memcmp((*pp)->refw, refw, sizeof (*pp)->refw) == 0)
            return pp;
    return NULL;
}

bool alias_remove(const Term *refw, Term owner)
{
    pthread_mutex_lock(&lock);
    AliasEntry **pp = find(refw), *e = NULL;
    if (pp && (*pp)->owner == owner) {
        e = *pp;
        *pp = e->next;
        count--;
    }
    pthread_mutex_unlock(&lock);
    free(e);
    return e != NULL;
}

Term alias_target(const Term *refw, bool *once)
{
    *once = false;
    if (!(refw[2] & ALIAS_REF_MARK))
        return NIL;
    pthread_mutex_lock(&lock);
    AliasEntry **pp = find(refw), *e = NULL;
    Term owner = NIL;
    if (pp) {
        owner = (*pp)->owner;
        if ((*pp)->mode == ALIAS_ONCE) {
            e = *pp;
            *pp = e->next;
            count--;
            *once = true;
        }
    }
    pthread_mutex_unlock(&lock);
    free(e);
    return owner;
}

bool alias_is_alias_ref(Term ref)
{
    return is_internal_ref(ref) && (boxed_val(ref)[2] & ALIAS_REF_MARK);
}
