package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What settlement needs of an approved agreement: who is paid, its period, the unit's facilities (or
 * a section's residents) and the doctor's dispensations on hours.
 *
 * @param sectionResidents the residents of the section for a section agreement, else null
 */
public record AgreementTerms(long agreementId, long doctorId, String providerNumber, String regionCode,
                             boolean vatRegistered, LocalDate start, LocalDate end, List<Long> facilityIds,
                             Integer sectionResidents, List<HoursDispensation> hoursDispensations) {

    /** A HOURS dispensation: the monthly hours from one date to another (open-ended when {@code to} is null). */
    public record HoursDispensation(LocalDate from, LocalDate to, BigDecimal hours) {

        boolean validOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }
}
