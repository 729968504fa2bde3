/* progress.h -- what the student has done, kept across sessions: lessons reached to the end and
 * the answers given to predict questions. One line each in
 * $XDG_CONFIG_HOME/loopscope/progress (~/.config/loopscope/progress):
 *   loopscope-progress 1
 *   done <lesson id>
 *   answer <lesson id> <question number> <choice, 0 for skipped>
 * Written whole (temporary + rename); a missing or corrupt file starts empty. */
#ifndef APP_PROGRESS_H
#define APP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct app_progress_ans {
  char *id;
  int question, choice; /* 1-based question; choice 0: skipped */
} app_progress_ans;

typedef struct app_progress {
  char path[4096]; /* where it is read from and saved to; "" for nowhere */
  char **done;
  size_t ndone;
  app_progress_ans *answers;
  size_t nanswers;
} app_progress;

/* The file's default path; 0, or -1 when neither XDG_CONFIG_HOME nor HOME is set. */
int app_progress_path(char *buf, size_t cap);
/* Reads path into p (emptied first). 0: read; 1: missing (empty); -1: corrupt or unreadable
   (empty, and one line said on stderr). */
int app_progress_load(app_progress *p, const char *path);
/* Writes p to p->path atomically, making its folder; 0, or -1 (said on stderr). */
int app_progress_save(const app_progress *p);
void app_progress_clear(app_progress *p);
bool app_progress_is_done(const app_progress *p, const char *id);
/* These return true when something changed. */
bool app_progress_set_done(app_progress *p, const char *id);
bool app_progress_set_answer(app_progress *p, const char *id, int question, int choice);
/* The recorded choice, or -1 when none. */
int app_progress_answer(const app_progress *p, const char *id, int question);

#endif
