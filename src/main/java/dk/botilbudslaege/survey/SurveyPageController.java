package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The survey pages (issue 14 items 5-7) over {@link Surveys} and {@link SurveyResults}: the region composes a
 * draft, previews it, sends it after a confirmation naming the municipalities, and reads the results; a
 * municipality lists its surveys and answers (a draft, then submitted; editable until the deadline). A bad field
 * shows by the field with what was typed kept; nothing is saved then.
 */
@Controller
class SurveyPageController {

    /** The compose form starts with this many question rows; empty rows are left out. */
    static final int QUESTION_ROWS = 8;

    /** "Tilføj spørgsmål" adds a row up to as many questions as a survey may have (the API's limit). */
    static final int MAX_QUESTION_ROWS = Surveys.MAX_QUESTIONS;

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)\\].*");
    private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)\\].*");

    private final Surveys surveys;
    private final SurveyResults results;
    private final SurveyTags tags;
    private final MessageSource messages;
    private final SurveyHistory history;

    SurveyPageController(
            Surveys surveys, SurveyResults results, SurveyTags tags, MessageSource messages, SurveyHistory history) {
        this.history = history;
        this.surveys = surveys;
        this.results = results;
        this.tags = tags;
        this.messages = messages;
    }

    /** A row of a list: the survey, and for the region its response rate, for a municipality its own status. */
    record Row(Survey survey, String rate, String status) {}

    // ---------------------------------------------------------------- lists

    @GetMapping("/surveys")
    String list(CurrentUser user, Model model, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (Survey s : surveys.list(user)) {
            if (user.is(Role.REGION)) {
                rows.add(new Row(s, s.sent() ? rate(results.results(s), locale) : null, null));
            } else {
                Surveys.Answer a = surveys.answerOf(s.id(), user.municipalityCode());
                String status = a.submitted() ? "SUBMITTED" : a.updatedAt() != null ? "DRAFT" : "NONE";
                rows.add(new Row(s, null, status));
            }
        }
        model.addAttribute("nav", "surveys");
        model.addAttribute("rows", rows);
        model.addAttribute("region", user.is(Role.REGION));
        return "survey/list";
    }

    // ---------------------------------------------------------------- composing

    @GetMapping("/surveys/new")
    String compose(CurrentUser user, Model model) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("survey.regionOnly");
        }
        Map<String, String> municipalities = surveys.regionMunicipalities(user.regionCode());
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new HashMap<>();
            form.put("reminderDays", "7, 1");
            model.addAttribute("form", form);
            model.addAttribute("chosen", new LinkedHashSet<>(municipalities.keySet()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new LinkedHashMap<String, String>());
        }
        int rows = model.containsAttribute("rowCount") ? (Integer) model.getAttribute("rowCount") : QUESTION_ROWS;
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            indexes.add(i);
        }
        model.addAttribute("canAddRow", rows < MAX_QUESTION_ROWS);
        model.addAttribute("nav", "surveys");
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("rowIndexes", indexes);
        model.addAttribute("types", QuestionType.values());
        return "survey/compose";
    }

    @PostMapping("/surveys/new")
    String create(
            CurrentUser user,
            @MultiLine({"intro", "q\\d+\\.text", "q\\d+\\.options"}) @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("survey.regionOnly");
        }
        int rows = rowCount(fields);
        if ("addQuestion".equals(first(fields, "action"))) {
            // the form again with what was typed kept and one more row; nothing is saved
            model.addAttribute("errors", new LinkedHashMap<String, String>());
            model.addAttribute("form", new HashMap<>(fields.toSingleValueMap()));
            model.addAttribute("chosen", new LinkedHashSet<>(fields.getOrDefault("municipality", List.of())));
            model.addAttribute("rowCount", Math.min(rows + 1, MAX_QUESTION_ROWS));
            return compose(user, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate deadline = null;
        String deadlineText = first(fields, "deadline").strip();
        if (!deadlineText.isEmpty()) {
            deadline = date(deadlineText);
            if (deadline == null) {
                errors.put("deadline", text("survey.page.deadline.invalid", locale));
            }
        }
        List<Integer> reminderDays = new ArrayList<>();
        for (String part : first(fields, "reminderDays").split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                reminderDays.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                errors.put("reminderDays", text("survey.page.reminderDays.invalid", locale));
                reminderDays.add(null); // refused by the service too: nothing is saved
            }
        }
        List<Surveys.QuestionInput> questions = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String qText = first(fields, "q" + i + ".text");
            String options = first(fields, "q" + i + ".options");
            if (qText.isBlank() && options.isBlank()) {
                continue; // an empty row
            }
            String type = first(fields, "q" + i + ".type");
            List<String> optionList =
                    options.lines().map(String::strip).filter(o -> !o.isEmpty()).toList();
            boolean choice = "CHOICE".equals(type) || "MULTI".equals(type);
            questions.add(new Surveys.QuestionInput(
                    qText,
                    type,
                    choice ? optionList : optionList.isEmpty() ? null : optionList,
                    fields.containsKey("q" + i + ".required")));
            rowOf.add(i);
        }
        List<String> chosen = fields.getOrDefault("municipality", List.of());
        Surveys.Input input = new Surveys.Input(
                first(fields, "title"),
                first(fields, "intro"),
                deadline,
                reminderDays,
                questions,
                new Surveys.Addressees(chosen));
        // an unreadable deadline or reminder is also refused by the service (null), so every bad field shows
        try {
            Survey survey = surveys.create(user, input);
            redirect.addFlashAttribute("flash", text("survey.page.created", locale));
            return "redirect:/surveys/" + survey.id();
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(composeField(p.field(), rowOf), message(p, locale));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", new HashMap<>(fields.toSingleValueMap()));
        model.addAttribute("chosen", new LinkedHashSet<>(chosen));
        model.addAttribute("rowCount", rows);
        return compose(user, model);
    }

    /** The rows the form had (its hidden "rows"), at least {@link #QUESTION_ROWS}, at most {@link #MAX_QUESTION_ROWS}. */
    static int rowCount(MultiValueMap<String, String> fields) {
        Long given = number(first(fields, "rows"));
        if (given == null) {
            return QUESTION_ROWS;
        }
        return (int) Math.max(QUESTION_ROWS, Math.min(given, MAX_QUESTION_ROWS));
    }

    /** The page's field of a problem of {@link Surveys#create}: question i is the form's row {@code rowOf[i]}. */
    static String composeField(String field, List<Integer> rowOf) {
        if (field.startsWith("reminderDays")) {
            return "reminderDays";
        }
        if (field.startsWith("addressees")) {
            return "municipality";
        }
        Matcher m = QUESTION_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < rowOf.size() ? "q" + rowOf.get(i) : "questions";
        }
        return field;
    }

    /** The preview: the questions as the addressees will see them, and "Send" while a draft. */
    @GetMapping("/surveys/{id}")
    String preview(CurrentUser user, @PathVariable long id, Model model) {
        Survey survey = surveys.get(user, id);
        if (user.is(Role.MUNICIPALITY)) {
            return "redirect:/surveys/" + id + "/answer";
        }
        model.addAttribute("nav", "surveys");
        model.addAttribute("survey", survey);
        model.addAttribute("names", surveys.municipalityNames(survey.municipalityCodes()));
        model.addAttribute("deadline", DANISH_DATE.format(survey.deadline()));
        // the answer form as the municipalities will see it, empty and disabled
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "survey/preview";
    }

    // ---------------------------------------------------------------- sending

    @GetMapping("/surveys/{id}/send")
    String confirmSend(
            CurrentUser user, @PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
        Survey survey = surveys.own(user, id);
        if (survey.sent()) {
            redirect.addFlashAttribute("flash", text("survey.conflict.alreadySent", locale));
            return "redirect:/surveys/" + id;
        }
        model.addAttribute("nav", "surveys");
        model.addAttribute("survey", survey);
        model.addAttribute("names", surveys.municipalityNames(survey.municipalityCodes()));
        model.addAttribute("noUsers", surveys.noUsers(survey));
        model.addAttribute("deadline", DANISH_DATE.format(survey.deadline()));
        return "survey/send";
    }

    @PostMapping("/surveys/{id}/send")
    String send(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Locale locale,
            RedirectAttributes redirect) {
        Survey survey = surveys.own(user, id);
        if (!confirmed) {
            return "redirect:/surveys/" + id + "/send";
        }
        try {
            surveys.send(user, id);
            redirect.addFlashAttribute(
                    "flash",
                    text(
                            "survey.page.sent",
                            locale,
                            survey.title(),
                            survey.municipalityCodes().size()));
            return "redirect:/surveys/" + id + "/results";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", text(e.messageKey(), locale));
            return "redirect:/surveys/" + id;
        }
    }

    // ---------------------------------------------------------------- results

    @GetMapping("/surveys/{id}/results")
    String results(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        SurveyResults.Results r = results.results(user, id);
        model.addAttribute("nav", "surveys");
        model.addAttribute("r", r);
        model.addAttribute("survey", r.survey());
        model.addAttribute("rate", rate(r, locale));
        model.addAttribute("deadline", DANISH_DATE.format(r.survey().deadline()));
        model.addAttribute("allTags", tags.counts(id, null).keySet());
        Map<Long, Map<String, Integer>> tagCounts = new HashMap<>();
        for (SurveyResults.QuestionResult q : r.questions()) {
            tagCounts.put(q.id(), tags.counts(id, q.id()));
        }
        model.addAttribute("tagCounts", tagCounts);
        model.addAttribute("history", history.history(user, id, locale));
        return "survey/results";
    }

    /**
     * The tag form's fields, bound as a validated form so that the tag is checked by {@link SurveyTags} (an invisible
     * character or a line break too) and shown by the answer's form with the text kept, not as the generic 400 page.
     */
    public static final class TagForm {
        private String questionId;
        private String municipalityCode;
        private String tag;

        public String getQuestionId() {
            return questionId;
        }

        public void setQuestionId(String questionId) {
            this.questionId = questionId;
        }

        public String getMunicipalityCode() {
            return municipalityCode;
        }

        public void setMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }

        public String getTag() {
            return tag;
        }

        public void setTag(String tag) {
            this.tag = tag;
        }
    }

    /** Tags a free-text answer; a bad field shows by the answer's form with the tag kept. */
    @PostMapping("/surveys/{id}/tags")
    String addTag(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("tagForm") TagForm form,
            BindingResult ignored, // the same rules are met by SurveyTags.add, which names the field
            Locale locale,
            RedirectAttributes redirect) {
        surveys.own(user, id);
        Long questionId = number(form.getQuestionId() == null ? "" : form.getQuestionId());
        String code = form.getMunicipalityCode() == null ? "" : form.getMunicipalityCode();
        String tag = form.getTag() == null ? "" : form.getTag();
        try {
            SurveyTags.Added added = tags.add(user, id, new SurveyTags.TagInput(questionId, code, tag));
            redirect.addFlashAttribute(
                    "flash", text("survey.tag.flash.added", locale, added.tag().tag()));
        } catch (InvalidInputException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(message(p, locale)));
            Map<String, String> tagError = new HashMap<>();
            tagError.put("answer", questionId + "/" + code);
            tagError.put("message", String.join(" ", problems));
            tagError.put("value", tag);
            redirect.addFlashAttribute("tagError", tagError);
        }
        return "redirect:/surveys/" + id + "/results" + anchor(questionId, code);
    }

    /** Removes a tag from a free-text answer. */
    @PostMapping("/surveys/{id}/tags/remove")
    String removeTag(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        surveys.own(user, id);
        Long questionId = number(first(fields, "questionId"));
        String code = first(fields, "municipalityCode");
        String tag = first(fields, "tag");
        try {
            if (questionId == null) {
                throw NotFoundException.of(SurveyTags.TAG_ENTITY, tag);
            }
            tags.remove(user, id, questionId, code, tag);
            redirect.addFlashAttribute("flash", text("survey.tag.flash.removed", locale, tag.strip()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", text("survey.tag.flash.notFound", locale));
        }
        return "redirect:/surveys/" + id + "/results" + anchor(questionId, code);
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The answer's place on the results page, when the question and municipality are plain. */
    private static String anchor(Long questionId, String code) {
        return questionId != null && code.matches("\\d{3}") ? "#answer-" + questionId + "-" + code : "";
    }

    /** "18 af 19 (94,7 %)". */
    private String rate(SurveyResults.Results r, Locale locale) {
        BigDecimal percent = r.responseRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        String number = percent.toPlainString();
        if (!"en".equals(locale.getLanguage())) {
            number = number.replace('.', ',');
        }
        return text("survey.page.rate", locale, r.submitted(), r.addressees(), number);
    }

    // ---------------------------------------------------------------- answering

    @GetMapping("/surveys/{id}/answer")
    String answer(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        Survey survey = surveys.get(user, id);
        if (!user.is(Role.MUNICIPALITY)) {
            return "redirect:/surveys/" + id;
        }
        Surveys.Answer answer = surveys.answer(user, id);
        if (!model.containsAttribute("values")) {
            Map<String, List<String>> values = new HashMap<>();
            answer.values().forEach((q, v) -> values.put("a" + q, strings(v, locale)));
            model.addAttribute("values", values);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new LinkedHashMap<String, String>());
        }
        model.addAttribute("nav", "surveys");
        model.addAttribute("survey", survey);
        model.addAttribute("answer", answer);
        model.addAttribute("open", !surveys.today().isAfter(survey.deadline()));
        model.addAttribute("deadline", DANISH_DATE.format(survey.deadline()));
        return "survey/answer";
    }

    @PostMapping("/surveys/{id}/answer")
    String saveAnswer(
            CurrentUser user,
            @PathVariable long id,
            @MultiLine("a\\d+") @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Survey survey = surveys.addressed(user, id);
        // once submitted, every change goes to the region at once: a "Gem kladde" from a stale page is a submit
        boolean submitting = "submit".equals(first(fields, "action"))
                || surveys.answer(user, id).submitted();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Surveys.AnswerValue> values = new ArrayList<>();
        List<Long> questionOf = new ArrayList<>();
        for (Survey.Question q : survey.questions()) {
            String field = "a" + q.id();
            List<String> given = fields.getOrDefault(field, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
            if (given.isEmpty()) {
                continue;
            }
            if (given.size() > 1 && !q.type().equals(QuestionType.MULTI.name())) {
                // only a hand-made request repeats a field; the API refuses ["A"] for one value too
                errors.put(field, text("survey.answer.oneValue", locale, q.position()));
                continue;
            }
            JsonNode value = value(q, given, locale);
            if (value == null) {
                errors.put(field, text("survey.answer.number", locale, q.position()));
                continue;
            }
            values.add(new Surveys.AnswerValue(q.id(), value));
            questionOf.add(q.id());
        }
        if (errors.isEmpty()) {
            try {
                Surveys.AnswerInput input = new Surveys.AnswerInput(values);
                if (submitting) {
                    surveys.submit(user, id, input);
                } else {
                    surveys.save(user, id, input);
                }
                redirect.addFlashAttribute(
                        "flash", text(submitting ? "survey.page.submitted" : "survey.page.saved", locale));
                return "redirect:/surveys/" + id + "/answer";
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.putIfAbsent(answerField(p.field(), questionOf, survey), message(p, locale));
                }
            } catch (ConflictException e) {
                errors.put("form", text(e.messageKey(), locale));
            }
        }
        Map<String, List<String>> kept = new HashMap<>();
        fields.forEach((k, v) -> kept.put(k, v));
        model.addAttribute("errors", errors);
        model.addAttribute("values", kept);
        return answer(user, id, model, locale);
    }

    /** The page's field of a problem of an answer: "a" + the question's id. */
    static String answerField(String field, List<Long> questionOf, Survey survey) {
        Matcher m = ANSWER_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < questionOf.size() ? "a" + questionOf.get(i) : "form";
        }
        Matcher q = QUESTION_FIELD.matcher(field);
        if (q.matches()) {
            int position = Integer.parseInt(q.group(1)) + 1;
            for (Survey.Question question : survey.questions()) {
                if (question.position() == position) {
                    return "a" + question.id();
                }
            }
        }
        return "form";
    }

    /** The form's values as the API's: null when a number cannot be read. */
    static JsonNode value(Survey.Question q, List<String> given, Locale locale) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String one = given.get(0).strip();
        switch (QuestionType.valueOf(q.type())) {
            case YES_NO:
                return "true".equals(one)
                        ? f.booleanNode(true)
                        : "false".equals(one) ? f.booleanNode(false) : f.stringNode(one);
            case MULTI:
                ArrayNode array = f.arrayNode();
                given.forEach(array::add);
                return array;
            case NUMBER:
                BigDecimal number = number(one, locale);
                return number == null ? null : f.numberNode(number);
            default:
                return f.stringNode(given.get(0));
        }
    }

    private static final Pattern DANISH_GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * A number as the reader writes it: in Danish 1.234 is a thousand and more and 3,5 a half over three, so a
     * point that is not a thousands separator (1.5) is refused rather than guessed; in English the other way round.
     */
    static BigDecimal number(String typed, Locale locale) {
        String n = typed.replace(" ", "").replace("\u00a0", "");
        boolean danish = !"en".equals(locale.getLanguage());
        char thousands = danish ? '.' : ',';
        char decimal = danish ? ',' : '.';
        if ((danish ? DANISH_GROUPED : ENGLISH_GROUPED).matcher(n).matches()) {
            n = n.replace(String.valueOf(thousands), "");
        } else if (n.indexOf(thousands) >= 0) {
            return null;
        }
        try {
            return new BigDecimal(n.replace(decimal, '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A stored value as the form's strings; a number as the reader writes it (3,5 in Danish). */
    static List<String> strings(JsonNode v, Locale locale) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(o -> out.add(o.asString()));
        } else if (v.isBoolean()) {
            out.add(String.valueOf(v.asBoolean()));
        } else if (v.isNumber()) {
            // grouped as the reader writes it (1.234,5 in Danish, 1,234.5 in English), which number() reads back
            java.text.DecimalFormat format = (java.text.DecimalFormat) java.text.NumberFormat.getNumberInstance(
                    "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("da-DK"));
            format.setMaximumFractionDigits(10);
            format.setParseBigDecimal(true);
            out.add(format.format(v.decimalValue()));
        } else {
            out.add(v.asString());
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static String first(MultiValueMap<String, String> fields, String name) {
        String v = fields.getFirst(name);
        return v == null ? "" : v;
    }

    /** A date as the browser's date field sends it (2026-12-01) or as Danes write it (01-12-2026). */
    static LocalDate date(String text) {
        return dk.botilbudslaege.common.PageDates.parse(text); // strict: 31-02-2026 is no day
    }

    private String message(FieldProblem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
