/** The 1-minute load average under a topic of its own, charted on the Network page (a page that shows no load). */
export declare const testLoad: import("../../app/shared/metrics/define").MetricDeclaration<"testLoad", "loadavg", [number, number, number], "procyon_test_load1">;
/** The same reading, live only: history keeps none of it. */
export declare const testLoadLive: import("../../app/shared/metrics/define").MetricDeclaration<"testLoadLive", "loadavg", [number, number, number], never>;
