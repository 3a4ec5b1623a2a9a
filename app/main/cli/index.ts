import { main } from './main';

// A negative code means a long-running command (serve) that exits on a signal.
void main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
