/* ets.h — ETS tables: the shared internals of src/ets/ and src/bif/ets*.c.
 * Owns the object, table and registry types, and the invariants of table
 * memory and locking (written beside each struct). table.c owns the
 * registry and ownership, hash.c set/bag/duplicate_bag, tree.c
 * ordered_set, matchspec.c/msrun.c match specifications.
 *
 * Known differences from erl (OTP 25):
 *  - Order of set/bag tables: erl's exactly for keys made of numbers,
 *    atoms (hashed by their text, as ERTS), binaries, lists and tuples of
 *    those; compound keys holding atoms, pids, refs or funs hash by machine
 *    words in ERTS and iterate in another order here.
 *  - ets:insert(T, List) on a set/duplicate_bag: erl inserts in order when
 *    its reductions left cover the list, else in reverse (observable only
 *    through duplicate keys and chain order); girder decides on twice its
 *    own reductions left, so long lists may differ.
 *  - select_delete on big tables with decentralized counters shrinks on a
 *    random lock's estimate in erl, on lock 0's here.
 *  - Continuations hold the match spec itself where erl holds a compiled
 *    ref (ets:repair_continuation handles both); match_spec_compile/1
 *    refs keep their program for the life of the VM (shared by equal specs).
 *  - info(T, memory) is an estimate; info items stats/binary/data are not
 *    supported (badarg); compressed is accepted but stores uncompressed.
 *  - BIFs do not yield: a select over a huge table runs to its end (and is
 *    charged one reduction per object, so the process yields after it). */
#ifndef GIRDER_ETS_H
#define GIRDER_ETS_H

#include "../proc/process.h"
#include <pthread.h>
#include <stdatomic.h>

/* ---- objects ----
 * An object is a private copy of a tuple, made with copy_term into mem[]:
 * the tuple itself is mem[0], so ets_obj_term(o) == make_tuple(o->mem).
 * Refc binaries inside the copy hold one reference each and are linked on
 * o->off_heap; ets_obj_free releases them. Nothing outside the table ever
 * points into mem[]: every term handed to a process is copied out. */
typedef struct EtsObj {
    union {
        struct {                       /* hash tables (hash.c) */
            struct EtsObj *next;       /* bucket chain */
            uint32_t hvalue;           /* ERTS's MAKE_HASH of the key */
            uint32_t pseudo_deleted;   /* deleted while the table is fixed */
        } h;
        struct {                       /* ordered_set (tree.c): AVL node */
            struct EtsObj *link[2];    /* left, right */
            int height;                /* of the subtree rooted here */
        } t;
    } u;
    OffHeapHeader *off_heap;
    size_t words;                      /* heap words in mem[] */
    Term mem[];
} EtsObj;

static inline Term ets_obj_term(const EtsObj *o) { return make_tuple((Term *)o->mem); }
static inline Term ets_obj_elem(const EtsObj *o, UWord i) { return o->mem[i]; }
static inline UWord ets_obj_arity(const EtsObj *o) { return header_arity(o->mem[0]); }

/* Copy tuple into a new object (malloc). */
EtsObj *ets_obj_new(Term tuple);
void ets_obj_free(EtsObj *o);
/* Copy the object (or any term held by the table) onto p's heap. */
Term ets_copy_out(Process *p, Term t);

/* ---- table kinds ---- */
enum { ETS_SET, ETS_BAG, ETS_DUPLICATE_BAG, ETS_ORDERED_SET };
enum { ETS_PUBLIC, ETS_PROTECTED, ETS_PRIVATE };
enum { ETS_WC_FALSE, ETS_WC_TRUE, ETS_WC_AUTO };

/* ---- the hash table (ERTS's erl_db_hash.c layout, see hash.c) ---- */
#define ETS_HASH_NLOCK_CTRS 64
typedef struct EtsHash {
    EtsObj **buckets;          /* nslots entries; [0, nactive) in use */
    uint32_t nslots, nactive;
    uint32_t szm;              /* size mask: next power of two above nactive, minus 1 */
    uint32_t nlocks;           /* ERTS's lock count: the iteration stride */
    uint32_t shrink_limit;
    bool decentralized;        /* per-lock item counters (grow/shrink estimates) */
    bool has_pseudo;           /* some object is pseudo-deleted */
    int64_t lock_items[ETS_HASH_NLOCK_CTRS];
} EtsHash;

/* ---- ordered_set ---- */
typedef struct EtsTree {
    EtsObj *root;
} EtsTree;

/* A process holding a safe_fixtable fixation. */
typedef struct EtsFix {
    struct EtsFix *next;
    Term pid;
    long count;
} EtsFix;

/* ---- tables ----
 * Locking: `lock` guards everything below it except refc; the registry lock
 * (table.c) guards the registry maps, `name`/`named` changes and ownership
 * (owner and the per-owner lists). Lock order: registry, then a table.
 * Lifetime: refc counts the registry's reference (dropped at deletion) and
 * every BIF holding the table; the struct is freed when it reaches zero.
 * `deleted` is set (under the write lock) before the objects are freed, so
 * a holder that locks the table afterwards sees an empty, deleted table. */
typedef struct EtsTable {
    pthread_rwlock_t lock;
    _Atomic long refc;
    uint64_t id;               /* unique, never reused; encoded in the tid */
    Term name;                 /* atom */
    Term owner;                /* pid */
    Term heir;                 /* pid or AM(none) */
    EtsObj *heir_data;         /* {HeirData} when heir is a pid */
    uint8_t type, access, wc;
    bool named, compressed, read_conc, decentralized, deleted;
    uint32_t keypos;
    size_t nitems;             /* live objects */
    size_t words;              /* heap words held by objects */
    /* safe_fixtable */
    EtsFix *fixes;
    long fix_count;
    int64_t fix_mono_ns;       /* monotonic time of the first fixation */
    int64_t fix_sys_ns;        /* system time of the first fixation */
    /* the owner's list of owned tables (registry lock) */
    struct EtsTable *owned_next;
    union { EtsHash hash; EtsTree tree; } u;
} EtsTable;

static inline bool ets_is_hash(const EtsTable *t) { return t->type != ETS_ORDERED_SET; }
static inline bool ets_is_fixed(const EtsTable *t) { return t->fix_count > 0; }
static inline Term ets_key_of(const EtsTable *t, const EtsObj *o) { return o->mem[t->keypos]; }

/* ---- registry and ownership (table.c) ---- */
/* Create a table owned by p from the settings in proto (name, type,
 * access, keypos, named, wc, read_conc, decentralized, compressed), set
 * its heir, and register it. NULL if named and the name is taken. The
 * caller holds a reference (not a lock) and drops it with ets_table_unref. */
EtsTable *ets_table_create(Process *p, const EtsTable *proto, Term heir, Term heir_data);
void ets_table_unref(EtsTable *t);
/* Find a table by tid or name, lock it (write or read) and take a
 * reference. Returns NULL if there is no such table. Does not check
 * access rights (ets_may_read/ets_may_write). */
EtsTable *ets_table_get(Term id, bool write);
void ets_table_put(EtsTable *t, bool write);     /* unlock + release */
static inline bool ets_may_read(const EtsTable *t, const Process *p)
{ return t->access != ETS_PRIVATE || t->owner == p->id; }
static inline bool ets_may_write(const EtsTable *t, const Process *p)
{ return t->access == ETS_PUBLIC || t->owner == p->id; }
/* Whether t has the form of a tid (a table id, live or deleted). */
bool ets_is_tid(Term t);
/* The tid term of t (a reference). */
Term ets_make_tid(Process *p, const EtsTable *t);
/* The name for named tables, else the tid (what ets:all/0 lists). */
Term ets_table_term(Process *p, const EtsTable *t);
/* Delete t (write-locked and referenced by the caller, who still calls
 * ets_table_put afterwards). */
void ets_table_delete(EtsTable *t);
bool ets_table_rename(EtsTable *t, Term new_name);
/* Hand t (write-locked) to a new owner and send 'ETS-TRANSFER'. */
void ets_table_give_away(EtsTable *t, Process *from, Process *to, Term data);
void ets_table_set_heir(EtsTable *t, Process *p, Term heir, Term data);
/* All tables, as ets:all/0 lists them (built on p's heap). */
Term ets_all_tables(Process *p);
/* ets:info(T, memory), and the sum over every table (erlang:memory(ets)). */
size_t ets_memory_words(const EtsTable *t);
size_t ets_total_words(void);
/* safe_fixtable(T, true/false) by p (t write-locked). */
void ets_fix(EtsTable *t, Term pid);
void ets_unfix(EtsTable *t, Term pid);
/* Owner or fixer death (the hook in sched.c's sched_exit). */
void ets_process_exited(Process *p);

/* ---- operations common to both table kinds (table.c dispatches) ---- */
enum { ETS_OK = 0, ETS_BADKEY, ETS_BADITEM };
/* Insert o (consumed). key_clash_fail: insert_new's semantics. Returns
 * ETS_OK or ETS_BADKEY (key exists, o freed). */
int ets_put(EtsTable *t, EtsObj *o, bool key_clash_fail);
bool ets_member(EtsTable *t, Term key);
Term ets_lookup(Process *p, EtsTable *t, Term key);
int ets_lookup_element(Process *p, EtsTable *t, Term key, UWord pos, Term *ret);
void ets_erase(EtsTable *t, Term key);
void ets_erase_object(EtsTable *t, Term object);
Term ets_take(Process *p, EtsTable *t, Term key);
Term ets_first(Process *p, EtsTable *t, bool last);
/* next/prev key; THE_NON_VALUE if a hash table does not hold key (badarg). */
Term ets_next(Process *p, EtsTable *t, Term key, bool prev);
/* ets:slot/2; THE_NON_VALUE for a bad slot (badarg). */
Term ets_slot(Process *p, EtsTable *t, Term slot);
void ets_delete_all(EtsTable *t);
/* Free every object (table deletion). */
void ets_free_all(EtsTable *t);
void ets_after_unfix(EtsTable *t);

/* An object found for update (update_counter/update_element). `where` is
 * the link that points at it; the object may be replaced through
 * ets_handle_replace. */
typedef struct EtsHandle {
    EtsObj **where;
    EtsObj *obj;
    bool is_new;               /* inserted from a default object */
    bool reused;               /* ... into a pseudo-deleted object's place */
} EtsHandle;
/* Find key's object in a set/ordered_set. If absent and dflt is a tuple,
 * insert a copy of dflt with key at keypos. */
bool ets_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *h);
/* Replace h's object by a new one built from tuple (same key). */
void ets_handle_replace(EtsTable *t, EtsHandle *h, Term tuple);
/* Finish: on failure a newly inserted default object is removed. */
void ets_handle_done(EtsTable *t, EtsHandle *h, bool ok);

/* ---- hash.c ---- */
void ets_hash_init(EtsTable *t);
int ets_hash_put(EtsTable *t, EtsObj *o, bool key_clash_fail);
bool ets_hash_member(EtsTable *t, Term key);
Term ets_hash_lookup(Process *p, EtsTable *t, Term key);
int ets_hash_lookup_element(Process *p, EtsTable *t, Term key, UWord pos, Term *ret);
void ets_hash_erase(EtsTable *t, Term key);
void ets_hash_erase_object(EtsTable *t, Term object);
Term ets_hash_take(Process *p, EtsTable *t, Term key);
Term ets_hash_first(Process *p, EtsTable *t);
Term ets_hash_next(Process *p, EtsTable *t, Term key);
Term ets_hash_slot(Process *p, EtsTable *t, Term slot);
void ets_hash_delete_all(EtsTable *t);
void ets_hash_free_all(EtsTable *t);
void ets_hash_purge(EtsTable *t);
bool ets_hash_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *h);
void ets_hash_handle_done(EtsTable *t, EtsHandle *h, bool ok);
uint32_t ets_hash_value(Term key);

/* ---- tree.c ---- */
int ets_tree_put(EtsTable *t, EtsObj *o, bool key_clash_fail);
EtsObj *ets_tree_find(EtsTable *t, Term key);
void ets_tree_erase(EtsTable *t, Term key);
void ets_tree_erase_object(EtsTable *t, Term object);
/* The object with the least key > key (or < key when prev); NULL if none.
 * key THE_NON_VALUE: the first (last) object. */
EtsObj *ets_tree_next(EtsTable *t, Term key, bool prev);
EtsObj *ets_tree_nth(EtsTable *t, size_t n);
void ets_tree_free_all(EtsTable *t);
bool ets_tree_handle_find(EtsTable *t, Term key, Term dflt, EtsHandle *h);
void ets_tree_handle_done(EtsTable *t, EtsHandle *h, bool ok);
/* Replace the object `old` (found by key) with `o`, keeping its place. */
void ets_tree_replace(EtsTable *t, EtsObj *old, EtsObj *o);

/* ---- match specifications (matchspec.c, msrun.c) ---- */
typedef struct EtsMs EtsMs;
/* Compile a match specification (table dialect). NULL if it is invalid;
 * *sys_limit is set when the reason is system_limit (excessive nesting). */
EtsMs *ets_ms_compile(Term ms, bool *sys_limit);
void ets_ms_free(EtsMs *ms);
/* Lint: the {error|warning, String} list of erlang:match_spec_test/3. */
Term ets_ms_lint(Process *p, Term ms, bool *failed);
/* Run ms against obj. Returns the result copied onto p's heap, or
 * THE_NON_VALUE if no clause matches. */
Term ets_ms_run(EtsMs *ms, Process *p, Term obj);
/* Run without copying the result out: the result is valid until the next
 * run on this thread (used to test for `true` or to build objects). */
Term ets_ms_run_tmp(EtsMs *ms, Process *p, Term obj);
/* match_spec_compile/1: compile src and return a ref naming the compiled
 * spec (THE_NON_VALUE if src is invalid). */
Term ets_ms_compile_ref(Process *p, Term src, bool *sys_limit);
/* The spec a ref from ets_ms_compile_ref names, or NULL (is_compiled_ms). */
EtsMs *ets_ms_from_ref(Term ref);
/* A compiled ms for a continuation's ms slot: a compiled-ms ref, or a raw
 * match spec (compiled and cached). NULL if invalid. Not to be freed. */
EtsMs *ets_ms_resolve(Term ms_or_ref);
/* Static check for select_replace: every clause keeps the key. */
bool ets_ms_keeps_key(Term ms, uint32_t keypos);
/* Key analysis of a match spec's heads. */
bool ets_is_variable(Term t);     /* '$N' */
bool ets_has_variable(Term t);    /* contains '$N' or '_' */
bool ets_has_map(Term t);

/* ---- select traversals (hash.c, tree.c) ---- */
enum { ETS_SEL_LIST, ETS_SEL_COUNT, ETS_SEL_DELETE, ETS_SEL_REPLACE };
typedef struct EtsSelect {
    Process *p;
    EtsTable *t;
    Term tid;                  /* the table argument (tid or name) */
    Term ms_term;              /* the match spec as given */
    EtsMs *ms;
    int mode;                  /* ETS_SEL_* */
    long chunk;                /* 0: all at once */
    bool reverse;
    bool safe;                 /* ERTS ITER_SAFE: no fixation if it would trap */
    long visited;              /* out: objects examined (reductions) */
} EtsSelect;
/* ets:select/2,3, select_reverse/2,3 (LIST), select_count, select_delete,
 * select_replace. THE_NON_VALUE means badarg. */
Term ets_hash_select(EtsSelect *s);
Term ets_tree_select(EtsSelect *s);
/* ets:select/1 on a continuation (cont is a tuple whose element 1 is t's
 * id). THE_NON_VALUE means badarg. */
Term ets_hash_select_continue(EtsSelect *s, Term cont);
Term ets_tree_select_continue(EtsSelect *s, Term cont);

#endif
