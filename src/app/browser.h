/* browser.h -- the lessons folder: which lessons exist and what they are called, read cheaply
 * from each file's lesson{} table without running it. */
#ifndef APP_BROWSER_H
#define APP_BROWSER_H

#include <stddef.h>

#include "view_browser.h"

typedef struct app_lesson_entry {
  char *path, *file;
  char *title[VIEW_LANG__COUNT]; /* NULL when the file has none */
  char *line[VIEW_LANG__COUNT];  /* the first sentence of its text */
  char *id;                      /* lesson{ id = ... }, NULL when none: the progress key */
} app_lesson_entry;

typedef struct app_lessons {
  char dir[4096];
  app_lesson_entry *e;
  size_t n;
} app_lessons;

/* Finds the lessons folder: $LOOPSCOPE_LESSONS, ./lessons, beside the executable (lessons/,
   ../../../lessons from the build tree, ../share/loopscope/lessons), then the source tree's.
   0, or -1 when none exists. */
int app_lessons_dir(char *buf, size_t cap);
/* Lists the .lua files in dir, in name order (fills l->dir); 0, or -1 when the folder cannot be
 * read. */
int app_lessons_scan(app_lessons *l, const char *dir);
void app_lessons_clear(app_lessons *l);
/* Title and text from a lesson's source, without running it: reads
   lesson { title = {ko = "...", en = "..."} | "...", text = ... }. Strings are malloc'd. */
void app_lesson_peek(const char *src, char *title[VIEW_LANG__COUNT],
                     char *text[VIEW_LANG__COUNT]);
/* The lesson's id (malloc'd), or NULL, read the same way. */
char *app_lesson_peek_id(const char *src);

#endif
