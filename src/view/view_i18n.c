/* view_i18n.c -- the label table, generated from the one list in view_i18n.h. */
#include "view_i18n.h"

#include <string.h>

static const char *const labels[VIEW_S__COUNT][VIEW_LANG__COUNT] = {
#define VIEW_STR_ROW(id, en, ko) {en, ko},
    VIEW_STRINGS(VIEW_STR_ROW)
#undef VIEW_STR_ROW
};

static const char *const codes[VIEW_LANG__COUNT] = {"en", "ko"};

const char *view_str(view_lang lang, view_str_id id) {
  if ((unsigned)id >= VIEW_S__COUNT) return "";
  if ((unsigned)lang >= VIEW_LANG__COUNT) lang = VIEW_LANG_EN;
  return labels[id][lang];
}

int view_lang_parse(const char *code) {
  for (int i = 0; code && i < VIEW_LANG__COUNT; i++)
    if (strcmp(code, codes[i]) == 0) return i;
  return -1;
}

const char *view_lang_code(view_lang lang) {
  return (unsigned)lang < VIEW_LANG__COUNT ? codes[lang] : codes[0];
}
