/* Gregorian day arithmetic (H. Hinnant's days_from_civil) and the tabular Hijri calendar. */
#include "time/time_int.h"

#include <stdio.h>

long cal_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cal_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool cal_valid(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    int lim = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    return d <= lim;
}

int cal_weekday(long days)
{
    long w = (days + 4) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

long cal_hijri_days(int hy, int hm, int hd)
{
    /* Julian day number of 1 Muharram 1 AH (civil epoch, 16 July 622 Julian) = 1948440. */
    long jdn = hd + (long)((295 * (hm - 1) + 9) / 10) + (long)(hy - 1) * 354 +
               (3 + 11L * hy) / 30 + 1948440 - 1;
    return jdn - 2440588; /* JDN of 1970-01-01 */
}

bool cal_parse_iso(const char *s, int *y, int *m, int *d)
{
    if (!s)
        return false;
    int n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", y, m, d, &n) != 3 || n != 10 || s[10])
        return false;
    return cal_valid(*y, *m, *d);
}
