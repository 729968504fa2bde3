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
  X(LOOP, "(loop)", "(루프)")

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
