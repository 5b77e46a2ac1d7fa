/**
 * Web infrastructure: error pages for people and problem+json for API clients.
 */
package dk.botilbudslaege.web;
