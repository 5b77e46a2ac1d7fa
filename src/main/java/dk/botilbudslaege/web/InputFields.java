package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.SaneDates;
import dk.botilbudslaege.common.TextRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks a bound form or JSON body (the app's own records and form classes, with their lists and
 * nested objects) and reports every text that {@link TextRules} refuses and every date outside
 * {@link SaneDates}, each on its field path ({@code name}, {@code sections[2].name}).
 */
final class InputFields {

    private static final String APP_PACKAGE = "dk.botilbudslaege.";
    private static final int MAX_DEPTH = 8;

    private InputFields() {}

    static void check(Object target, Consumer<FieldProblem> problems) {
        walk(target, "", false, problems, new IdentityHashMap<>(), 0);
    }

    /** The problem of one value (text or date) on its field, or null. */
    static FieldProblem problem(String field, Object value, boolean multiLine) {
        if (value instanceof String text) {
            TextRules.Problem problem = TextRules.check(text, multiLine);
            return problem == null ? null : FieldProblem.of(field, problem.messageKey());
        }
        if (value instanceof LocalDate date) {
            return SaneDates.problem(field, date);
        }
        if (value instanceof YearMonth month && !SaneDates.contains(month)) {
            return SaneDates.problem(field, month.atDay(1));
        }
        return null;
    }

    private static void walk(
            Object value,
            String path,
            boolean multiLine,
            Consumer<FieldProblem> problems,
            Map<Object, Boolean> seen,
            int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        FieldProblem problem = problem(path, value, multiLine);
        if (problem != null) {
            problems.accept(problem);
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", multiLine, problems, seen, depth + 1);
            }
            return;
        }
        if (!value.getClass().getName().startsWith(APP_PACKAGE)
                || value.getClass().isEnum()
                || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
                walk(fieldValue, fieldPath, field.isAnnotationPresent(MultiLine.class), problems, seen, depth + 1);
            }
        }
    }
}
