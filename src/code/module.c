/* module.c — the module table, the export table, fun entries, literal
 * areas and the code path (see module.h for the invariants). All tables are
 * changed under code_lock; Export.addr and FunEntry.addr are read without it
 * (atomic pointer stores publish a loaded module). */
#include "module.h"
#include "loader.h"
#include "../term/atom.h"
#include "../bif/bif.h"
#include "../term/ext.h"
#include "../term/binary.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <sys/stat.h>

static pthread_mutex_t code_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- generic open-addressing table of pointers keyed by a hash ---- */
typedef struct { void **slots; size_t cap, count; } PtrTable;

static void ptab_grow(PtrTable *t, UWord (*hash)(const void *))
{
    size_t ncap = t->cap ? t->cap * 2 : 1024;
    void **ns = calloc(ncap, sizeof(void *));
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i]) continue;
        size_t j = hash(t->slots[i]) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = ns;
    t->cap = ncap;
}

static UWord mix(UWord a, UWord b, UWord c)
{
    UWord h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full ^ c;
    return h ^ (h >> 31);
}

/* ---- exports ---- */
static PtrTable exports;
static UWord export_hash(const void *p) { const Export *e = p; return mix(e->module, e->function, e->arity); }

static Export *export_find_locked(Term m, Term f, uint32_t a)
{
    if (!exports.cap) return NULL;
    for (size_t i = mix(m, f, a) & (exports.cap - 1); exports.slots[i]; i = (i + 1) & (exports.cap - 1)) {
        Export *e = exports.slots[i];
        if (e->module == m && e->function == f && e->arity == a)
            return e;
    }
    return NULL;
}

Export *export_find(Term m, Term f, uint32_t a)
{
    pthread_mutex_lock(&code_lock);
    Export *e = export_find_locked(m, f, a);
    pthread_mutex_unlock(&code_lock);
    return e;
}

static Export *export_get_locked(Term m, Term f, uint32_t a)
{
    Export *e = export_find_locked(m, f, a);
    if (e)
        return e;
    if ((exports.count + 1) * 2 > exports.cap)
        ptab_grow(&exports, export_hash);
    e = calloc(1, sizeof *e);
    e->module = m;
    e->function = f;
    e->arity = a;
    const BifDef *d = bif_lookup(m, f, a);
    if (d) {
        e->bif = (void *)d->fn;
        e->bif_flags = d->flags;
    }
    size_t i = mix(m, f, a) & (exports.cap - 1);
    while (exports.slots[i]) i = (i + 1) & (exports.cap - 1);
    exports.slots[i] = e;
    exports.count++;
    return e;
}

Export *export_get(Term m, Term f, uint32_t a)
{
    pthread_mutex_lock(&code_lock);
    Export *e = export_get_locked(m, f, a);
    pthread_mutex_unlock(&code_lock);
    return e;
}

/* ---- fun entries ---- */
static PtrTable funs;
static UWord fun_hash(const void *p) { const FunEntry *f = p; return mix(f->module, f->index, f->old_uniq); }

FunEntry *fun_entry_get(Term module, uint32_t index, uint32_t old_uniq, const uint8_t md5[16],
                        uint32_t arity, uint32_t num_free)
{
    pthread_mutex_lock(&code_lock);
    FunEntry *found = NULL;
    if (funs.cap)
        for (size_t i = mix(module, index, old_uniq) & (funs.cap - 1); funs.slots[i]; i = (i + 1) & (funs.cap - 1)) {
            FunEntry *f = funs.slots[i];
            if (f->module == module && f->index == index && f->old_uniq == old_uniq) { found = f; break; }
        }
    if (!found) {
        if ((funs.count + 1) * 2 > funs.cap)
            ptab_grow(&funs, fun_hash);
        found = calloc(1, sizeof *found);
        found->module = module;
        found->function = NIL;
        found->index = index;
        found->old_uniq = old_uniq;
        found->arity = arity;
        found->num_free = num_free;
        if (md5)
            memcpy(found->md5, md5, 16);
        size_t i = mix(module, index, old_uniq) & (funs.cap - 1);
        while (funs.slots[i]) i = (i + 1) & (funs.cap - 1);
        funs.slots[i] = found;
        funs.count++;
    }
    pthread_mutex_unlock(&code_lock);
    return found;
}

/* ---- modules ---- */
static PtrTable modules;
static UWord module_hash(const void *p) { return mix(((const Module *)p)->name, 0, 0); }
/* all code ranges, for module_of_code: a simple array (few hundred modules) */
static Module **by_code;
static size_t by_code_n, by_code_cap;

Module *module_find(Term name)
{
    pthread_mutex_lock(&code_lock);
    Module *found = NULL;
    if (modules.cap)
        for (size_t i = mix(name, 0, 0) & (modules.cap - 1); modules.slots[i]; i = (i + 1) & (modules.cap - 1))
            if (((Module *)modules.slots[i])->name == name) { found = modules.slots[i]; break; }
    if (found && found->deleted)
        found = NULL;
    pthread_mutex_unlock(&code_lock);
    return found;
}

void module_install(Module *m)
{
    pthread_mutex_lock(&code_lock);
    Module **slot = NULL;
    if ((modules.count + 1) * 2 > modules.cap)
        ptab_grow(&modules, module_hash);
    for (size_t i = mix(m->name, 0, 0) & (modules.cap - 1); ; i = (i + 1) & (modules.cap - 1)) {
        if (!modules.slots[i]) { slot = (Module **)&modules.slots[i]; modules.count++; break; }
        if (((Module *)modules.slots[i])->name == m->name) { slot = (Module **)&modules.slots[i]; break; }
    }
    m->old = (*slot && !(*slot)->purged) ? *slot : NULL;
    *slot = m;
    if (by_code_n == by_code_cap) {
        by_code_cap = by_code_cap ? by_code_cap * 2 : 256;
        by_code = realloc(by_code, by_code_cap * sizeof(Module *));
    }
    by_code[by_code_n++] = m;
    for (uint32_t i = 0; i < m->fun_count; i++)
        atomic_store(&m->funs[i]->addr, m->fun_addrs[i]);
    /* old exports that the new version lacks become undefined */
    if (m->old)
        for (uint32_t i = 0; i < m->old->export_count; i++)
            atomic_store(&m->old->exports[i]->addr, NULL);
    /* with an on_load function, exports stay hidden until it returned ok */
    m->on_load_pending = m->on_load != NULL;
    if (!m->on_load_pending)
        for (uint32_t i = 0; i < m->export_count; i++)
            atomic_store(&m->exports[i]->addr, m->export_addrs[i]);
    pthread_mutex_unlock(&code_lock);
}

void module_on_load_done(Module *m, bool ok)
{
    pthread_mutex_lock(&code_lock);
    m->on_load_pending = false;
    if (ok) {
        for (uint32_t i = 0; i < m->export_count; i++)
            atomic_store(&m->exports[i]->addr, m->export_addrs[i]);
    } else {
        m->deleted = true;
        m->purged = true;
    }
    pthread_mutex_unlock(&code_lock);
}

Module *module_of_code(const BeamInstr *pc)
{
    pthread_mutex_lock(&code_lock);
    Module *found = NULL;
    for (size_t i = 0; i < by_code_n; i++) {
        Module *m = by_code[i];
        if (pc >= m->code && pc <= m->code + m->code_words) { found = m; break; }
    }
    pthread_mutex_unlock(&code_lock);
    return found;
}

const FuncRange *module_func_of(const Module *m, const BeamInstr *pc)
{
    size_t lo = 0, hi = m->func_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->funcs[mid].end <= pc) lo = mid + 1;
        else hi = mid;
    }
    if (lo < m->func_count && pc >= m->funcs[lo].start)
        return &m->funcs[lo];
    return NULL;
}

bool module_line_of(const Module *m, const BeamInstr *pc, Term *file, uint32_t *line)
{
    /* the last line entry at or before pc, within pc's function */
    size_t lo = 0, hi = m->line_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->lines[mid].addr <= pc) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0)
        return false;
    const LineEntry *e = &m->lines[lo - 1];
    const FuncRange *f = module_func_of(m, pc);
    if (f && e->addr < f->start)
        return false;
    if (e->file >= m->file_count)
        return false;
    *file = m->files[e->file];
    *line = e->line;
    return true;
}

Term *literal_alloc(LiteralArea **area, size_t words)
{
    LiteralArea *a = *area;
    if (!a || a->size - a->used < words) {
        size_t size = words > 4096 ? words : 4096;
        a = calloc(1, sizeof(LiteralArea) + size * sizeof(Term));
        a->size = size;
        a->next = *area;
        *area = a;
    }
    Term *hp = a->mem + a->used;
    a->used += words;
    return hp;
}

void module_free(Module *m)
{
    if (!m)
        return;
    free(m->code);
    free(m->path);
    free(m->strings);
    free(m->funcs);
    free(m->lines);
    free(m->files);
    free(m->exports);
    free(m->funs);
    free(m->export_addrs);
    free(m->fun_addrs);
    for (uint32_t i = 0; i < m->ext_literal_count; i++) {
        ExtLiteral *el = &m->ext_literals[i];
        for (OffHeapHeader *oh = el->off_heap; oh;) {
            OffHeapHeader *next = oh->next;
            bin_offheap_release(oh);
            oh = next;
        }
        el->off_heap = NULL;
        ext_literal_free(el);
    }
    free(m->ext_literals);
    for (LiteralArea *a = m->literals; a;) {
        LiteralArea *n = a->next;
        free(a);
        a = n;
    }
    free(m);
}


/* ---- code path ---- */
/* paths/npaths: read under path_lock (read), replaced under it (write):
 * the code server sets the path while other schedulers load modules. */
static char **paths;
static size_t npaths;
static pthread_rwlock_t path_lock = PTHREAD_RWLOCK_INITIALIZER;

size_t code_path_get(char ***dirs)
{
    pthread_rwlock_rdlock(&path_lock);
    size_t n = npaths;
    char **copy = calloc(n + 1, sizeof(char *));
    for (size_t i = 0; i < n; i++)
        copy[i] = strdup(paths[i]);
    pthread_rwlock_unlock(&path_lock);
    *dirs = copy;
    return n;
}

void code_path_free(char **dirs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
}

void code_path_set(const char *const *dirs, size_t n)
{
    char **fresh = calloc(n + 1, sizeof(char *));
    for (size_t i = 0; i < n; i++)
        fresh[i] = strdup(dirs[i]);
    pthread_rwlock_wrlock(&path_lock);
    char **old = paths;
    size_t oldn = npaths;
    paths = fresh;
    npaths = n;
    pthread_rwlock_unlock(&path_lock);
    code_path_free(old, oldn);
}

char *code_find_file(Term name)
{
    char *found = NULL;
    pthread_rwlock_rdlock(&path_lock);
    for (size_t i = 0; !found && i < npaths; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.beam", paths[i], atom_text(name));
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            found = strdup(path);
    }
    pthread_rwlock_unlock(&path_lock);
    return found;
}

/* Find the slot of a module in the table (NULL if absent); code_lock held. */
static Module **module_slot(Term name)
{
    if (!modules.cap)
        return NULL;
    for (size_t i = mix(name, 0, 0) & (modules.cap - 1); modules.slots[i]; i = (i + 1) & (modules.cap - 1))
        if (((Module *)modules.slots[i])->name == name)
            return (Module **)&modules.slots[i];
    return NULL;
}

bool code_delete_module(Term name)
{
    pthread_mutex_lock(&code_lock);
    Module **slot = module_slot(name);
    Module *m = slot ? *slot : NULL;
    bool ok = m && !m->deleted && !m->old;
    if (ok) {
        for (uint32_t i = 0; i < m->export_count; i++)
            atomic_store(&m->exports[i]->addr, NULL);
        m->deleted = true;
    }
    pthread_mutex_unlock(&code_lock);
    return ok;
}

bool code_has_old(Term name)
{
    pthread_mutex_lock(&code_lock);
    Module **slot = module_slot(name);
    bool old = slot && ((*slot)->old || (*slot)->deleted);
    pthread_mutex_unlock(&code_lock);
    return old;
}

bool code_purge_module(Term name)
{
    /* Old code stays mapped (processes may still run in it; without a
     * check of every process's stack it cannot be freed safely), but it is
     * no longer reachable through the module table. */
    pthread_mutex_lock(&code_lock);
    Module **slot = module_slot(name);
    bool had = false;
    if (slot && (*slot)->deleted) {
        had = true;
        /* a deleted module leaves the table entirely */
        (*slot)->purged = true;
    } else if (slot && (*slot)->old) {
        had = true;
        (*slot)->old = NULL;
    }
    pthread_mutex_unlock(&code_lock);
    return had;
}

size_t code_loaded_modules(Module ***out)
{
    pthread_mutex_lock(&code_lock);
    Module **arr = calloc(modules.count + 1, sizeof(Module *));
    size_t n = 0;
    for (size_t i = 0; i < modules.cap; i++) {
        Module *m = modules.slots[i];
        if (m && !m->deleted)
            arr[n++] = m;
    }
    pthread_mutex_unlock(&code_lock);
    *out = arr;
    return n;
}

void code_path_add(const char *dir, bool at_end)
{
    pthread_rwlock_wrlock(&path_lock);
    paths = realloc(paths, (npaths + 1) * sizeof(char *));
    if (at_end) {
        paths[npaths++] = strdup(dir);
    } else {
        memmove(paths + 1, paths, npaths * sizeof(char *));
        paths[0] = strdup(dir);
        npaths++;
    }
    pthread_rwlock_unlock(&path_lock);
}

Module *code_load_binary(Term expected, const char *path, uint8_t *data, size_t size, char *err, size_t errlen)
{
    BeamFile bf;
    if (!beamfile_parse(&bf, path, data, size)) {
        snprintf(err, errlen, "%s: %s", path, bf.error);
        beamfile_free(&bf);
        return NULL;
    }
    if (is_atom(expected) && bf.module != expected) {
        snprintf(err, errlen, "%s: module name in file is '%s', expected '%s'", path,
                 atom_text(bf.module), atom_text(expected));
        beamfile_free(&bf);
        return NULL;
    }
    Module *m = ld_load(&bf, err, errlen);
    beamfile_free(&bf);
    return m;
}

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

Module *code_ensure_loaded(Term name, char *err, size_t errlen)
{
    Module *m = module_find(name);
    if (m)
        return m;
    pthread_mutex_lock(&load_lock);
    m = module_find(name);
    snprintf(err, errlen, "module %s not found in the code path", atom_text(name));
    pthread_rwlock_rdlock(&path_lock);
    for (size_t i = 0; !m && i < npaths; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.beam", paths[i], atom_text(name));
        size_t size;
        uint8_t *data = beamfile_read_all(path, &size);
        if (!data)
            continue;
        m = code_load_binary(name, path, data, size, err, errlen);
        if (!m)
            break;
        m->path = strdup(path);
        module_install(m);
    }
    pthread_rwlock_unlock(&path_lock);
    pthread_mutex_unlock(&load_lock);
    return m;
}

bool code_check_file(const char *path, char *err, size_t errlen)
{
    size_t size;
    uint8_t *data = beamfile_read_all(path, &size);
    if (!data) {
        snprintf(err, errlen, "%s: cannot read", path);
        return false;
    }
    Module *m = code_load_binary(NIL, path, data, size, err, errlen);
    module_free(m);
    return m != NULL;
}
