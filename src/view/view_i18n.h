/* view_i18n.h -- the few fixed labels the views draw, in English and Korean. */
#ifndef LS_VIEW_I18N_H
#define LS_VIEW_I18N_H

typedef enum { VIEW_LANG_EN = 0, VIEW_LANG_KO, VIEW_LANG__COUNT } view_lang;

/* One list: id, English, Korean. A label with %s takes exactly one string argument. */
#define VIEW_STRINGS(X)                                                                        \
  X(RUNNING, "running", "실행 중")                                                             \
  X(WAITING, "waiting", "대기")                                                                \
  X(BLOCKED, "blocked by time.sleep", "time.sleep으로 막힘")                                   \
  X(TOTAL, "total", "총")                                                                      \
  X(PRINT, "print", "출력")                                                                    \
  X(READY, "ready", "준비")                                                                    \
  X(DONE, "done", "완료")                                                                      \
  X(ERROR, "error", "오류")                                                                    \
  X(CANCELLED, "cancelled", "취소됨")                                                          \
  X(SLEEP_UNTIL, "sleep until %s", "%s까지 sleep")                                             \
  X(AWAIT, "await %s", "%s 기다림")                                                            \
  X(YIELD, "yield", "양보")                                                                    \
  X(FUTURE, "Future #%s", "Future #%s")                                                        \
  X(GATHER, "gather", "gather")                                                                \
  X(MORE_TASKS, "+%s more", "외 %s개")                                                         \
  X(TIMELINE, "Timeline", "타임라인")                                                          \
  X(LOOP, "(loop)", "(루프)")                                                                 \
  X(PENDING, "pending", "시작 전")                                                             \
  X(FAILED, "failed", "실패")                                                                  \
  X(CODE, "Code", "코드")                                                                      \
  X(QUEUE, "Ready queue", "준비 큐")                                                           \
  X(TASKS, "Tasks", "태스크")                                                                  \
  X(FUTURES, "Futures", "퓨처")                                                                \
  X(TIMERS, "Timers", "타이머")                                                                \
  X(CONSOLE, "Console", "콘솔")                                                                \
  X(EXPLAIN, "Explanation", "설명")                                                            \
  X(EMPTY, "empty", "비어 있음")                                                               \
  X(FUT_PENDING, "pending", "미완료")                                                          \
  X(WAITED_BY, "awaited by %s", "%s 기다림")                                                   \
  X(CALLBACK, "callback", "콜백")                                                              \
  X(TIMER, "timer #%s", "타이머 #%s")                                                          \
  X(WAKEUP, "wake-up", "깨우기")                                                               \
  X(STEP, "step", "실행")                                                                      \
  X(PLAY, "play", "재생")                                                                      \
  X(PAUSE, "pause", "일시정지")                                                                \
  X(SPEED, "speed", "속도")                                                                    \
  X(HELP, "help", "도움말")                                                                    \
  X(KEYS, "Keys", "단축키")                                                                    \
  X(LOOP_ENDED, "the loop has ended", "루프가 끝났습니다")                                     \
  X(LESSON_ERROR, "The lesson has an error", "레슨에 오류가 있습니다")                         \
  X(SAVED, "saved %s", "저장됨: %s")                                                           \
  X(LESSONS, "Lessons", "레슨")                                                                \
  X(BROWSER_HINT, "Enter or a click opens a lesson", "Enter 또는 클릭으로 레슨 열기")          \
  X(NO_LESSONS, "no lessons found in %s", "%s에 레슨이 없습니다")                              \
  X(START, "the start", "시작")                                                                \
  X(EVENT, "event", "이벤트")                                                                  \
  X(RELOADED, "reloaded %s", "다시 불러옴: %s")                                               \
  X(START_TASK, "start", "시작")

typedef enum {
#define VIEW_STR_ENUM(id, en, ko) VIEW_S_##id,
  VIEW_STRINGS(VIEW_STR_ENUM)
#undef VIEW_STR_ENUM
      VIEW_S__COUNT
} view_str_id;

/* The label in lang; English for an unknown language, "" for an unknown id. */
const char *view_str(view_lang lang, view_str_id id);
/* "en" / "ko" to a language; -1 for anything else. */
int view_lang_parse(const char *code);
const char *view_lang_code(view_lang lang);

#endif
