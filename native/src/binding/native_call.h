#pragma once

// How an exported function runs backend work: on the thread pool behind a
// Promise (async), or inline (the few cheap sync variants). Either way a
// native Error reaches JS only through toJsError().

#include <napi.h>

#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "common/error.h"
#include "binding/js_error.h"
#include "binding/to_js.h"

namespace procyon {

// Anything that is not our Error (bad_alloc, a library exception) still
// surfaces with a code rather than crashing or losing the message.
inline Error asError(std::exception_ptr thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const Error& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::IoError, "out of memory");
  } catch (const std::exception& e) {
    return Error(ErrorCode::IoError, e.what());
  } catch (...) {
    return Error(ErrorCode::IoError, "unknown native failure");
  }
}

template <typename Result>
class CallWorker final : public Napi::AsyncWorker {
 public:
  using Work = std::function<Result()>;

  CallWorker(Napi::Env env, const char* name, Work work)
      : Napi::AsyncWorker(env, name), work_(std::move(work)), deferred_(Napi::Promise::Deferred::New(env)) {}

  Napi::Promise promise() const { return deferred_.Promise(); }

 protected:
  // Worker thread: no JS values may be touched here.
  void Execute() override {
    try {
      result_.emplace(work_());
    } catch (...) {
      error_.emplace(asError(std::current_exception()));
    }
  }

  void OnOK() override {
    const Napi::Env env = Env();
    Napi::HandleScope scope(env);
    if (error_) {
      deferred_.Reject(toJsError(env, *error_).Value());
      return;
    }
    try {
      deferred_.Resolve(toJs(env, *result_));
    } catch (const Napi::Error& e) {
      deferred_.Reject(e.Value());
    }
  }

 private:
  Work work_;
  Napi::Promise::Deferred deferred_;
  std::optional<Result> result_;
  std::optional<Error> error_;
};

// Reads the arguments on the JS thread with `prepare` (which returns the work
// to run), then runs that work on the pool. Bad arguments reject the promise
// rather than throwing, so callers see one failure channel.
template <typename Result, typename Prepare>
Napi::Value runAsync(const Napi::CallbackInfo& info, const char* name, Prepare&& prepare) {
  const Napi::Env env = info.Env();
  std::function<Result()> work;
  try {
    work = prepare();
  } catch (const Error& e) {
    auto deferred = Napi::Promise::Deferred::New(env);
    deferred.Reject(toJsError(env, e).Value());
    return deferred.Promise();
  }
  auto* worker = new CallWorker<Result>(env, name, std::move(work));  // owned by libuv until it completes
  const Napi::Promise promise = worker->promise();
  worker->Queue();
  return promise;
}

// Runs `body` (which returns a JS value) inline; a native Error becomes a
// thrown JS exception through toJsError, as from every other call.
template <typename Body>
Napi::Value runInline(const Napi::CallbackInfo& info, Body&& body) {
  try {
    return body();
  } catch (const Napi::Error&) {
    throw;
  } catch (...) {
    throw toJsError(info.Env(), asError(std::current_exception()));
  }
}

// Runs `body` inline and returns its converted result.
template <typename Body>
Napi::Value runSync(const Napi::CallbackInfo& info, Body&& body) {
  return runInline(info, [&] { return toJs(info.Env(), body()); });
}

}  // namespace procyon
