/* zlib_nif.h — the one entry point of src/bif/zlib.c (the native side of
 * OTP's zlib module) outside its BIFs: freeing a dead process's streams.
 * Named so as not to shadow the system <zlib.h>. */
#ifndef GIRDER_ZLIB_NIF_H
#define GIRDER_ZLIB_NIF_H
#include "../proc/process.h"
/* Free every zlib stream p controls; call once p has exited (nobody can
 * use those streams again). Cheap when no stream is open. */
void zlib_process_exited(Process *p);
#endif
