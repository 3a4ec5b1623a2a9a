/*
 * A stand-in for libnvidia-ml.so, built by test/gpu_nvml.test.ts, only
 * because no NVIDIA GPU (and so no NVML) exists on this project's machines:
 * it answers fixed values through the entry points and struct layouts of
 * NVML's nvml.h, so the collector's loading and mapping can be tested. What
 * real NVML answers on real hardware is NOT verified by it.
 */
#include <string.h>

typedef int nvmlReturn_t;
typedef void* nvmlDevice_t;
enum { OK = 0, NOT_SUPPORTED = 3, INVALID = 2, INSUFFICIENT_SIZE = 7 };

typedef struct { char busIdLegacy[16]; unsigned domain, bus, device, pciDeviceId, pciSubSystemId; char busId[32]; } nvmlPciInfo_t;
typedef struct { unsigned gpu, memory; } nvmlUtilization_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned pid; unsigned long long usedGpuMemory; unsigned gpuInstanceId, computeInstanceId; } nvmlProcessInfo_t;
typedef struct { unsigned pid; unsigned long long timeStamp; unsigned smUtil, memUtil, encUtil, decUtil; } nvmlProcessUtilizationSample_t;

static int devices[1];
static int initialised;

nvmlReturn_t nvmlInit_v2(void) { initialised = 1; return OK; }
nvmlReturn_t nvmlDeviceGetCount_v2(unsigned* count) { *count = initialised ? 1 : 0; return initialised ? OK : INVALID; }
nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned index, nvmlDevice_t* device) {
  if (index != 0) return INVALID;
  *device = &devices[0];
  return OK;
}
nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t d, char* name, unsigned length) {
  (void)d;
  strncpy(name, "NVIDIA GeForce RTX 4090", length);
  return OK;
}
nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t d, nvmlPciInfo_t* pci) {
  (void)d;
  memset(pci, 0, sizeof *pci);
  strcpy(pci->busId, "00000000:01:00.0");
  pci->bus = 1;
  pci->pciDeviceId = 0x268410de;
  return OK;
}
nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t d, nvmlUtilization_t* u) { (void)d; u->gpu = 63; u->memory = 21; return OK; }
nvmlReturn_t nvmlDeviceGetEncoderUtilization(nvmlDevice_t d, unsigned* u, unsigned* period) { (void)d; *u = 12; *period = 167000; return OK; }
nvmlReturn_t nvmlDeviceGetDecoderUtilization(nvmlDevice_t d, unsigned* u, unsigned* period) { (void)d; (void)u; (void)period; return NOT_SUPPORTED; }
nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t d, nvmlMemory_t* m) {
  (void)d;
  m->total = 25757220864ull;
  m->used = 3221225472ull;
  m->free = m->total - m->used;
  return OK;
}
nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t d, unsigned sensor, unsigned* t) { (void)d; if (sensor != 0) return INVALID; *t = 61; return OK; }
nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned* mw) { (void)d; *mw = 215340; return OK; }
nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t d, unsigned* mw) { (void)d; *mw = 450000; return OK; }
nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t d, unsigned type, unsigned* mhz) { (void)d; *mhz = type == 0 ? 2520 : type == 2 ? 10501 : 0; return OK; }
nvmlReturn_t nvmlDeviceGetMaxClockInfo(nvmlDevice_t d, unsigned type, unsigned* mhz) { (void)d; *mhz = type == 0 ? 3105 : 10501; return OK; }
nvmlReturn_t nvmlDeviceGetFanSpeed(nvmlDevice_t d, unsigned* percent) { (void)d; *percent = 44; return OK; }
nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned* count, nvmlProcessInfo_t* infos) {
  (void)d;
  if (*count < 1) { *count = 1; return INSUFFICIENT_SIZE; }
  *count = 1;
  infos[0].pid = 4242;
  infos[0].usedGpuMemory = 1073741824ull;
  return OK;
}
nvmlReturn_t nvmlDeviceGetGraphicsRunningProcesses_v3(nvmlDevice_t d, unsigned* count, nvmlProcessInfo_t* infos) {
  (void)d;
  if (*count < 2) { *count = 2; return INSUFFICIENT_SIZE; }
  *count = 2;
  infos[0].pid = 4242;
  infos[0].usedGpuMemory = 268435456ull;
  infos[1].pid = 4343;
  infos[1].usedGpuMemory = ~0ull; /* NVML_VALUE_NOT_AVAILABLE */
  return OK;
}
nvmlReturn_t nvmlDeviceGetProcessUtilization(nvmlDevice_t d, nvmlProcessUtilizationSample_t* samples, unsigned* count, unsigned long long last) {
  (void)d;
  (void)last;
  if (*count < 2) { *count = 2; return INSUFFICIENT_SIZE; }
  *count = 2;
  samples[0] = (nvmlProcessUtilizationSample_t){4242, 1000, 30, 5, 0, 0};
  samples[1] = (nvmlProcessUtilizationSample_t){4242, 2000, 55, 9, 7, 0};
  return OK;
}
