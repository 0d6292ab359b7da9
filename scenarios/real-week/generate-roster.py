#!/usr/bin/env python3
"""Writes roster.csv: a synthetic but realistic published roster for the four weeks of forecast.csv.

120 named agents in three teams, the way a WFM suite exports a published schedule (one row per
agent and working day, the columns of scenarios/README.md "Roster files"):
- voice-desk (70): full-timers 5 x 8.5 h (30 min unpaid lunch, two paid 15-min breaks) and
  part-timers 4 x 6 h (one break); Sundays off (voice is closed), one more day off that rotates
  week by week; starts staggered from 07:45 (15 minutes of log-in before voice opens) to 11:30.
- chat-desk (30): full-timers on 08:00-16:30 / 13:30-22:00 with two consecutive days off.
- blended (20): voice and chat, with per-agent skill profiles as a real roster has them: half
  at the team's proficiency on both, five voice-first (chat at 1.25 x the handle time), five
  chat-first (voice at 1.2 x).
The voice-desk's three new starters handle calls at 1.3 x the handle time (voice:1.3). Every row
carries the agent's skills, so `ccsim erlang --roster` counts each agent on its own channels and
the simulation routes by them (an agent group per skill profile within each team).
Breaks are staggered in 15-minute steps by agent; each agent has a weekly one-hour team meeting
and a 30-minute coaching session, and new starters a two-hour training block in their first week.
Christmas Day and Boxing Day (closed) have no rows; on Christmas Eve voice closes at 14:00, so
its shifts end by 14:30. Deterministic: the same file on every run.

    python3 generate-roster.py > roster.csv
"""
import datetime
import random

rng = random.Random(1129)
START = datetime.date(2027, 11, 29)   # a Monday, calendar.start of scenario.yaml
DAYS = 28
CLOSED = {datetime.date(2027, 12, 25), datetime.date(2027, 12, 26)}
SHORT_DAY = datetime.date(2027, 12, 24)


def hhmm(minutes):
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def span(start, length, kind, unpaid=False):
    return f"{hhmm(start)}-{hhmm(start + length)} {kind}" + (" unpaid" if unpaid else "")


def agents():
    """(id, team, contract, start minute, length minutes, weekly days-off rule, skills)."""
    out = []
    voice_starts = [465, 480, 480, 510, 540, 540, 600, 630, 690]      # 07:45 … 11:30
    for i in range(70):
        part_time = i % 5 == 4
        start = voice_starts[i % len(voice_starts)]
        length = 360 if part_time else 510
        new_starter = i % 23 == 7
        out.append((f"V{i + 1:03d}", "voice-desk", "PT24" if part_time else "FT40", start, length, "voice",
                    "voice:1.3" if new_starter else "voice:1.0"))
    chat_starts = [480, 600, 780, 810, 810, 810]                       # 08:00, 10:00, 13:00, 13:30
    for i in range(30):
        out.append((f"C{i + 1:03d}", "chat-desk", "FT40", chat_starts[i % len(chat_starts)], 510, "chat", "chat:1.0"))
    for i in range(20):
        profile = ["voice:1.0; chat:1.0", "voice:1.0; chat:1.25", "voice:1.0; chat:1.0", "voice:1.2; chat:1.0"][i % 4]
        out.append((f"B{i + 1:03d}", "blended", "FT40", [540, 600, 720][i % 3], 510, "blended", profile))
    return out


def days_off(index, kind, week):
    """Weekday numbers (Monday 0) off in the given week: voice Sundays plus a rotating day."""
    if kind == "voice":
        return {6, (index + week) % 6}
    if kind == "chat":
        first = (index + 2 * week) % 7
        return {first, (first + 1) % 7}
    return {6, (index + week + 3) % 6}


def main():
    print("agent,team,date,start,end,activities,skills,contract")
    for index, (agent, team, contract, start, length, kind, skills) in enumerate(agents()):
        part_time = contract.startswith("PT")
        meeting_day = index % 5                       # Monday … Friday
        coaching_day = (index + 2) % 5
        new_starter = index % 23 == 7
        worked_in_week = {}
        for d in range(DAYS):
            date = START + datetime.timedelta(days=d)
            week, weekday = d // 7, date.weekday()
            if date in CLOSED or weekday in days_off(index, kind, week):
                continue
            if part_time:
                worked_in_week[week] = worked_in_week.get(week, 0) + 1
                if worked_in_week[week] > 4:
                    continue
            s, l = start, length
            if kind != "chat" and weekday == 5:       # voice is open 09:00-17:00 on Saturdays
                s, l = 540, min(length, 480)
            if date == SHORT_DAY and kind != "chat":  # voice closes at 14:00 on Christmas Eve
                s, l = min(s, 480), min(l, 390)
            stagger = 15 * (index % 4)
            acts = [span(s + 120 + stagger, 15, "break")]
            if l >= 480:
                acts.append(span(s + 225 + stagger, 30, "lunch", unpaid=True))
                acts.append(span(s + 375 + stagger // 3, 15, "break"))
                lunch_end = s + 255 + stagger
                if weekday == meeting_day and date != SHORT_DAY:
                    acts.append(span(lunch_end + 30, 60, "meeting"))
                elif weekday == coaching_day and date != SHORT_DAY:
                    acts.append(span(lunch_end + 15, 30, "coaching"))
            if new_starter and week == 0 and weekday in (0, 1) and l >= 480:
                acts.append(span(s + 15, 90, "training"))
            acts.sort()
            print(f"{agent},{team},{date.isoformat()},{hhmm(s)},{hhmm(s + l)},\"{'; '.join(acts)}\",\"{skills}\",{contract}")


if __name__ == "__main__":
    main()
