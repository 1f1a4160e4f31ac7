import { STATUS_AFTER, statusActionsFrom } from '../../src/domain/meeting-status';
import type { MeetingStatus } from '../../src/domain/types';

describe('statusActionsFrom: the buttons a meeting offers', () => {
  it.each<{ name: string; from: MeetingStatus; offered: string[] }>([
    { name: 'a proposal can be confirmed, made tentative or cancelled', from: 'proposed', offered: ['confirm', 'tentative', 'cancel'] },
    { name: 'a tentative meeting can be confirmed or cancelled', from: 'tentative', offered: ['confirm', 'cancel'] },
    { name: 'a confirmed meeting can be made tentative or cancelled', from: 'confirmed', offered: ['tentative', 'cancel'] },
    { name: 'a cancelled meeting can only be reinstated', from: 'cancelled', offered: ['reinstate'] },
  ])('$name', ({ from, offered }) => {
    expect(statusActionsFrom(from)).toEqual(offered);
  });

  it('never offers an action that leaves the status as it is', () => {
    for (const from of ['proposed', 'tentative', 'confirmed', 'cancelled'] as const) {
      expect(statusActionsFrom(from).filter((a) => STATUS_AFTER[a] === from)).toEqual([]);
    }
  });
});
