#!/usr/bin/env node
// Installs node_modules exactly as package-lock.json says (`npm ci`), unless the installed tree already came
// from this very package.json + package-lock.json. Run by `mvn verify` in infra/embedded (pre-integration-test);
// also fine to run by hand: `node install.mjs` (or `--force` to reinstall anyway).
//
// Uses only Node's standard library, so it works before anything is installed.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const stampFile = join(here, 'node_modules', '.ioc-install-stamp')
const force = process.argv.includes('--force')

const hash = createHash('sha256')
for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
  hash.update(`${file}\0`)
  hash.update(readFileSync(join(here, file)))
}
const expected = `${hash.digest('hex')} node ${process.versions.node.split('.')[0]}\n`

const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : null
if (!force && installed === expected) {
  console.log('[pglite] node_modules is up to date with package-lock.json')
  process.exit(0)
}

console.log('[pglite] npm ci (installing the pinned PGlite + TimescaleDB test server packages)')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const result = spawnSync(npm, ['ci', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
  cwd: here,
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
if (result.error) {
  console.error(`[pglite] could not run ${npm}: ${result.error.message}`)
  process.exit(1)
}
if (result.status !== 0) {
  console.error(`[pglite] npm ci failed with exit code ${result.status}`)
  process.exit(result.status ?? 1)
}
writeFileSync(stampFile, expected)
