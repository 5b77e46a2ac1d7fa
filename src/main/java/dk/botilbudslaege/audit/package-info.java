/**
 * The audit trail (SPEC §9): every change to registry entities, agreements, dispensations, forms
 * and settlements is recorded with who, when and what changed, in the same transaction as the
 * change itself. The modules publish one event per change ({@link dk.botilbudslaege.audit.AuditedChange});
 * {@link dk.botilbudslaege.audit.AuditTrail} listens and records it.
 */
package dk.botilbudslaege.audit;
