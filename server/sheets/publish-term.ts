/** Publishes one term's 区级汇总 and 上报情况 from the store to a Google spreadsheet. */
import { todayIso } from '../../shared';
import type { Store } from '../store/schema';
import { statusBoard } from '../views/status';
import { termSummary } from '../views/summary';
import type { SheetsClient } from './client';
import { publishTabs, type PublishResult } from './publish';
import { statusTab, summaryTab } from './tabs';

/** What a term publish wrote. */
export interface TermPublishResult extends PublishResult {
  term: string;
  asOf: string;
}

/** Computes the summary and the board as of `now` (the district's whole view) and writes both tabs. */
export async function publishTerm(store: Store, client: SheetsClient, spreadsheetId: string, term: string, now = new Date()): Promise<TermPublishResult> {
  const asOf = todayIso(now);
  const [summary, board] = await Promise.all([termSummary(store, term, asOf), statusBoard(store, term, asOf, null)]);
  const result = await publishTabs(client, spreadsheetId, [summaryTab(summary), statusTab(board)]);
  return { ...result, term, asOf };
}
