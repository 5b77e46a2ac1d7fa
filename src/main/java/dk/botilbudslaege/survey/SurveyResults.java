package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.SpreadsheetText;
import dk.botilbudslaege.security.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The results of a survey for its region (issue 14 item 7): the response rate, who has not answered, and the
 * submitted answers side by side per question, with counts for the closed types and the region's own tags on
 * the free-text answers. Drafts are the municipality's own until submitted.
 */
@Service
@Transactional(readOnly = true)
public class SurveyResults {

    private final Surveys surveys;
    private final JdbcClient jdbc;

    SurveyResults(Surveys surveys, JdbcClient jdbc) {
        this.surveys = surveys;
        this.jdbc = jdbc;
    }

    public record Municipality(String municipalityCode, String name) {}

    public record AnswerRow(String municipalityCode, String name, JsonNode value, List<String> tags) {}

    public record QuestionResult(
            long id,
            int position,
            String text,
            String type,
            List<String> options,
            Map<String, Integer> counts,
            List<AnswerRow> answers) {}

    public record Results(
            Survey survey,
            int addressees,
            int submitted,
            BigDecimal responseRate,
            List<Municipality> notAnswered,
            List<QuestionResult> questions) {}

    /** The results of the region's own survey. */
    public Results results(CurrentUser user, long id) {
        return results(surveys.own(user, id));
    }

    Results results(Survey survey) {
        Map<String, String> names = surveys.municipalityNames(survey.municipalityCodes());
        Map<String, Surveys.Answer> submitted = new LinkedHashMap<>();
        List<Municipality> notAnswered = new ArrayList<>();
        for (Map.Entry<String, String> m : names.entrySet()) {
            Surveys.Answer a = surveys.answerOf(survey.id(), m.getKey());
            if (a.submitted()) {
                submitted.put(m.getKey(), a);
            } else {
                notAnswered.add(new Municipality(m.getKey(), m.getValue()));
            }
        }
        Map<String, List<String>> tags = tags(survey.id());
        List<QuestionResult> questions = new ArrayList<>();
        for (Survey.Question q : survey.questions()) {
            Map<String, Integer> counts = null;
            if (q.type().equals("YES_NO")) {
                counts = new LinkedHashMap<>();
                counts.put("true", 0);
                counts.put("false", 0);
            } else if (q.closed()) {
                counts = new LinkedHashMap<>();
                for (String o : q.options()) {
                    counts.put(o, 0);
                }
            }
            List<AnswerRow> rows = new ArrayList<>();
            for (Surveys.Answer a : submitted.values()) {
                JsonNode v = a.values().get(q.id());
                if (v == null) {
                    continue;
                }
                if (counts != null) {
                    if (v.isArray()) {
                        for (JsonNode o : v) {
                            counts.computeIfPresent(o.asString(), (k, n) -> n + 1);
                        }
                    } else {
                        counts.computeIfPresent(
                                v.isBoolean() ? String.valueOf(v.asBoolean()) : v.asString(), (k, n) -> n + 1);
                    }
                }
                rows.add(new AnswerRow(
                        a.municipalityCode(),
                        names.get(a.municipalityCode()),
                        v,
                        tags.getOrDefault(q.id() + "/" + a.municipalityCode(), List.of())));
            }
            questions.add(new QuestionResult(q.id(), q.position(), q.text(), q.type(), q.options(), counts, rows));
        }
        int addressees = names.size();
        BigDecimal rate = addressees == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(submitted.size()).divide(BigDecimal.valueOf(addressees), 3, RoundingMode.HALF_UP);
        return new Results(survey, addressees, submitted.size(), rate, notAnswered, questions);
    }

    private Map<String, List<String>> tags(long surveyId) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        jdbc.sql("select question_id, municipality_code, tag from survey_tag where survey_id = :s order by tag")
                .param("s", surveyId)
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3)))
                .list();
        return tags;
    }

    /**
     * The results as a workbook: an overview, and one row per answering municipality with a column per question
     * (and one with the region's tags per free-text question).
     */
    public byte[] xlsx(CurrentUser user, long id) {
        Results r = results(user, id);
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd-mm-yyyy"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle integer = book.createCellStyle();
            integer.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            // issue 16 item 5: answered numbers read 1.531 and 3,5 in a Danish Excel
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("#,##0.##########"));
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            Sheet overview = book.createSheet("Overblik");
            row(overview, 0, "Statusundersøgelse", r.survey().title());
            // a real date, a whole number and a percentage, shown as Danish Excel shows them
            row(overview, 1, "Svarfrist");
            Cell deadline = overview.getRow(1).createCell(1);
            deadline.setCellValue(r.survey().deadline());
            deadline.setCellStyle(date);
            row(overview, 2, "Modtagere", r.addressees());
            overview.getRow(2).getCell(1).setCellStyle(integer);
            row(overview, 3, "Besvaret", r.submitted());
            overview.getRow(3).getCell(1).setCellStyle(integer);
            row(overview, 4, "Svarprocent", r.responseRate().doubleValue());
            overview.getRow(4).getCell(1).setCellStyle(percent);
            overview.setColumnWidth(0, 50 * 256);
            overview.setColumnWidth(1, 20 * 256);
            int at = 6;
            row(overview, at++, "Ikke besvaret");
            for (Municipality m : r.notAnswered()) {
                row(overview, at++, m.municipalityCode(), m.name());
            }
            at++;
            for (QuestionResult q : r.questions()) {
                if (q.counts() == null) {
                    continue;
                }
                row(overview, at++, q.position() + ". " + q.text());
                for (Map.Entry<String, Integer> c : q.counts().entrySet()) {
                    row(overview, at, label(c.getKey()), c.getValue());
                    overview.getRow(at++).getCell(1).setCellStyle(integer);
                }
            }
            Sheet answers = book.createSheet("Svar");
            Row head = answers.createRow(0);
            head.createCell(0).setCellValue("Kommunekode");
            head.createCell(1).setCellValue("Kommune");
            for (QuestionResult q : r.questions()) {
                head.createCell(1 + q.position()).setCellValue(SpreadsheetText.safe(q.position() + ". " + q.text()));
            }
            // the region's tags on a free-text answer: a column per TEXT question after the questions
            Map<Long, Integer> tagColumn = new LinkedHashMap<>();
            for (QuestionResult q : r.questions()) {
                if (q.type().equals("TEXT")) {
                    int column = 2 + r.questions().size() + tagColumn.size();
                    answers.setColumnWidth(1 + q.position(), 60 * 256); // free text: wide, wrapped
                    answers.setColumnWidth(column, 25 * 256);
                    tagColumn.put(q.id(), column);
                    head.createCell(column).setCellValue(SpreadsheetText.safe(q.position() + ". Mærker"));
                }
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            for (QuestionResult q : r.questions()) {
                for (AnswerRow a : q.answers()) {
                    Row row = rows.computeIfAbsent(a.municipalityCode(), code -> {
                        Row x = answers.createRow(rows.size() + 1);
                        x.createCell(0).setCellValue(code);
                        x.createCell(1).setCellValue(SpreadsheetText.safe(a.name()));
                        return x;
                    });
                    JsonNode v = a.value();
                    if (v.isNumber()) {
                        row.createCell(1 + q.position()).setCellValue(v.doubleValue());
                        row.getCell(1 + q.position())
                                .setCellStyle(
                                        v.decimalValue().stripTrailingZeros().scale() <= 0 ? integer : number);
                    } else {
                        Cell cell = row.createCell(1 + q.position());
                        cell.setCellValue(SpreadsheetText.safe(text(v)));
                        if (q.type().equals("TEXT")) {
                            cell.setCellStyle(wrap);
                        }
                    }
                    if (tagColumn.containsKey(q.id()) && !a.tags().isEmpty()) {
                        row.createCell(tagColumn.get(q.id()))
                                .setCellValue(SpreadsheetText.safe(String.join("; ", a.tags())));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String label(String countKey) {
        return switch (countKey) {
            case "true" -> "Ja";
            case "false" -> "Nej";
            default -> countKey;
        };
    }

    /** A value as text: Ja/Nej, options joined by "; ", the number or the text. */
    public static String text(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "Ja" : "Nej";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(o -> parts.add(o.asString()));
            return String.join("; ", parts);
        }
        if (v.isNumber()) {
            // as Danes write it: 3,5 and 1.531 (issue 16 item 5)
            java.text.NumberFormat danish =
                    java.text.NumberFormat.getNumberInstance(dk.botilbudslaege.common.DanishFormats.DANISH);
            danish.setMaximumFractionDigits(10);
            return danish.format(v.decimalValue().stripTrailingZeros());
        }
        return v.asString();
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        row(sheet.createRow(index), cells);
    }

    private static void row(Row row, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            if (c instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(SpreadsheetText.safe(c));
            }
        }
    }
}
