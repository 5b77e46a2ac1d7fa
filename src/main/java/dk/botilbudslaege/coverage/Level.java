package dk.botilbudslaege.coverage;

/** The level a coverage table is drawn at (C2). */
public enum Level {
    NATIONAL,
    REGION,
    MUNICIPALITY
}
