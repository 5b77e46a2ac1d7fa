/**
 * The import of facilities and practices from CSV or XLSX (SPEC §2): the file is read within limits
 * ({@link dk.botilbudslaege.registry.importing.ImportFile}, {@link dk.botilbudslaege.registry.importing.ImportSlots}),
 * every row is checked like the form it stands for, and either every row is stored or none
 * ({@link dk.botilbudslaege.registry.importing.RegistryImport}). It uses the registry only through its services.
 */
package dk.botilbudslaege.registry.importing;
