package dk.botilbudslaege.agreement;

import java.time.LocalDate;

/** A validated request for an agreement: the doctor, the resolved unit, the start date and how the match came about. */
record NewAgreement(long doctorId, Unit unit, LocalDate startDate, MatchMethod matchMethod) {}
