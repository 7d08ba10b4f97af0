import type { Block } from './document';
import { amount, formatQuantity } from './format';
import type { ReceiptItem } from './receipt-data';

/** Items as description and amount, with quantity, unit price and code under them. */
export function itemBlocks(items: readonly ReceiptItem[]): Block[] {
  return items.map((item): Block => {
    const parts: string[] = [];
    if (item.quantityMilli !== 1000)
      parts.push(`${formatQuantity(item.quantityMilli)} x ${amount(item.unitPrice)}`);
    if (item.sku) parts.push(item.sku);
    return parts.length === 0
      ? { type: 'item', description: item.description, amount: amount(item.amount) }
      : {
          type: 'item',
          description: item.description,
          amount: amount(item.amount),
          detail: parts.join('  '),
        };
  });
}
