package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.ListLinks;
import dk.botilbudslaege.common.PageLinks;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.util.EnumSet;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The facility pages: list with filters and search, detail with sections and history, create and edit. */
@Controller
@RequestMapping("/facilities")
class FacilityPageController {

    private final Facilities facilities;
    private final ReferenceData reference;
    private final RegistryAudit registryAudit;
    private final MessageSource messages;

    private final RegistryCommitments commitments;

    FacilityPageController(
            Facilities facilities,
            ReferenceData reference,
            RegistryAudit registryAudit,
            MessageSource messages,
            RegistryCommitments commitments) {
        this.commitments = commitments;
        this.facilities = facilities;
        this.reference = reference;
        this.registryAudit = registryAudit;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "facilities";
    }

    @GetMapping
    String list(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) LegalBasis legalBasis,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String doctor,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        FacilityFilter.FixedDoctorState state = fixedDoctorState(doctor);
        FacilityFilter filter = new FacilityFilter(municipalityCode, legalBasis, operator, q, state);
        model.addAttribute("filter", filter);
        PageRequest request = PageRequest.forPage(page, size, 25, sort, dir, FacilityRepository.SORT);
        String baseUrl = PageLinks.of(
                "/facilities",
                "q",
                q,
                "municipalityCode",
                municipalityCode,
                "legalBasis",
                legalBasis,
                "operator",
                operator,
                "doctor",
                state == null ? null : state.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("listLinks", ListLinks.of(baseUrl, request, 25));
        var result = PageResult.showingLastWhenPast(request, r -> facilities.search(user, filter, r));
        model.addAttribute("result", result);
        model.addAttribute(
                "doctors",
                facilities.fixedDoctors(
                        result.content().stream().map(Facility::id).toList()));
        model.addAttribute("doctorStates", FacilityFilter.FixedDoctorState.values());
        model.addAttribute("municipalities", visibleMunicipalities(user));
        model.addAttribute("legalBases", LegalBasis.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("canCreate", user.is(Role.REGION) || user.is(Role.MUNICIPALITY));
        return htmx != null ? "facilities/list :: results" : "facilities/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        Facility facility = facilities.get(user, id);
        model.addAttribute("facility", facility);
        model.addAttribute("canEdit", facilities.canEdit(user, facility));
        model.addAttribute(
                "group",
                facility.groupId() == null
                        ? null
                        : facilities.group(facility.groupId()).orElse(null));
        model.addAttribute("canSeeHistory", RegistryAudit.canRead(user));
        if (RegistryAudit.canRead(user)) {
            model.addAttribute("history", registryAudit.facilityHistory(user, id));
        }
        model.addAttribute("sectionThreshold", Facilities.SECTION_THRESHOLD);
        List<Facilities.FixedDoctor> fixedDoctors = facilities.fixedDoctorsOf(user, id);
        model.addAttribute("fixedDoctors", fixedDoctors);
        // review 16 finding 4: a link only to the agreements the viewer may open (a doctor: their own)
        model.addAttribute(
                "readableAgreements",
                fixedDoctors.stream()
                        .map(Facilities.FixedDoctor::agreementId)
                        .filter(agreementId -> commitments.canReadAgreement(user, agreementId))
                        .collect(java.util.stream.Collectors.toSet()));
        return "facilities/detail";
    }

    @GetMapping("/new")
    String createForm(CurrentUser user, Model model) {
        requireCreator(user);
        FacilityForm form = new FacilityForm();
        if (user.is(Role.MUNICIPALITY)) {
            form.setMunicipalityCode(user.municipalityCode());
            form.setOperator(Operator.MUNICIPAL);
        }
        form.setLegalBasis(LegalBasis.SEL_108);
        form.setTemporaryPlaces(0);
        return showForm(user, form, null, model);
    }

    @PostMapping
    String create(
            CurrentUser user,
            @Valid @ModelAttribute("form") FacilityForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        requireCreator(user);
        var created = FormErrors.attempt(binding, () -> facilities.create(user, form));
        if (created.isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.created"));
            return "redirect:/facilities/" + created.get().id();
        }
        return showForm(user, form, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Facility facility = facilities.get(user, id);
        if (!facilities.canEdit(user, facility)) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
        return showForm(user, FacilityForm.of(facility), facility, model);
    }

    @PostMapping("/{id}")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("form") FacilityForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Facility facility = facilities.get(user, id);
        if (FormErrors.attempt(binding, () -> facilities.update(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("flash.saved"));
            return "redirect:/facilities/" + id;
        }
        return showForm(user, form, facility, model);
    }

    @PostMapping("/{id}/sections")
    String addSection(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String residents,
            RedirectAttributes redirect) {
        try {
            Integer count = residents == null || residents.isBlank() ? null : Integer.valueOf(residents.trim());
            facilities.addSection(user, id, name, count);
            redirect.addFlashAttribute("flash", text("flash.created"));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("sectionErrors", List.of(text("typeMismatch.java.lang.Integer")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "sectionErrors",
                    e.problems().stream()
                            .map(p -> messages.getMessage(
                                    p.messageKey(), p.args().toArray(), LocaleContextHolder.getLocale()))
                            .toList());
        }
        return "redirect:/facilities/" + id;
    }

    @PostMapping("/{id}/sections/{sectionId}/delete")
    String removeSection(
            CurrentUser user, @PathVariable long id, @PathVariable long sectionId, RedirectAttributes redirect) {
        facilities.removeSection(user, id, sectionId);
        redirect.addFlashAttribute("flash", text("flash.deleted"));
        return "redirect:/facilities/" + id;
    }

    private String showForm(CurrentUser user, FacilityForm form, Facility existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("municipalities", writableMunicipalities(user));
        model.addAttribute("legalBases", LegalBasis.values());
        model.addAttribute(
                "operators",
                user.is(Role.MUNICIPALITY)
                        ? EnumSet.of(Operator.MUNICIPAL, Operator.PRIVATE)
                        : EnumSet.allOf(Operator.class));
        model.addAttribute("ownerships", PrivateOwnership.values());
        model.addAttribute(
                "groups",
                facilities.groupsIn(writableMunicipalities(user).stream()
                        .map(Municipality::code)
                        .toList()));
        return "facilities/form";
    }

    private List<Municipality> visibleMunicipalities(CurrentUser user) {
        return switch (user.role()) {
            case REGION, DOCTOR -> reference.municipalitiesOf(user.regionCode());
            case MUNICIPALITY, FACILITY ->
                reference.municipality(user.municipalityCode()).stream().toList();
            case NATIONAL, ADMIN -> List.of();
        };
    }

    private List<Municipality> writableMunicipalities(CurrentUser user) {
        return user.is(Role.REGION)
                ? reference.municipalitiesOf(user.regionCode())
                : reference.municipality(user.municipalityCode()).stream().toList();
    }

    private static void requireCreator(CurrentUser user) {
        if (!user.is(Role.REGION) && !user.is(Role.MUNICIPALITY)) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    // issue 16 item 2: the filter "Fast læge" in the URL as none, partly or covered; anything else is no filter
    static FacilityFilter.FixedDoctorState fixedDoctorState(String doctor) {
        if (doctor == null) {
            return null;
        }
        for (FacilityFilter.FixedDoctorState s : FacilityFilter.FixedDoctorState.values()) {
            if (s.name().equalsIgnoreCase(doctor.trim())) {
                return s;
            }
        }
        return null;
    }
}
