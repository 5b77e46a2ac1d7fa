package dk.botilbudslaege.matching;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.PageDates;
import dk.botilbudslaege.registry.Municipality;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Matchning (SPEC §6): the rounds of an area, opening one, running it as a preview, closing it into
 * proposals and confirming or declining each proposal.
 */
@Controller
@RequestMapping("/matching")
class MatchingRoundPageController {

    /** The local ways of matching a round may record (SPEC §6, seed 000). */
    static final List<MatchMethod> LOCAL_METHODS = List.of(
            MatchMethod.PRIORITY_LIST,
            MatchMethod.WISH_LIST,
            MatchMethod.PRACTICE_CONSULTANT,
            MatchMethod.DEVELOPMENT_NURSE,
            MatchMethod.JOB_POSTING,
            MatchMethod.EXISTING_RELATION,
            MatchMethod.STABLE_MATCHING,
            MatchMethod.COVERAGE_PLAN,
            MatchMethod.OTHER);

    private final Rounds rounds;
    private final Proposals proposals;
    private final PageMessages messages;
    private final ReferenceData reference;

    private final RankedLists lists;

    MatchingRoundPageController(
            Rounds rounds, Proposals proposals, PageMessages messages, ReferenceData reference, RankedLists lists) {
        this.lists = lists;
        this.rounds = rounds;
        this.proposals = proposals;
        this.messages = messages;
        this.reference = reference;
    }

    @ModelAttribute("nav")
    String nav() {
        return "matching";
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        if (user.is(Role.DOCTOR)) {
            return "redirect:/matching/wishes";
        }
        if (user.is(Role.FACILITY)) {
            return "redirect:/matching/priorities";
        }
        model.addAttribute("rounds", rounds.list(user));
        boolean canOpen = user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
        model.addAttribute("canOpen", canOpen);
        model.addAttribute("methods", LOCAL_METHODS);
        if (user.is(Role.REGION)) {
            model.addAttribute("municipalities", municipalities(user));
        }
        if (canOpen && user.is(Role.MUNICIPALITY)) {
            model.addAttribute("candidates", rounds.candidates(user, null));
            // issue 11 item 14: the practice consultant keeps the wish lists of the municipality's doctors
            model.addAttribute("keptFor", lists.keptFor(user));
        }
        model.addAttribute("defaultReachKm", (int) Rounds.DEFAULT_REACH_KM);
        return "matching/rounds";
    }

    @GetMapping("/plan")
    String plan(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) Double maxDistanceKm,
            @RequestParam(defaultValue = "false") boolean whatIf,
            @RequestParam(required = false) Integer facilitiesPerDoctor,
            @RequestParam(defaultValue = "false") boolean neighbourRegions,
            Model model) {
        if (!(user.is(Role.REGION) || user.is(Role.MUNICIPALITY))) {
            throw new ForbiddenException("scope.matching.round");
        }
        if (user.is(Role.REGION)) {
            model.addAttribute("municipalities", municipalities(user));
        }
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute("neighbourRegions", neighbourRegions);
        model.addAttribute(
                "run",
                new Rounds.Run(
                        MatchMethod.COVERAGE_PLAN,
                        null,
                        maxDistanceKm == null ? 25.0 : maxDistanceKm,
                        whatIf,
                        facilitiesPerDoctor));
        if (maxDistanceKm != null) {
            try {
                model.addAttribute(
                        "preview",
                        rounds.plan(
                                user, municipalityCode, maxDistanceKm, whatIf, facilitiesPerDoctor, neighbourRegions));
            } catch (ForbiddenException e) {
                throw e;
            } catch (RuntimeException e) {
                model.addAttribute("actionErrors", messages.of(e));
            }
        }
        return "matching/plan";
    }

    /** The region's municipalities by name, in Danish order (Æ, Ø, Å last). */
    private List<Municipality> municipalities(CurrentUser user) {
        java.text.Collator danish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da"));
        return reference.municipalitiesOf(user.regionCode()).stream()
                .sorted(java.util.Comparator.comparing(Municipality::name, danish))
                .toList();
    }

    @PostMapping("/rounds")
    String open(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) MatchMethod localMethod,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate closesOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) List<Long> facilityIds,
            @RequestParam(required = false) Double reachKm,
            @RequestParam(defaultValue = "false") boolean includeNeighbours,
            RedirectAttributes redirect) {
        return messages.attempt(
                        redirect,
                        () -> rounds.open(
                                user,
                                municipalityCode,
                                localMethod,
                                closesOn,
                                note,
                                facilityIds,
                                reachKm,
                                includeNeighbours))
                .map(round -> {
                    redirect.addFlashAttribute("flash", messages.text("matching.flash.opened", round.openings()));
                    return "redirect:/matching/rounds/" + round.id();
                })
                .orElse("redirect:/matching");
    }

    @GetMapping("/rounds/{id}")
    String round(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) MatchMethod method,
            @RequestParam(required = false) SolverFacade.Proposing proposing,
            @RequestParam(required = false) Double maxDistanceKm,
            @RequestParam(defaultValue = "false") boolean whatIf,
            @RequestParam(required = false) Integer facilitiesPerDoctor,
            Model model) {
        Rounds.Round round = rounds.get(user, id);
        boolean manages = rounds.manages(user, round);
        model.addAttribute("round", round);
        model.addAttribute("manages", manages);
        // issue 16 item 6: an opening disappears once its facility has a doctor (named below the table)
        List<Rounds.OpeningRow> openings = rounds.openings(user, id);
        model.addAttribute(
                "openings", openings.stream().filter(o -> !o.covered()).toList());
        model.addAttribute(
                "coveredOpenings",
                openings.stream()
                        .filter(Rounds.OpeningRow::covered)
                        .map(Rounds.OpeningRow::name)
                        .toList());
        Rounds.Run run = new Rounds.Run(
                method == null ? MatchMethod.STABLE_MATCHING : method,
                proposing == null ? SolverFacade.Proposing.DOCTORS : proposing,
                maxDistanceKm == null ? 25.0 : maxDistanceKm,
                whatIf,
                facilitiesPerDoctor);
        model.addAttribute("run", run);
        if (round.open() && manages && method != null) {
            try {
                model.addAttribute("preview", rounds.preview(user, id, run));
            } catch (RuntimeException e) {
                model.addAttribute("actionErrors", messages.of(e));
            }
        }
        if (!round.open()) {
            model.addAttribute("outcome", proposals.of(user, id));
            model.addAttribute(
                    "startDate",
                    LocalDate.now(DanishTime.DENMARK).withDayOfMonth(1).plusMonths(1));
        }
        return "matching/round";
    }

    @PostMapping("/rounds/{id}/close")
    String close(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) MatchMethod method,
            @RequestParam(required = false) SolverFacade.Proposing proposing,
            @RequestParam(required = false) Double maxDistanceKm,
            @RequestParam(defaultValue = "false") boolean whatIf,
            @RequestParam(required = false) Integer facilitiesPerDoctor,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        messages.attempt(
                        redirect,
                        () -> rounds.close(
                                user,
                                id,
                                new Rounds.Run(method, proposing, maxDistanceKm, false, facilitiesPerDoctor),
                                version))
                .ifPresent(round ->
                        redirect.addFlashAttribute("flash", messages.text("matching.flash.closed", round.proposals())));
        return "redirect:/matching/rounds/" + id + "#result"; // issue 16: straight to the outcome
    }

    @PostMapping("/proposals/{id}/accept")
    String accept(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam long roundId,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate startDate,
            @RequestParam(defaultValue = "false") boolean wholeGroup,
            RedirectAttributes redirect) {
        try {
            long agreementId = proposals.accept(user, id, startDate, wholeGroup);
            redirect.addFlashAttribute("flash", messages.text("matching.flash.accepted"));
            return "redirect:/agreements/" + agreementId;
        } catch (ForbiddenException e) {
            if (!wholeGroup) {
                throw e;
            }
            // the group reaches beyond what this person files for: say so on the round's page
            redirect.addFlashAttribute("actionErrors", messages.of(e));
            return "redirect:/matching/rounds/" + roundId;
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("actionErrors", messages.of(e));
            return "redirect:/matching/rounds/" + roundId;
        }
    }

    @PostMapping("/proposals/{id}/decline")
    String decline(CurrentUser user, @PathVariable long id, @RequestParam long roundId, RedirectAttributes redirect) {
        messages.attempt(redirect, () -> {
                    proposals.decline(user, id);
                    return id;
                })
                .ifPresent(declined -> redirect.addFlashAttribute("flash", messages.text("matching.flash.declined")));
        return "redirect:/matching/rounds/" + roundId;
    }
}
