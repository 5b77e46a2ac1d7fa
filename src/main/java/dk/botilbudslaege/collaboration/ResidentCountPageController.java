package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.DanishTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /facilities/{id}/resident-counts}: the facility's months with counts, newest first, and for its
 * facility side a form for a month's counts (a month already entered is replaced). Readers see the list only.
 */
@Controller
class ResidentCountPageController {

    private final ResidentCounts counts;
    private final MessageSource messages;

    ResidentCountPageController(ResidentCounts counts, MessageSource messages) {
        this.counts = counts;
        this.messages = messages;
    }

    @GetMapping("/facilities/{id}/resident-counts")
    String page(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model) {
        Facility facility = counts.readable(user, id);
        model.addAttribute("nav", "facilities");
        model.addAttribute("facility", facility);
        model.addAttribute("rows", counts.list(user, id));
        model.addAttribute("canWrite", counts.writable(user, facility));
        if (saved != null && saved.matches("\\d{4}-\\d{2}")) {
            model.addAttribute("flash", messages.getMessage("residentCount.saved", new Object[] {saved}, locale));
        }
        model.addAttribute("thisMonth", YearMonth.now(DanishTime.DENMARK).toString());
        model.addAttribute("firstMonth", ResidentCounts.FIRST_MONTH.toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", Map.of("month", YearMonth.now(DanishTime.DENMARK).toString()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "collaboration/resident-counts";
    }

    @PostMapping("/facilities/{id}/resident-counts")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer residents = number(fields, "residents", errors, locale);
        Integer enrolled = number(fields, "enrolled", errors, locale);
        Integer temporary = number(fields, "temporary", errors, locale);
        Integer told = number(fields, "toldAboutChoice", errors, locale);
        String month = fields.getOrDefault("month", "");
        if (errors.isEmpty()) {
            try {
                ResidentCount saved = counts.put(
                        user, id, month, new ResidentCounts.Input(null, residents, enrolled, temporary, told));
                return "redirect:/facilities/" + id + "/resident-counts?saved=" + saved.month();
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.putIfAbsent(
                            p.field(),
                            messages.getMessage(p.messageKey(), p.args().toArray(), locale));
                }
            }
        }
        model.addAttribute("countErrors", errors);
        model.addAttribute("countForm", fields);
        return page(user, id, null, locale, model);
    }

    private Integer number(Map<String, String> fields, String name, Map<String, String> errors, Locale locale) {
        String text = fields.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put(name, messages.getMessage("validation.typeMismatch", null, locale));
            return 0;
        }
    }
}
