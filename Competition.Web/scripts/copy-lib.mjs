// Copies the distributable files of the npm packages the pages use into wwwroot/lib.
import { cpSync, mkdirSync } from 'node:fs';
const copies = [
  ['node_modules/bootstrap/dist/css', 'wwwroot/lib/bootstrap/css'],
  ['node_modules/bootstrap/dist/js', 'wwwroot/lib/bootstrap/js'],
  ['node_modules/chart.js/dist', 'wwwroot/lib/chart.js'],
  ['node_modules/@microsoft/signalr/dist/browser', 'wwwroot/lib/signalr'],
];
for (const [from, to] of copies) {
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
}
console.log('wwwroot/lib restored');
