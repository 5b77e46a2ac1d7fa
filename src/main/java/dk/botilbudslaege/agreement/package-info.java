/**
 * Agreements (SPEC §3): one doctor bound to one unit (a facility, a section of one, or a group of
 * facilities), their lifecycle from draft to ended, the agreement's rules R1-R7, dispensations,
 * notice and the information form (oplysningsskema).
 */
package dk.botilbudslaege.agreement;
