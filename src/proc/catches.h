/* catches.h — the catch table: a catch word on the stack (make_catch(i))
 * names entry i, the code address of its handler. Entries are added at load
 * time and never removed (modules are not yet unloaded). */
#ifndef GIRDER_CATCHES_H
#define GIRDER_CATCHES_H
#include "../term/term.h"
typedef UWord BeamInstr;
UWord catch_register(const BeamInstr *handler);
const BeamInstr *catch_handler(UWord index);
#endif
