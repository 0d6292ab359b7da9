#!/usr/bin/env python3
"""Writes forecast.csv: a synthetic but realistic four-week forecast of a two-channel center.

Voice (08:00-20:00 weekdays, 09:00-17:00 Saturdays, closed Sundays) follows a double-humped
business day; chat (08:00-22:00 every day) peaks in the evening. Mondays carry a peak (voice
x1.25, chat x1.15), Fridays are a little quieter, the week before Christmas ramps up,
2027-12-24 closes at 14:00 with 60% of a usual Friday, and 2027-12-25/26 have no rows (closed).
AHT varies by hour: voice is longer in the morning (authentication-heavy calls), chat longer
in the evening (more concurrent sessions). Deterministic: the same file on every run.

    python3 generate-forecast.py > forecast.csv
"""
import datetime
import random

rng = random.Random(2027)
START = datetime.date(2027, 11, 29)   # a Monday
DAYS = 28

VOICE_HOURLY = [0, 0, 0, 0, 0, 0, 0, 0, 2.0, 3.6, 4.6, 4.4, 3.4, 3.6, 4.4, 4.2, 3.4, 2.6, 1.8, 1.2, 0, 0, 0, 0]
CHAT_HOURLY = [0, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.1, 1.3, 1.5, 1.7, 1.8, 1.8, 1.9, 2.1, 2.4, 2.8, 3.2, 3.4, 3.2, 0, 0]
VOICE_DAY = {0: 1.25, 1: 1.0, 2: 0.97, 3: 0.96, 4: 0.92, 5: 0.45, 6: 0.0}
CHAT_DAY = {0: 1.15, 1: 1.0, 2: 1.0, 3: 1.0, 4: 1.05, 5: 0.9, 6: 0.8}
VOICE_PER_DAY, CHAT_PER_DAY = 3000, 1400


def trend(day):
    """Volume ramps up by 10% over the weeks towards Christmas."""
    return 1 + 0.10 * day / (DAYS - 1)


print("date,interval_start,channel,volume,aht")
for d in range(DAYS):
    date = START + datetime.timedelta(days=d)
    if date.month == 12 and date.day in (25, 26):
        continue  # Christmas: closed, no rows
    short_day = date.month == 12 and date.day == 24
    weekday = date.weekday()
    for channel, hourly, factors, per_day in (("voice", VOICE_HOURLY, VOICE_DAY, VOICE_PER_DAY),
                                              ("chat", CHAT_HOURLY, CHAT_DAY, CHAT_PER_DAY)):
        if channel == "voice" and weekday == 5:
            hours = range(9, 17)
        else:
            hours = [h for h in range(24) if hourly[h] > 0]
        if short_day:
            hours = [h for h in hours if h < 14]
        total = sum(hourly)
        day_volume = per_day * factors[weekday] * trend(d) * (0.6 if short_day else 1)
        if day_volume == 0:
            continue
        for h in hours:
            for quarter in range(4):
                expected = day_volume * hourly[h] / total / 4
                volume = max(0.0, expected * rng.gauss(1, 0.04))
                if channel == "voice":
                    aht = 330 - 4 * (h - 8) + rng.gauss(0, 4)
                else:
                    aht = 420 + 9 * (h - 8) + rng.gauss(0, 6)
                print(f"{date},{h:02d}:{quarter * 15:02d},{channel},{volume:.1f},{aht:.0f}")
