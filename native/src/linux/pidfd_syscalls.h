// The pidfd system calls by number: glibc before 2.36 has no wrappers and
// older kernel headers no SYS_ names for them. Every Linux file that opens or
// signals a pidfd includes this one definition.
#pragma once

#include <sys/syscall.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434  // same number on x86_64 and aarch64
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
