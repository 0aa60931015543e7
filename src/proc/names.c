/* names.c — registered names (names.h). The table maps an atom to a
 * process block; a dead process's entry is removed by names_drop when it
 * exits, and whereis re-checks liveness in case it raced with that. */
#include "names.h"
#include "ptab.h"
#include "sched.h"
#include <pthread.h>
#include <stdlib.h>

typedef struct { Term name; Process *p; } RegEntry;
static RegEntry *reg;
static size_t reg_cap, reg_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void names_init(void)
{
    reg_cap = 256;
    reg = calloc(reg_cap, sizeof(RegEntry));
}

static size_t slot_of(Term name)
{
    size_t i = (size_t)(name * 0x9E3779B97F4A7C15ull >> 20) & (reg_cap - 1);
    while (reg[i].p && reg[i].name != name)
        i = (i + 1) & (reg_cap - 1);
    return i;
}

Process *sched_whereis(Term name)
{
    pthread_mutex_lock(&lock);
    Process *p = reg[slot_of(name)].p;
    if (p && !proc_alive(p))
        p = NULL;
    pthread_mutex_unlock(&lock);
    return p;
}

static void grow(void)
{
    RegEntry *old = reg;
    size_t oc = reg_cap;
    reg_cap *= 2;
    reg = calloc(reg_cap, sizeof(RegEntry));
    for (size_t i = 0; i < oc; i++)
        if (old[i].p)
            reg[slot_of(old[i].name)] = old[i];
    free(old);
}

bool sched_register(Term name, Process *p)
{
    pthread_mutex_lock(&lock);
    size_t i = slot_of(name);
    bool ok = !(reg[i].p && proc_alive(reg[i].p)) && p->registered_name == NIL && proc_alive(p);
    if (ok) {
        if (!reg[i].p) {
            if ((reg_count + 1) * 2 > reg_cap) {
                grow();
                i = slot_of(name);
            }
            reg_count++;
        } else {
            reg[i].p->registered_name = NIL;
        }
        reg[i].name = name;
        reg[i].p = p;
        p->registered_name = name;
    }
    pthread_mutex_unlock(&lock);
    return ok;
}

/* lock held */
static bool remove_name(Term name)
{
    size_t i = slot_of(name);
    if (!reg[i].p)
        return false;
    reg[i].p->registered_name = NIL;
    /* backward-shift deletion */
    reg[i].p = NULL;
    reg_count--;
    size_t j = i;
    for (;;) {
        j = (j + 1) & (reg_cap - 1);
        if (!reg[j].p)
            break;
        RegEntry e = reg[j];
        reg[j].p = NULL;
        reg[slot_of(e.name)] = e;
    }
    return true;
}

bool sched_unregister(Term name)
{
    pthread_mutex_lock(&lock);
    size_t i = slot_of(name);
    bool ok = reg[i].p && proc_alive(reg[i].p) && remove_name(name);
    pthread_mutex_unlock(&lock);
    return ok;
}

void names_drop(Process *p)
{
    pthread_mutex_lock(&lock);
    Term name = p->registered_name;
    if (name != NIL && reg[slot_of(name)].p == p)
        remove_name(name);
    p->registered_name = NIL;
    pthread_mutex_unlock(&lock);
}

Term sched_registered(Process *p)
{
    pthread_mutex_lock(&lock);
    size_t n = 0;
    for (size_t i = 0; i < reg_cap; i++)
        if (reg[i].p && proc_alive(reg[i].p))
            n++;
    Term *hp = proc_alloc(p, 2 * n);
    Term list = NIL;
    for (size_t i = 0; i < reg_cap; i++)
        if (reg[i].p && proc_alive(reg[i].p)) {
            list = make_cons_at(hp, reg[i].name, list);
            hp += 2;
        }
    pthread_mutex_unlock(&lock);
    return list;
}

