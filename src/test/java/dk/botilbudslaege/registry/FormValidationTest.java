package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The field rules of the registry forms, as Bean Validation sees them (messages are keys of messages_da). */
class FormValidationTest {

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    static FacilityForm validFacility() {
        FacilityForm form = new FacilityForm();
        form.setName("Skovstjernen");
        form.setAddress("Skovvej 12, 8500 Grenaa");
        form.setMunicipalityCode("707");
        form.setOperator(Operator.MUNICIPAL);
        form.setLegalBasis(LegalBasis.SEL_108);
        form.setPlaces(24);
        form.setResidents(22);
        form.setTemporaryPlaces(0);
        form.setLatitude(56.42);
        form.setLongitude(10.87);
        return form;
    }

    static PracticeForm validPractice() {
        PracticeForm form = new PracticeForm();
        form.setProviderNumber("070101");
        form.setName("Lægerne ved Torvet");
        form.setAddress("Torvet 3, 8500 Grenaa");
        form.setMunicipalityCode("707");
        form.setClinicType(ClinicType.ORDINARY);
        form.setDoctorCapacity(3);
        form.setOpenForNewPatients(false);
        form.setVatRegistered(false);
        return form;
    }

    static Set<String> problems(Object form) {
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        return violations.stream()
                .map(v -> v.getPropertyPath() + ":" + v.getMessageTemplate())
                .collect(Collectors.toSet());
    }

    @Test
    void a_complete_facility_is_valid() {
        assertThat(problems(validFacility())).isEmpty();
    }

    @Test
    void a_facility_needs_name_address_municipality_operator_legal_basis_places_and_residents() {
        assertThat(problems(new FacilityForm()))
                .containsExactlyInAnyOrder(
                        "name:{facility.name.required}",
                        "address:{facility.address.required}",
                        "municipalityCode:{facility.municipalityCode.required}",
                        "operator:{facility.operator.required}",
                        "legalBasis:{facility.legalBasis.required}",
                        "places:{facility.places.required}",
                        "residents:{facility.residents.required}");
    }

    @Test
    void blank_names_are_refused_like_missing_ones() {
        FacilityForm form = validFacility();
        form.setName("   ");
        assertThat(problems(form)).containsExactly("name:{facility.name.required}");
    }

    @Test
    void a_municipality_code_has_three_digits() {
        FacilityForm form = validFacility();
        form.setMunicipalityCode("7070");
        assertThat(problems(form)).containsExactly("municipalityCode:{facility.municipalityCode.pattern}");
    }

    @Test
    void places_and_residents_are_never_negative() {
        FacilityForm form = validFacility();
        form.setPlaces(-1);
        form.setResidents(-1);
        form.setTemporaryPlaces(-1);
        assertThat(problems(form))
                .containsExactlyInAnyOrder(
                        "places:{validation.min}", "residents:{validation.min}", "temporaryPlaces:{validation.min}");
    }

    @Test
    void zero_places_and_residents_are_allowed_for_a_facility_being_established() {
        FacilityForm form = validFacility();
        form.setPlaces(0);
        form.setResidents(0);
        assertThat(problems(form)).isEmpty();
    }

    @Test
    void coordinates_must_lie_in_denmark() {
        FacilityForm form = validFacility();
        form.setLatitude(60.0);
        form.setLongitude(7.9);
        assertThat(problems(form))
                .containsExactlyInAnyOrder("latitude:{validation.latitude}", "longitude:{validation.longitude}");
        form.setLatitude(54.5);
        form.setLongitude(15.3);
        assertThat(problems(form)).as("the edges of the box are inside").isEmpty();
    }

    @Test
    void the_private_ownership_is_dropped_unless_the_operator_is_private() {
        FacilityForm form = validFacility();
        form.setPrivateOwnership(PrivateOwnership.COMMERCIAL);
        assertThat(form.data().privateOwnership()).isNull();
        form.setOperator(Operator.PRIVATE);
        assertThat(form.data().privateOwnership()).isEqualTo(PrivateOwnership.COMMERCIAL);
    }

    @Test
    void names_and_addresses_are_trimmed_and_temporary_places_default_to_zero() {
        FacilityForm form = validFacility();
        form.setName("  Nyvang ");
        form.setTemporaryPlaces(null);
        assertThat(form.data().name()).isEqualTo("Nyvang");
        assertThat(form.data().temporaryPlaces()).isZero();
    }

    @Test
    void a_complete_practice_is_valid() {
        assertThat(problems(validPractice())).isEmpty();
    }

    @Test
    void a_provider_number_has_exactly_six_digits() {
        PracticeForm form = validPractice();
        for (String bad : new String[] {"12345", "1234567", "12345a", "12 345"}) {
            form.setProviderNumber(bad);
            assertThat(problems(form)).as(bad).containsExactly("providerNumber:{practice.providerNumber.pattern}");
        }
        form.setProviderNumber("012345");
        assertThat(problems(form)).isEmpty();
    }

    @Test
    void a_practice_has_at_least_one_doctor_capacity_and_states_patients_and_vat() {
        PracticeForm form = validPractice();
        form.setDoctorCapacity(0);
        form.setOpenForNewPatients(null);
        form.setVatRegistered(null);
        assertThat(problems(form))
                .containsExactlyInAnyOrder(
                        "doctorCapacity:{validation.min}",
                        "openForNewPatients:{practice.openForNewPatients.required}",
                        "vatRegistered:{practice.vatRegistered.required}");
    }

    @Test
    void a_doctor_needs_a_name_and_a_practice() {
        assertThat(problems(new DoctorForm()))
                .containsExactlyInAnyOrder("name:{doctor.name.required}", "practiceId:{doctor.practiceId.required}");
    }
}
