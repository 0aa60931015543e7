/* code.c — BIFs for code loading: erlang's loading primitives
 * (prepare_loading/finish_loading, delete_module, purge, check_old_code)
 * and the girder-private calls lib/girder_code.erl (the code server of the
 * fast boot) uses to reach the C loader and the code path. */
#include "bif.h"
#include "../term/atom.h"
#include "../term/binary.h"
#include "../code/module.h"
#include "../code/beamfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include "../term/ref.h"

static Term error_tuple(Process *p, const char *what)
{
    return bif_tuple2(p, AM(error), atom_from_cstr(what));
}

/* girder:code_path() -> [Dir] */
static Term bif_code_path(Process *p, Term *a)
{
    (void)a;
    char **dirs;
    size_t n = code_path_get(&dirs);
    Term list = NIL;
    for (size_t i = n; i-- > 0;) {
        Term s = bif_charlist(p, dirs[i]);
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, s, list);
    }
    code_path_free(dirs, n);
    return list;
}
BIF_DEF("girder", "code_path", 0, bif_code_path)

/* girder:set_code_path([Dir]) -> true */
static Term bif_set_code_path(Process *p, Term *a)
{
    size_t n = 0;
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l))) n++;
    char **dirs = calloc(n + 1, sizeof(char *));
    size_t i = 0;
    bool ok = true;
    for (Term l = a[0]; is_list(l); l = CDR(list_val(l)))
        if (!(dirs[i++] = bif_cstring(CAR(list_val(l))))) ok = false;
    if (ok) code_path_set((const char *const *)dirs, n);
    for (size_t k = 0; k < n; k++) free(dirs[k]);
    free(dirs);
    if (!ok) BIF_BADARG(p);
    return AM(true);
}
BIF_DEF("girder", "set_code_path", 1, bif_set_code_path)

/* girder:ensure_loaded(Mod) -> {module, Mod} | {error, nofile | badfile} */
static Term bif_ensure_loaded(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    char err[1024];
    if (code_ensure_loaded(a[0], err, sizeof err))
        return bif_tuple2(p, AM(module), a[0]);
    return error_tuple(p, strstr(err, "not found") ? "nofile" : "badfile");
}
BIF_DEF("girder", "ensure_loaded", 1, bif_ensure_loaded)

/* girder:find_file(Mod) -> Path | nofile */
static Term bif_find_file(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    char *path = code_find_file(a[0]);
    if (!path) return AM(nofile);
    Term r = bif_charlist(p, path);
    free(path);
    return r;
}
BIF_DEF("girder", "find_file", 1, bif_find_file)

/* girder:module_file(Mod) -> Path | loaded_from_binary | false */
static Term bif_module_file(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    Module *m = module_find(a[0]);
    if (!m) return AM(false);
    if (!m->path) return atom_from_cstr("loaded_from_binary");
    return bif_charlist(p, m->path);
}
BIF_DEF("girder", "module_file", 1, bif_module_file)

/* girder:read_file(Path) -> {ok, Binary} | {error, enoent} */
static Term bif_read_file(Process *p, Term *a)
{
    char *path = bif_cstring(a[0]);
    if (!path) BIF_BADARG(p);
    size_t size;
    uint8_t *data = beamfile_read_all(path, &size);
    free(path);
    if (!data) return error_tuple(p, "enoent");
    Term bin = bin_new(p, data, size);
    free(data);
    return bif_tuple2(p, AM(ok), bin);
}
BIF_DEF("girder", "read_file", 1, bif_read_file)

/* girder:loaded() -> [Mod] */
static Term bif_loaded_modules(Process *p, Term *a)
{
    (void)a;
    Module **mods;
    size_t n = code_loaded_modules(&mods);
    Term list = NIL;
    for (size_t i = 0; i < n; i++) {
        Term *hp = proc_alloc(p, 2);
        list = make_cons_at(hp, mods[i]->name, list);
    }
    free(mods);
    return list;
}
BIF_DEF("girder", "loaded", 0, bif_loaded_modules)

/* Load a module from an in-memory image; NULL with a reason atom. */
static Module *load_image(Term mod, Term bin, const char **reason)
{
    size_t n;
    uint8_t *tmp = NULL;
    const uint8_t *b = bin_bytes(bin, &n, &tmp);
    if (!b) { *reason = "badarg"; return NULL; }
    uint8_t *copy = malloc(n ? n : 1);
    memcpy(copy, b, n);
    free(tmp);
    char err[1024];
    Module *m = code_load_binary(mod, "binary", copy, n, err, sizeof err);
    if (!m) *reason = "badfile";
    return m;
}

/* Prepared code (erts_internal:prepare_loading) waits here, keyed by the
 * reference handed to Erlang, until erlang:finish_loading installs it.
 * ERTS frees prepared code that is never finished when its magic
 * reference dies; girder keeps it until the end of the run (a reference
 * cannot carry a destructor here yet). */
typedef struct Prepared { struct Prepared *next; Term ref[REF_WORDS]; Module *m; } Prepared;
static Prepared *prepared;
static pthread_mutex_t prep_lock = PTHREAD_MUTEX_INITIALIZER;

static Module *take_prepared(Term ref)
{
    Module *m = NULL;
    pthread_mutex_lock(&prep_lock);
    for (Prepared **pp = &prepared; *pp; pp = &(*pp)->next)
        if (memcmp((*pp)->ref, boxed_val(ref), sizeof (*pp)->ref) == 0) {
            Prepared *e = *pp;
            *pp = e->next;
            m = e->m;
            free(e);
            break;
        }
    pthread_mutex_unlock(&prep_lock);
    return m;
}

static Term bif_prepare_loading(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !is_bitstring(a[1])) BIF_BADARG(p);
    const char *reason;
    Module *m = load_image(a[0], a[1], &reason);
    if (!m) return error_tuple(p, reason);
    Term ref = ref_make(p);
    Prepared *e = malloc(sizeof *e);
    memcpy(e->ref, boxed_val(ref), sizeof e->ref);
    e->m = m;
    pthread_mutex_lock(&prep_lock);
    e->next = prepared;
    prepared = e;
    pthread_mutex_unlock(&prep_lock);
    return ref;
}
BIF_DEF("erts_internal", "prepare_loading", 2, bif_prepare_loading)

static Term bif_has_prepared_code_on_load(Process *p, Term *a)
{
    if (!is_internal_ref(a[0])) BIF_BADARG(p);
    return AM(false);
}
BIF_DEF("erlang", "has_prepared_code_on_load", 1, bif_has_prepared_code_on_load)

/* erlang:finish_loading([Prepared]) -> ok | {Reason, [Mod]} */
static Term bif_finish_loading(Process *p, Term *a)
{
    Term l = a[0];
    for (; is_list(l); l = CDR(list_val(l)))
        if (!is_internal_ref(CAR(list_val(l)))) BIF_BADARG(p);
    if (!is_nil(l)) BIF_BADARG(p);
    for (l = a[0]; is_list(l); l = CDR(list_val(l))) {
        Module *m = take_prepared(CAR(list_val(l)));
        if (!m) BIF_BADARG(p);
        if (code_has_old(m->name)) {
            Term *hp = proc_alloc(p, 2);
            Term r = bif_tuple2(p, atom_from_cstr("not_purged"), make_cons_at(hp, m->name, NIL));
            module_free(m);
            return r;
        }
        module_install(m);
    }
    return AM(ok);
}
BIF_DEF("erlang", "finish_loading", 1, bif_finish_loading)

static Term bif_delete_module(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    if (code_has_old(a[0]) && module_find(a[0])) BIF_BADARG(p);
    return code_delete_module(a[0]) ? AM(true) : AM(undefined);
}
BIF_DEF("erlang", "delete_module", 1, bif_delete_module)

static Term bif_purge_module(Process *p, Term *a)
{
    if (!is_atom(a[0]) || !code_purge_module(a[0])) BIF_BADARG(p);
    return AM(true);
}
BIF_DEF("erlang", "purge_module", 1, bif_purge_module)

static Term bif_check_old_code(Process *p, Term *a)
{
    if (!is_atom(a[0])) BIF_BADARG(p);
    return code_has_old(a[0]) ? AM(true) : AM(false);
}
BIF_DEF("erlang", "check_old_code", 1, bif_check_old_code)
