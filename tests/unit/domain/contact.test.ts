import { describe, expect, test } from 'vitest';
import {
  checkContactInput,
  sortContacts,
  toContact,
  type ContactInput,
} from '../../../src/lib/domain/contact';
import { contactSchema } from '../../../src/lib/domain/contact.schema';

const input = (overrides: Partial<ContactInput> = {}): ContactInput => ({
  kind: 'health-station',
  name: 'Trạm y tế xã',
  phone: '0204 3866 115',
  address: '',
  note: '',
  ...overrides,
});

describe('help contacts', () => {
  test('A name and a phone number are enough, and the stored record parses', () => {
    expect(checkContactInput(input())).toEqual([]);
    const contact = toContact(input(), crypto.randomUUID(), new Date());
    expect(contactSchema.safeParse(contact).success).toBe(true);
    expect(contact).not.toHaveProperty('address');
  });

  test('A contact needs a name, and a phone number or an address', () => {
    expect(checkContactInput(input({ name: ' ', phone: '' }))).toEqual(['name-missing', 'phone-or-address']);
    expect(checkContactInput(input({ phone: '', address: 'Thôn Đông' }))).toEqual([]);
  });

  test('A phone number is digits with the usual separators, at least three digits', () => {
    expect(checkContactInput(input({ phone: '113' }))).toEqual([]);
    expect(checkContactInput(input({ phone: '+84 (204) 386-6113' }))).toEqual([]);
    expect(checkContactInput(input({ phone: 'gọi anh Nam' }))).toEqual(['phone-invalid']);
    expect(checkContactInput(input({ phone: '12' }))).toEqual(['phone-invalid']);
  });

  test('Texts longer than their limit are refused', () => {
    expect(checkContactInput(input({ name: 'x'.repeat(81), note: 'y'.repeat(161) }))).toEqual([
      'name-too-long',
      'note-too-long',
    ]);
  });

  test('Contacts are listed by kind, commune police first, then by name', () => {
    const make = (kind: ContactInput['kind'], name: string) =>
      toContact(input({ kind, name }), crypto.randomUUID(), new Date());
    const sorted = sortContacts([
      make('other', 'A'),
      make('health-station', 'Trạm B'),
      make('commune-police', 'Công an'),
    ]);
    expect(sorted.map((c) => c.name)).toEqual(['Công an', 'Trạm B', 'A']);
  });
});
