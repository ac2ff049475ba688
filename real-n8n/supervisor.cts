// n8n runs under a tiny supervisor process so that it cannot outlive the process
// that started it: the harness may be killed without a chance to clean up (jest
// killing a timed-out worker, a CI cancel, Ctrl-C while n8n runs in its own
// process group), and a leaked n8n holds ~0.6 GB and its ports.
// The supervisor forwards SIGTERM/SIGINT to n8n, and stops n8n itself when its
// parent is gone (it gets re-parented). It is plain JavaScript passed to `node -e`,
// so it runs under the Node 24 binary without any loader.

/** `node -e SUPERVISOR <command> [args…]` runs the command under supervision. */
export const SUPERVISOR = `
const { spawn } = require('node:child_process');
const [cmd, ...args] = process.argv.slice(1);
const parent = process.ppid;
const child = spawn(cmd, args, { stdio: 'inherit' });
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	child.kill('SIGTERM');
	setTimeout(() => child.kill('SIGKILL'), 15000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const watch = setInterval(() => { if (process.ppid !== parent) stop(); }, 1000);
child.on('exit', (code, signal) => {
	clearInterval(watch);
	process.exit(code === null ? 128 : code);
});
child.on('error', (e) => { console.error(e); process.exit(1); });
`;
