import fc from 'fast-check';
import { expect, it } from 'vitest';
import { paragraph } from '../article/article';
import { applyBodyEdits, bodyEditsBetween } from './bodyEdits';

it('a splice of the base turns it into the new body, for any edit', () => {
  const body = fc.array(fc.constantFrom('một', 'hai', 'ba', 'Đà Nẵng', 'đường').map(paragraph), { maxLength: 12 });
  fc.assert(
    fc.property(body, body, (base, next) => {
      expect(applyBodyEdits(base, bodyEditsBetween(base, next))).toEqual(next);
    }),
  );
});

it('one paragraph changed in a long body is one paragraph on the wire', () => {
  const base = Array.from({ length: 200 }, (_, n) => paragraph(`Đoạn ${n}: Trung tướng Nguyễn Mạnh Hùng chủ trì.`));
  const next = base.map((block, n) => (n === 120 ? paragraph('Đoạn 120, đã sửa.') : block));
  expect(bodyEditsBetween(base, next)).toEqual([{ from: 120, to: 121, blocks: [paragraph('Đoạn 120, đã sửa.')] }]);
  expect(applyBodyEdits(base, [{ from: 5, to: 300, blocks: [] }])).toBeUndefined();
});
