"""A psutil monitor at a 1 s refresh, for the steady-state section: every
second the dashboard's system calls (psutil_system.snapshot) and, with
--table, the process table (psutil_table.snapshot). Runs until killed."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import psutil_system  # noqa: E402
import psutil_table  # noqa: E402


def main():
    table = '--table' in sys.argv
    while True:
        t0 = time.monotonic()
        psutil_system.snapshot()
        if table:
            psutil_table.snapshot()
        time.sleep(max(0.0, 1.0 - (time.monotonic() - t0)))


if __name__ == '__main__':
    main()
