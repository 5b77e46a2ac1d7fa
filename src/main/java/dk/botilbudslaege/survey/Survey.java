package dk.botilbudslaege.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A status survey of a region (SPEC §8): its questions and the municipalities it is addressed to. */
public record Survey(
        long id,
        String regionCode,
        String title,
        String intro,
        LocalDate deadline,
        List<Integer> reminderDays,
        String status,
        String createdBy,
        Instant createdAt,
        Instant sentAt,
        List<Question> questions,
        List<String> municipalityCodes) {

    public boolean sent() {
        return "SENT".equals(status);
    }

    /** One question: its position from 1, text, type, the options of a CHOICE or MULTI, and whether required. */
    public record Question(long id, int position, String text, String type, List<String> options, boolean required) {

        public boolean closed() {
            return !type.equals("TEXT") && !type.equals("NUMBER");
        }
    }
}
