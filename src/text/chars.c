/* Character classes for the tokeniser and segmenter. The Arabic block is decided by
 * ranges (the hot path); everything else asks utf8proc for the general category. */
#include "text/internal.h"

#include <utf8proc.h>

bool text_is_arabic_mark(uint32_t cp)
{
    return (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || cp == 0x640 ||
           (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x6D6 && cp <= 0x6DC) ||
           (cp >= 0x6DF && cp <= 0x6E4) || cp == 0x6E7 || cp == 0x6E8 ||
           (cp >= 0x6EA && cp <= 0x6ED) || (cp >= 0x8D3 && cp <= 0x8FF) ||
           (cp >= 0xFE70 && cp <= 0xFE7F && (cp & 1) == 0 && cp != 0xFE74) || cp == 0xFE71 ||
           cp == 0xFE77 || cp == 0xFE79 || cp == 0xFE7B || cp == 0xFE7D || cp == 0xFE7F;
}

bool text_is_arabic_letter(uint32_t cp)
{
    if (cp >= 0x621 && cp <= 0x64A)
        return cp != 0x640;
    if ((cp >= 0x66E && cp <= 0x66F) || (cp >= 0x671 && cp <= 0x6D3) || cp == 0x6D5 ||
        (cp >= 0x6EE && cp <= 0x6EF) || (cp >= 0x6FA && cp <= 0x6FC) || cp == 0x6FF)
        return true;
    if ((cp >= 0x750 && cp <= 0x77F) || (cp >= 0x8A0 && cp <= 0x8C9))
        return true;
    if (cp >= 0xFB50 && cp <= 0xFDFF)
        return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LO;
    if (cp >= 0xFE80 && cp <= 0xFEFC)
        return true;
    return false;
}

int text_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x660 && cp <= 0x669)
        return (int)(cp - 0x660);
    if (cp >= 0x6F0 && cp <= 0x6F9)
        return (int)(cp - 0x6F0);
    return -1;
}

bool text_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    if (cp == 0xA0 || cp == 0x85 || cp == 0x1680 || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x200B)
        return true;
    return cp >= 0x2000 && cp <= 0x200A;
}

bool text_is_format(uint32_t cp)
{
    return cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x61C ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
           cp == 0xFEFF || cp == 0xAD;
}
