import { compareQuantities, formatQuantity, parseQuantity, Quantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from '../../src/validation/quantity';

function parsed(text: string): Quantity {
  const quantity = parseQuantity(text);
  if (typeof quantity === 'string') throw new Error(`${text}: ${quantity}`);
  return quantity;
}

describe('resource.ParseQuantity and Quantity.String: canonical forms the API server prints', () => {
  it.each<[string, string]>([
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1000m', '1'],
    ['100m', '100m'],
    ['1.5Gi', '1536Mi'],
    ['1024Ki', '1Mi'],
    ['512Ki', '512Ki'],
    ['0.5Ki', '512'],
    ['1.1Ki', '1126400m'],
    ['1000k', '1M'],
    ['1e3', '1e3'],
    ['12e6', '12e6'],
    ['1E', '1E'],
    ['0.0000000001', '1n'],
    [' 100m ', '100m'],
    ['-1', '-1'],
    ['000', '0'],
    ['-', '0'],
  ])('reads %j as %s', (text, canonical) => {
    expect(formatQuantity(parsed(text))).toBe(canonical);
  });

  it.each<[string, string]>([
    ['', QUANTITY_FORMAT_ERROR],
    ['1GB', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1.5.5', QUANTITY_FORMAT_ERROR],
    ['1mi', QUANTITY_SUFFIX_ERROR],
    ['1K', QUANTITY_SUFFIX_ERROR],
    ['1e', QUANTITY_SUFFIX_ERROR],
  ])('refuses %j with the decoder\'s message', (text, message) => {
    expect(parseQuantity(text)).toBe(message);
  });

  it('compares exactly across suffixes', () => {
    expect(compareQuantities(parsed('1Gi'), parsed('1073741824'))).toBe(0);
    expect(compareQuantities(parsed('1G'), parsed('1Gi'))).toBeLessThan(0);
    expect(compareQuantities(parsed('0.5'), parsed('499m'))).toBeGreaterThan(0);
  });
});
