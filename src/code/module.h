/* module.h — loaded modules, the export table, fun entries, literal areas,
 * and the code path.
 * Invariants: an Export entry, once created, lives for the whole run (code
 * holds raw pointers to it); `Export.addr` is the entry of the current
 * version's function or NULL. Module code and literal areas are never moved.
 * Loading is serialised by one lock (code_lock); readers of `addr` need no
 * lock. */
#ifndef GIRDER_MODULE_H
#define GIRDER_MODULE_H

#include "../term/term.h"
#include "../term/fun.h"

/* A block of terms outside every process heap (module literals). The GC
 * never copies or frees terms that live here. */
typedef struct LiteralArea {
    struct LiteralArea *next;
    size_t used, size;
    Term mem[];
} LiteralArea;

typedef struct {
    const BeamInstr *start;    /* the func_info instruction */
    const BeamInstr *end;      /* first word after the function */
    Term name;
    uint32_t arity;
} FuncRange;

typedef struct {
    const BeamInstr *addr;     /* first instruction at this line */
    uint32_t file;             /* index into Module.files */
    uint32_t line;
} LineEntry;

typedef struct Module {
    Term name;
    BeamInstr *code;
    size_t code_words;
    FuncRange *funcs;          /* sorted by address */
    uint32_t func_count;
    LineEntry *lines;          /* sorted by address */
    uint32_t line_count;
    Term *files;               /* file names as strings (in the literal area) */
    uint32_t file_count;
    uint8_t *strings;          /* copy of the StrT chunk (bit-syntax strings) */
    size_t strings_size;
    LiteralArea *literals;     /* small literals the loader builds itself */
    struct ExtLiteral *ext_literals;   /* one per decoded LitT/Attr/CInf term */
    uint32_t ext_literal_count, ext_literal_cap;
    Term attributes;           /* decoded Attr chunk, or NIL */
    Term compile_info;         /* decoded CInf chunk, or NIL */
    uint8_t md5[16];
    Export **exports;          /* this module's exported functions */
    uint32_t export_count;
    FunEntry **funs;
    uint32_t fun_count;
    const BeamInstr **export_addrs;   /* entry of exports[i] in this version */
    const BeamInstr **fun_addrs;      /* entry of funs[i] in this version */
    const BeamInstr *on_load;  /* on_load function entry, or NULL */
    bool on_load_pending;      /* installed, exports hidden until on_load returns ok */
    struct Module *old;        /* previous version (until purged) */
    char *path;                /* file it was loaded from, or NULL (binary) */
    bool deleted;              /* erlang:delete_module made this version old */
    bool purged;
} Module;

Module *module_find(Term name);
/* Find the module whose code contains `pc` (for stack traces). */
Module *module_of_code(const BeamInstr *pc);
/* The function containing pc, or NULL. */
const FuncRange *module_func_of(const Module *m, const BeamInstr *pc);
/* Line info for pc; false if none. */
bool module_line_of(const Module *m, const BeamInstr *pc, Term *file, uint32_t *line);
/* Install a loaded module as the current version; returns the old one. */
void module_install(Module *m);
void module_free(Module *m);
/* After the on_load function ran: publish the exports (ok) or remove the
 * module (failed), as ERTS does. */
void module_on_load_done(Module *m, bool ok);

/* Literal areas: allocate words that live until the module is freed. */
Term *literal_alloc(LiteralArea **area, size_t words);

/* Every Export created so far (for erlang:function_exported etc.). */
Export *export_find(Term module, Term function, uint32_t arity);

/* ---- code path ---- */
void code_path_add(const char *dir, bool at_end);
/* The code path, in order (owned by module.c; valid until it changes). */
size_t code_path_get(char ***dirs);
/* Free what code_path_get returned. */
void code_path_free(char **dirs, size_t n);
/* Replace the whole code path. */
void code_path_set(const char *const *dirs, size_t n);
/* The first <dir>/<name>.beam on the path that exists, malloc'd, or NULL. */
char *code_find_file(Term name);
/* Make the current version of a module old (erlang:delete_module/1);
 * false if it is not loaded or already has old code. */
bool code_delete_module(Term name);
/* Drop the old version; false if there is none. */
bool code_purge_module(Term name);
/* Whether name has old code. */
bool code_has_old(Term name);
/* Every loaded module (current versions), in a malloc'd array. */
size_t code_loaded_modules(Module ***out);
/* Load module `name` from the code path if it is not loaded. Returns the
 * module, or NULL (with a reason in errbuf). */
Module *code_ensure_loaded(Term name, char *errbuf, size_t errlen);
/* Load a .beam image (takes ownership of data). NULL on error (errbuf set). */
Module *code_load_binary(Term expected_name, const char *path, uint8_t *data, size_t size,
                         char *errbuf, size_t errlen);
/* Whether the file at `path` loads; used by --check-load. */
bool code_check_file(const char *path, char *errbuf, size_t errlen);

#endif
