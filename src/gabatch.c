/* gabatch.c: seeds run on worker threads, written in seed order (see
 * gabatch.h). */
#include "gabatch.h"
#include "err.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The rows of one finished run, waiting for their turn to be written. */
typedef struct slot {
    char *text[3];            /* best, history, evaluated (malloc'd) */
    size_t len[3];
    int done;                 /* 1 once the run finished (or failed) */
    int status;
    int feasible;
    double violation;
} slot;

typedef struct shared {
    const gabatch_opts *o;
    FILE *want[3];            /* which outputs are written */
    slot *slots;
    size_t next;              /* next seed index to start */
    int failed;               /* stop starting new runs */
    pthread_mutex_t mu;
    pthread_cond_t cv;        /* a slot finished */
} shared;

/* Run seed index i on r and fill its slot's buffers. */
static void
run_one(shared *sh, garun *r, size_t i)
{
    slot *sl = &sh->slots[i];
    int st = garun_run(r, sh->o->seeds[i]);
    for (int k = 0; st == IMC_OK && k < 3; k++) {
        if (!sh->want[k])
            continue;
        FILE *mem = open_memstream(&sl->text[k], &sl->len[k]);
        if (!mem) {
            st = imc_fail(NULL, 0, "out of memory (rows of seed %lu)",
                          sh->o->seeds[i]);
            break;
        }
        if (k == 0)
            garun_write_best(mem, r, sh->o->report_nets, sh->o->nreport);
        else if (k == 1)
            garun_write_history(mem, r);
        else
            garun_write_evaluated(mem, r);
        if (fclose(mem) != 0)
            st = imc_fail(NULL, 0, "out of memory (rows of seed %lu)",
                          sh->o->seeds[i]);
    }
    const search_record *b = garun_best(r);
    sl->feasible = garun_feasible_p(r);
    sl->violation = b ? b->result.violation : 0;
    pthread_mutex_lock(&sh->mu);
    sl->status = st;
    sl->done = 1;
    if (st != IMC_OK)
        sh->failed = 1;
    pthread_cond_broadcast(&sh->cv);
    pthread_mutex_unlock(&sh->mu);
}

/* Take seed indices until none is left, each run on this worker's garun. */
static void *
worker(void *arg)
{
    shared *sh = arg;
    const gabatch_opts *o = sh->o;
    garun *r = garun_alloc(o->space, o->model, o->nets, o->nnets,
                           o->objective, o->area_max_mm2, o->mode, &o->sched);
    if (r && o->nodes)
        garun_set_nodes(r, o->nodes);
    for (;;) {
        pthread_mutex_lock(&sh->mu);
        size_t i = sh->next;
        int stop = sh->failed || i >= o->nseeds;
        if (!stop)
            sh->next++;
        pthread_mutex_unlock(&sh->mu);
        if (stop)
            break;
        if (!r) {
            /* garun_alloc reported why; fail this seed and stop */
            pthread_mutex_lock(&sh->mu);
            sh->slots[i].status = IMC_EINPUT;
            sh->slots[i].done = 1;
            sh->failed = 1;
            pthread_cond_broadcast(&sh->cv);
            pthread_mutex_unlock(&sh->mu);
            break;
        }
        run_one(sh, r, i);
    }
    garun_free(r);
    return NULL;
}

int
gabatch_run(const gabatch_opts *o, FILE *best, FILE *history,
            FILE *evaluated, FILE *progress, gabatch_summary *sum)
{
    memset(sum, 0, sizeof *sum);
    if (o->nseeds == 0)
        return imc_fail(NULL, 0, "no seeds to run");
    if (o->threads < 1 || o->threads > GABATCH_MAX_THREADS)
        return imc_fail(NULL, 0, "threads: got %u, expected 1 to %d",
                        o->threads, GABATCH_MAX_THREADS);
    shared sh;
    memset(&sh, 0, sizeof sh);
    sh.o = o;
    sh.want[0] = best;
    sh.want[1] = history;
    sh.want[2] = evaluated;
    sh.slots = calloc(o->nseeds, sizeof *sh.slots);
    if (!sh.slots)
        return imc_fail(NULL, 0, "out of memory (%zu seeds)", o->nseeds);
    pthread_mutex_init(&sh.mu, NULL);
    pthread_cond_init(&sh.cv, NULL);
    unsigned nt = o->threads;
    if (nt > o->nseeds)
        nt = (unsigned)o->nseeds;
    pthread_t tid[GABATCH_MAX_THREADS];
    unsigned started = 0;
    int st = IMC_OK;
    for (; started < nt; started++)
        if (pthread_create(&tid[started], NULL, worker, &sh) != 0)
            break;
    if (started == 0)
        st = imc_fail(NULL, 0, "cannot start a worker thread");
    /* write finished runs in seed order as they become available */
    for (size_t i = 0; st == IMC_OK && i < o->nseeds; i++) {
        slot *sl = &sh.slots[i];
        pthread_mutex_lock(&sh.mu);
        while (!sl->done)
            pthread_cond_wait(&sh.cv, &sh.mu);
        pthread_mutex_unlock(&sh.mu);
        if ((st = sl->status) != IMC_OK)
            break;
        for (int k = 0; k < 3; k++)
            if (sh.want[k] && sl->len[k])
                fwrite(sl->text[k], 1, sl->len[k], sh.want[k]);
        for (int k = 0; k < 3; k++) {
            free(sl->text[k]);
            sl->text[k] = NULL;
        }
        sum->nseeds++;
        if (!sl->feasible) {
            if (sum->ninfeasible < 8) {
                sum->infeasible_seed[sum->ninfeasible] = o->seeds[i];
                sum->infeasible_violation[sum->ninfeasible] = sl->violation;
            }
            sum->ninfeasible++;
        }
        if (progress) {
            fprintf(progress, "\r%s: done %zu/%zu seeds   ",
                    imc_err_program(), i + 1, o->nseeds);
            fflush(progress);
        }
    }
    if (st != IMC_OK) {
        pthread_mutex_lock(&sh.mu);
        sh.failed = 1;
        pthread_mutex_unlock(&sh.mu);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    if (progress && sum->nseeds)
        fputc('\n', progress);
    for (size_t i = 0; i < o->nseeds; i++)
        for (int k = 0; k < 3; k++)
            free(sh.slots[i].text[k]);
    free(sh.slots);
    pthread_mutex_destroy(&sh.mu);
    pthread_cond_destroy(&sh.cv);
    return st;
}
