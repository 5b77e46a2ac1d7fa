package dk.botilbudslaege.survey;

/** What an answer to a question is: yes or no, one option, several options, a number, or free text. */
public enum QuestionType {
    YES_NO,
    CHOICE,
    MULTI,
    NUMBER,
    TEXT;

    static QuestionType of(String text) {
        for (QuestionType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
