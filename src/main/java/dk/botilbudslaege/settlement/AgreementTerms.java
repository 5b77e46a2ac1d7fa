package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What settlement needs of an approved agreement: who is paid, its period, the unit's facilities (or
 * a section's residents), the doctor's dispensations on hours and the practice's dated VAT status.
 *
 * @param vatRegistered     the VAT status when no history is given
 * @param sectionResidents  the residents of the section for a section agreement, else null
 * @param vatHistory        the practice's VAT status from each date on (SPEC F5); empty: {@code vatRegistered}
 *                          on every day
 */
public record AgreementTerms(
        long agreementId,
        long doctorId,
        String providerNumber,
        String regionCode,
        boolean vatRegistered,
        LocalDate start,
        LocalDate end,
        List<Long> facilityIds,
        Integer sectionResidents,
        List<HoursDispensation> hoursDispensations,
        NavigableMap<LocalDate, Boolean> vatHistory) {

    public AgreementTerms {
        vatHistory = vatHistory == null ? new TreeMap<>() : new TreeMap<>(vatHistory);
    }

    /** Terms whose VAT status is the same on every day. */
    public AgreementTerms(
            long agreementId,
            long doctorId,
            String providerNumber,
            String regionCode,
            boolean vatRegistered,
            LocalDate start,
            LocalDate end,
            List<Long> facilityIds,
            Integer sectionResidents,
            List<HoursDispensation> hoursDispensations) {
        this(
                agreementId,
                doctorId,
                providerNumber,
                regionCode,
                vatRegistered,
                start,
                end,
                facilityIds,
                sectionResidents,
                hoursDispensations,
                null);
    }

    /** F3, F5: whether the practice was VAT registered on a day (before its first dated status: that status). */
    public boolean vatRegisteredOn(LocalDate day) {
        if (vatHistory.isEmpty()) {
            return vatRegistered;
        }
        Map.Entry<LocalDate, Boolean> entry = vatHistory.floorEntry(day);
        return (entry != null ? entry : vatHistory.firstEntry()).getValue();
    }

    /** A HOURS dispensation: the monthly hours from one date to another (open-ended when {@code to} is null). */
    public record HoursDispensation(LocalDate from, LocalDate to, BigDecimal hours) {

        boolean validOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }
}
