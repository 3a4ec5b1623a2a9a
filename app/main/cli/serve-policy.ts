import { describeError, describeScope, requestLog, requestScope } from '../server/guard';

/**
 * What `procyon serve` does with an error nobody caught. One that happened
 * while a request was being handled (the guard's request scope is set) costs
 * that request only: one line, and the host keeps serving. Any other is the
 * host's own fault, its state unknown: it is logged in full and the process
 * exits non-zero, for whoever supervises it to restart it.
 */
export function installServePolicy(log: (line: string) => void = requestLog, fatal: (line: string) => void = (l) => console.error(l), exit: (code: number) => void = (c) => process.exit(c)): () => void {
  const onError = (kind: string) => (err: unknown) => {
    const scope = requestScope.getStore();
    if (scope) {
      log(`procyon: ${describeScope(scope)}: ${kind}: ${describeError(err)}`);
      return;
    }
    fatal(`procyon: ${kind} outside any request, stopping: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    exit(70);
  };
  const onException = onError('uncaught exception');
  const onRejection = onError('unhandled rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
