{
  "targets": [
    {
      "target_name": "procyon_collector",
      # Headers only, rather than a dependency on node-addon-api's gyp targets:
      # those make node-gyp write makefiles into node_modules, outside build/.
      "include_dirs": [
        "src",
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++1y", "-std=gnu++14"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra"],
      "sources": [
        "src/binding/addon.cc",
        "src/binding/describe.cc",
        "src/backend_factory.cc",
        "src/backend_cache.cc",
        "src/binding/args.cc",
        "src/binding/to_js.cc",
        "src/common/error.cc",
        "src/binding/js_error.cc",
        "src/common/percent.cc",
        "src/common/process_table_diff.cc",
        "src/common/json_budget.cc",
        "src/common/connection_kinds.cc",
        "src/common/totals.cc",
        # --- cpu (stats, freq, load) ---
        "src/binding/cpu.cc",
        "src/binding/to_js_cpu.cc",
        # --- disks ---
        "src/binding/disks.cc",
        "src/binding/to_js_disk.cc",
        # --- other system info (users, pids) ---
        "src/binding/users.cc",
        "src/binding/to_js_users.cc",
        # --- systemSnapshot ---
        "src/binding/system_snapshot.cc",
        "src/binding/args_values.cc",
        "src/binding/snapshot.cc",
        # --- network ---
        "src/binding/to_js_net.cc",
        # --- sensors ---
        "src/binding/to_js_sensors.cc",
        "src/binding/hwmon.cc",
        "src/binding/to_js_hwmon.cc",
        # --- processes ---
        "src/binding/process.cc",
        "src/binding/to_js_process.cc"
      ],
      "conditions": [
        ["OS!='win'", {
          "sources": [
            "src/common/directory.cc",
            "src/common/file_reader.cc"
          ]
        }],
        ["OS=='linux'", {
          "sources": [
            "src/linux/boot_time.cc",
            "src/linux/cpu.cc",
            "src/linux/host.cc",
            "src/linux/linux_backend.cc",
            "src/linux/memory.cc",
            "src/linux/procfs.cc",
            # --- cpu (stats, freq, load) ---
            "src/linux/cpu_extra.cc",
            # --- disks ---
            "src/linux/disks.cc",
            # --- other system info (users, pids) ---
            "src/linux/users.cc",
            # --- network ---
            "src/linux/net_connections.cc",
            "src/linux/net_if.cc",
            "src/linux/net_io.cc",
            # --- sensors ---
            "src/linux/sensors.cc",
            "src/linux/hwmon.cc",
            # --- processes ---
            "src/linux/process_actions.cc",
            "src/linux/process_host.cc",
            "src/linux/process_read.cc",
            "src/linux/process_table.cc",
            "src/linux/process_wait.cc",
            # Linux's parsers: pure, fuzzed (fuzz/run.mjs builds the same files)
            "src/linux/parse/cpu_extra.cc",
            "src/linux/parse/cpu_list.cc",
            "src/linux/parse/cpuinfo.cc",
            "src/linux/parse/diskstats.cc",
            "src/linux/parse/hwmon.cc",
            "src/linux/parse/meminfo.cc",
            "src/linux/parse/mounts.cc",
            "src/linux/parse/net_connections.cc",
            "src/linux/parse/net_dev.cc",
            "src/linux/parse/net_if.cc",
            "src/linux/parse/proc_pid_memory.cc",
            "src/linux/parse/proc_pid_misc.cc",
            "src/linux/parse/proc_pid_stat.cc",
            "src/linux/parse/proc_stat.cc",
            "src/linux/parse/sensors.cc",
            "src/linux/parse/swap_memory.cc",
            "src/linux/parse/text.cc",
            "src/linux/parse/utmp.cc",
            "src/linux/parse/virtual_memory.cc",
            "src/linux/parse/vmstat.cc",
            "src/linux/parse/zoneinfo.cc"
          ]
        }],
        ["OS=='mac'", {
          "xcode_settings": {
            "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
            "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
            "GCC_OPTIMIZATION_LEVEL": "2"
          }
        }],
        ["OS=='win'", {
          "defines": ["_HAS_EXCEPTIONS=1"],
          "msvs_settings": {
            "VCCLCompilerTool": {
              "AdditionalOptions": ["/std:c++17"],
              "ExceptionHandling": 1,
              "Optimization": 2
            }
          }
        }]
      ],
      "configurations": {
        "Release": {
          "cflags!": ["-O3"],
          "cflags_cc!": ["-O3"],
          "cflags": ["-O2"],
          "cflags_cc": ["-O2"]
        }
      }
    }
  ]
}
