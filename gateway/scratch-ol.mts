import http from 'node:http';
import { performance } from 'node:perf_hooks';
const url = new URL(process.argv[2]!);
const rate = Number(process.argv[3] ?? 200), n = Number(process.argv[4] ?? 2000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, noDelay: true });
const body = Buffer.from(JSON.stringify({ query: '{ organizations(first: 10) { edges { node { code name } } } }' }));
const res: [number, number][] = [];
const t0 = performance.now();
const ps: Promise<void>[] = [];
for (let i = 0; i < n; i++) {
  const due = t0 + i * 1000 / rate; const w = due - performance.now(); if (w > 1) await new Promise(r => setTimeout(r, w));
  ps.push(new Promise<void>((resolve) => { const s = performance.now(); const rq = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (r) => { r.resume(); r.on('end', () => { res.push([i, performance.now() - s]); resolve(); }); }); rq.end(body); }));
}
await Promise.all(ps);
const slow = res.filter(([, ms]) => ms > 20);
console.log('slow count', slow.length, 'sockets', Object.values(agent.sockets).flat().length + Object.values(agent.freeSockets).flat().length);
console.log(slow.slice(0, 60).map(([i, ms]) => `${i}:${ms.toFixed(0)}`).join(' '));
process.exit(0);
