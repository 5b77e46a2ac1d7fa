package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.registry.DoctorForm;
import dk.botilbudslaege.registry.Practice;
import dk.botilbudslaege.registry.PracticeForm;
import dk.botilbudslaege.registry.Practices;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The practice file (SPEC §2): one row per doctor, the practice's columns repeated for each doctor
 * of the same provider number (ydernummer). The first row of a provider number defines the practice
 * and is checked by the rules of the practice form ({@link Practices#problems}) and the caller's
 * scope; later rows of it must agree with it. Only new practices are imported.
 */
@Component
class PracticeImport {

    static final ImportColumn PROVIDER_NUMBER = ImportColumn.required("providerNumber", "Ydernummer");
    static final ImportColumn NAME = ImportColumn.required("name", "Praksisnavn");
    static final ImportColumn ADDRESS = ImportColumn.required("address", "Adresse");
    static final ImportColumn MUNICIPALITY = ImportColumn.required("municipalityCode", "Kommunekode", "Kommune");
    static final ImportColumn CLINIC_TYPE = ImportColumn.required("clinicType", "Klinikform");
    static final ImportColumn CAPACITY = ImportColumn.required("doctorCapacity", "Lægekapaciteter");
    static final ImportColumn OPEN =
            ImportColumn.required("openForNewPatients", "Åben for nye patienter", "Åben for tilgang af patienter");
    static final ImportColumn VAT = ImportColumn.required("vatRegistered", "Momsregistreret");
    static final ImportColumn LATITUDE = ImportColumn.optional("latitude", "Breddegrad");
    static final ImportColumn LONGITUDE = ImportColumn.optional("longitude", "Længdegrad");
    static final ImportColumn DOCTOR_NAME = ImportColumn.required("doctorName", "Lægens navn");
    static final ImportColumn NURSING_HOME = ImportColumn.optional("nursingHomeDoctor", "Plejehjemslæge");

    static final List<ImportColumn> COLUMNS = List.of(
            PROVIDER_NUMBER,
            NAME,
            ADDRESS,
            MUNICIPALITY,
            CLINIC_TYPE,
            CAPACITY,
            OPEN,
            VAT,
            LATITUDE,
            LONGITUDE,
            DOCTOR_NAME,
            NURSING_HOME);

    static final List<Object> EXAMPLE = List.of(
            "999901",
            "Lægehuset Eksempel",
            "Eksempelgade 2, 8500 Grenaa",
            "707",
            "almindelig praksis",
            2,
            "ja",
            "nej",
            56.4156,
            10.8789,
            "Eksempel Lægesen",
            "nej");

    /** The practice's columns, which every row of one provider number must repeat alike. */
    private static final Map<ImportColumn, Function<PracticeForm, Object>> SHARED = sharedColumns();

    /** A new practice and the doctors of its rows. */
    record NewPractice(Practice.PracticeData practice, List<DoctorForm> doctors) {}

    private final Practices practices;
    private final ReferenceData reference;
    private final Validator validator;

    PracticeImport(Practices practices, ReferenceData reference, Validator validator) {
        this.practices = practices;
        this.reference = reference;
        this.validator = validator;
    }

    /** The practices of the file, in order of first appearance; every problem goes to {@code problems}. */
    List<NewPractice> read(CurrentUser user, ImportFile file, RowProblems problems) {
        ImportLayout layout = ImportLayout.locate(COLUMNS, file.headers(), problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        Map<String, Group> byProviderNumber = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (ImportFile.Row row : file.rows()) {
            if (problems.full()) {
                break;
            }
            RowReader cells = new RowReader(row, layout, problems);
            PracticeForm practice = bindPractice(cells);
            String providerNumber = practice.getProviderNumber();
            Group group = providerNumber == null ? null : byProviderNumber.get(providerNumber);
            if (group == null) {
                group = new Group(cells, practice, check(user, practice, cells));
                groups.add(group);
                if (providerNumber != null) {
                    byProviderNumber.put(providerNumber, group);
                }
            } else {
                compare(group, practice, cells);
            }
            group.doctors.add(bindDoctor(cells));
        }
        return groups.stream()
                .filter(g -> g.data != null)
                .map(g -> new NewPractice(g.data, g.doctors))
                .toList();
    }

    private PracticeForm bindPractice(RowReader cells) {
        PracticeForm form = new PracticeForm();
        form.setProviderNumber(cells.read(PROVIDER_NUMBER, ImportValues::providerNumber));
        form.setName(cells.read(NAME, ImportValues::text));
        form.setAddress(cells.read(ADDRESS, ImportValues::text));
        form.setMunicipalityCode(
                cells.read(MUNICIPALITY, raw -> ImportValues.municipalityCode(raw, reference.municipalities())));
        form.setClinicType(cells.read(CLINIC_TYPE, ImportValues::clinicType));
        form.setDoctorCapacity(cells.read(CAPACITY, ImportValues::integer));
        form.setOpenForNewPatients(cells.read(OPEN, ImportValues::yesNo));
        form.setVatRegistered(cells.read(VAT, ImportValues::yesNo));
        form.setLatitude(cells.read(LATITUDE, ImportValues::decimal));
        form.setLongitude(cells.read(LONGITUDE, ImportValues::decimal));
        return form;
    }

    private DoctorForm bindDoctor(RowReader cells) {
        DoctorForm form = new DoctorForm();
        form.setName(cells.read(DOCTOR_NAME, ImportValues::text));
        form.setNursingHomeDoctor(Boolean.TRUE.equals(cells.read(NURSING_HOME, ImportValues::yesNo)));
        // The practice is created by this import, so only the doctor's own fields are checked here.
        cells.violations(validator.validateProperty(form, "name"), field -> DOCTOR_NAME.field());
        return form;
    }

    /**
     * The practice of its first row when it keeps every rule of the form and the caller's scope; else
     * null. Every rule the row's readable cells allow is checked; the registry's own rules once every
     * required value is there.
     */
    private Practice.PracticeData check(CurrentUser user, PracticeForm form, RowReader cells) {
        cells.violations(validator.validate(form), field -> field);
        Practice.PracticeData data = null;
        if (complete(form)) {
            data = form.data();
            cells.problems(practices.problems(data, null).stream()
                    .map(PracticeImport::forImport)
                    .toList());
        }
        if (cells.clear(MUNICIPALITY.field()) && !practices.canCreate(user, form.getMunicipalityCode())) {
            cells.problem(MUNICIPALITY.field(), "scope.practice.create");
        }
        return cells.problemCount() == 0 ? data : null;
    }

    /** Whether the form has every value its data need (missing ones are already reported). */
    private static boolean complete(PracticeForm form) {
        return form.getProviderNumber() != null
                && form.getName() != null
                && form.getAddress() != null
                && form.getDoctorCapacity() != null
                && form.getOpenForNewPatients() != null
                && form.getVatRegistered() != null;
    }

    /** A later row of a provider number must repeat the practice as its first row has it. */
    private static void compare(Group group, PracticeForm practice, RowReader cells) {
        SHARED.forEach((column, value) -> {
            if (group.first.clear(column.field())
                    && cells.clear(column.field())
                    && !same(value.apply(group.practice), value.apply(practice))) {
                cells.problem(
                        column.field(),
                        "import.providerNumber.conflictWithRow",
                        practice.getProviderNumber(),
                        group.first.number());
            }
        });
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return s.replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT)
                    .equals(t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        return Objects.equals(a, b);
    }

    /** In an import a taken provider number means the practice is registered already: say so plainly. */
    private static FieldProblem forImport(FieldProblem problem) {
        return problem.messageKey().equals("practice.providerNumber.taken")
                ? new FieldProblem(problem.field(), "import.providerNumber.exists", problem.args())
                : problem;
    }

    private static Map<ImportColumn, Function<PracticeForm, Object>> sharedColumns() {
        Map<ImportColumn, Function<PracticeForm, Object>> shared = new LinkedHashMap<>();
        shared.put(NAME, PracticeForm::getName);
        shared.put(ADDRESS, PracticeForm::getAddress);
        shared.put(MUNICIPALITY, PracticeForm::getMunicipalityCode);
        shared.put(CLINIC_TYPE, PracticeForm::getClinicType);
        shared.put(CAPACITY, PracticeForm::getDoctorCapacity);
        shared.put(OPEN, PracticeForm::getOpenForNewPatients);
        shared.put(VAT, PracticeForm::getVatRegistered);
        shared.put(LATITUDE, PracticeForm::getLatitude);
        shared.put(LONGITUDE, PracticeForm::getLongitude);
        return shared;
    }

    private static final class Group {

        private final RowReader first;
        private final PracticeForm practice;
        private final Practice.PracticeData data;
        private final List<DoctorForm> doctors = new ArrayList<>();

        Group(RowReader first, PracticeForm practice, Practice.PracticeData data) {
            this.first = first;
            this.practice = practice;
            this.data = data;
        }
    }
}
