// A TCP peer for test/process_net.test.ts: `server HOST SEND RECEIVE` listens
// and prints its port; `client HOST PORT SEND RECEIVE` connects. Each sends
// SEND bytes paced in 256 KiB writes (several of the test's reads see it
// moving), reads until RECEIVE bytes came, prints "done", and keeps the
// socket open until its stdin closes (bytes of a closed socket are lost).
// The client first hands its socket to a child of its own (a fork's
// inheritance: one socket, two processes; passed by descriptor number so
// this process keeps reading it) and prints `holder PID`.
// `udp HOST` binds a UDP socket, sends itself datagrams and prints "ready".
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';

const [mode, host, ...rest] = process.argv.slice(2);
const CHUNK = 256 * 1024;
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

function exchange(socket, send, receive) {
  let received = 0;
  let sent = 0;
  let reported = false;
  const report = () => {
    if (!reported && received >= receive && sent >= send) {
      reported = true;
      process.stdout.write('done\n');
    }
  };
  socket.on('data', (data) => {
    received += data.length;
    report();
  });
  const pump = () => {
    if (sent >= send) return report();
    const n = Math.min(CHUNK, send - sent);
    sent += n;
    if (socket.write(Buffer.alloc(n, 7))) setTimeout(pump, 5);
    else socket.once('drain', () => setTimeout(pump, 5));
  };
  pump();
}

if (mode === 'server') {
  const [send, receive] = rest.map(Number);
  const server = net.createServer((socket) => {
    server.close();
    exchange(socket, send, receive);
  });
  server.listen(0, host, () => process.stdout.write(`${server.address().port}\n`));
} else if (mode === 'client') {
  const [port, send, receive] = rest.map(Number);
  const socket = net.connect(port, host, () => {
    // The holder lives until this peer's end of its stdin closes, however the peer dies (the test may SIGKILL it,
    // when no exit handler runs): stdin must flow (resume) for 'end' to come.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6); process.stdin.on("end", () => process.exit(0)).resume()'], { stdio: ['pipe', 'ignore', 'ignore', socket._handle.fd] });
    process.on('exit', () => holder.kill('SIGKILL'));
    process.stdout.write(`holder ${holder.pid}\n`);
    exchange(socket, send, receive);
  });
} else if (mode === 'udp') {
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.bind(0, host, () => {
    const { port } = socket.address();
    socket.on('message', () => undefined);
    for (let i = 0; i < 10; i++) socket.send(Buffer.alloc(1000), port, host);
    process.stdout.write('ready\n');
  });
}
