package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.DanishTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
        return page(user, id, null, model);
    }

    /**
     * The page; {@code edit}, a month in the list ("Ret"), fills the form with that month's four counts. An
     * unknown month leaves the form as it is.
     */
    @GetMapping(value = "/facilities/{id}/resident-counts", params = "edit")
    String page(CurrentUser user, @PathVariable long id, @RequestParam String edit, Model model) {
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
            Map<String, String> form = new HashMap<>();
            if (edit != null && counts.writable(user, facility)) {
                String month = ResidentCounts.iso(edit);
                counts.list(user, id).stream()
                        .filter(c -> c.month().toString().equals(month))
                        .findFirst()
                        .ifPresent(c -> {
                            form.put("month", c.month().toString());
                            form.put("residents", String.valueOf(c.residents()));
                            form.put("enrolled", String.valueOf(c.enrolled()));
                            form.put("temporary", String.valueOf(c.temporary()));
                            form.put("toldAboutChoice", String.valueOf(c.toldAboutChoice()));
                        });
            }
            model.addAttribute("countForm", form);
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
        return page(user, id, null, model);
    }

    /** The page's month as {@code YYYY-MM}: "2026-11" as it is, and "11-2026" (as Danes write it) turned round. */
    static String isoMonth(String text) {
        return ResidentCounts.iso(text);
    }

    /** "Slet" on a month: a confirmation page that states the consequence (the facility side only). */
    @GetMapping("/facilities/{id}/resident-counts/{month}/delete")
    String confirmDelete(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable String month,
            Model model,
            RedirectAttributes redirect) {
        Facility facility = counts.readable(user, id);
        if (!counts.writable(user, facility)) {
            throw new ForbiddenException("residentCount.write.facilitySide");
        }
        String iso = ResidentCounts.iso(month);
        var row = counts.list(user, id).stream()
                .filter(c -> c.month().toString().equals(iso))
                .findFirst();
        if (row.isEmpty()) {
            redirect.addFlashAttribute("flash", text("residentCount.deleted.none", month));
            return "redirect:/facilities/" + id + "/resident-counts";
        }
        model.addAttribute("nav", "facilities");
        model.addAttribute("facility", facility);
        model.addAttribute("row", row.get());
        model.addAttribute("monthName", ResidentCounts.danish(row.get().month()));
        return "collaboration/resident-count-delete";
    }

    /** The confirmed delete; a repeat (double click, reload) ends on the list with a flash, not an error. */
    @PostMapping("/facilities/{id}/resident-counts/{month}/delete")
    String delete(CurrentUser user, @PathVariable long id, @PathVariable String month, RedirectAttributes redirect) {
        String iso = ResidentCounts.iso(month);
        String name = monthName(iso);
        try {
            counts.delete(user, id, iso);
            redirect.addFlashAttribute("flash", text("residentCount.deleted", name));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", text("residentCount.deleted.none", name));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", text("residentCount.deleted.none", month));
        }
        return "redirect:/facilities/" + id + "/resident-counts";
    }

    private static String monthName(String iso) {
        try {
            return ResidentCounts.danish(YearMonth.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private String text(String key, Object arg) {
        return messages.getMessage(key, new Object[] {arg}, key, LocaleContextHolder.getLocale());
    }

    private Integer number(Map<String, String> fields, String name, Map<String, String> errors, Locale locale) {
        String text = fields.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put(
                    name,
                    messages.getMessage(
                            "residentCount.wholeNumber",
                            new Object[] {messages.getMessage("residentCount." + name, null, locale)},
                            locale));
            return 0;
        }
    }
}
