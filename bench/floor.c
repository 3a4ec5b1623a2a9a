// The raw floor for a process-table snapshot: for every /proc/<pid>, open,
// read and close stat, status and cmdline. No parsing, no allocation per
// process. Times its own warm loop; prints JSON on one line.
//   floor ITERATIONS
//   floor ITERATIONS held
// `held` times the kernel's own share of a table that reads stat every tick:
// each process's stat is opened once, untimed, and every timed pass is one
// pread per held descriptor, with nothing else. No reader of stat every tick
// can do less.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char buf[1 << 16];

static void slurp(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  while (read(fd, buf, sizeof buf) > 0) {
  }
  close(fd);
}

static int scan(void) {
  static const char *files[] = {"stat", "status", "cmdline"};
  char path[300];
  int count = 0;
  DIR *d = opendir("/proc");
  if (!d) return -1;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    for (int i = 0; i < 3; i++) {
      snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, files[i]);
      slurp(path);
    }
    count++;
  }
  closedir(d);
  return count;
}

static int held_fds[1 << 16];
static int held_count;

static void open_held(void) {
  char path[300];
  DIR *d = opendir("/proc");
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && held_count < (int)(sizeof held_fds / sizeof held_fds[0])) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) held_fds[held_count++] = fd;
  }
  closedir(d);
}

static int scan_held(void) {
  int count = 0;
  for (int i = 0; i < held_count; i++)
    if (pread(held_fds[i], buf, sizeof buf, 0) > 0) count++;
  return count;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10;
  int held = argc > 2 && strcmp(argv[2], "held") == 0;
  int (*pass)(void) = held ? scan_held : scan;
  int count = 0;
  if (held) open_held();
  for (int i = 0; i < 2; i++) pass(); // warm, as the others
  printf("{\"times\":[");
  for (int i = 0; i < n; i++) {
    double t0 = now_ms();
    count = pass();
    printf("%s%.4f", i ? "," : "", now_ms() - t0);
  }
  printf("],\"count\":%d}\n", count);
  return 0;
}
