/**
 * Coverage (dækningsgrad, SPEC §5): how many in-scope facilities have a fixed doctor on any date
 * (C1; partly covered when only some sections have one, {@link dk.botilbudslaege.coverage.SectionCoverage}),
 * with the agreements on their way ({@link dk.botilbudslaege.coverage.Pipeline}), broken down by
 * nation, region, municipality, operator, legal basis and size (C2), progress
 * toward the targets (C3), the dashboard and the reports for the follow-up group (C4). Every figure is
 * an aggregate, so every signed-in role may read them (SPEC §1). History is answered from the dated
 * agreement coverage rows (the agreement module's published views); there are no snapshot tables. Answers are
 * cached under the database's data version, which moves when any audited change is committed (the cache listens
 * to the modules' events) and, for writes that bypass the services, by triggers.
 */
package dk.botilbudslaege.coverage;
