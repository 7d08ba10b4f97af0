// Shapes of JSON columns that both databases store the same way. Amounts are cents in the
// currency of the row that holds them.
export type OrderAllocation = { orderId: string; amountCents: number };
export type LaybyAllocation = { laybyId: string; amountCents: number };
