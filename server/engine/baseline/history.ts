import type { ImageConfig } from '../acquire/image-source'

/**
 * The image history as Dockerfile instructions (scanner.md §5.1, after Trivy's
 * `imgconf/dockerfile`): legacy builder lines (`/bin/sh -c #(nop) ENV …`, `/bin/sh -c
 * apt-get …`, `|2 A=1 B=2 /bin/sh -c …`) and BuildKit lines (`RUN /bin/sh -c … # buildkit`)
 * both become `{ instruction, args }`, with the layer each non-empty entry made.
 */
export interface HistoryStep {
  /** Position in `config.history`. */
  index: number
  /** Upper-case instruction: RUN, ADD, COPY, ENV, USER, … ('' when unrecognisable). */
  instruction: string
  /** Everything after the instruction, `# buildkit` removed. For RUN, the shell command. */
  args: string
  /** The raw `created_by`. */
  createdBy: string
  /** The layer this entry made (bottom = 0); absent for empty-layer entries. */
  layerIndex?: number
  /** Part of the base image (Trivy's GuessBaseImageIndex): not the image author's steps. */
  inBaseImage: boolean
}

const INSTRUCTIONS = new Set(['RUN', 'ADD', 'COPY', 'ENV', 'ARG', 'USER', 'WORKDIR', 'EXPOSE', 'LABEL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER', 'FROM'])

/**
 * @example
 * parseCreatedBy('/bin/sh -c #(nop)  CMD ["/bin/sh"]') // { instruction: 'CMD', args: '["/bin/sh"]' }
 * parseCreatedBy('RUN /bin/sh -c apk add curl # buildkit') // { instruction: 'RUN', args: 'apk add curl' }
 */
export function parseCreatedBy(createdBy: string): { instruction: string; args: string } {
  let s = createdBy.trim()
  if (s.endsWith('# buildkit')) s = s.slice(0, -'# buildkit'.length).trimEnd()
  // `|N NAME=value … /bin/sh -c cmd`: a RUN with N build arguments (legacy and BuildKit).
  // The arguments stay in `args`: they are what a secret scan must see.
  if (/^\|\d+ /.test(s)) return { instruction: 'RUN', args: s }
  if (s.startsWith('/bin/sh -c #(nop)')) {
    const rest = s.slice('/bin/sh -c #(nop)'.length).trim()
    return splitInstruction(rest)
  }
  if (s.startsWith('/bin/sh -c ')) return { instruction: 'RUN', args: s.slice('/bin/sh -c '.length).trim() }
  const parsed = splitInstruction(s)
  if (parsed.instruction === 'RUN' && parsed.args.startsWith('/bin/sh -c ')) parsed.args = parsed.args.slice('/bin/sh -c '.length).trim()
  return parsed
}

function splitInstruction(s: string): { instruction: string; args: string } {
  const space = s.search(/\s/)
  const word = (space === -1 ? s : s.slice(0, space)).toUpperCase()
  if (!INSTRUCTIONS.has(word)) return { instruction: '', args: s }
  return { instruction: word, args: space === -1 ? '' : s.slice(space).trim() }
}

/**
 * Where the base image's history ends (Trivy `GuessBaseImageIndex`): walking back from
 * the last entry that made a layer, the first empty-layer CMD is the base image's last
 * step. -1 when there is none (a single-stage image built FROM scratch).
 */
export function guessBaseImageIndex(history: readonly { created_by?: string | null; empty_layer?: boolean | null }[]): number {
  let foundNonEmpty = false
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]
    if (!h) continue
    if (!foundNonEmpty) {
      if (h.empty_layer) continue
      foundNonEmpty = true
    }
    if (!h.empty_layer) continue
    const by = h.created_by ?? ''
    if (by.startsWith('/bin/sh -c #(nop)  CMD') || by.startsWith('/bin/sh -c #(nop) CMD') || by.startsWith('CMD')) return i
  }
  return -1
}

/**
 * The history as steps with their layers. Without a history, each layer's `createdBy`
 * stands for one non-empty step. Non-empty entries are matched to layers bottom up; if
 * the history names more layers than the image has, the extra entries get none.
 */
export function historySteps(config: ImageConfig, layers: readonly { digest?: string; createdBy?: string | undefined }[]): HistoryStep[] {
  const history = config.history ?? []
  if (!history.length) {
    return layers.map((l, i) => ({ index: i, ...parseCreatedBy(l.createdBy ?? ''), createdBy: l.createdBy ?? '', layerIndex: i, inBaseImage: false }))
  }
  const base = guessBaseImageIndex(history)
  let layer = 0
  return history.map((h, index) => {
    const createdBy = h.created_by ?? ''
    const step: HistoryStep = { index, ...parseCreatedBy(createdBy), createdBy, inBaseImage: index <= base }
    if (!h.empty_layer) {
      if (layer < layers.length) step.layerIndex = layer
      layer++
    }
    return step
  })
}
