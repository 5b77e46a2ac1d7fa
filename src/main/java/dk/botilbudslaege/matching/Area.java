package dk.botilbudslaege.matching;

/**
 * The municipality or region a round covers (issue 6): its facilities are the openings. Its doctors are
 * wider (issue 11 item 13, seed 000: doctors "placeret langt væk"): the doctors of the area, every other
 * doctor of the region whose practice lies within {@code outsideKm} of an opening, and, when asked, the
 * doctors of the neighbouring regions ({@code region_neighbour}) within {@code neighbourKm}. A doctor is
 * where the practice is; membership is the region of today.
 *
 * @param regionCode       always set
 * @param municipalityCode null for a round of the whole region
 * @param municipalOnly    asked for by a municipality, which files for municipal and private facilities only
 * @param outsideKm        how far the region's doctors outside the municipality may be; null: as far as the plan
 * @param neighbourKm      null: no doctor of another region; else the neighbouring regions' within this distance
 */
record Area(String regionCode, String municipalityCode, boolean municipalOnly, Double outsideKm, Double neighbourKm) {

    /** An area asked for by a region (or opened by one): every facility in it. */
    Area(String regionCode, String municipalityCode) {
        this(regionCode, municipalityCode, false, null, null);
    }

    Area(String regionCode, String municipalityCode, boolean municipalOnly) {
        this(regionCode, municipalityCode, municipalOnly, null, null);
    }

    /** The same area with the neighbouring regions' doctors within {@code km} (null: none). */
    Area withNeighbours(Double km) {
        return new Area(regionCode, municipalityCode, municipalOnly, outsideKm, km);
    }

    /** The area of a round: the region's doctors outside it and, when included, the neighbours' within its reach. */
    static Area of(Rounds.Round round) {
        return new Area(
                round.regionCode(),
                round.municipalityCode(),
                false,
                round.reachKm(),
                round.includeNeighbours() ? round.reachKm() : null);
    }

    boolean regional() {
        return municipalityCode == null;
    }

    /** A condition on a facility's municipality code column, with the parameter {@code :areaCode}. */
    String condition(String municipalityColumn) {
        return regional()
                ? municipalityColumn
                        + " in (select municipality_code from current_municipality_region where region_code = :areaCode)"
                : municipalityColumn + " = :areaCode";
    }

    /**
     * A condition on a practice's municipality code column for the doctors who may take part, with the
     * parameter {@code :areaRegion}: the region's municipalities, and the neighbouring regions' when they are
     * included (the distance is each pair's to keep, {@link AreaDoctors.PracticeRoom#reaches}).
     */
    String doctorCondition(String municipalityColumn) {
        return municipalityColumn
                + " in (select municipality_code from current_municipality_region where region_code = :areaRegion"
                + (neighbourKm == null
                        ? ""
                        : " or region_code in (select neighbour_code from region_neighbour where region_code = :areaRegion)")
                + ")";
    }

    /** How far a doctor of a practice may be from an opening: null when no nearer than the plan's distance. */
    Double reachOf(boolean ownRegion, String practiceMunicipalityCode) {
        if (!ownRegion) {
            return neighbourKm;
        }
        return regional() || municipalityCode.equals(practiceMunicipalityCode) ? null : outsideKm;
    }

    String code() {
        return regional() ? regionCode : municipalityCode;
    }
}
