package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The filed information form (oplysningsskema, SPEC §3), with the facts as they were when filed:
 * facility/unit, operator, legal basis, residents, doctor, practice and provider number, start date,
 * monthly hours, VAT status and the facility's contact person.
 */
public record InformationForm(
        long agreementId,
        String filedBy,
        OffsetDateTime filedAt,
        String unitName,
        String operator,
        String legalBasis,
        int residents,
        String doctorName,
        String practiceName,
        String providerNumber,
        LocalDate startDate,
        BigDecimal monthlyHours,
        boolean vatRegistered,
        String contactName,
        String contactRole,
        String contactEmail,
        String contactPhone,
        boolean noOtherContract) {}
