import { parseAdvisoryMarkdown, type Inline } from '@/lib/advisory-markdown'
import { cn } from '@/lib/cn'

export interface AdvisoryTextProps {
  /** Markdown as the advisory source wrote it. */
  text: string
  className?: string
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, i) => {
    if (inline.kind === 'code') return <code key={i} className="rounded bg-surface-muted px-1 text-[0.85em]">{inline.text}</code>
    if (inline.kind === 'link')
      return (
        <a key={i} href={inline.href} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2 [overflow-wrap:anywhere]">
          {inline.text}
        </a>
      )
    return <span key={i}>{inline.text}</span>
  })
}

/**
 * An advisory's description, its Markdown drawn as React elements (see parseAdvisoryMarkdown):
 * headings, paragraphs, lists, code and http(s) links, which open in a new tab. Nothing in
 * the text is ever read as HTML.
 *
 * @example
 * <AdvisoryText text={item.description} />
 */
export function AdvisoryText({ text, className }: AdvisoryTextProps) {
  const blocks = parseAdvisoryMarkdown(text)
  return (
    <div className={cn('flex flex-col gap-2 text-sm text-fg-muted', className)}>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return (
              <p key={i} className="text-fg font-semibold">
                <Inlines inlines={block.inlines} />
              </p>
            )
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines inlines={block.inlines} />
              </p>
            )
          case 'list':
            return (
              <ul key={i} className="list-disc pl-5">
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Inlines inlines={item} />
                  </li>
                ))}
              </ul>
            )
          case 'code':
            return (
              <pre key={i} className="overflow-x-auto rounded bg-surface-muted p-2 text-xs">
                <code>{block.text}</code>
              </pre>
            )
        }
      })}
    </div>
  )
}
