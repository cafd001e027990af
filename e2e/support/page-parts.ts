import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** A data table by its caption ("Repositories", "Tags", "Instances"). */
export function table(page: Page, caption: string): Locator {
  return page.getByRole('table', { name: caption, exact: true })
}

/** The body rows of a table (the header row has column headers, not cells). */
export function bodyRows(tableLocator: Locator): Locator {
  return tableLocator.getByRole('row').filter({ has: tableLocator.page().getByRole('cell') })
}

/** The row whose link is named `linkName`. */
export function rowWithLink(tableLocator: Locator, linkName: string): Locator {
  return bodyRows(tableLocator).filter({ has: tableLocator.page().getByRole('link', { name: linkName, exact: true }) })
}

/** The cell of `row` under the column header named `column`. */
export async function cellIn(tableLocator: Locator, row: Locator, column: string): Promise<Locator> {
  // allInnerTexts does not wait: the row must be there (so the table has rendered) first.
  await expect(row).toBeVisible()
  const headers = (await tableLocator.getByRole('columnheader').allInnerTexts()).map((h) => h.trim())
  const index = headers.indexOf(column)
  expect(index, `column ${column} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0)
  return row.getByRole('cell').nth(index)
}

/** The names of the row links of a table, top to bottom. */
export async function rowLinkNames(tableLocator: Locator): Promise<string[]> {
  // One snapshot of every row: reading row by row races a re-render that removes rows,
  // and a vanished row would stall the read until the poll times out.
  return bodyRows(tableLocator).evaluateAll((rows) => rows.map((row) => (row.querySelector('a')?.innerText ?? '').trim()))
}

/** The value shown for a term of a description list ("Digest", "Platforms"). */
export function detailValue(page: Page, term: string): Locator {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `maxTabs`. */
export async function tabTo(page: Page, target: Locator, maxTabs = 50): Promise<void> {
  await expect(target).toBeVisible()
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${String(target)} was not reached with ${maxTabs} Tab presses`)
}

/** Focus is on `target` and visibly so: it matches :focus-visible and draws an outline. */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  const focus = await target.evaluate((el) => {
    const style = getComputedStyle(el)
    return { focusVisible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(focus.focusVisible, 'matches :focus-visible').toBe(true)
  expect(focus.outline, 'outline style').not.toBe('none')
  expect(focus.width, 'outline width').toBeGreaterThan(0)
}
