"""psutil's side of the system snapshot: the calls that read what the
dashboard shows in one tick. Times its own warm loop; prints JSON.
    psutil_system.py ITERATIONS"""
import json
import sys
import time

import psutil


def snapshot():
    out = {
        'cpu_times': psutil.cpu_times(),
        'per_cpu_times': psutil.cpu_times(percpu=True),
        'cpu_stats': psutil.cpu_stats(),
        'cpu_freq': psutil.cpu_freq(percpu=True),
        'loadavg': psutil.getloadavg(),
        'virtual_memory': psutil.virtual_memory(),
        'swap_memory': psutil.swap_memory(),
        'disk_io': psutil.disk_io_counters(perdisk=True),
        'net_io': psutil.net_io_counters(pernic=True),
        'net_if_stats': psutil.net_if_stats(),
        'temperatures': psutil.sensors_temperatures(),
        'fans': psutil.sensors_fans(),
        'battery': psutil.sensors_battery(),
    }
    parts = psutil.disk_partitions()
    out['partitions'] = parts
    out['usage'] = {p.mountpoint: psutil.disk_usage(p.mountpoint) for p in parts}
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for _ in range(2):
        snapshot()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        snapshot()
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({'times': times}))


if __name__ == '__main__':
    main()
