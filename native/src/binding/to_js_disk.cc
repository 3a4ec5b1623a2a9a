#include "binding/to_js_disk.h"

namespace procyon {

Napi::Object diskIoToJs(Napi::Env env, const DiskIoCounters& disk, bool withName) {
  Napi::Object object = Napi::Object::New(env);
  if (withName) object.Set("name", disk.name);
  object.Set("readCount", disk.readCount);
  object.Set("writeCount", disk.writeCount);
  object.Set("readBytes", disk.readBytes);
  object.Set("writeBytes", disk.writeBytes);
  object.Set("readTime", disk.readTime);
  object.Set("writeTime", disk.writeTime);
  object.Set("readMergedCount", disk.readMergedCount);
  object.Set("writeMergedCount", disk.writeMergedCount);
  object.Set("busyTime", disk.busyTime);
  return object;
}

Napi::Value toJs(Napi::Env env, const std::vector<DiskIoCounters>& disks) {
  Napi::Array array = Napi::Array::New(env, disks.size());
  for (uint32_t i = 0; i < disks.size(); ++i) array.Set(i, diskIoToJs(env, disks[i], true));
  return array;
}

}  // namespace procyon
