/**
 * Agreements (SPEC §3): one doctor bound to one unit (a facility, a section of one, or a group of
 * facilities), their lifecycle from draft to ended (the allowed steps are one table,
 * {@link dk.botilbudslaege.agreement.AgreementStatus}), the agreement's rules R1-R7, dispensations and
 * applications for them, notice and the information form (oplysningsskema).
 *
 * <p>The rules R1-R3 exist once, in {@link dk.botilbudslaege.agreement.AgreementRules}: validation uses them,
 * and {@link dk.botilbudslaege.agreement.AgreementRoom} answers others (matching, the registry) with each
 * doctor's and practice's remaining room on a date. The hourly rate on the form is asked of
 * {@link dk.botilbudslaege.agreement.HourlyRates}, answered by settlement. Other modules' SQL reads the views
 * {@code agreement_overview}, {@code agreement_state}, {@code agreement_facility_coverage},
 * {@code agreement_dispensation} and {@code agreement_information_form}. Every change is published as an
 * event ({@link dk.botilbudslaege.agreement.AgreementEvents}, {@link dk.botilbudslaege.agreement.AgreementApproved}).
 */
package dk.botilbudslaege.agreement;
