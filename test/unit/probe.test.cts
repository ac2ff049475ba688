import { sleep } from 'n8n-workflow';
import * as fs from 'node:fs';
test('probe', async () => { await sleep(1); expect(fs.existsSync(__filename)).toBe(true); expect(process.env.HOME).toBeDefined(); });
