// The benchmark's ceiling: plain node:http answering a fixed body, nothing else.
//   node bench/bare-server.mjs <bodyfile>   prints "listening <port>"
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2]);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.once('SIGINT', () => server.close(() => process.exit(0)));
