package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ResidentPrivacy;
import dk.botilbudslaege.common.SaneDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a draft of the cooperation plan must hold (SPEC §7, seed 003), as field problems; no Spring here.
 * Every text is required and bounded, and no text may look like a CPR number (ddmmyy-xxxx or ten digits in a
 * row): the plan is about the collaboration, never about a resident.
 */
final class CooperationPlanRules {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 30;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{5,28}$");

    private CooperationPlanRules() {}

    /** The problems of a draft for an agreement that starts and ends on these days (end null: open). */
    static List<FieldProblem> check(CooperationPlanForm form, LocalDate agreementStart, LocalDate agreementEnd) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = form.getStartDate();
        if (start == null) {
            problems.add(FieldProblem.of("startDate", "cooperationPlan.startDate.required"));
        } else if (!SaneDates.contains(start)) {
            problems.add(SaneDates.problem("startDate", start));
        } else if (start.isBefore(agreementStart)) {
            problems.add(FieldProblem.of(
                    "startDate",
                    "cooperationPlan.startDate.beforeAgreement",
                    dk.botilbudslaege.common.DanishFormats.date(agreementStart)));
        } else if (agreementEnd != null && start.isAfter(agreementEnd)) {
            problems.add(FieldProblem.of(
                    "startDate",
                    "cooperationPlan.startDate.afterAgreement",
                    dk.botilbudslaege.common.DanishFormats.date(agreementEnd)));
        } else if (start.isAfter(latestStart(agreementStart))) {
            problems.add(FieldProblem.of(
                    "startDate",
                    "cooperationPlan.startDate.tooFarAhead",
                    dk.botilbudslaege.common.DanishFormats.date(latestStart(agreementStart))));
        }
        text(problems, "scope", form.getScope(), MAX_TEXT, true);
        text(problems, "schedule", form.getSchedule(), MAX_TEXT, true);
        text(problems, "meetings", form.getMeetings(), MAX_TEXT, true);
        text(problems, "communication", form.getCommunication(), MAX_TEXT, true);
        text(problems, "contactName", form.getContactName(), MAX_NAME, true);
        if (form.getContactRole() == null) {
            problems.add(FieldProblem.of("contactRole", "cooperationPlan.contactRole.required"));
        }
        if (text(problems, "contactEmail", form.getContactEmail(), MAX_NAME, true)
                && !EMAIL.matcher(form.getContactEmail().strip()).matches()) {
            problems.add(FieldProblem.of("contactEmail", "cooperationPlan.contactEmail.invalid"));
        }
        if (text(problems, "contactPhone", form.getContactPhone(), MAX_PHONE, true)
                && !PHONE.matcher(form.getContactPhone().strip()).matches()) {
            problems.add(FieldProblem.of("contactPhone", "cooperationPlan.contactPhone.invalid"));
        }
        text(problems, "substituteDoctor", form.getSubstituteDoctor(), MAX_NAME, false);
        return problems;
    }

    /**
     * The latest start of a plan: a year after today, or after the agreement's start when that is later (a plan
     * is for the running collaboration, not for a distant year; issue 13 review: 2100-12-31 was accepted).
     */
    static LocalDate latestStart(LocalDate agreementStart) {
        LocalDate today = CooperationPlans.today();
        return (agreementStart.isAfter(today) ? agreementStart : today).plusYears(1);
    }

    /** Whether the text is present and passed; a problem is added when it did not. */
    private static boolean text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "cooperationPlan." + field + ".required"));
            }
            return false;
        }
        if (value.strip().length() > max) {
            problems.add(FieldProblem.of(field, "cooperationPlan." + field + ".tooLong", max));
            return false;
        }
        if (ResidentPrivacy.looksLikeCpr(value)) {
            problems.add(FieldProblem.of(field, "cooperationPlan." + field + ".cpr"));
            return false;
        }
        if (ResidentPrivacy.namesResident(value)) {
            problems.add(FieldProblem.of(field, "collaboration.text.residentNamed"));
            return false;
        }
        return true;
    }
}
