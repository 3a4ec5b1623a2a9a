// A scripted TCP client for test/process_net_delta.test.ts: `HOST PORT`
// connects and prints "connected", then follows its stdin, a command a line:
//   send N  writes N bytes and prints "sent" once the kernel has them
//   hand    starts a child of its own holding the socket too (a fork's
//           inheritance) and prints "holder PID"; the test ends that child
//   close   closes the socket and prints "closed"
//   again   closes the socket and connects anew (the new socket takes the
//           closed one's fd, so its fd count stays), printing "connected"
//   exit    exits (a holder keeps the socket open)
import { spawn } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';

const [host, port] = process.argv.slice(2);
function connect() {
  const s = net.connect(Number(port), host, () => process.stdout.write('connected\n'));
  s.on('data', () => undefined);
  s.on('error', () => undefined);
  return s;
}
let socket = connect();
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, arg] = line.split(' ');
  if (command === 'send') socket.write(Buffer.alloc(Number(arg), 7), () => process.stdout.write('sent\n'));
  else if (command === 'hand') {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: ['ignore', 'ignore', 'ignore', socket._handle.fd] });
    process.stdout.write(`holder ${holder.pid}\n`);
  } else if (command === 'close') {
    socket.destroy();
    process.stdout.write('closed\n');
  } else if (command === 'again') {
    socket.destroy();
    socket = connect();
  } else if (command === 'exit') process.exit(0);
});
