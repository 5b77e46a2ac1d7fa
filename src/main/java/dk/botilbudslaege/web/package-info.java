/**
 * Web infrastructure shared by every module's controllers: error pages for people and problem+json for API
 * clients ({@link dk.botilbudslaege.web.ErrorResponses}, built on {@link dk.botilbudslaege.common.Problem}),
 * the checks every input passes before a controller sees it (text, dates, parameters, JSON fields, invalid
 * UTF-8: {@link dk.botilbudslaege.web.InputChecks} and its neighbours), the answer while the database is away,
 * PDF rendering from Thymeleaf HTML, the OpenAPI description and Danish time.
 */
package dk.botilbudslaege.web;
