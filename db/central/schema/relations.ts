import { relations } from 'drizzle-orm';
import { businesses } from './org';
import { universalCustomers } from './customers';
import { customerDivisionAccounts } from './accounts';
import { customerLaybyPayments, customerLaybys } from './laybys';
import { customerPayments } from './payments';
import { customerCredits } from './credit';
import { customerStatements } from './statements';
import { customerCommunications, customerNotes } from './communications';
import { businessOrderLines, businessOrders } from './orders';
import { products } from './catalogue';

// The plan's relation lists, for drizzle's relational queries (db.query.x.findMany({ with })).

export const universalCustomersRelations = relations(universalCustomers, ({ many, one }) => ({
  divisionAccounts: many(customerDivisionAccounts),
  orders: many(businessOrders),
  laybys: many(customerLaybys),
  creditApplications: many(customerCredits),
  communications: many(customerCommunications),
  notes: many(customerNotes),
  mergedInto: one(universalCustomers, {
    fields: [universalCustomers.mergedIntoId],
    references: [universalCustomers.id],
  }),
}));

export const customerDivisionAccountsRelations = relations(
  customerDivisionAccounts,
  ({ many, one }) => ({
    universalCustomer: one(universalCustomers, {
      fields: [customerDivisionAccounts.universalCustomerId],
      references: [universalCustomers.id],
    }),
    business: one(businesses, {
      fields: [customerDivisionAccounts.businessId],
      references: [businesses.id],
    }),
    laybys: many(customerLaybys),
    statements: many(customerStatements),
    payments: many(customerPayments),
    communications: many(customerCommunications),
    notes: many(customerNotes),
  }),
);

export const customerLaybysRelations = relations(customerLaybys, ({ many, one }) => ({
  universalCustomer: one(universalCustomers, {
    fields: [customerLaybys.universalCustomerId],
    references: [universalCustomers.id],
  }),
  divisionAccount: one(customerDivisionAccounts, {
    fields: [customerLaybys.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
  payments: many(customerLaybyPayments),
}));

export const customerLaybyPaymentsRelations = relations(customerLaybyPayments, ({ one }) => ({
  layby: one(customerLaybys, {
    fields: [customerLaybyPayments.laybyId],
    references: [customerLaybys.id],
  }),
}));

export const customerPaymentsRelations = relations(customerPayments, ({ one }) => ({
  divisionAccount: one(customerDivisionAccounts, {
    fields: [customerPayments.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
}));

export const customerStatementsRelations = relations(customerStatements, ({ one }) => ({
  divisionAccount: one(customerDivisionAccounts, {
    fields: [customerStatements.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
}));

export const customerCreditsRelations = relations(customerCredits, ({ one }) => ({
  universalCustomer: one(universalCustomers, {
    fields: [customerCredits.universalCustomerId],
    references: [universalCustomers.id],
  }),
}));

export const customerCommunicationsRelations = relations(customerCommunications, ({ one }) => ({
  universalCustomer: one(universalCustomers, {
    fields: [customerCommunications.universalCustomerId],
    references: [universalCustomers.id],
  }),
  divisionAccount: one(customerDivisionAccounts, {
    fields: [customerCommunications.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
}));

export const customerNotesRelations = relations(customerNotes, ({ one }) => ({
  universalCustomer: one(universalCustomers, {
    fields: [customerNotes.universalCustomerId],
    references: [universalCustomers.id],
  }),
  divisionAccount: one(customerDivisionAccounts, {
    fields: [customerNotes.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
}));

export const businessOrdersRelations = relations(businessOrders, ({ many, one }) => ({
  universalCustomer: one(universalCustomers, {
    fields: [businessOrders.universalCustomerId],
    references: [universalCustomers.id],
  }),
  divisionAccount: one(customerDivisionAccounts, {
    fields: [businessOrders.divisionAccountId],
    references: [customerDivisionAccounts.id],
  }),
  lines: many(businessOrderLines),
}));

export const businessOrderLinesRelations = relations(businessOrderLines, ({ one }) => ({
  order: one(businessOrders, {
    fields: [businessOrderLines.orderId],
    references: [businessOrders.id],
  }),
  product: one(products, {
    fields: [businessOrderLines.productId],
    references: [products.id],
  }),
}));
