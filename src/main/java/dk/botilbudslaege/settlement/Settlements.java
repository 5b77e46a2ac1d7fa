package dk.botilbudslaege.settlement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegionLineage;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly fee settlement of a region (SPEC F5): lines computed from the approved agreements, a
 * run that stores them for review, approval that locks the month for good, and adjustment lines in
 * a later month for anything that changes what a locked month should have paid. Running again never
 * pays twice.
 *
 * <p>Only a due month (the current one or an earlier, in Danish time) is run for approval and
 * approved. A later month is a preview: running it computes its lines and stores nothing, so nothing
 * of it can later count as run, locked or paid; approving it is {@code 409 MONTH_NOT_DUE}. A run made
 * before its month began (stored before this rule) is likewise no run to approve.
 */
@Service
public class Settlements {

    static final String ENTITY = "SETTLEMENT";

    private final SettlementRepository repository;
    private final ApplicationEventPublisher events;

    private final RegionLineage lineage;
    private final ReferenceData reference;
    private final SettlementCache cache;

    Settlements(
            SettlementRepository repository,
            ApplicationEventPublisher events,
            RegionLineage lineage,
            ReferenceData reference,
            SettlementCache cache) {
        this.lineage = lineage;
        this.reference = reference;
        this.repository = repository;
        this.events = events;
        this.cache = cache;
    }

    /** A line with the names a reader needs. */
    public record LineView(
            SettlementLine line,
            String doctorName,
            String unitName,
            String municipalityCode,
            String municipalityName) {}

    /** A region's month: its state (null before the first run) and its lines, computed or locked. */
    public record MonthView(
            String regionCode,
            YearMonth month,
            MonthState state,
            List<LineView> lines,
            BigDecimal totalExVat,
            BigDecimal totalVat,
            BigDecimal totalInclVat) {

        public boolean locked() {
            return state != null && state.approved();
        }

        /** Run for approval: a stored run made while the month was due. */
        public boolean run() {
            return state != null && runForApproval(state, month);
        }

        /** SPEC F5: the current month or an earlier one (Danish today); a later one is a preview. */
        public boolean due() {
            return Settlements.due(month);
        }

        /** A payment file of a month not approved is a draft (SPEC F5, issue 11 item 7). */
        public boolean draft() {
            return !locked();
        }

        /** The same month with its own list of lines (the lines are immutable). */
        MonthView copy() {
            return new MonthView(regionCode, month, state, new ArrayList<>(lines), totalExVat, totalVat, totalInclVat);
        }
    }

    /**
     * What approving a month would lock: the stored run's totals (region only), and whether the lines
     * computed now differ from the run (then run again before approving).
     */
    public record Approval(
            String regionCode,
            YearMonth month,
            boolean due,
            boolean run,
            boolean locked,
            int lines,
            BigDecimal totalExVat,
            BigDecimal totalVat,
            BigDecimal totalInclVat,
            boolean changedSinceRun) {

        public boolean approvable() {
            return due && run && !locked;
        }
    }

    /** SPEC F5: a month is due from its first day, Danish time. */
    static boolean due(YearMonth month) {
        return !month.isAfter(YearMonth.now(DanishTime.DENMARK));
    }

    /** A stored run counts for approval only when it was made in or after its month (not as a preview). */
    static boolean runForApproval(MonthState state, YearMonth month) {
        return state.runAt() != null
                && !state.runAt()
                        .toInstant()
                        .isBefore(
                                month.atDay(1).atStartOfDay(DanishTime.DENMARK).toInstant());
    }

    /**
     * The lines of a month within the caller's scope: a region its own region's, a municipality those
     * of its facilities, a doctor their own. Locked lines for an approved month, else computed now.
     *
     * <p>i18-settle: kept in {@link SettlementCache} while the data is unchanged (its version counts the runs and
     * locks too), per month, region asked for and the user's scope: role, region, municipality, facility, doctor and
     * practice (whose lines are computed and shown), never the user's name.
     */
    public MonthView month(CurrentUser user, YearMonth month, String regionCode) {
        return cache.get(
                "month|" + month + "|" + regionCode + "|" + scopeKey(user),
                () -> computeMonth(user, month, regionCode),
                MonthView::copy);
    }

    private MonthView computeMonth(CurrentUser user, YearMonth month, String regionCode) {
        String region = regionFor(user, regionCode, month);
        MonthState state = repository.month(region, month).orElse(null);
        List<SettlementLine> lines = state != null && state.approved()
                ? repository.storedLines(region, month)
                : compute(region, month, scope(user));
        Map<Long, SettlementRepository.AgreementLabel> labels = repository.labels(
                lines.stream().map(SettlementLine::agreementId).distinct().toList());
        List<LineView> views = new ArrayList<>();
        for (SettlementLine line : lines) {
            var label = labels.get(line.agreementId());
            LineView view = new LineView(
                    line,
                    label == null ? "" : label.doctorName(),
                    label == null ? "" : label.unitName(),
                    label == null ? null : label.municipalityCode(),
                    label == null ? "" : label.municipalityName());
            if (visible(user, view)) {
                views.add(view);
            }
        }
        views.sort(Comparator.comparing((LineView v) -> v.line().kind())
                .thenComparing(LineView::municipalityName)
                .thenComparing(LineView::unitName));
        return new MonthView(
                region,
                month,
                state,
                views,
                sum(views, SettlementLine::amountExVat),
                sum(views, SettlementLine::vat),
                sum(views, SettlementLine::amountInclVat));
    }

    /**
     * Computes and stores the month's lines for review. Repeating a run replaces them; a locked month
     * refuses. A month not yet due is a preview: its lines are computed and answered, nothing is stored.
     */
    @Transactional
    public MonthView run(CurrentUser user, YearMonth month, String regionCode) {
        String region = requireRegion(user, regionCode, month);
        MonthState state = repository.month(region, month).orElse(null);
        if (state != null && state.approved()) {
            throw new ConflictException("MONTH_LOCKED", "settlement.locked");
        }
        if (!due(month)) {
            return month(user, month, region);
        }
        List<SettlementLine> lines = compute(region, month);
        repository.openMonth(region, month, user.username());
        repository.replaceLines(region, month, lines);
        events.publishEvent(new SettlementEvents.MonthRun(
                region + "/" + month,
                Map.of(
                        "lines",
                        new AuditTrail.Change(null, lines.size()),
                        "totalExVat",
                        new AuditTrail.Change(
                                null,
                                lines.stream()
                                        .map(SettlementLine::amountExVat)
                                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                                        .toPlainString())),
                CurrentUsers.actor()));
        return month(user, month, region);
    }

    /** Approves the reviewed run: the month is locked and its lines never change again. */
    @Transactional
    public MonthView approve(CurrentUser user, YearMonth month, String regionCode) {
        String region = requireRegion(user, regionCode, month);
        repository.shareRates();
        MonthState state = repository.month(region, month).orElse(null);
        if (state != null && state.approved()) {
            throw new ConflictException("MONTH_LOCKED", "settlement.locked");
        }
        if (!due(month)) {
            throw new ConflictException("MONTH_NOT_DUE", "settlement.notDue");
        }
        if (state == null || !runForApproval(state, month)) {
            throw new ConflictException("NOT_RUN", "settlement.notRun");
        }
        // the region approves what it reviewed: a run that no longer matches what is due now (a new rate, an
        // approved change, a late agreement) is run again and reviewed first, never locked as it stands
        if (!sameLines(repository.storedLines(region, month), compute(region, month))) {
            throw new ConflictException("MONTH_CHANGED_SINCE_RUN", "settlement.changedSinceRun");
        }
        if (!repository.approve(region, month, user.username())) {
            throw new ConflictException("NOT_RUN", "settlement.notRun");
        }
        events.publishEvent(new SettlementEvents.MonthApproved(
                region + "/" + month,
                Map.of("status", new AuditTrail.Change("OPEN", "APPROVED")),
                CurrentUsers.actor()));
        return month(user, month, region);
    }

    /** The confirmation before approving: the totals the approval would lock (the region's own run). */
    @Transactional(readOnly = true)
    public Approval approval(CurrentUser user, YearMonth month, String regionCode) {
        String region = requireRegion(user, regionCode, month);
        MonthState state = repository.month(region, month).orElse(null);
        boolean locked = state != null && state.approved();
        boolean run = state != null && runForApproval(state, month);
        List<SettlementLine> stored = run || locked ? repository.storedLines(region, month) : List.of();
        boolean changed = run && !locked && !sameLines(stored, compute(region, month));
        return new Approval(
                region,
                month,
                due(month),
                run,
                locked,
                stored.size(),
                total(stored, SettlementLine::amountExVat),
                total(stored, SettlementLine::vat),
                total(stored, SettlementLine::amountInclVat),
                changed);
    }

    /** The same lines: per agreement, kind and corrected month the same amounts ex VAT and VAT. */
    static boolean sameLines(List<SettlementLine> a, List<SettlementLine> b) {
        return a.size() == b.size() && lineSet(a).equals(lineSet(b));
    }

    private static java.util.Set<String> lineSet(List<SettlementLine> lines) {
        java.util.Set<String> set = new java.util.HashSet<>();
        for (SettlementLine line : lines) {
            set.add(line.agreementId() + "/" + line.kind() + "/" + line.correctsMonth() + "/"
                    + line.amountExVat().stripTrailingZeros().toPlainString() + "/"
                    + line.vat().stripTrailingZeros().toPlainString());
        }
        return set;
    }

    private static BigDecimal total(
            List<SettlementLine> lines, java.util.function.Function<SettlementLine, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** F5: the month's fee lines plus adjustments for locked earlier months whose due amount has changed. */
    List<SettlementLine> compute(String region, YearMonth month) {
        return compute(region, month, SettlementRepository.Scope.ALL);
    }

    /**
     * The lines of the agreements in {@code scope}, and adjustments for those paid before (i17-settle: a doctor or a
     * municipality sees only its own lines, so only those are computed; the adjustments of others' agreements that
     * this still yields are not theirs to see, {@link #visible} drops them as before).
     */
    private List<SettlementLine> compute(String region, YearMonth month, SettlementRepository.Scope scope) {
        List<AgreementTerms> current = repository.terms(region, month.atDay(1), month.atEndOfMonth(), scope);
        Map<YearMonth, List<AgreementTerms>> locked = new java.util.LinkedHashMap<>();
        for (YearMonth earlier : repository.approvedMonthsBefore(region, month)) {
            locked.put(earlier, repository.terms(region, earlier.atDay(1), earlier.atEndOfMonth(), scope));
        }
        List<AgreementTerms> all = new ArrayList<>(current);
        locked.values().forEach(all::addAll);
        SettlementCalculator calculator =
                new SettlementCalculator(repository.rates(), repository.residentsHistory(all));
        List<SettlementLine> lines = new ArrayList<>(calculator.feeLines(month, current));
        locked.forEach((earlier, terms) -> lines.addAll(adjustments(calculator, region, earlier, terms, month)));
        return lines;
    }

    private List<SettlementLine> adjustments(
            SettlementCalculator calculator,
            String region,
            YearMonth locked,
            List<AgreementTerms> terms,
            YearMonth month) {
        Map<Long, SettlementLine> due = new HashMap<>();
        for (SettlementLine line : calculator.feeLines(locked, terms)) {
            due.put(line.agreementId(), line);
        }
        Map<Long, SettlementRepository.Paid> paid = repository.paidFor(region, locked, month);
        List<SettlementLine> adjustments = new ArrayList<>();
        var agreements = new java.util.TreeSet<Long>(due.keySet());
        agreements.addAll(paid.keySet());
        for (long agreementId : agreements) {
            SettlementLine should = due.get(agreementId);
            SettlementRepository.Paid was = paid.get(agreementId);
            BigDecimal exVat = (should == null ? BigDecimal.ZERO : should.amountExVat())
                    .subtract(was == null ? BigDecimal.ZERO : was.exVat());
            BigDecimal vat = (should == null ? BigDecimal.ZERO : should.vat())
                    .subtract(was == null ? BigDecimal.ZERO : was.vat());
            if (exVat.signum() != 0 || vat.signum() != 0) {
                adjustments.add(new SettlementLine(
                        agreementId,
                        should != null ? should.doctorId() : was.doctorId(),
                        should != null ? should.providerNumber() : was.providerNumber(),
                        region,
                        month,
                        SettlementLine.Kind.ADJUSTMENT,
                        locked,
                        should == null ? 0 : should.days(),
                        should == null ? BigDecimal.ZERO : should.hours(),
                        exVat,
                        vat,
                        exVat.add(vat)));
            }
        }
        return adjustments;
    }

    // ---- scope --------------------------------------------------------------------------------

    // issue 16 item 1: the start pages
    /** A due month of the region not yet approved: {@code run} when a run waits for approval. */
    public record OpenMonth(YearMonth month, boolean run) {}

    /** The region's due months of the last {@code back} months (this one included) not approved, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenMonth> openMonths(CurrentUser user, int back) {
        String region = requireRegion(user, null, YearMonth.now(DanishTime.DENMARK));
        List<OpenMonth> open = new ArrayList<>();
        YearMonth now = YearMonth.now(DanishTime.DENMARK);
        for (YearMonth m = now.minusMonths(back - 1L); !m.isAfter(now); m = m.plusMonths(1)) {
            MonthState state = repository.month(region, m).orElse(null);
            if (state == null || !state.approved()) {
                open.add(new OpenMonth(m, state != null && runForApproval(state, m)));
            }
        }
        return open;
    }

    /** A doctor's own lines of the region's latest approved month; empty when no month is approved yet. */
    @Transactional(readOnly = true)
    /** i16-rest: the doctor's own lines of the last approved month, as the start page shows them. */
    public record OwnFees(YearMonth month, long lineCount, BigDecimal totalInclVat) {}

    /**
     * The doctor's own fee lines of the last approved month, counted and summed in SQL over the doctor's lines only
     * (issue 16, i16-rest: the start page read the whole region's lines of the month to show one doctor's two).
     */
    @Transactional(readOnly = true)
    public Optional<OwnFees> ownLatestFees(CurrentUser user) {
        if (!user.is(Role.DOCTOR) || user.regionCode() == null || user.doctorId() == null) {
            return Optional.empty();
        }
        return repository
                .lastApprovedBefore(
                        user.regionCode(), YearMonth.now(DanishTime.DENMARK).plusMonths(1))
                .map(month -> {
                    long[] own = repository.ownCount(regionFor(user, null, month), month, user.doctorId());
                    return new OwnFees(month, own[0], BigDecimal.valueOf(own[1], 2));
                });
    }

    public Optional<MonthView> ownLatest(CurrentUser user) {
        if (!user.is(Role.DOCTOR) || user.regionCode() == null) {
            return Optional.empty();
        }
        List<YearMonth> approved = repository.approvedMonthsBefore(
                user.regionCode(), YearMonth.now(DanishTime.DENMARK).plusMonths(1));
        return approved.isEmpty()
                ? Optional.empty()
                : Optional.of(month(user, approved.get(approved.size() - 1), null));
    }

    /**
     * The regions whose settlement of {@code month} the user reads: its region's, or, for a month before a merger
     * made its region, the regions of that month it succeeds (issue 15 item 4: a user of a region merged from 1084 and
     * 1085 on 2027-01-01 reads December 2026 of 1084 and of 1085). Empty for a role that reads no settlement. One
     * statement, no transaction of its own (i18-settle: read on every month page).
     */
    public List<String> regions(CurrentUser user, YearMonth month) {
        if (user.regionCode() == null
                || !(user.is(Role.REGION) || user.is(Role.MUNICIPALITY) || user.is(Role.DOCTOR))) {
            return List.of();
        }
        List<String> regions = lineage.on(user.regionCode(), month.atDay(1));
        return regions.isEmpty() ? List.of(user.regionCode()) : regions;
    }

    /**
     * The region a region user settles: its own, or a region that merged into its region (issue 15 item 4: the new
     * region settles its predecessors' last months under their codes, and reads their history).
     */
    private String requireRegion(CurrentUser user, String regionCode, YearMonth month) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("scope.settlement.region");
        }
        return chosen(user, regionCode, month, "scope.settlement.region");
    }

    private String regionFor(CurrentUser user, String regionCode, YearMonth month) {
        return switch (user.role()) {
            case REGION -> requireRegion(user, regionCode, month);
            case MUNICIPALITY, DOCTOR -> chosen(user, regionCode, month, "scope.settlement.read");
            case FACILITY, NATIONAL, ADMIN -> throw new ForbiddenException("scope.settlement.read");
        };
    }

    /**
     * The stored region code a month is read under: the one asked for if the user's region is it or succeeds it;
     * without one, the user's region, or for a month before its region existed the predecessor of that month (a
     * municipality's own region that month, else the first by code).
     */
    private String chosen(CurrentUser user, String regionCode, YearMonth month, String refusal) {
        if (regionCode == null) {
            List<String> regions = regions(user, month);
            if (regions.isEmpty() || regions.contains(user.regionCode())) {
                return user.regionCode();
            }
            if (user.municipalityCode() != null) {
                var own = reference.regionOf(user.municipalityCode(), month.atDay(1));
                if (own.isPresent() && regions.contains(own.get())) {
                    return own.get();
                }
            }
            return regions.get(0);
        }
        if (user.inRegion(regionCode)) {
            return user.regionCode();
        }
        if (!lineage.includes(user.regionCode(), regionCode)) {
            throw new ForbiddenException(refusal);
        }
        return regionCode;
    }

    /** What of a user decides what of a month they read: their scope, not their name. */
    private static String scopeKey(CurrentUser user) {
        return user.role() + "|" + user.regionCode() + "|" + user.municipalityCode() + "|" + user.facilityId() + "|"
                + user.doctorId() + "|" + user.practiceId();
    }

    /** Whose agreements a user's view of a month needs: all of the region, or only those {@link #visible} keeps. */
    private static SettlementRepository.Scope scope(CurrentUser user) {
        return switch (user.role()) {
            case MUNICIPALITY -> SettlementRepository.Scope.municipality(user.municipalityCode());
            case DOCTOR -> SettlementRepository.Scope.doctor(user.doctorId());
            default -> SettlementRepository.Scope.ALL;
        };
    }

    private static boolean visible(CurrentUser user, LineView view) {
        return switch (user.role()) {
            case REGION -> true;
            case MUNICIPALITY -> user.inMunicipality(view.municipalityCode());
            case DOCTOR ->
                user.doctorId() != null && user.doctorId() == view.line().doctorId();
            case FACILITY, NATIONAL, ADMIN -> false;
        };
    }

    private static BigDecimal sum(List<LineView> views, java.util.function.Function<SettlementLine, BigDecimal> f) {
        return views.stream().map(v -> f.apply(v.line())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
