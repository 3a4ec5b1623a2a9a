// The addon's N-API imports name "node.exe" and are delay-loaded (the import
// library is dlltool's -y form, native/scripts/win/build.mjs). This hook,
// node-gyp's win_delay_load_hook written for mingw, answers the first such
// import with the executable that loaded the addon, so it also loads in a
// renamed host (Electron's executable, Procyon.exe), where a plain import of
// node.exe would fail with "module not found". A host that keeps Node in
// libnode.dll is answered with that DLL.

#include <windows.h>
#include <delayimp.h>

#include <cstring>

namespace {

FARPROC WINAPI loadHostInsteadOfNodeExe(unsigned event, DelayLoadInfo* info) {
  if (event != dliNotePreLoadLibrary || _stricmp(info->szDll, "node.exe") != 0) return nullptr;
  HMODULE host = GetModuleHandleW(L"libnode.dll");
  if (!host) host = GetModuleHandleW(nullptr);
  return reinterpret_cast<FARPROC>(host);
}

// The delay-load helper reads this pointer on the first call into N-API,
// which comes after the addon's static initialisers. Assigned, not defined:
// mingw's runtime already defines the variable.
struct InstallHook {
  InstallHook() { __pfnDliNotifyHook2 = loadHostInsteadOfNodeExe; }
} const kInstallHook;

}  // namespace
