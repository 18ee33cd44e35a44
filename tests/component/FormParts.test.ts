import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import FieldForm from './harness/FieldForm.svelte';
import Table from './harness/Table.svelte';

describe('FormField and submitChecked', () => {
  test('A field is labelled and described by its hint while it has no problem', () => {
    render(FieldForm, { onsave: vi.fn() });
    const name = screen.getByLabelText('Tên');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(name).toHaveAccessibleDescription('Tên đơn vị của bạn.');
    expect(screen.getByLabelText('Số người')).not.toHaveAttribute('aria-describedby');
  });

  test('A wrong form shows each problem with its field, focuses the first wrong field and saves nothing', async () => {
    const onsave = vi.fn();
    render(FieldForm, { onsave });
    await userEvent.type(screen.getByLabelText('Số người'), '1e2');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const name = screen.getByLabelText('Tên');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Hãy nhập tên.');
    expect(screen.getByLabelText('Số người')).toHaveAccessibleDescription('Hãy nhập một số.');
    expect(name).toHaveFocus();
    expect(onsave).not.toHaveBeenCalled();
  });

  test('A right form clears its problems and saves once', async () => {
    const onsave = vi.fn();
    render(FieldForm, { onsave });
    await userEvent.type(screen.getByLabelText('Tên'), 'Công ty May Minh Anh');
    await userEvent.type(screen.getByLabelText('Số người'), '35');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(onsave).toHaveBeenCalledWith({ name: 'Công ty May Minh Anh', count: '35' });
    expect(screen.getByLabelText('Tên')).not.toHaveAttribute('aria-invalid');
  });
});

describe('DataTable', () => {
  test('A table is named by its caption and its cells by their headers', () => {
    render(Table);
    const table = screen.getByRole('table', { name: 'Số người theo tháng' });
    expect(table.closest('.table-wrap')).not.toBeNull();
    expect(screen.getByRole('rowheader', { name: '03/2027' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Tháng', 'Số người']);
  });

  test('A caption can be for screen readers only, and still names the table', () => {
    render(Table, { hideCaption: true });
    expect(screen.getByRole('table', { name: 'Số người theo tháng' })).toBeInTheDocument();
    expect(screen.getByText('Số người theo tháng')).toHaveClass('visually-hidden');
  });
});
