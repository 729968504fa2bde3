/* lx_pool.c -- worker threads for blocking calls, one mutex, and a pipe to wake the loop. */
#include "lx_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define POOL_MAX 8

struct lx_pool {
  pthread_mutex_t mu;
  pthread_cond_t work; /* a job was queued, or stop */
  pthread_cond_t done; /* a job finished */
  lx_job *qhead, *qtail;
  lx_job *dhead, *dtail;
  int stop;
  int wake[2]; /* [0] the loop polls, [1] workers write */
  int nthreads;
  pthread_t threads[POOL_MAX];
};

static void *worker(void *arg) {
  lx_pool *p = arg;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->qhead && !p->stop)
      pthread_cond_wait(&p->work, &p->mu);
    if (p->stop) break;
    lx_job *j = p->qhead;
    p->qhead = j->next;
    if (!p->qhead) p->qtail = NULL;
    j->next = NULL;
    pthread_mutex_unlock(&p->mu);
    j->run(j);
    pthread_mutex_lock(&p->mu);
    j->done = 1;
    if (j->notify) {
      if (p->dtail)
        p->dtail->next = j;
      else
        p->dhead = j;
      p->dtail = j;
      /* A full pipe already says "look"; a failed write is never worse than that. */
      ssize_t w = write(p->wake[1], "", 1);
      (void)w;
    }
    pthread_cond_broadcast(&p->done);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static int set_flags(int fd) {
  int fl = fcntl(fd, F_GETFL);
  return fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0 ||
         fcntl(fd, F_SETFD, FD_CLOEXEC) < 0;
}

lx_pool *lx_pool_new(int nthreads) {
  if (nthreads < 1) nthreads = 1;
  if (nthreads > POOL_MAX) nthreads = POOL_MAX;
  lx_pool *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->wake[0] = p->wake[1] = -1;
  if (pipe(p->wake) != 0 || set_flags(p->wake[0]) || set_flags(p->wake[1])) goto fail;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->done, NULL);
  for (int i = 0; i < nthreads; i++) {
    if (pthread_create(&p->threads[i], NULL, worker, p) != 0) break;
    p->nthreads++;
  }
  if (p->nthreads == 0) {
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    goto fail;
  }
  return p;
fail:
  if (p->wake[0] >= 0) close(p->wake[0]);
  if (p->wake[1] >= 0) close(p->wake[1]);
  free(p);
  return NULL;
}

void lx_pool_free(lx_pool *p) {
  if (!p) return;
  pthread_mutex_lock(&p->mu);
  p->stop = 1;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->nthreads; i++)
    pthread_join(p->threads[i], NULL);
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->work);
  pthread_cond_destroy(&p->done);
  close(p->wake[0]);
  close(p->wake[1]);
  free(p);
}

void lx_pool_submit(lx_pool *p, lx_job *j) {
  j->next = NULL;
  j->done = j->taken = 0;
  pthread_mutex_lock(&p->mu);
  if (p->qtail)
    p->qtail->next = j;
  else
    p->qhead = j;
  p->qtail = j;
  pthread_cond_signal(&p->work);
  pthread_mutex_unlock(&p->mu);
}

void lx_pool_wait(lx_pool *p, lx_job *j) {
  pthread_mutex_lock(&p->mu);
  while (!j->done)
    pthread_cond_wait(&p->done, &p->mu);
  if (j->notify && !j->taken) { /* unlink it from the done list */
    lx_job *prev = NULL;
    for (lx_job *k = p->dhead; k; prev = k, k = k->next) {
      if (k != j) continue;
      if (prev)
        prev->next = k->next;
      else
        p->dhead = k->next;
      if (p->dtail == k) p->dtail = prev;
      break;
    }
  }
  j->next = NULL;
  j->taken = 1;
  pthread_mutex_unlock(&p->mu);
}

lx_job *lx_pool_take(lx_pool *p) {
  char buf[64];
  while (read(p->wake[0], buf, sizeof buf) > 0) {
  }
  pthread_mutex_lock(&p->mu);
  lx_job *list = p->dhead;
  p->dhead = p->dtail = NULL;
  for (lx_job *k = list; k; k = k->next)
    k->taken = 1;
  pthread_mutex_unlock(&p->mu);
  return list;
}

int lx_pool_fd(const lx_pool *p) {
  return p->wake[0];
}

int lx_pool_done(lx_pool *p, lx_job *j) {
  pthread_mutex_lock(&p->mu);
  int d = j->done;
  pthread_mutex_unlock(&p->mu);
  return d;
}
