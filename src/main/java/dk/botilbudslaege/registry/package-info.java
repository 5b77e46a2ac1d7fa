/**
 * The registry (SPEC §2): regions and municipalities (dated reference data), facilities with their
 * sections and groups, practices and doctors; their import from CSV/XLSX is the sub-package
 * {@link dk.botilbudslaege.registry.importing}. Its public API is
 * {@link dk.botilbudslaege.registry.Facilities}, {@link dk.botilbudslaege.registry.Practices},
 * {@link dk.botilbudslaege.registry.Doctors} and {@link dk.botilbudslaege.registry.ReferenceData}.
 */
package dk.botilbudslaege.registry;
