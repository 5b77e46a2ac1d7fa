package dk.botilbudslaege.admin;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.coverage.CoverageTargets;
import dk.botilbudslaege.registry.LegalBasis;
import dk.botilbudslaege.registry.LegalBasisScopes;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.settlement.RateReach;
import dk.botilbudslaege.settlement.Rates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration: the hourly rates (Timesats), the legal bases in scope (Lovgrundlag i målgruppen) and
 * the coverage targets (Mål), each with its history; post–redirect–get; the administrator only.
 */
@Controller
@RequestMapping("/admin")
class AdminPageController {

    private static final DateTimeFormatter DANISH_DATE = dk.botilbudslaege.common.DanishFormats.DATE;

    private final Rates rates;
    private final LegalBasisScopes legalBases;
    private final CoverageTargets targets;
    private final MessageSource messages;

    AdminPageController(Rates rates, LegalBasisScopes legalBases, CoverageTargets targets, MessageSource messages) {
        this.rates = rates;
        this.legalBases = legalBases;
        this.targets = targets;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "admin";
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("rates", rates.rows());
        model.addAttribute("legalBases", LegalBasis.values());
        model.addAttribute("scopeHistory", legalBases.history());
        model.addAttribute("targets", targets.history());
        model.addAttribute("today", LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK));
        return "admin/settings";
    }

    /** Adding a rate asks first: the page shows what it rewrites, and a second post confirms. */
    @PostMapping("/rates")
    String addRate(
            CurrentUser user,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String hourlyRate,
            @RequestParam(required = false, defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        requireAdmin(user);
        return attempt(redirect, "rates", () -> {
            LocalDate from = date("validFrom", validFrom);
            BigDecimal rate = amount(hourlyRate);
            if (!confirmed) {
                RateReach reach = rates.preview(user, from, rate);
                redirect.addFlashAttribute(
                        "pendingRate",
                        Map.of(
                                "validFrom",
                                from.toString(),
                                "hourlyRate",
                                hourlyRate.trim(),
                                "consequence",
                                reach.until() == null
                                        ? text(
                                                "admin.rate.consequence.open",
                                                from.format(DANISH_DATE),
                                                DanishFormats.amount(rate, LocaleContextHolder.getLocale()))
                                        : text(
                                                "admin.rate.consequence.until",
                                                from.format(DANISH_DATE),
                                                DanishFormats.amount(rate, LocaleContextHolder.getLocale()),
                                                reach.until().minusDays(1).format(DANISH_DATE))));
                return null;
            }
            rates.add(user, from, rate);
            return "admin.rate.added";
        });
    }

    @PostMapping("/rates/{validFrom}/correct")
    String correctRate(
            CurrentUser user,
            @PathVariable String validFrom,
            @RequestParam(required = false) String newValidFrom,
            @RequestParam(required = false) String hourlyRate,
            RedirectAttributes redirect) {
        requireAdmin(user);
        return attempt(redirect, "rates", () -> {
            LocalDate from = date("validFrom", validFrom);
            LocalDate to = newValidFrom == null || newValidFrom.isBlank() ? from : date("validFrom", newValidFrom);
            rates.correct(user, from, to, amount(hourlyRate));
            return "admin.rate.corrected";
        });
    }

    @PostMapping("/rates/{validFrom}/remove")
    String removeRate(CurrentUser user, @PathVariable String validFrom, RedirectAttributes redirect) {
        requireAdmin(user);
        return attempt(redirect, "rates", () -> {
            rates.remove(user, date("validFrom", validFrom));
            return "admin.rate.removed";
        });
    }

    @PostMapping("/legal-bases")
    String addLegalBasis(
            CurrentUser user,
            @RequestParam(required = false) String legalBasis,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String inScope,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        requireAdmin(user);
        return attempt(redirect, "legal-bases", () -> {
            Boolean in = "true".equals(inScope) ? Boolean.TRUE : "false".equals(inScope) ? Boolean.FALSE : null;
            legalBases.add(user, legalBasis, optionalDate("legalBasisFrom", validFrom), in, note);
            return "admin.legalBasis.added";
        });
    }

    @PostMapping("/targets")
    String addTarget(
            CurrentUser user,
            @RequestParam(required = false) String targetDate,
            @RequestParam(required = false) String facilities,
            @RequestParam(required = false) String everyMunicipality,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        requireAdmin(user);
        return attempt(redirect, "targets", () -> {
            Integer count;
            try {
                count = facilities == null || facilities.isBlank()
                        ? null
                        : Integer.valueOf(facilities.trim().replace(".", ""));
            } catch (NumberFormatException e) {
                count = -1;
            }
            targets.add(user, optionalDate("targetDate", targetDate), count, "true".equals(everyMunicipality), note);
            return "admin.target.added";
        });
    }

    /** Runs an action; a success is a flash message, a refusal the messages of its fields, each naming it. */
    private String attempt(RedirectAttributes redirect, String section, Supplier<String> action) {
        try {
            String done = action.get();
            if (done != null) {
                redirect.addFlashAttribute("flash", text(done));
            }
        } catch (InvalidInputException e) {
            List<String> errors = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                errors.add(text(p.messageKey(), p.args().toArray()));
            }
            redirect.addFlashAttribute("actionErrors", errors);
            redirect.addFlashAttribute("errorSection", section);
        }
        return "redirect:/admin#" + section;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.admin.only");
        }
    }

    private LocalDate date(String field, String text) {
        LocalDate day = optionalDate(field, text);
        if (day == null) {
            throw InvalidInputException.of(FieldProblem.of(field, "admin.date.invalid", label(field)));
        }
        return day;
    }

    /** The field's name as the page shows it, for messages about a date that cannot be read. */
    private String label(String field) {
        return text(
                switch (field) {
                    case "targetDate" -> "admin.targets.targetDate";
                    case "legalBasisFrom" -> "admin.from";
                    default -> "rate.validFrom";
                });
    }

    private LocalDate optionalDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // strict: 31-02-2026 is no day, and says so (issue 16)
        LocalDate day = dk.botilbudslaege.common.PageDates.parse(text);
        if (day != null) {
            return day;
        }
        if (dk.botilbudslaege.common.PageDates.noSuchDay(text)) {
            throw InvalidInputException.of(FieldProblem.of(field, "forms.date.notExists", text.trim()));
        }
        throw InvalidInputException.of(FieldProblem.of(field, "admin.date.invalid", label(field)));
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String t = text.trim();
            return new BigDecimal(t.contains(",") ? t.replace(".", "").replace(',', '.') : t);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(FieldProblem.of("hourlyRate", "rate.hourlyRate.invalid"));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
