package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A dispensation granted by the region, valid from one date to another (open-ended when validTo is null). */
public record Dispensation(
        long id,
        long doctorId,
        DispensationKind kind,
        Integer maxFacilities,
        BigDecimal monthlyHours,
        LocalDate validFrom,
        LocalDate validTo,
        String reason,
        String grantedBy,
        OffsetDateTime grantedAt) {

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
