'use strict';
// The reference: a Node process that does nothing (with eld-preload), so the
// machine's own noise shows next to the event-loop numbers of the others.
setInterval(() => {}, 1 << 30);
process.on('SIGTERM', () => process.exit(0));
