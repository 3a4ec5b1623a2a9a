"""psutil's side of the process-table snapshot: one warm Python process that
times its own process_iter loop and prints JSON on one line.
    psutil_table.py ITERATIONS"""
import json
import sys
import time

import psutil

ATTRS = ['pid', 'ppid', 'name', 'username', 'status', 'cpu_times', 'memory_info',
         'num_threads', 'create_time', 'cmdline', 'nice']


def snapshot():
    return [p.info for p in psutil.process_iter(ATTRS)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for _ in range(2):
        snapshot()
    times = []
    count = 0
    for _ in range(n):
        t0 = time.perf_counter()
        count = len(snapshot())
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({'times': times, 'count': count, 'version': psutil.__version__}))


if __name__ == '__main__':
    main()
