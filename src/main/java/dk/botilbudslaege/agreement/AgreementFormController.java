package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and changing an agreement, and filing its information form. The unit is chosen as the
 * facility, one of its sections, or its whole group (R7: the group is proposed with its residents).
 */
@Controller
class AgreementFormController {

    private final Agreements agreements;
    private final AgreementChoices choices;
    private final Pickers pickers;
    private final MessageSource messages;

    AgreementFormController(Agreements agreements, AgreementChoices choices, Pickers pickers, MessageSource messages) {
        this.agreements = agreements;
        this.choices = choices;
        this.pickers = pickers;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "agreements";
    }

    @GetMapping("/agreements/new")
    String createForm(
            CurrentUser user,
            @RequestParam(required = false) Long facilityId,
            @RequestParam(required = false) List<String> facilityIds,
            @RequestParam(required = false) String doctorId,
            Model model) {
        requireFilerRole(user);
        if (facilityId != null && !choices.mayFileFor(user, facilityId)) {
            throw NotFoundException.of("FACILITY", facilityId);
        }
        AgreementForm form = new AgreementForm();
        form.setFacilityIds(facilityId == null ? null : List.of(facilityId));
        // review 16: a search without JavaScript ("Søg") keeps the other picker's choice, if it is one this user may
        // make
        if (facilityId == null && facilityIds != null) {
            facilityIds.stream()
                    .filter(v -> v != null && v.matches("\\d{1,18}"))
                    .map(Long::valueOf)
                    .filter(id -> choices.mayFileFor(user, id))
                    .findFirst()
                    .ifPresent(id -> form.setFacilityIds(List.of(id)));
        }
        if (doctorId != null
                && doctorId.matches("\\d{1,18}")
                && pickers.name("doctors", "agreement", doctorId) != null) {
            form.setDoctorId(Long.valueOf(doctorId));
        }
        form.setMatchMethod(MatchMethod.PRACTICE_CONSULTANT);
        form.setStartDate(LocalDate.now().withDayOfMonth(1).plusMonths(1));
        return showForm(user, form, null, "FACILITY", model);
    }

    @PostMapping("/agreements")
    String create(
            CurrentUser user,
            @Valid @ModelAttribute("form") AgreementForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "FACILITY") String unit,
            Model model,
            RedirectAttributes redirect) {
        requireFilerRole(user);
        applyUnit(form, unit);
        var created = FormErrors.attempt(binding, () -> agreements.create(user, form));
        if (created.isPresent()) {
            redirect.addFlashAttribute("flash", text("agreement.flash.created"));
            return "redirect:/agreements/" + created.get().id();
        }
        return showForm(user, form, null, unit, model);
    }

    @GetMapping("/agreements/{id}/edit")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Agreement agreement = agreements.get(user, id);
        if (!agreements.actions(user, agreement).change()) {
            throw new ForbiddenException("scope.agreement.file");
        }
        AgreementForm form = new AgreementForm();
        form.setDoctorId(agreement.doctorId());
        form.setFacilityIds(List.of(agreement.facilityId()));
        form.setStartDate(agreement.startDate());
        form.setMatchMethod(agreement.matchMethod());
        form.setVersion(agreement.version());
        String unit = switch (agreement.unitKind()) {
            case FACILITY -> "FACILITY";
            case SECTION -> "SECTION:" + agreement.sectionId();
            case GROUP -> "GROUP:" + agreement.groupId();
        };
        return showForm(user, form, agreement, unit, model);
    }

    @PostMapping("/agreements/{id}/edit")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("form") AgreementForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "FACILITY") String unit,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        applyUnit(form, unit);
        if (FormErrors.attempt(binding, () -> agreements.update(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.saved"));
            return "redirect:/agreements/" + id;
        }
        return showForm(user, form, agreement, unit, model);
    }

    /**
     * The unit choices of one facility: the facility alone, each section, or the whole group. Only for a
     * facility the caller may file for (its sections, group and residents are not for anyone else); the
     * national viewer and a doctor file for none.
     */
    @GetMapping("/agreements/unit-options")
    String unitOptions(CurrentUser user, @RequestParam(required = false) Long facilityId, Model model) {
        requireFilerRole(user);
        if (facilityId != null && !choices.mayFileFor(user, facilityId)) {
            throw NotFoundException.of("FACILITY", facilityId);
        }
        // R7: a facility in a group should share the group's doctor, so the group is proposed first
        var groups = facilityId == null ? List.<AgreementChoices.GroupChoice>of() : choices.group(facilityId);
        addUnitChoices(
                user,
                facilityId,
                groups.isEmpty() ? "FACILITY" : "GROUP:" + groups.get(0).id(),
                model);
        return "agreements/form :: unitOptions";
    }

    @GetMapping("/agreements/{id}/submit")
    String submitForm(CurrentUser user, @PathVariable long id, Model model) {
        Agreement agreement = agreements.get(user, id);
        if (!agreements.actions(user, agreement).submit()) {
            throw new ForbiddenException("scope.agreement.file");
        }
        FilingForm filing = new FilingForm();
        filing.setVersion(agreement.version());
        model.addAttribute("agreement", agreement);
        model.addAttribute("filing", filing);
        return "agreements/submit";
    }

    @PostMapping("/agreements/{id}/submit")
    String submit(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("filing") FilingForm filing,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        if (!filing.isNoOtherContract()) {
            binding.rejectValue("noOtherContract", RuleViolation.OTHER_CONTRACT.messageKey());
        }
        if (FormErrors.attempt(binding, () -> agreements.submit(user, id, filing.input(), filing.getVersion()))
                .isPresent()) {
            redirect.addFlashAttribute("flash", text("agreement.flash.submitted"));
            return "redirect:/agreements/" + id;
        }
        model.addAttribute("agreement", agreement);
        return "agreements/submit";
    }

    private String showForm(CurrentUser user, AgreementForm form, Agreement existing, String unit, Model model) {
        List<AgreementChoices.FacilityChoice> facilities = choices.facilities(user);
        Long facilityId = form.getFacilityIds() == null || form.getFacilityIds().isEmpty()
                ? null
                : form.getFacilityIds().get(0);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("facilities", facilities);
        model.addAttribute("doctors", choices.doctors(user, user.municipalityCode()));
        model.addAttribute("matchMethods", MatchMethod.values());
        addUnitChoices(user, facilityId, unit, model);
        return "agreements/form";
    }

    /** The sections and group of a facility the user may file for; of any other facility nothing. */
    private void addUnitChoices(CurrentUser user, Long facilityId, String unit, Model model) {
        if (facilityId != null && !choices.mayFileFor(user, facilityId)) {
            facilityId = null;
        }
        var groups = facilityId == null ? List.<AgreementChoices.GroupChoice>of() : choices.group(facilityId);
        model.addAttribute("unit", unit);
        model.addAttribute("sections", facilityId == null ? List.of() : choices.sections(facilityId));
        model.addAttribute("groups", groups);
    }

    /** "SECTION:12" or "GROUP:3" from the unit radio buttons; "FACILITY" leaves the facility alone. */
    private static void applyUnit(AgreementForm form, String unit) {
        form.setSectionId(null);
        form.setGroupId(null);
        if (unit.startsWith("SECTION:")) {
            form.setSectionId(parse(unit.substring(8)));
        } else if (unit.startsWith("GROUP:")) {
            form.setGroupId(parse(unit.substring(6)));
        }
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void requireFilerRole(CurrentUser user) {
        if (!user.is(Role.MUNICIPALITY) && !user.is(Role.REGION) && !user.is(Role.FACILITY)) {
            throw new ForbiddenException("scope.agreement.file");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
