/* beamfile.h — reading a .beam file: the IFF container, its chunks, and the
 * compact term encoding used by the Code chunk. Pure parsing: no terms on
 * any heap are built here except atoms. Every read is bounds-checked; a
 * malformed file gives an error string, never a crash. */
#ifndef GIRDER_BEAMFILE_H
#define GIRDER_BEAMFILE_H

#include "../term/term.h"

typedef struct {
    const uint8_t *data;
    size_t size;
} Chunk;

typedef struct { Term function; uint32_t arity, label; } BeamExport;
typedef struct { Term module, function; uint32_t arity; } BeamImport;
typedef struct { Term function; uint32_t arity, label, index, num_free, old_uniq; } BeamFun;

typedef struct BeamFile {
    const char *path;
    uint8_t *owned;            /* file contents (freed by beamfile_free) */
    size_t size;
    Chunk atoms, code, strings, imports, exports, locals, funs, literals,
          lines, attrs, cinfo, types, meta;
    bool atoms_utf8;
    Term *atom_tab;            /* atom_tab[i] for compact atom index i (1-based) */
    uint32_t atom_count;
    Term module;
    BeamImport *imp; uint32_t imp_count;
    BeamExport *exp; uint32_t exp_count;
    BeamFun *fun; uint32_t fun_count;
    /* Code chunk header */
    uint32_t instr_set, max_opcode, label_count, function_count;
    const uint8_t *code_start; size_t code_size;
    uint8_t md5[16];           /* the module checksum, as erl computes it */
    char error[256];
} BeamFile;

/* Parse the container and the small tables. Returns false with bf->error
 * set. Takes ownership of `data` (malloc'd). */
bool beamfile_parse(BeamFile *bf, const char *path, uint8_t *data, size_t size);
void beamfile_free(BeamFile *bf);
/* Read a whole file into a malloc'd buffer. */
uint8_t *beamfile_read_all(const char *path, size_t *size);

/* ---- compact term reader ---- */
enum {
    CT_U = 0, CT_I = 1, CT_A = 2, CT_X = 3, CT_Y = 4, CT_F = 5, CT_H = 6,
    CT_EXT_LIST = 7, CT_EXT_FR = 8, CT_EXT_ALLOC = 9, CT_EXT_LIT = 10,
    CT_EXT_TYPED = 11,
    CT_BIGINT = 12             /* an integer that does not fit 64 bits */
};

typedef struct {
    uint8_t kind;              /* CT_* */
    SWord val;                 /* value / index / register number */
    const uint8_t *big;        /* CT_BIGINT: big-endian two's complement bytes */
    uint32_t big_len;
} Operand;

typedef struct {
    const uint8_t *p, *end;
    bool failed;
} Reader;

bool ct_read(Reader *r, Operand *op);
bool ct_read_byte(Reader *r, uint8_t *b);

#endif
