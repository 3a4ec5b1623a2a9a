#include "binding/js_error.h"

#include <string>

namespace procyon {

Napi::Error toJsError(Napi::Env env, const Error& error) {
  Napi::Error jsError = Napi::Error::New(env, error.message);
  Napi::Object object = jsError.Value();
  object.Set("code", std::string(errorCodeName(error.code)));
  if (!error.path.empty()) object.Set("path", error.path);
  if (error.sysErrno != 0) object.Set("errno", error.sysErrno);
  if (error.pid) object.Set("pid", static_cast<double>(*error.pid));
  if (error.ppid) object.Set("ppid", static_cast<double>(*error.ppid));
  if (error.processName) object.Set("processName", *error.processName);
  if (error.seconds) object.Set("seconds", *error.seconds);
  return jsError;
}

}  // namespace procyon
