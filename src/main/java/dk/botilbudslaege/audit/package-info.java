/**
 * The audit trail (SPEC §9): every change to registry entities, agreements, dispensations, forms
 * and settlements is recorded with who, when and what changed, in the same transaction as the
 * change itself.
 */
package dk.botilbudslaege.audit;
