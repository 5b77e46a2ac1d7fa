package dk.botilbudslaege.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The region-owned fields a doctor may ask to have changed ({@link RegionOwnedFields}), each with
 * the values it accepts. Only the VAT status is dated (SPEC F5): it changes from the request's date;
 * the others change when the region approves, which it may do from that date on.
 */
enum ChangeRequestField {
    VAT_REGISTERED("vatRegistered", true, false),
    PROVIDER_NUMBER("providerNumber", false, false),
    DOCTOR_CAPACITY("doctorCapacity", false, false),
    CLINIC_TYPE("clinicType", false, false),
    NURSING_HOME_DOCTOR("nursingHomeDoctor", false, true),
    /** How many of the practice's capacities the doctor holds (SPEC §3, seed 004 § 65). */
    CAPACITIES("capacities", false, true);

    /** The most capacities a practice may have (as the practice form and the schema allow). */
    static final int MAX_CAPACITY = 100;

    private final String apiName;
    private final boolean dated;
    private final boolean ofDoctor;

    ChangeRequestField(String apiName, boolean dated, boolean ofDoctor) {
        this.apiName = apiName;
        this.dated = dated;
        this.ofDoctor = ofDoctor;
    }

    String apiName() {
        return apiName;
    }

    /** Whether the field has a history: a change holds from its date, also a date in the future. */
    boolean dated() {
        return dated;
    }

    /** Whether the field belongs to a doctor rather than to the practice. */
    boolean ofDoctor() {
        return ofDoctor;
    }

    static Optional<ChangeRequestField> of(String apiName) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(apiName)).findFirst();
    }

    /** The value in its stored form ("true", "123456", "3", "TENDER"), or empty when the field does not accept it. */
    Optional<String> normalize(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return switch (this) {
            case VAT_REGISTERED, NURSING_HOME_DOCTOR ->
                v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                        ? Optional.of(v.toLowerCase(Locale.ROOT))
                        : Optional.empty();
            case PROVIDER_NUMBER -> v.matches("[0-9]{6}") ? Optional.of(v) : Optional.empty();
            case DOCTOR_CAPACITY, CAPACITIES -> {
                if (!v.matches("[0-9]{1,3}")) {
                    yield Optional.empty();
                }
                int n = Integer.parseInt(v);
                yield n >= 1 && n <= MAX_CAPACITY ? Optional.of(String.valueOf(n)) : Optional.empty();
            }
            case CLINIC_TYPE ->
                Arrays.stream(ClinicType.values())
                        .map(Enum::name)
                        .filter(n -> n.equals(v.toUpperCase(Locale.ROOT)))
                        .findFirst();
        };
    }

    /** The field's value on the practice or doctor now, in stored form. */
    String valueOf(Practice practice, Doctor doctor) {
        return switch (this) {
            case VAT_REGISTERED -> String.valueOf(practice.vatRegistered());
            case PROVIDER_NUMBER -> practice.providerNumber();
            case DOCTOR_CAPACITY -> String.valueOf(practice.doctorCapacity());
            case CLINIC_TYPE -> practice.clinicType().name();
            case NURSING_HOME_DOCTOR -> String.valueOf(doctor.nursingHomeDoctor());
            case CAPACITIES -> String.valueOf(doctor.capacities());
        };
    }
}
