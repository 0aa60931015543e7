/* table.c — the ETS table registry: table ids (refs), named tables,
 * ownership, heirs and give_away, safe_fixtable fixations, owner death, and
 * the type dispatch of object operations (hash.c / tree.c).
 * The registry is three maps under one rwlock: id -> table, name -> table,
 * pid -> the process's record (owned tables, fixed tables). Invariants and
 * the lock order are written in ets.h beside EtsTable. */
#include "ets.h"
#include "../proc/copy.h"
#include "../proc/message.h"
#include "../proc/sched.h"
#include "../term/atom.h"
#include "../term/binary.h"
#include "../term/ref.h"
#include "../bif/bif.h"
#include <stdlib.h>
#include <stdio.h>
#include <time.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "girder: out of memory (ets)\n");
        abort();
    }
    return p;
}

/* ---- objects ---- */

EtsObj *ets_obj_new(Term tuple)
{
    size_t w = copy_size(tuple);
    EtsObj *o = xmalloc(sizeof(EtsObj) + w * sizeof(Term));
    memset(&o->u, 0, sizeof o->u);
    o->off_heap = NULL;
    o->words = w;
    copy_term(tuple, o->mem, &o->off_heap);
    return o;
}

void ets_obj_free(EtsObj *o)
{
    if (o) {
        bin_offheap_release_list(o->off_heap);
        free(o);
    }
}

Term ets_copy_out(Process *p, Term t)
{
    if (is_immed(t))
        return t;
    size_t w = copy_size(t);
    Term *hp = proc_alloc(p, w);
    return copy_term(t, hp, &p->off_heap);
}

/* ---- a small open-addressing map from 64-bit keys to pointers ---- */

typedef struct { uint64_t key; void *val; } Slot;
typedef struct { Slot *slots; size_t cap, count; } Map;

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static size_t map_slot(const Map *m, uint64_t key)
{
    size_t i = mix(key) & (m->cap - 1);
    while (m->slots[i].val && m->slots[i].key != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void *map_get(const Map *m, uint64_t key)
{
    return m->cap ? m->slots[map_slot(m, key)].val : NULL;
}

static void map_put(Map *m, uint64_t key, void *val)
{
    if ((m->count + 1) * 2 > m->cap) {
        Slot *old = m->slots;
        size_t oc = m->cap;
        m->cap = oc ? oc * 2 : 64;
        m->slots = calloc(m->cap, sizeof(Slot));
        for (size_t i = 0; i < oc; i++)
            if (old[i].val)
                m->slots[map_slot(m, old[i].key)] = old[i];
        free(old);
    }
    size_t i = map_slot(m, key);
    if (!m->slots[i].val)
        m->count++;
    m->slots[i] = (Slot){ key, val };
}

static void map_del(Map *m, uint64_t key)
{
    if (!m->cap)
        return;
    size_t i = map_slot(m, key);
    if (!m->slots[i].val)
        return;
    m->slots[i].val = NULL;
    m->count--;
    /* backward-shift the cluster that follows */
    for (size_t j = (i + 1) & (m->cap - 1); m->slots[j].val; j = (j + 1) & (m->cap - 1)) {
        Slot e = m->slots[j];
        m->slots[j].val = NULL;
        m->slots[map_slot(m, e.key)] = e;
    }
}

static void free_heir_data(EtsTable *t);

/* ---- the registry ---- */

typedef struct ProcRec {
    EtsTable *owned;           /* linked through owned_next */
    uint64_t *fixed;           /* ids of tables this process has fixed */
    size_t nfixed, capfixed;
} ProcRec;

static pthread_rwlock_t reg_lock = PTHREAD_RWLOCK_INITIALIZER;
static Map by_id, by_name, by_pid;
static uint64_t next_id = 1;

static ProcRec *proc_rec(Term pid, bool create)
{
    ProcRec *r = map_get(&by_pid, pid);
    if (!r && create) {
        r = calloc(1, sizeof *r);
        map_put(&by_pid, pid, r);
    }
    return r;
}

static void proc_rec_maybe_free(Term pid, ProcRec *r)
{
    if (r && !r->owned && !r->nfixed) {
        map_del(&by_pid, pid);
        free(r->fixed);
        free(r);
    }
}

/* registry lock held */
static void owned_add(EtsTable *t)
{
    ProcRec *r = proc_rec(t->owner, true);
    t->owned_next = r->owned;
    r->owned = t;
}

/* registry lock held */
static void owned_remove(EtsTable *t)
{
    ProcRec *r = proc_rec(t->owner, false);
    if (!r)
        return;
    for (EtsTable **pp = &r->owned; *pp; pp = &(*pp)->owned_next)
        if (*pp == t) {
            *pp = t->owned_next;
            break;
        }
    t->owned_next = NULL;
    proc_rec_maybe_free(t->owner, r);
}

EtsTable *ets_table_create(Process *p, const EtsTable *proto, Term heir, Term heir_data)
{
    EtsTable *t = calloc(1, sizeof *t);
    pthread_rwlock_init(&t->lock, NULL);
    atomic_store(&t->refc, 1);
    t->name = proto->name;
    t->owner = p->id;
    t->type = proto->type;
    t->access = proto->access;
    t->keypos = proto->keypos;
    t->named = proto->named;
    t->wc = proto->wc;
    t->read_conc = proto->read_conc;
    t->decentralized = proto->decentralized;
    t->compressed = proto->compressed;
    if (ets_is_hash(t))
        ets_hash_init(t);
    ets_table_set_heir(t, p, heir, heir_data);
    pthread_rwlock_wrlock(&reg_lock);
    if (t->named && map_get(&by_name, t->name)) {
        pthread_rwlock_unlock(&reg_lock);
        free_heir_data(t);
        ets_free_all(t);
        pthread_rwlock_destroy(&t->lock);
        free(t);
        return NULL;
    }
    t->id = next_id++;
    atomic_fetch_add(&t->refc, 1);     /* the caller's */
    map_put(&by_id, t->id, t);
    if (t->named)
        map_put(&by_name, t->name, t);
    owned_add(t);
    pthread_rwlock_unlock(&reg_lock);
    return t;
}

static void table_release(EtsTable *t)
{
    if (atomic_fetch_sub(&t->refc, 1) == 1) {
        pthread_rwlock_destroy(&t->lock);
        free(t);
    }
}

void ets_table_unref(EtsTable *t) { table_release(t); }

/* ---- tids ----
 * A tid is a local ref whose third number carries a marker, so it can be
 * told from refs made by make_ref; the other numbers hold the table id. */
#define TID_MARK 0xE7500000u
#define TID_MARK_MASK 0xFFF00000u

Term ets_make_tid(Process *p, const EtsTable *t)
{
    uint64_t id = t->id;
    Term *hp = proc_alloc(p, REF_WORDS);
    hp[0] = REF_HEADER;
    hp[1] = (id & 0x3FFFF) | (((id >> 18) & 0xFFFFFFFFu) << 32);
    hp[2] = TID_MARK | (id >> 50);
    return make_boxed(hp);
}

static bool tid_id(Term t, uint64_t *id)
{
    if (!is_internal_ref(t) || header_arity(boxed_header(t)) != REF_WORDS - 1)
        return false;
    Term *r = boxed_val(t);
    if ((r[2] & TID_MARK_MASK) != TID_MARK)
        return false;
    *id = (r[1] & 0x3FFFF) | ((r[1] >> 32) << 18) | ((uint64_t)(r[2] & 0xFFFFF) << 50);
    return true;
}

bool ets_is_tid(Term t)
{
    uint64_t id;
    return tid_id(t, &id);
}

Term ets_table_term(Process *p, const EtsTable *t)
{
    return t->named ? t->name : ets_make_tid(p, t);
}

EtsTable *ets_table_get(Term id, bool write)
{
    EtsTable *t = NULL;
    uint64_t n;
    pthread_rwlock_rdlock(&reg_lock);
    if (is_atom(id))
        t = map_get(&by_name, id);
    else if (tid_id(id, &n))
        t = map_get(&by_id, n);
    if (t)
        atomic_fetch_add(&t->refc, 1);
    pthread_rwlock_unlock(&reg_lock);
    if (!t)
        return NULL;
    if (write)
        pthread_rwlock_wrlock(&t->lock);
    else
        pthread_rwlock_rdlock(&t->lock);
    if (t->deleted || (is_atom(id) && (!t->named || t->name != id))) {
        pthread_rwlock_unlock(&t->lock);
        table_release(t);
        return NULL;
    }
    return t;
}

void ets_table_put(EtsTable *t, bool write)
{
    (void)write;
    pthread_rwlock_unlock(&t->lock);
    table_release(t);
}

/* ---- fixations ---- */

static int64_t clock_ns(int clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* registry lock held */
static void fixed_list_add(Term pid, uint64_t id)
{
    ProcRec *r = proc_rec(pid, true);
    if (r->nfixed == r->capfixed) {
        r->capfixed = r->capfixed ? 2 * r->capfixed : 4;
        r->fixed = realloc(r->fixed, r->capfixed * sizeof(uint64_t));
    }
    r->fixed[r->nfixed++] = id;
}

/* registry lock held */
static void fixed_list_remove(Term pid, uint64_t id)
{
    ProcRec *r = proc_rec(pid, false);
    if (!r)
        return;
    for (size_t i = 0; i < r->nfixed; i++)
        if (r->fixed[i] == id) {
            r->fixed[i] = r->fixed[--r->nfixed];
            break;
        }
    proc_rec_maybe_free(pid, r);
}

void ets_fix(EtsTable *t, Term pid)
{
    t->fix_count++;
    for (EtsFix *f = t->fixes; f; f = f->next)
        if (f->pid == pid) {
            f->count++;
            return;
        }
    if (!t->fixes) {
        t->fix_mono_ns = clock_ns(CLOCK_MONOTONIC);
        t->fix_sys_ns = clock_ns(CLOCK_REALTIME);
    }
    EtsFix *f = xmalloc(sizeof *f);
    f->pid = pid;
    f->count = 1;
    f->next = t->fixes;
    t->fixes = f;
    pthread_rwlock_wrlock(&reg_lock);
    fixed_list_add(pid, t->id);
    pthread_rwlock_unlock(&reg_lock);
}

void ets_after_unfix(EtsTable *t)
{
    if (ets_is_hash(t))
        ets_hash_purge(t);
}

/* Drop `n` of pid's fixations (all of them if n < 0). */
static void unfix_n(EtsTable *t, Term pid, long n)
{
    for (EtsFix **pp = &t->fixes; *pp; pp = &(*pp)->next) {
        EtsFix *f = *pp;
        if (f->pid != pid)
            continue;
        if (n < 0 || n > f->count)
            n = f->count;
        f->count -= n;
        t->fix_count -= n;
        if (f->count == 0) {
            *pp = f->next;
            free(f);
            pthread_rwlock_wrlock(&reg_lock);
            fixed_list_remove(pid, t->id);
            pthread_rwlock_unlock(&reg_lock);
        }
        if (t->fix_count == 0)
            ets_after_unfix(t);
        return;
    }
}

void ets_unfix(EtsTable *t, Term pid)
{
    unfix_n(t, pid, 1);
}

/* ---- deletion, renaming, ownership ---- */

static void free_heir_data(EtsTable *t)
{
    ets_obj_free(t->heir_data);
    t->heir_data = NULL;
}

void ets_table_delete(EtsTable *t)
{
    pthread_rwlock_wrlock(&reg_lock);
    t->deleted = true;
    map_del(&by_id, t->id);
    if (t->named && map_get(&by_name, t->name) == t)
        map_del(&by_name, t->name);
    owned_remove(t);
    for (EtsFix *f = t->fixes; f; f = f->next)
        fixed_list_remove(f->pid, t->id);
    pthread_rwlock_unlock(&reg_lock);
    while (t->fixes) {
        EtsFix *f = t->fixes;
        t->fixes = f->next;
        free(f);
    }
    t->fix_count = 0;
    free_heir_data(t);
    t->heir = AM(none);
    ets_free_all(t);
    table_release(t);            /* the registry's reference */
}

bool ets_table_rename(EtsTable *t, Term new_name)
{
    pthread_rwlock_wrlock(&reg_lock);
    if (t->named) {
        if (map_get(&by_name, new_name)) {   /* taken, also by t itself */
            pthread_rwlock_unlock(&reg_lock);
            return false;
        }
        map_del(&by_name, t->name);
        map_put(&by_name, new_name, t);
    }
    t->name = new_name;
    pthread_rwlock_unlock(&reg_lock);
    return true;
}

/* {'ETS-TRANSFER', Tid|Name, From, Data} to `to` (built on from's heap). */
static void send_transfer(EtsTable *t, Process *from, Process *to, Term data)
{
    Term id = ets_table_term(from, t);
    Term *hp = proc_alloc(from, 5);
    hp[0] = make_arityval(4);
    hp[1] = AM(ETS_TRANSFER);
    hp[2] = id;
    hp[3] = from->id;
    hp[4] = data;
    msg_deliver(to, make_tuple(hp));
}

void ets_table_give_away(EtsTable *t, Process *from, Process *to, Term data)
{
    pthread_rwlock_wrlock(&reg_lock);
    owned_remove(t);
    t->owner = to->id;
    owned_add(t);
    pthread_rwlock_unlock(&reg_lock);
    send_transfer(t, from, to, data);
}

void ets_table_set_heir(EtsTable *t, Process *p, Term heir, Term data)
{
    free_heir_data(t);
    t->heir = heir;
    if (heir == AM(none))
        return;
    if (heir != p->id && !sched_lookup(heir)) {
        t->heir = AM(none);      /* a dead heir is no heir */
        return;
    }
    Term wrap[2] = { make_arityval(1), data };
    t->heir_data = ets_obj_new(make_tuple(wrap));
}

/* The owner p is exiting: hand t to its heir or delete it. t is
 * write-locked. */
static void owner_exited(EtsTable *t, Process *p)
{
    Process *heir = NULL;
    if (is_internal_pid(t->heir) && t->heir != p->id)
        heir = sched_lookup(t->heir);
    if (heir) {
        Term data = ets_copy_out(p, ets_obj_elem(t->heir_data, 1));
        ets_table_give_away(t, p, heir, data);
    } else {
        ets_table_delete(t);
    }
}

void ets_process_exited(Process *p)
{
    /* most processes own and fix nothing: check under the read lock */
    pthread_rwlock_rdlock(&reg_lock);
    bool any = map_get(&by_pid, p->id) != NULL;
    pthread_rwlock_unlock(&reg_lock);
    if (!any)
        return;
    pthread_rwlock_wrlock(&reg_lock);
    ProcRec *r = map_get(&by_pid, p->id);
    size_t nowned = 0, nfixed = 0;
    EtsTable **owned = NULL;
    uint64_t *fixed = NULL;
    if (r) {
        for (EtsTable *t = r->owned; t; t = t->owned_next)
            nowned++;
        owned = xmalloc((nowned + 1) * sizeof *owned);
        nowned = 0;
        for (EtsTable *t = r->owned; t; t = t->owned_next) {
            atomic_fetch_add(&t->refc, 1);
            owned[nowned++] = t;
        }
        nfixed = r->nfixed;
        fixed = xmalloc((nfixed + 1) * sizeof *fixed);
        if (nfixed)
            memcpy(fixed, r->fixed, nfixed * sizeof *fixed);
    }
    pthread_rwlock_unlock(&reg_lock);
    if (!r)
        return;
    /* tables in creation order (the list holds the newest first) */
    for (size_t i = nowned; i-- > 0;) {
        EtsTable *t = owned[i];
        pthread_rwlock_wrlock(&t->lock);
        if (!t->deleted && t->owner == p->id)
            owner_exited(t, p);
        pthread_rwlock_unlock(&t->lock);
        table_release(t);
    }
    for (size_t i = 0; i < nfixed; i++) {
        pthread_rwlock_rdlock(&reg_lock);
        EtsTable *t = map_get(&by_id, fixed[i]);
        if (t)
            atomic_fetch_add(&t->refc, 1);
        pthread_rwlock_unlock(&reg_lock);
        if (!t)
            continue;
        pthread_rwlock_wrlock(&t->lock);
        if (!t->deleted)
            unfix_n(t, p->id, -1);
        pthread_rwlock_unlock(&t->lock);
        table_release(t);
    }
    free(owned);
    free(fixed);
}

static int by_id_order(const void *a, const void *b)
{
    uint64_t x = (*(EtsTable *const *)a)->id, y = (*(EtsTable *const *)b)->id;
    return (x > y) - (x < y);
}

size_t ets_total_words(void)
{
    /* hold each table (refc) and leave the registry before locking it:
     * deletion takes the registry lock while it holds the table's */
    pthread_rwlock_rdlock(&reg_lock);
    size_t n = 0;
    EtsTable **v = xmalloc((by_id.count + 1) * sizeof *v);
    for (size_t i = 0; i < by_id.cap; i++)
        if (by_id.slots[i].val) {
            v[n] = by_id.slots[i].val;
            atomic_fetch_add(&v[n]->refc, 1);
            n++;
        }
    pthread_rwlock_unlock(&reg_lock);
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        pthread_rwlock_rdlock(&v[i]->lock);
        if (!v[i]->deleted)
            words += ets_memory_words(v[i]);
        pthread_rwlock_unlock(&v[i]->lock);
        table_release(v[i]);
    }
    free(v);
    return words;
}

size_t ets_memory_words(const EtsTable *t)
{
    /* approximately ERTS's accounting: table struct, buckets, and per
     * object a header plus its words */
    if (ets_is_hash(t))
        return 49 + t->u.hash.nslots + (t->wc != ETS_WC_FALSE ? 1056 : 0) + 4 * t->nitems + t->words;
    return 139 + 5 * t->nitems + t->words;
}

Term ets_all_tables(Process *p)
{
    pthread_rwlock_rdlock(&reg_lock);
    size_t n = 0;
    EtsTable **v = xmalloc((by_id.count + 1) * sizeof *v);
    for (size_t i = 0; i < by_id.cap; i++)
        if (by_id.slots[i].val)
            v[n++] = by_id.slots[i].val;
    Term list = NIL;
    /* the newest first: sort by id and build from the oldest */
    qsort(v, n, sizeof *v, by_id_order);
    for (size_t i = 0; i < n; i++) {
        Term id = ets_table_term(p, v[i]);
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, id, list);
    }
    pthread_rwlock_unlock(&reg_lock);
    free(v);
    return list;
}

/* ---- dispatch on the table kind ---- */

int ets_put(EtsTable *t, EtsObj *o, bool key_clash_fail)
{
    return ets_is_hash(t) ? ets_hash_put(t, o, key_clash_fail) : ets_tree_put(t, o, key_clash_fail);
}

bool ets_member(EtsTable *t, Term key)
{
    return ets_is_hash(t) ? ets_hash_member(t, key) : ets_tree_find(t, key) != NULL;
}

static Term list1(Process *p, Term x)
{
    Term *hp = proc_alloc(p, 2);
    return make_cons_at(hp, x, NIL);
}

Term ets_lookup(Process *p, EtsTable *t, Term key)
{
    if (ets_is_hash(t))
        return ets_hash_lookup(p, t, key);
    EtsObj *o = ets_tree_find(t, key);
    return o ? list1(p, ets_copy_out(p, ets_obj_term(o))) : NIL;
}

int ets_lookup_element(Process *p, EtsTable *t, Term key, UWord pos, Term *ret)
{
    if (ets_is_hash(t))
        return ets_hash_lookup_element(p, t, key, pos, ret);
    EtsObj *o = ets_tree_find(t, key);
    if (!o)
        return ETS_BADKEY;
    if (pos > ets_obj_arity(o))
        return ETS_BADITEM;
    *ret = ets_copy_out(p, ets_obj_elem(o, pos));
    return ETS_OK;
}

void ets_erase(EtsTable *t, Term key)
{
    if (ets_is_hash(t))
        ets_hash_erase(t, key);
    else
        ets_tree_erase(t, key);
}

void ets_erase_object(EtsTable *t, Term object)
{
    if (ets_is_hash(t))
        ets_hash_erase_object(t, object);
    else
        ets_tree_erase_object(t, object);
}

Term ets_take(Process *p, EtsTable *t, Term key)
{
    if (ets_is_hash(t))
        return ets_hash_take(p, t, key);
    EtsObj *o = ets_tree_find(t, key);
    if (!o)
        return NIL;
    Term r = list1(p, ets_copy_out(p, ets_obj_term(o)));
    ets_tree_erase(t, key);
    return r;
}

static Term eot(void) { return AM(end_of_table); }

Term ets_first(Process *p, EtsTable *t, bool last)
{
    if (ets_is_hash(t))
        return ets_hash_first(p, t);
    EtsObj *o = ets_tree_next(t, THE_NON_VALUE, last);
    return o ? ets_copy_out(p, ets_key_of(t, o)) : eot();
}

Term ets_next(Process *p, EtsTable *t, Term key, bool prev)
{
    if (ets_is_hash(t))
        return ets_hash_next(p, t, key);
    EtsObj *o = ets_tree_next(t, key, prev);
    return o ? ets_copy_out(p, ets_key_of(t, o)) : eot();
}

Term ets_slot(Process *p, EtsTable *t, Term slot)
{
    if (ets_is_hash(t))
        return ets_hash_slot(p, t, slot);
    if (!is_small(slot) || small_val(slot) < 0 || (size_t)small_val(slot) > t->nitems)
        return THE_NON_VALUE;
    if ((size_t)small_val(slot) == t->nitems)
        return eot();
    EtsObj *o = ets_tree_nth(t, (size_t)small_val(slot));
    return list1(p, ets_copy_out(p, ets_obj_term(o)));
}

void ets_delete_all(EtsTable *t)
{
    if (ets_is_hash(t))
        ets_hash_delete_all(t);
    else
        ets_tree_free_all(t);
}

void ets_free_all(EtsTable *t)
{
    if (ets_is_hash(t))
        ets_hash_free_all(t);
    else
        ets_tree_free_all(t);
    t->nitems = 0;
}

bool ets_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *h)
{
    return ets_is_hash(t) ? ets_hash_handle_find(t, key, dflt, h)
                          : ets_tree_handle_find(t, key, dflt, h);
}

void ets_handle_replace(EtsTable *t, EtsHandle *h, Term tuple)
{
    EtsObj *old = *h->where, *o = ets_obj_new(tuple);
    o->u = old->u;
    *h->where = o;
    h->obj = o;
    t->words += o->words;
    t->words -= old->words;
    ets_obj_free(old);
}

void ets_handle_done(EtsTable *t, EtsHandle *h, bool ok)
{
    if (ets_is_hash(t))
        ets_hash_handle_done(t, h, ok);
    else
        ets_tree_handle_done(t, h, ok);
}
