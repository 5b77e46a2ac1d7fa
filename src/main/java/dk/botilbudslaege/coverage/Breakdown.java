package dk.botilbudslaege.coverage;

/** The other dimensions of C2: operator type, legal basis and size (≤30 / >30 places). */
public enum Breakdown {
    OPERATOR("operator"),
    LEGAL_BASIS("legal_basis"),
    SIZE("case when places <= 30 then 'UP_TO_30' else 'OVER_30' end");

    /** The SQL expression of the group key over a facility of the day; fixed text, never user input. */
    final String key;

    Breakdown(String key) {
        this.key = key;
    }
}
