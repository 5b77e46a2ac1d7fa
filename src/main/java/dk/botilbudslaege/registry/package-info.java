/**
 * The registry (SPEC §2): regions and municipalities (dated reference data), facilities with their
 * sections and groups, practices and doctors, dated VAT status, the legal bases in scope, and the doctors'
 * change requests; their import from CSV/XLSX is the sub-package {@link dk.botilbudslaege.registry.importing}.
 *
 * <p>Its Java API is {@link dk.botilbudslaege.registry.Facilities}, {@link dk.botilbudslaege.registry.Practices},
 * {@link dk.botilbudslaege.registry.Doctors}, {@link dk.botilbudslaege.registry.FacilityGroups},
 * {@link dk.botilbudslaege.registry.ReferenceData} and {@link dk.botilbudslaege.registry.LegalBasisScopes}.
 * Other modules' SQL reads its published views only ({@code registry_region}, {@code registry_municipality},
 * {@code registry_municipality_region}, {@code registry_facility}, {@code registry_facility_group},
 * {@code registry_facility_section}, {@code registry_facility_residents}, {@code registry_legal_basis_scope},
 * {@code registry_practice}, {@code registry_practice_vat_status}, {@code registry_doctor}; V18), never its
 * tables. The registry knows nothing of agreements: what it must ask of them (may a capacity be lowered?)
 * it asks through {@link dk.botilbudslaege.registry.RegistryCommitments}, which the agreement module answers.
 * Every change is published as an event ({@link dk.botilbudslaege.registry.RegistryEvents}).
 */
package dk.botilbudslaege.registry;
