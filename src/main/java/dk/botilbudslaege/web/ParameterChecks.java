package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.MultiLine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Issue 10, items 6 and 7, for request parameters and path variables: every query or form parameter
 * of every request (filters such as {@code q}, a reason, a group's name) is checked by the text rules,
 * and a date parameter ({@code ?date=}, {@code validTo}) by the date window, before the handler runs;
 * all bad parameters are refused together, {@code 400 VALIDATION_FAILED}. A parameter is one line
 * unless the handler marks it {@link MultiLine}. The fields of a validated form ({@code @Valid}) are
 * left to {@link InputValidator}, which shows each message by its field on the form.
 */
final class ParameterChecks implements HandlerInterceptor {

    private record Shape(
            Set<String> formFields, Set<String> multiLine, List<Pattern> multiLineFields, Map<String, Class<?>> types) {

        boolean isMultiLine(String name) {
            return multiLine.contains(name)
                    || multiLineFields.stream().anyMatch(p -> p.matcher(name).matches());
        }
    }

    private final Map<HandlerMethod, Shape> shapes = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR) {
            return true; // the error page of a request already refused (its parameters may be unreadable)
        }
        Shape shape = shapes.computeIfAbsent(method, ParameterChecks::shape);
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (shape.formFields().contains(root(name))) {
                continue;
            }
            for (String value : parameter.getValue()) {
                FieldProblem problem = problem(name, value, shape);
                if (problem != null) {
                    problems.add(problem);
                    break;
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                FieldProblem problem = problem(String.valueOf(name), String.valueOf(value), shape);
                if (problem != null) {
                    problems.add(problem);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return true;
    }

    private static FieldProblem problem(String name, String value, Shape shape) {
        FieldProblem problem = InputFields.problem(name, value, shape.isMultiLine(name));
        if (problem != null) {
            return problem;
        }
        Class<?> type = shape.types().get(name);
        try {
            if (type == LocalDate.class && !value.isBlank()) {
                // a page's date is dd-mm-åååå or åååå-mm-dd (issue 16); one that cannot be read is the conversion's
                LocalDate date = dk.botilbudslaege.common.PageDates.parse(value);
                return date == null ? null : InputFields.problem(name, date, false);
            }
            if (type == YearMonth.class && !value.isBlank()) {
                return InputFields.problem(name, YearMonth.parse(value.trim()), false);
            }
        } catch (DateTimeParseException e) {
            return null; // the conversion refuses it on its field
        }
        return null;
    }

    private static String root(String name) {
        int end = name.length();
        for (char c : new char[] {'.', '['}) {
            int i = name.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return name.substring(0, end);
    }

    private static Shape shape(HandlerMethod method) {
        Set<String> formFields = new HashSet<>();
        Set<String> multiLine = new HashSet<>();
        List<Pattern> multiLineFields = new ArrayList<>();
        Map<String, Class<?>> types = new ConcurrentHashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter = parameter.withContainingClass(method.getBeanType());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            String name = param == null ? null : !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            if (name == null && !parameter.hasParameterAnnotation(RequestBody.class) && validated(parameter)) {
                for (Class<?> type = parameter.getParameterType();
                        type != null && type != Object.class;
                        type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        formFields.add(field.getName());
                    }
                }
            }
            if (name != null) {
                types.put(name, parameter.getParameterType());
                MultiLine lines = parameter.getParameterAnnotation(MultiLine.class);
                if (lines != null && lines.value().length == 0) {
                    multiLine.add(name);
                } else if (lines != null) {
                    // a map of a page's fields: the fields it names may hold several lines
                    for (String field : lines.value()) {
                        multiLineFields.add(Pattern.compile(field));
                    }
                }
            }
        }
        return new Shape(
                Set.copyOf(formFields), Set.copyOf(multiLine), List.copyOf(multiLineFields), Map.copyOf(types));
    }

    private static boolean validated(MethodParameter parameter) {
        for (var annotation : parameter.getParameterAnnotations()) {
            if (ValidationAnnotationUtils.determineValidationHints(annotation) != null) {
                return true;
            }
        }
        return false;
    }
}
