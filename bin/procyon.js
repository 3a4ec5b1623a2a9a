#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('procyon: the app is not built yet; run `npm run build` (npm install does it for you).');
  process.exit(1);
}
require(cli);
