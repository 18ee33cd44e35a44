import { describe, expect, test } from 'vitest';
import { sessionEntrySchema } from '../../../src/lib/domain/ledger.schema';
import {
  checkSessionInput,
  emptySessionInput,
  mostAnswers,
  parseCount,
  resolveUnit,
  toSessionEntry,
  toSessionInput,
  unitInput,
  type SessionInput,
} from '../../../src/lib/domain/sessionRecord';
import type { Unit } from '../../../src/lib/domain/unit.schema';

const today = '2027-06-20';
const valid = (overrides: Partial<SessionInput> = {}): SessionInput => ({
  ...emptySessionInput(today),
  unitName: 'Công ty TNHH May Minh Anh',
  parentName: 'KCN Quang Châu',
  audience: 'workers',
  participants: '37',
  women: '21',
  durationMinutes: '45',
  planId: 'cong-nhan-45-phut',
  topics: ['luring'],
  ...overrides,
});

describe('Recording a session: the rules', () => {
  test('A complete form has no problems', () => {
    expect(checkSessionInput(valid(), today)).toEqual({});
  });

  test('Women cannot outnumber participants', () => {
    expect(checkSessionInput(valid({ women: '38' }), today)).toEqual({ women: 'more-than-participants' });
  });

  test('Negative, fractional, absurd and missing numbers are named per field', () => {
    expect(
      checkSessionInput(
        valid({ participants: '-3', women: '2,5', durationMinutes: '', leaflets: '99999999' }),
        today,
      ),
    ).toEqual({
      participants: 'negative',
      women: 'whole-number',
      durationMinutes: 'required',
      leaflets: 'too-large',
    });
    expect(checkSessionInput(valid({ participants: '0' }), today)).toEqual({ participants: 'too-small' });
    expect(checkSessionInput(valid({ participants: '250000' }), today).participants).toBe('too-large');
    expect(checkSessionInput(valid({ durationMinutes: '900' }), today).durationMinutes).toBe('too-large');
  });

  test('Thousands typed with a dot or a space are read as whole numbers', () => {
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount(' 37 ')).toBe(37);
    expect(parseCount('3.5')).toBe('whole-number');
    expect(parseCount('abc')).toBe('whole-number');
    expect(parseCount('')).toBeUndefined();
  });

  test('A date in the future, a missing date and a malformed time are refused', () => {
    expect(checkSessionInput(valid({ date: '2027-06-21' }), today)).toEqual({ date: 'future' });
    expect(checkSessionInput(valid({ date: today }), today)).toEqual({});
    expect(checkSessionInput(valid({ date: '' }), today)).toEqual({ date: 'required' });
    expect(checkSessionInput(valid({ date: '2027-02-29' }), today)).toEqual({ date: 'invalid' });
    expect(checkSessionInput(valid({ startTime: '25:00' }), today)).toEqual({ startTime: 'invalid' });
  });

  test('A missing unit or audience is refused; a parent cannot be the unit itself', () => {
    expect(checkSessionInput(valid({ unitName: '  ', audience: '' }), today)).toEqual({
      unitName: 'required',
      audience: 'required',
    });
    expect(checkSessionInput(valid({ parentName: 'công ty tnhh  may minh anh' }), today)).toEqual({
      parentName: 'same-as-unit',
    });
  });

  test('Age bands cannot add up to more than the participants', () => {
    const ageBands = { under18: '', from18to30: '20', from31to45: '18', over45: '' };
    expect(checkSessionInput(valid({ ageBands }), today)).toEqual({ ageBands: 'more-than-participants' });
  });

  test('Tallies above the participants are refused: more answers than people', () => {
    const check = [{ questionId: 'q', correct: ['a'], tallies: { a: 30, b: 10 } }];
    expect(mostAnswers([check, undefined])).toBe(40);
    expect(checkSessionInput(valid(), today, 40)).toEqual({ participants: 'fewer-than-answers' });
    expect(checkSessionInput(valid(), today, 37)).toEqual({});
  });
});

describe('Units named in the form', () => {
  const now = new Date('2027-06-20T08:00:00Z');
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const existing: Unit[] = [
    {
      id: '11111111-1111-4111-8111-111111111111',
      name: 'KCN Quang Châu',
      kind: 'industrial-zone',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
  ];

  test('A new unit under a new parent creates both, the parent first', () => {
    const { unitId, created } = resolveUnit(
      valid({ parentName: 'Liên đoàn Lao động huyện' }),
      existing,
      newId,
      now,
    );
    expect(created.map((u) => [u.name, u.kind])).toEqual([
      ['Liên đoàn Lao động huyện', 'other'],
      ['Công ty TNHH May Minh Anh', 'enterprise'],
    ]);
    expect(created[1]).toMatchObject({ id: unitId, parentId: created[0]?.id });
  });

  test('A new unit under an existing parent (named in other case and spacing) reuses it', () => {
    const { created } = resolveUnit(valid({ parentName: ' kcn quang  châu ' }), existing, newId, now);
    expect(created).toHaveLength(1);
    expect(created[0]?.parentId).toBe(existing[0]?.id);
  });

  test('An existing unit is reused; diacritics tell names apart', () => {
    expect(resolveUnit(valid({ unitName: 'kcn quang châu' }), existing, newId, now)).toEqual({
      unitId: existing[0]?.id,
      created: [],
    });
    expect(
      resolveUnit(valid({ unitName: 'KCN Quang Chau', parentName: '' }), existing, newId, now).created,
    ).toHaveLength(1);
  });

  test("A group's unit filled into the form is found again: a class by its school, a workshop by its company", () => {
    const at = now.toISOString();
    const units: Unit[] = [
      ...existing,
      {
        id: 'a0000000-0000-4000-8000-000000000001',
        name: 'THCS Lê Lợi',
        kind: 'school',
        createdAt: at,
        updatedAt: at,
      },
      {
        id: 'a0000000-0000-4000-8000-000000000002',
        name: 'THCS Kim Đồng',
        kind: 'school',
        createdAt: at,
        updatedAt: at,
      },
      ...['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002'].map(
        (parentId, i): Unit => ({
          id: `b0000000-0000-4000-8000-00000000000${i + 1}`,
          name: '6A1',
          kind: 'class',
          parentId,
          createdAt: at,
          updatedAt: at,
        }),
      ),
    ];
    // "Phân xưởng 1" in two companies.
    for (const [i, company] of ['Công ty May Minh Anh', 'Công ty Giày Hòa Bình'].entries()) {
      const companyId = `d0000000-0000-4000-8000-00000000000${i + 1}`;
      units.push(
        { id: companyId, name: company, kind: 'enterprise', createdAt: at, updatedAt: at },
        {
          id: `e0000000-0000-4000-8000-00000000000${i + 1}`,
          name: 'Phân xưởng 1',
          kind: 'enterprise',
          parentId: companyId,
          createdAt: at,
          updatedAt: at,
        },
      );
    }
    const second = 'b0000000-0000-4000-8000-000000000002';
    expect(unitInput(second, units)).toEqual({
      unitName: '6A1 (THCS Kim Đồng)',
      unitKind: 'class',
      parentName: 'THCS Kim Đồng',
    });
    for (const unit of units) {
      expect(resolveUnit(valid(unitInput(unit.id, units)), units, newId, now)).toEqual({
        unitId: unit.id,
        created: [],
      });
    }
    expect(unitInput('c0000000-0000-4000-8000-000000000000', units)).toEqual({
      unitName: '',
      unitKind: 'enterprise',
      parentName: '',
    });
  });
});

describe('The ledger record', () => {
  test('A checked form becomes a valid record, and editing it gives the same form back', () => {
    const input = valid({ startTime: '14:00', place: ' Nhà ăn ca ', leaflets: '30', notes: '' });
    const units: Unit[] = [
      {
        id: '22222222-2222-4222-8222-222222222222',
        name: 'KCN Quang Châu',
        kind: 'other',
        createdAt: '2027-06-20T08:00:00.000Z',
        updatedAt: '2027-06-20T08:00:00.000Z',
      },
      {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Công ty TNHH May Minh Anh',
        kind: 'enterprise',
        parentId: '22222222-2222-4222-8222-222222222222',
        createdAt: '2027-06-20T08:00:00.000Z',
        updatedAt: '2027-06-20T08:00:00.000Z',
      },
    ];
    const entry = toSessionEntry(input, {
      id: '44444444-4444-4444-8444-444444444444',
      unitId: '33333333-3333-4333-8333-333333333333',
      now: new Date('2027-06-20T09:00:00Z'),
    });
    expect(sessionEntrySchema.safeParse(entry).success).toBe(true);
    expect(entry).toMatchObject({
      participants: 37,
      women: 21,
      place: 'Nhà ăn ca',
      leaflets: 30,
      startTime: '14:00',
    });
    expect(entry).not.toHaveProperty('notes');
    expect(toSessionInput(entry, units)).toEqual({ ...input, place: 'Nhà ăn ca' });
  });

  test('The stored record refuses women above participants even if the form check was skipped', () => {
    const entry = toSessionEntry(valid({ women: '40' }), {
      id: '44444444-4444-4444-8444-444444444444',
      unitId: '33333333-3333-4333-8333-333333333333',
      now: new Date('2027-06-20T09:00:00Z'),
    });
    expect(sessionEntrySchema.safeParse(entry).success).toBe(false);
  });
});
