/* lx_pool.h -- a small pool of worker threads for blocking calls (file I/O), and the
 * thread-safe way their results come back to the loop's thread. Knows nothing of Lua.
 *
 * A job is submitted by the loop's thread and run once on a worker. It comes back one of
 * two ways: a `notify` job is appended to the done list and a byte is written to the wake
 * pipe, so a loop waiting in poll() wakes and drains the list (the real clock); any job can
 * also be waited for by name with lx_pool_wait (the virtual clock: its completion is due at
 * a modelled time, and the loop blocks there until the worker has really finished). */
#ifndef LX_POOL_H
#define LX_POOL_H

typedef struct lx_job lx_job;
struct lx_job {
  void (*run)(lx_job *j); /* on a worker thread; touches only the job's own fields */
  lx_job *next;           /* the pool's queue, then its done list */
  int notify;             /* post to the done list and wake the pipe when finished */
  int done;               /* under the pool's lock */
  int taken;              /* collected by lx_pool_wait or lx_pool_take */
};

typedef struct lx_pool lx_pool;

lx_pool *lx_pool_new(int nthreads); /* NULL when out of memory or no thread could start */
/* Stops the workers after the jobs they are running; queued jobs are left to their owner. */
void lx_pool_free(lx_pool *p);
void lx_pool_submit(lx_pool *p, lx_job *j);
/* Blocks until j has run; takes it off the done list if it was there. */
void lx_pool_wait(lx_pool *p, lx_job *j);
/* Finished notify jobs in the order they finished (a list linked by next), emptying it. */
lx_job *lx_pool_take(lx_pool *p);
/* The wake pipe's read end (readable when a notify job finished); lx_pool_take empties it. */
int lx_pool_fd(const lx_pool *p);
/* Whether the job has run (a snapshot; lx_pool_wait is the way to be sure). */
int lx_pool_done(lx_pool *p, lx_job *j);

#endif
