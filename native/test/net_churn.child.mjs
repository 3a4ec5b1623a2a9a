// The churn peer of test/process_net_churn.test.ts: `RATE SECONDS` serves and
// makes short TCP connections on 127.0.0.1 (each sends 1,000 bytes, reads the
// server's 1,000 and closes), RATE a second for SECONDS. It paces itself by
// connections completed: a new one starts whenever one completes, as long as
// fewer than RATE × elapsed have been started (a late start catches up, up to
// WINDOW at once), so a slow machine shows as fewer completed, never as a
// sleep that hides it. It prints `port PORT` once listening, then one JSON
// line {completed, failed, seconds} when SECONDS have passed and the last
// connection finished, and exits.
import net from 'node:net';

const [rate, seconds] = process.argv.slice(2).map(Number);
const WINDOW = 64;
const PAYLOAD = Buffer.alloc(1000, 7);

const server = net.createServer((socket) => {
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  socket.end(PAYLOAD);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`port ${port}\n`);
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  let begun = 0;
  let completed = 0;
  let failed = 0;
  let inFlight = 0;
  let waking = null;

  const finish = () => {
    if (inFlight > 0 || elapsed() < seconds) return;
    server.close();
    process.stdout.write(`${JSON.stringify({ completed, failed, seconds: elapsed() })}\n`);
    process.exit(0);
  };

  // Starts every connection the schedule allows now; when ahead of it, wakes at the next one's slot.
  const fill = () => {
    if (elapsed() >= seconds) return finish();
    while (inFlight < WINDOW && begun < rate * elapsed()) one();
    if (inFlight < WINDOW && waking === null) {
      const due = ((begun + 1) / rate - elapsed()) * 1000;
      waking = setTimeout(() => {
        waking = null;
        fill();
      }, Math.max(0, due));
    }
  };

  const one = () => {
    begun++;
    inFlight++;
    let ok = false;
    let received = 0;
    const c = net.connect(port, '127.0.0.1');
    c.on('data', (d) => {
      received += d.length;
      if (received >= PAYLOAD.length) ok = true;
    });
    c.on('error', () => undefined);
    c.on('close', () => {
      inFlight--;
      if (ok) completed++;
      else failed++;
      fill();
      finish();
    });
    c.end(PAYLOAD);
  };

  fill();
});
