/**
 * Fee settlement (SPEC §4): the dated hourly rate (F1), hours per month (F2), VAT (F3), the daily
 * accrual of partial months (F4), monthly runs that the region approves and locks, with adjustment
 * lines for late corrections (F5), and the budget against the frame (F6). It answers the agreement
 * module's {@link dk.botilbudslaege.agreement.HourlyRates} and publishes its changes as events
 * ({@link dk.botilbudslaege.settlement.SettlementEvents}).
 */
package dk.botilbudslaege.settlement;
