#!/usr/bin/env python3
"""CPU time a benchmark phase cost, per request: the JVM (split by thread name) and the PostgreSQL backends of the
benchmark database. On a machine shared with other work, requests per second depend on what else runs; CPU
milliseconds per request do not (much), so they compare runs made at different moments.

  python3 bench/cpu.py snap PID DB > before.json      (before the phase)
  python3 bench/cpu.py snap PID DB > after.json       (after it)
  python3 bench/cpu.py diff before.json after.json REQUESTS
"""
import json
import os
import re
import subprocess
import sys

TICK = os.sysconf('SC_CLK_TCK')


def ticks(stat_path):
    with open(stat_path) as f:
        text = f.read()
    comm = text[text.index('(') + 1:text.rindex(')')]
    fields = text[text.rindex(')') + 2:].split()
    return comm, int(fields[11]) + int(fields[12])  # utime + stime


def group(thread_name):
    for prefix, name in (('http-nio', 'http'), ('screening', 'screening'), ('task-', 'events'),
                         ('legion-job', 'jobs'), ('HikariPool', 'pool'), ('C1 ', 'jit'), ('C2 ', 'jit'),
                         ('G1 ', 'gc'), ('GC ', 'gc'), ('VM ', 'vm')):
        if thread_name.startswith(prefix):
            return name
    return 'other'


def snap(pid, db):
    out = {'process': ticks(f'/proc/{pid}/stat')[1], 'threads': {}, 'backends': {}}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            name, t = ticks(f'/proc/{pid}/task/{tid}/stat')
            out['threads'][tid] = [name, t]
        except OSError:
            pass
    pids = subprocess.run(['runuser', '-u', 'postgres', '--', 'psql', '-tAc',
                           f"select pid from pg_stat_activity where datname = '{db}'"],
                          capture_output=True, text=True).stdout.split()
    for p in pids:
        try:
            out['backends'][p] = ticks(f'/proc/{p}/stat')[1]
        except OSError:
            pass
    return out


def diff(before, after, requests):
    ms = lambda t: 1000.0 * t / TICK / requests
    groups = {}
    for tid, (name, t) in after['threads'].items():
        start = before['threads'].get(tid, [name, 0])[1]
        g = group(name)
        groups[g] = groups.get(g, 0) + t - start
    backends = sum(t - before['backends'].get(p, 0) for p, t in after['backends'].items())
    total = after['process'] - before['process']
    split = ', '.join(f'{g} {ms(t):.2f}' for g, t in sorted(groups.items(), key=lambda kv: -kv[1]) if t > 0)
    print(f'CPU ms/request: jvm {ms(total):.2f} ({split}); postgres backends {ms(backends):.2f}; '
          f'sum {ms(total + backends):.2f}')


if __name__ == '__main__':
    if sys.argv[1] == 'snap':
        json.dump(snap(sys.argv[2], sys.argv[3]), sys.stdout)
    else:
        with open(sys.argv[2]) as a, open(sys.argv[3]) as b:
            diff(json.load(a), json.load(b), int(sys.argv[4]))
