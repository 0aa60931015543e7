/* catches.c — the catch table (see catches.h). Readers index without a lock:
 * the table grows by chunks that never move. */
#include "catches.h"
#include <pthread.h>
#include <stdlib.h>

#define CHUNK 4096
#define MAX_CHUNKS 4096
static const BeamInstr **chunks[MAX_CHUNKS];
static UWord count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

UWord catch_register(const BeamInstr *handler)
{
    pthread_mutex_lock(&lock);
    UWord i = count++;
    if (!chunks[i / CHUNK])
        chunks[i / CHUNK] = calloc(CHUNK, sizeof(BeamInstr *));
    chunks[i / CHUNK][i % CHUNK] = handler;
    pthread_mutex_unlock(&lock);
    return i;
}

const BeamInstr *catch_handler(UWord i)
{
    return chunks[i / CHUNK][i % CHUNK];
}
