package dk.botilbudslaege.collaboration;

/** The doctor's step on a request: {@code {status}}. */
public record SickVisitStatusForm(SickVisitStatus status) {}
