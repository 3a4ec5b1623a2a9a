// psutil's getloadavg emulation on Windows (psutil_init_loadavg_counter and
// _pswindows.getloadavg): on the first call, PDH starts sampling the
// "\System\Processor Queue Length" counter every 5 s, and a wait callback
// folds each sample into 1, 5 and 15 minute exponential averages, as the
// kernel's load average is made. Calls answer the averages so far (zeros
// until the first sample), rounded to 2 decimals. A counter that cannot be
// added (Wine has none) is an IO_ERROR naming it, every call, as psutil
// raises; nothing is left running then.

#include <windows.h>
#include <pdh.h>

#include <cmath>
#include <mutex>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

constexpr DWORD kSamplingSeconds = 5;
constexpr const wchar_t* kCounter = L"\\System\\Processor Queue Length";

// e^(-interval/period): the share of the previous average a new sample keeps.
double decay(double periodSeconds) { return std::exp(-static_cast<double>(kSamplingSeconds) / periodSeconds); }

struct Sampler {
  std::mutex mutex;
  bool started = false;
  PDH_HQUERY query = nullptr;
  PDH_HCOUNTER counter = nullptr;
  HANDLE event = nullptr;
  HANDLE wait = nullptr;
  double load[3] = {0, 0, 0};
};

Sampler& sampler() {
  static Sampler* s = new Sampler;  // never destroyed: the wait callback may run while the process exits
  return *s;
}

VOID CALLBACK onSample(PVOID /*context*/, BOOLEAN /*timedOut*/) {
  Sampler& s = sampler();
  PDH_FMT_COUNTERVALUE value{};
  if (PdhGetFormattedCounterValue(s.counter, PDH_FMT_DOUBLE, nullptr, &value) != ERROR_SUCCESS) return;
  static const double factors[3] = {decay(60), decay(300), decay(900)};
  const std::lock_guard<std::mutex> lock(s.mutex);
  for (int i = 0; i < 3; ++i) s.load[i] = s.load[i] * factors[i] + value.doubleValue * (1.0 - factors[i]);
}

// Under s.mutex. Throws, leaving nothing behind, when any step fails.
void start(Sampler& s) {
  PDH_STATUS status = PdhOpenQueryW(nullptr, 0, &s.query);
  if (status != ERROR_SUCCESS) throw win::fromWin32(status, "PdhOpenQuery");
  const auto fail = [&s](DWORD code, const char* operation) {
    if (s.event) CloseHandle(s.event);
    PdhCloseQuery(s.query);
    s.query = nullptr;
    s.counter = nullptr;
    s.event = nullptr;
    return win::fromWin32(code, operation);
  };
  status = PdhAddEnglishCounterW(s.query, kCounter, 0, &s.counter);
  if (status != ERROR_SUCCESS) throw fail(status, "PDH \\System\\Processor Queue Length");
  s.event = CreateEventW(nullptr, FALSE, FALSE, nullptr);
  if (!s.event) throw fail(GetLastError(), "CreateEvent");
  status = PdhCollectQueryDataEx(s.query, kSamplingSeconds, s.event);
  if (status != ERROR_SUCCESS) throw fail(status, "PdhCollectQueryDataEx");
  if (!RegisterWaitForSingleObject(&s.wait, s.event, onSample, nullptr, INFINITE, WT_EXECUTEDEFAULT)) throw fail(GetLastError(), "RegisterWaitForSingleObject");
  s.started = true;
}

double round2(double x) { return std::round(x * 100) / 100; }

const WindowsFunctions kImplements{"getloadavg"};

}  // namespace

LoadAvg WindowsBackend::loadAvg() const {
  Sampler& s = sampler();
  const std::lock_guard<std::mutex> lock(s.mutex);
  if (!s.started) start(s);
  return LoadAvg{round2(s.load[0]), round2(s.load[1]), round2(s.load[2])};
}

}  // namespace procyon
