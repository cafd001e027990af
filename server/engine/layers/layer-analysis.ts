import type { ScanNote } from '@contract/findings'
import type { AnalysisOutput, Analyzer } from '../inventory/analyzer'
import type { LayerWalkLimits } from './layer-limits'
import type { FileAnalysis, FileRecord } from './layer-result'
import type { NoteCollector } from './note-collector'

/** A wanted file read whole, waiting for its analyzers. */
export interface ReadFile {
  kind: 'file'
  record: FileRecord
  bytes: Buffer
  analyzers: readonly Analyzer[]
}

/** A hard link to a file earlier in the same layer. */
export interface LinkedFile {
  kind: 'hardlink'
  record: FileRecord
  target: string
}

/**
 * Bytes of analysed files kept for hard links that may follow them in the same layer.
 * Bounded, oldest first out: a link to an evicted file gets a note instead.
 */
const RETAIN_BYTES = 64 * 1024 * 1024

const NOBODY: readonly Analyzer[] = Object.freeze([])

/**
 * Runs the analyzers over one layer's wanted files and keeps their outputs by path.
 * Analyzers are called one file at a time, in tar order, so a layer's result does not
 * depend on timing. An analyzer that throws, or an async one that runs past the
 * timeout, costs a note, never the scan.
 *
 * @example
 * const analysis = new LayerAnalysis(analyzers, limits, notes, (r) => index.files.get(r.path) === r)
 * await analysis.process({ kind: 'file', record, bytes, analyzers: analysis.wanting(record) })
 */
export class LayerAnalysis {
  private readonly analyses = new Map<string, FileAnalysis>()
  /** Which analyzers already ran on a file: its hard links skip them (same content, counted once). */
  private readonly analysedBy = new Map<string, Set<string>>()
  private readonly retained = new Map<string, Buffer>()
  private retainedBytes = 0
  /** Set when an analyzer timed out: the result then depends on timing and must not be cached. */
  timedOut = false

  constructor(
    private readonly analyzers: readonly Analyzer[],
    private readonly limits: LayerWalkLimits,
    private readonly notes: NoteCollector,
    /** False once the tar repeated the path: the later entry decides, the earlier output is dropped. */
    private readonly isCurrent: (record: FileRecord) => boolean,
  ) {}

  /** The analyzers that want this file (or this hard link's path), judged before reading it. */
  wanting(record: FileRecord, except?: ReadonlySet<string>): readonly Analyzer[] {
    // Asked of every regular file of every layer: no allocation unless someone wants it.
    let out: Analyzer[] | undefined
    for (const a of this.analyzers) {
      if (except?.has(a.name)) continue
      let wants: boolean
      try {
        wants = a.wants(record.path, record.size, record.mode)
      } catch (err) {
        this.notes.add({ level: 'error', code: 'analyzer-failed', message: `Analyzer ${a.name} failed on "${record.path}": ${messageOf(err)}`, path: record.path })
        continue
      }
      if (wants) (out ??= []).push(a)
    }
    return out ?? NOBODY
  }

  /** A later entry of the tar replaced this path: what was said about the earlier one no longer applies. */
  forget(path: string): void {
    this.analyses.delete(path)
    this.analysedBy.delete(path)
    const old = this.retained.get(path)
    if (old) {
      this.retainedBytes -= old.length
      this.retained.delete(path)
    }
  }

  async process(item: ReadFile | LinkedFile): Promise<void> {
    if (item.kind === 'file') return this.analyse(item.record, item.bytes, item.analyzers)
    const done = this.analysedBy.get(item.target)
    const wanted = this.wanting(item.record, done)
    if (!wanted.length) return
    const bytes = this.retained.get(item.target)
    if (!bytes) {
      this.notes.add({ level: 'info', code: 'hardlink-not-analysed', message: `Hard link "${item.record.path}" was not analysed: the content of "${item.target}" was not kept.`, path: item.record.path })
      return
    }
    return this.analyse(item.record, bytes, wanted)
  }

  finish(): FileAnalysis[] {
    return [...this.analyses.values()]
  }

  private async analyse(record: FileRecord, bytes: Buffer, analyzers: readonly Analyzer[]): Promise<void> {
    const path = record.path
    const out: FileAnalysis = { path, packages: [] }
    const fileNotes: ScanNote[] = []
    for (const analyzer of analyzers) {
      const result = await this.runOne(analyzer, { path, bytes, mode: record.mode })
      if (!result) continue
      if (result.os && !out.os) out.os = result.os
      if (Array.isArray(result.packages)) out.packages.push(...result.packages)
      if (Array.isArray(result.baseline) && result.baseline.length) (out.baseline ??= []).push(...result.baseline)
      if (Array.isArray(result.malicious) && result.malicious.length) (out.malicious ??= []).push(...result.malicious)
      if (Array.isArray(result.notes)) for (const n of result.notes) fileNotes.push({ ...n, path: n.path ?? path })
    }
    if (!this.isCurrent(record)) return
    this.analysedBy.set(path, new Set(analyzers.map((a) => a.name)))
    this.retain(path, bytes)
    if (fileNotes.length) out.notes = fileNotes
    if (out.os || out.packages.length || out.notes || out.baseline || out.malicious) this.analyses.set(path, out)
  }

  private async runOne(analyzer: Analyzer, file: { path: string; bytes: Buffer; mode: number }): Promise<AnalysisOutput | undefined> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.limits.analyzerTimeoutMs)
    })
    try {
      const result = await Promise.race([Promise.resolve().then(() => analyzer.analyze(file)), timeout])
      if (result === 'timeout') {
        this.timedOut = true
        this.notes.add({ level: 'warning', code: 'analyzer-timeout', message: `Analyzer ${analyzer.name} took more than ${this.limits.analyzerTimeoutMs} ms on "${file.path}"; its result was dropped.`, path: file.path })
        return undefined
      }
      return result
    } catch (err) {
      this.notes.add({ level: 'error', code: 'analyzer-failed', message: `Analyzer ${analyzer.name} failed on "${file.path}": ${messageOf(err)}`, path: file.path })
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  private retain(path: string, bytes: Buffer): void {
    if (bytes.length > RETAIN_BYTES) return
    this.retained.set(path, bytes)
    this.retainedBytes += bytes.length
    for (const [oldPath, old] of this.retained) {
      if (this.retainedBytes <= RETAIN_BYTES) break
      this.retained.delete(oldPath)
      this.retainedBytes -= old.length
    }
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 300)
}
