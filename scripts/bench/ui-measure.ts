import { chromium, type Page } from 'playwright-core'

export interface UiFigures {
  firstContentfulPaintMs: number
  tableRowsMs: number
  filterRoundTripMs: number
  sortRoundTripMs: number
}

/** What the table must show to count as done: rows at all, rows matching a search, or a sort in the URL. */
type Want = { kind: 'rows' } | { kind: 'search'; text: string } | { kind: 'sort'; sortBy: string }

/**
 * Runs in the page (a function, not a string: the app's CSP forbids eval): the number of
 * item rows once the vulnerabilities table has settled on what `want` asks for, else false.
 */
function settled(want: Want): number | false {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Vulnerabilities')
  if (!table || table.getAttribute('aria-busy') !== 'false') return false
  const rows = [...table.querySelectorAll('tbody tr')].filter((r) => (r as HTMLTableRowElement).cells.length > 1)
  if (rows.length === 0) return false
  if (want.kind === 'search' && !rows.every((r) => r.textContent?.includes(want.text))) return false
  if (want.kind === 'sort' && new URL(location.href).searchParams.get('sortBy') !== want.sortBy) return false
  return rows.length
}

const waitFor = (page: Page, want: Want) => page.waitForFunction(settled, want, { polling: 'raf', timeout: 30_000 })

/** Milliseconds, on the page's clock, from just before `act` until the table has settled on `want`. */
async function roundTrip(page: Page, act: () => Promise<void>, want: Want): Promise<number> {
  const start = await page.evaluate(() => performance.now())
  await act()
  await waitFor(page, want)
  return (await page.evaluate(() => performance.now())) - start
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/**
 * Opens the report's vulnerabilities tab in headless Chromium, as a first visit (fresh
 * context, empty cache), and measures what a user waits for: first contentful paint,
 * the table showing rows, a search filter and a sort round trip (typing or clicking to
 * the table settled on the new rows). Median of `runs` visits.
 */
export async function measureReport(url: string, runs = 3): Promise<UiFigures> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const all: UiFigures[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(url, { waitUntil: 'commit' })
      await waitFor(page, { kind: 'rows' })
      const tableRowsMs = await page.evaluate(() => performance.now())
      const firstContentfulPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)

      const search = page.getByRole('searchbox', { name: 'Search vulnerabilities' })
      const filterRoundTripMs = await roundTrip(
        page,
        async () => {
          await search.fill('bench-ui-01234')
          await search.press('Enter')
        },
        { kind: 'search', text: 'bench-ui-01234' },
      )
      const sortRoundTripMs = await roundTrip(
        page,
        () => page.getByRole('button', { name: /^CVE/ }).click(),
        { kind: 'sort', sortBy: 'cveName' },
      )
      all.push({ firstContentfulPaintMs, tableRowsMs, filterRoundTripMs, sortRoundTripMs })
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return {
    firstContentfulPaintMs: median(all.map((f) => f.firstContentfulPaintMs)),
    tableRowsMs: median(all.map((f) => f.tableRowsMs)),
    filterRoundTripMs: median(all.map((f) => f.filterRoundTripMs)),
    sortRoundTripMs: median(all.map((f) => f.sortRoundTripMs)),
  }
}
