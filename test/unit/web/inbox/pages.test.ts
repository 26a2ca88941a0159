import { describe, expect, it } from 'vitest';
import { collectPages, type ListPage } from '../../../../web/src/features/inbox/pages.ts';

/** A paged list served from memory, recording the cursors asked for. */
function pagedList(pages: ListPage<number>[]) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const index = cursor ? Number(cursor) : 0;
    return pages[index] ?? { items: [], cursor: null };
  };
  return { asked, fetchPage };
}

describe('Function: collectPages', () => {
  it('follows the cursor to the end, past empty pages', () => {
    const list = pagedList([
      { items: [1, 2], cursor: '1' },
      { items: [], cursor: '2' },
      { items: [3], cursor: null },
    ]);
    return expect(collectPages(list.fetchPage, 10))
      .resolves.toEqual({ items: [1, 2, 3], complete: true })
      .then(() => expect(list.asked).toEqual([undefined, '1', '2']));
  });

  it('stops after the page limit and says the list is incomplete', async () => {
    const list = pagedList([
      { items: [1], cursor: '1' },
      { items: [2], cursor: '2' },
      { items: [3], cursor: null },
    ]);
    expect(await collectPages(list.fetchPage, 2)).toEqual({ items: [1, 2], complete: false });
    expect(list.asked).toHaveLength(2);
  });
});
