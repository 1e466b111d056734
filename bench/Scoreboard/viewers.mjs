// N SignalR viewers of one public board. Reads "mark <epochMs>" lines on stdin (sent just before a judge's mark is
// posted) and records, per viewer, when the first board pushed after that moment arrived. Prints JSON results.
import { createRequire } from 'node:module';
import readline from 'node:readline';
const require = createRequire(import.meta.url);
const signalR = require('../../Competition.Web/node_modules/@microsoft/signalr/dist/cjs/index.js');

const [url, contest, group, n] = [process.argv[2], process.argv[3], process.argv[4], Number(process.argv[5])];
const viewers = [];
let markAt = 0, expected = 0;
const latencies = [];

async function connect(i) {
  const c = new signalR.HubConnectionBuilder().withUrl(`${url}/hubs/scoreboard`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.None).build();
  const v = { c, got: -1 };
  c.on('board', () => {
    if (markAt > 0 && v.got !== markAt) { v.got = markAt; latencies.push(Date.now() - markAt); }
  });
  await c.start();
  await c.invoke('JoinBoard', contest, group, false);
  viewers.push(v);
}

const started = Date.now();
for (let i = 0; i < n; i += 100) await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, k) => connect(i + k)));
console.log(JSON.stringify({ ready: viewers.length, connectSeconds: (Date.now() - started) / 1000 }));

readline.createInterface({ input: process.stdin }).on('line', line => {
  const [cmd, arg] = line.trim().split(' ');
  if (cmd === 'mark') { markAt = Number(arg); expected += viewers.length; }
  if (cmd === 'report') {
    const sorted = [...latencies].sort((a, b) => a - b);
    const p = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)] : null;
    console.log(JSON.stringify({ viewers: viewers.length, received: latencies.length, expected, p50: p(50), p99: p(99), max: sorted.at(-1) ?? null }));
    Promise.all(viewers.map(v => v.c.stop())).then(() => process.exit(0));
  }
});
