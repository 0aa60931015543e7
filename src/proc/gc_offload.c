/* gc_offload.c — collections of large heaps on GC threads (gc.h).
 * A process whose next collection would copy much (gc_should_offload, in
 * gc.c) leaves its scheduler (RUN_GC, state PS_GC) and is collected here, so the
 * other processes of that scheduler keep running — ERTS does the same on
 * its dirty CPU schedulers. Threads start on first use, up to one per
 * scheduler; they share one FIFO under a mutex. */
#include "gc.h"
#include "sched.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static Process *head, *tail;       /* linked through run_next */
static unsigned threads, idle_threads;

static void *gc_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        while (!head) {
            idle_threads++;
            pthread_cond_wait(&work, &lock);
            idle_threads--;
        }
        Process *p = head;
        head = p->run_next;
        if (!head)
            tail = NULL;
        pthread_mutex_unlock(&lock);
        proc_lock(&p->main_lock);
        p->fcalls -= gc_collect(p, p->gc_need, p->arg_reg, p->arity);
        atomic_store(&p->state, PS_RUNNABLE);
        proc_unlock(&p->main_lock);
        sched_enqueue(p);
        pthread_mutex_lock(&lock);
    }
    return NULL;
}

void gc_offload(Process *p)
{
    pthread_mutex_lock(&lock);
    p->run_next = NULL;
    if (tail)
        tail->run_next = p;
    else
        head = p;
    tail = p;
    if (!idle_threads && threads < sched_count()) {
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &attr, gc_thread, NULL) == 0)
            threads++;
        pthread_attr_destroy(&attr);
    }
    if (!threads) {
        fprintf(stderr, "girder: cannot start a GC thread\n");
        abort();
    }
    pthread_cond_signal(&work);
    pthread_mutex_unlock(&lock);
}
