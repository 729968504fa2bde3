/* vt_lesson.h -- lesson 1 frozen: its two runs' traces and its text, for the screen tests. */
#ifndef LS_VT_LESSON_H
#define LS_VT_LESSON_H

#include <stddef.h>

#include "trace.h"

ls_trace *vt_l1_sync(void);  /* sync_main: one task held by time.sleep 2, 3, 1 s; 6 s */
ls_trace *vt_l1_async(void); /* async_main: gather of three sleeping tasks; 3 s */
const char *vt_l1_source(size_t *len);
/* 1,001 tasks: main gathers 1,000 that each step, print and sleep 0.1 s, five times. */
ls_trace *vt_trace_thousand(void);

/* Lesson 1's title and explanation, as its lesson{} gives them. */
#define VT_L1_TITLE_KO "동기 vs 비동기"
#define VT_L1_TITLE_EN "Sync vs async"

#endif
