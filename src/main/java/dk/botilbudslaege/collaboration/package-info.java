/**
 * Collaboration between a facility and its fixed doctor once the agreement runs (SPEC §7, §5 C5): the
 * cooperation plan (samarbejdsplan), the doctor's advisory sessions and the hours delivered against the
 * agreement's hours, sick-visit requests, and the facility's monthly resident counts (counts only: no person,
 * name or CPR number is stored; a sick-visit request names residents by the facility's own reference).
 *
 * <p>Who may do what is {@link dk.botilbudslaege.collaboration.Parties}: the facility side (the facility's
 * contact, and the municipality for its municipal and private facilities), the doctor of the agreement, the
 * region and municipality reading, the national viewer aggregates only. The agreements and facilities are read
 * through their modules' Java API and published views.
 */
package dk.botilbudslaege.collaboration;
