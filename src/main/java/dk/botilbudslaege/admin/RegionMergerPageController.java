package dk.botilbudslaege.admin;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegionMergers;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Region mergers (issue 15 item 4): the regions with their validity, and the form that registers a merger. The
 * preview (a GET: nothing changes) shows what the merger moves; registering is a second step, a POST that states
 * it cannot be undone. The administrator only.
 */
@Controller
@RequestMapping("/admin/regions")
class RegionMergerPageController {

    private final RegionMergers mergers;
    private final ReferenceData reference;
    private final MessageSource messages;

    RegionMergerPageController(RegionMergers mergers, ReferenceData reference, MessageSource messages) {
        this.mergers = mergers;
        this.reference = reference;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "admin";
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        requireAdmin(user);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new Form("", "", dk.botilbudslaege.common.PageDates.format(RegionMergers.DEFAULT_DATE), List.of()));
        }
        return render(user, model);
    }

    /** The consequences of the merger as filled in; refusals as field messages. */
    @GetMapping("/preview")
    String preview(
            CurrentUser user,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) List<String> regions,
            Model model) {
        requireAdmin(user);
        Form form = new Form(code, name, date, regions);
        model.addAttribute("form", form);
        try {
            model.addAttribute("preview", mergers.preview(user, proposal(form)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", texts(e));
        }
        return render(user, model);
    }

    @PostMapping
    String register(
            CurrentUser user,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) List<String> regions,
            @RequestParam(required = false, defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        requireAdmin(user);
        Form form = new Form(code, name, date, regions);
        try {
            if (!confirmed) {
                throw InvalidInputException.of(FieldProblem.of("confirmed", "merger.confirm.required"));
            }
            RegionMergers.Preview done = mergers.register(user, proposal(form));
            redirect.addFlashAttribute(
                    "flash",
                    text(
                            "merger.registered",
                            done.proposal().name(),
                            done.proposal().date().format(DanishFormats.DATE)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/admin/regions";
    }

    /** What the page shows again after a refusal. */
    public record Form(String code, String name, String date, List<String> regions) implements java.io.Serializable {
        public Form {
            regions = regions == null ? List.of() : List.copyOf(regions);
        }

        public boolean has(String region) {
            return regions.contains(region);
        }
    }

    private String render(CurrentUser user, Model model) {
        model.addAttribute("regions", mergers.regions(user));
        model.addAttribute("current", reference.regions());
        return "admin/regions";
    }

    private static RegionMergers.Proposal proposal(Form form) {
        return new RegionMergers.Proposal(form.code(), form.name(), date(form.date()), form.regions());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return dk.botilbudslaege.common.PageDates.parse(text); // strict: 31-02-2026 is no day
    }

    private List<String> texts(InvalidInputException e) {
        List<String> errors = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            errors.add(text(p.messageKey(), p.args().toArray()));
        }
        return errors;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.admin.only");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
