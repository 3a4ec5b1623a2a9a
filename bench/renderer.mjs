// Section 4: the renderer. `procyon serve` (built dist, --interval 1000) with
// ~5,000 processes present, its Processes page open in Debian's Chromium
// (/usr/bin/chromium, driven by playwright-core; no browser is downloaded):
//   - snapshot → painted frame: an init script wraps the page's WebSocket
//     message handling and stamps performance.now() when a 'snapshot' message
//     arrives; a MutationObserver on the document stamps React's commit, then
//     requestAnimationFrame → MessageChannel stamps the first task after that
//     frame was produced (the "painted" mark);
//   - scrolling: the virtualised grid scrolled by a fixed step every rAF for
//     3 s; rAF callbacks per second, and long tasks (PerformanceObserver);
//   - the JS heap (CDP Runtime.getHeapUsage) sampled through the window, with
//     a forced GC at the start (after warm-up) and at the end.
/* global window, document, MutationObserver, requestAnimationFrame -- page functions passed to Playwright */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, median, sleep } from './lib.mjs';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const pct = (values, p) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] : NaN;
};

/** Runs in the page before its scripts: stamps snapshot arrival, commit and the next frame. */
function instrument() {
  const ticks = [];
  let pending = null;
  window.__bench = { ticks, longTasks: [] };
  const isSnapshot = (d) => typeof d === 'string' && d.includes('"type":"snapshot"');
  const stamp = (data, run) => {
    if (!isSnapshot(data)) return run();
    const tick = { arrived: performance.now(), handled: NaN, committed: NaN, frame: NaN, painted: NaN };
    pending = tick;
    try {
      return run();
    } finally {
      tick.handled = performance.now();
      ticks.push(tick);
    }
  };
  const desc = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get() {
      return this.__benchOnmessage ?? null;
    },
    set(fn) {
      this.__benchOnmessage = fn;
      desc.set.call(this, fn ? (ev) => stamp(ev.data, () => fn.call(this, ev)) : null);
    },
  });
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'message' || typeof fn !== 'function') return add.call(this, type, fn, opts);
    return add.call(this, type, (ev) => stamp(ev.data, () => fn.call(this, ev)), opts);
  };
  const after = new MessageChannel();
  let painting = null;
  after.port1.onmessage = () => {
    painting.painted = performance.now();
    painting = null;
  };
  new MutationObserver(() => {
    const tick = pending;
    if (!tick) return;
    pending = null;
    tick.committed = performance.now();
    requestAnimationFrame(() => {
      // The frame has begun: from here to the task after it is that frame's style, layout and paint.
      tick.frame = performance.now();
      painting = tick;
      after.port2.postMessage(0);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support
  }
}

/** Scrolls the grid by `step` px every frame for `ms`, bouncing at the ends; counts frames and long tasks. */
function scrollTest({ ms, step }) {
  return new Promise((resolve) => {
    const el = document.querySelector('[data-testid="process-table"]');
    const t0 = performance.now();
    const longBefore = window.__bench.longTasks.length;
    const gaps = [];
    let frames = 0;
    let last = t0;
    let dir = 1;
    const frame = (now) => {
      frames++;
      gaps.push(now - last);
      last = now;
      if (el.scrollTop + el.clientHeight + step >= el.scrollHeight) dir = -1;
      else if (el.scrollTop - step <= 0) dir = 1;
      el.scrollTop += dir * step;
      if (now - t0 < ms) requestAnimationFrame(frame);
      else {
        const lt = window.__bench.longTasks.slice(longBefore).filter((l) => l.start >= t0);
        resolve({ frames, seconds: (now - t0) / 1000, gaps, longTasks: lt.length, longTaskMs: lt.reduce((s, l) => s + l.ms, 0), maxLongTaskMs: Math.max(0, ...lt.map((l) => l.ms)), scrollHeight: el.scrollHeight });
      }
    };
    requestAnimationFrame(frame);
  });
}

function startServe() {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'procyon.js'), 'serve', '--port', '0', '--no-settings', '--interval', '1000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`procyon serve printed no URL in 20 s:\n${out}`));
    }, 20000);
    const onData = (d) => {
      out += d;
      const m = /(http:\/\/\S+#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`procyon serve exited with ${code}:\n${out}`));
    });
  });
}

/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : NaN;
}

/**
 * `heapSeconds`: the window of updates the heap is watched over (the snapshot
 * latencies are taken from the same window); `warmup` seconds before it.
 */
export async function measureRenderer({ heapSeconds, warmup = 10, scrollMs = 3000, log }) {
  const served = await startServe();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(instrument);
    await page.goto(served.url);
    const origin = new URL(served.url).origin;
    await page.getByTestId('connection-status').getByText('Live').waitFor({ timeout: 20000 });
    await page.goto(`${origin}/#/processes`);
    await page.getByRole('heading', { level: 2, name: 'Processes' }).waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="process-table"] [role="rowgroup"] [role="row"]').length > 0, null, { timeout: 20000 });
    const rows = Number(await page.getByTestId('process-table').getAttribute('aria-rowcount')) - 1;
    log(`  ${rows} rows; ${warmup} s warm-up…`);
    await sleep(warmup * 1000);

    const cdp = await page.context().newCDPSession(page);
    const heap = async (gc = false) => {
      if (gc) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const firstTick = await page.evaluate(() => window.__bench.ticks.length);
    const t0 = Date.now();
    const startGc = await heap(true);
    const samples = [{ s: 0, used: await heap() }];
    log(`  heap window ${heapSeconds} s (snapshot → frame measured over the same ticks)…`);
    while (Date.now() - t0 < heapSeconds * 1000) {
      await sleep(Math.min(5000, heapSeconds * 1000 - (Date.now() - t0)));
      samples.push({ s: (Date.now() - t0) / 1000, used: await heap() });
    }
    const endGc = await heap(true);
    await sleep(1500); // let the tick after the forced GC settle
    const received = (await page.evaluate(() => window.__bench.ticks)).slice(firstTick);
    // A tick that changed nothing on screen (or was overtaken by the next) has no frame of its own.
    const ticks = received.filter((t) => Number.isFinite(t.painted));
    const latency = ticks.map((t) => t.painted - t.arrived);
    const handler = ticks.map((t) => t.handled - t.arrived);
    const commit = ticks.map((t) => t.committed - t.arrived);
    // The main thread's own work for a tick: its JS up to React's commit, plus
    // the next frame's rendering; not the wait for that frame's vsync, which
    // is anywhere in 0-16.7 ms whatever the page does.
    const work = ticks.map((t) => t.committed - t.arrived + (t.painted - t.frame));

    log(`  scrolling ${scrollMs / 1000} s…`);
    const scroll = await page.evaluate(scrollTest, { ms: scrollMs, step: 120 });
    const rowsAfter = Number(await page.getByTestId('process-table').getAttribute('aria-rowcount')) - 1;
    const MiB = 1024 * 1024;
    return {
      rows,
      rowsAfter,
      warmupSeconds: warmup,
      snapshotToFrame: {
        ticks: latency.length,
        received: received.length,
        medianMs: median(latency),
        p95Ms: pct(latency, 95),
        maxMs: Math.max(...latency),
        handlerMedianMs: median(handler),
        commitMedianMs: median(commit),
        workMedianMs: median(work),
        workP95Ms: pct(work, 95),
      },
      scroll: {
        seconds: scroll.seconds,
        frames: scroll.frames,
        fps: scroll.frames / scroll.seconds,
        p95FrameMs: pct(scroll.gaps.slice(1), 95),
        maxFrameMs: Math.max(...scroll.gaps.slice(1)),
        longTasks: scroll.longTasks,
        longTaskMs: scroll.longTaskMs,
        maxLongTaskMs: scroll.maxLongTaskMs,
        stepPx: 120,
      },
      heap: {
        seconds: heapSeconds,
        startBytes: startGc,
        endBytes: endGc,
        growthBytes: endGc - startGc,
        growthPercent: ((endGc - startGc) / startGc) * 100,
        slopeMiBPerMin: slope(
          samples.map((x) => x.s / 60),
          samples.map((x) => x.used / MiB),
        ),
        samples: samples.length,
      },
    };
  } finally {
    await browser?.close().catch(() => {});
    if (served.child.exitCode === null) {
      const gone = new Promise((r) => served.child.once('exit', r));
      served.child.kill('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (served.child.exitCode === null) served.child.kill('SIGKILL');
    }
  }
}
