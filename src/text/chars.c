/* The out-of-line part of the character classes (internal.h): presentation forms need
 * utf8proc's general category. */
#include "text/internal.h"

#include <utf8proc.h>

bool text_is_presentation_letter(uint32_t cp)
{
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LO;
}
