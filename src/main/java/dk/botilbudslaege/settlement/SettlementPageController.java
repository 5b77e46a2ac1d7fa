package dk.botilbudslaege.settlement;

import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.PageDates;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Afregning: a month's lines, run and approve for the region, the payment files, the rates and the budget. */
@Controller
@RequestMapping("/settlements")
class SettlementPageController {

    private final Settlements settlements;
    private final Budget budget;
    private final MessageSource messages;
    private final Rates rates;

    SettlementPageController(Settlements settlements, Budget budget, MessageSource messages, Rates rates) {
        this.rates = rates;
        this.settlements = settlements;
        this.budget = budget;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "settlements";
    }

    @GetMapping
    String month(
            CurrentUser user,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String regionCode,
            Model model) {
        YearMonth chosen = month == null || month.isBlank()
                ? YearMonth.now(DanishTime.DENMARK).minusMonths(1)
                : SettlementApiController.parse(month);
        Settlements.MonthView view = settlements.month(user, chosen, blankToNull(regionCode));
        model.addAttribute("view", view);
        model.addAttribute("rows", MonthRow.of(view.lines(), LocaleContextHolder.getLocale()));
        // issue 15 item 4: a month before the user's region was made by a merger is read per predecessor region
        List<String> regions = settlements.regions(user, chosen);
        model.addAttribute("regions", regions.size() > 1 || !regions.contains(user.regionCode()) ? regions : List.of());
        model.addAttribute(
                "otherRegion",
                java.util.Objects.equals(view.regionCode(), user.regionCode()) ? null : view.regionCode());
        model.addAttribute("isRegion", user.is(Role.REGION));
        // review 18: no link to a month outside 2025–2100, which would answer 400
        model.addAttribute("previous", inRange(chosen.minusMonths(1).getYear()) ? chosen.minusMonths(1) : null);
        model.addAttribute("next", inRange(chosen.plusMonths(1).getYear()) ? chosen.plusMonths(1) : null);
        return "settlements/month";
    }

    @PostMapping("/run")
    String run(
            CurrentUser user,
            @RequestParam String month,
            @RequestParam(required = false) String regionCode,
            RedirectAttributes redirect) {
        YearMonth chosen = SettlementApiController.parse(month);
        String region = blankToNull(regionCode);
        return act(
                month,
                region,
                redirect,
                Settlements.due(chosen) ? "settlement.flash.run" : "settlement.flash.preview",
                () -> settlements.run(user, chosen, region));
    }

    /**
     * The confirmation before approving and locking a month (SPEC F5, issue 11 item 5): its totals and
     * what locking means; the form on this page approves. Works without JavaScript.
     */
    @GetMapping("/approve")
    String confirmApprove(
            CurrentUser user,
            @RequestParam String month,
            @RequestParam(required = false) String regionCode,
            Model model) {
        Settlements.Approval approval =
                settlements.approval(user, SettlementApiController.parse(month), blankToNull(regionCode));
        model.addAttribute("approval", approval);
        model.addAttribute(
                "otherRegion",
                java.util.Objects.equals(approval.regionCode(), user.regionCode()) ? null : approval.regionCode());
        return "settlements/approve";
    }

    @PostMapping("/approve")
    String approve(
            CurrentUser user,
            @RequestParam String month,
            @RequestParam(required = false) String regionCode,
            RedirectAttributes redirect) {
        YearMonth chosen = SettlementApiController.parse(month);
        String region = blankToNull(regionCode);
        return act(
                month, region, redirect, "settlement.flash.approved", () -> settlements.approve(user, chosen, region));
    }

    @GetMapping("/rates")
    String rates(CurrentUser user, Model model) {
        model.addAttribute("rates", rates.all());
        model.addAttribute("isAdmin", user.is(Role.ADMIN));
        return "settlements/rates";
    }

    @PostMapping("/rates")
    String addRate(
            CurrentUser user,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate validFrom,
            @RequestParam(required = false) String hourlyRate,
            RedirectAttributes redirect) {
        try {
            BigDecimal rate = hourlyRate == null || hourlyRate.isBlank()
                    ? null
                    : new BigDecimal(hourlyRate.trim().replace(".", "").replace(',', '.'));
            rates.add(user, validFrom, rate);
            redirect.addFlashAttribute("flash", text("settlement.flash.rate"));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("actionErrors", List.of(text("rate.hourlyRate.invalid")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "actionErrors",
                    e.problems().stream()
                            .map(p -> messages.getMessage(
                                    p.messageKey(),
                                    p.args().toArray(),
                                    p.messageKey(),
                                    LocaleContextHolder.getLocale()))
                            .toList());
        }
        return "redirect:/settlements/rates";
    }

    @GetMapping("/budget")
    String budget(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null
                ? LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK).getYear()
                : year;
        if (!inRange(chosen)) {
            throw InvalidInputException.of(FieldProblem.of("year", "settlement.year.range"));
        }
        model.addAttribute("budget", budget.year(user, chosen));
        model.addAttribute("previousYear", inRange(chosen - 1) ? chosen - 1 : null);
        model.addAttribute("nextYear", inRange(chosen + 1) ? chosen + 1 : null);
        return "settlements/budget";
    }

    /** The years settlement answers for (SettlementApiController.parse, the budget). */
    private static boolean inRange(int year) {
        return year >= 2025 && year <= 2100;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private String act(
            String month, String regionCode, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text(successKey));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("actionErrors", List.of(text(e.messageKey())));
        }
        redirect.addAttribute("month", month);
        if (regionCode != null) {
            redirect.addAttribute("regionCode", regionCode);
        }
        return "redirect:/settlements";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
