package dk.botilbudslaege.common;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One problem in a file of rows (an import, SPEC §2): the spreadsheet row it is in (the header is
 * row 1; null for the file as a whole), the field it concerns as the API names it, the column as
 * the file names it, and a message to resolve in the reader's language.
 */
public record RowProblem(Integer row, String field, String column, MessageSourceResolvable message) {

    public static RowProblem of(Integer row, String field, String column, String messageKey, Object... args) {
        return new RowProblem(
                row, field, column, new DefaultMessageSourceResolvable(new String[] {messageKey}, args, messageKey));
    }

    /** A problem whose message is already resolved, e.g. one Bean Validation interpolated. */
    public static RowProblem withText(Integer row, String field, String column, String text) {
        return new RowProblem(row, field, column, new DefaultMessageSourceResolvable(null, null, text));
    }
}
