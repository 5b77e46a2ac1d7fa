package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.registry.FacilityForm;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The facility file (SPEC §2): one facility per row. Each row is bound into a {@link FacilityForm}
 * and checked by the same rules as the form (Bean Validation, then {@link Facilities#problems}),
 * the caller's scope, and against facilities already registered or earlier in the file.
 */
@Component
class FacilityImport {

    static final ImportColumn NAME = ImportColumn.required("name", "Navn");
    static final ImportColumn ADDRESS = ImportColumn.required("address", "Adresse");
    static final ImportColumn MUNICIPALITY = ImportColumn.required("municipalityCode", "Kommunekode", "Kommune");
    static final ImportColumn OPERATOR = ImportColumn.required("operator", "Driftsform");
    static final ImportColumn OWNERSHIP = ImportColumn.optional("privateOwnership", "Privat ejerform");
    static final ImportColumn LEGAL_BASIS = ImportColumn.required("legalBasis", "Lovgrundlag");
    static final ImportColumn PLACES = ImportColumn.required("places", "Pladser");
    static final ImportColumn RESIDENTS = ImportColumn.required("residents", "Beboere");
    static final ImportColumn TEMPORARY = ImportColumn.optional("temporaryPlaces", "Midlertidige pladser");
    static final ImportColumn LATITUDE = ImportColumn.optional("latitude", "Breddegrad");
    static final ImportColumn LONGITUDE = ImportColumn.optional("longitude", "Længdegrad");

    static final List<ImportColumn> COLUMNS = List.of(
            NAME,
            ADDRESS,
            MUNICIPALITY,
            OPERATOR,
            OWNERSHIP,
            LEGAL_BASIS,
            PLACES,
            RESIDENTS,
            TEMPORARY,
            LATITUDE,
            LONGITUDE);

    /** The example row of the template, as Danish Excel would show it. */
    static final List<Object> EXAMPLE = List.of(
            "Bostedet Eksempel",
            "Eksempelvej 1, 8500 Grenaa",
            "707",
            "kommunal",
            "",
            "SEL § 108",
            20,
            18,
            2,
            56.4123,
            10.8712);

    private final Facilities facilities;
    private final ReferenceData reference;
    private final Validator validator;

    FacilityImport(Facilities facilities, ReferenceData reference, Validator validator) {
        this.facilities = facilities;
        this.reference = reference;
        this.validator = validator;
    }

    /** The facilities of the file in row order; every problem of every row goes to {@code problems}. */
    List<Facility.FacilityData> read(CurrentUser user, ImportFile file, RowProblems problems) {
        ImportLayout layout = ImportLayout.locate(COLUMNS, file.headers(), problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Facility.FacilityData> result = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (ImportFile.Row row : file.rows()) {
            if (problems.full()) {
                break;
            }
            RowReader cells = new RowReader(row, layout, problems);
            Facility.FacilityData data = check(user, bind(cells), cells);
            if (data != null) {
                Integer earlier = seen.putIfAbsent(identity(data), row.number());
                if (earlier != null) {
                    cells.problem("name", "import.facility.duplicateInFile", earlier);
                } else if (facilities.alreadyRegistered(data)) {
                    cells.problem("name", "import.facility.exists", data.name());
                }
                result.add(data);
            }
        }
        return result;
    }

    private FacilityForm bind(RowReader cells) {
        FacilityForm form = new FacilityForm();
        form.setName(cells.read(NAME, ImportValues::text));
        form.setAddress(cells.read(ADDRESS, ImportValues::text));
        form.setMunicipalityCode(
                cells.read(MUNICIPALITY, raw -> ImportValues.municipalityCode(raw, reference.municipalities())));
        form.setOperator(cells.read(OPERATOR, ImportValues::operator));
        form.setPrivateOwnership(cells.read(OWNERSHIP, ImportValues::privateOwnership));
        form.setLegalBasis(cells.read(LEGAL_BASIS, ImportValues::legalBasis));
        form.setPlaces(cells.read(PLACES, ImportValues::integer));
        form.setResidents(cells.read(RESIDENTS, ImportValues::integer));
        form.setTemporaryPlaces(cells.read(TEMPORARY, ImportValues::integer));
        form.setLatitude(cells.read(LATITUDE, ImportValues::decimal));
        form.setLongitude(cells.read(LONGITUDE, ImportValues::decimal));
        return form;
    }

    /**
     * The row's facility when it keeps every rule of the form and the caller's scope; else null. Every
     * rule the row's readable cells allow is checked, so that one upload shows all the row's problems;
     * only the rules between fields wait until both numbers (places, residents) can be read.
     */
    private Facility.FacilityData check(CurrentUser user, FacilityForm form, RowReader cells) {
        cells.violations(validator.validate(form), field -> field);
        Facility.FacilityData data = null;
        if (form.getPlaces() != null && form.getResidents() != null) {
            data = form.data();
            cells.problems(facilities.problems(data, null));
        }
        if (cells.clear(MUNICIPALITY.field())
                && cells.clear(OPERATOR.field())
                && !facilities.canWrite(user, form.getMunicipalityCode(), form.getOperator())) {
            boolean ownMunicipality = user.is(Role.MUNICIPALITY) && user.inMunicipality(form.getMunicipalityCode());
            cells.problem(ownMunicipality ? OPERATOR.field() : MUNICIPALITY.field(), Facilities.writeRefusal(user));
        }
        return cells.problemCount() == 0 ? data : null;
    }

    /** Two rows are the same facility when name, address, municipality and legal basis agree. */
    private static List<Object> identity(Facility.FacilityData d) {
        return List.of(
                d.name().toLowerCase(Locale.ROOT),
                d.address().toLowerCase(Locale.ROOT),
                d.municipalityCode(),
                d.legalBasis());
    }
}
