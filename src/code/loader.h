/* loader.h — translating a parsed .beam into a Module (see loader.c). */
#ifndef GIRDER_LOADER_H
#define GIRDER_LOADER_H
#include "beamfile.h"
#include "module.h"
/* NULL on error, with a message naming file, function and opcode in err. */
Module *ld_load(BeamFile *bf, char *err, size_t errlen);
#endif
