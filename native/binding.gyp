{
  "targets": [
    {
      "target_name": "procyon_collector",
      # Headers only, rather than a dependency on node-addon-api's gyp targets:
      # those make node-gyp write makefiles into node_modules, outside build/.
      "include_dirs": [
        "src",
        "<(SHARED_INTERMEDIATE_DIR)/procyon",
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      # The metrics list (procyon_metrics.h), read from the PROCYON_METRIC lines
      # of src/common/records_*.h whenever one changes (scripts/gyp_metrics.mjs);
      # src/common itself for a header removed (its mtime moves, the list is stale).
      "actions": [
        {
          "action_name": "metrics_list",
          "inputs": ["scripts/gyp_metrics.mjs", "src/common", "<!@(node scripts/gyp_metrics.mjs --inputs)"],
          "outputs": ["<(SHARED_INTERMEDIATE_DIR)/procyon/procyon_metrics.h"],
          "action": ["node", "scripts/gyp_metrics.mjs", "<@(_outputs)"]
        }
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++1y", "-std=gnu++14"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra"],
      # Whole folders (scripts/gyp_sources.mjs), so a new binding/<area>.cc or
      # linux/<area>.cc needs no line here.
      "sources": [
        "src/backend_factory.cc",
        "src/backend_cache.cc",
        "src/common/error.cc",
        "src/common/percent.cc",
        "src/common/process_table_diff.cc",
        "src/common/json_budget.cc",
        "src/common/connection_kinds.cc",
        "src/common/totals.cc",
        "<!@(node scripts/gyp_sources.mjs src/binding)"
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
            # Linux's parsers (linux/parse/) are pure and fuzzed: fuzz/run.mjs builds the same folder.
            "<!@(node scripts/gyp_sources.mjs src/linux src/linux/parse)"
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
