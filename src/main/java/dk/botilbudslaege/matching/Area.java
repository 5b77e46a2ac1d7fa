package dk.botilbudslaege.matching;

/**
 * The municipality or region a round covers (issue 6: only doctors and facilities inside it take
 * part). A doctor is inside when the practice is; membership is the region of today.
 *
 * @param regionCode       always set
 * @param municipalityCode null for a round of the whole region
 * @param municipalOnly    asked for by a municipality, which files for municipal and private facilities only
 */
record Area(String regionCode, String municipalityCode, boolean municipalOnly) {

    /** An area asked for by a region (or opened by one): every facility in it. */
    Area(String regionCode, String municipalityCode) {
        this(regionCode, municipalityCode, false);
    }

    boolean regional() {
        return municipalityCode == null;
    }

    /** A condition on a municipality code column, with the parameter {@code :areaCode}. */
    String condition(String municipalityColumn) {
        return regional()
                ? municipalityColumn + " in (select municipality_code from current_municipality_region where region_code = :areaCode)"
                : municipalityColumn + " = :areaCode";
    }

    String code() {
        return regional() ? regionCode : municipalityCode;
    }
}
