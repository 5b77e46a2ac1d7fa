package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.DanishTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    String page(CurrentUser user, @PathVariable long id, Model model) {
        Facility facility = counts.readable(user, id);
        model.addAttribute("nav", "facilities");
        model.addAttribute("facility", facility);
        model.addAttribute("rows", counts.list(user, id));
        model.addAttribute("canWrite", counts.writable(user, facility));
        model.addAttribute("thisMonth", YearMonth.now(DanishTime.DENMARK).toString());
        model.addAttribute("firstMonth", ResidentCounts.FIRST_MONTH.toString());
        // the form's values and errors by field name: mutable maps, so that a lookup never meets Map.of's
        // refusal of a null key
        if (!model.containsAttribute("countForm")) {
            model.addAttribute("countForm", new HashMap<String, String>());
        }
        if (!model.containsAttribute("countErrors")) {
            model.addAttribute("countErrors", new LinkedHashMap<String, String>());
        }
        return "collaboration/resident-counts";
    }

    @PostMapping("/facilities/{id}/resident-counts")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer residents = number(fields, "residents", errors, locale);
        Integer enrolled = number(fields, "enrolled", errors, locale);
        Integer temporary = number(fields, "temporary", errors, locale);
        Integer told = number(fields, "toldAboutChoice", errors, locale);
        String month = isoMonth(fields.getOrDefault("month", ""));
        if (errors.isEmpty()) {
            try {
                ResidentCount saved = counts.put(
                        user, id, month, new ResidentCounts.Input(null, residents, enrolled, temporary, told));
                redirect.addFlashAttribute(
                        "flash",
                        messages.getMessage(
                                "residentCount.saved", new Object[] {ResidentCounts.danish(saved.month())}, locale));
                return "redirect:/facilities/" + id + "/resident-counts";
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.putIfAbsent(
                            p.field(),
                            messages.getMessage(p.messageKey(), p.args().toArray(), locale));
                }
            }
        }
        model.addAttribute("countErrors", errors);
        model.addAttribute("countForm", new HashMap<>(fields));
        return page(user, id, model);
    }

    /** The page's month as {@code YYYY-MM}: "2026-11" as it is, and "11-2026" (as Danes write it) turned round. */
    static String isoMonth(String text) {
        String trimmed = text == null ? "" : text.trim();
        var danish = DANISH_MONTH.matcher(trimmed);
        if (danish.matches()) {
            String mm = danish.group(1).length() == 1 ? "0" + danish.group(1) : danish.group(1);
            return danish.group(2) + "-" + mm;
        }
        return trimmed;
    }

    private static final Pattern DANISH_MONTH = Pattern.compile("(\\d{1,2})[-/.](\\d{4})");

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
